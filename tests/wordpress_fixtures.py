"""Pytest fixtures that run tests against a real WordPress server.

``wordpress_server`` starts one server for the whole test session and stops
it at the end, also when tests fail. ``wordpress`` resets the server's data
before each test and returns its URL, accounts and categories.
"""

from collections.abc import Iterator

import pytest

from tests.wpserver import (
    INSTALL_COMMAND,
    WordPressInfo,
    WordPressServer,
    missing_packages,
)


@pytest.fixture(scope="session")
def wordpress_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[WordPressServer]:
    """Start one WordPress server for the session.

    Fails, and does not skip, when the Debian packages are missing, because
    CI must run the tests that need the server.
    """
    missing = missing_packages()
    if missing:
        pytest.fail(
            "The WordPress test server needs the Debian packages "
            f"{', '.join(missing)}, which are not installed. Install them as root "
            "from the repository root "
            f"with `{INSTALL_COMMAND}`.",
            pytrace=False,
        )

    server = WordPressServer(tmp_path_factory.mktemp("wordpress"))
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def wordpress(wordpress_server: WordPressServer) -> WordPressInfo:
    """Return the info of the session's server after resetting its data.

    Also starts the web server again if an earlier test left it stopped.
    """
    if not wordpress_server.http_running:
        wordpress_server.start_http()
    wordpress_server.reset()
    return wordpress_server.info
