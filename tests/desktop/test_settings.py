import json

import pytest

from desktop.paths import BASEDIR_ENV, resolve_paths
from desktop.settings import Settings


def test_defaults_without_file(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert settings.get("language") == "vi"
    assert settings.get("image_max_side") == 1600


def test_values_survive_reopening(tmp_path):
    Settings(tmp_path / "settings.json").set("language", "en")
    assert Settings(tmp_path / "settings.json").get("language") == "en"


def test_wrong_type_is_rejected(tmp_path):
    with pytest.raises(TypeError):
        Settings(tmp_path / "settings.json").set("sync_interval_s", "30")


def test_damaged_file_gives_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\x00{not json")
    assert Settings(path).get("language") == "vi"


def test_wrongly_typed_value_gives_default(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"format_version": 1, "sync_interval_s": "x"}))
    assert Settings(path).get("sync_interval_s") == 30


def test_basedir_argument_wins(tmp_path, monkeypatch):
    monkeypatch.setenv(BASEDIR_ENV, str(tmp_path / "env"))
    paths = resolve_paths(tmp_path / "arg")
    assert paths.data_dir == tmp_path / "arg" / "data"


def test_basedir_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(BASEDIR_ENV, str(tmp_path / "env"))
    paths = resolve_paths().create()
    assert paths.database == tmp_path / "env" / "data" / "tinxa.sqlite3"
    assert paths.log_dir.is_dir()
