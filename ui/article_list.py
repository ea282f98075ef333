"""The article list: a table model over the store's article summaries."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from desktop.library import Library, LibraryQuery
from desktop.store import ArticleSummary, Store
from ui.messages import error_text, status_text

TITLE, STATUS, UPDATED = range(3)


class ArticleListModel(QAbstractTableModel):
    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._library = Library(store)
        self._query = LibraryQuery()
        self._rows: list[ArticleSummary] = []
        self.reload()

    def set_query(self, query: LibraryQuery) -> None:
        """Show the articles that query finds, in its sort order."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._library.find(self._query)
        self.endResetModel()

    def refresh(self, uuid: str) -> None:
        """Re-read one article in place; reload everything if it is new."""
        row = self.row_of(uuid)
        summary = self._store.get_summary(uuid)
        if row is None or summary is None:
            self.reload()
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, UPDATED))

    def row_of(self, uuid: str) -> int | None:
        for number, summary in enumerate(self._rows):
            if summary.uuid == uuid:
                return number
        return None

    def uuid_at(self, row: int) -> str:
        return self._rows[row].uuid

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or \
                role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Title"), self.tr("Status"), self.tr("Last change"))[section]

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{summary.title}\n{status_text(summary)}"
            if summary.last_error:
                tip += "\n" + error_text(summary.last_error)
            return tip
        return None

    def _display(self, summary: ArticleSummary, column: int) -> str:
        if column == TITLE:
            return summary.title or self.tr("(untitled)")
        if column == STATUS:
            return status_text(summary)
        local = summary.updated_at.astimezone()
        return local.strftime("%d/%m/%Y %H:%M")
