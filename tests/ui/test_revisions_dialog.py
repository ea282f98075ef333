from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QPushButton, QTextBrowser, QTreeWidget

from desktop.dates import format_datetime
from desktop.models import Article
from desktop.revisions import Revisions
from ui.revisions_dialog import RevisionsDialog

START = datetime.fromisoformat("2026-06-10T08:00:00+00:00")
BODY = "Sáng nay, xã Hòa Thắng tổ chức hội nghị tổng kết."


@pytest.fixture
def revisions(store):
    return Revisions(store)


@pytest.fixture
def article(store, revisions):
    """An article with two versions: the first, then the title changed."""
    saved = store.save_article(Article(title="Hội nghị", body=BODY))
    revisions.record(saved, now=START)
    saved.title = "Hội nghị tổng kết"
    store.save_article(saved)
    revisions.record(saved, now=START + timedelta(minutes=5))
    return saved


@pytest.fixture
def open_dialog(qtbot, revisions):
    def open_(article):
        dialog = RevisionsDialog(revisions, article)
        qtbot.addWidget(dialog)
        dialog.open()
        return dialog

    return open_


def rows(dialog):
    tree = dialog.findChild(QTreeWidget, "revision_list")
    return [[tree.topLevelItem(row).text(column) for column in range(3)]
            for row in range(tree.topLevelItemCount())]


def struck_out_text(browser):
    """Return the text the diff view shows struck out, fragment by fragment."""
    pieces = []
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().fontStrikeOut():
                pieces.append(fragment.text())
            fragments += 1
        block = block.next()
    return pieces


def test_dialog_lists_versions_newest_first(open_dialog, article):
    dialog = open_dialog(article)
    newest = format_datetime((START + timedelta(minutes=5)).astimezone())
    first = format_datetime(START.astimezone())
    assert rows(dialog) == [
        [newest, "11 word(s)", "+9 / −0 characters"],
        [first, "11 word(s)", "+57 / −0 characters"],
    ]


def test_dialog_is_not_blocking(open_dialog, article):
    dialog = open_dialog(article)
    assert dialog.isVisible()


def test_newest_same_as_current_cannot_restore(open_dialog, article):
    dialog = open_dialog(article)
    restore = dialog.findChild(QPushButton, "restore_revision")
    assert dialog.selected_revision() is not None
    assert not restore.isEnabled()
    assert "same as the current text" in dialog.note.text()


def test_selected_version_diff_is_shown(open_dialog, article):
    article.body = BODY.replace("tổng kết", "sơ kết")
    dialog = open_dialog(article)
    view = dialog.findChild(QTextBrowser, "revision_diff")
    assert "Hòa Thắng" in view.toPlainText()
    assert "sơ" in view.toPlainText()
    assert struck_out_text(view) == ["tổng"]


def test_choosing_older_version_updates_diff(open_dialog, article):
    dialog = open_dialog(article)
    tree = dialog.findChild(QTreeWidget, "revision_list")
    tree.setCurrentItem(tree.topLevelItem(1))
    view = dialog.findChild(QTextBrowser, "revision_diff")
    assert "tổng kết" in view.toPlainText()
    assert dialog.findChild(QPushButton, "restore_revision").isEnabled()
    assert dialog.note.text() == ""


def test_restore_emits_id_and_closes(open_dialog, article, revisions, qtbot):
    dialog = open_dialog(article)
    tree = dialog.findChild(QTreeWidget, "revision_list")
    tree.setCurrentItem(tree.topLevelItem(1))
    oldest = revisions.list(article.uuid)[-1].id

    with qtbot.waitSignal(dialog.restore_requested) as blocker:
        dialog.findChild(QPushButton, "restore_revision").click()
    assert blocker.args == [oldest]
    assert not dialog.isVisible()


def test_article_without_versions(open_dialog, store):
    article = store.save_article(Article(title="Mới"))
    dialog = open_dialog(article)
    assert rows(dialog) == []
    assert dialog.selected_revision() is None
    assert not dialog.findChild(QPushButton, "restore_revision").isEnabled()
    assert "No earlier version" in dialog.note.text()
