import keyring
import keyring.errors
import pytest
from keyring.backends import fail

from desktop.credentials import CredentialStore
from tests.fakes import MemoryKeyring


class BrokenKeyring(MemoryKeyring):
    def set_password(self, service, username, password):
        raise keyring.errors.KeyringError("vault locked")


@pytest.fixture
def vault():
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def test_password_goes_to_vault(vault):
    credentials = CredentialStore()
    credentials.set("https://xa.vn", "hoa", "abcd efgh")
    assert credentials.secure
    assert list(vault.secrets.values()) == ["abcd efgh"]
    assert CredentialStore().get("https://xa.vn", "hoa") == "abcd efgh"


def test_delete_removes_password(vault):
    credentials = CredentialStore()
    credentials.set("https://xa.vn", "hoa", "secret")
    credentials.delete("https://xa.vn", "hoa")
    assert credentials.get("https://xa.vn", "hoa") is None
    credentials.delete("https://xa.vn", "hoa")


def test_no_vault_keeps_password_in_memory():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        credentials = CredentialStore()
        assert not credentials.secure
        credentials.set("https://xa.vn", "hoa", "secret")
        assert credentials.get("https://xa.vn", "hoa") == "secret"
        assert CredentialStore().get("https://xa.vn", "hoa") is None
    finally:
        keyring.set_keyring(previous)


def test_vault_failure_falls_back_to_memory():
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    try:
        credentials = CredentialStore()
        credentials.set("https://xa.vn", "hoa", "secret")
        assert not credentials.secure
        assert credentials.get("https://xa.vn", "hoa") == "secret"
    finally:
        keyring.set_keyring(previous)
