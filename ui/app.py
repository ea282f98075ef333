"""TinXa's entry point: parse options, set up folders and language, open the window."""

import argparse
import logging
import sys
import time

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.logs import setup_logging
from desktop.paths import BASEDIR_ENV, resolve_paths
from desktop.settings import Settings
from resources import resource_path

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tinxa", description=(
        "Write commune news offline and send it to the commune's WordPress."))
    parser.add_argument(
        "--basedir", help=f"folder for all data and logs (portable use); "
        f"the {BASEDIR_ENV} environment variable does the same")
    parser.add_argument("--language", choices=("vi", "en"),
                        help="UI language for this run (default: the saved "
                        "setting, Vietnamese at first)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="open the window, print the Unix time at which it "
                        "was ready, then quit with status 0")
    parser.add_argument("--version", action="version",
                        version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def install_translators(app: QApplication, language: str) -> None:
    """Load TinXa's own translation and Qt's for the standard dialogs."""
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi"
                               else QLocale.Language.English))
    if language == "en":
        return  # the source strings are English
    own = QTranslator(app)
    if own.load(str(resource_path("translations", f"tinxa_{language}.qm"))):
        app.installTranslator(own)
    else:
        log.warning("no TinXa translation for %s", language)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    paths = resolve_paths(args.basedir)
    settings = Settings(paths.settings_file)
    install_translators(app, args.language or settings.get("language"))

    from ui import startup

    try:
        paths.create()
        log_file = setup_logging(paths.log_dir)
    except OSError as error:
        startup.show_error(startup.unwritable_folder_text(paths.data_dir, error))
        return 1
    log.info("%s %s starting, data in %s", APP_NAME, __version__, paths.data_dir)
    lock = startup.take_instance_lock(paths)
    if lock is None or not startup.check_database(paths):
        return 1
    font = app.font()
    if font.pointSizeF() < settings.get("font_point_size"):
        font.setPointSizeF(settings.get("font_point_size"))
        app.setFont(font)

    from ui import icons
    from ui.main_window import MainWindow

    icons.use_cache(paths.cache_dir)

    window = MainWindow(paths, settings)
    window.show()
    if args.smoke_test:
        QTimer.singleShot(0, lambda: _report_ready_and_close(window))
    status = app.exec()
    log.info("%s stopped with status %d; log in %s", APP_NAME, status, log_file)
    lock.unlock()
    return status


def _report_ready_and_close(window: "MainWindow") -> None:
    print(f"ready {time.time():.6f}", flush=True)
    window.close()


if __name__ == "__main__":
    sys.exit(main())
