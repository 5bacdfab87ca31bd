"""``FaultProxy``: a seeded reverse proxy that breaks answers the way real networks do.

It listens on loopback (port 0) in front of an upstream base URL (the emulator, whose own fault
injection stays off) and, for a share of the requests drawn from ``random.Random(seed)``,
injects one fault. *Before* faults answer without forwarding: the server never saw the request.
*After* faults forward first, then replace, cut or delay the answer: the server acted, so the
client cannot tell from the answer whether the change was applied (the ambiguous case)::

    async with FaultProxy(emu.base_url, mix=FaultMix(), seed=1) as proxy:
        async with AsyncEmnify(token, base_url=proxy.base_url) as client:
            ...
    proxy.forwarded        # what reached the upstream, in order
    proxy.injected         # faults per kind
    proxy.repeated_posts() # POSTs forwarded twice with the same body

Given the seed, the faults depend only on the order in which requests arrive.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
import re
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, NamedTuple

import aiohttp
from aiohttp import web
from multidict import CIMultiDict
from yarl import URL

__all__ = [
    "AFTER",
    "AUTHENTICATE",
    "BEFORE",
    "GARBAGE_BODIES",
    "KINDS",
    "FaultMix",
    "FaultProxy",
    "Forwarded",
    "Injection",
]

AUTHENTICATE = ("POST", "/api/v1/authenticate")

BEFORE = (
    "error_before",  # 500/502/503/504 with a load balancer's HTML page
    "rate_limit",  # 429, with or without Retry-After
    "reset_before",  # connection dropped without an answer
    "garbage_before",  # 200 with an HTML page or a JSON value of the wrong shape
    "blank_before",  # 200 with an empty body
    "redirect",  # 302 or 307 with a Location elsewhere
)
AFTER = (
    "error_after",  # forwarded, the answer replaced by a 5xx
    "reset_after",  # forwarded, connection dropped without an answer
    "truncate",  # forwarded, half the body sent under the full Content-Length, then dropped
    "garbage_after",  # forwarded, the answer replaced by a garbage 200
    "blank_after",  # forwarded, the answer replaced by a blank 200
    "slow",  # forwarded, answered after FaultMix.slow_seconds
)
KINDS = BEFORE + AFTER

_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
_SKIP_REQUEST = _HOP_BY_HOP | {"host", "content-length"}
_SKIP_RESPONSE = _HOP_BY_HOP | {"content-length"}
# aiohttp's client would otherwise add these when the caller did not send them.
_NO_AUTO_HEADERS = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")

_GATEWAY_REASONS = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
}
GARBAGE_BODIES: tuple[tuple[bytes, str], ...] = (
    (b"<!DOCTYPE html><html><body><h1>Welcome!</h1></body></html>", "text/html"),
    (b'{"ok": true}', "application/json"),
)
_UNSET: Any = object()


def _gateway_page(status: int) -> bytes:
    title = f"{status} {_GATEWAY_REASONS.get(status, 'Error')}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n</body>\r\n</html>\r\n"
    ).encode()


@dataclass(frozen=True)
class FaultMix:
    """Shares of requests, in ``[0, 1]``, that get each kind of fault (at most one each).

    The defaults are the issue's mix: 10 % 5xx (half before, half after forwarding), 5 % 429,
    3 % resets, 2 % truncated bodies, 1 % garbage 200s, 1 % slow answers, plus 0.5 % each of
    blank 200s before and after forwarding and of redirects.
    """

    error_before: float = 0.05
    error_after: float = 0.05
    rate_limit: float = 0.05
    reset_before: float = 0.015
    reset_after: float = 0.015
    truncate: float = 0.02
    garbage_before: float = 0.005
    garbage_after: float = 0.005
    slow: float = 0.01
    blank_before: float = 0.005
    blank_after: float = 0.005
    redirect: float = 0.005
    slow_seconds: float = 0.05
    """How long a ``slow`` answer is held back after the upstream answered."""
    retry_after: tuple[str | None, ...] = ("0", "0.01", None)
    """``Retry-After`` values a 429 picks from; ``None`` sends no header."""
    redirect_locations: tuple[str, ...] = (
        "https://elsewhere.example.invalid{path}",
        "https://elsewhere.example.invalid/errors/503",
    )
    """``Location`` values a redirect picks from; ``{path}`` is the request's path."""
    exempt: frozenset[tuple[str, str]] = frozenset()
    """``(METHOD, path)`` pairs never faulted at random, e.g. ``{AUTHENTICATE}``."""

    def __post_init__(self) -> None:
        rates = self.rates()
        if any(not 0.0 <= rate <= 1.0 for rate in rates.values()):
            raise ValueError(f"fault rates must be within [0, 1]: {rates}")
        if sum(rates.values()) > 1.0 + 1e-9:
            raise ValueError(f"fault rates add up to more than 1: {sum(rates.values())}")

    def rates(self) -> dict[str, float]:
        """The rate of each kind, in the order the roll checks them."""
        return {kind: float(getattr(self, kind)) for kind in KINDS}

    @classmethod
    def none(cls, **options: Any) -> FaultMix:
        """No random faults (scripted ones via ``FaultProxy.force`` still fire)."""
        return cls(**_zero_rates(), **options)

    @classmethod
    def only(cls, kind: str, rate: float = 1.0, **options: Any) -> FaultMix:
        """Faults of a single kind at ``rate``."""
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {KINDS}")
        return cls(**{**_zero_rates(), kind: rate}, **options)

    def scaled(self, factor: float) -> FaultMix:
        """The same mix with every rate multiplied by ``factor``."""
        rates: dict[str, Any] = {kind: rate * factor for kind, rate in self.rates().items()}
        return dataclasses.replace(self, **rates)


def _zero_rates() -> dict[str, Any]:
    return dict.fromkeys(KINDS, 0.0)


class Forwarded(NamedTuple):
    """One request the proxy passed on to the upstream."""

    method: str
    path: str
    query: str
    body: bytes


class Injection(NamedTuple):
    """One injected fault: its kind, the request, and the status sent (0: no status line)."""

    kind: str
    method: str
    path: str
    query: str
    status: int


@dataclass(frozen=True)
class _Answer:
    status: int
    reason: str | None
    headers: CIMultiDict[str]
    body: bytes

    def response(self) -> web.Response:
        headers = CIMultiDict(self.headers)
        return web.Response(status=self.status, reason=self.reason, headers=headers, body=self.body)


@dataclass
class _Forced:
    kind: str
    method: str | None
    path: str | re.Pattern[str] | None
    query: Mapping[str, str]
    times: int
    variant: dict[str, Any]

    def matches(self, request: web.Request) -> bool:
        if self.method is not None and self.method.upper() != request.method:
            return False
        if isinstance(self.path, str) and self.path != request.path:
            return False
        if isinstance(self.path, re.Pattern) and not self.path.fullmatch(request.path):
            return False
        return all(request.query.get(key) == value for key, value in self.query.items())


Sleep = Callable[[float], Awaitable[Any]]


class FaultProxy:
    """A reverse proxy on loopback that injects seeded faults in front of ``upstream``.

    Attributes:
        forwarded: Every request passed on to the upstream, in order.
        injected: Faults injected so far, per kind.
        log: Every injected fault with its request, in order.
        received: Requests received so far.
    """

    def __init__(
        self,
        upstream: str,
        *,
        mix: FaultMix | None = None,
        seed: int = 0,
        host: str = "127.0.0.1",
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.upstream = upstream.rstrip("/")
        self.mix = mix if mix is not None else FaultMix()
        self.seed = seed
        self.forwarded: list[Forwarded] = []
        self.injected: Counter[str] = Counter()
        self.log: list[Injection] = []
        self.received = 0
        self._rng = random.Random(seed)
        self._forced: list[_Forced] = []
        self._host = host
        self._sleep = sleep
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._base_url: str | None = None

    # -- lifecycle --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` once started."""
        if self._base_url is None:
            raise RuntimeError("FaultProxy is not started")
        return self._base_url

    async def start(self) -> FaultProxy:
        """Start listening; returns ``self``."""
        if self._runner is not None:
            return self
        self._session = aiohttp.ClientSession(
            auto_decompress=False, timeout=aiohttp.ClientTimeout(total=120)
        )
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.5)
        await runner.setup()
        try:
            await web.TCPSite(runner, self._host, 0).start()
        except BaseException:
            await runner.cleanup()
            await self._session.close()
            raise
        host, port = runner.addresses[0][:2]
        self._runner = runner
        self._base_url = f"http://{host}:{port}"
        return self

    async def close(self) -> None:
        """Stop listening and close the upstream connections; idempotent."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()  # lets requests in flight finish: they still need the session
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def __aenter__(self) -> FaultProxy:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # -- scripting and reading --------------------------------------------------------------

    def force(
        self,
        kind: str,
        *,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        query: Mapping[str, str] | None = None,
        times: int = 1,
        status: int | None = None,
        body: bytes | None = None,
        retry_after: str | None = _UNSET,
        location: str | None = None,
    ) -> None:
        """Inject ``kind`` into the next ``times`` matching requests (FIFO, before any roll).

        ``path`` is exact or a compiled regex (full match); ``query`` must be a subset of the
        request's query. ``status``, ``body``, ``retry_after`` and ``location`` pin the
        variant that would otherwise be drawn at random. Forced faults ignore ``exempt``.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {KINDS}")
        variant: dict[str, Any] = {
            name: value
            for name, value in (("status", status), ("body", body), ("location", location))
            if value is not None
        }
        if retry_after is not _UNSET:
            variant["retry_after"] = retry_after
        self._forced.append(_Forced(kind, method, path, dict(query or {}), times, variant))

    def repeated_posts(self, exempt: Iterable[str] = (AUTHENTICATE[1],)) -> list[Forwarded]:
        """POSTs forwarded more than once with the same path and body (``exempt`` paths aside)."""
        skip = set(exempt)
        seen = Counter(
            (f.path, f.body) for f in self.forwarded if f.method == "POST" and f.path not in skip
        )
        return [
            f
            for f in self.forwarded
            if f.method == "POST" and f.path not in skip and seen[(f.path, f.body)] > 1
        ]

    # -- handling ---------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.received += 1
        fault = self._choose(request)
        if fault is None:
            return (await self._forward(request, body)).response()
        kind, answer = fault
        self.injected[kind] += 1
        if kind in BEFORE:
            self._note(kind, request, 0 if kind == "reset_before" else answer.status)
            return _reset(request) if kind == "reset_before" else answer.response()
        upstream = await self._forward(request, body)
        if kind == "reset_after" or (kind == "truncate" and not upstream.body):
            # Nothing to cut in an empty body: dropping the connection is the nearest thing.
            self._note(kind, request, 0)
            return _reset(request)
        if kind == "truncate":
            self._note(kind, request, upstream.status)
            return await _truncate(request, upstream)
        if kind == "slow":
            self._note(kind, request, upstream.status)
            await self._sleep(self.mix.slow_seconds)
            return upstream.response()
        self._note(kind, request, answer.status)
        return answer.response()

    def _note(self, kind: str, request: web.Request, status: int) -> None:
        self.log.append(Injection(kind, request.method, request.path, request.query_string, status))

    def _choose(self, request: web.Request) -> tuple[str, _Answer] | None:
        for forced in self._forced:
            if forced.matches(request):
                forced.times -= 1
                if forced.times <= 0:
                    self._forced.remove(forced)
                return forced.kind, self._answer(forced.kind, request, forced.variant)
        if (request.method, request.path) in self.mix.exempt:
            return None
        roll = self._rng.random()
        threshold = 0.0
        for kind, rate in self.mix.rates().items():
            threshold += rate
            if roll < threshold:
                return kind, self._answer(kind, request, {})
        return None

    def _answer(self, kind: str, request: web.Request, variant: Mapping[str, Any]) -> _Answer:
        """The answer a response-replacing fault sends (drawn from the seeded generator)."""
        rng = self._rng
        if kind in ("error_before", "error_after"):
            status = variant.get("status") or rng.choice(sorted(_GATEWAY_REASONS))
            headers = CIMultiDict({"Content-Type": "text/html"})
            return _Answer(status, _GATEWAY_REASONS.get(status), headers, _gateway_page(status))
        if kind == "rate_limit":
            if "retry_after" in variant:
                retry_after = variant["retry_after"]
            else:
                retry_after = rng.choice(self.mix.retry_after)
            headers = CIMultiDict({"Content-Type": "application/json"})
            if retry_after is not None:
                headers["Retry-After"] = retry_after
            return _Answer(429, None, headers, b'{"message":"Too Many Requests"}')
        if kind in ("garbage_before", "garbage_after"):
            if "body" in variant:
                body, content_type = variant["body"], "application/octet-stream"
                for known, known_type in GARBAGE_BODIES:
                    if known == body:
                        content_type = known_type
            else:
                body, content_type = rng.choice(GARBAGE_BODIES)
            return _Answer(200, None, CIMultiDict({"Content-Type": content_type}), body)
        if kind in ("blank_before", "blank_after"):
            return _Answer(200, None, CIMultiDict(), b"")
        if kind == "redirect":
            status = variant.get("status") or rng.choice((302, 307))
            location = variant.get("location") or rng.choice(self.mix.redirect_locations)
            headers = CIMultiDict({"Location": location.format(path=request.path)})
            if status == 302:
                headers["Content-Type"] = "text/html"
                body = b"<html><body>Moved <a href='elsewhere'>here</a></body></html>"
            else:
                body = b""
            return _Answer(status, None, headers, body)
        return _Answer(0, None, CIMultiDict(), b"")  # resets, truncation, slow: no own answer

    async def _forward(self, request: web.Request, body: bytes) -> _Answer:
        assert self._session is not None
        self.forwarded.append(Forwarded(request.method, request.path, request.query_string, body))
        headers = CIMultiDict(
            (name, value)
            for name, value in request.headers.items()
            if name.lower() not in _SKIP_REQUEST
        )
        url = URL(self.upstream + request.raw_path, encoded=True)
        async with self._session.request(
            request.method,
            url,
            headers=headers,
            data=body if body else None,
            allow_redirects=False,
            skip_auto_headers=_NO_AUTO_HEADERS,
        ) as resp:
            data = await resp.read()
            kept = CIMultiDict(
                (name, value)
                for name, value in resp.headers.items()
                if name.lower() not in _SKIP_RESPONSE
            )
            return _Answer(resp.status, resp.reason, kept, data)


def _reset(request: web.Request) -> web.Response:
    """Drop the connection without answering; aiohttp's later write fails quietly."""
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=502)


async def _truncate(request: web.Request, answer: _Answer) -> web.StreamResponse:
    """Send the headers with the full Content-Length and half the body, then drop the line."""
    transport = request.transport
    stream = web.StreamResponse(status=answer.status, reason=answer.reason, headers=answer.headers)
    stream.content_length = len(answer.body)
    await stream.prepare(request)
    await stream.write(answer.body[: len(answer.body) // 2])
    if transport is not None:
        transport.close()
    return stream
