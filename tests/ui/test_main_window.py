from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.models import LocalStatus, SendAs
from tests.ui.typing import type_text

TITLE = "Hội nghị tổng kết năm 2026 — xã Hòa Thắng"


def check_category(window, name):
    items = window.editor.categories.findItems(name, Qt.MatchFlag.MatchExactly)
    items[0].setCheckState(Qt.CheckState.Checked)


def test_empty_store_shows_welcome(open_window):
    window = open_window()
    assert window.right.currentWidget().objectName() == "welcome"
    assert window.status_panel.waiting.text() != ""


def test_typed_article_survives_restart(open_window, qtbot):
    window = open_window()
    window.new_article()
    type_text(window.editor.title, TITLE)
    type_text(window.editor.lead, "Sáng nay, xã tổ chức hội nghị.")
    type_text(window.editor.body, "Nội dung **chính** của hội nghị.")
    check_category(window, "Tin tức")
    window.close()

    again = open_window()
    assert again.list_model.rowCount() == 1
    assert again.editor.title.text() == TITLE
    assert again.editor.lead.toPlainText() == "Sáng nay, xã tổ chức hội nghị."
    assert again.editor.body.toPlainText() == "Nội dung **chính** của hội nghị."
    assert again.editor.chosen_categories() == ["Tin tức"]


def test_autosave_writes_without_closing(open_window, qtbot):
    window = open_window()
    window.new_article()
    type_text(window.editor.title, "Thông báo lịch tiếp dân")
    uuid = window.editor.article().uuid

    def saved():
        assert window.store.get_article(uuid).title == "Thông báo lịch tiếp dân"

    qtbot.waitUntil(saved, timeout=5000)


def test_preview_follows_body(open_window, qtbot):
    window = open_window()
    window.new_article()
    type_text(window.editor.body, "## Kết quả")

    def rendered():
        assert "Kết quả" in window.editor.preview.toPlainText()

    qtbot.waitUntil(rendered, timeout=3000)


def test_checklist_blocks_incomplete_article(open_window, qtbot):
    window = open_window()
    window.new_article()
    dialog = window.queue_current(SendAs.REVIEW)
    assert dialog is not None
    assert dialog.has_blocking
    assert not dialog.findChild(QPushButton, "send_anyway").isVisibleTo(dialog)
    assert window.store.count_waiting() == 0

    dialog.close()
    dialog.fix_requested.emit("author", {})

    def author_focused():
        assert QApplication.focusWidget() is window.editor.author

    qtbot.waitUntil(author_focused, timeout=3000)


def fill_required(window):
    type_text(window.editor.title, TITLE)
    type_text(window.editor.lead, "Sa pô của bài.")
    type_text(window.editor.author, "Nguyễn Thị Hoa")
    type_text(window.editor.source, "UBND xã")
    check_category(window, "Tin tức")


def test_queue_without_site_waits(open_window):
    window = open_window()
    window.new_article()
    fill_required(window)
    window.send_action.trigger()
    uuid = window.editor.article().uuid
    assert window.store.get_article(uuid).local_status is LocalStatus.QUEUED
    assert window.store.count_waiting() == 1
    assert "1" in window.status_panel.waiting.text()


def test_full_disk_keeps_text_and_window(open_window, monkeypatch):
    import sqlite3

    window = open_window()
    window.new_article()
    save = window.store.save_article

    def disk_full(article):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.store, "save_article", disk_full)
    monkeypatch.setattr(window, "confirm_close_unsaved", lambda: False)
    type_text(window.editor.body, "Đoạn gõ khi đĩa đầy.")
    assert not window.save_current()
    assert window.editor.problem.isVisibleTo(window)
    assert not window.close()
    assert window.isVisible()
    assert window.editor.body.toPlainText() == "Đoạn gõ khi đĩa đầy."

    monkeypatch.setattr(window.store, "save_article", save)
    assert window.save_current()
    assert not window.editor.problem.isVisibleTo(window)
    uuid = window.editor.article().uuid
    assert window.store.get_article(uuid).body == "Đoạn gõ khi đĩa đầy."


def test_earlier_version_is_restored(open_window, qtbot):
    window = open_window()
    window.new_article()
    type_text(window.editor.body, "Bản thứ nhất.")
    window.save_current()
    uuid = window.editor.article().uuid
    window.revisions.record(window.editor.article(), force=True)
    first = window.revisions.list(uuid)[0].id

    window.editor.body.selectAll()
    type_text(window.editor.body, "Bản thứ hai, viết lại toàn bộ.")
    window.save_current()
    dialog = window.open_revisions()
    assert dialog is not None
    with qtbot.waitSignal(dialog.restore_requested):
        dialog.restore_requested.emit(first)

    assert window.editor.body.toPlainText() == "Bản thứ nhất."
    assert window.store.get_article(uuid).body == "Bản thứ nhất."
    bodies = [window.revisions.get(info.id).body
              for info in window.revisions.list(uuid)]
    assert "Bản thứ hai, viết lại toàn bộ." in bodies


def test_leaving_editor_saves_at_once(open_window, qtbot):
    window = open_window()
    window.new_article()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    type_text(window.editor.title, "Lưu khi rời ô")
    assert window._autosave.isActive()
    window.list.setFocus()

    def saved():
        uuid = window.editor.article().uuid
        assert window.store.get_article(uuid).title == "Lưu khi rời ô"

    # Well inside the one-second autosave pause: the focus change saved it.
    qtbot.waitUntil(saved, timeout=500)
    assert not window._autosave.isActive()
