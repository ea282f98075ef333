import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QPushButton

from desktop.checklist import PROBLEM_CODES, Problem, check_article
from desktop.models import Article
from ui.checklist_dialog import ChecklistDialog, focus_problem_field, problem_text
from ui.editor import ArticleEditor

BODY = "Xem kế hoạch [tại đây](https://hoathang.gov.vn/kh-45).\n"


def checked(**fields) -> list[Problem]:
    article = dict(title="Hội nghị tổng kết năm 2025", lead="Sáng 14/1, xã họp.",
                   body=BODY, categories=["Tin tức"], author="Nguyễn Thị Lan",
                   source="Văn phòng UBND xã")
    article.update(fields)
    return check_article(Article(**article), [])


def open_dialog(qtbot, problems: list[Problem]) -> ChecklistDialog:
    dialog = ChecklistDialog(problems)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def rows(dialog: ChecklistDialog) -> QListWidget:
    return dialog.findChild(QListWidget, "problems")


def button(dialog: ChecklistDialog, name: str) -> QPushButton:
    return dialog.findChild(QPushButton, name)


def click_row(qtbot, dialog: ChecklistDialog, row: int) -> None:
    view = rows(dialog)
    centre = view.visualItemRect(view.item(row)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


# --- Rows and buttons ---------------------------------------------------------

def test_dialog_lists_every_problem(qtbot):
    problems = checked(author="", source="")
    dialog = open_dialog(qtbot, problems)
    view = rows(dialog)
    assert view.count() == 3
    for row, problem in enumerate(problems):
        assert view.item(row).text() == problem_text(problem)


def test_rows_mark_severity(qtbot):
    dialog = open_dialog(qtbot, checked(author=""))
    view = rows(dialog)
    blocking, warning = view.item(0), view.item(1)
    assert blocking.toolTip() == "Must be fixed before sending"
    assert warning.toolTip() == "Recommended fix"
    assert not blocking.icon().isNull()
    assert not warning.icon().isNull()
    assert blocking.data(Qt.ItemDataRole.AccessibleTextRole).startswith(
        "Must be fixed before sending: ")


def test_blocking_problem_hides_send(qtbot):
    dialog = open_dialog(qtbot, checked(source=""))
    assert dialog.has_blocking
    assert not button(dialog, "send_anyway").isEnabled()
    assert not button(dialog, "send_anyway").isVisible()
    assert button(dialog, "go_back").isEnabled()
    assert button(dialog, "go_back").isVisible()
    assert "cannot be sent" in dialog.findChild(QLabel, "summary").text()


def test_warnings_only_allow_send(qtbot):
    dialog = open_dialog(qtbot, checked())
    assert not dialog.has_blocking
    assert button(dialog, "send_anyway").isEnabled()
    assert button(dialog, "send_anyway").isVisible()
    assert button(dialog, "go_back").isVisible()


def test_send_anyway_accepts(qtbot):
    dialog = open_dialog(qtbot, checked())
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(button(dialog, "send_anyway"), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_go_back_rejects(qtbot):
    dialog = open_dialog(qtbot, checked(title=""))
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(button(dialog, "go_back"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_enter_does_not_send(qtbot):
    dialog = open_dialog(qtbot, checked())
    assert button(dialog, "go_back").isDefault()
    assert not button(dialog, "send_anyway").isDefault()


def test_dialog_does_not_block(qtbot):
    dialog = open_dialog(qtbot, checked(title=""))
    assert dialog.isVisible()
    assert dialog.isModal()


# --- Fixing from a row --------------------------------------------------------

def test_row_click_requests_fix(qtbot):
    problems = checked(author="", lead="")
    dialog = open_dialog(qtbot, problems)
    assert [item.field for item in problems] == ["author", "lead", "body"]
    with qtbot.waitSignal(dialog.fix_requested) as fix:
        click_row(qtbot, dialog, 0)
    assert fix.args == ["author", {}]
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_row_click_passes_position(qtbot):
    problems = checked()
    dialog = open_dialog(qtbot, problems)
    with qtbot.waitSignal(dialog.fix_requested) as fix:
        click_row(qtbot, dialog, 0)
    field, params = fix.args
    assert field == "body"
    assert params["position"] == BODY.index("[tại đây]")
    assert params["text"] == "tại đây"


def test_enter_on_row_requests_fix_once(qtbot):
    dialog = open_dialog(qtbot, checked(title="", source=""))
    received = []
    dialog.rejected.connect(lambda: received.append("rejected"))
    dialog.fix_requested.connect(lambda field, params: received.append(field))
    view = rows(dialog)
    view.setFocus()
    view.setCurrentRow(1)
    with qtbot.waitSignal(dialog.fix_requested):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    click_row(qtbot, dialog, 0)
    assert received == ["rejected", "source"]


def test_fix_params_are_a_copy(qtbot):
    problems = checked()
    dialog = open_dialog(qtbot, problems)
    with qtbot.waitSignal(dialog.fix_requested) as fix:
        click_row(qtbot, dialog, 0)
    fix.args[1]["position"] = -1
    assert problems[0].params["position"] == BODY.index("[")


# --- Sentences ----------------------------------------------------------------

@pytest.mark.parametrize("problem, expected", [
    (Problem("title_missing", "title", {}, True), "Give the article a title."),
    (Problem("title_too_long", "title", {"length": 231, "max_length": 200}),
     "The title is 231 characters long. Titles over 200 characters"),
    (Problem("image_alt_missing", "body", {"file_name": "hoi-truong.jpg"}, True),
     "The image “hoi-truong.jpg” has no description."),
    (Problem("link_target_invalid", "body",
             {"text": "Kế hoạch 45", "target": "C:\\kh45.docx"}, True),
     "The link “Kế hoạch 45” points to “C:\\kh45.docx”"),
    (Problem("link_scheme_missing", "body",
             {"text": "trang xã", "target": "www.hoathang.gov.vn"}, True),
     "Add https:// in front"),
    (Problem("link_text_vague", "body", {"text": "tại đây"}),
     "The link text “tại đây” does not say where"),
    (Problem("lookalike_eth", "title", {"count": 2, "position": 0}),
     "Title: the look-alike letter “Ð” (Icelandic eth) is used in place of "
     "“Đ” (2 in all)."),
    (Problem("not_nfc", "lead", {}), "Lead: part of the text"),
    (Problem("image_oversized", "media",
             {"file_name": "DSC_0001.JPG", "megabytes": 31, "megapixels": 61}),
     "The photo “DSC_0001.JPG” is very large (31 MB, 61 megapixels)."),
    (Problem("image_oversized", "media", {"file_name": "anh.heic", "megabytes": 25}),
     "The photo “anh.heic” is very large (25 MB)."),
    (Problem("media_file_missing", "media", {"file_name": "Ảnh hội nghị.jpg"}, True),
     "The file “Ảnh hội nghị.jpg” is no longer on this computer"),
    (Problem("image_target_invalid", "body", {"target": ""}, True),
     "An image points to “no address”"),
    (Problem("link_reference_undefined", "body", {"text": "KH 45", "label": "kh"}),
     "The link “KH 45” refers to [kh]"),
])
def test_problem_text_fills_parameters(problem, expected):
    text = problem_text(problem)
    assert expected in text
    assert "%" not in text


@pytest.mark.parametrize("code", sorted(PROBLEM_CODES))
def test_every_code_has_text(code):
    problem = Problem(code, "body", {"file_name": "anh.jpg", "megabytes": 25})
    text = problem_text(problem)
    assert not text.startswith("Check this part")
    assert "%" not in text


def test_percent_in_value_is_kept():
    problem = Problem("link_target_invalid", "body",
                      {"text": "Giảm 5%2 hộ nghèo", "target": "thong%20bao.pdf"},
                      True)
    text = problem_text(problem)
    assert "“Giảm 5%2 hộ nghèo”" in text
    assert "“thong%20bao.pdf”" in text


def test_unknown_code_names_itself():
    text = problem_text(Problem("future_check", "body"))
    assert text == "Check this part of the article (future_check)."


def test_long_parameter_is_shortened():
    target = "https://hoathang.gov.vn/" + "van-ban/" * 20
    text = problem_text(Problem("link_target_invalid", "body",
                                {"text": "Kế hoạch", "target": target}, True))
    assert target not in text
    assert "https://hoathang.gov.vn/van-ban/van-ban/" in text
    assert "…”" in text


class VietnameseChecklist(QTranslator):
    """Translates two checklist sentences, standing in for the catalogue."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if context != "Checklist":
            return ""
        return {
            "The photo “%1” is very large (%2 MB, %3 megapixels). TinXa sends "
            "a smaller copy, so crop the photo first if only part of it "
            "matters.": "Ảnh “%1” rất lớn (%2 MB, %3 megapixel).",
            "Title": "Tiêu đề",
            "%1: the look-alike letter “Ð” (Icelandic eth) is used in place of "
            "“Đ” (%2 in all). They look the same, but search and sorting treat "
            "them as different letters.": "%1: có %2 chữ “Ð” thay cho “Đ”.",
        }.get(source, "")


@pytest.fixture
def vietnamese(qapp):
    translator = VietnameseChecklist()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_translation_fills_parameters(vietnamese):
    problem = Problem("image_oversized", "media",
                      {"file_name": "anh.jpg", "megabytes": 31, "megapixels": 61})
    assert problem_text(problem) == "Ảnh “anh.jpg” rất lớn (31 MB, 61 megapixel)."


def test_translation_names_field(vietnamese):
    problem = Problem("lookalike_eth", "title", {"count": 3, "position": 0})
    assert problem_text(problem) == "Tiêu đề: có 3 chữ “Ð” thay cho “Đ”."


# --- Focusing the field -------------------------------------------------------

@pytest.fixture
def editor(qtbot):
    widget = ArticleEditor()
    qtbot.addWidget(widget)
    widget.load(Article(title="Ðại hội Chi bộ thôn Đông",
                        body="Mở đầu 🎉 rồi [tại đây](https://a.vn) cuối."))
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


def test_focus_moves_body_cursor(qtbot, editor):
    body = editor.body.toPlainText()
    position = body.index("[tại đây]")
    focus_problem_field(editor, "body", {"position": position})
    qtbot.waitUntil(editor.body.hasFocus)
    # The emoji before the link is two UTF-16 units in Qt.
    assert editor.body.textCursor().position() == position + 1


def test_focus_media_goes_to_body(qtbot, editor):
    focus_problem_field(editor, "media", {"position": 3, "uuid": "x"})
    qtbot.waitUntil(editor.body.hasFocus)
    assert editor.body.textCursor().position() == 3


def test_focus_moves_title_cursor(qtbot, editor):
    focus_problem_field(editor, "title", {"position": 9})
    qtbot.waitUntil(editor.title.hasFocus)
    assert editor.findChild(QLineEdit, "title").cursorPosition() == 9


@pytest.mark.parametrize("field", ["lead", "author", "source", "categories"])
def test_focus_reaches_each_field(qtbot, editor, field):
    focus_problem_field(editor, field, {})
    qtbot.waitUntil(getattr(editor, field).hasFocus)


def test_focus_clamps_position(qtbot, editor):
    focus_problem_field(editor, "body", {"position": 10_000})
    qtbot.waitUntil(editor.body.hasFocus)
    length = len(editor.body.toPlainText().encode("utf-16-le")) // 2
    assert editor.body.textCursor().position() == length


def test_row_click_focuses_editor_field(qtbot, editor):
    dialog = ChecklistDialog(checked(author="", source=""), editor)
    dialog.fix_requested.connect(
        lambda field, params: focus_problem_field(editor, field, params))
    dialog.open()
    qtbot.waitActive(dialog)
    click_row(qtbot, dialog, 1)
    qtbot.waitUntil(editor.source.hasFocus)
    assert not dialog.isVisible()
