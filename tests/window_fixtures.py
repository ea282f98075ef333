"""Fixtures that open TinXa's real main window on a throwaway data folder."""

import pytest

from desktop.paths import resolve_paths
from desktop.settings import Settings
from ui.main_window import MainWindow


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Return a function that opens a main window on ``tmp_path``; the window
    and its network lane are closed at the end of the test."""
    opened = []

    def open_(sync_interval_s: int = 1) -> MainWindow:
        paths = resolve_paths(tmp_path / "tinxa").create()
        settings = Settings(paths.settings_file)
        settings.set("sync_interval_s", sync_interval_s)
        window = MainWindow(paths, settings)
        qtbot.addWidget(window)
        window.show()
        opened.append(window)
        return window

    yield open_
    for window in opened:
        if window.isVisible():
            window.close()
