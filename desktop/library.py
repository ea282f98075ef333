"""Finding articles in the local store: search, filters and sort orders.

The article list opens through ``Library.find``. Text search ignores accents,
tone placement and Unicode form, and treats the last word as a prefix while
the clerk is still typing it. ``sort_key_vi`` sorts in Vietnamese alphabetical
order without Qt, so the core can sort titles, authors and categories.
"""

import calendar
import contextlib
import functools
import operator
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum

from desktop.models import LocalStatus
from desktop.store import ArticleSummary, Store
from desktop.text import nfc, search_fold

# Statuses that ask the clerk to act: the site refused the article, the site's
# copy changed too, or the article was edited after it was sent.
NEEDS_ATTENTION = frozenset(
    {LocalStatus.REJECTED, LocalStatus.CONFLICT, LocalStatus.CHANGED}
)


class SortOrder(str, Enum):
    NEWEST_FIRST = "newest_first"  # last change first
    TITLE = "title"  # Vietnamese alphabetical order of the title


@dataclass(frozen=True)
class LibraryQuery:
    """Search text and filters for the article list. Empty fields match all.

    Dates are local calendar days, both ends included, compared with the
    article's last change.
    """

    text: str = ""
    statuses: frozenset[LocalStatus] = frozenset()
    category: str = ""
    author: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort: SortOrder = SortOrder.NEWEST_FIRST

    def __post_init__(self) -> None:
        # Accept any set of statuses and plain strings, as Qt item data and
        # settings return them, and keep the query hashable.
        statuses = frozenset(LocalStatus(status) for status in self.statuses)
        object.__setattr__(self, "statuses", statuses)
        object.__setattr__(self, "sort", SortOrder(self.sort))


# The columns of ArticleSummary that the articles table contains.
_SUMMARY_QUERY = """
    SELECT articles.rowid, uuid, title, local_status, server_status,
        updated_at, last_error
    FROM articles"""

# Each article's first unfinished send, as Store.get_summary defines it: the
# lowest outbox id whose state is not done. SQLite documents that the bare
# columns of a min() aggregate come from the row with the minimum. Few sends
# wait at a time, so a dict of them is cheaper than a join per article.
_WAITING_QUERY = """
    SELECT article_uuid, state, next_attempt_at, min(id)
    FROM outbox WHERE state != 'done' GROUP BY article_uuid"""

_NOT_WAITING = ("", 0.0)

_STATUSES = {status.value: status for status in LocalStatus}

# Position of updated_at and rowid in a row of _SUMMARY_QUERY: newest first,
# and the later insert first among changes in the same second.
_NEWEST_FIRST = operator.itemgetter(5, 0)


class Library:
    """Queries over one store's articles. Reads only, on the store's connection."""

    def __init__(self, store: Store) -> None:
        self._db: sqlite3.Connection = store._db

    def find(self, query: LibraryQuery) -> list[ArticleSummary]:
        """Return the summaries of the articles matching every part of query."""
        conditions, params = _conditions(query)
        if conditions is None:
            return []

        sql = _SUMMARY_QUERY
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        # Plain tuples instead of the store's sqlite3.Row: 20,000 summaries
        # took 10 ms to build from tuples and 34 ms from Row objects in
        # tests/bench/library.py's store. SQLite reads the rows in table
        # order, which was faster than walking the updated_at index.
        cursor = self._db.cursor()
        cursor.row_factory = None
        with _read_transaction(self._db):
            rows = cursor.execute(sql, params).fetchall()
            waiting = {row[0]: row[1:3] for row in cursor.execute(_WAITING_QUERY)}

        rows.sort(key=_NEWEST_FIRST, reverse=True)
        if query.sort is SortOrder.TITLE:
            # Stable, so equal titles stay newest first.
            rows.sort(key=lambda row: sort_key_vi(row[2]))
        return [_summary_from_tuple(row, waiting.get(row[1], _NOT_WAITING))
                for row in rows]

    def authors(self) -> list[str]:
        """Return the distinct non-empty authors, in Vietnamese order."""
        rows = self._db.execute(
            "SELECT DISTINCT author FROM articles WHERE author != ''")
        return sorted((row[0] for row in rows), key=sort_key_vi)

    def categories(self) -> list[str]:
        """Return the distinct category names of all articles, in Vietnamese order."""
        rows = self._db.execute(
            """SELECT DISTINCT category.value FROM articles,
                   json_each(articles.categories) AS category
               WHERE category.type = 'text' AND category.value != ''""")
        return sorted((row[0] for row in rows), key=sort_key_vi)


@contextlib.contextmanager
def _read_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """Hold one read transaction, so the articles and the outbox come from one
    snapshot even if the sync thread completes a send between the two reads."""
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")


def _summary_from_tuple(row: tuple, send: tuple) -> ArticleSummary:
    _, uuid, title, status, server_status, updated_at, error = row
    state, due = send
    return ArticleSummary(
        uuid=uuid, title=title, local_status=_STATUSES[status],
        server_status=server_status,
        updated_at=datetime.fromisoformat(updated_at), last_error=error,
        send_state=state or "", next_attempt_at=due or 0.0)


def _conditions(query: LibraryQuery) -> tuple[list[str] | None, list]:
    """Build the WHERE terms and their parameters for query.

    Returns None as the terms when nothing can match, such as a search text
    made only of punctuation.
    """
    conditions: list[str] = []
    params: list = []

    if query.text.strip():
        match = fts_match(query.text)
        if not match:
            return None, []
        # Matches join on the search rowid, which an index on articles
        # covers together with the list's columns.
        conditions.append(
            """articles.search_rowid IN (SELECT rowid FROM article_search
                   WHERE article_search MATCH ?)""")
        params.append(match)

    if query.statuses:
        marks = ", ".join("?" * len(query.statuses))
        conditions.append(f"articles.local_status IN ({marks})")
        params.extend(sorted(status.value for status in query.statuses))

    if query.category.strip():
        conditions.append(
            "EXISTS (SELECT 1 FROM json_each(articles.categories) WHERE value = ?)")
        params.append(nfc(query.category).strip())

    if query.author.strip():
        conditions.append("articles.author = ?")
        params.append(nfc(query.author).strip())

    if query.date_from is not None:
        conditions.append("articles.updated_at >= ?")
        params.append(_utc_start_of(query.date_from))
    if query.date_to is not None:
        conditions.append("articles.updated_at < ?")
        params.append(_utc_start_of(query.date_to + timedelta(days=1)))
    return conditions, params


# Characters that separate search words in folded text, which has no marks.
_NON_WORD = re.compile(r"[\W_]+")


def fts_match(text: str) -> str:
    """Turn typed search text into an FTS5 query on the folded search columns.

    Every word must occur, in any order. The last word matches as a prefix
    unless the text ends in a space, because the clerk may still be typing it.
    Returns "" when the text has no letters or digits.
    """
    words = [word for word in _NON_WORD.split(search_fold(text)) if word]
    if not words:
        return ""

    # Each word is quoted, so FTS5 operators typed by the clerk (AND, NEAR,
    # "*", "-") are searched for as text instead of being run.
    terms = ['"' + word.replace('"', '""') + '"' for word in words]
    if not text[-1].isspace():
        terms[-1] += "*"
    return " ".join(terms)


def _utc_start_of(day: date) -> str:
    """Return local midnight at the start of day as stored: UTC, ISO 8601.

    The store writes ``updated_at`` as ``datetime.isoformat()`` of a UTC time
    without microseconds, so the strings compare in time order.
    """
    local_midnight = datetime.combine(day, time.min).astimezone()
    return local_midnight.astimezone(timezone.utc).isoformat()


def month_range(today: date, months_back: int = 0) -> tuple[date, date]:
    """Return the first and last day of the month months_back before today's."""
    month_index = today.year * 12 + today.month - 1 - months_back
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, 1), date(year, month + 1, last_day)


# --- Vietnamese collation ------------------------------------------------------

# The Latin alphabet with the Vietnamese letters in their dictionary places.
# f, j, w and z only occur in loanwords and names.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k",
    "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w",
    "x", "y", "z",
]

# Tone marks in dictionary order after the level tone: huyền, hỏi, ngã, sắc,
# nặng. QCollator with the vi locale (ICU, PySide6 6.11) orders them the same.
_TONE_ORDER = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

# Marks that make a letter of its own (ă, â, ê, ô, ơ, ư) and so are part of
# the primary weight rather than the tone.
_LETTER_MARKS = frozenset(("\u0306", "\u0302", "\u031b"))

# Weights are characters, so the three keys are strings that compare in C.
# Spaces, punctuation, symbols and other scripts keep their code points. The
# digits and letters move to the end of the Private Use Area, after them.
# NOTE: characters from U+F900 up (fullwidth forms, emoji) sort after letters.
_DIGIT_BASE = 0xF7F0
_LETTER_BASE = 0xF800
_TONE_LEVEL = "0"
_OTHER_MARK = str(len(_TONE_ORDER) + 1)
_LOWER, _UPPER = "0", "1"


def _letter_weights(char: str) -> tuple[str, str, str] | None:
    """Return the primary, secondary and tertiary weight of one letter.

    Returns None for a character that is not a Latin letter, or that is one
    without a place in the alphabet (such as "ø").
    """
    if char in "Ðð":  # the Icelandic eth, pasted in place of Đ and đ
        char = "Đ" if char == "Ð" else "đ"
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    letter = unicodedata.normalize(
        "NFC", base.lower() + "".join(m for m in marks if m in _LETTER_MARKS))
    if letter not in _ALPHABET:
        return None

    tone = _TONE_LEVEL
    for mark in marks:
        if mark in _TONE_ORDER:
            tone = str(_TONE_ORDER.index(mark) + 1)
        elif mark not in _LETTER_MARKS:
            tone = _OTHER_MARK
    primary = chr(_LETTER_BASE + _ALPHABET.index(letter))
    tertiary = _UPPER if char != char.lower() else _LOWER
    return primary, tone, tertiary


def _build_tables() -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    primary: dict[int, str] = {}
    secondary: dict[int, str] = {}
    tertiary: dict[int, str] = {}
    latin = [*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    for code in latin:
        weights = _letter_weights(chr(code))
        if weights is not None:
            primary[code], secondary[code], tertiary[code] = weights

    for digit in range(10):
        primary[ord("0") + digit] = chr(_DIGIT_BASE + digit)

    # A combining mark left over after NFC (no precomposed letter exists) adds
    # only a secondary weight. It shifts the secondary key by one place, so
    # such text can sort slightly out of order among titles that tie on letters.
    for code in range(0x300, 0x370):
        primary[code] = ""
        tertiary[code] = ""
        tone = chr(code)
        secondary[code] = (str(_TONE_ORDER.index(tone) + 1)
                           if tone in _TONE_ORDER else _OTHER_MARK)
    return primary, secondary, tertiary


_PRIMARY, _SECONDARY, _TERTIARY = _build_tables()


# A key took about 430 bytes for the benchmark's titles (42 characters on
# average), so a full cache takes an estimated 14 MB. Without the cache,
# sorting 20,000 titles spent about 100 ms making keys.
@functools.lru_cache(maxsize=32_768)
def sort_key_vi(text: str) -> tuple[str, str, str, str]:
    """Return a key that sorts text in Vietnamese alphabetical order.

    Letters compare first (a < ă < â < b ... d < đ ... y), ignoring tones and
    case. Ties go to the tones, in the order level, huyền, hỏi, ngã, sắc,
    nặng, then to lower case before upper case. NFC and NFD text give the
    same key, and "Ð" (U+00D0) sorts as "Đ". Spaces, punctuation and symbols
    sort before digits and letters, in code point order among themselves.
    tests/ui/test_library_panel.py checks that letters and digits sort as
    QCollator with the vi locale sorts them.
    """
    text = nfc(text)
    return (
        text.translate(_PRIMARY),
        text.translate(_SECONDARY),
        text.translate(_TERTIARY),
        text,
    )
