"""The local store: articles, the outbox and site accounts in one SQLite file.

The database runs in WAL mode so the UI thread can read while the sync thread
writes. Each thread opens its own ``Store`` on the same file. Every text that
enters the store is normalised to NFC first.
"""

import json
import logging
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.migrations import MIGRATIONS
from desktop.models import (
    Article, LocalStatus, Media, MediaKind, SendAs, ServerCopy, Site, utc_now,
)
from desktop.text import nfc, search_fold, slugify

log = logging.getLogger(__name__)

_TEXT_FIELDS = ("title", "lead", "body", "author", "source")
_SUMMARY_COLUMNS = """uuid, title, local_status, server_status, updated_at,
    last_error,
    (SELECT state FROM outbox WHERE article_uuid = articles.uuid
     AND state != 'done' ORDER BY id LIMIT 1) AS send_state,
    (SELECT next_attempt_at FROM outbox WHERE article_uuid = articles.uuid
     AND state != 'done' ORDER BY id LIMIT 1) AS next_attempt_at"""


@dataclass
class ArticleSummary:
    """The columns the article list shows."""

    uuid: str
    title: str
    local_status: LocalStatus
    server_status: str
    updated_at: datetime
    last_error: str
    send_state: str = ""  # of the waiting send: ready, in_flight, parked
    next_attempt_at: float = 0.0  # Unix time of its next try, 0 if due now


@dataclass
class Operation:
    """One pending send in the outbox."""

    id: int
    article_uuid: str
    site_id: int
    state: str  # ready, in_flight, done
    attempts: int
    uncertain: bool  # an earlier attempt may have reached the server
    next_attempt_at: float
    error_code: str


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(path, timeout=10, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    def close(self) -> None:
        self._db.close()

    def is_healthy(self) -> bool:
        """Run SQLite's quick check; False if any page is damaged."""
        try:
            result = self._db.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            log.error("quick check of %s failed: %s", self.path, error)
            return False
        if result != "ok":
            log.error("quick check of %s: %s", self.path, result)
        return result == "ok"

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            log.info("migrating %s to schema version %d", self.path, number)
            # executescript commits first, so the version bump goes in the script
            # and the whole step applies or none of it does.
            self._db.executescript(
                f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    def _transaction(self) -> "_Transaction":
        return _Transaction(self._db)

    # Articles

    def save_article(self, article: Article) -> Article:
        """Insert or update an article, normalising its text to NFC."""
        for name in _TEXT_FIELDS:
            setattr(article, name, _clean_text(getattr(article, name),
                                               multiline=name in ("lead", "body")))
        article.categories = [nfc(c).strip() for c in article.categories if c.strip()]
        article.tags = [nfc(t).strip() for t in article.tags if t.strip()]
        article.updated_at = utc_now()
        with self._transaction() as db:
            db.execute(
                """INSERT INTO articles (uuid, title, slug, lead, body, categories,
                       tags, author, source, local_status, send_as, created_at,
                       updated_at)
                   VALUES (:uuid, :title, :slug, :lead, :body, :categories, :tags,
                       :author, :source, :local_status, :send_as, :created_at,
                       :updated_at)
                   ON CONFLICT (uuid) DO UPDATE SET
                       title = :title, slug = :slug, lead = :lead, body = :body,
                       categories = :categories, tags = :tags, author = :author,
                       source = :source, updated_at = :updated_at,
                       revision = revision + 1,
                       local_status = CASE local_status WHEN 'sent'
                           THEN 'changed' ELSE local_status END""",
                _article_params(article))
            self._index(db, article)
            row = db.execute("SELECT local_status, revision FROM articles "
                             "WHERE uuid = ?", (article.uuid,)).fetchone()
        article.local_status = LocalStatus(row["local_status"])
        article.revision = row["revision"]
        return article

    def _index(self, db: sqlite3.Connection, article: Article) -> None:
        """Replace the article's search row; the stored rowid finds the old
        one without scanning the search table."""
        db.execute(
            """DELETE FROM article_search WHERE rowid =
                   (SELECT search_rowid FROM articles WHERE uuid = ?)""",
            (article.uuid,))
        cursor = db.execute(
            "INSERT INTO article_search (uuid, title, lead, body) VALUES (?, ?, ?, ?)",
            (article.uuid, search_fold(article.title), search_fold(article.lead),
             search_fold(article.body)))
        db.execute("UPDATE articles SET search_rowid = ? WHERE uuid = ?",
                   (cursor.lastrowid, article.uuid))

    def get_article(self, uuid: str) -> Article | None:
        row = self._db.execute("SELECT * FROM articles WHERE uuid = ?",
                               (uuid,)).fetchone()
        return _article_from_row(row) if row else None

    def list_articles(self) -> list[ArticleSummary]:
        rows = self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles ORDER BY updated_at DESC")
        return [_summary_from_row(row) for row in rows]

    def get_summary(self, uuid: str) -> ArticleSummary | None:
        row = self._db.execute(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles WHERE uuid = ?",
            (uuid,)).fetchone()
        return _summary_from_row(row) if row else None

    def search(self, query: str) -> list[str]:
        """Return the uuids of articles matching every word, ignoring accents."""
        words = search_fold(nfc(query)).split()
        if not words:
            return []
        match = " ".join('"' + word.replace('"', '""') + '"*' for word in words)
        rows = self._db.execute(
            "SELECT uuid FROM article_search WHERE article_search MATCH ? "
            "ORDER BY rank", (match,))
        return [row[0] for row in rows]

    # Outbox

    def queue_article(self, uuid: str, site_id: int, send_as: SendAs) -> None:
        """Mark an article ready and put one send for it in the outbox."""
        now = utc_now().isoformat()
        with self._transaction() as db:
            db.execute(
                """UPDATE articles SET local_status = ?, send_as = ?, site_id = ?,
                       last_error = '' WHERE uuid = ?""",
                (LocalStatus.QUEUED.value, send_as.value, site_id, uuid))
            # A send already in flight may carry the older text: the new
            # request gets an entry of its own, which goes after it.
            waiting = db.execute(
                """SELECT id FROM outbox WHERE article_uuid = ?
                   AND state NOT IN ('done', 'in_flight')""", (uuid,)).fetchone()
            if waiting:
                db.execute(
                    """UPDATE outbox SET site_id = ?, next_attempt_at = 0,
                           error_code = '', updated_at = ? WHERE id = ?""",
                    (site_id, now, waiting["id"]))
            else:
                db.execute(
                    """INSERT INTO outbox (article_uuid, site_id, created_at,
                           updated_at) VALUES (?, ?, ?, ?)""",
                    (uuid, site_id, now, now))

    def recover_interrupted(self) -> int:
        """Return sends cut off by a crash to the queue, flagged as uncertain."""
        with self._transaction() as db:
            cursor = db.execute(
                """UPDATE outbox SET state = 'ready', uncertain = 1
                   WHERE state = 'in_flight'""")
        if cursor.rowcount:
            log.warning("%d interrupted sends returned to the queue", cursor.rowcount)
        return cursor.rowcount

    def due_operations(self, site_id: int, now: float | None = None) -> list[Operation]:
        now = time.time() if now is None else now
        rows = self._db.execute(
            """SELECT * FROM outbox WHERE state = 'ready' AND site_id = ?
                   AND next_attempt_at <= ? ORDER BY id""", (site_id, now))
        return [_operation_from_row(row) for row in rows]

    def make_due(self, site_id: int, error_codes: tuple[str, ...] = ()) -> None:
        """Let a site's waiting sends go at the next run: all of them, or only
        those that last failed with one of ``error_codes``."""
        query = """UPDATE outbox SET next_attempt_at = 0
                   WHERE state = 'ready' AND site_id = ?"""
        if error_codes:
            marks = ", ".join("?" * len(error_codes))
            query += f" AND error_code IN ({marks})"
        with self._transaction() as db:
            db.execute(query, (site_id, *error_codes))

    def assign_site(self, site_id: int, previous_site_id: int = 0) -> None:
        """Give waiting sends of the previous account (or of none, 0) and its
        articles to this site account: the clerk signed in again, perhaps at
        the site's new address."""
        with self._transaction() as db:
            db.execute("UPDATE outbox SET site_id = ? WHERE site_id = ? "
                       "AND state != 'done'", (site_id, previous_site_id))
            db.execute("UPDATE articles SET site_id = ? WHERE site_id = ? "
                       "OR site_id IS NULL", (site_id, previous_site_id))

    def waiting_operations(self) -> list[Operation]:
        rows = self._db.execute(
            "SELECT * FROM outbox WHERE state != 'done' ORDER BY id")
        return [_operation_from_row(row) for row in rows]

    def count_waiting(self) -> int:
        return self._db.execute(
            "SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0]

    def begin_attempt(self, operation_id: int) -> None:
        """Record, before any request goes out, that an attempt has started."""
        with self._transaction() as db:
            db.execute(
                """UPDATE outbox SET state = 'in_flight', attempts = attempts + 1,
                       updated_at = ? WHERE id = ?""",
                (utc_now().isoformat(), operation_id))

    def complete_operation(self, operation: Operation, article: Article) -> None:
        """Store what the server returned and close the send, in one transaction.

        ``article.revision`` is the revision that was sent: if the clerk saved
        a newer one meanwhile, the article is marked changed, not sent.
        """
        with self._transaction() as db:
            db.execute(
                """UPDATE articles SET
                       local_status = CASE
                           WHEN EXISTS (SELECT 1 FROM outbox
                               WHERE article_uuid = articles.uuid
                               AND state != 'done' AND id != ?) THEN 'queued'
                           WHEN revision = ? THEN 'sent'
                           ELSE 'changed' END,
                       server_id = ?, server_status = ?, server_link = ?,
                       server_modified = ?, server_fingerprint = ?,
                       last_error = '', conflict = ''
                   WHERE uuid = ?""",
                (operation.id, article.revision, article.server_id,
                 article.server_status, article.server_link,
                 article.server_modified, article.server_fingerprint,
                 article.uuid))
            db.execute(
                """UPDATE outbox SET state = 'done', uncertain = 0, error_code = '',
                       error_detail = '', updated_at = ? WHERE id = ?""",
                (utc_now().isoformat(), operation.id))

    def postpone_operation(self, operation: Operation, next_attempt_at: float,
                           error_code: str, detail: str, uncertain: bool) -> None:
        """Keep a send queued after a failure, to be tried again later."""
        with self._transaction() as db:
            db.execute(
                """UPDATE outbox SET state = 'ready', next_attempt_at = ?,
                       error_code = ?, error_detail = ?,
                       uncertain = max(uncertain, ?), updated_at = ? WHERE id = ?""",
                (next_attempt_at, error_code, detail, int(uncertain),
                 utc_now().isoformat(), operation.id))
            db.execute("UPDATE articles SET last_error = ? WHERE uuid = ?",
                       (error_code, operation.article_uuid))

    def reject_operation(self, operation: Operation, error_code: str,
                         detail: str) -> None:
        """Take a send the server refused out of the queue; the article stays."""
        with self._transaction() as db:
            db.execute(
                """UPDATE outbox SET state = 'done', error_code = ?,
                       error_detail = ?, updated_at = ? WHERE id = ?""",
                (error_code, detail, utc_now().isoformat(), operation.id))
            db.execute(
                "UPDATE articles SET local_status = ?, last_error = ? WHERE uuid = ?",
                (LocalStatus.REJECTED.value, error_code, operation.article_uuid))

    def set_progress(self, operation_id: int, step: str, sent: int = 0,
                     total: int = 0) -> None:
        """Record which step a send is at, and bytes of the current upload."""
        self._db.execute(
            """UPDATE outbox SET step = ?, bytes_sent = ?, bytes_total = ?
               WHERE id = ?""", (step, sent, total, operation_id))

    def progress(self, uuid: str) -> tuple[str, int, int, float]:
        """Return step, bytes sent, bytes total and next attempt time of the
        article's waiting send, or empty values if none waits."""
        row = self._db.execute(
            """SELECT step, bytes_sent, bytes_total, next_attempt_at FROM outbox
               WHERE article_uuid = ? AND state != 'done'
               ORDER BY id DESC LIMIT 1""", (uuid,)).fetchone()
        return tuple(row) if row else ("", 0, 0, 0.0)

    def sent_posts(self, site_id: int) -> dict[int, str]:
        """Return the post id and article uuid of every article on the site."""
        rows = self._db.execute(
            "SELECT server_id, uuid FROM articles WHERE site_id = ? "
            "AND server_id IS NOT NULL", (site_id,))
        return {row[0]: row[1] for row in rows}

    def set_server_state(self, uuid: str, status: str, link: str) -> bool:
        """Record the status and link the site reports; True if they changed.

        The modification time is left alone on purpose: it must stay the one
        of the last sync, so a change made on the web is noticed before an
        update would overwrite it.
        """
        cursor = self._db.execute(
            """UPDATE articles SET server_status = ?, server_link = ?
               WHERE uuid = ? AND (server_status != ? OR server_link != ?)""",
            (status, link, uuid, status, link))
        return cursor.rowcount > 0

    # Conflicts

    def park_conflict(self, operation: Operation, copy: ServerCopy) -> None:
        """Hold a send because the site's copy changed; keep that copy."""
        with self._transaction() as db:
            db.execute("UPDATE outbox SET state = 'parked', error_code = "
                       "'conflict', updated_at = ? WHERE id = ?",
                       (utc_now().isoformat(), operation.id))
            db.execute(
                """UPDATE articles SET local_status = 'conflict', conflict = ?,
                       last_error = 'conflict' WHERE uuid = ?""",
                (json.dumps(copy.__dict__, ensure_ascii=False),
                 operation.article_uuid))

    def keep_local_version(self, uuid: str) -> None:
        """Resolve a conflict by sending the local copy over the site's."""
        with self._transaction() as db:
            row = db.execute("SELECT conflict FROM articles WHERE uuid = ?",
                             (uuid,)).fetchone()
            copy = json.loads(row["conflict"]) if row and row["conflict"] else {}
            db.execute(
                """UPDATE articles SET local_status = 'queued', conflict = '',
                       last_error = '', server_modified = ?,
                       server_fingerprint = ? WHERE uuid = ?""",
                (copy.get("modified_gmt", ""), copy.get("fingerprint", ""), uuid))
            db.execute("UPDATE outbox SET state = 'ready', next_attempt_at = 0, "
                       "error_code = '' WHERE article_uuid = ? AND state = 'parked'",
                       (uuid,))

    def take_site_version(self, uuid: str, title: str, lead: str,
                          body: str) -> None:
        """Resolve a conflict by replacing the local text with the site's."""
        with self._transaction() as db:
            row = db.execute("SELECT conflict FROM articles WHERE uuid = ?",
                             (uuid,)).fetchone()
            copy = json.loads(row["conflict"]) if row and row["conflict"] else {}
            db.execute(
                """UPDATE articles SET title = ?, lead = ?, body = ?,
                       local_status = 'sent', conflict = '', last_error = '',
                       server_modified = ?, server_fingerprint = ?,
                       server_status = ?, revision = revision + 1,
                       updated_at = ? WHERE uuid = ?""",
                (nfc(title), nfc(lead), nfc(body), copy.get("modified_gmt", ""),
                 copy.get("fingerprint", ""), copy.get("status", ""),
                 utc_now().isoformat(), uuid))
            db.execute("UPDATE outbox SET state = 'done' WHERE article_uuid = ? "
                       "AND state = 'parked'", (uuid,))
            article = self.get_article(uuid)
            if article:
                self._index(db, article)

    # Media

    def add_media(self, media: Media) -> Media:
        media.alt_text = nfc(media.alt_text)
        media.caption = nfc(media.caption)
        media.file_name = nfc(media.file_name)
        with self._transaction() as db:
            if media.is_cover:
                db.execute("UPDATE media SET is_cover = 0 WHERE article_uuid = ?",
                           (media.article_uuid,))
            db.execute(
                """INSERT INTO media (uuid, article_uuid, kind, source_path,
                       file_name, alt_text, caption, is_cover, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (media.uuid, media.article_uuid, media.kind.value,
                 media.source_path, media.file_name, media.alt_text, media.caption,
                 int(media.is_cover), media.created_at.isoformat()))
        return media

    def list_media(self, article_uuid: str) -> list[Media]:
        rows = self._db.execute(
            "SELECT * FROM media WHERE article_uuid = ? ORDER BY rowid",
            (article_uuid,))
        return [_media_from_row(row) for row in rows]

    def update_media(self, media: Media) -> None:
        """Write a media item's text and upload state back."""
        self._db.execute(
            """UPDATE media SET prepared_path = ?, mime_type = ?, alt_text = ?,
                   caption = ?, upload_started = ?, shrunk = ?, server_id = ?,
                   server_url = ? WHERE uuid = ?""",
            (media.prepared_path, media.mime_type, nfc(media.alt_text),
             nfc(media.caption), int(media.upload_started), int(media.shrunk),
             media.server_id, media.server_url, media.uuid))

    def mark_rejected(self, uuid: str, error_code: str) -> None:
        """Flag an article the site took in a form the clerk did not ask for."""
        self._db.execute(
            "UPDATE articles SET local_status = 'rejected', last_error = ? "
            "WHERE uuid = ?", (error_code, uuid))

    def error_detail(self, uuid: str) -> str:
        row = self._db.execute(
            """SELECT error_detail FROM outbox WHERE article_uuid = ?
               ORDER BY id DESC LIMIT 1""", (uuid,)).fetchone()
        return row[0] if row else ""

    # Sites

    def save_site(self, site: Site) -> Site:
        params = {
            "url": site.url, "username": nfc(site.username),
            "api_root": site.api_root, "display_name": nfc(site.display_name),
            "user_id": site.user_id, "roles": json.dumps(site.roles),
            "capabilities": json.dumps(site.capabilities),
            "has_companion": int(site.has_companion),
            "categories": json.dumps(site.categories, ensure_ascii=False),
        }
        with self._transaction() as db:
            db.execute(
                """INSERT INTO sites (url, username, api_root, display_name, user_id,
                       roles, capabilities, has_companion, categories)
                   VALUES (:url, :username, :api_root, :display_name, :user_id,
                       :roles, :capabilities, :has_companion, :categories)
                   ON CONFLICT (url, username) DO UPDATE SET
                       api_root = :api_root, display_name = :display_name,
                       user_id = :user_id, roles = :roles,
                       capabilities = :capabilities,
                       has_companion = :has_companion, categories = :categories""",
                params)
            site.id = db.execute(
                "SELECT id FROM sites WHERE url = ? AND username = ?",
                (site.url, params["username"])).fetchone()[0]
        return site

    def get_site(self, site_id: int) -> Site | None:
        row = self._db.execute("SELECT * FROM sites WHERE id = ?",
                               (site_id,)).fetchone()
        return _site_from_row(row) if row else None


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back if the block raises."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        self._db.execute("BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, error_type, error, trace) -> None:
        self._db.execute("ROLLBACK" if error_type else "COMMIT")


# C0 and C1 control characters other than tab and line breaks: pasted text
# carries them, and WordPress strips them, so local and site copies would differ.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _clean_text(text: str, multiline: bool) -> str:
    """NFC, without control characters; single-line fields lose line breaks."""
    text = _CONTROL.sub("", nfc(text))
    if not multiline:
        text = " ".join(text.split())
    return text


def _article_params(article: Article) -> dict:
    return {
        "uuid": article.uuid, "title": article.title,
        "slug": slugify(article.slug), "lead": article.lead,
        "body": article.body,
        "categories": json.dumps(article.categories, ensure_ascii=False),
        "tags": json.dumps(article.tags, ensure_ascii=False),
        "author": article.author, "source": article.source,
        "local_status": article.local_status.value,
        "send_as": article.send_as.value,
        "created_at": article.created_at.isoformat(),
        "updated_at": article.updated_at.isoformat(),
    }


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        uuid=row["uuid"], title=row["title"], slug=row["slug"], lead=row["lead"],
        body=row["body"],
        categories=json.loads(row["categories"]), tags=json.loads(row["tags"]),
        author=row["author"], source=row["source"],
        local_status=LocalStatus(row["local_status"]),
        send_as=SendAs(row["send_as"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        server_id=row["server_id"], server_status=row["server_status"],
        server_link=row["server_link"], server_modified=row["server_modified"],
        last_error=row["last_error"], revision=row["revision"],
        server_fingerprint=row["server_fingerprint"],
        conflict=ServerCopy(**json.loads(row["conflict"])) if row["conflict"]
        else None)


def _media_from_row(row: sqlite3.Row) -> Media:
    return Media(
        uuid=row["uuid"], article_uuid=row["article_uuid"],
        kind=MediaKind(row["kind"]), source_path=row["source_path"],
        file_name=row["file_name"], prepared_path=row["prepared_path"],
        mime_type=row["mime_type"], alt_text=row["alt_text"],
        caption=row["caption"], is_cover=bool(row["is_cover"]),
        upload_started=bool(row["upload_started"]), shrunk=bool(row["shrunk"]),
        server_id=row["server_id"], server_url=row["server_url"],
        created_at=datetime.fromisoformat(row["created_at"]))


def _summary_from_row(row: sqlite3.Row) -> ArticleSummary:
    return ArticleSummary(
        uuid=row["uuid"], title=row["title"],
        local_status=LocalStatus(row["local_status"]),
        server_status=row["server_status"],
        updated_at=datetime.fromisoformat(row["updated_at"]),
        last_error=row["last_error"], send_state=row["send_state"] or "",
        next_attempt_at=row["next_attempt_at"] or 0.0)


def _operation_from_row(row: sqlite3.Row) -> Operation:
    return Operation(
        id=row["id"], article_uuid=row["article_uuid"], site_id=row["site_id"],
        state=row["state"], attempts=row["attempts"],
        uncertain=bool(row["uncertain"]), next_attempt_at=row["next_attempt_at"],
        error_code=row["error_code"])


def _site_from_row(row: sqlite3.Row) -> Site:
    return Site(
        id=row["id"], url=row["url"], username=row["username"],
        api_root=row["api_root"], display_name=row["display_name"],
        user_id=row["user_id"], roles=json.loads(row["roles"]),
        capabilities=json.loads(row["capabilities"]),
        has_companion=bool(row["has_companion"]),
        categories=json.loads(row["categories"]))
