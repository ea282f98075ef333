"""Helpers for end-to-end tests that drive the real window against WordPress."""

import pytest
import requests

from tests.wpserver import WordPressInfo


class SiteClient:
    """Reads the test site through its REST API as the editor, to check results."""

    def __init__(self, info: WordPressInfo) -> None:
        editor = info.accounts["editor"]
        self.root = info.rest_url
        self.session = requests.Session()
        self.session.auth = (editor.username, editor.application_password)

    def get(self, route: str, **params) -> object:
        response = self.session.get(self.root + route, params=params, timeout=30)
        response.raise_for_status()
        return response.json()

    def posts_with_uuid(self, uuid: str) -> list[dict]:
        return self.get("wp/v2/posts", client_uuid=uuid, status="any",
                        context="edit")

    def all_posts(self) -> list[dict]:
        return self.get("wp/v2/posts", status="any", context="edit", per_page=100)


@pytest.fixture
def site(wordpress) -> SiteClient:
    return SiteClient(wordpress)


@pytest.fixture
def sign_in(qtbot):
    """Return a function that signs a window in through the account dialog."""

    def sign_in_(window, info: WordPressInfo, role: str = "contributor",
                 password: str | None = None):
        account = info.accounts[role]
        dialog = window.open_account()
        dialog.url.setText(info.base_url)
        dialog.username.setText(account.username)
        dialog.password.setText(password or account.application_password)
        with qtbot.waitSignal(window.sync.sign_in_finished, timeout=30_000):
            dialog.buttons.accepted.emit()
        return dialog

    return sign_in_


@pytest.fixture
def proxy(wordpress):
    from tests.faultproxy import FaultProxy

    with FaultProxy(wordpress.port) as running:
        yield running


@pytest.fixture
def make_client(tmp_path, wordpress, proxy):
    """Return a function making a SyncClient for a role, through the proxy."""
    from tests.e2e.sync_client import SyncClient

    made = []

    def make(role: str = "author", **options):
        client = SyncClient(tmp_path / f"client{len(made)}", wordpress, proxy,
                            role=role, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
