"""Tests of FaultProxy against a small HTTP server on 127.0.0.1."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.faultproxy import (
    FaultProxy,
    _RequestBody,
    _RequestEnd,
    _RequestFramer,
    _RequestHead,
    _ResponseFramer,
)

# Seconds to wait for a condition or a response before a test fails.
WAIT = 5.0
# Allowance for clock resolution in the lower-bound timing checks.
CLOCK_SLACK = 0.002


def make_payload(size: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


@dataclass(frozen=True)
class ReceivedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class RecordingServer(ThreadingHTTPServer):
    """HTTP/1.1 server that records every complete request it handles.

    GET /bytes/N returns N payload bytes, and POST returns its body. A POST
    whose body ends early counts in `incomplete` and is not recorded.
    """

    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), RecordingHandler)
        self.port = self.server_address[1]
        self.received: list[ReceivedRequest] = []
        self.incomplete = 0
        self.closed_connections = 0
        self._condition = threading.Condition()
        # A short poll interval lets shutdown() return quickly.
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(WAIT)

    def record(self, request: ReceivedRequest) -> None:
        with self._condition:
            self.received.append(request)
            self._condition.notify_all()

    def note_incomplete(self) -> None:
        with self._condition:
            self.incomplete += 1
            self._condition.notify_all()

    def note_connection_closed(self) -> None:
        with self._condition:
            self.closed_connections += 1
            self._condition.notify_all()

    def wait_until(self, predicate: Callable[[RecordingServer], bool]) -> bool:
        with self._condition:
            return self._condition.wait_for(lambda: predicate(self), WAIT)


class RecordingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: RecordingServer

    def do_GET(self) -> None:
        self._record(b"")
        size = 5
        if self.path.startswith("/bytes/"):
            size = int(self.path.removeprefix("/bytes/"))
        self._reply(make_payload(size))

    def do_POST(self) -> None:
        try:
            body = self._read_body()
        except OSError:
            body = None
        if body is None:
            self.server.note_incomplete()
            self.close_connection = True
            return
        self._record(body)
        self._reply(body)

    def _read_body(self) -> bytes | None:
        """Return the request body, or None when it ended early."""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._read_chunked_body()
        # A head cut short parses as a head without Content-Length.
        if "Content-Length" not in self.headers:
            return None
        length = int(self.headers["Content-Length"])
        body = self.rfile.read(length)
        return body if len(body) == length else None

    def _read_chunked_body(self) -> bytes | None:
        parts = []
        while True:
            line = self.rfile.readline()
            if not line.endswith(b"\r\n"):
                return None
            size = int(line.split(b";")[0], 16)
            if size == 0:
                break
            chunk = self.rfile.read(size + 2)
            if len(chunk) != size + 2:
                return None
            parts.append(chunk[:size])
        while (line := self.rfile.readline()) != b"\r\n":
            if not line:
                return None
        return b"".join(parts)

    def _record(self, body: bytes) -> None:
        headers = {name: value for name, value in self.headers.items()}
        self.server.record(ReceivedRequest(self.command, self.path, headers, body))

    def _reply(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:
            # The proxy cuts connections on purpose.
            self.close_connection = True

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.note_connection_closed()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    recording_server = RecordingServer()
    yield recording_server
    recording_server.stop()


@pytest.fixture
def proxy(server: RecordingServer) -> Iterator[FaultProxy]:
    with FaultProxy(server.port) as fault_proxy:
        yield fault_proxy


def get(proxy: FaultProxy, path: str, **kwargs: object) -> requests.Response:
    return requests.get(proxy.url + path, timeout=WAIT, **kwargs)


def post(
    proxy: FaultProxy, path: str, body: object, **kwargs: object
) -> requests.Response:
    return requests.post(proxy.url + path, data=body, timeout=WAIT, **kwargs)


def exchange_raw(proxy: FaultProxy, request: bytes) -> bytes:
    """Send raw request bytes and return everything received until the close."""
    with socket.create_connection((proxy.host, proxy.port), timeout=WAIT) as client:
        client.sendall(request)
        received = b""
        while chunk := client.recv(65536):
            received += chunk
    return received


# Forwarding


def test_get_forwarded_byte_for_byte(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    response = get(proxy, "/bytes/200000")

    assert response.status_code == 200
    assert response.content == make_payload(200000)
    assert [(r.method, r.path) for r in server.received] == [("GET", "/bytes/200000")]
    stats = proxy.stats()
    assert stats.bytes_downstream > 200000
    assert stats.connections_opened == 1
    assert [(r.method, r.path, r.action) for r in stats.requests] == [
        ("GET", "/bytes/200000", "forwarded")
    ]


def test_post_forwarded_byte_for_byte(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    body = make_payload(300000, seed=2)

    response = post(proxy, "/echo", body)

    assert response.status_code == 200
    assert response.content == body
    assert len(server.received) == 1
    assert server.received[0].body == body
    assert proxy.stats().bytes_upstream > len(body)


def test_keep_alive_carries_several_requests(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    with requests.Session() as session:
        for size in (10, 20000, 30):
            response = session.get(f"{proxy.url}/bytes/{size}", timeout=WAIT)
            assert response.content == make_payload(size)
        response = session.post(proxy.url + "/echo", data=b"abc", timeout=WAIT)
        assert response.content == b"abc"

    stats = proxy.stats()
    assert stats.connections_opened == 1
    assert [r.path for r in stats.requests] == [
        "/bytes/10", "/bytes/20000", "/bytes/30", "/echo"
    ]
    assert len(server.received) == 4


def test_chunked_upload_passes_through(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    proxy.respond_with(503)

    def chunks() -> Iterator[bytes]:
        yield b"first part "
        yield b"second part"

    response = post(proxy, "/upload", chunks())

    # The proxy cannot find the end of a chunked request, so the canned
    # response stays for the next request that it can frame.
    assert response.status_code == 200
    assert response.content == b"first part second part"
    assert server.received[0].body == b"first part second part"
    assert get(proxy, "/bytes/1").status_code == 503


def test_lf_only_request_passes_through(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    request = b"GET /bytes/3 HTTP/1.1\nHost: a\nConnection: close\n\n"

    response = exchange_raw(proxy, request)

    assert response.startswith(b"HTTP/1.1 200 ")
    assert response.endswith(make_payload(3))
    assert [r.path for r in server.received] == ["/bytes/3"]
    # Heads without CRLF line endings are not parsed.
    assert proxy.stats().requests == ()


def test_non_loopback_target_rejected() -> None:
    with pytest.raises(ValueError, match="loopback"):
        FaultProxy(80, target_host="192.0.2.10")


# Latency and bandwidth


def test_latency_delays_each_direction(proxy: FaultProxy) -> None:
    latency = 0.05
    proxy.set_latency(latency)

    with requests.Session() as session:
        started = time.monotonic()
        session.get(proxy.url + "/bytes/10", timeout=WAIT)
        first = time.monotonic() - started
        started = time.monotonic()
        session.get(proxy.url + "/bytes/10", timeout=WAIT)
        second = time.monotonic() - started

    # A new connection waits one more round trip for the simulated handshake.
    assert first >= 4 * latency - CLOCK_SLACK
    assert second >= 2 * latency - CLOCK_SLACK


def test_bandwidth_cap_bounds_download(proxy: FaultProxy) -> None:
    rate = 1_000_000
    proxy.set_bandwidth(downstream_bps=rate)

    started = time.monotonic()
    response = get(proxy, "/bytes/40000")
    elapsed = time.monotonic() - started

    assert response.content == make_payload(40000)
    line_time = proxy.stats().bytes_downstream * 8 / rate
    assert elapsed >= line_time - CLOCK_SLACK


def test_bandwidth_cap_bounds_upload(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    rate = 1_000_000
    proxy.set_bandwidth(upstream_bps=rate)
    body = make_payload(40000, seed=3)

    started = time.monotonic()
    response = post(proxy, "/echo", body)
    elapsed = time.monotonic() - started

    assert response.content == body
    line_time = proxy.stats().bytes_upstream * 8 / rate
    assert elapsed >= line_time - CLOCK_SLACK


def test_bandwidth_cap_shared_by_connections(proxy: FaultProxy) -> None:
    rate = 1_000_000
    proxy.set_bandwidth(downstream_bps=rate)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(get, proxy, "/bytes/20000") for _ in range(2)]
        responses = [future.result(WAIT) for future in futures]
    elapsed = time.monotonic() - started

    for response in responses:
        assert response.content == make_payload(20000)
    stats = proxy.stats()
    assert stats.connections_opened == 2
    # Two connections on one capped line take as long as one transfer of
    # both responses.
    assert elapsed >= stats.bytes_downstream * 8 / rate - CLOCK_SLACK


# Dropped connections


@pytest.mark.parametrize("nbytes", [0, 60, 5000], ids=["start", "head", "body"])
def test_request_drop_breaks_upload(
    proxy: FaultProxy, server: RecordingServer, nbytes: int
) -> None:
    proxy.drop_after_request_bytes(nbytes)

    with pytest.raises(requests.ConnectionError):
        post(proxy, "/echo", make_payload(20000))

    assert server.wait_until(lambda s: s.closed_connections >= 1)
    assert server.received == []
    assert proxy.stats().bytes_upstream == nbytes
    assert post(proxy, "/echo", b"after").content == b"after"
    assert len(server.received) == 1


def test_request_drop_for_next_connections(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    proxy.drop_after_request_bytes(10, connections=2)

    for _ in range(2):
        with pytest.raises(requests.ConnectionError):
            get(proxy, "/bytes/5")

    assert get(proxy, "/bytes/5").status_code == 200
    assert proxy.stats().connections_opened == 3


def test_request_drop_hits_open_keep_alive_connection(proxy: FaultProxy) -> None:
    with requests.Session() as session:
        assert session.get(proxy.url + "/bytes/5", timeout=WAIT).status_code == 200
        proxy.drop_after_request_bytes(10)
        with pytest.raises(requests.ConnectionError):
            session.get(proxy.url + "/bytes/5", timeout=WAIT)

    assert proxy.stats().connections_opened == 1


def test_response_drop_in_body_breaks_response(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    proxy.drop_after_response_bytes(1000)

    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        get(proxy, "/bytes/50000")

    assert [r.path for r in server.received] == ["/bytes/50000"]
    assert proxy.stats().bytes_downstream == 1000
    assert get(proxy, "/bytes/50000").content == make_payload(50000)


@pytest.mark.parametrize("nbytes", [0, 10])
def test_response_drop_in_head_breaks_response(
    proxy: FaultProxy, server: RecordingServer, nbytes: int
) -> None:
    proxy.drop_after_response_bytes(nbytes)
    body = make_payload(100)

    with pytest.raises(requests.ConnectionError):
        post(proxy, "/echo", body)

    # The server did the work, but the client never got the response.
    assert [r.body for r in server.received] == [body]
    assert proxy.stats().bytes_downstream == nbytes


def outcomes_with_random_drops(server: RecordingServer, seed: int) -> list[bool]:
    """Return which of 24 requests, each on a new connection, succeeded."""
    outcomes = []
    with FaultProxy(server.port) as fault_proxy:
        fault_proxy.set_random_drops(0.5, seed=seed, max_bytes=400)
        for _ in range(24):
            try:
                get(fault_proxy, "/bytes/100")
            except requests.RequestException:
                outcomes.append(False)
            else:
                outcomes.append(True)
    return outcomes


def test_random_drops_repeat_with_seed(server: RecordingServer) -> None:
    first = outcomes_with_random_drops(server, seed=7)
    second = outcomes_with_random_drops(server, seed=7)
    other_seed = outcomes_with_random_drops(server, seed=8)

    assert first == second
    assert True in first
    assert False in first
    assert other_seed != first


# HTTP faults


def test_canned_503_for_next_two_requests(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    proxy.respond_with(503, headers={"Retry-After": "7"}, requests=2)

    with requests.Session() as session:
        responses = [
            session.get(proxy.url + "/bytes/5", timeout=WAIT) for _ in range(3)
        ]

    assert [r.status_code for r in responses] == [503, 503, 200]
    assert responses[0].headers["Retry-After"] == "7"
    assert responses[1].headers["Retry-After"] == "7"
    assert responses[0].headers["Connection"] == "close"
    assert responses[2].content == make_payload(5)
    assert len(server.received) == 1
    actions = [r.action for r in proxy.stats().requests]
    assert actions == ["canned", "canned", "forwarded"]


def test_canned_413_after_reading_upload(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    page = "<html><body><h1>Tệp quá lớn</h1></body></html>"
    proxy.respond_with(
        413, page, headers={"Content-Type": "text/html; charset=utf-8"}
    )

    response = post(proxy, "/wp-json/wp/v2/media", make_payload(200000))

    assert response.status_code == 413
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.text == page
    assert server.wait_until(lambda s: s.closed_connections >= 1)
    assert server.received == []


def test_canned_response_before_expected_body(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    proxy.respond_with(503)
    request = (
        b"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
        b"Expect: 100-continue\r\n\r\n"
    )

    response = exchange_raw(proxy, request)

    assert response.startswith(b"HTTP/1.1 503 Service Unavailable\r\n")
    assert b"\r\nConnection: close\r\n" in response
    assert server.wait_until(lambda s: s.closed_connections >= 1)
    assert server.received == []


def test_canned_responses_apply_in_order(proxy: FaultProxy) -> None:
    proxy.respond_with(429, headers={"Retry-After": "2"})
    proxy.respond_with(504)

    statuses = [get(proxy, "/bytes/1").status_code for _ in range(3)]

    assert statuses == [429, 504, 200]


def test_replaced_response_hides_server_work(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    proxy.replace_response(requests=1)
    body = make_payload(70000, seed=4)

    response = post(proxy, "/wp-json/wp/v2/posts", body)

    assert response.status_code == 504
    assert response.content == b""
    assert [r.body for r in server.received] == [body]
    assert [r.action for r in proxy.stats().requests] == ["replaced"]
    assert post(proxy, "/echo", b"next").content == b"next"


def test_header_stripped_from_requests(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    proxy.strip_request_header("Authorization")
    headers = {"Authorization": "Basic dXNlcjpwYXNz", "X-Article": "42"}

    with requests.Session() as session:
        session.get(proxy.url + "/bytes/1", headers=headers, timeout=WAIT)
        response = session.post(
            proxy.url + "/echo", data=b"body", headers=headers, timeout=WAIT
        )

    assert response.content == b"body"
    assert len(server.received) == 2
    for received in server.received:
        assert "Authorization" not in received.headers
        assert received.headers["X-Article"] == "42"


def test_clear_faults_removes_rules(proxy: FaultProxy, server: RecordingServer) -> None:
    proxy.respond_with(503, requests=5)
    proxy.drop_after_request_bytes(0)
    proxy.strip_request_header("X-Article")

    proxy.clear_faults()
    response = get(proxy, "/bytes/3", headers={"X-Article": "1"})

    assert response.status_code == 200
    assert server.received[0].headers["X-Article"] == "1"


# Down switch and lifetime


def test_down_refuses_then_up_forwards(proxy: FaultProxy) -> None:
    with requests.Session() as session:
        assert session.get(proxy.url + "/bytes/5", timeout=WAIT).status_code == 200
        proxy.down()
        with pytest.raises(requests.ConnectionError):
            session.get(proxy.url + "/bytes/5", timeout=WAIT)
        proxy.up()
        assert session.get(proxy.url + "/bytes/5", timeout=WAIT).status_code == 200

    stats = proxy.stats()
    assert stats.connections_refused == 1
    assert stats.connections_opened == 2


def test_down_cuts_transfer_in_progress(
    proxy: FaultProxy, server: RecordingServer
) -> None:
    # At 64 kbit/s the 200 kB response would take 25 s.
    proxy.set_bandwidth(downstream_bps=64_000)

    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(get, proxy, "/bytes/200000")
        assert server.wait_until(lambda s: len(s.received) == 1)
        proxy.down()
        with pytest.raises(
            (requests.ConnectionError, requests.exceptions.ChunkedEncodingError)
        ):
            future.result(WAIT)


def test_close_stops_thread_and_listener(server: RecordingServer) -> None:
    fault_proxy = FaultProxy(server.port)
    with requests.Session() as session:
        assert session.get(fault_proxy.url + "/bytes/1", timeout=WAIT).ok

        fault_proxy.close()
        fault_proxy.close()

    proxy_threads = [t for t in threading.enumerate() if t.name == "FaultProxy"]
    assert proxy_threads == []
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", fault_proxy.port), timeout=WAIT)


def test_stats_reset(proxy: FaultProxy) -> None:
    get(proxy, "/bytes/10")

    proxy.reset_stats()

    stats = proxy.stats()
    assert stats.bytes_upstream == 0
    assert stats.bytes_downstream == 0
    assert stats.connections_opened == 0
    assert stats.requests == ()


# HTTP framing, fed one byte at a time


def test_request_framer_splits_requests() -> None:
    stream = (
        b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
        b"POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
        b"GET /c HTTP/1.1\r\n\r\n"
    )
    framer = _RequestFramer()

    events = []
    for index in range(len(stream)):
        events += framer.feed(stream[index:index + 1])

    heads = [e for e in events if isinstance(e, _RequestHead)]
    assert [(h.method, h.target) for h in heads] == [
        ("GET", "/a"), ("POST", "/b"), ("GET", "/c")
    ]
    assert b"".join(e.data for e in events if isinstance(e, _RequestBody)) == b"hello"
    assert sum(isinstance(e, _RequestEnd) for e in events) == 3


def test_request_head_renders_without_stripped_header() -> None:
    framer = _RequestFramer()
    head = framer.feed(b"GET / HTTP/1.1\r\nHost: x\r\nauthorization: secret\r\n\r\n")[0]

    assert isinstance(head, _RequestHead)
    rendered = head.render(frozenset({"authorization"}))
    assert rendered == b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"


def test_response_framer_finds_chunked_end() -> None:
    stream = (
        b"HTTP/1.1 100 Continue\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"5;name=value\r\nhello\r\n3\r\na\r\n\r\n0\r\nTrailer: yes\r\n\r\n"
    )
    framer = _ResponseFramer("GET")

    ended = [framer.feed(stream[index:index + 1]) for index in range(len(stream))]

    assert ended[-1] is True
    assert True not in ended[:-1]


@pytest.mark.parametrize(
    ("method", "response", "ended"),
    [
        ("GET", b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc", True),
        ("GET", b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nab", False),
        ("HEAD", b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n", True),
        ("GET", b"HTTP/1.1 204 No Content\r\n\r\n", True),
        ("GET", b"HTTP/1.1 200 OK\r\n\r\nuntil the server closes", False),
    ],
)
def test_response_framer_cases(method: str, response: bytes, ended: bool) -> None:
    assert _ResponseFramer(method).feed(response) is ended
