"""One request path for every call: build, authenticate, send, retry, map errors."""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import logging
import math
import platform
import time
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

import aiohttp
import attrs
from multidict import CIMultiDictProxy
from yarl import URL

from ._auth import Authenticator, Credentials
from ._constants import (
    DNS_CACHE_TTL,
    KEEPALIVE_TIMEOUT,
)
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIRedirectError,
    APIResponseValidationError,
    APITimeoutError,
    ClientClosedError,
    EmnifyError,
    InputError,
    ResponseTooLargeError,
)
from ._json import dumps, loads
from ._network import ATTEMPT, EventHook, Network, RequestEvent
from ._operation import Operation, Returns
from ._ops.authentication import AUTHENTICATE
from ._ratelimit import RateLimiter, RateLimits
from ._retry import RetryPolicy, new_retrying
from ._status_errors import REQUEST_ID_HEADER, make_status_error, without_sent_values
from ._version import __version__

__all__ = ["AUTHENTICATE", "CallOptions", "Response", "Transport", "check_base_url"]

T = TypeVar("T")

logger = logging.getLogger("emnify")

_PLATFORM = f"Python {platform.python_version()}; aiohttp {aiohttp.__version__}"
USER_AGENT = f"emnify-async/{__version__} ({_PLATFORM})"


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
    """An answer accepted as documented: status, headers and the decoded JSON body."""

    status: int
    headers: CIMultiDictProxy[str]
    data: Any
    """The decoded JSON body; None for operations that answer with no content."""
    request_id: str | None

    @property
    def created_id(self) -> int | None:
        """The id at the end of the `Location` header of a `201 Created`."""
        return _location_id(self.headers.get("Location"))


def _location_id(location: str | None) -> int | None:
    if not location:
        return None
    tail = location.rstrip("/").rsplit("/", 1)[-1]
    return int(tail) if tail.isascii() and tail.isdigit() else None


@attrs.frozen
class _Raw:
    status: int
    headers: CIMultiDictProxy[str]
    body: bytes


@attrs.frozen
class CallOptions:
    """The settings of one call: seconds per attempt, and the retry policy."""

    timeout: float
    retry: RetryPolicy


class _Budget:
    """One deadline for a whole call: every attempt, every wait and every login within it."""

    __slots__ = ("deadline", "deadline_at", "loop", "timeout")

    def __init__(self, options: CallOptions) -> None:
        self.loop = asyncio.get_running_loop()
        self.deadline = options.retry.deadline
        self.deadline_at = self.loop.time() + self.deadline
        self.timeout = options.timeout

    def remaining(self, method: str, path: str) -> float:
        """Seconds left, or APITimeoutError once the deadline has passed."""
        left = self.deadline_at - self.loop.time()
        if left <= 0:
            raise APITimeoutError(
                f"{method} {path} ran out of its {self.deadline:g} s deadline",
                method=method,
                path=path,
            )
        return left


class _CallState:
    """Whether the current attempt has sent the request itself (not just logged in)."""

    __slots__ = ("sent",)

    def __init__(self) -> None:
        self.sent = False


def _client_error_detail(exc: aiohttp.ClientError) -> str:
    # Only the status, the type and the OS-level text: aiohttp's own exception objects carry
    # the request headers (with the bearer token), so they are never chained to ours.
    if isinstance(exc, aiohttp.ClientResponseError):
        return f"{type(exc).__name__} (HTTP {exc.status}: {exc.message})"
    text = str(exc)[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
        max_response_bytes: int,
        proxy: object = None,
        trust_env: object = True,
        ssl: object = None,
        event_hooks: Mapping[str, Sequence[EventHook]] | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        self.options = CallOptions(check_seconds(timeout, "timeout"), retry)
        """The settings of calls made without per-call options."""
        self.network = Network.create(
            self.base_url, proxy=proxy, trust_env=trust_env, ssl=ssl, event_hooks=event_hooks
        )
        self.max_concurrency = check_count(max_concurrency, "max_concurrency")
        self.max_response_bytes = check_count(max_response_bytes, "max_response_bytes")
        self._connect_timeout = check_seconds(connect_timeout, "connect_timeout")
        self._auth = Authenticator(credentials)
        self.limiter = RateLimiter(rate_limits) if rate_limits is not None else None
        self._session: aiohttp.ClientSession | None = None
        self._semaphore: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    # -- lifecycle ----------------------------------------------------------------------------

    def check_open(self) -> None:
        """Raise `ClientClosedError` once the client is closed (answers from a cache too)."""
        if self._closed:
            raise ClientClosedError("this emnify client is closed; create a new one")

    def _get_session(self) -> aiohttp.ClientSession:
        self.check_open()
        loop = asyncio.get_running_loop()
        if self._session is None:
            connector = aiohttp.TCPConnector(
                limit=self.max_concurrency,
                ttl_dns_cache=DNS_CACHE_TTL,
                keepalive_timeout=KEEPALIVE_TIMEOUT,
                ssl=self.network.ssl_context or True,
            )
            if self.network.proxy is not None:
                proxy = self.network.proxy
                logger.debug("using the proxy %s (from %s)", proxy, proxy.source)
            # trust_env stays False: `Network` resolved the proxy once, as requests does, and
            # aiohttp's own would also apply a ~/.netrc login to the API host.
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                timeout=aiohttp.ClientTimeout(
                    total=self.options.timeout, sock_connect=self._connect_timeout
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

    def password_changed(self, old_sha1: str, new_sha1: str) -> None:
        """The client's user changed its password: later logins send the new one."""
        self._auth.password_changed(old_sha1, new_sha1)

    # -- calls ----------------------------------------------------------------------------------

    async def call(
        self,
        op: Operation[Any],
        path: str,
        decode: Callable[[Response], T],
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        options: CallOptions | None = None,
    ) -> T:
        """Make one call of `op` at `path`, with retries, and return `decode(answer)`.

        `decode` runs inside the attempt: an answer it cannot read (it raises
        `APIResponseValidationError`) is retried like any other garbled answer, where the
        operation is safe to repeat. Logging in happens within the same attempts and deadline.

        Raises:
            APIStatusError: (a subclass per status) when the API answers with an error.
            APIResponseValidationError: when the answer is not what the operation documents.
            APIConnectionError: when no answer could be had within the retry policy.
        """
        body = None if json is None else dumps(json)
        settings = options or self.options
        budget = _Budget(settings)
        state = _CallState()
        login = functools.partial(self._login, budget=budget)
        retrying = new_retrying(
            settings.retry,
            method=op.method,
            path=path,
            safe=lambda: op.safe or not state.sent,
        )
        async for attempt in retrying:
            with attempt:
                state.sent = False
                response = await self._attempt(op, path, params, body, budget, state, login)
                return decode(response)
        raise AssertionError("unreachable: tenacity either returns or re-raises")

    async def authenticate(self, options: CallOptions | None = None) -> None:
        """Log in now with the client's credentials, within one call's retries and deadline."""
        settings = options or self.options
        budget = _Budget(settings)
        login = functools.partial(self._login, budget=budget)
        retrying = new_retrying(
            settings.retry, method=AUTHENTICATE.method, path=AUTHENTICATE.path, safe=lambda: True
        )
        async for attempt in retrying:
            with attempt:
                await self._await_token(AUTHENTICATE, AUTHENTICATE.path, budget, login, fresh=True)
                return
        raise AssertionError("unreachable: tenacity either returns or re-raises")

    async def _attempt(
        self,
        op: Operation[Any],
        path: str,
        params: Mapping[str, str] | None,
        body: bytes | None,
        budget: _Budget,
        state: _CallState,
        login: Callable[[dict[str, str]], Any],
    ) -> Response:
        if op.public:
            state.sent = True
            raw = await self._send(op.method, path, params, body, None, budget)
            return accept(op, path, raw, sent=body)
        token = self._auth.current() or await self._await_token(op, path, budget, login)
        state.sent = True
        raw = await self._send(op.method, path, params, body, token, budget)
        if raw.status == 401:
            # Refused before it was processed: the token may have been revoked or expired
            # early. Renew once and replay once.
            state.sent = False
            token = await self._await_token(op, path, budget, login, rejected=token)
            state.sent = True
            raw = await self._send(op.method, path, params, body, token, budget)
        return accept(op, path, raw, sent=body)

    async def _await_token(
        self,
        op: Operation[Any],
        path: str,
        budget: _Budget,
        login: Callable[[dict[str, str]], Any],
        *,
        rejected: str | None = None,
        fresh: bool = False,
    ) -> str:
        # Waiting for another caller's login counts against this call's deadline too.
        if fresh:
            renewal = self._auth.fresh_token(login)
        elif rejected is None:
            renewal = self._auth.token(login)
        else:
            renewal = self._auth.renew_after_rejection(rejected, login)
        try:
            return await asyncio.wait_for(renewal, budget.remaining(op.method, path))
        except asyncio.TimeoutError:
            error = APITimeoutError(
                f"{op.method} {path} ran out of its {budget.deadline:g} s deadline while "
                "logging in",
                method=op.method,
                path=path,
                sent=False,
            )
        raise error

    async def _login(self, body: dict[str, str], *, budget: _Budget) -> dict[str, Any]:
        """One attempt of POST /api/v1/authenticate; the caller's retries cover it."""
        path = AUTHENTICATE.path
        sent = dumps(body)
        raw = await self._send(AUTHENTICATE.method, path, None, sent, None, budget)
        data: dict[str, Any] = accept(AUTHENTICATE, path, raw, sent=sent).data
        return data

    async def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        body: bytes | None,
        token: str | None,
        budget: _Budget,
    ) -> _Raw:
        session = self._get_session()
        assert self._semaphore is not None
        network = self.network
        headers = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if body is not None:
            headers["Content-Type"] = "application/json"
        proxy_headers = network.proxy_headers()
        if proxy_headers is not None and self.base_url.startswith("http://"):
            # A plain-HTTP request goes to the proxy itself; aiohttp sends `proxy_headers`
            # only on the CONNECT of an HTTPS one.
            headers.update(proxy_headers)
        hooks = network.hooks
        query = MappingProxyType(dict(params or {}) if hooks else {})
        if self.limiter is not None:
            await self.limiter.acquire(method, path)
        async with self._semaphore:
            timeout = aiohttp.ClientTimeout(
                total=min(budget.timeout, budget.remaining(method, path)),
                sock_connect=self._connect_timeout,
            )
            attempt = ATTEMPT.get()
            if hooks.request:
                await hooks.emit(
                    hooks.request,
                    RequestEvent(
                        phase="request", method=method, path=path, query=query, attempt=attempt
                    ),
                )
            started = time.perf_counter()
            failure: APIError | None = None
            status: int | None = None
            try:
                async with session.request(
                    method,
                    self.base_url + path,
                    params=params,
                    data=body,
                    headers=headers,
                    timeout=timeout,
                    allow_redirects=False,
                    proxy=network.proxy.url if network.proxy is not None else None,
                    proxy_headers=proxy_headers,
                ) as resp:
                    status = resp.status
                    raw = _Raw(resp.status, resp.headers, await self._read(resp, method, path))
            except aiohttp.ClientConnectorError as exc:
                failure = self._connect_error(exc, method, path)
            except aiohttp.ConnectionTimeoutError:
                failure = APITimeoutError(
                    f"timed out connecting to {self._route()} for {method} {path}",
                    method=method,
                    path=path,
                    sent=False,
                )
            except asyncio.TimeoutError:
                failure = APITimeoutError(f"{method} {path} timed out", method=method, path=path)
            except aiohttp.ClientHttpProxyError as exc:
                # The proxy refused the CONNECT: the request never reached the API.
                failure = APIConnectionError(
                    f"the proxy {network.proxy} refused to connect to {self.base_url} for "
                    f"{method} {path}: HTTP {exc.status} {exc.message}",
                    method=method,
                    path=path,
                    sent=False,
                )
            except aiohttp.ClientError as exc:
                failure = APIConnectionError(
                    f"{method} {path} failed before a complete response: "
                    f"{_client_error_detail(exc)}",
                    method=method,
                    path=path,
                )
            except APIError as exc:  # a body over max_response_bytes
                failure = exc
            elapsed = time.perf_counter() - started
            if hooks.response:
                # Outside the handlers: a hook's exception must not chain aiohttp's, which
                # holds the request headers.
                await hooks.emit(
                    hooks.response,
                    RequestEvent(
                        phase="response",
                        method=method,
                        path=path,
                        query=query,
                        attempt=attempt,
                        status=status,
                        elapsed=elapsed,
                        request_id=(
                            raw.headers.get(REQUEST_ID_HEADER)
                            if failure is None
                            else getattr(failure, "request_id", None)
                        ),
                        error=None if failure is None else type(failure).__name__,
                    ),
                )
        if failure is not None:
            # Raised outside the handler: nothing of aiohttp's is chained to our error.
            raise failure
        if self.limiter is not None:
            self.limiter.observe(method, path, raw.status)
        logger.debug(
            "%s %s -> %d in %.1f ms (request id %s)",
            method,
            path,
            raw.status,
            elapsed * 1000,
            raw.headers.get(REQUEST_ID_HEADER),
        )
        return raw

    def _route(self) -> str:
        """The API address, and the proxy (its password masked) when there is one."""
        proxy = self.network.proxy
        return self.base_url if proxy is None else f"{self.base_url} through the proxy {proxy}"

    def _connect_error(
        self, exc: aiohttp.ClientConnectorError, method: str, path: str
    ) -> APIConnectionError:
        """A connection that could not be opened, said without aiohttp's objects."""
        proxy = self.network.proxy
        if isinstance(exc, aiohttp.ClientProxyConnectionError) and proxy is not None:
            where = f"the proxy {proxy} (from {proxy.source})"
        else:
            where = self._route()
        detail = str(exc.os_error)[:200]
        if isinstance(exc, aiohttp.ClientConnectorCertificateError):
            detail += (
                "; if the API is reached through a private CA or TLS inspection, pass "
                "ssl=ssl.create_default_context(cafile=...) trusting that CA"
            )
        return APIConnectionError(
            f"could not connect to {where} for {method} {path}: {detail}",
            method=method,
            path=path,
            sent=False,
        )

    async def _read(self, resp: aiohttp.ClientResponse, method: str, path: str) -> bytes:
        """The whole body, stopping with ResponseTooLargeError past `max_response_bytes`."""
        limit = self.max_response_bytes
        length = resp.content_length
        if length is not None and length > limit:
            raise _too_large(resp, method, path, limit)
        if length is not None and "Content-Encoding" not in resp.headers:
            return await resp.read()
        # No length to trust (chunked, or compressed): count while reading.
        chunks = []
        size = 0
        async for chunk in resp.content.iter_any():
            size += len(chunk)
            if size > limit:
                raise _too_large(resp, method, path, limit)
            chunks.append(chunk)
        return b"".join(chunks)


def _too_large(
    resp: aiohttp.ClientResponse, method: str, path: str, limit: int
) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{method} {path} answered {resp.status} with a body over the client's "
        f"max_response_bytes ({limit} bytes); reading stopped",
        method=method,
        path=path,
        status=resp.status,
        limit=limit,
        request_id=resp.headers.get(REQUEST_ID_HEADER),
    )


def accept(op: Operation[Any], path: str, raw: _Raw, *, sent: bytes | None = None) -> Response:
    """The answer as `op` documents it, or the error that says how it is not.

    `sent` is the request body: a sensitive operation's error repeats none of its strings.
    """
    status = raw.status
    request_id = raw.headers.get(REQUEST_ID_HEADER)
    method = op.method
    if status not in op.success:
        if status >= 400:
            error = make_status_error(
                method=method, path=path, status=status, headers=raw.headers, body=raw.body
            )
            if op.sensitive:
                without_sent_values(error, sent)
            raise error
        if 300 <= status < 400:
            raise APIRedirectError(
                f"{method} {path} answered {status} (a redirect, which is never followed)",
                method=method,
                path=path,
                status=status,
                location=raw.headers.get("Location"),
                request_id=request_id,
            )
        documented = " or ".join(str(s) for s in sorted(op.success))
        raise _invalid(op, path, raw, f"status {status}; the operation documents {documented}")
    returns = op.returns
    if returns is Returns.NOTHING:
        return Response(status, raw.headers, None, request_id)
    if returns is Returns.CREATED_ID:
        if _location_id(raw.headers.get("Location")) is None:
            raise _invalid(op, path, raw, "no Location header naming the new id")
        return Response(status, raw.headers, None, request_id)
    if not raw.body.strip():
        if returns is Returns.ANY:
            return Response(status, raw.headers, None, request_id)
        raise _invalid(op, path, raw, f"an empty body where {returns.value} is documented")
    try:
        data = loads(raw.body)
    except ValueError:
        # Not raised here: the decoder's error holds the whole body as its context.
        data = _NOT_JSON
    if data is _NOT_JSON:
        raise _invalid(op, path, raw, f"a body that is not valid JSON ({len(raw.body)} bytes)")
    wanted = {Returns.OBJECT: dict, Returns.ARRAY: list, Returns.PAGE: list}.get(returns)
    if wanted is not None and type(data) is not wanted:
        raise _invalid(
            op, path, raw, f"a JSON {type(data).__name__} where {returns.value} is documented"
        )
    return Response(status, raw.headers, data, request_id)


_NOT_JSON = object()


def _invalid(op: Operation[Any], path: str, raw: _Raw, what: str) -> APIResponseValidationError:
    return APIResponseValidationError(
        f"{op.method} {path} answered {raw.status} with {what}",
        method=op.method,
        path=path,
        status=raw.status,
        # The answers of sensitive operations (logins) may hold secrets: never keep them.
        body=b"" if op.sensitive else raw.body,
        request_id=raw.headers.get(REQUEST_ID_HEADER),
    )


def check_count(value: object, name: str) -> int:
    """A positive integer setting, or InputError."""
    if type(value) is not int or value < 1:
        raise InputError(f"{name} must be a positive integer, got {value!r}")
    return value


def check_seconds(value: object, name: str) -> float:
    """A positive, finite number of seconds, or InputError."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value <= 0
    ):
        raise InputError(f"{name} must be a positive number of seconds, got {value!r}")
    return float(value)
