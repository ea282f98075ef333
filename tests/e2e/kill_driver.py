"""A TinXa sync process that SIGKILLs itself at a chosen point, for the
kill -9 tests. Run as: python -m tests.e2e.kill_driver FOLDER SITE_URL USER
KILL_AT, with the Application Password in the TINXA_TEST_PASSWORD variable.

Points are counted across the run: before and after each request to the site,
and before and after the store records a finished send. KILL_AT -1 runs to
the end; the driver then prints how many points it passed.
"""

import os
import signal
import sys
from pathlib import Path

import keyring

from desktop.accounts import Accounts
from desktop.credentials import CredentialStore
from desktop.http import HttpClient
from desktop.store import Store
from desktop.sync import SyncEngine
from tests.fakes import MemoryKeyring

_WATCHED = ("find_post", "find_media", "upload_media", "create_post",
            "update_post", "get_post")


class KillSwitch:
    def __init__(self, kill_at: int) -> None:
        self.kill_at = kill_at
        self.passed = 0

    def point(self) -> None:
        if self.passed == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        self.passed += 1

    def wrap(self, function):
        def wrapped(*args, **kwargs):
            self.point()
            result = function(*args, **kwargs)
            self.point()
            return result
        return wrapped


def main(folder: str, url: str, username: str, kill_at: str) -> None:
    keyring.set_keyring(MemoryKeyring())
    switch = KillSwitch(int(kill_at))
    store = Store(Path(folder) / "tinxa.sqlite3")
    credentials = CredentialStore()
    accounts = Accounts(store, credentials, HttpClient(read_timeout=10))
    site = next(s for s in (store.get_site(i) for i in range(1, 10))
                if s and s.username == username)
    credentials.set(site.url, site.username, os.environ["TINXA_TEST_PASSWORD"])

    def backend_for(site):
        backend = accounts.backend_for(site)
        for name in _WATCHED:
            setattr(backend, name, switch.wrap(getattr(backend, name)))
        return backend

    store.complete_operation = switch.wrap(store.complete_operation)
    engine = SyncEngine(store, backend_for, media_dir=Path(folder) / "media")
    engine.recover()
    for _ in range(5):
        engine.run_once(site.id)
        if not store.waiting_operations():
            break
    print(f"points={switch.passed} waiting={store.count_waiting()}")


if __name__ == "__main__":
    main(*sys.argv[1:])
