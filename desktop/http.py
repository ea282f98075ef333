"""The one HTTP client of the core: timeouts on every call, a TinXa user agent,
and requests' exceptions turned into the core's error kinds."""

import logging
from typing import Any

import requests

from desktop import APP_NAME, __version__
from desktop.errors import InputError, NetworkError

log = logging.getLogger(__name__)

USER_AGENT = f"{APP_NAME}/{__version__} " \
             f"python-requests/{requests.__version__}"

# Seconds to open a connection and to wait between bytes of the response.
# A 256 kbit/s line with 300 ms round trips still connects well within these.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0


class HttpClient:
    """Wraps one ``requests.Session``; every request has a timeout."""

    def __init__(self, connect_timeout: float = CONNECT_TIMEOUT,
                 read_timeout: float = READ_TIMEOUT) -> None:
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = (connect_timeout, read_timeout)

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        """Send a request; raise NetworkError when no response came back."""
        kwargs.setdefault("timeout", self.timeout)
        try:
            return self.session.request(method, url, **kwargs)
        except requests.exceptions.ConnectTimeout as error:
            raise NetworkError("timeout", str(error)) from error
        except requests.exceptions.ReadTimeout as error:
            # The server may have acted on the request before it went quiet.
            raise NetworkError("timeout", str(error),
                               uncertain=method != "GET") from error
        except requests.exceptions.SSLError as error:
            raise NetworkError("tls_failed", str(error)) from error
        except requests.exceptions.ConnectionError as error:
            raise NetworkError("offline", str(error),
                               uncertain=_maybe_delivered(error, method)) from error
        except requests.exceptions.ChunkedEncodingError as error:
            raise NetworkError("connection_broken", str(error),
                               uncertain=method != "GET") from error
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema) as error:
            raise InputError("site_url_invalid", str(error)) from error
        except requests.exceptions.TooManyRedirects as error:
            raise NetworkError("bad_response", str(error)) from error

    def close(self) -> None:
        self.session.close()


def _maybe_delivered(error: requests.exceptions.ConnectionError,
                     method: str) -> bool:
    """Tell whether a failed request could have reached the server."""
    if method == "GET":
        return False
    text = repr(error)
    never_connected = ("NewConnectionError", "Connection refused",
                       "Name or service not known", "NameResolutionError")
    return not any(marker in text for marker in never_connected)
