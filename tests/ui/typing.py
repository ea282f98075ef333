"""Typing Vietnamese into widgets the way an input method delivers it.

QTest's keyClicks cannot carry text outside Latin-1, so these helpers send
QInputMethodEvent commit strings, which is what UniKey and IBus deliver.
"""

import re

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Commit ``text`` into ``widget`` a word or a run of spaces at a time."""
    widget.setFocus()
    for piece in re.findall(r"\S+|\s+", text):
        event = QInputMethodEvent()
        event.setCommitString(piece)
        QApplication.sendEvent(widget, event)
