import pytest

from desktop import spelling
from desktop.errors import InputError


def test_system_dictionary_is_found():
    # scripts/run-tests.sh installs Debian's hunspell-vi.
    assert spelling.system_dictionary() is not None


def test_missing_dictionary_is_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(spelling, "SYSTEM_DICTIONARIES", (tmp_path / "none.dic",))
    with pytest.raises(InputError) as caught:
        spelling.SpellChecker(tmp_path / "personal.txt")
    assert caught.value.code == "dictionary_missing"


def test_window_runs_without_dictionary(open_window, monkeypatch, tmp_path):
    monkeypatch.setattr(spelling, "SYSTEM_DICTIONARIES", (tmp_path / "none.dic",))
    window = open_window()
    window._start_spelling()
    assert window.editor.spelling is None
