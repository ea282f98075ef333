"""Fault-injecting TCP proxy that simulates a slow, unreliable link in tests.

FaultProxy listens on 127.0.0.1 and forwards each connection to a server on the
loopback interface. It can add latency, cap the bandwidth, drop connections, go
down, and inject HTTP/1.1 faults such as canned error responses and stripped
headers. Its asyncio event loop runs in a background thread, so synchronous
tests and a Qt app can use it. Every public method is thread-safe.
"""

from __future__ import annotations

import asyncio
import enum
import ipaddress
import logging
import random
import threading
from collections import deque
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, TypeVar

logger = logging.getLogger(__name__)

REQUEST = "request"
RESPONSE = "response"

_READ_SIZE = 65536
# Maximum number of chunks in flight per direction of one connection. A full
# queue stops the reader, so a slow receiver slows the sender as TCP would.
_QUEUE_CHUNKS = 64
# Longer request heads are not parsed and the connection passes through as is.
_MAX_HEAD_BYTES = 65536
# Maximum seconds that a control method waits for the event loop thread.
_LOOP_TIMEOUT = 10.0

_T = TypeVar("_T")


@dataclass(frozen=True)
class SeenRequest:
    """An HTTP request that the proxy parsed, and what it did with it.

    ``action`` is "forwarded", "canned" (a canned response was sent and the
    server never saw the request) or "replaced" (the server handled the request
    but the client got a canned response).
    """

    method: str
    path: str
    action: str


@dataclass(frozen=True)
class ProxyStats:
    """Snapshot of the proxy's counters since it started or since reset_stats().

    The byte counts are measured on the simulated link, between the clients and
    the proxy. ``bytes_upstream`` counts request bytes that entered the link and
    ``bytes_downstream`` counts response bytes delivered to clients. Bytes past
    a drop point and server responses discarded by replace_response() are not
    counted. ``connections_refused`` counts connections closed because the
    proxy was down.
    """

    bytes_upstream: int
    bytes_downstream: int
    connections_opened: int
    connections_refused: int
    requests: tuple[SeenRequest, ...]


class FaultProxy:
    """TCP proxy on 127.0.0.1 that injects network and HTTP faults.

    Example::

        with FaultProxy(server_port) as proxy:
            proxy.set_latency(0.3)
            proxy.set_bandwidth(upstream_bps=256_000, downstream_bps=256_000)
            proxy.respond_with(503, headers={"Retry-After": "5"}, requests=2)
            response = requests.get(proxy.url + "/wp-json/", timeout=10)
            print(proxy.stats().bytes_downstream)

    Fault rules apply in the order they were added. Changes take effect for
    data that the proxy reads after the call.
    """

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        """Start the proxy and its thread, forwarding to target_host:target_port.

        Raises ValueError unless target_host is a loopback address or
        "localhost", because tests must not send traffic anywhere else.
        """
        _require_loopback(target_host)
        self._target_host = target_host
        self._target_port = target_port

        self._lock = threading.Lock()
        self._latency = 0.0
        self._bandwidth: dict[str, float | None] = {REQUEST: None, RESPONSE: None}
        self._drop_rules: deque[_DropRule] = deque()
        self._response_rules: deque[_ResponseRule] = deque()
        self._stripped_headers: frozenset[str] = frozenset()
        self._drop_probability = 0.0
        self._drop_max_bytes = 1
        self._random = random.Random(0)
        self._is_down = False
        self._closed = False
        self._reset_counters()

        # Only the event loop thread touches these.
        self._links = {REQUEST: _Link(), RESPONSE: _Link()}
        self._connections: set[_Connection] = set()
        self._accept_tasks: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None

        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._run_loop, name="FaultProxy", daemon=True
        )
        self._thread.start()
        try:
            self.port = self._run_in_loop(self._start_server)
        except BaseException:
            self._stop_loop()
            raise
        self.host = "127.0.0.1"
        self.url = f"http://{self.host}:{self.port}"
        logger.info(
            "Fault proxy listening on %s:%d, forwarding to %s:%d",
            self.host, self.port, target_host, target_port,
        )

    # Link settings

    def set_latency(self, seconds: float) -> None:
        """Set the one-way delay in seconds added to every chunk in each direction.

        Each chunk is delayed on its own clock, as on a real line, so the delay
        does not add up across the chunks of a transfer. A new connection's
        first request bytes also wait one round trip (2 x seconds) for the TCP
        handshake that the proxy does not otherwise simulate.
        """
        if seconds < 0:
            raise ValueError(f"latency must be 0 or more seconds, got {seconds}")
        with self._lock:
            self._latency = float(seconds)

    def set_bandwidth(
        self,
        upstream_bps: float | None = None,
        downstream_bps: float | None = None,
    ) -> None:
        """Cap each direction at a number of bits per second, or None for no cap.

        Upstream is client to server and downstream is server to client. Each
        call sets both directions, so a direction left out loses its cap. All
        connections in one direction share its cap, as on one physical line.
        """
        for name, value in (("upstream_bps", upstream_bps),
                            ("downstream_bps", downstream_bps)):
            if value is not None and value <= 0:
                raise ValueError(f"{name} must be positive or None, got {value}")
        with self._lock:
            self._bandwidth = {REQUEST: upstream_bps, RESPONSE: downstream_bps}

    # Dropped connections

    def drop_after_request_bytes(self, nbytes: int, connections: int = 1) -> None:
        """Cut the next connections after they pass nbytes more request bytes.

        The rule applies to the next `connections` connections that send
        request bytes, including idle keep-alive connections opened earlier.
        The server receives exactly nbytes, then both sides are closed, so the
        client sees a connection error. With nbytes=0 nothing reaches the server.
        """
        self._add_drop_rule(REQUEST, nbytes, connections)

    def drop_after_response_bytes(self, nbytes: int, connections: int = 1) -> None:
        """Cut the next connections after they deliver nbytes more response bytes.

        The rule applies to the next `connections` connections that carry
        response bytes. The client receives exactly nbytes, then both sides are
        closed. With nbytes=0 the server has handled the request but the client
        receives nothing.
        """
        self._add_drop_rule(RESPONSE, nbytes, connections)

    def set_random_drops(
        self, probability: float, seed: int = 0, max_bytes: int = 1024
    ) -> None:
        """Drop each new connection with a probability, reproducibly.

        For each accepted connection, a random.Random seeded with `seed` draws
        whether to drop it. A dropped connection is cut in a random direction
        after a random number of bytes from 0 to max_bytes - 1, counted from
        the start of the connection. A connection that carries fewer bytes in
        that direction is not cut. The same seed and the same sequence of
        connections give the same drops. A probability of 0 turns this off.
        """
        if not 0 <= probability <= 1:
            raise ValueError(f"probability must be from 0 to 1, got {probability}")
        if max_bytes < 1:
            raise ValueError(f"max_bytes must be at least 1, got {max_bytes}")
        with self._lock:
            self._drop_probability = probability
            self._drop_max_bytes = max_bytes
            self._random = random.Random(seed)

    # HTTP faults

    def respond_with(
        self,
        status: int,
        body: bytes | str = b"",
        *,
        headers: Mapping[str, str] | None = None,
        requests: int = 1,
    ) -> None:
        """Respond to the next HTTP requests with a canned response.

        The server never sees these requests. The proxy reads each request's
        body, sends the response with ``Connection: close`` and closes the
        connection. Content-Length is set from the body, and a text body gets
        ``Content-Type: text/plain; charset=utf-8`` unless headers set one.
        Requests without a Content-Length framing, such as chunked uploads,
        are forwarded and leave the rule for a later request.
        """
        response = _build_response(status, body, headers)
        self._add_response_rule(response, forward=False, requests=requests)

    def replace_response(
        self,
        status: int = 504,
        body: bytes | str = b"",
        *,
        headers: Mapping[str, str] | None = None,
        requests: int = 1,
    ) -> None:
        """Forward the next HTTP requests but replace the server's responses.

        The server handles each request. The proxy discards its whole response,
        sends the canned one with ``Connection: close`` and closes the
        connection, so the client sees an error for work the server has done.
        """
        response = _build_response(status, body, headers)
        self._add_response_rule(response, forward=True, requests=requests)

    def strip_request_header(self, name: str) -> None:
        """Remove a header, such as Authorization, from every parsed request."""
        if not name or any(char in name for char in ":\r\n "):
            raise ValueError(f"invalid header name: {name!r}")
        with self._lock:
            self._stripped_headers = self._stripped_headers | {name.lower()}

    def clear_faults(self) -> None:
        """Remove drop rules, random drops, HTTP fault rules and header stripping.

        Latency, bandwidth caps and the down switch stay as they are. Cut points
        already assigned to open connections stay too.
        """
        with self._lock:
            self._drop_rules.clear()
            self._response_rules.clear()
            self._stripped_headers = frozenset()
            self._drop_probability = 0.0

    # Outage switch

    def down(self) -> None:
        """Cut every open connection and close new ones at once, until up().

        Returns after the open connections are closed.
        """
        with self._lock:
            if self._closed:
                raise RuntimeError("FaultProxy.down() called after close()")
            self._is_down = True
        self._run_in_loop(self._abort_connections)
        logger.info("Fault proxy on port %d is down", self.port)

    def up(self) -> None:
        """Accept and forward new connections again after down()."""
        with self._lock:
            self._is_down = False
        logger.info("Fault proxy on port %d is up", self.port)

    # Counters

    def stats(self) -> ProxyStats:
        """Return a snapshot of the counters."""
        with self._lock:
            return ProxyStats(
                bytes_upstream=self._bytes[REQUEST],
                bytes_downstream=self._bytes[RESPONSE],
                connections_opened=self._connections_opened,
                connections_refused=self._connections_refused,
                requests=tuple(self._requests),
            )

    def reset_stats(self) -> None:
        """Set every counter back to zero and clear the request list."""
        with self._lock:
            self._reset_counters()

    # Lifetime

    def close(self) -> None:
        """Stop listening, close every connection and stop the thread.

        Calling close() again does nothing.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
        try:
            self._run_in_loop(self._shutdown)
        finally:
            self._stop_loop()
        logger.info("Fault proxy on port %d stopped", self.port)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Helpers called from the event loop thread

    def _reset_counters(self) -> None:
        self._bytes = {REQUEST: 0, RESPONSE: 0}
        self._connections_opened = 0
        self._connections_refused = 0
        self._requests: list[SeenRequest] = []

    def _add_drop_rule(self, direction: str, nbytes: int, connections: int) -> None:
        if nbytes < 0:
            raise ValueError(f"nbytes must be 0 or more, got {nbytes}")
        if connections < 1:
            raise ValueError(f"connections must be at least 1, got {connections}")
        with self._lock:
            self._drop_rules.append(_DropRule(direction, nbytes, connections))

    def _add_response_rule(self, response: bytes, forward: bool, requests: int) -> None:
        if requests < 1:
            raise ValueError(f"requests must be at least 1, got {requests}")
        with self._lock:
            self._response_rules.append(_ResponseRule(response, forward, requests))

    def _current_latency(self) -> float:
        with self._lock:
            return self._latency

    def _current_bandwidth(self, direction: str) -> float | None:
        with self._lock:
            return self._bandwidth[direction]

    def _current_stripped_headers(self) -> frozenset[str]:
        with self._lock:
            return self._stripped_headers

    def _count_bytes(self, direction: str, nbytes: int) -> None:
        with self._lock:
            self._bytes[direction] += nbytes

    def _claim_drop_rule(self, direction: str) -> int | None:
        """Take one use of the first drop rule if it is for this direction.

        Returns the rule's byte count, or None when the first rule is for the
        other direction or there is none.
        """
        with self._lock:
            if not self._drop_rules or self._drop_rules[0].direction != direction:
                return None
            rule = self._drop_rules[0]
            rule.connections_left -= 1
            if rule.connections_left == 0:
                self._drop_rules.popleft()
            return rule.after_bytes

    def _draw_random_cut(self) -> tuple[str, int] | None:
        """Return the direction and byte offset at which to cut a new connection."""
        with self._lock:
            if self._drop_probability <= 0:
                return None
            if self._random.random() >= self._drop_probability:
                return None
            direction = self._random.choice((REQUEST, RESPONSE))
            return direction, self._random.randrange(self._drop_max_bytes)

    def _begin_request(self, head: _RequestHead) -> _ResponseRule | None:
        """Record a parsed request and take the response rule that applies to it."""
        with self._lock:
            rule = self._response_rules[0] if self._response_rules else None
            # A canned response is sent after the request's body, so it needs a
            # request whose end the proxy can find.
            if rule is not None and not rule.forward and head.body_length is None:
                rule = None
            if rule is not None:
                rule.requests_left -= 1
                if rule.requests_left == 0:
                    self._response_rules.popleft()
            if rule is None:
                action = "forwarded"
            else:
                action = "replaced" if rule.forward else "canned"
            self._requests.append(SeenRequest(head.method, head.target, action))
            return rule

    def _rejects_connections(self) -> bool:
        with self._lock:
            return self._is_down or self._closed

    # Event loop plumbing

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()

    def _stop_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(_LOOP_TIMEOUT)
        if self._thread.is_alive():
            logger.error("Fault proxy thread did not stop within %s s", _LOOP_TIMEOUT)

    def _run_in_loop(self, function: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
        """Run the coroutine function in the loop thread and wait for its result."""
        if threading.current_thread() is self._thread:
            raise RuntimeError(
                "FaultProxy controls that wait for the proxy's event loop cannot be "
                "called from that loop's own thread"
            )
        future = asyncio.run_coroutine_threadsafe(function(), self._loop)
        return future.result(_LOOP_TIMEOUT)

    async def _start_server(self) -> int:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        return self._server.sockets[0].getsockname()[1]

    async def _accept(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._accept_tasks.add(task)
        try:
            await self._serve(reader, writer)
        finally:
            self._accept_tasks.discard(task)
            if not writer.transport.is_closing():
                _abort(writer)

    async def _serve(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        if self._rejects_connections():
            with self._lock:
                self._connections_refused += 1
            _abort(writer)
            return
        with self._lock:
            self._connections_opened += 1
            number = self._connections_opened
        random_cut = self._draw_random_cut()

        try:
            server = await asyncio.open_connection(self._target_host, self._target_port)
        except OSError as error:
            logger.warning(
                "Connection %d: connecting to %s:%d failed: %s",
                number, self._target_host, self._target_port, error,
            )
            _abort(writer)
            return
        if self._rejects_connections():
            _abort(writer)
            _abort(server[1])
            return

        connection = _Connection(self, number, (reader, writer), server, random_cut)
        self._connections.add(connection)
        try:
            await connection.run()
        finally:
            self._connections.discard(connection)

    async def _abort_connections(self) -> None:
        """Abort every open connection and wait until their sockets are closed."""
        for connection in list(self._connections):
            connection.abort()
        # Connections still connecting to the target check the down switch
        # afterwards and close themselves, so every task here ends soon.
        if self._accept_tasks:
            await asyncio.wait(list(self._accept_tasks))

    async def _shutdown(self) -> None:
        assert self._server is not None
        self._server.close()
        # _closed is set, so connections still connecting close themselves.
        await self._abort_connections()
        await self._server.wait_closed()


@dataclass
class _DropRule:
    direction: str
    after_bytes: int
    connections_left: int


@dataclass
class _ResponseRule:
    response: bytes
    # If True, the request goes to the server and only its response is replaced.
    forward: bool
    requests_left: int


class _Marker(enum.Enum):
    """Queue items that follow the data of one direction."""

    EOF = "eof"  # the sender half-closed: pass the half-close on
    CLOSE = "close"  # deliver what came before, then close the whole connection


class _Link:
    """One direction of the simulated line, shared by all connections."""

    def __init__(self) -> None:
        self.free_at = 0.0

    def reserve(
        self, nbytes: int, bits_per_second: float | None, earliest: float
    ) -> float:
        """Book the line for nbytes and return the time their last bit is sent."""
        if bits_per_second is None:
            return earliest
        start = max(earliest, self.free_at)
        self.free_at = start + nbytes * 8 / bits_per_second
        return self.free_at


class _Pipe:
    """One direction of one connection: chunks wait for the line, then for latency.

    send() books the shared line and waits until the chunk is serialised, which
    slows the reader to the line rate. receive() waits until each chunk's own
    due time, so chunks in flight overlap instead of queuing behind each other.
    """

    def __init__(self, proxy: FaultProxy, direction: str, not_before: float) -> None:
        self._proxy = proxy
        self._direction = direction
        self._link = proxy._links[direction]
        self._not_before = not_before
        self._queue: asyncio.Queue[tuple[float, bytes | _Marker]] = asyncio.Queue(
            _QUEUE_CHUNKS
        )

    async def send(self, data: bytes) -> None:
        loop = asyncio.get_running_loop()
        bits_per_second = self._proxy._current_bandwidth(self._direction)
        for piece in _split_for_line(data, bits_per_second):
            now = loop.time()
            sent_at = self._link.reserve(
                len(piece), bits_per_second, max(now, self._not_before)
            )
            if sent_at > now:
                await asyncio.sleep(sent_at - now)
            await self._queue.put((sent_at + self._proxy._current_latency(), piece))

    async def send_marker(self, marker: _Marker) -> None:
        now = asyncio.get_running_loop().time()
        due = max(now, self._not_before) + self._proxy._current_latency()
        await self._queue.put((due, marker))

    async def receive(self) -> bytes | _Marker:
        due, item = await self._queue.get()
        delay = due - asyncio.get_running_loop().time()
        if delay > 0:
            await asyncio.sleep(delay)
        return item


def _split_for_line(data: bytes, bits_per_second: float | None) -> list[bytes]:
    """Split data into pieces of about 10 ms of line time, so connections interleave."""
    if bits_per_second is None:
        return [data]
    size = min(max(int(bits_per_second / 8 / 100), 1024), _READ_SIZE)
    return [data[start:start + size] for start in range(0, len(data), size)]


@dataclass
class _Replacement:
    """A canned response that replaces the server's response once it has ended."""

    response: bytes
    framer: _ResponseFramer


class _Connection:
    """One client connection, its server connection and the four tasks between them.

    Upstream, one task reads the client and another writes to the server after
    the link delay. That writer also parses requests to apply the HTTP rules.
    Downstream, one task reads the server and another writes to the client.
    """

    def __init__(
        self,
        proxy: FaultProxy,
        number: int,
        client: tuple[asyncio.StreamReader, asyncio.StreamWriter],
        server: tuple[asyncio.StreamReader, asyncio.StreamWriter],
        random_cut: tuple[str, int] | None,
    ) -> None:
        self._proxy = proxy
        self.number = number
        self._client_reader, self._client_writer = client
        self._server_reader, self._server_writer = server

        now = asyncio.get_running_loop().time()
        handshake_done = now + 2 * proxy._current_latency()
        self._upstream = _Pipe(proxy, REQUEST, handshake_done)
        self._downstream = _Pipe(proxy, RESPONSE, 0.0)

        self._passed = {REQUEST: 0, RESPONSE: 0}
        self._cut_at: dict[str, int | None] = {REQUEST: None, RESPONSE: None}
        if random_cut is not None:
            direction, offset = random_cut
            self._cut_at[direction] = offset
            logger.debug("Connection %d: random drop after %d %s bytes",
                         number, offset, direction)
        self._has_drop_rule = False

        self._framer = _RequestFramer()
        self._canned_response: bytes | None = None
        self._replacement: _Replacement | None = None
        # True once a canned or replacement response has taken over the connection.
        self._finished = False
        self._half_closed = 0
        self._done = asyncio.Event()
        self._tasks: dict[str, asyncio.Task[None]] = {}

    async def run(self) -> None:
        steps = {
            "read_client": self._read_client,
            "write_server": self._write_server,
            "read_server": self._read_server,
            "write_client": self._write_client,
        }
        for name, step in steps.items():
            self._tasks[name] = asyncio.create_task(self._guard(name, step))
        try:
            await self._done.wait()
        finally:
            for task in self._tasks.values():
                task.cancel()
            await asyncio.gather(*self._tasks.values(), return_exceptions=True)
            for writer in (self._client_writer, self._server_writer):
                if not writer.transport.is_closing():
                    _abort(writer)

    def abort(self) -> None:
        """Close both sockets at once, dropping data in flight."""
        _abort(self._client_writer)
        _abort(self._server_writer)
        self._done.set()

    def _close(self) -> None:
        """Close both sockets after their buffered data is sent."""
        self._client_writer.close()
        self._server_writer.close()
        self._done.set()

    async def _guard(
        self, name: str, step: Callable[[], Coroutine[Any, Any, None]]
    ) -> None:
        try:
            await step()
        except OSError as error:
            logger.debug("Connection %d: %s failed: %r", self.number, name, error)
            self.abort()
        except Exception:
            logger.exception("Connection %d: internal error in %s", self.number, name)
            self.abort()

    def _finish_direction(self) -> None:
        self._half_closed += 1
        if self._half_closed == 2:
            self._close()

    def _truncate(self, direction: str, data: bytes) -> tuple[bytes, bool]:
        """Split data at this direction's cut point.

        Returns the bytes before the cut point and whether the cut point is reached.
        """
        if not self._has_drop_rule:
            after_bytes = self._proxy._claim_drop_rule(direction)
            if after_bytes is not None:
                self._has_drop_rule = True
                limit = self._passed[direction] + after_bytes
                current = self._cut_at[direction]
                if current is not None:
                    limit = min(current, limit)
                self._cut_at[direction] = limit

        limit = self._cut_at[direction]
        passed = self._passed[direction]
        if limit is None or passed + len(data) < limit:
            self._passed[direction] += len(data)
            return data, False
        kept = data[: limit - passed]
        self._passed[direction] += len(kept)
        logger.debug("Connection %d: dropped after %d %s bytes",
                     self.number, limit, direction)
        return kept, True

    # Upstream: client to server

    async def _read_client(self) -> None:
        while True:
            data = await self._client_reader.read(_READ_SIZE)
            if not data:
                await self._upstream.send_marker(_Marker.EOF)
                return
            data, cut = self._truncate(REQUEST, data)
            if data:
                self._proxy._count_bytes(REQUEST, len(data))
                await self._upstream.send(data)
            if cut:
                await self._upstream.send_marker(_Marker.CLOSE)
                return

    async def _write_server(self) -> None:
        while not self._finished:
            item = await self._upstream.receive()
            if item is _Marker.EOF:
                self._server_writer.write_eof()
                self._finish_direction()
                return
            if item is _Marker.CLOSE:
                await self._server_writer.drain()
                self._close()
                return
            assert isinstance(item, bytes)
            await self._forward_request_bytes(item)

    async def _forward_request_bytes(self, data: bytes) -> None:
        for event in self._framer.feed(data):
            if isinstance(event, _RequestHead):
                await self._start_request(event)
                if self._finished:
                    return
            elif isinstance(event, _RequestEnd):
                if self._canned_response is not None:
                    await self._send_canned_response(self._canned_response)
                    return
            elif self._canned_response is None:
                await self._write_to_server(event.data)

    async def _start_request(self, head: _RequestHead) -> None:
        rule = self._proxy._begin_request(head)
        if rule is not None and not rule.forward:
            self._canned_response = rule.response
            # This client sends no body until it gets a response.
            if head.expects_continue:
                await self._send_canned_response(rule.response)
            return
        if rule is not None:
            # Set before the request goes out, so that every server byte from
            # now on is taken as this request's response.
            framer = _ResponseFramer(head.method)
            self._replacement = _Replacement(rule.response, framer)
        stripped = self._proxy._current_stripped_headers()
        await self._write_to_server(head.render(stripped))

    async def _write_to_server(self, data: bytes) -> None:
        self._server_writer.write(data)
        await self._server_writer.drain()

    async def _send_canned_response(self, response: bytes) -> None:
        """Send a canned response instead of the server's, then close."""
        logger.debug("Connection %d: sending a canned response", self.number)
        self._finished = True
        # The server has not seen this request, so nothing more may come from it.
        self._tasks["read_server"].cancel()
        self._server_writer.close()
        await self._downstream.send(response)
        await self._downstream.send_marker(_Marker.CLOSE)

    # Downstream: server to client

    async def _read_server(self) -> None:
        while True:
            data = await self._server_reader.read(_READ_SIZE)
            if self._replacement is not None:
                if not data or self._replacement.framer.feed(data):
                    await self._send_replacement(self._replacement.response)
                    return
                continue
            if not data:
                await self._downstream.send_marker(_Marker.EOF)
                return
            data, cut = self._truncate(RESPONSE, data)
            if data:
                await self._downstream.send(data)
            if cut:
                await self._downstream.send_marker(_Marker.CLOSE)
                return

    async def _send_replacement(self, response: bytes) -> None:
        logger.debug("Connection %d: replacing the server's response", self.number)
        self._finished = True
        self._server_writer.close()
        await self._downstream.send(response)
        await self._downstream.send_marker(_Marker.CLOSE)

    async def _write_client(self) -> None:
        while True:
            item = await self._downstream.receive()
            if item is _Marker.EOF:
                self._client_writer.write_eof()
                self._finish_direction()
                return
            if item is _Marker.CLOSE:
                await self._client_writer.drain()
                self._close()
                return
            assert isinstance(item, bytes)
            # Counted before the write: the client may read the bytes and check
            # the counters before drain() returns.
            self._proxy._count_bytes(RESPONSE, len(item))
            self._client_writer.write(item)
            await self._client_writer.drain()


def _abort(writer: asyncio.StreamWriter) -> None:
    writer.transport.abort()


# HTTP/1.1 framing


@dataclass
class _RequestHead:
    """Request line and header lines of one request, without line endings."""

    method: str
    target: str
    lines: list[bytes]
    # None when the body is not framed by a single Content-Length.
    body_length: int | None
    # True when the client waits for "100 Continue" before sending the body.
    expects_continue: bool

    def render(self, stripped_headers: frozenset[str]) -> bytes:
        """Return the head as sent on the wire, without the named headers."""
        kept = [self.lines[0]]
        for line in self.lines[1:]:
            name = line.partition(b":")[0].decode("latin-1").lower()
            if name not in stripped_headers:
                kept.append(line)
        return b"\r\n".join(kept) + b"\r\n\r\n"


@dataclass
class _RequestBody:
    data: bytes


@dataclass
class _RequestEnd:
    pass


@dataclass
class _Unparsed:
    """Bytes passed through as they are, because the framing is unknown."""

    data: bytes


class _RequestFramer:
    """Split a client's byte stream into HTTP/1.1 request heads and bodies.

    Only bodies framed by Content-Length are followed. After a request with
    another framing, such as Transfer-Encoding: chunked, or bytes that do not
    parse as a request head, the rest of the stream is passed through unparsed.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._body_left: int | None = None  # None while reading a head
        self._unparsed = False

    def feed(
        self, data: bytes
    ) -> list[_RequestHead | _RequestBody | _RequestEnd | _Unparsed]:
        if self._unparsed:
            return [_Unparsed(data)] if data else []
        self._buffer += data
        events: list[_RequestHead | _RequestBody | _RequestEnd | _Unparsed] = []
        while True:
            if self._body_left is not None:
                if not self._take_body(events):
                    break
                continue
            head = self._take_head(events)
            if head is None:
                break
        return events

    def _take_body(self, events: list[Any]) -> bool:
        """Move body bytes to events and return True once the body has ended."""
        assert self._body_left is not None
        size = min(len(self._buffer), self._body_left)
        if size:
            events.append(_RequestBody(bytes(self._buffer[:size])))
            del self._buffer[:size]
            self._body_left -= size
        if self._body_left:
            return False
        events.append(_RequestEnd())
        self._body_left = None
        return True

    def _take_head(self, events: list[Any]) -> _RequestHead | None:
        """Move one complete head to events and return it, or return None."""
        # A server may ignore empty lines before a request line, so the proxy
        # drops them and they do not reach the server.
        while self._buffer.startswith(b"\r\n"):
            del self._buffer[:2]
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            # A head ended by bare LFs would never match, so pass it through
            # instead of holding it back.
            if len(self._buffer) > _MAX_HEAD_BYTES or b"\n\n" in self._buffer:
                self._pass_rest_unparsed(events)
            return None
        head = _parse_request_head(bytes(self._buffer[:end]))
        if head is None:
            self._pass_rest_unparsed(events)
            return None
        del self._buffer[: end + 4]
        events.append(head)
        if head.body_length is None:
            self._pass_rest_unparsed(events)
            return None
        self._body_left = head.body_length
        return head

    def _pass_rest_unparsed(self, events: list[Any]) -> None:
        if self._buffer:
            events.append(_Unparsed(bytes(self._buffer)))
        self._buffer.clear()
        self._unparsed = True


def _parse_request_head(head: bytes) -> _RequestHead | None:
    """Parse a request head without its final blank line, or return None."""
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ")
    if len(parts) != 3 or not parts[2].startswith(b"HTTP/1."):
        return None

    lengths: set[bytes] = set()
    chunked = False
    expects_continue = False
    for line in lines[1:]:
        name, colon, value = line.partition(b":")
        # Lines without a name, or folded continuation lines, are not parsed.
        if not colon or not name or name.strip() != name:
            return None
        name = name.lower()
        if name == b"transfer-encoding":
            chunked = True
        elif name == b"content-length":
            lengths.add(value.strip())
        elif name == b"expect":
            expects_continue = value.strip().lower() == b"100-continue"

    body_length: int | None = 0
    if chunked or len(lengths) > 1:
        body_length = None
    elif lengths:
        text = lengths.pop()
        body_length = int(text) if text.isdigit() else None
    return _RequestHead(
        method=parts[0].decode("latin-1"),
        target=parts[1].decode("latin-1"),
        lines=lines,
        body_length=body_length,
        expects_continue=expects_continue,
    )


class _ResponseFramer:
    """Find where one HTTP/1.1 response ends in a server's byte stream.

    It skips interim 1xx responses and follows Content-Length and chunked
    bodies. A response with neither ends when the server closes the
    connection, which the caller sees as end of stream.
    """

    def __init__(self, request_method: str) -> None:
        self._no_body = request_method.upper() == "HEAD"
        self._buffer = bytearray()
        self._state = "head"
        self._left = 0

    def feed(self, data: bytes) -> bool:
        """Consume data and return True once the final response has ended."""
        self._buffer += data
        while self._state != "done" and self._step():
            pass
        return self._state == "done"

    def _step(self) -> bool:
        """Advance by one head, line or body part and return whether it moved."""
        if self._state == "head":
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return False
            head = bytes(self._buffer[:end])
            del self._buffer[: end + 4]
            self._state = self._state_after_head(head)
            return True
        if self._state in ("length", "chunk_data"):
            size = min(self._left, len(self._buffer))
            del self._buffer[:size]
            self._left -= size
            if self._left:
                return False
            self._state = "done" if self._state == "length" else "chunk_size"
            return True
        if self._state in ("chunk_size", "trailer"):
            end = self._buffer.find(b"\r\n")
            if end < 0:
                return False
            line = bytes(self._buffer[:end])
            del self._buffer[: end + 2]
            self._state = self._state_after_line(line)
            return True
        # "until_eof": the response ends when the server closes.
        self._buffer.clear()
        return False

    def _state_after_head(self, head: bytes) -> str:
        status_line, _, header_block = head.partition(b"\r\n")
        try:
            status = int(status_line.split(b" ")[1])
        except (IndexError, ValueError):
            return "until_eof"
        if 100 <= status < 200 and status != 101:
            return "head"  # an interim response: the final one follows
        if self._no_body or status in (204, 304):
            return "done"

        headers = {}
        for line in header_block.split(b"\r\n"):
            name, _, value = line.partition(b":")
            headers[name.strip().lower()] = value.strip()
        if b"transfer-encoding" in headers:
            is_chunked = headers[b"transfer-encoding"].lower().endswith(b"chunked")
            return "chunk_size" if is_chunked else "until_eof"
        length = headers.get(b"content-length", b"")
        if not length.isdigit():
            return "until_eof"
        self._left = int(length)
        return "length" if self._left else "done"

    def _state_after_line(self, line: bytes) -> str:
        if self._state == "trailer":
            return "done" if not line else "trailer"
        try:
            size = int(line.split(b";")[0].strip(), 16)
        except ValueError:
            return "until_eof"
        if size == 0:
            return "trailer"
        self._left = size + 2  # the chunk data and its CRLF
        return "chunk_data"


def _build_response(
    status: int, body: bytes | str, headers: Mapping[str, str] | None
) -> bytes:
    """Build a complete HTTP/1.1 response that ends with closing the connection."""
    if not 200 <= status <= 599:
        raise ValueError(f"status must be from 200 to 599, got {status}")
    payload = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    fields = dict(headers or {})
    for name, value in fields.items():
        if name.lower() in ("content-length", "connection", "transfer-encoding"):
            raise ValueError(
                f"header {name!r} is set by the proxy and cannot be given"
            )
        if any(char in name + value for char in "\r\n") or not name:
            raise ValueError(f"invalid header {name!r}: {value!r}")
    has_type = any(name.lower() == "content-type" for name in fields)
    if payload and not has_type:
        fields["Content-Type"] = "text/plain; charset=utf-8"

    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{name}: {value}" for name, value in fields.items()]
    lines += [f"Content-Length: {len(payload)}", "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload


def _require_loopback(host: str) -> None:
    if host == "localhost":
        return
    try:
        is_loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        is_loopback = False
    if not is_loopback:
        raise ValueError(
            f"target host must be a loopback address such as 127.0.0.1, got {host!r}"
        )
