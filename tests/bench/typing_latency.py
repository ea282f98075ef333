"""Typing latency in the real editor on a 5,000-word article, preview on.

A keystroke is timed from sending its key event to the body having painted
it (a synchronous repaint of the viewport). The baseline is the same
keystroke in a bare QPlainTextEdit holding the same text, measured in the
same run. The preview and autosave run on timers after a pause in typing, so
their cost is timed on its own: it delays the next keystroke if one comes
while they run. Prints key=value figures on the last line.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

from tests.fakes import MemoryKeyring  # noqa: E402

WORDS = 5000
KEYSTROKES = 300
SENTENCE = ("Hội nghị đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế "
            "xã hội năm 2026 của Đảng bộ xã Hòa Thắng. ")


def article_text() -> str:
    words_per_sentence = len(SENTENCE.split())
    paragraph = SENTENCE * 5 + "\n\n"
    return paragraph * (WORDS // (words_per_sentence * 5) + 1)


def keystroke_ms(widget: QPlainTextEdit, app: QApplication) -> list[float]:
    samples = []
    for number in range(KEYSTROKES):
        char = "abcdeghiklmnopqrstuvxy"[number % 22]
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(
                kind, 0, Qt.KeyboardModifier.NoModifier, char))
        widget.viewport().repaint()
        samples.append((time.perf_counter() - started) * 1000)
        app.processEvents()
    return samples


def timed_ms(function, rounds: int = 15) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    keyring.set_keyring(MemoryKeyring())
    app = QApplication([])
    from desktop.paths import resolve_paths
    from desktop.settings import Settings
    from ui.main_window import MainWindow

    text = article_text()
    bare = QPlainTextEdit()
    bare.resize(600, 700)
    bare.show()
    bare.setPlainText(text)
    bare.setFocus()

    with tempfile.TemporaryDirectory() as folder:
        paths = resolve_paths(folder).create()
        window = MainWindow(paths, Settings(paths.settings_file))
        window.show()
        window.new_article()
        window.editor.body.setPlainText(text)
        window.editor.body.setFocus()
        # Spelling loads its dictionary in the background: measure with it on.
        window._start_spelling()
        while not window.editor.spelling.checker.is_loaded:
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()

        bare_ms = keystroke_ms(bare, app)
        tinxa_ms = keystroke_ms(window.editor.body, app)
        preview_ms = timed_ms(window.editor._render_preview)
        autosave_ms = timed_ms(lambda: window.store.save_article(
            window.editor.article()))
        window.close()

    bare_median = statistics.median(bare_ms)
    tinxa_median = statistics.median(tinxa_ms)
    tinxa_p95 = sorted(tinxa_ms)[int(len(tinxa_ms) * 0.95)]
    print(f"words={WORDS} keystrokes={KEYSTROKES} "
          f"bare_key_ms_median={bare_median:.2f} "
          f"tinxa_key_ms_median={tinxa_median:.2f} tinxa_key_ms_p95={tinxa_p95:.2f} "
          f"ratio={tinxa_median / bare_median:.2f} preview_render_ms={preview_ms:.1f} "
          f"autosave_ms={autosave_ms:.1f} goal_ms=16 "
          f"met={tinxa_median < 16}")


if __name__ == "__main__":
    main()
