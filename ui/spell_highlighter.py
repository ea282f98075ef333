"""Spell-check underlining for plain-text editors, and its context menu section.

The highlighter only paints formats: it never handles keys, so input methods
such as UniKey and EVKey, which send Backspace and then the composed letter,
type into the editor exactly as they would without it.
"""

import logging
from dataclasses import dataclass
from functools import partial
from itertools import accumulate

from PySide6.QtCore import QObject, QPoint, QThreadPool, Signal, Slot
from PySide6.QtGui import (
    QAction, QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from desktop.errors import TinXaError
from desktop.spelling import Range, SpellChecker
from desktop.text import nfc

log = logging.getLogger(__name__)

UNDERLINE_COLOR = QColor(220, 0, 0)


@dataclass(frozen=True)
class MisspelledWord:
    """A misspelled word in a document, by position in UTF-16 code units."""

    text: str
    start: int
    end: int


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelled words with a red wavy line.

    When the checker is not loaded yet, it loads on Qt's global thread pool, so
    the GUI thread does not wait for it. The document is highlighted again once
    the dictionary is ready. Until then no word is underlined.

    To offer corrections, call add_context_actions from the editor's context
    menu handler, for example::

        def contextMenuEvent(self, event):
            menu = self.createStandardContextMenu(event.pos())
            highlighter.add_context_actions(menu, self, event.pos())
            menu.exec(event.globalPos())
    """

    # Emitted on the GUI thread once the dictionary is loaded and every block
    # has been checked.
    dictionary_ready = Signal()
    _load_finished = Signal(bool)  # emitted from the worker thread

    def __init__(self, document: QTextDocument, checker: SpellChecker) -> None:
        super().__init__(document)
        self.checker = checker
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self._format.setUnderlineColor(UNDERLINE_COLOR)
        self._load_finished.connect(self._on_load_finished)
        if not checker.is_loaded:
            QThreadPool.globalInstance().start(self._load)

    # Loading, on a worker thread

    def _load(self) -> None:
        try:
            self.checker.load()
            loaded = True
        except (TinXaError, OSError, ValueError):
            log.exception("spelling dictionary failed to load, no words are "
                          "underlined")
            loaded = False
        try:
            self._load_finished.emit(loaded)
        except RuntimeError:
            pass  # the highlighter was deleted while the dictionary loaded

    @Slot(bool)
    def _on_load_finished(self, loaded: bool) -> None:
        if loaded:
            self.rehighlight()
            self.dictionary_ready.emit()

    # Highlighting

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        ranges, code_fence = self.checker.misspelled_in_line(
            text, self.previousBlockState())
        self.setCurrentBlockState(code_fence)
        for start, end in _to_utf16(text, ranges):
            self.setFormat(start, end - start, self._format)

    def misspelled_word_at(self, cursor: QTextCursor) -> MisspelledWord | None:
        """Return the misspelled word that touches the cursor position, if any."""
        if not self.checker.is_loaded:
            return None
        block = cursor.block()
        text = block.text()
        previous = block.previous()
        code_fence = previous.userState() if previous.isValid() else -1
        ranges, _ = self.checker.misspelled_in_line(text, code_fence)

        column = cursor.positionInBlock()
        for (start, end), (start16, end16) in zip(ranges, _to_utf16(text, ranges)):
            if start16 <= column <= end16:
                return MisspelledWord(text[start:end], block.position() + start16,
                                      block.position() + end16)
        return None

    # Context menu

    def add_context_actions(self, menu: QMenu, editor: QPlainTextEdit,
                            position: QPoint) -> bool:
        """Put corrections for the misspelled word at position at the top of menu.

        position is in the editor's viewport coordinates, as a context menu
        event gives it. Adds the suggestions, then "Add to dictionary" and
        "Ignore". Returns False and leaves the menu alone when the word there is
        spelled correctly.
        """
        word = self.misspelled_word_at(editor.cursorForPosition(position))
        if word is None:
            return False

        actions = []
        for suggestion in self.checker.suggestions(word.text):
            action = QAction(suggestion, menu)
            action.triggered.connect(partial(self._replace, word, suggestion))
            actions.append(action)
        if not actions:
            none = QAction(self.tr("No suggestions"), menu)
            none.setEnabled(False)
            actions.append(none)

        actions.append(_separator(menu))
        add = QAction(self.tr("Add to dictionary"), menu)
        add.triggered.connect(partial(self._add_to_dictionary, word.text))
        ignore = QAction(self.tr("Ignore"), menu)
        ignore.triggered.connect(partial(self._ignore, word.text))
        actions += [add, ignore]

        first = menu.actions()[0] if menu.actions() else None
        if first is not None:
            actions.append(_separator(menu))
        menu.insertActions(first, actions)
        return True

    def _replace(self, word: MisspelledWord, replacement: str) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(word.start)
        cursor.setPosition(word.end, QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() != word.text:
            log.warning("word %r changed before its correction was applied",
                        word.text)
            return
        cursor.insertText(replacement)  # one undo step

    def _add_to_dictionary(self, word: str) -> None:
        try:
            self.checker.add_word(word)
        except TinXaError as error:
            # TODO(spelling): tell the clerk; for now the word is only ignored
            # until TinXa closes.
            log.warning("could not save %r to the personal word list: %s",
                        word, error)
            self.checker.ignore(word)
        self._rehighlight_word(word)

    def _ignore(self, word: str) -> None:
        self.checker.ignore(word)
        self._rehighlight_word(word)

    def _rehighlight_word(self, word: str) -> None:
        """Check again only the blocks that contain the word."""
        needle = nfc(word).lower()
        block = self.document().firstBlock()
        while block.isValid():
            if needle in nfc(block.text()).lower():
                self.rehighlightBlock(block)
            block = block.next()


def _separator(parent: QObject) -> QAction:
    action = QAction(parent)
    action.setSeparator(True)
    return action


def _to_utf16(text: str, ranges: list[Range]) -> list[Range]:
    """Convert ranges of Python string indices to UTF-16 code units, Qt's unit.

    They differ only after a character outside the Basic Multilingual Plane,
    such as an emoji pasted from a chat.
    """
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        return ranges
    offsets = list(accumulate((2 if ord(c) > 0xFFFF else 1 for c in text),
                              initial=0))
    return [(offsets[start], offsets[end]) for start, end in ranges]
