"""Pasting and dropping into the article body."""

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QImage

from ui.image_dialog import ImageDetailsDialog
from ui.markdown_edit import OWN_FORMAT

WORD_HTML = """<html><head><style>p.MsoNormal {mso-style-name:x}</style></head>
<body><p class=MsoNormal><b>Hội nghị</b> tổng kết<o:p></o:p></p>
<script>alert(1)</script><p onclick="steal()">Đoạn <a href="javascript:x()">hai</a></p>
</body></html>"""


def paste(widget, data: QMimeData) -> None:
    widget.insertFromMimeData(data)


def test_word_html_becomes_clean_markdown(open_window):
    window = open_window()
    window.new_article()
    data = QMimeData()
    data.setHtml(WORD_HTML)
    paste(window.editor.body, data)
    body = window.editor.body.toPlainText()
    assert "**Hội nghị** tổng kết" in body
    assert "Đoạn" in body
    for dangerous in ("script", "alert", "onclick", "javascript", "mso-"):
        assert dangerous not in body


def test_own_copy_pastes_unchanged(open_window):
    window = open_window()
    window.new_article()
    data = QMimeData()
    data.setText("1. Mục một\n- Mục hai")
    data.setData(OWN_FORMAT, "1. Mục một\n- Mục hai".encode("utf-8"))
    paste(window.editor.body, data)
    assert window.editor.body.toPlainText() == "1. Mục một\n- Mục hai"


def test_large_paste_converts_off_the_gui_thread(open_window, qtbot):
    window = open_window()
    window.new_article()
    data = QMimeData()
    data.setHtml("<p>Đoạn văn bản dài về hội nghị.</p>" * 3000)
    paste(window.editor.body, data)
    assert window.editor.body.toPlainText() == ""

    def converted():
        assert window.editor.body.toPlainText().count("Đoạn văn bản dài") == 3000

    qtbot.waitUntil(converted, timeout=20_000)


def test_dropped_photo_asks_for_description(open_window, qtbot, tmp_path):
    window = open_window()
    window.new_article()
    photo = tmp_path / "anh.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(photo))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo))])
    paste(window.editor.body, data)

    dialog = window.findChild(ImageDetailsDialog)
    assert dialog is not None
    assert not dialog.ok.isEnabled()
    dialog.alt_text.setText("Cờ đỏ")
    dialog.accept()

    def inserted():
        assert "![Cờ đỏ](media:" in window.editor.body.toPlainText()

    qtbot.waitUntil(inserted, timeout=10_000)
    assert len(window.store.list_media(window.editor.article().uuid)) == 1


def test_pasted_image_is_kept_as_png(open_window, tmp_path):
    window = open_window()
    window.new_article()
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("blue"))
    data = QMimeData()
    data.setImageData(image)
    paste(window.editor.body, data)
    dialog = window.findChild(ImageDetailsDialog)
    assert dialog is not None
    assert list((window.paths.media_dir / "pasted").glob("*.png"))
    dialog.reject()


def test_stacked_capitals_fit_single_line_fields(open_window):
    window = open_window()
    window.new_article()
    field = window.editor.title
    field.setText("ỄNH ƯƠNG Ộ")
    needed = field.fontMetrics().boundingRect("ỄỘẪẬ").height()
    assert field.height() >= needed
    row = window.list.verticalHeader().defaultSectionSize()
    assert row >= window.list.fontMetrics().boundingRect("ỄỘẪẬ").height()


def test_long_body_previews_in_background(open_window, qtbot):
    window = open_window()
    window.new_article()
    window.editor.body.setPlainText("Đoạn văn rất dài của bài. " * 3000)
    window.editor._render_preview()

    def rendered():
        assert "Đoạn văn rất dài" in window.editor.preview.toPlainText()

    qtbot.waitUntil(rendered, timeout=10_000)


def test_dropped_pdf_is_attached(open_window, tmp_path):
    window = open_window()
    window.new_article()
    pdf = tmp_path / "Quyết định 12.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(pdf))])
    paste(window.editor.body, data)
    media = window.store.list_media(window.editor.article().uuid)
    assert [item.file_name for item in media] == ["Quyết định 12.pdf"]
    assert f"]({media[0].reference})" in window.editor.body.toPlainText()
