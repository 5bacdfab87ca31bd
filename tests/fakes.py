"""A tiny scriptable emnify look-alike for narrow transport tests (the emulator covers the rest)."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections import deque
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def make_jwt(exp: float, **claims: Any) -> str:
    """An unsigned three-segment JWT carrying `exp` (the SDK never checks signatures)."""

    def part(obj: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'HS384'})}.{part({'exp': exp, **claims})}.c2lnbmF0dXJl"


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    return web.Response(
        status=status,
        body=json.dumps(data).encode(),
        headers=headers,
        content_type="application/json",
    )


class FakeAPI:
    """Serves POST /api/v1/authenticate plus whatever routes a test adds.

    `script(method, path, *responses)` queues canned responses for a route, served in order
    before its handler; `calls` records (method, path, query, headers, body) per request.
    """

    def __init__(self, *, token_lifetime: float = 3600.0) -> None:
        self.token = "app-token-secret-123"
        self.token_lifetime = token_lifetime
        self.issued: list[str] = []
        self.rejected: set[str] = set()
        self.auth_bodies: list[dict[str, Any]] = []
        self.auth_delay = 0.0
        self.calls: list[tuple[str, str, dict[str, str], dict[str, str], bytes]] = []
        self._scripts: dict[tuple[str, str], deque[web.StreamResponse | Handler]] = {}
        self._app = web.Application()
        self._handlers: dict[tuple[str, str], Handler] = {}
        self._app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self._server = TestServer(self._app, host="127.0.0.1")

    @property
    def url(self) -> str:
        return str(self._server.make_url("")).rstrip("/")

    @property
    def auth_calls(self) -> int:
        return len(self.auth_bodies)

    def route(self, method: str, path: str, handler: Handler) -> None:
        """Serve `handler` for METHOD path (may be added while the server runs)."""
        self._handlers[(method, path)] = handler

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        self.calls.append(
            (request.method, request.path, dict(request.query), dict(request.headers), body)
        )
        queue = self._scripts.get((request.method, request.path))
        if queue:
            canned = queue.popleft()
            return canned if isinstance(canned, web.StreamResponse) else await canned(request)
        if request.path == "/api/v1/authenticate":
            return await self._authenticate(json.loads(body))
        if not self._authorised(request):
            return json_response(
                {"error_code": 1102, "error_token": "InvalidToken", "message": "Invalid token"}, 401
            )
        handler = self._handlers.get((request.method, request.path))
        if handler is None:
            return json_response(
                {"error_code": 1201, "error_token": "NotFound", "message": "x"}, 404
            )
        return await handler(request)

    def script(self, method: str, path: str, *responses: web.StreamResponse | Handler) -> None:
        self._scripts.setdefault((method, path), deque()).extend(responses)

    def calls_to(self, method: str, path: str) -> int:
        return sum(1 for m, p, *_ in self.calls if (m, p) == (method, path))

    def _authorised(self, request: web.Request) -> bool:
        header = request.headers.get("Authorization", "")
        token = header.removeprefix("Bearer ")
        return token in self.issued and token not in self.rejected

    async def _authenticate(self, body: dict[str, Any]) -> web.Response:
        self.auth_bodies.append(body)
        if self.auth_delay:
            await asyncio.sleep(self.auth_delay)
        if body.get("application_token") not in (None, self.token):
            return web.Response(status=401)
        token = make_jwt(time.time() + self.token_lifetime, n=len(self.issued))
        self.issued.append(token)
        answer = {"auth_token": token}
        if "username" in body or "refresh_token" in body:
            answer["refresh_token"] = f"refresh-{len(self.issued)}"
        return json_response(answer)

    async def __aenter__(self) -> FakeAPI:
        await self._server.start_server()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._server.close()
