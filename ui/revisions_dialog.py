"""Lists an article's earlier versions and how each differs from the current text."""

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPushButton, QSplitter,
    QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from desktop.dates import format_datetime
from desktop.models import Article
from desktop.revisions import RevisionInfo, Revisions

_REVISION_ID = Qt.ItemDataRole.UserRole


class RevisionsDialog(QDialog):
    """Compares the chosen earlier version with ``article``, the current text.

    The dialog does not restore anything itself. It emits
    ``restore_requested`` with the revision id and closes, and the caller
    restores. Open it with ``open()``, which does not block.
    """

    restore_requested = Signal(int)

    def __init__(self, revisions: Revisions, article: Article,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._revisions = revisions
        self._article = article
        self.setWindowTitle(self.tr("Earlier versions"))
        self.resize(1000, 640)

        self.versions = QTreeWidget(objectName="revision_list")
        self.versions.setRootIsDecorated(False)
        self.versions.setHeaderLabels(
            [self.tr("Saved"), self.tr("Words"), self.tr("Change")])
        self.versions.header().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.note = QLabel(objectName="revision_note", wordWrap=True)
        self.differences = QTextBrowser(objectName="revision_diff")
        self.differences.setOpenLinks(False)
        self.restore_button = QPushButton(self.tr("Restore this version"),
                                          objectName="restore_revision")
        self.restore_button.setEnabled(False)

        self._build_layout()
        self.versions.currentItemChanged.connect(self._show_selected)
        self.restore_button.clicked.connect(self._request_restore)
        self._fill()

    def _build_layout(self) -> None:
        legend = QLabel(self.tr(
            "Struck-out red text is only in the chosen version. Underlined "
            "green text is only in the current text."), wordWrap=True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.note)
        right_layout.addWidget(legend)
        right_layout.addWidget(self.differences)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.versions)
        split.addWidget(right)
        split.setSizes([320, 680])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Qt ships no Vietnamese catalogue for its standard buttons.
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            self.tr("Close"))
        buttons.addButton(self.restore_button,
                          QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(split, stretch=1)
        layout.addWidget(buttons)

    def _fill(self) -> None:
        infos = self._revisions.list(self._article.uuid)
        for info in infos:
            item = QTreeWidgetItem(self.versions, self._row_texts(info))
            item.setData(0, _REVISION_ID, info.id)
            item.setToolTip(0, info.title)
        if infos:
            self.versions.setCurrentItem(self.versions.topLevelItem(0))
        else:
            self.note.setText(self.tr(
                "No earlier version yet. TinXa keeps one every few minutes "
                "while you write."))

    def _row_texts(self, info: RevisionInfo) -> list[str]:
        locale = QLocale()
        change = (self.tr("+%1 / −%2 characters")
                  .replace("%1", locale.toString(info.added))
                  .replace("%2", locale.toString(info.removed)))
        return [format_datetime(info.saved_at.astimezone()),
                self.tr("%n word(s)", "", info.words), change]

    def selected_revision(self) -> int | None:
        """Return the id of the chosen version, or None if none is chosen."""
        item = self.versions.currentItem()
        return item.data(0, _REVISION_ID) if item is not None else None

    def _show_selected(self) -> None:
        revision_id = self.selected_revision()
        if revision_id is None:
            self.differences.clear()
            self.restore_button.setEnabled(False)
            return

        same = not self._revisions.diff(revision_id, self._article)
        self.note.setText(self.tr("This version is the same as the current text.")
                          if same else "")
        self.restore_button.setEnabled(not same)
        self.differences.setHtml(self._revisions.diff_html(
            revision_id, self._article, labels=self._field_labels()))

    def _field_labels(self) -> dict[str, str]:
        return {
            "title": self.tr("Title"), "lead": self.tr("Lead"),
            "body": self.tr("Body"), "categories": self.tr("Categories"),
            "tags": self.tr("Tags"), "author": self.tr("Author"),
            "source": self.tr("Source"),
        }

    def _request_restore(self) -> None:
        revision_id = self.selected_revision()
        if revision_id is None:
            return
        self.restore_requested.emit(revision_id)
        self.accept()
