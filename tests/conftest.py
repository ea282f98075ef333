"""Shared test set-up: Qt runs offscreen, no test touches the real password
vault, and the WordPress fixtures load."""

import os

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.store import Store  # noqa: E402
from tests.fakes import MemoryKeyring  # noqa: E402  (after the Qt platform)

pytest_plugins = ["tests.wordpress_fixtures", "tests.window_fixtures"]


@pytest.fixture(autouse=True)
def memory_vault():
    """Give every test an empty in-memory vault instead of the machine's."""
    previous = keyring.get_keyring()
    vault = MemoryKeyring()
    keyring.set_keyring(vault)
    yield vault
    keyring.set_keyring(previous)


@pytest.fixture
def store(tmp_path):
    """An empty local store in the test's own folder, closed afterwards."""
    opened = Store(tmp_path / "tinxa.sqlite3")
    yield opened
    opened.close()
