"""A small HTTP proxy for tests: forwards absolute-form requests and tunnels CONNECT.

It counts what passed through it and can require `Proxy-Authorization` (answering 407
otherwise). Every upstream connection goes to loopback: `CONNECT api.emnify.test:443` is
tunnelled to `127.0.0.1:<upstream_port>` when `upstream_port` is set, so a test can use a
host name that does not resolve, as a real proxy would resolve it.
"""

from __future__ import annotations

import asyncio
import contextlib
from types import TracebackType

from yarl import URL

_HEAD_LIMIT = 64 * 1024


class ProxyServer:
    """A forward (absolute-URI) and CONNECT proxy on 127.0.0.1; use as an async context."""

    def __init__(self, *, authorization: str | None = None, upstream_port: int | None = None):
        self.authorization = authorization
        """The `Proxy-Authorization` value required, or None to require nothing."""
        self.upstream_port = upstream_port
        self.forwarded: list[str] = []
        """`METHOD absolute-url` of every plain request forwarded."""
        self.tunnels: list[str] = []
        """`host:port` of every CONNECT tunnel opened."""
        self.refused: list[str] = []
        """Request lines answered 407."""
        self.seen_authorization: list[str | None] = []
        """The `Proxy-Authorization` of every request, as received."""
        self.seen_headers: list[dict[str, str]] = []
        """The headers of every request the proxy itself read (not those inside a tunnel)."""
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.url = ""

    @property
    def passed(self) -> int:
        """Requests forwarded plus tunnels opened."""
        return len(self.forwarded) + len(self.tunnels)

    async def __aenter__(self) -> ProxyServer:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            await self._handle(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # One request per client connection: every answer says `Connection: close`.
        head = await reader.readuntil(b"\r\n\r\n")
        if len(head) > _HEAD_LIMIT:
            return
        lines = head.decode("latin-1").split("\r\n")
        request_line = lines[0]
        method, target, _version = request_line.split(" ", 2)
        headers = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        self.seen_headers.append(headers)
        given = headers.get("proxy-authorization")
        self.seen_authorization.append(given)
        if self.authorization is not None and given != self.authorization:
            self.refused.append(request_line)
            body = b"proxy authentication required"
            writer.write(
                b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                b'Proxy-Authenticate: Basic realm="test"\r\n'
                b"Content-Type: text/plain\r\n"
                + f"Content-Length: {len(body)}\r\n".encode()
                + b"Connection: close\r\n\r\n"
                + body
            )
            await writer.drain()
            return
        if method == "CONNECT":
            await self._tunnel(target, reader, writer)
        else:
            await self._forward(method, target, headers, reader, writer)

    def _upstream(self, host: str, port: int) -> tuple[str, int]:
        if self.upstream_port is not None:
            return "127.0.0.1", self.upstream_port
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ConnectionError(f"the test proxy only reaches loopback, not {host}")
        return host, port

    async def _tunnel(
        self, target: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.tunnels.append(target)
        host, _, port = target.rpartition(":")
        up_reader, up_writer = await asyncio.open_connection(
            *self._upstream(host.strip("[]"), int(port))
        )
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        try:
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        finally:
            up_writer.close()

    async def _forward(
        self,
        method: str,
        target: str,
        headers: dict[str, str],
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> None:
        url = URL(target)
        assert url.is_absolute() and url.host is not None and url.port is not None
        self.forwarded.append(f"{method} {target}")
        length = int(headers.get("content-length", "0"))
        body = await reader.readexactly(length) if length else b""
        up_reader, up_writer = await asyncio.open_connection(*self._upstream(url.host, url.port))
        sent = {
            k: v
            for k, v in headers.items()
            if k not in ("proxy-authorization", "proxy-connection", "connection")
        }
        sent["connection"] = "close"
        lines = [f"{method} {url.raw_path_qs} HTTP/1.1"] + [f"{k}: {v}" for k, v in sent.items()]
        up_writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await up_writer.drain()
        try:
            # The upstream closes after its answer (`Connection: close`), and so do we.
            await _pipe(up_reader, writer)
        finally:
            up_writer.close()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while chunk := await reader.read(65536):
            writer.write(chunk)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        if writer.can_write_eof():
            with contextlib.suppress(OSError):
                writer.write_eof()
