"""Local revision history: snapshots of each article's text in the store's file.

The clerk can compare an earlier version with the current text and restore it.
The caller offers the article after each save, and ``Revisions.record`` stores
a snapshot about every ``min_interval`` of work, not on every autosave.
"""

from __future__ import annotations

import html
import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from difflib import SequenceMatcher, unified_diff

from desktop.models import Article, utc_now
from desktop.store import Store
from desktop.text import nfc, word_count

log = logging.getLogger(__name__)

# The fields a snapshot stores and restores, in the order a diff shows them.
TEXT_FIELDS = ("title", "lead", "body", "categories", "tags", "author", "source")
_LIST_FIELDS = ("categories", "tags")

# Thinning keeps every snapshot younger than KEEP_ALL_FOR, the newest of each
# hour up to KEEP_HOURLY_FOR, and the newest of each day after that.
KEEP_ALL_FOR = timedelta(days=1)
KEEP_HOURLY_FOR = timedelta(days=30)

# Replaced runs of words up to this many characters on each side are compared
# letter by letter when counting a change. Longer runs count in full, because
# a letter-level match costs time proportional to the product of the lengths.
_LETTER_COMPARE_MAX = 400

# A word, a run of white space, or one other character (punctuation, Markdown).
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")

# Colours alone do not tell the two apart for every reader, so insertions are
# underlined and deletions struck out (the default for <del>).
_INSERTED_STYLE = ("background-color: #d1e7dd; color: #0f5132; "
                   "text-decoration: underline")
_DELETED_STYLE = "background-color: #f8d7da; color: #842029"
_DEFAULT_LABELS = {
    "title": "Title", "lead": "Lead", "body": "Body", "categories": "Categories",
    "tags": "Tags", "author": "Author", "source": "Source",
}


@dataclass
class Revision:
    """One stored snapshot of an article's text fields, all in NFC."""

    id: int
    article_uuid: str
    saved_at: datetime  # UTC
    title: str = ""
    lead: str = ""
    body: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    author: str = ""
    source: str = ""


@dataclass
class RevisionInfo:
    """A row of the revision list, with the change from the previous snapshot."""

    id: int
    saved_at: datetime  # UTC
    title: str
    words: int  # in the lead and the body, as desktop.text.word_count counts
    added: int  # characters added since the previous snapshot
    removed: int  # characters removed since the previous snapshot


class Revisions:
    """Records, lists, compares and restores the snapshots of articles.

    Works on the store's own connection, so use it on the thread that owns
    that ``Store``.
    """

    def __init__(self, store: Store, min_interval: timedelta = timedelta(minutes=5),
                 large_change: int = 200, max_count: int = 200) -> None:
        self._store = store
        self._db = store._db
        self.min_interval = min_interval
        self.large_change = large_change  # characters added plus removed
        self.max_count = max_count  # snapshots kept per article

    def record(self, article: Article, now: datetime | None = None,
               force: bool = False) -> bool:
        """Store a snapshot of the article's text if the rules call for one.

        A snapshot is stored when the text differs from the newest snapshot
        and either ``min_interval`` has passed since that snapshot or more
        than ``large_change`` characters changed. With ``force`` the text
        only has to differ, so afterwards the history contains the current
        text in every case. Call it after each save, and with ``force``
        before an action that replaces the text: sending, restoring, taking
        the site's version. Return True if a snapshot was stored.

        ``now`` is a timezone-aware time and defaults to the current UTC time.
        The article must already be in the store. Raises LookupError if not.
        """
        now = now or utc_now()
        content = _content_of(article)
        newest = self._newest(article.uuid)
        if not self._is_due(newest, content, now, force):
            return False

        with self._store._transaction() as db:
            cursor = db.execute(
                """INSERT INTO revisions (article_uuid, saved_at, content)
                   SELECT uuid, ?, ? FROM articles WHERE uuid = ?""",
                (now.isoformat(), json.dumps(content, ensure_ascii=False),
                 article.uuid))
            if cursor.rowcount == 0:
                raise LookupError(f"article {article.uuid} not found in the "
                                  "store. Save it before recording a revision.")
            self._thin(db, article.uuid, now)
        log.debug("recorded a revision of article %s (forced: %s)",
                  article.uuid, force)
        return True

    def list(self, uuid: str) -> list[RevisionInfo]:
        """Return the article's snapshots, newest first.

        NOTE: this diffs every pair of neighbouring snapshots and counts their
        words on the caller's thread. The time grows with the number of
        snapshots times the article's length. One run took about 0.8 s for
        200 snapshots of 21,000 characters on a 2-core machine.
        """
        infos = []
        previous = _empty_content()
        for revision in self._revisions_of(uuid):
            content = _content_of(revision)
            added, removed = _count_field_changes(previous, content)
            infos.append(RevisionInfo(
                id=revision.id, saved_at=revision.saved_at, title=revision.title,
                words=word_count(revision.lead) + word_count(revision.body),
                added=added, removed=removed))
            previous = content
        return infos[::-1]

    def get(self, revision_id: int) -> Revision:
        """Return one snapshot. Raises LookupError if there is no such id."""
        row = self._db.execute("SELECT * FROM revisions WHERE id = ?",
                               (revision_id,)).fetchone()
        if row is None:
            raise LookupError(f"revision {revision_id} not found")
        return _revision_from_row(row)

    def diff(self, old_id: int, new: int | Article) -> list[str]:
        """Return a unified diff from snapshot ``old_id`` to ``new``.

        ``new`` is another snapshot's id or an article, usually the one in the
        editor. Each changed field gets its own section headed ``--- a/body``
        and ``+++ b/body``. Categories and tags have one line per name.
        The list is empty when the text is the same.
        """
        old_content, new_content = self._contents(old_id, new)
        lines: list[str] = []
        for name in TEXT_FIELDS:
            lines.extend(unified_diff(
                _field_lines(old_content[name]), _field_lines(new_content[name]),
                f"a/{name}", f"b/{name}", lineterm=""))
        return lines

    def diff_html(self, old_id: int, new: int | Article,
                  labels: dict[str, str] | None = None) -> str:
        """Return HTML that shows ``new`` with the changes from ``old_id`` marked.

        Text only in the old version is in ``<del>``, text only in the new one
        in ``<ins>``, both with inline colours that QTextBrowser renders.
        Title, lead and body are shown unless empty in both versions. The other
        fields are shown only when they changed. ``labels`` maps field names to
        the headings to show, for translation. The text is escaped and in NFC.
        """
        labels = {**_DEFAULT_LABELS, **(labels or {})}
        old_content, new_content = self._contents(old_id, new)
        parts = []
        for name in TEXT_FIELDS:
            old_text = _field_text(old_content[name])
            new_text = _field_text(new_content[name])
            if not (old_text or new_text):
                continue
            if name not in ("title", "lead", "body") and old_text == new_text:
                continue
            parts.append(f"<h3>{html.escape(labels[name])}</h3>")
            parts.append('<p style="white-space: pre-wrap">'
                         f"{_marked_html(old_text, new_text)}</p>")
        return "\n".join(parts)

    def restore(self, uuid: str, revision_id: int) -> Article:
        """Return the stored article with the text fields of a snapshot.

        The result is not saved: the caller saves it and shows it. First this
        records the text now in the store with ``force``, so the restore can
        be undone by restoring that snapshot. Save the editor's text before
        calling, or unsaved typing is in neither the store nor the history.
        Raises LookupError if the article or the snapshot is missing, and
        ValueError if the snapshot belongs to another article.
        """
        revision = self.get(revision_id)
        if revision.article_uuid != uuid:
            raise ValueError(f"revision {revision_id} belongs to article "
                             f"{revision.article_uuid}, not {uuid}")
        article = self._store.get_article(uuid)
        if article is None:
            raise LookupError(f"article {uuid} not found in the store")

        self.record(article, force=True)
        for name, value in _content_of(revision).items():
            setattr(article, name, value)
        log.info("restored revision %d of article %s", revision_id, uuid)
        return article

    # Reading

    def _newest(self, uuid: str) -> Revision | None:
        row = self._db.execute(
            "SELECT * FROM revisions WHERE article_uuid = ? ORDER BY id DESC LIMIT 1",
            (uuid,)).fetchone()
        return _revision_from_row(row) if row else None

    def _revisions_of(self, uuid: str) -> Iterator[Revision]:
        rows = self._db.execute(
            "SELECT * FROM revisions WHERE article_uuid = ? ORDER BY id", (uuid,))
        return (_revision_from_row(row) for row in rows)

    def _contents(self, old_id: int, new: int | Article) -> tuple[dict, dict]:
        old_content = _content_of(self.get(old_id))
        new_source = new if isinstance(new, Article) else self.get(new)
        return old_content, _content_of(new_source)

    # Rules

    def _is_due(self, newest: Revision | None, content: dict, now: datetime,
                force: bool) -> bool:
        if newest is None:
            return force or any(content.values())
        newest_content = _content_of(newest)
        if content == newest_content:
            return False
        if force:
            return True

        # A clock set back makes the age negative. Treat that as due, or no
        # snapshot would be taken until the clock caught up.
        age = now - newest.saved_at
        if age >= self.min_interval or age < timedelta(0):
            return True
        added, removed = _count_field_changes(newest_content, content)
        return added + removed > self.large_change

    def _thin(self, db: sqlite3.Connection, uuid: str, now: datetime) -> None:
        """Delete snapshots beyond ``max_count``, keeping hourly then daily ones."""
        rows = db.execute(
            "SELECT id, saved_at FROM revisions WHERE article_uuid = ? "
            "ORDER BY id DESC", (uuid,)).fetchall()
        if len(rows) <= self.max_count:
            return

        kept_ids: set[int] = set()
        buckets: set[object] = set()
        for row in rows:
            bucket = _age_bucket(row["id"], datetime.fromisoformat(row["saved_at"]),
                                 now)
            if bucket not in buckets and len(kept_ids) < self.max_count:
                buckets.add(bucket)
                kept_ids.add(row["id"])
        dropped = [(row["id"],) for row in rows if row["id"] not in kept_ids]
        db.executemany("DELETE FROM revisions WHERE id = ?", dropped)
        log.debug("thinned %d revisions of article %s", len(dropped), uuid)


def count_changes(old: str, new: str) -> tuple[int, int]:
    """Return the number of characters added and removed from ``old`` to ``new``.

    Changed lines are compared word by word, and short replaced runs of words
    letter by letter, so fixing one letter counts as one added and one removed.
    """
    added = removed = 0
    for tag, old_part, new_part in _word_changes(old, new):
        short = max(len(old_part), len(new_part)) <= _LETTER_COMPARE_MAX
        if tag == "replace" and short:
            letters = SequenceMatcher(None, old_part, new_part, autojunk=False)
            same = sum(block.size for block in letters.get_matching_blocks())
            added += len(new_part) - same
            removed += len(old_part) - same
        elif tag != "equal":
            added += len(new_part)
            removed += len(old_part)
    return added, removed


def _word_changes(old: str, new: str) -> Iterator[tuple[str, str, str]]:
    """Yield (tag, old text, new text) pieces that together cover both texts.

    Tags are those of difflib: equal, replace, delete and insert. Lines are
    matched first, then the words of each replaced run of lines.
    """
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    lines = SequenceMatcher(None, old_lines, new_lines)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        old_part = "".join(old_lines[i1:i2])
        new_part = "".join(new_lines[j1:j2])
        if tag != "replace":
            yield tag, old_part, new_part
            continue

        old_words = _TOKEN.findall(old_part)
        new_words = _TOKEN.findall(new_part)
        words = SequenceMatcher(None, old_words, new_words)
        for word_tag, k1, k2, m1, m2 in words.get_opcodes():
            yield word_tag, "".join(old_words[k1:k2]), "".join(new_words[m1:m2])


def _marked_html(old: str, new: str) -> str:
    pieces = []
    for tag, old_part, new_part in _word_changes(old, new):
        if tag == "equal":
            pieces.append(html.escape(new_part))
            continue
        if old_part:
            pieces.append(f'<del style="{_DELETED_STYLE}">'
                          f"{html.escape(old_part)}</del>")
        if new_part:
            pieces.append(f'<ins style="{_INSERTED_STYLE}">'
                          f"{html.escape(new_part)}</ins>")
    return "".join(pieces)


def _age_bucket(revision_id: int, saved_at: datetime, now: datetime) -> object:
    """Return the key of the thinning bucket a snapshot falls into.

    Hours and days are those of the computer's local time zone.
    """
    age = now - saved_at
    if age < KEEP_ALL_FOR:
        return revision_id
    local = saved_at.astimezone()
    if age < KEEP_HOURLY_FOR:
        return ("hour", local.date(), local.hour)
    return ("day", local.date())


def _content_of(source: Article | Revision) -> dict:
    """Return the text fields of an article or snapshot, in NFC."""
    content = {}
    for name in TEXT_FIELDS:
        value = getattr(source, name)
        if name in _LIST_FIELDS:
            content[name] = [nfc(item).strip() for item in value if item.strip()]
        else:
            content[name] = nfc(value)
    return content


def _empty_content() -> dict:
    return {name: [] if name in _LIST_FIELDS else "" for name in TEXT_FIELDS}


def _field_lines(value: str | list[str]) -> list[str]:
    if isinstance(value, list):
        return list(value)
    return value.splitlines()


def _field_text(value: str | list[str]) -> str:
    return ", ".join(value) if isinstance(value, list) else value


def _count_field_changes(old: dict, new: dict) -> tuple[int, int]:
    """Return the characters added and removed, summed over the text fields."""
    added = removed = 0
    for name in TEXT_FIELDS:
        field_added, field_removed = count_changes(_field_text(old[name]),
                                                   _field_text(new[name]))
        added += field_added
        removed += field_removed
    return added, removed


def _revision_from_row(row: sqlite3.Row) -> Revision:
    content = json.loads(row["content"])
    fields = {name: content[name] for name in TEXT_FIELDS if name in content}
    return Revision(id=row["id"], article_uuid=row["article_uuid"],
                    saved_at=datetime.fromisoformat(row["saved_at"]), **fields)
