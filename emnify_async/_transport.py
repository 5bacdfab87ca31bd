"""One request path for every call: build, authenticate, send, retry, map errors."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import platform
import time
from collections.abc import Mapping
from typing import Any

import aiohttp
import attrs
from multidict import CIMultiDictProxy
from yarl import URL

from ._auth import Authenticator, Credentials
from ._constants import (
    AUTHENTICATE_PATH,
    DNS_CACHE_TTL,
    KEEPALIVE_TIMEOUT,
)
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    ClientClosedError,
    EmnifyError,
    InputError,
)
from ._json import dumps, loads
from ._ratelimit import RateLimiter, RateLimits
from ._retry import RetryPolicy, new_retrying
from ._status_errors import REQUEST_ID_HEADER, make_status_error
from ._version import __version__

__all__ = ["Response", "Transport", "check_base_url"]

logger = logging.getLogger("emnify")

_PLATFORM = f"Python {platform.python_version()}; aiohttp {aiohttp.__version__}"
USER_AGENT = f"emnify-async/{__version__} ({_PLATFORM})"
# Methods that may be repeated without changing the outcome. Every PATCH this SDK sends sets
# fields to absolute values, so repeating one is harmless.
_SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "PATCH"})


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """Validate the API base URL: HTTPS, or plain HTTP only to a loopback host."""
    url = URL(base_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise InputError(f"base_url must be an http(s) URL with a host, got {base_url!r}")
    if url.scheme == "http" and not _is_loopback(url.host):
        raise InputError(
            f"base_url {base_url!r} uses plain HTTP: the token would travel unencrypted. "
            "Use https://, or http:// only to a loopback address such as the emulator."
        )
    if url.query_string or url.fragment:
        raise InputError("base_url must not carry a query string or fragment")
    return str(url).rstrip("/")


@attrs.frozen
class Response:
    """A successful response: status, headers and the decoded JSON body (None when empty)."""

    status: int
    headers: CIMultiDictProxy[str]
    data: Any
    request_id: str | None

    @property
    def created_id(self) -> int | None:
        """The id at the end of the `Location` header of a `201 Created`."""
        location = self.headers.get("Location")
        if not location:
            return None
        tail = location.rstrip("/").rsplit("/", 1)[-1]
        return int(tail) if tail.isdigit() else None


@attrs.frozen
class _Raw:
    status: int
    headers: CIMultiDictProxy[str]
    body: bytes


class Transport:
    """Owns the aiohttp session, the auth token and the retry policy of one client."""

    def __init__(
        self,
        *,
        base_url: str,
        credentials: Credentials,
        timeout: float,
        connect_timeout: float,
        max_concurrency: int,
        retry: RetryPolicy,
        rate_limits: RateLimits | None,
    ) -> None:
        if max_concurrency < 1:
            raise InputError("max_concurrency must be at least 1")
        if timeout <= 0 or connect_timeout <= 0:
            raise InputError("timeouts must be positive")
        self.base_url = check_base_url(base_url)
        self.retry = retry
        self.max_concurrency = max_concurrency
        self._timeout = timeout
        self._connect_timeout = connect_timeout
        self._auth = Authenticator(credentials, self._authenticate)
        self.limiter = RateLimiter(rate_limits) if rate_limits is not None else None
        self._session: aiohttp.ClientSession | None = None
        self._semaphore: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    # -- lifecycle ----------------------------------------------------------------------------

    def _get_session(self) -> aiohttp.ClientSession:
        if self._closed:
            raise ClientClosedError("this emnify client is closed; create a new one")
        loop = asyncio.get_running_loop()
        if self._session is None:
            connector = aiohttp.TCPConnector(
                limit=self.max_concurrency,
                ttl_dns_cache=DNS_CACHE_TTL,
                keepalive_timeout=KEEPALIVE_TIMEOUT,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                timeout=aiohttp.ClientTimeout(
                    total=self._timeout, sock_connect=self._connect_timeout
                ),
                raise_for_status=False,
            )
            self._semaphore = asyncio.Semaphore(self.max_concurrency)
            self._loop = loop
        elif loop is not self._loop:
            raise EmnifyError(
                "this AsyncEmnify client was first used on another event loop; an aiohttp "
                "session cannot move between loops, so create one client per event loop"
            )
        return self._session

    async def close(self) -> None:
        """Close the connection pool. Safe to call more than once."""
        self._closed = True
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    @property
    def closed(self) -> bool:
        return self._closed

    # -- requests -------------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        authenticated: bool = True,
        safe: bool | None = None,
    ) -> Response:
        """Send one API call, with retries, and return its decoded response.

        Raises:
            APIStatusError: (a subclass per status) when the API answers with an error.
            APIConnectionError: when no response could be had within the retry policy.
        """
        method = method.upper()
        if safe is None:
            safe = method in _SAFE_METHODS
        body = None if json is None else dumps(json)
        loop = asyncio.get_running_loop()
        deadline_at = loop.time() + self.retry.deadline
        retrying = new_retrying(self.retry, method=method, path=path, safe=safe)
        async for attempt in retrying:
            with attempt:
                return await self._attempt(
                    method, path, params, body, authenticated, deadline_at - loop.time()
                )
        raise AssertionError("unreachable: tenacity either returns or re-raises")

    async def _authenticate(self, body: dict[str, str]) -> dict[str, Any]:
        # Authenticating creates nothing on the server, so repeating it is safe.
        response = await self.request(
            "POST", AUTHENTICATE_PATH, json=body, authenticated=False, safe=True
        )
        return response.data if isinstance(response.data, dict) else {}

    async def _attempt(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        body: bytes | None,
        authenticated: bool,
        remaining: float,
    ) -> Response:
        if remaining <= 0:
            raise APITimeoutError(
                f"{method} {path} ran out of its {self.retry.deadline:.0f} s deadline",
                method=method,
                path=path,
            )
        if authenticated:
            token = await self._auth.token()
            raw = await self._send(method, path, params, body, token, remaining)
            if raw.status == 401:
                # The token may have been revoked or expired early: renew once and replay once.
                token = await self._auth.renew_after_rejection(token)
                raw = await self._send(method, path, params, body, token, remaining)
        else:
            raw = await self._send(method, path, params, body, None, remaining)
        if raw.status >= 400:
            raise make_status_error(
                method=method, path=path, status=raw.status, headers=raw.headers, body=raw.body
            )
        request_id = raw.headers.get(REQUEST_ID_HEADER)
        data: Any = None
        if raw.body.strip() and raw.status != 204:
            try:
                data = loads(raw.body)
            except ValueError as exc:
                raise APIResponseValidationError(
                    f"{method} {path} answered {raw.status} with a body that is not valid JSON "
                    f"({len(raw.body)} bytes)",
                    method=method,
                    path=path,
                    status=raw.status,
                    body=raw.body,
                    request_id=request_id,
                ) from exc
        return Response(status=raw.status, headers=raw.headers, data=data, request_id=request_id)

    async def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        body: bytes | None,
        token: str | None,
        remaining: float,
    ) -> _Raw:
        session = self._get_session()
        assert self._semaphore is not None
        headers = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if body is not None:
            headers["Content-Type"] = "application/json"
        timeout = aiohttp.ClientTimeout(
            total=min(self._timeout, remaining), sock_connect=self._connect_timeout
        )
        if self.limiter is not None:
            await self.limiter.acquire(method, path)
        async with self._semaphore:
            started = time.perf_counter()
            try:
                async with session.request(
                    method,
                    self.base_url + path,
                    params=params,
                    data=body,
                    headers=headers,
                    timeout=timeout,
                    allow_redirects=False,
                ) as resp:
                    raw = _Raw(resp.status, resp.headers, await resp.read())
            except aiohttp.ClientConnectorError as exc:
                raise APIConnectionError(
                    f"could not connect to {self.base_url} for {method} {path}: {exc.os_error}",
                    method=method,
                    path=path,
                    sent=False,
                ) from exc
            except aiohttp.ConnectionTimeoutError as exc:
                raise APITimeoutError(
                    f"timed out connecting to {self.base_url} for {method} {path}",
                    method=method,
                    path=path,
                    sent=False,
                ) from exc
            except asyncio.TimeoutError as exc:
                raise APITimeoutError(
                    f"{method} {path} timed out", method=method, path=path
                ) from exc
            except aiohttp.ClientError as exc:
                raise APIConnectionError(
                    f"{method} {path} failed before a complete response: {type(exc).__name__}",
                    method=method,
                    path=path,
                ) from exc
        if self.limiter is not None:
            self.limiter.observe(method, path, raw.status)
        logger.debug(
            "%s %s -> %d in %.1f ms (request id %s)",
            method,
            path,
            raw.status,
            (time.perf_counter() - started) * 1000,
            raw.headers.get(REQUEST_ID_HEADER),
        )
        return raw
