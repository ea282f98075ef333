"""The UI's side of sync: runs the core's engine on the network lane and turns
its callbacks into Qt signals delivered on the GUI thread."""

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.errors import TinXaError
from desktop.store import Store
from desktop.tasks import Lane

if TYPE_CHECKING:
    from desktop.sync import SyncEvent

log = logging.getLogger(__name__)

# Maximum wait between two checks of an unreachable site, in seconds.
MAX_PROBE_INTERVAL_S = 300


class SyncService(QObject):
    """Owns the network lane. Store, HTTP client and engine live on that lane."""

    # Signals are emitted from the lane; Qt queues them to the GUI thread.
    article_changed = Signal(str)
    online_changed = Signal(bool)
    sign_in_needed = Signal(str)  # error code
    sign_in_finished = Signal(object, object)  # Site or None, TinXaError or None
    upload_progress = Signal(str, int, int)  # article uuid, bytes sent, total

    def __init__(self, database: Path, interval_s: float, media_dir: Path,
                 image_max_side: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._media_dir = media_dir
        self._image_max_side = image_max_side
        self._site_id = 0
        self._online: bool | None = None
        self._vault_is_secure = True
        self._interval_s = interval_s
        self._lane = Lane("network", on_idle=self._tick, idle_s=interval_s)
        self._lane.submit(self._open)
        self._network_information = None

    @property
    def online(self) -> bool | None:
        return self._online

    @property
    def vault_is_secure(self) -> bool:
        """False when passwords are kept in memory only; True until known."""
        return self._vault_is_secure

    def start(self, site_id: int) -> None:
        self._site_id = site_id
        self._lane.start()
        self.sync_now()

    def watch_network(self) -> bool:
        """Sync as soon as the operating system reports a network again.

        Return False where Qt has no network information backend (Linux
        without NetworkManager); the probe on each tick still notices.
        """
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadDefaultBackend():
            log.info("no network information backend; relying on probes")
            return False
        self._network_information = QNetworkInformation.instance()
        self._network_information.reachabilityChanged.connect(
            self._on_reachability)
        return True

    def _on_reachability(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        log.info("operating system reports network %s", reachability.name)
        if reachability in (QNetworkInformation.Reachability.Online,
                            QNetworkInformation.Reachability.Site,
                            QNetworkInformation.Reachability.Local):
            self._lane.submit(self._reset_probe_interval)
            self.sync_now()

    def sync_now(self) -> None:
        """Send what waits and read the site's status of sent articles."""
        self._lane.submit(self._tick)
        self._lane.submit(self._refresh)

    def sign_in(self, url: str, username: str, password: str) -> None:
        self._lane.submit(lambda: self._sign_in(url, username, password))

    def shutdown(self) -> None:
        self._lane.submit(self._close)
        if not self._lane.stop(timeout=5.0):
            log.warning("a network request was still running at quit; the "
                        "outbox resumes it at the next start")

    # Everything below runs on the network lane.

    def _open(self) -> None:
        # requests, keyring, markdown and the backend load here, on the lane,
        # while the GUI thread builds the window.
        from desktop.accounts import Accounts
        from desktop.credentials import CredentialStore
        from desktop.http import HttpClient
        from desktop.sync import SyncEngine

        self._store = Store(self._database)
        self._http = HttpClient()
        credentials = CredentialStore()  # keyring finds its backend: ~50 ms
        self._vault_is_secure = credentials.secure
        self._accounts = Accounts(self._store, credentials, self._http)
        self._engine = SyncEngine(self._store, self._accounts.backend_for,
                                  on_event=self._on_event,
                                  media_dir=self._media_dir,
                                  image_max_side=self._image_max_side)
        self._engine.recover()

    def _close(self) -> None:
        self._http.close()
        self._store.close()

    def _tick(self) -> None:
        if not self._site_id:
            return
        self._engine.run_once(self._site_id)
        self._publish_online(self._engine.online)
        # While the site stays unreachable, probe less and less often.
        if self._engine.online is False:
            self._lane.idle_s = min(self._lane.idle_s * 2, MAX_PROBE_INTERVAL_S)
        else:
            self._reset_probe_interval()

    def _reset_probe_interval(self) -> None:
        self._lane.idle_s = self._interval_s

    def _refresh(self) -> None:
        if self._site_id:
            self._engine.refresh(self._site_id)

    def _sign_in(self, url: str, username: str, password: str) -> None:
        try:
            site = self._accounts.sign_in(url, username, password)
        except TinXaError as error:
            log.info("sign-in to %s as %s failed: %s", url, username, error.code)
            self.sign_in_finished.emit(None, error)
            return
        except Exception:  # a defect must not leave the dialog waiting forever
            log.exception("sign-in to %s as %s failed with a bug", url, username)
            self.sign_in_finished.emit(None, TinXaError("bug"))
            return
        self._store.assign_site(site.id)
        if self._site_id and self._site_id != site.id:
            self._store.assign_site(site.id, previous_site_id=self._site_id)
        self._site_id = site.id
        self._engine.signed_in(site.id)
        self.sign_in_finished.emit(site, None)
        self._tick()

    def _on_event(self, event: "SyncEvent") -> None:
        if event.state == "needs_sign_in":
            self.sign_in_needed.emit(event.error_code)
        if event.state == "uploading":
            self.upload_progress.emit(event.article_uuid, event.bytes_sent,
                                      event.bytes_total)
            return
        if event.article_uuid:
            self.article_changed.emit(event.article_uuid)

    def _publish_online(self, online: bool | None) -> None:
        if online is not None and online != self._online:
            self._online = online
            self.online_changed.emit(online)
