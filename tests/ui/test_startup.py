import json

import pytest

from desktop.models import Article
from desktop.paths import resolve_paths
from desktop.settings import Settings
from desktop.store import Store
from ui import startup


@pytest.fixture
def messages(monkeypatch):
    shown = []
    monkeypatch.setattr(startup, "show_error", shown.append)
    monkeypatch.setattr(startup, "show_warning", shown.append)
    return shown


@pytest.fixture
def paths(tmp_path):
    return resolve_paths(tmp_path / "tinxa").create()


def test_healthy_database_passes(qapp, paths, messages):
    Store(paths.database).close()
    assert startup.check_database(paths)
    assert messages == []


def test_garbage_database_is_set_aside(qapp, paths, messages):
    paths.database.write_bytes(b"this is not sqlite" * 100)
    assert startup.check_database(paths)
    assert len(messages) == 1
    kept = list(paths.data_dir.glob("tinxa.sqlite3.damaged-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes().startswith(b"this is not sqlite")
    assert Store(paths.database).list_articles() == []


def test_damaged_pages_are_found(qapp, paths, messages):
    store = Store(paths.database)
    for number in range(300):
        store.save_article(Article(title=f"Bài {number}", body="Nội dung " * 200))
    store.close()
    data = bytearray(paths.database.read_bytes())
    page = 4096
    for offset in range(5 * page, 8 * page):
        data[offset] = 0xFF
    paths.database.write_bytes(bytes(data))
    assert startup.check_database(paths)
    assert messages


def test_second_instance_is_refused(qapp, paths, messages):
    first = startup.take_instance_lock(paths)
    assert first is not None
    assert startup.take_instance_lock(paths) is None
    assert len(messages) == 1
    first.unlock()
    assert startup.take_instance_lock(paths) is not None


@pytest.mark.parametrize("version", ["1", None, 0, 99, [1]])
def test_odd_settings_format_gives_defaults(tmp_path, version):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"format_version": version, "language": "en"}))
    assert Settings(path).get("language") == "vi"


@pytest.mark.parametrize("interval", [-5, 0, 10**9, True])
def test_out_of_range_interval_gives_default(tmp_path, interval):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"format_version": 1,
                                "sync_interval_s": interval}))
    assert Settings(path).get("sync_interval_s") == 30



def test_read_only_database_is_not_damaged(qapp, paths, messages, monkeypatch):
    Store(paths.database).close()
    # Tests run as root, which ignores file modes, so the check is faked.
    monkeypatch.setattr(startup.os, "access",
                        lambda path, mode: path != paths.database)
    assert not startup.check_database(paths)
    assert "cannot write" in messages[0]
    assert paths.database.exists()
