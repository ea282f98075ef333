"""Time from launch to a usable TinXa window, against a bare Qt window.

Each sample is a new process, timed from spawn until the window has been shown
and the event loop has run once (the child prints that moment; shutting down is
not counted). The baseline is a QApplication with an empty
QMainWindow, measured in the same run so machine noise cancels in the ratio.
Runs offscreen unless DISPLAY is set. Prints key=value figures on the last line.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 7


def child(kind: str, basedir: str) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if kind == "bare":
        app = QApplication([])
        window = QMainWindow()
        window.resize(1200, 760)
        window.show()
        QTimer.singleShot(0, lambda: print(f"ready {time.time():.6f}", flush=True))
        QTimer.singleShot(0, app.quit)
        app.exec()
        return
    from ui.app import main

    # --smoke-test closes the window after the first turn of the event loop.
    sys.exit(main(["--basedir", basedir, "--smoke-test"]))


def sample(kind: str, basedir: str) -> float:
    started = time.time()
    done = subprocess.run([sys.executable, __file__, "--child", kind, basedir],
                          check=True, env=os.environ, capture_output=True,
                          text=True)
    ready = [line for line in done.stdout.splitlines() if line.startswith("ready ")]
    return float(ready[-1].split()[1]) - started


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return
    if not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        sample("tinxa", folder)  # first start creates the database: not timed
        bare, tinxa = [], []
        for _ in range(ROUNDS):
            bare.append(sample("bare", folder))
            tinxa.append(sample("tinxa", folder))
    bare_s = statistics.median(bare)
    tinxa_s = statistics.median(tinxa)
    print(f"rounds={ROUNDS} platform={os.environ.get('QT_QPA_PLATFORM', 'xcb')} "
          f"bare_window_s={bare_s:.3f} tinxa_window_s={tinxa_s:.3f} "
          f"ratio={tinxa_s / bare_s:.2f}")


if __name__ == "__main__":
    main()
