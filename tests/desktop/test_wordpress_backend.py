"""Unit checks of the WordPress backend that need no server; the end-to-end
tests in tests/e2e run the same code against a real WordPress."""

import pytest
import requests

from desktop.backends.wordpress import _error_for, normalise_site_url
from desktop.errors import ErrorKind, InputError


@pytest.mark.parametrize("typed, expected", [
    ("https://XaHoaThang.gov.vn/", "https://xahoathang.gov.vn"),
    ("xahoathang.gov.vn", "https://xahoathang.gov.vn"),
    ("  https://site.vn/tin-xa/  ", "https://site.vn/tin-xa"),
    ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ("http://localhost:8080/wp", "http://localhost:8080/wp"),
    ("http://[::1]:8080", "http://[::1]:8080"),
])
def test_site_url_is_cleaned(typed, expected):
    assert normalise_site_url(typed) == expected


@pytest.mark.parametrize("typed, code", [
    ("", "site_url_missing"),
    ("http://xahoathang.gov.vn", "insecure_http"),
    ("http://192.168.1.10", "insecure_http"),
    ("ftp://site.vn", "site_url_invalid"),
    ("https://", "site_url_invalid"),
    ("http://127.0.0.1:4o349", "site_url_invalid"),
    ("https://xa hoa thang.vn", "site_url_invalid"),
    ("javascript:alert(1)", "site_url_invalid"),
])
def test_unusable_site_url_is_refused(typed, code):
    with pytest.raises(InputError) as caught:
        normalise_site_url(typed)
    assert caught.value.code == code


def make_response(status, body=b"", headers=None, content_type="application/json"):
    response = requests.Response()
    response.status_code = status
    response._content = body
    response.headers["Content-Type"] = content_type
    response.headers.update(headers or {})
    response.url = "http://127.0.0.1/wp-json/wp/v2/posts"
    return response


@pytest.mark.parametrize("status, kind, code", [
    (401, ErrorKind.NEEDS_SIGN_IN, "wrong_password"),
    (403, ErrorKind.REJECTED, "forbidden"),
    (400, ErrorKind.REJECTED, "rejected"),
    (413, ErrorKind.REJECTED, "too_large"),
    (429, ErrorKind.RETRYABLE, "server_busy"),
    (503, ErrorKind.RETRYABLE, "server_busy"),
    (500, ErrorKind.RETRYABLE, "server_error"),
    (504, ErrorKind.RETRYABLE, "server_error"),
])
def test_status_is_classified(status, kind, code):
    error = _error_for(make_response(status, b'{"code": "x", "message": "m"}'),
                       "POST")
    assert error.kind is kind
    assert error.code == code


def test_server_message_is_kept():
    body = b'{"code": "rest_cannot_publish", "message": "Sorry, you are not ' \
           b'allowed to publish posts as this user."}'
    error = _error_for(make_response(403, body), "POST")
    assert error.detail.startswith("Sorry, you are not allowed")
    assert error.params["server_code"] == "rest_cannot_publish"


def test_html_error_page_becomes_text():
    page = b"<html><body><h1>413 Request Entity Too Large</h1></body></html>"
    error = _error_for(make_response(413, page, content_type="text/html"), "POST")
    assert error.detail == "413 Request Entity Too Large"


def test_retry_after_is_read():
    error = _error_for(make_response(429, b"{}", {"Retry-After": "120"}), "POST")
    assert error.retry_after == 120.0
    assert error.uncertain


def test_failed_get_is_never_uncertain():
    error = _error_for(make_response(502, b"{}"), "GET")
    assert not error.uncertain


@pytest.mark.parametrize("typed, expected", [
    ("127.0.0.1:8080", "http://127.0.0.1:8080"),
    ("localhost:8080/wp", "http://localhost:8080/wp"),
    ("xa.vn:8443", "https://xa.vn:8443"),
])
def test_scheme_defaults_by_host(typed, expected):
    assert normalise_site_url(typed) == expected


def test_password_in_address_is_refused():
    with pytest.raises(InputError) as caught:
        normalise_site_url("https://admin:secret@xa.vn")
    assert caught.value.code == "site_url_invalid"
    assert "secret" not in str(caught.value)


def test_redirect_asks_for_sign_in():
    error = _error_for(make_response(301, b"", {"Location": "https://www.xa.vn/"}),
                       "POST")
    assert error.kind is ErrorKind.NEEDS_SIGN_IN
    assert error.code == "site_moved"
    assert error.detail == "https://www.xa.vn/"


def test_retry_after_as_date():
    import email.utils
    import time

    later = email.utils.formatdate(time.time() + 120, usegmt=True)
    error = _error_for(make_response(503, b"{}", {"Retry-After": later}), "GET")
    assert 100 < error.retry_after <= 121


@pytest.mark.parametrize("answer", [[], "ok", {}, {"id": "7"}, None])
def test_odd_answer_is_bad_response(answer):
    from desktop.backends.wordpress import _remote_post
    from desktop.errors import NetworkError

    with pytest.raises(NetworkError) as caught:
        _remote_post(answer)
    assert caught.value.code == "bad_response"
    assert caught.value.uncertain


class IndexServer:
    """A local site whose REST index lists no Application Passwords, like a
    WordPress on plain http outside a local environment; it records every
    request's Authorization header."""

    def __init__(self) -> None:
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        seen = self.authorizations = []
        index = json.dumps({"name": "Xã", "namespaces": ["wp/v2"],
                            "authentication": []}).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                seen.append(self.headers.get("Authorization"))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(index)))
                self.end_headers()
                self.wfile.write(index)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_no_app_passwords_before_password_sent():
    from desktop.backends.wordpress import WordPressBackend
    from desktop.http import HttpClient
    from desktop.models import Site

    server = IndexServer()
    try:
        backend = WordPressBackend(Site(url=server.url, username="hoa"),
                                   "abcd efgh", HttpClient())
        with pytest.raises(InputError) as caught:
            backend.check_account()
    finally:
        server.close()
    assert caught.value.code == "no_app_passwords"
    assert server.authorizations
    assert set(server.authorizations) == {None}


def test_plain_http_site_gets_no_request():
    from desktop.backends.wordpress import WordPressBackend
    from desktop.models import Site

    class NoNetwork:
        def request(self, *args, **kwargs):
            raise AssertionError("a request was made")

    backend = WordPressBackend(Site(url="http://xahoathang.gov.vn",
                                    username="hoa"), "abcd efgh", NoNetwork())
    with pytest.raises(InputError) as caught:
        backend.check_account()
    assert caught.value.code == "insecure_http"
