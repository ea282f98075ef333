"""Shown above the editor when the article changed both here and on the site."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
    QTextBrowser, QVBoxLayout, QWidget,
)

from desktop.models import Article
from desktop.render import article_content_html


class ConflictPanel(QWidget):
    keep_mine = Signal()
    take_theirs = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="conflict_panel")
        self._article: Article | None = None
        self.setStyleSheet("#conflict_panel { background: #f8d7da; "
                           "border-radius: 4px; }")
        label = QLabel(self.tr(
            "<b>This article was also changed on the site</b> after you last "
            "sent it. Compare the two versions, then keep yours (edit it first "
            "to merge by hand) or take the site's."), wordWrap=True)
        compare = QPushButton(self.tr("Compare"), objectName="compare")
        mine = QPushButton(self.tr("Keep mine and send"), objectName="keep_mine")
        theirs = QPushButton(self.tr("Take the site's version"),
                             objectName="take_theirs")
        compare.clicked.connect(self.compare)
        mine.clicked.connect(self.keep_mine)
        theirs.clicked.connect(self.take_theirs)
        buttons = QHBoxLayout()
        for button in (compare, mine, theirs):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(buttons)
        self.hide()

    def show_for(self, article: Article | None) -> None:
        self._article = article
        self.setVisible(article is not None and article.conflict is not None)

    def compare(self) -> QDialog:
        """Open the two versions side by side; return the dialog."""
        article = self._article
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Your version and the site's"))
        dialog.resize(1000, 640)
        split = QSplitter(Qt.Orientation.Horizontal)
        mine = _version_view(self.tr("Your version"), article.title,
                             article_content_html(article))
        copy = article.conflict
        theirs = _version_view(self.tr("On the site"), copy.title,
                               copy.content_html)
        split.addWidget(mine)
        split.addWidget(theirs)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(split)
        layout.addWidget(close)
        dialog.open()
        return dialog


def _version_view(heading: str, title: str, content_html: str) -> QWidget:
    box = QWidget()
    view = QTextBrowser()
    view.setOpenExternalLinks(False)
    view.setHtml(f"<h2>{_escape(title)}</h2>{content_html}")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(f"<b>{_escape(heading)}</b>"))
    layout.addWidget(view)
    return box


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
