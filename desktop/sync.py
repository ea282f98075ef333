"""The sync engine: sends queued articles to the site, one outbox entry at a time.

It is plain synchronous code. The UI runs it on its network thread and
receives ``SyncEvent`` callbacks. Sending an article is a sequence of steps,
each recorded in the store before its request goes out: prepare and upload
each photo and file, then create or update the post. After a crash or a lost
response, a step that may have reached the server is looked up by its UUID
before it is sent again, and a finished step is never repeated.
"""

import logging
import mimetypes
import random
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from desktop.backends.base import Backend, OutgoingPost, RemotePost, UploadFile
from desktop.checklist import check_article
from desktop.errors import (
    ConflictError, ErrorKind, InputError, LockedError, NetworkError, RejectedError,
    TinXaError,
)
from desktop.images import prepare_image
from desktop.models import Article, Media, MediaKind, SendAs, ServerCopy, Site
from desktop.render import article_content_html
from desktop.store import Operation, Store
from desktop.text import slugify

log = logging.getLogger(__name__)

FIRST_RETRY_S = 5.0
MAX_RETRY_S = 15 * 60.0
MAX_RETRY_AFTER_S = 60 * 60.0
# Progress is written to the store at most this often during an upload.
PROGRESS_INTERVAL_S = 0.5
# A photo the site refused as too large is re-encoded once to at most this.
SHRUNK_MAX_BYTES = 900_000

# Failures that tell nothing about the server itself: once a probe reaches the
# site again, sends that failed this way go at once instead of backing off.
NETWORK_ERROR_CODES = ("offline", "timeout", "connection_broken", "tls_failed",
                       "bad_response")


@dataclass
class SyncEvent:
    article_uuid: str
    state: str  # sending, uploading, sent, retry, rejected, conflict, needs_sign_in
    error_code: str = ""
    detail: str = ""
    next_attempt_at: float = 0.0
    bytes_sent: int = 0
    bytes_total: int = 0


def retry_delay(attempts: int, retry_after: float | None,
                jitter: Callable[[], float] = random.random) -> float:
    """Seconds to wait before attempt ``attempts + 1``: exponential with jitter.

    A server's Retry-After wins when it is longer than the backoff.
    """
    backoff = min(MAX_RETRY_S, FIRST_RETRY_S * 2 ** max(0, attempts - 1))
    delay = backoff * (0.5 + 0.5 * jitter())
    if retry_after is not None:
        delay = max(delay, min(retry_after, MAX_RETRY_AFTER_S))
    return delay


class SyncEngine:
    def __init__(self, store: Store,
                 backend_for: Callable[[Site], Backend | None],
                 on_event: Callable[[SyncEvent], None] = lambda event: None,
                 clock: Callable[[], float] = time.time,
                 media_dir: Path | None = None,
                 image_max_side: int = 1600) -> None:
        self._store = store
        self._backend_for = backend_for
        self._on_event = on_event
        self._clock = clock
        self._media_dir = media_dir or store.path.parent / "media"
        self._image_max_side = image_max_side
        self.online: bool | None = None  # None until the first exchange
        self.needs_sign_in: set[int] = set()  # site ids parked until sign-in

    def recover(self) -> None:
        """Requeue sends that a killed process left half done. Call at start."""
        self._store.recover_interrupted()

    def signed_in(self, site_id: int) -> None:
        """Unpark a site's queue after the clerk entered a password again."""
        self.needs_sign_in.discard(site_id)
        self._store.make_due(site_id)

    def run_once(self, site_id: int) -> int:
        """Send what is due for one site; return the number of articles sent.

        With nothing due, one cheap request checks whether the site responds,
        so the online state stays current and sends held back by a network
        failure go as soon as the site is back.
        """
        site = self._store.get_site(site_id)
        if site is None or site_id in self.needs_sign_in:
            return 0
        backend = self._backend_for(site)
        if backend is None:
            self._park(site_id, "password_missing")
            return 0
        if not self._store.due_operations(site_id, self._clock()):
            self._probe(backend, site_id)
        sent = 0
        for operation in self._store.due_operations(site_id, self._clock()):
            outcome = self._send(backend, operation)
            if outcome == "sent":
                sent += 1
            elif outcome == "stop":
                break
        return sent

    def refresh(self, site_id: int) -> int:
        """Read the site's current status of every sent article (published,
        scheduled, trashed); return how many changed. Local text is kept."""
        site = self._store.get_site(site_id)
        backend = self._backend_for(site) if site else None
        posts = self._store.sent_posts(site_id)
        if backend is None or not posts:
            return 0
        try:
            remote = backend.list_posts(sorted(posts))
        except TinXaError as error:
            log.info("refreshing post states failed: %s", error.code)
            return 0
        changed = 0
        for post in remote:
            uuid = posts.get(post.id)
            if uuid and self._store.set_server_state(uuid, post.status, post.link):
                changed += 1
                self._emit(uuid, "refreshed")
        return changed

    def _probe(self, backend: Backend, site_id: int) -> None:
        """While sends wait out a network error, check cheaply if the site is back."""
        try:
            backend.ping()
        except TinXaError:
            self._set_online(False)
            return
        self._set_online(True)
        self._store.make_due(site_id, NETWORK_ERROR_CODES)

    def _send(self, backend: Backend, operation: Operation) -> str:
        article = self._store.get_article(operation.article_uuid)
        if article is None:
            return "skipped"
        self._store.begin_attempt(operation.id)
        self._emit(article.uuid, "sending")
        try:
            remote = self._push(backend, operation, article)
        except TinXaError as error:
            return self._fail(operation, error)
        except Exception as error:  # a defect: keep the article queued, report it
            log.exception("sending article %s failed with a bug", article.uuid)
            return self._fail(operation, error)

        article.server_id = remote.id
        article.server_status = remote.status
        article.server_link = remote.link
        article.server_modified = remote.modified_gmt
        article.server_fingerprint = remote.fingerprint()
        self._store.complete_operation(operation, article)
        self._set_online(True)
        if remote.terms_dropped:
            # The post exists (its id is kept, so a resend updates it), but
            # not under the category the clerk chose.
            self._store.mark_rejected(article.uuid, "category_dropped")
            self._emit(article.uuid, "rejected", "category_dropped")
            return "rejected"
        log.info("article %s sent as post %d (%s)", article.uuid, remote.id,
                 remote.status)
        self._emit(article.uuid, "sent")
        return "sent"

    # The steps of one send

    def _push(self, backend: Backend, operation: Operation,
              article: Article) -> RemotePost:
        all_media = self._store.list_media(article.uuid)
        # The checklist ran when the clerk queued the article, but the text
        # may have been edited or restored since: nothing blocked goes out.
        blocking = [problem for problem in check_article(article, all_media)
                    if problem.blocking]
        if blocking:
            raise InputError("checklist_failed", blocking[0].code,
                             problem=blocking[0].code)
        media = [item for item in all_media if _is_used(item, article)]
        if media and not backend.site.can("upload_files"):
            raise RejectedError("cannot_upload", backend.site.username)
        for item in media:
            if item.server_id is None:
                self._upload(backend, operation, item)

        post = outgoing_post(article, media)
        if article.server_id is None and operation.uncertain:
            found = backend.find_post(article.uuid, article.title)
            if found:
                log.info("article %s was already on the server as post %d",
                         article.uuid, found.id)
                post.status = _status_for_update(found.status, article.send_as)
                self._store.set_progress(operation.id, "update")
                return backend.update_post(found.id, post)
        if article.server_id is None:
            self._store.set_progress(operation.id, "create")
            return backend.create_post(post)
        return self._update(backend, operation, article, post)

    def _update(self, backend: Backend, operation: Operation, article: Article,
                post: OutgoingPost) -> RemotePost:
        """Update a post already on the site, unless the site's copy changed."""
        self._store.set_progress(operation.id, "check")
        current = backend.get_post(article.server_id)
        if current.lock_holder:
            raise LockedError(current.lock_holder)
        if article.server_fingerprint:
            # A status change alone (the board published it) is no conflict.
            changed_there = current.fingerprint() != article.server_fingerprint
        else:
            changed_there = current.modified_gmt != article.server_modified
        # After a lost response to our own update the site's copy is ours.
        # NOTE: WordPress filters HTML for accounts without unfiltered_html;
        # if that changes our content, this reports a conflict to the clerk.
        ours = operation.uncertain and current.title == post.title and \
            current.content_html == post.content_html
        if changed_there and not ours:
            raise ConflictError(ServerCopy(
                title=current.title, excerpt=current.excerpt,
                content_html=current.content_html, status=current.status,
                modified_gmt=current.modified_gmt,
                fingerprint=current.fingerprint()))
        post.status = _status_for_update(current.status, article.send_as)
        self._store.set_progress(operation.id, "update")
        return backend.update_post(article.server_id, post)

    def _upload(self, backend: Backend, operation: Operation, item: Media) -> None:
        if item.upload_started:
            found = backend.find_media(item.uuid)
            if found:
                log.info("media %s was already on the server as %d", item.uuid,
                         found.id)
                self._uploaded(item, found.id, found.url)
                return
        self._prepare(item)
        item.upload_started = True
        self._store.update_media(item)  # recorded before the request leaves
        while True:
            try:
                remote = backend.upload_media(
                    self._upload_file(item), self._progress_reporter(operation, item))
                break
            except RejectedError as error:
                if error.code != "too_large":
                    raise
                if item.kind is not MediaKind.IMAGE or item.shrunk:
                    raise RejectedError("media_too_large", error.detail,
                                        file_name=item.file_name) from error
            # The site's upload limit is unknown: one smaller try, no loop.
            log.info("site rejected %s as too large, re-encoding it smaller",
                     item.file_name)
            self._prepare(item, max_bytes=SHRUNK_MAX_BYTES)
            item.shrunk = True
            self._store.update_media(item)
        self._uploaded(item, remote.id, remote.url)

    def _prepare(self, item: Media, max_bytes: int | None = None) -> None:
        """Make the web copy of a photo; attachments go up as they are."""
        if item.kind is not MediaKind.IMAGE:
            item.prepared_path = item.source_path
            item.mime_type = item.mime_type or mimetypes.guess_type(
                item.file_name)[0] or "application/octet-stream"
            return
        if item.prepared_path and Path(item.prepared_path).exists() \
                and max_bytes is None:
            return
        prepared = prepare_image(Path(item.source_path), self._media_dir,
                                 max_side=self._image_max_side,
                                 max_bytes=max_bytes)
        item.prepared_path = str(prepared.path)
        item.mime_type = prepared.mime_type
        self._store.update_media(item)

    @staticmethod
    def _upload_file(item: Media) -> UploadFile:
        name = Path(item.file_name).stem + Path(item.prepared_path).suffix
        return UploadFile(uuid=item.uuid, path=Path(item.prepared_path),
                          file_name=name, mime_type=item.mime_type,
                          alt_text=item.alt_text, caption=item.caption)

    def _uploaded(self, item: Media, server_id: int, url: str) -> None:
        item.server_id = server_id
        item.server_url = url
        self._store.update_media(item)

    def _progress_reporter(self, operation: Operation,
                           item: Media) -> Callable[[int, int], None]:
        last = [0.0]

        def report(sent: int, total: int) -> None:
            now = time.monotonic()
            if sent < total and now - last[0] < PROGRESS_INTERVAL_S:
                return
            last[0] = now
            self._store.set_progress(operation.id, f"upload:{item.uuid}",
                                     sent, total)
            self._emit(operation.article_uuid, "uploading", bytes_sent=sent,
                       bytes_total=total)

        return report

    # Failures

    def _fail(self, operation: Operation, error: Exception) -> str:
        kind = error.kind if isinstance(error, TinXaError) else ErrorKind.BUG
        code = error.code if isinstance(error, TinXaError) else "bug"
        detail = getattr(error, "detail", "") or repr(error)
        if kind is ErrorKind.CONFLICT:
            self._store.park_conflict(operation, error.copy)
            log.warning("article %s changed on the site too; held for the clerk",
                        operation.article_uuid)
            self._emit(operation.article_uuid, "conflict", code)
            return "conflict"
        if kind in (ErrorKind.REJECTED, ErrorKind.INVALID_INPUT):
            self._store.reject_operation(operation, code, detail)
            log.warning("article %s rejected: %s %s", operation.article_uuid,
                        code, detail)
            self._emit(operation.article_uuid, "rejected", code, detail)
            return "rejected"
        if kind is ErrorKind.NEEDS_SIGN_IN:
            self._store.postpone_operation(operation, 0, code, detail, False)
            self._park(operation.site_id, code)
            return "stop"

        retry_after = getattr(error, "retry_after", None)
        uncertain = getattr(error, "uncertain", True)
        delay = retry_delay(operation.attempts + 1, retry_after)
        next_at = self._clock() + delay
        self._store.postpone_operation(operation, next_at, code, detail, uncertain)
        if isinstance(error, NetworkError) and code in NETWORK_ERROR_CODES:
            self._set_online(False)
        log.info("article %s not sent (%s), next try in %.0f s",
                 operation.article_uuid, code, delay)
        self._emit(operation.article_uuid, "retry", code, detail, next_at)
        # A locked post does not stop the others, so the round goes on.
        return "postponed" if isinstance(error, LockedError) else "stop"

    def _park(self, site_id: int, code: str) -> None:
        if site_id not in self.needs_sign_in:
            log.warning("site %d needs a new sign-in (%s); sends are on hold",
                        site_id, code)
        self.needs_sign_in.add(site_id)
        self._emit("", "needs_sign_in", code)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            log.info("site is %s", "reachable" if online else "unreachable")
        self.online = online

    def _emit(self, uuid: str, state: str, code: str = "", detail: str = "",
              next_attempt_at: float = 0.0, bytes_sent: int = 0,
              bytes_total: int = 0) -> None:
        self._on_event(SyncEvent(uuid, state, code, detail, next_attempt_at,
                                 bytes_sent, bytes_total))


def _is_used(item: Media, article: Article) -> bool:
    """Attachments and the cover always go; photos only if the body shows them."""
    return item.kind is MediaKind.ATTACHMENT or item.is_cover or \
        item.reference in article.body


def _status_for_update(server_status: str, send_as: SendAs) -> str | None:
    """Status to send with an update: only a draft may move up to review.

    Sending no status keeps whatever the board set (published, scheduled),
    so an old local copy can never pull a post back to draft.
    """
    if server_status == "draft" and send_as is SendAs.REVIEW:
        return SendAs.REVIEW.value
    return None


def outgoing_post(article: Article, media: list[Media] = ()) -> OutgoingPost:
    """Build the post: media references become the site's URLs, attached
    files are listed under the body, and the cover becomes the featured image."""
    body = article.body
    for item in media:
        body = body.replace(item.reference, item.server_url)
    attachments = [item for item in media if item.kind is MediaKind.ATTACHMENT
                   and item.server_url not in body]
    if attachments:
        links = "\n".join(f"- [{item.caption or item.file_name}]({item.server_url})"
                          for item in attachments)
        # The published page is Vietnamese whatever the UI language.
        body += f"\n\n**Tệp đính kèm:**\n\n{links}\n"
    cover = next((item for item in media if item.is_cover), None)
    return OutgoingPost(
        uuid=article.uuid, title=article.title, excerpt=article.lead,
        content_html=article_content_html(replace(article, body=body)),
        status=article.send_as.value, category_names=list(article.categories),
        tag_names=list(article.tags), slug=article.slug or slugify(article.title),
        featured_media=cover.server_id if cover and cover.server_id else 0)
