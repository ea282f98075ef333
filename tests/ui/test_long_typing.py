"""A long session of typing must not wear out the Qt bindings: some PySide6
releases lose a reference to True or None per call and abort the process."""

import sys

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

KEYSTROKES = 6000


def test_bindings_keep_references(qapp):
    from PySide6.QtWidgets import QLineEdit

    field = QLineEdit()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(500):
        field.setText("x")
        field.textChanged.emit("y")
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert after[0] - before[0] > -50
    assert after[1] - before[1] > -50


def test_long_typing_session(open_window):
    window = open_window()
    window.new_article()
    body = window.editor.body
    body.setFocus()
    text = "Xã tổ chức hội nghị. " * (KEYSTROKES // 21)
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(body, event)
    assert body.toPlainText() == text
    window.save_current()
    assert window.store.get_article(window.editor.article().uuid).body == text
