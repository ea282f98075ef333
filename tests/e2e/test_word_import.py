"""From a Word file with photos to a post on the real WordPress."""

import docx
import pytest
from docx.shared import Cm
from PIL import Image
from PySide6.QtCore import Qt

from desktop.models import LocalStatus, SendAs
from tests.ui.typing import type_text

pytestmark = pytest.mark.wordpress


def make_docx(folder):
    photo = folder / "hoi-truong.jpg"
    Image.effect_noise((1600, 1200), 40).convert("RGB").save(photo, quality=90)
    document = docx.Document()
    document.add_heading("Hội nghị tổng kết năm 2026", level=1)
    document.add_paragraph("Sáng 4/12, UBND xã tổ chức hội nghị tổng kết.")
    document.add_paragraph("Kinh tế tăng trưởng 8%", style="List Bullet")
    document.add_picture(str(photo), width=Cm(12))
    path = folder / "bao-cao.docx"
    document.save(path)
    return path


def test_word_file_becomes_post(open_window, qtbot, wordpress, site, sign_in,
                                tmp_path):
    window = open_window()
    sign_in(window, wordpress, role="author")
    window.import_document(make_docx(tmp_path))

    def imported():
        assert window.list_model.rowCount() == 1
        assert window.editor.title.text() == "Hội nghị tổng kết năm 2026"

    qtbot.waitUntil(imported, timeout=20_000)
    uuid = window.editor.article().uuid
    media = window.store.list_media(uuid)
    assert len(media) == 1
    assert media[0].reference in window.editor.body.toPlainText()
    assert "- Kinh tế tăng trưởng 8%" in window.editor.body.toPlainText()

    window.editor.author.setText("Nguyễn Thị Hoa")
    window.editor.source.setText("UBND xã")
    items = window.editor.categories.findItems("Tin tức", Qt.MatchFlag.MatchExactly)
    items[0].setCheckState(Qt.CheckState.Checked)
    # The Word picture has no description: the checklist blocks until the
    # clerk writes one between the brackets.
    assert window.queue_current(SendAs.REVIEW).has_blocking
    body = window.editor.body.toPlainText().replace(
        "![](", "![Quang cảnh hội trường](")
    window.editor.body.setPlainText(body)
    type_text(window.editor.lead, "Sa pô.")
    window.send_action.trigger()

    def sent():
        assert window.store.get_article(uuid).local_status is LocalStatus.SENT

    qtbot.waitUntil(sent, timeout=30_000)
    post = site.posts_with_uuid(uuid)[0]
    uploaded = window.store.list_media(uuid)[0]
    assert uploaded.server_url in post["content"]["raw"]
    assert "<li>Kinh tế tăng trưởng 8%</li>" in post["content"]["raw"]
    remote = site.get(f"wp/v2/media/{uploaded.server_id}", context="edit")
    assert remote["alt_text"] == "Quang cảnh hội trường"
