"""Fault injection: scripted faults (``Emulator.inject``) and seeded random faults."""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

from emnify_async.testing._config import Faults
from emnify_async.testing._errors import TOO_MANY_REQUESTS, ApiError, error_body
from emnify_async.testing._json import dumps
from emnify_async.testing._keys import REQUEST_ID

Action = Literal["respond", "reset", "truncate", "delay", "slow", "replace", "reset_after"]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
AUTHENTICATE_PATH = "/api/v1/authenticate"

_GATEWAY_MESSAGES = {
    500: "Internal server error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Endpoint request timed out",
}


@dataclass
class ScriptedFault:
    """One entry of the scripted-fault queue; fires ``times`` times for matching requests."""

    method: str | None
    path: str | re.Pattern[str] | None
    action: Action = "respond"
    status: int = 503
    times: int = 1
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    delay: float = 0.0
    fired: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Whether a request with this method and path triggers the fault."""
        if self.method is not None and self.method.upper() != method:
            return False
        if self.path is None:
            return True
        if isinstance(self.path, str):
            return self.path == path
        return self.path.fullmatch(path) is not None

    @property
    def exhausted(self) -> bool:
        """Whether the fault has fired `times` times already."""
        return self.fired >= self.times


def default_body(status: int) -> Any:
    """What the real platform would send with an injected ``status`` and no explicit body."""
    if status == 429:
        return error_body(TOO_MANY_REQUESTS, "Rate limit exceeded")
    if status in _GATEWAY_MESSAGES:
        return {"message": _GATEWAY_MESSAGES[status]}
    return None


def make_response(status: int, headers: Mapping[str, str], body: Any) -> web.Response:
    """A response with ``body`` as given: bytes/str verbatim, JSON values serialized."""
    if body is None:
        return web.Response(status=status, headers=headers)
    if isinstance(body, bytes | str):
        data = body.encode() if isinstance(body, str) else body
        return web.Response(status=status, headers=headers, body=data)
    return web.Response(
        status=status, headers=headers, body=dumps(body), content_type="application/json"
    )


async def _stream(
    request: web.Request, response: web.Response, chunks: int, seconds: float, cut: bool
) -> web.StreamResponse:
    """Send ``response`` in up to ``chunks`` parts spread over ``seconds``.

    With ``cut`` only the first half of the body is sent (Content-Length still announces the
    whole body) and the connection is closed.
    """
    body = response.body if isinstance(response.body, bytes) else b""
    transport = request.transport
    if cut and not body:
        return reset(request)
    headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    headers["x-amzn-RequestId"] = request[REQUEST_ID]
    stream = web.StreamResponse(status=response.status, reason=response.reason, headers=headers)
    stream.content_length = len(body)
    await stream.prepare(request)
    payload = body[: len(body) // 2] if cut else body
    size = max(1, -(-len(payload) // chunks))
    pieces = [payload[offset : offset + size] for offset in range(0, len(payload), size)]
    for piece in pieces:
        if seconds:
            await asyncio.sleep(seconds / len(pieces))
        await stream.write(piece)
    if cut and transport is not None:
        transport.close()
    return stream


class ResetResponse(web.Response):
    """Returned after the connection was dropped; aiohttp's write fails quietly."""


def reset(request: web.Request) -> web.Response:
    """Drop the connection without answering."""
    if request.transport is not None:
        request.transport.abort()
    return ResetResponse(status=502)


async def _reset_async(request: web.Request) -> web.StreamResponse:
    return reset(request)


async def _ready(response: web.StreamResponse) -> web.StreamResponse:
    return response


async def truncate(request: web.Request, response: web.Response) -> web.StreamResponse:
    return await _stream(request, response, chunks=1, seconds=0.0, cut=True)


async def trickle(
    request: web.Request, response: web.Response, seconds: float
) -> web.StreamResponse:
    return await _stream(request, response, chunks=10, seconds=seconds, cut=False)


async def _with_handler(
    request: web.Request,
    handler: Handler,
    action: Callable[[web.Response], Awaitable[web.StreamResponse]],
) -> web.StreamResponse:
    try:
        response = await handler(request)
    except ApiError as exc:
        response = exc.response()
    if isinstance(response, web.Response):
        return await action(response)
    return response


class FaultInjector:
    """Holds the scripted queue and the seeded random-fault generator."""

    def __init__(self, faults: Faults, seed: int) -> None:
        self.faults = faults
        self.scripted: list[ScriptedFault] = []
        self._rng = random.Random(f"{seed}:faults")

    def add(self, fault: ScriptedFault) -> ScriptedFault:
        self.scripted.append(fault)
        return fault

    def take(self, method: str, path: str) -> ScriptedFault | None:
        """The first matching scripted fault (FIFO), counted as fired."""
        for fault in self.scripted:
            if fault.matches(method, path):
                fault.fired += 1
                if fault.exhausted:
                    self.scripted.remove(fault)
                return fault
        return None

    async def run_scripted(
        self, fault: ScriptedFault, request: web.Request, handler: Handler
    ) -> web.StreamResponse:
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.action == "reset":
            return reset(request)
        if fault.action == "truncate":
            return await _with_handler(request, handler, lambda r: truncate(request, r))
        if fault.action == "slow":
            seconds = fault.delay or self.faults.slow_body_seconds
            return await _with_handler(request, handler, lambda r: trickle(request, r, seconds))
        if fault.action == "delay":
            return await handler(request)
        body = fault.body if fault.body is not None else default_body(fault.status)
        if fault.action == "reset_after":
            return await _with_handler(request, handler, lambda _: _reset_async(request))
        if fault.action == "replace":
            replacement = make_response(fault.status, fault.headers, body)
            return await _with_handler(request, handler, lambda _: _ready(replacement))
        return make_response(fault.status, fault.headers, body)

    @property
    def active(self) -> bool:
        """Whether any random fault or latency is configured."""
        f = self.faults
        return any(
            (
                f.error_rate,
                f.rate_limit_rate,
                f.latency,
                f.page_latency,
                f.reset_rate,
                f.truncate_rate,
                f.slow_body_rate,
            )
        )

    def applies_to(self, path: str) -> bool:
        return not (self.faults.exempt_authenticate and path == AUTHENTICATE_PATH)

    async def run_random(
        self, request: web.Request, handler: Handler, paged: bool
    ) -> web.StreamResponse:
        faults = self.faults
        delay = faults.latency + (faults.page_latency if paged else 0.0)
        if delay:
            await asyncio.sleep(delay)
        roll = self._rng.random()
        retry_after = (
            {} if faults.retry_after is None else {"Retry-After": f"{faults.retry_after:g}"}
        )
        threshold = faults.error_rate
        if roll < threshold:
            status = self._rng.choice((500, 502, 503))
            headers = retry_after if status == 503 else {}
            return make_response(status, headers, default_body(status))
        threshold += faults.rate_limit_rate
        if roll < threshold:
            return make_response(429, retry_after, default_body(429))
        threshold += faults.reset_rate
        if roll < threshold:
            return reset(request)
        threshold += faults.truncate_rate
        if roll < threshold:
            return await _with_handler(request, handler, lambda r: truncate(request, r))
        threshold += faults.slow_body_rate
        if roll < threshold:
            seconds = faults.slow_body_seconds
            return await _with_handler(request, handler, lambda r: trickle(request, r, seconds))
        return await handler(request)


FAULTS = web.AppKey("emnify_faults", FaultInjector)
