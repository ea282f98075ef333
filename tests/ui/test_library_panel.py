import unicodedata
from datetime import date
from functools import cmp_to_key

import pytest
from PySide6.QtCore import QCollator, QDate, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QToolButton

from desktop.library import (
    NEEDS_ATTENTION, Library, LibraryQuery, SortOrder, sort_key_vi,
)
from desktop.models import Article, LocalStatus
from tests.ui.typing import type_text
from ui.library_panel import (
    ANY_DATE, CUSTOM_DATES, LAST_MONTH, THIS_MONTH, LibraryPanel,
)

TODAY = date(2025, 6, 14)


@pytest.fixture
def panel(qtbot):
    widget = LibraryPanel(today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def emitted(panel):
    """Collect every query the panel emits."""
    queries = []
    panel.query_changed.connect(queries.append)
    return queries


@pytest.mark.parametrize("name, kind", [
    ("library_search", QLineEdit),
    ("library_status", QComboBox),
    ("library_category", QComboBox),
    ("library_author", QComboBox),
    ("library_period", QComboBox),
    ("library_date_from", QDateEdit),
    ("library_date_to", QDateEdit),
    ("library_sort", QComboBox),
    ("library_clear", QToolButton),
])
def test_widgets_have_object_names(panel, name, kind):
    assert panel.findChild(kind, name) is not None


def test_starts_with_empty_query(panel):
    assert panel.query() == LibraryQuery()
    assert panel.search.placeholderText() == "Search titles and text…"


def test_typing_emits_once_after_pause(panel, emitted, qtbot):
    type_text(panel.search, "Đảng bộ xã")
    assert emitted == []  # the event loop has not run the delay yet

    with qtbot.waitSignal(panel.query_changed, timeout=2000):
        pass
    assert len(emitted) == 1
    assert emitted[0].text == "Đảng bộ xã"
    assert emitted[0] == LibraryQuery(text="Đảng bộ xã")


def test_typed_nfd_becomes_nfc(panel, emitted, qtbot):
    with qtbot.waitSignal(panel.query_changed, timeout=2000):
        type_text(panel.search, unicodedata.normalize("NFD", "bệnh viện"))
    assert emitted[-1].text == "bệnh viện"
    assert unicodedata.is_normalized("NFC", emitted[-1].text)


def test_enter_searches_at_once(panel, emitted, qtbot):
    type_text(panel.search, "Ủy ban")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert [query.text for query in emitted] == ["Ủy ban"]


def test_same_query_not_emitted_twice(panel, emitted, qtbot):
    type_text(panel.search, "Yên")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert len(emitted) == 1


def test_clearing_search_emits_empty_text(panel, emitted, qtbot):
    type_text(panel.search, "Ấp")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    with qtbot.waitSignal(panel.query_changed, timeout=2000):
        panel.search.clear()
    assert emitted[-1].text == ""


@pytest.mark.parametrize("index, statuses", [
    (0, frozenset()),
    (1, frozenset({LocalStatus.DRAFT})),
    (2, frozenset({LocalStatus.QUEUED})),
    (3, frozenset({LocalStatus.SENT})),
    (4, NEEDS_ATTENTION),
])
def test_status_choice(panel, index, statuses):
    panel.status.setCurrentIndex(index)
    assert panel.query().statuses == statuses


def test_status_change_emits(panel, emitted):
    panel.status.setCurrentIndex(1)
    panel.status.setCurrentIndex(0)
    assert [query.statuses for query in emitted] == [
        frozenset({LocalStatus.DRAFT}), frozenset()]


def test_needs_attention_covers_three_states(panel):
    panel.status.setCurrentIndex(4)
    assert panel.query().statuses == {
        LocalStatus.REJECTED, LocalStatus.CONFLICT, LocalStatus.CHANGED}


def test_category_and_author_choice(panel, emitted):
    panel.set_choices(["Thông báo", "Tin tức"], ["Lê Thị Ấn", "Trần Văn Đức"])
    assert emitted == []  # nothing chosen yet, so the query is unchanged

    panel.category.setCurrentIndex(panel.category.findText("Tin tức"))
    panel.author.setCurrentIndex(panel.author.findText("Trần Văn Đức"))
    assert emitted[-1].category == "Tin tức"
    assert emitted[-1].author == "Trần Văn Đức"
    assert panel.category.itemText(0) == "All categories"
    assert panel.author.itemText(0) == "All authors"


def test_refreshed_choices_keep_selection(panel, emitted):
    panel.set_choices(["Thông báo", "Tin tức"], ["Hoa"])
    panel.category.setCurrentIndex(panel.category.findText("Tin tức"))
    count = len(emitted)
    panel.set_choices(["Ấn phẩm", "Thông báo", "Tin tức"], ["Hoa", "Lan"])
    assert panel.category.currentText() == "Tin tức"
    assert len(emitted) == count


def test_vanished_choice_falls_back_to_all(panel, emitted):
    panel.set_choices([], ["Hoa", "Lan"])
    panel.author.setCurrentIndex(panel.author.findText("Lan"))
    panel.set_choices([], ["Hoa"])
    assert panel.author.currentIndex() == 0
    assert emitted[-1].author == ""


def test_refresh_choices_from_library(panel, store):
    store.save_article(Article(title="Một", author="Hoa", categories=["Tin tức"]))
    panel.refresh_choices(Library(store))
    assert [panel.category.itemText(i) for i in range(panel.category.count())] == [
        "All categories", "Tin tức"]
    assert [panel.author.itemText(i) for i in range(panel.author.count())] == [
        "All authors", "Hoa"]


@pytest.mark.parametrize("period, expected", [
    (THIS_MONTH, (date(2025, 6, 1), date(2025, 6, 30))),
    (LAST_MONTH, (date(2025, 5, 1), date(2025, 5, 31))),
])
def test_month_periods(panel, emitted, period, expected):
    panel.period.setCurrentIndex(period)
    assert (emitted[-1].date_from, emitted[-1].date_to) == expected
    assert not panel.date_from.isVisible()


def test_any_date_clears_range(panel, emitted):
    panel.period.setCurrentIndex(THIS_MONTH)
    panel.period.setCurrentIndex(ANY_DATE)
    assert emitted[-1].date_from is None
    assert emitted[-1].date_to is None


def test_custom_dates(panel, emitted):
    panel.period.setCurrentIndex(CUSTOM_DATES)
    assert panel.date_from.isVisible()
    assert panel.date_to.isVisible()
    assert panel.date_from.displayFormat() == "dd/MM/yyyy"
    assert panel.date_from.text() == "01/06/2025"
    assert emitted[-1].date_from == date(2025, 6, 1)

    panel.date_from.setDate(QDate(2025, 2, 3))
    panel.date_to.setDate(QDate(2025, 4, 5))
    assert emitted[-1].date_from == date(2025, 2, 3)
    assert emitted[-1].date_to == date(2025, 4, 5)


def test_reversed_custom_dates_swap(panel):
    panel.period.setCurrentIndex(CUSTOM_DATES)
    panel.date_from.setDate(QDate(2025, 4, 5))
    panel.date_to.setDate(QDate(2025, 2, 3))
    query = panel.query()
    assert query.date_from == date(2025, 2, 3)
    assert query.date_to == date(2025, 4, 5)


def test_sort_choice(panel, emitted):
    panel.sort.setCurrentIndex(1)
    assert emitted[-1].sort is SortOrder.TITLE
    panel.sort.setCurrentIndex(0)
    assert emitted[-1].sort is SortOrder.NEWEST_FIRST


def test_clear_resets_everything(panel, emitted, qtbot):
    panel.set_choices(["Tin tức"], ["Hoa"])
    type_text(panel.search, "Đại hội")
    panel.status.setCurrentIndex(1)
    panel.category.setCurrentIndex(1)
    panel.author.setCurrentIndex(1)
    panel.period.setCurrentIndex(CUSTOM_DATES)
    panel.sort.setCurrentIndex(1)
    count = len(emitted)

    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert len(emitted) == count + 1
    assert emitted[-1] == LibraryQuery()
    assert panel.search.text() == ""
    assert not panel.date_from.isVisible()


def test_clerk_search_and_filter_find_article(panel, store, qtbot):
    wanted = store.save_article(Article(
        title="Đại hội Đảng bộ xã Tân Lập", categories=["Tin tức"]))
    store.save_article(Article(title="Đại hội Hội Nông dân", categories=["Tin tức"]))
    store.save_article(Article(title="Đảng bộ xã ra nghị quyết",
                               categories=["Văn bản"]))
    panel.refresh_choices(Library(store))

    with qtbot.waitSignal(panel.query_changed, timeout=2000) as signal:
        type_text(panel.search, "dang bo")
    panel.category.setCurrentIndex(panel.category.findText("Tin tức"))
    assert signal.args[0].text == "dang bo"
    assert [summary.uuid for summary in panel.results(store)] == [wanted.uuid]


def test_clerk_typing_accented_prefix(panel, store, qtbot):
    store.save_article(Article(title="Bệnh viện đa khoa huyện"))
    store.save_article(Article(title="Bến đò Vân Hà"))
    with qtbot.waitSignal(panel.query_changed, timeout=2000) as signal:
        type_text(panel.search, "Bệnh v")
    assert [s.title for s in Library(store).find(signal.args[0])] == [
        "Bệnh viện đa khoa huyện"]


def test_sort_key_matches_qcollator(qapp):
    collator = QCollator(QLocale(QLocale.Language.Vietnamese))
    if collator.compare("ă", "b") >= 0:
        pytest.skip("this Qt build has no Vietnamese collation (no ICU)")
    words = [
        "Yên", "Ủy", "Đại", "Dân", "Âu", "Ấp", "Ăn", "An", "ăn", "Bắc", "Ơn", "Ông",
        "Ong", "Ước", "Uống", "Em", "Êm", "mạ", "má", "mã", "mả", "mà", "ma", "mai",
        "Bình", "an", "Ân", "bình", "Dung", "2025", "Ấp Bắc", "Ấpx", "Zalo",
        "Facebook", "Gia", "Wifi", "Xã", "Ê-đê", "Uy", "Ủy ban", "Uỷ ban", "hoà",
        "hòa", "Hòa", "Hoà", "“Dân vận”", "Tin 2", "Tin 10",
    ]
    expected = sorted(words, key=cmp_to_key(collator.compare))
    assert sorted(words, key=sort_key_vi) == expected
