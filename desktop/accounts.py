"""Site accounts: checking a sign-in, keeping the site record and its password."""

import logging

from desktop.backends.wordpress import WordPressBackend, normalise_site_url
from desktop.credentials import CredentialStore
from desktop.http import HttpClient
from desktop.models import Site
from desktop.store import Store
from desktop.text import nfc

log = logging.getLogger(__name__)


class Accounts:
    """Creates backends for site accounts; passwords come from the vault."""

    def __init__(self, store: Store, credentials: CredentialStore,
                 http: HttpClient) -> None:
        self._store = store
        self._credentials = credentials
        self._http = http
        self._category_checks: dict[int, float] = {}

    def sign_in(self, url: str, username: str, password: str) -> Site:
        """Check the account against the server, then keep it and its password.

        Raises the core's errors: InputError for an unusable address or site,
        SignInError for a refused password, NetworkError when unreachable.
        """
        site = Site(url=normalise_site_url(url), username=nfc(username).strip())
        password = "".join(password.split())  # WordPress shows it in groups of 4
        backend = WordPressBackend(site, password, self._http)
        backend.check_account()
        self._store.save_site(site)
        self._credentials.set(site.url, site.username, password)
        return site

    def backend_for(self, site: Site) -> WordPressBackend | None:
        """Return a backend for the site, or None if no password is known."""
        password = self._credentials.get(site.url, site.username)
        if not password:
            return None
        return WordPressBackend(site, password, self._http, self._category_checks)
