"""The checklist shown before an article is queued: what to fix, and where.

The core's check_article returns problem codes. problem_text words them, and
ChecklistDialog lists them so the clerk can jump to each field to fix it.
"""

import logging
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QStyle, QVBoxLayout, QWidget,
)

from desktop.checklist import Problem
from ui.editor import ArticleEditor

log = logging.getLogger(__name__)

_CONTEXT = "Checklist"
# Maximum length in characters of a parameter shown in a sentence. A link
# target or excerpt can be a whole paragraph, which would make the row
# unreadable.
_MAX_SHOWN_CHARS = 60

_FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("Checklist", "Title"),
    "lead": QT_TRANSLATE_NOOP("Checklist", "Lead"),
    "categories": QT_TRANSLATE_NOOP("Checklist", "Categories"),
    "author": QT_TRANSLATE_NOOP("Checklist", "Author"),
    "source": QT_TRANSLATE_NOOP("Checklist", "Source"),
    "body": QT_TRANSLATE_NOOP("Checklist", "Body"),
    "media": QT_TRANSLATE_NOOP("Checklist", "Photos and files"),
}

# The sentence for each problem code, with the names of the params that fill
# %1, %2 and %3 in that order. The name "field" is the label of the problem's
# field.
_TEXTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "title_missing": (QT_TRANSLATE_NOOP(
        "Checklist", "Give the article a title."), ()),
    "title_too_long": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The title is %1 characters long. Titles over %2 characters are cut "
        "off in article lists and search results, so shorten it if you can."),
        ("length", "max_length")),
    "lead_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The lead is empty. One or two sentences under the title tell readers "
        "what the article is about."), ()),
    "category_missing": (QT_TRANSLATE_NOOP(
        "Checklist", "Choose at least one category."), ()),
    "author_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "Enter the author. A pen name is allowed. Every article on a commune "
        "page must name its author."), ()),
    "source_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "Enter where the news comes from. Every article on a commune page "
        "must name its source."), ()),
    "image_alt_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The image “%1” has no description. Write what it shows between the "
        "square brackets of ![…], for readers who cannot see it."),
        ("file_name",)),
    "image_alt_file_name": (QT_TRANSLATE_NOOP(
        "Checklist",
        "An image is described only by a file name, “%1”. Describe what the "
        "photo shows instead."), ("text",)),
    "media_alt_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The photo “%1” has no description for the site's media library. "
        "Remove it and insert it again with Insert photo, filling in the "
        "description."), ("file_name",)),
    "media_unknown": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The body refers to a photo or file that is not part of this article "
        "(%1). Remove that reference and insert the file again."), ("target",)),
    "media_file_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The file “%1” is no longer on this computer, so it cannot be sent. "
        "Remove it and insert it again from where it is now."), ("file_name",)),
    "image_oversized": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The photo “%1” is very large (%2 MB, %3 megapixels). TinXa sends a "
        "smaller copy, so crop the photo first if only part of it matters."),
        ("file_name", "megabytes", "megapixels")),
    "image_target_invalid": (QT_TRANSLATE_NOOP(
        "Checklist",
        "An image points to “%1”, which is neither a photo of this article nor "
        "a web address, so it will not show on the site. Insert the photo with "
        "Insert photo."), ("target",)),
    "link_target_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The link “%1” has no address. Write the web address between the "
        "round brackets."), ("text",)),
    "link_target_invalid": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The link “%1” points to “%2”, which is not a web or e-mail address, "
        "so readers of the site cannot open it."), ("text", "target")),
    "link_scheme_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The link “%1” points to “%2”. Add https:// in front of the address so "
        "that it opens the right page."), ("text", "target")),
    "link_unclosed": (QT_TRANSLATE_NOOP(
        "Checklist",
        "A link has no closing round bracket: %1"), ("excerpt",)),
    "bracket_unmatched": (QT_TRANSLATE_NOOP(
        "Checklist",
        "A square bracket has no partner: %1. If it is meant as a link, "
        "write it as [text](address)."), ("excerpt",)),
    "link_reference_undefined": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The link “%1” refers to [%2], which is not defined, so it shows as "
        "plain text."), ("text", "label")),
    "link_text_missing": (QT_TRANSLATE_NOOP(
        "Checklist",
        "A link to %1 has no text, so readers cannot see it. Write what it "
        "leads to between the square brackets."), ("target",)),
    "link_text_vague": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The link text “%1” does not say where the link leads. Use words that "
        "name the page or document, such as a document's number and title."),
        ("text",)),
    "link_text_url": (QT_TRANSLATE_NOOP(
        "Checklist",
        "The link text is a bare address (%1). Use words that name the page "
        "or document instead."), ("text",)),
    "lookalike_eth": (QT_TRANSLATE_NOOP(
        "Checklist",
        "%1: the look-alike letter “Ð” (Icelandic eth) is used in place of "
        "“Đ” (%2 in all). They look the same, but search and sorting treat "
        "them as different letters."),
        ("field", "count")),
    "not_nfc": (QT_TRANSLATE_NOOP(
        "Checklist",
        "%1: part of the text is in decomposed Unicode (NFD), as pasted from "
        "some Mac and web sources. TinXa converts it to the standard form when "
        "it saves, so check only that the letters look right."), ("field",)),
}
# The image_oversized sentence used when the pixel count is unknown.
_OVERSIZED_BYTES_ONLY = QT_TRANSLATE_NOOP(
    "Checklist",
    "The photo “%1” is very large (%2 MB). TinXa sends a smaller copy, so crop "
    "the photo first if only part of it matters.")
_UNKNOWN_CODE = QT_TRANSLATE_NOOP("Checklist",
                                  "Check this part of the article (%1).")
_NO_ADDRESS = QT_TRANSLATE_NOOP("Checklist", "no address")


def problem_text(problem: Problem) -> str:
    """Return the sentence that describes the problem and its fix for the clerk."""
    if problem.code not in _TEXTS:
        log.warning("no message for checklist problem %s", problem.code)
        return _translate(_UNKNOWN_CODE).replace("%1", problem.code)

    source, names = _TEXTS[problem.code]
    if problem.code == "image_oversized" and "megapixels" not in problem.params:
        source, names = _OVERSIZED_BYTES_ONLY, names[:2]
    values = [_parameter(problem, name) for name in names]
    return _fill(_translate(source), values)


def _fill(text: str, values: list[str]) -> str:
    """Replace %1, %2... with values in one pass, so a value that contains
    "%2", as in a URL with "%20", is never filled in again."""

    def value(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        return values[index] if index < len(values) else match.group()

    return re.sub(r"%([1-9])", value, text)


def _translate(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _parameter(problem: Problem, name: str) -> str:
    if name == "field":
        label = _FIELD_LABELS.get(problem.field)
        return _translate(label) if label else problem.field
    value = str(problem.params.get(name, ""))
    if name == "target" and not value.strip():
        return _translate(_NO_ADDRESS)
    value = " ".join(value.split())
    if len(value) > _MAX_SHOWN_CHARS:
        value = value[:_MAX_SHOWN_CHARS - 1] + "…"
    return value


class ChecklistDialog(QDialog):
    """A list of an article's problems, shown before sending.

    Clicking a row closes the dialog and emits fix_requested with the field
    name and the problem's params, so the window can focus that field. Send
    anyway accepts the dialog and is shown only when no problem is blocking.
    Go back and fix rejects it. Show the dialog with open(), which does not
    block.
    """

    fix_requested = Signal(str, object)  # field name, params dict

    def __init__(self, problems: list[Problem],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems = list(problems)
        self._fixing = False
        self.has_blocking = any(item.blocking for item in self._problems)
        self.setWindowTitle(self.tr("Check before sending"))
        self.setMinimumSize(560, 320)
        self._build()

    def _build(self) -> None:
        if self.has_blocking:
            summary = self.tr("The article cannot be sent yet. Click a problem "
                              "to go to where it needs fixing.")
        else:
            summary = self.tr("Please check these points. Click one to fix it "
                              "in the editor, or send the article as it is.")
        self.summary = QLabel(summary, objectName="summary", wordWrap=True)

        self.problem_list = QListWidget(objectName="problems")
        self.problem_list.setWordWrap(True)
        self.problem_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        for row, problem in enumerate(self._problems):
            self.problem_list.addItem(self._row(problem, row))
        self.problem_list.itemClicked.connect(self._fix)
        self.problem_list.itemActivated.connect(self._fix)

        buttons = QDialogButtonBox()
        self.go_back = buttons.addButton(self.tr("Go back and fix"),
                                         QDialogButtonBox.ButtonRole.RejectRole)
        self.go_back.setObjectName("go_back")
        self.send_anyway = buttons.addButton(
            self.tr("Send anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_anyway.setObjectName("send_anyway")
        self.send_anyway.setEnabled(not self.has_blocking)
        self.send_anyway.setVisible(not self.has_blocking)
        # Enter goes back rather than sending by accident.
        self.go_back.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem_list, stretch=1)
        layout.addWidget(buttons)

    def _row(self, problem: Problem, row: int) -> QListWidgetItem:
        text = problem_text(problem)
        if problem.blocking:
            pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical
            severity = self.tr("Must be fixed before sending")
        else:
            pixmap = QStyle.StandardPixmap.SP_MessageBoxWarning
            severity = self.tr("Recommended fix")
        item = QListWidgetItem(self.style().standardIcon(pixmap), text)
        item.setToolTip(severity)
        # Screen readers cannot see the icon, so the severity goes first.
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{severity}: {text}")
        item.setData(Qt.ItemDataRole.UserRole, row)
        return item

    def _fix(self, item: QListWidgetItem) -> None:
        # A click can also activate the row, depending on the platform style.
        if self._fixing:
            return
        self._fixing = True
        problem = self._problems[item.data(Qt.ItemDataRole.UserRole)]
        self.reject()
        self.fix_requested.emit(problem.field, dict(problem.params))


def focus_problem_field(editor: ArticleEditor, field: str, params: dict) -> None:
    """Focus the editor widget for field, with the cursor at params["position"]
    or, when there is none, at the start.

    "media" problems are fixed where the body refers to the file, so they
    focus the body. Positions are Python string indices into the text the
    editor showed when the article was checked.
    """
    widgets: dict[str, QWidget] = {
        "title": editor.title, "lead": editor.lead,
        "categories": editor.categories, "author": editor.author,
        "source": editor.source, "body": editor.body, "media": editor.body,
    }
    widget = widgets.get(field, editor.body)
    # The checklist has just closed, and at least Qt's offscreen platform
    # leaves it as the active window, so focus would not reach the field.
    editor.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    position = params.get("position", 0)
    _move_cursor(widget, position if isinstance(position, int) else 0)


def _move_cursor(widget: QWidget, position: int) -> None:
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(_utf16_offset(widget.text(), position))
    elif isinstance(widget, QListWidget) and widget.currentRow() < 0:
        widget.setCurrentRow(0)
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        offset = _utf16_offset(widget.toPlainText(), position)
        cursor.setPosition(offset, QTextCursor.MoveMode.MoveAnchor)
        widget.setTextCursor(cursor)
        widget.centerCursor()


def _utf16_offset(text: str, position: int) -> int:
    """Convert a Python string index into Qt's UTF-16 position."""
    # Vietnamese letters are one unit in both, but emoji take two in Qt.
    prefix = text[:max(0, min(position, len(text)))]
    return len(prefix.encode("utf-16-le")) // 2
