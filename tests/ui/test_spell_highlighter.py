"""Tests for the spell-check highlighter in a real QPlainTextEdit, offscreen."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import (
    QInputMethodEvent, QKeyEvent, QTextCharFormat, QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit

from desktop.spelling import SpellChecker
from tests.ui.typing import type_text
from ui.spell_highlighter import UNDERLINE_COLOR, SpellHighlighter

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline


@pytest.fixture(scope="module")
def loaded_checker():
    """A loaded checker shared by tests that add no words and ignore none."""
    checker = SpellChecker(None)
    checker.load()
    return checker


@pytest.fixture
def editor(qtbot):
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def highlighted(editor, loaded_checker):
    """Return the editor with a highlighter on a checker that is loaded."""
    editor.highlighter = SpellHighlighter(editor.document(), loaded_checker)
    return editor


def underlined(editor: QPlainTextEdit) -> list[str]:
    """Return the underlined words, read back from each block's layout."""
    words = []
    block = editor.document().firstBlock()
    while block.isValid():
        text = block.text().encode("utf-16-le")
        for format_range in block.layout().formats():
            if format_range.format.underlineStyle() == WAVE:
                start, length = format_range.start, format_range.length
                words.append(text[2 * start:2 * (start + length)]
                             .decode("utf-16-le"))
        block = block.next()
    return words


def send_key(widget, key: Qt.Key, text: str = "") -> None:
    """Send one key press and release, as a Windows input method delivers it."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        QApplication.sendEvent(widget, event)


def type_keys(widget, letters: str) -> None:
    for letter in letters:
        send_key(widget, Qt.Key(ord(letter.upper())), letter)


def commit(widget, text: str, preedit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def cursor_point(editor: QPlainTextEdit, position: int):
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return editor.cursorRect(cursor).center()


# --- Underlining -----------------------------------------------------------------


def test_typo_is_underlined(highlighted):
    type_text(highlighted, "Hội nghị tổng kêt công tác năm 2024")
    assert underlined(highlighted) == ["kêt"]


def test_underline_is_red_wave(highlighted):
    type_text(highlighted, "qwzx")
    formats = highlighted.document().firstBlock().layout().formats()
    assert len(formats) == 1
    assert formats[0].format.underlineStyle() == WAVE
    assert formats[0].format.underlineColor() == UNDERLINE_COLOR


def test_both_placements_not_underlined(highlighted):
    type_text(highlighted, "Xã Hòa Bình, xã Hoà Bình, thủy lợi, thuỷ điện, sức khỏe")
    assert underlined(highlighted) == []


def test_markdown_not_underlined(highlighted):
    highlighted.setPlainText(
        "Xem [kế hoạch](https://xyzqw.vn/qwzx) theo 490/QĐ-BTTTT, UBND xã.\n"
        "```\nxyzqw qwzx\n```\n"
        "Gửi về vanthu@qwzx.gov.vn sau đó sửa qwzx")
    assert underlined(highlighted) == ["qwzx"]


def test_fence_change_rechecks_following_blocks(highlighted):
    highlighted.setPlainText("Mở đầu\nqwzx\nkết thúc")
    assert underlined(highlighted) == ["qwzx"]
    cursor = QTextCursor(highlighted.document())
    cursor.insertText("```\n")
    assert underlined(highlighted) == []


def test_emoji_before_typo(highlighted):
    type_text(highlighted, "Chúc mừng 🎉🎉 hội nghị tổng kêt")
    assert underlined(highlighted) == ["kêt"]


def test_fixing_typo_removes_underline(highlighted):
    type_text(highlighted, "tổng kêt")
    cursor = highlighted.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left,
                        QTextCursor.MoveMode.KeepAnchor, 3)
    highlighted.setTextCursor(cursor)
    commit(highlighted, "kết")
    assert highlighted.toPlainText() == "tổng kết"
    assert underlined(highlighted) == []


def test_loads_off_gui_thread(editor, qtbot):
    checker = SpellChecker(None)
    editor.setPlainText("Hội nghị tổng kêt")
    with qtbot.waitSignal(SpellHighlighter(editor.document(), checker)
                          .dictionary_ready, timeout=10_000):
        pass
    assert checker.is_loaded
    assert underlined(editor) == ["kêt"]


# --- Typing through an input method ---------------------------------------------


def test_unikey_backspace_then_letter(highlighted):
    """UniKey on Windows: h, o, a, then for the tone key Backspace and "à"."""
    highlighted.setFocus()
    type_keys(highlighted, "hoa")
    send_key(highlighted, Qt.Key.Key_Backspace)
    send_key(highlighted, Qt.Key.Key_unknown, "à")
    assert highlighted.toPlainText() == "hoà"
    assert underlined(highlighted) == []


def test_unikey_replaces_whole_word(highlighted):
    """UniKey's other mode: Backspace over the word, then the composed word."""
    highlighted.setFocus()
    type_keys(highlighted, "hoa")
    for _ in range(3):
        send_key(highlighted, Qt.Key.Key_Backspace)
    commit(highlighted, "hòa")
    assert highlighted.toPlainText() == "hòa"
    assert underlined(highlighted) == []


def test_ibus_preedit_then_commit(highlighted):
    """IBus-UniKey on Linux: a preedit "hoa" replaced by the committed "hòa"."""
    highlighted.setFocus()
    commit(highlighted, "", preedit="hoa")
    assert highlighted.toPlainText() == ""
    commit(highlighted, "hòa")
    assert highlighted.toPlainText() == "hòa"
    assert underlined(highlighted) == []


def test_unikey_in_sentence_with_typo(highlighted):
    type_text(highlighted, "xã ")
    type_keys(highlighted, "hoa")
    send_key(highlighted, Qt.Key.Key_Backspace)
    send_key(highlighted, Qt.Key.Key_unknown, "à")
    type_text(highlighted, " tổng kêt")
    assert highlighted.toPlainText() == "xã hoà tổng kêt"
    assert underlined(highlighted) == ["kêt"]


# --- Context menu ----------------------------------------------------------------


def open_menu(editor, word_start: int) -> QMenu:
    menu = editor.createStandardContextMenu()
    editor.highlighter.add_context_actions(
        menu, editor, cursor_point(editor, word_start + 1))
    return menu


def action_named(menu: QMenu, text: str):
    matches = [action for action in menu.actions() if action.text() == text]
    assert matches, [action.text() for action in menu.actions()]
    return matches[0]


def test_menu_puts_suggestions_first(highlighted):
    highlighted.setPlainText("Hội nghị tổng kêt")
    standard = len(highlighted.createStandardContextMenu().actions())
    menu = open_menu(highlighted, len("Hội nghị tổng "))
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "kết"
    assert "Add to dictionary" in texts
    assert "Ignore" in texts
    assert len(texts) > standard


def test_suggestion_replaces_word(highlighted):
    highlighted.setPlainText("Hội nghị tổng kêt năm 2024")
    menu = open_menu(highlighted, len("Hội nghị tổng "))
    menu.actions()[0].trigger()
    assert highlighted.toPlainText() == "Hội nghị tổng kết năm 2024"
    assert underlined(highlighted) == []
    highlighted.undo()
    assert highlighted.toPlainText() == "Hội nghị tổng kêt năm 2024"


def test_suggestion_after_emoji(highlighted):
    highlighted.setPlainText("🎉 tổng kêt")
    menu = open_menu(highlighted, len("🎉 tổng ".encode("utf-16-le")) // 2)
    menu.actions()[0].trigger()
    assert highlighted.toPlainText() == "🎉 tổng kết"


def test_correct_word_leaves_menu(highlighted):
    highlighted.setPlainText("Hội nghị tổng kết")
    menu = highlighted.createStandardContextMenu()
    before = [action.text() for action in menu.actions()]
    added = highlighted.highlighter.add_context_actions(
        menu, highlighted, cursor_point(highlighted, len("Hội nghị tổng ") + 1))
    assert added is False
    assert [action.text() for action in menu.actions()] == before


def test_no_suggestions_entry(highlighted):
    highlighted.setPlainText("xyzqwv")
    menu = open_menu(highlighted, 0)
    none = action_named(menu, "No suggestions")
    assert not none.isEnabled()


def test_add_to_dictionary(editor, tmp_path):
    path = tmp_path / "words.txt"
    checker = SpellChecker(path)
    checker.load()
    editor.highlighter = SpellHighlighter(editor.document(), checker)
    editor.setPlainText("Huyện Krông Pắc\nxã Ea Pắc")
    assert underlined(editor) == ["Pắc", "Ea", "Pắc"]

    action_named(open_menu(editor, len("Huyện Krông ")), "Add to dictionary").trigger()
    assert underlined(editor) == ["Ea"]
    assert path.read_text(encoding="utf-8") == "Pắc\n"


def test_ignore_word(editor):
    checker = SpellChecker(None)
    checker.load()
    editor.highlighter = SpellHighlighter(editor.document(), checker)
    editor.setPlainText("vlog mới\nVlog cũ")
    assert underlined(editor) == ["vlog", "Vlog"]

    action_named(open_menu(editor, 0), "Ignore").trigger()
    assert underlined(editor) == []
