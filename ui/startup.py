"""Start-up checks that must speak to the clerk before the window exists:
an unwritable data folder, a second TinXa on the same data, a damaged
database."""

import errno
import logging
import os
import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLockFile
from PySide6.QtWidgets import QMessageBox

from desktop.paths import AppPaths
from desktop.store import Store

log = logging.getLogger(__name__)


_TEXTS = {
    "close": QT_TRANSLATE_NOOP("Startup", "Close"),
    "unwritable": QT_TRANSLATE_NOOP(
        "Startup",
        "TinXa cannot write to its data folder %1 (%2). Ask the person who "
        "looks after this computer to give you write access, or start TinXa "
        "with another folder."),
    "running": QT_TRANSLATE_NOOP(
        "Startup",
        "TinXa is already open on this computer with the same data. Use the "
        "window that is open; it may be minimised in the task bar."),
    "stuck": QT_TRANSLATE_NOOP(
        "Startup",
        "The TinXa data file %1 is damaged and could not be moved aside."),
    "damaged": QT_TRANSLATE_NOOP(
        "Startup",
        "The TinXa data file was damaged, for example by a power cut. It has "
        "been kept as %1 for a technician to recover, and TinXa starts with "
        "an empty article list."),
}


def _text(key: str, value: str = "", second: str = "") -> str:
    text = QCoreApplication.translate("Startup", _TEXTS[key])
    return text.replace("%1", value).replace("%2", second)


def show_error(text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "TinXa", text)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.button(QMessageBox.StandardButton.Close).setText(_text("close"))
    box.exec()


def show_warning(text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "TinXa", text)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def unwritable_folder_text(folder: Path, error: OSError) -> str:
    return _text("unwritable", str(folder), error.strerror or str(error))


def take_instance_lock(paths: AppPaths) -> QLockFile | None:
    """Lock the data folder for this process; None if another TinXa has it.

    Two processes sending from one outbox could each send the same article.
    A lock left by a process that died is taken over.
    """
    lock = QLockFile(str(paths.data_dir / "tinxa.lock"))
    if lock.tryLock(200):
        return lock
    show_error(_text("running"))
    return None


def check_database(paths: AppPaths) -> bool:
    """Open the database once; move a damaged one aside and start afresh.

    Return False if the database cannot be used at all.
    """
    for path in (paths.data_dir, paths.database):
        if path.exists() and not os.access(path, os.W_OK):
            show_error(unwritable_folder_text(
                path, PermissionError(errno.EACCES, os.strerror(errno.EACCES))))
            return False
    try:
        store = Store(paths.database)
        healthy = store.is_healthy()
        store.close()
    except sqlite3.DatabaseError as error:
        log.error("database %s unusable: %s", paths.database, error)
        healthy = False
    if healthy:
        return True
    kept = _set_aside(paths.database)
    if kept is None:
        show_error(_text("stuck", str(paths.database)))
        return False
    # TODO(store): articles in the damaged file are not salvaged yet; a
    # technician must recover them from the copy by hand.
    show_warning(_text("damaged", str(kept)))
    return True


def _set_aside(database: Path) -> Path | None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.damaged-{stamp}")
    try:
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(database) + suffix)
            if part.exists():
                part.rename(Path(str(target) + suffix))
    except OSError as error:
        log.error("could not move %s aside: %s", database, error)
        return None
    log.warning("damaged database moved to %s", target)
    return target
