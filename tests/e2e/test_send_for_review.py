"""A clerk writes an article offline, queues it, and it lands on a real
WordPress as pending review under her own account."""

import unicodedata

import pytest
from PySide6.QtCore import Qt

from desktop.models import LocalStatus
from tests.ui.typing import type_text

TITLE = "Hội nghị tổng kết năm 2026 — xã Hòa Thắng"
LEAD = "Sáng 4/12, Đảng bộ xã tổ chức hội nghị tổng kết."
BODY = "Hội nghị đánh giá **kết quả** năm 2026.\n\n- Kinh tế tăng 8%\n- Ổn định"

pytestmark = pytest.mark.wordpress


def write_article(window, title=TITLE, category="Tin tức"):
    window.new_article()
    type_text(window.editor.title, title)
    type_text(window.editor.lead, LEAD)
    type_text(window.editor.body, BODY)
    type_text(window.editor.author, "Nguyễn Thị Hoa")
    type_text(window.editor.source, "UBND xã Hòa Thắng")
    items = window.editor.categories.findItems(category, Qt.MatchFlag.MatchExactly)
    items[0].setCheckState(Qt.CheckState.Checked)
    return window.editor.article().uuid


def wait_for_status(qtbot, window, uuid, status, timeout=30_000):
    def reached():
        assert window.store.get_article(uuid).local_status is status

    qtbot.waitUntil(reached, timeout=timeout)
    return window.store.get_article(uuid)


def test_article_lands_as_pending(open_window, qtbot, wordpress, site, sign_in):
    window = open_window()
    sign_in(window, wordpress)
    assert window.settings.get("active_site_id") > 0
    uuid = write_article(window)
    window.send_action.trigger()

    article = wait_for_status(qtbot, window, uuid, LocalStatus.SENT)
    assert article.server_status == "pending"
    assert article.server_link.startswith(wordpress.base_url)

    post = site.get(f"wp/v2/posts/{article.server_id}", context="edit")
    contributor = wordpress.accounts["contributor"]
    assert post["status"] == "pending"
    assert post["author"] == contributor.user_id
    assert post["title"]["raw"] == TITLE
    assert unicodedata.is_normalized("NFC", post["title"]["raw"])
    assert post["excerpt"]["raw"] == LEAD
    assert "<strong>kết quả</strong>" in post["content"]["raw"]
    assert "<li>Kinh tế tăng 8%</li>" in post["content"]["raw"]
    assert "Nguyễn Thị Hoa" in post["content"]["raw"]
    assert post["categories"] == [wordpress.categories["Tin tức"]]
    assert post["meta"]["tinxa_uuid"] == uuid

    window.close()
    again = open_window()
    stored = again.store.get_article(uuid)
    assert stored.title == TITLE
    assert stored.server_id == article.server_id
    assert stored.server_link == article.server_link
    assert again.list_model.data(again.list_model.index(0, 1)) == \
        "Sent, awaiting review"


def test_server_draft_mode(open_window, qtbot, wordpress, site, sign_in):
    window = open_window()
    sign_in(window, wordpress)
    uuid = write_article(window)
    window.draft_action.trigger()
    article = wait_for_status(qtbot, window, uuid, LocalStatus.SENT)
    assert site.get(f"wp/v2/posts/{article.server_id}",
                    context="edit")["status"] == "draft"


def test_outage_sends_exactly_once(open_window, qtbot, wordpress, site, sign_in,
                                   wordpress_server):
    window = open_window()
    sign_in(window, wordpress)
    wordpress_server.stop_http()
    uuid = write_article(window)
    window.send_action.trigger()

    def failed_offline():
        assert window.store.get_article(uuid).last_error == "offline"

    qtbot.waitUntil(failed_offline, timeout=30_000)
    assert window.store.get_article(uuid).local_status is LocalStatus.QUEUED
    assert "Offline" in window.status_panel.connection.text()

    wordpress_server.start_http()
    article = wait_for_status(qtbot, window, uuid, LocalStatus.SENT)
    assert [post["id"] for post in site.posts_with_uuid(uuid)] == \
        [article.server_id]
    assert len(site.all_posts()) == 1


def test_wrong_password_keeps_article(open_window, qtbot, wordpress, sign_in):
    window = open_window()
    dialog = sign_in(window, wordpress, password="abcd efgh ijkl mnop qrst uvwx")
    assert dialog.isVisible()
    assert "application password" in dialog.result.text()
    assert window.settings.get("active_site_id") == 0
    dialog.reject()
