"""The article body: a plain-text Markdown editor that cleans what is pasted
or dropped into it.

Only the mime-data hooks are overridden. Key handling stays Qt's own, because
Vietnamese input methods (UniKey, EVKey) send Backspace followed by the
composed letter, and any custom key handling risks breaking that sequence.
"""

from pathlib import Path

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget


# Marks text copied inside TinXa: it is Markdown already and goes back as is.
OWN_FORMAT = "application/x-tinxa-markdown"
# Pastes larger than this are converted on the background lane: 1 MB of
# Word HTML takes about 0.3 s, too long to hold the GUI thread.
BACKGROUND_PASTE_CHARS = 50_000
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif",
                  ".bmp", ".tif", ".tiff"}


class MarkdownEdit(QPlainTextEdit):
    # Photos dropped or pasted go to the main window, which asks for their
    # description and prepares them in the background.
    image_files_dropped = Signal(list)  # list[Path]
    image_pasted = Signal(QImage)
    documents_dropped = Signal(list)  # list[Path] of other files

    def __init__(self, parent: QWidget | None = None, **properties) -> None:
        super().__init__(parent, **properties)
        self.background = None  # a ui.background.BackgroundTasks, when set

    def createMimeDataFromSelection(self) -> QMimeData:
        data = super().createMimeDataFromSelection()
        data.setData(OWN_FORMAT, data.text().encode("utf-8"))
        return data

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or source.hasUrls() or \
            super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = [Path(url.toLocalFile()) for url in source.urls()
                 if url.isLocalFile()]
        images = [path for path in files if path.suffix.lower() in IMAGE_SUFFIXES]
        documents = [path for path in files if path not in images]
        if images or documents:
            if images:
                self.image_files_dropped.emit(images)
            if documents:
                self.documents_dropped.emit(documents)
            return
        if source.hasFormat(OWN_FORMAT):
            super().insertFromMimeData(source)
            return
        if source.hasImage() and not source.hasText():
            self.image_pasted.emit(QImage(source.imageData()))
            return
        # Imported here: lxml costs start-up time and is needed only now.
        from desktop.html_markdown import html_to_markdown, plain_text_to_markdown

        if source.hasHtml():
            convert, data = html_to_markdown, source.html()
        elif source.hasText():
            convert, data = plain_text_to_markdown, source.text()
        else:
            return
        if self.background is None or len(data) < BACKGROUND_PASTE_CHARS:
            self._insert_at(self.textCursor(), convert(data))
            return
        # The cursor copy keeps its place while the clerk goes on typing.
        cursor = QTextCursor(self.textCursor())
        cursor.removeSelectedText()
        self.background.run(lambda: convert(data),
                            lambda text: self._insert_at(cursor, text),
                            lambda error: None)

    def _insert_at(self, cursor: QTextCursor, text: str) -> None:
        cursor.insertText(text)
        self.ensureCursorVisible()
