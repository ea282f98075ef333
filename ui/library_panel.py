"""The search and filter bar above the article list.

The panel only builds a ``LibraryQuery``: the caller runs it with
``Library.find`` (or ``LibraryPanel.results``) and shows the summaries.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout,
    QWidget,
)

from desktop.library import (
    NEEDS_ATTENTION, Library, LibraryQuery, SortOrder, month_range,
)
from desktop.models import LocalStatus
from desktop.store import ArticleSummary, Store
from desktop.text import nfc

# Pause after the last keystroke before a search runs, so a search does not
# run for every letter of a word.
SEARCH_DELAY_MS = 200

# Choices of the date combo, in the order shown.
ANY_DATE, THIS_MONTH, LAST_MONTH, CUSTOM_DATES = range(4)

DATE_FORMAT = "dd/MM/yyyy"

_SHRINKABLE = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon


class LibraryPanel(QWidget):
    """Search box and filters that emit ``query_changed`` with a LibraryQuery."""

    query_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent, objectName="library_panel")
        self._today = today
        self._emitted = LibraryQuery()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)

        self._build_search()
        self._build_filters()
        self._build_dates()
        self._build_layout()
        self._connect()

    # Building

    def _build_search(self) -> None:
        self.search = QLineEdit(objectName="library_search")
        self.search.setPlaceholderText(self.tr("Search titles and text…"))
        self.search.setAccessibleName(self.tr("Search articles"))
        self.search.setClearButtonEnabled(True)

    def _build_filters(self) -> None:
        self.status = QComboBox(objectName="library_status")
        self.status.setAccessibleName(self.tr("Status"))
        self._status_choices = [
            (self.tr("All statuses"), frozenset()),
            (self.tr("Drafts"), frozenset({LocalStatus.DRAFT})),
            (self.tr("Waiting to send"), frozenset({LocalStatus.QUEUED})),
            (self.tr("Sent"), frozenset({LocalStatus.SENT})),
            (self.tr("Needs attention"), NEEDS_ATTENTION),
        ]
        for label, _ in self._status_choices:
            self.status.addItem(label)
        self.status.setItemData(len(self._status_choices) - 1, self.tr(
            "Refused by the site, changed on the site too, or changed after "
            "sending"), role=Qt.ItemDataRole.ToolTipRole)

        self.category = QComboBox(objectName="library_category")
        self.category.setAccessibleName(self.tr("Category"))
        self.category.addItem(self.tr("All categories"), "")
        self.author = QComboBox(objectName="library_author")
        self.author.setAccessibleName(self.tr("Author"))
        self.author.addItem(self.tr("All authors"), "")

        self.sort = QComboBox(objectName="library_sort")
        self.sort.setAccessibleName(self.tr("Sort order"))
        self.sort.addItem(self.tr("Newest first"), SortOrder.NEWEST_FIRST)
        self.sort.addItem(self.tr("Title A–Z"), SortOrder.TITLE)

        self.clear_button = QToolButton(objectName="library_clear")
        self.clear_button.setText(self.tr("Clear filters"))

    def _build_dates(self) -> None:
        self.period = QComboBox(objectName="library_period")
        self.period.setAccessibleName(self.tr("Last change"))
        for label in (self.tr("Any date"), self.tr("This month"),
                      self.tr("Last month"), self.tr("Choose dates…")):
            self.period.addItem(label)

        first, last = month_range(self._today())
        self.date_from = _date_edit("library_date_from", first)
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to = _date_edit("library_date_to", last)
        self.date_to.setAccessibleName(self.tr("To"))
        self.custom_dates = QWidget(objectName="library_custom_dates")
        self.custom_dates.hide()

    def _build_layout(self) -> None:
        # The panel sits above a narrow list, so the combos may shrink below
        # their longest entry, and the custom dates get a row of their own.
        filters = QHBoxLayout()
        for combo in (self.status, self.category, self.author):
            filters.addWidget(combo, 1)
        for combo in (self.status, self.category, self.author, self.period,
                      self.sort):
            combo.setSizeAdjustPolicy(_SHRINKABLE)
            combo.setMinimumContentsLength(6)

        period = QHBoxLayout()
        period.addWidget(self.period, 1)
        period.addWidget(self.sort, 1)
        period.addWidget(self.clear_button)

        custom = QHBoxLayout(self.custom_dates)
        custom.setContentsMargins(0, 0, 0, 0)
        custom.addWidget(self.date_from)
        custom.addWidget(QLabel("–"))
        custom.addWidget(self.date_to)
        custom.addStretch()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(period)
        layout.addWidget(self.custom_dates)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._emit_if_changed)
        self._search_timer.timeout.connect(self._emit_if_changed)
        for combo in (self.status, self.category, self.author, self.sort):
            combo.currentIndexChanged.connect(self._emit_if_changed)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.date_from.dateChanged.connect(self._emit_if_changed)
        self.date_to.dateChanged.connect(self._emit_if_changed)
        self.clear_button.clicked.connect(self.clear)

    # Reading and setting

    def query(self) -> LibraryQuery:
        """Return the query the widgets show now, typed text included."""
        date_from, date_to = self._date_range()
        return LibraryQuery(
            text=nfc(self.search.text()),
            statuses=self._status_choices[max(self.status.currentIndex(), 0)][1],
            category=self.category.currentData() or "",
            author=self.author.currentData() or "",
            date_from=date_from,
            date_to=date_to,
            sort=SortOrder(self.sort.currentData() or SortOrder.NEWEST_FIRST),
        )

    def results(self, store: Store) -> list[ArticleSummary]:
        """Return the summaries that the current query finds in store."""
        return Library(store).find(self.query())

    def set_choices(self, categories: list[str], authors: list[str]) -> None:
        """Fill the category and author combos, keeping the current choices.

        A chosen value that is no longer offered falls back to "all", and the
        panel then emits ``query_changed``.
        """
        _refill(self.category, categories)
        _refill(self.author, authors)
        self._emit_if_changed()

    def refresh_choices(self, library: Library) -> None:
        """Fill the combos with the categories and authors the articles use."""
        self.set_choices(library.categories(), library.authors())

    def clear(self) -> None:
        """Empty the search box and reset every filter and the sort order."""
        # Signals are blocked so the reset emits one query, not one per widget.
        combos = (self.status, self.category, self.author, self.period, self.sort)
        for widget in (self.search, *combos):
            widget.blockSignals(True)
        self.search.clear()
        for combo in combos:
            combo.setCurrentIndex(0)
        for widget in (self.search, *combos):
            widget.blockSignals(False)

        self.custom_dates.hide()
        self._emit_if_changed()

    # Reacting

    def _emit_if_changed(self) -> None:
        self._search_timer.stop()
        query = self.query()
        if query != self._emitted:
            self._emitted = query
            self.query_changed.emit(query)

    def _on_period_changed(self, index: int) -> None:
        custom = index == CUSTOM_DATES
        if custom:
            first, last = month_range(self._today())
            for edit, day in ((self.date_from, first), (self.date_to, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.custom_dates.setVisible(custom)
        self._emit_if_changed()

    def _date_range(self) -> tuple[date | None, date | None]:
        index = self.period.currentIndex()
        if index == THIS_MONTH:
            return month_range(self._today())
        if index == LAST_MONTH:
            return month_range(self._today(), months_back=1)
        if index != CUSTOM_DATES:
            return None, None

        start = self.date_from.date().toPython()
        end = self.date_to.date().toPython()
        return (end, start) if start > end else (start, end)


def _date_edit(object_name: str, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), objectName=object_name)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def _refill(combo: QComboBox, values: list[str]) -> None:
    """Replace the values after the "all" entry, keeping the chosen one if offered."""
    chosen = combo.currentData() or ""
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for value in values:
        combo.addItem(value, value)
    index = combo.findData(chosen) if chosen else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
