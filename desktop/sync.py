"""The sync engine: sends queued articles to the site, one outbox entry at a time.

It is plain synchronous code. The UI runs it on its network thread and
receives ``SyncEvent`` callbacks. Each send records its attempt in the store
before any request goes out, so after a crash or a lost response the engine
knows the server may already have the post and looks it up by the article's
UUID before creating it again.
"""

import logging
import random
import time
from dataclasses import dataclass
from typing import Callable

from desktop.backends.base import Backend, OutgoingPost, RemotePost
from desktop.errors import ErrorKind, NetworkError, TinXaError
from desktop.models import Article, Site
from desktop.render import article_content_html
from desktop.store import Operation, Store

log = logging.getLogger(__name__)

FIRST_RETRY_S = 5.0
MAX_RETRY_S = 15 * 60.0
MAX_RETRY_AFTER_S = 60 * 60.0

# Failures that say nothing about the server itself: once a probe reaches the
# site again, sends that failed this way go at once instead of backing off.
NETWORK_ERROR_CODES = ("offline", "timeout", "connection_broken", "tls_failed",
                       "bad_response")

# WordPress statuses a board has already moved past: an update from TinXa
# keeps them instead of sending the article's original status again.
_BOARD_STATUSES = {"publish", "future", "private"}


@dataclass
class SyncEvent:
    article_uuid: str
    state: str  # sending, sent, retry, rejected, needs_sign_in
    error_code: str = ""
    detail: str = ""
    next_attempt_at: float = 0.0


def retry_delay(attempts: int, retry_after: float | None,
                jitter: Callable[[], float] = random.random) -> float:
    """Seconds to wait before attempt ``attempts + 1``: exponential with jitter.

    A server's Retry-After wins when it asks for longer than the backoff.
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
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._backend_for = backend_for
        self._on_event = on_event
        self._clock = clock
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

        With nothing due, one cheap request checks whether the site answers,
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
        self._store.complete_operation(operation, article)
        self._set_online(True)
        log.info("article %s sent as post %d (%s)", article.uuid, remote.id,
                 remote.status)
        self._emit(article.uuid, "sent")
        return "sent"

    def _push(self, backend: Backend, operation: Operation,
              article: Article) -> RemotePost:
        post = outgoing_post(article)
        existing_id = article.server_id
        if existing_id is None and operation.uncertain:
            found = backend.find_post(article.uuid, article.title)
            if found:
                log.info("article %s was already on the server as post %d",
                         article.uuid, found.id)
                existing_id = found.id
                if found.status in _BOARD_STATUSES:
                    post.status = found.status
        if existing_id is None:
            return backend.create_post(post)
        # TODO(sync): updates overwrite the server copy without comparing its
        # modification time, so an edit made on the web can be lost.
        return backend.update_post(existing_id, post)

    def _fail(self, operation: Operation, error: Exception) -> str:
        kind = error.kind if isinstance(error, TinXaError) else ErrorKind.BUG
        code = error.code if isinstance(error, TinXaError) else "bug"
        detail = getattr(error, "detail", "") or repr(error)
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
        if isinstance(error, NetworkError) and code in ("offline", "timeout"):
            self._set_online(False)
        log.info("article %s not sent (%s), next try in %.0f s",
                 operation.article_uuid, code, delay)
        self._emit(operation.article_uuid, "retry", code, detail, next_at)
        return "stop"

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
              next_attempt_at: float = 0.0) -> None:
        self._on_event(SyncEvent(uuid, state, code, detail, next_attempt_at))


def outgoing_post(article: Article) -> OutgoingPost:
    return OutgoingPost(
        uuid=article.uuid, title=article.title, excerpt=article.lead,
        content_html=article_content_html(article),
        status=article.send_as.value, category_names=list(article.categories),
        tag_names=list(article.tags))
