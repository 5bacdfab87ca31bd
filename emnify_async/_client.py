"""`AsyncEmnify`, the entry point of the async SDK."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from ssl import SSLContext
from types import TracebackType

import attrs

from ._auth import Credentials
from ._constants import (
    DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_PAGE_PREFETCH,
    DEFAULT_TIMEOUT,
    ENV_APPLICATION_TOKEN,
    ENV_BASE_URL,
    ENV_PASSWORD,
    ENV_USERNAME,
)
from ._exceptions import InputError
from ._network import EventHook
from ._ratelimit import RateLimits
from ._retry import RetryPolicy
from ._transport import Transport, check_count
from .resources import AsyncOrganisations, AsyncSimBatches, AsyncSims, AsyncTariffs

__all__ = ["AsyncEmnify"]


class AsyncEmnify:
    """Async client for the emnify REST API.

    Use it as `async with AsyncEmnify() as client:`, or call `await client.close()` when done.
    Nothing touches the network until the first call; the connection pool is created then, on
    the running event loop, and the client stays bound to that loop.

    Args:
        application_token: An emnify application token. Defaults to the environment variable
            `EMNIFY_APPLICATION_TOKEN`.
        username: Log in as a user instead (defaults to `EMNIFY_USERNAME`).
        password: The user's plain password (defaults to `EMNIFY_PASSWORD`); only its SHA-1,
            which emnify requires, is kept and sent.
        base_url: The API's address. Defaults to `EMNIFY_BASE_URL`, else
            `https://cdn.emnify.net`. Plain `http://` is accepted only for loopback hosts.
        timeout: Seconds one attempt of a request may take.
        connect_timeout: Seconds to open a connection.
        max_retries: Retries of a request that failed transiently (overrides `retry`).
        retry: The full retry policy (backoff, deadline, Retry-After cap).
        max_concurrency: Requests in flight at once from this client.
        page_prefetch: Pages a list call fetches ahead once it knows the total.
        rate_limits: Pace requests to emnify's documented limits (the default, `True`), to
            custom `RateLimits`, or not at all (`False`).
        max_response_bytes: The largest response body read (default 64 MiB); a larger one
            stops reading and raises `ResponseTooLargeError`.
        proxy: An `http://[user:password@]host:port` proxy for every request (HTTPS still
            runs end to end through it, with CONNECT). Its password never shows in reprs,
            logs or errors.
        trust_env: Use the proxy the environment sets when `proxy` is not given:
            `HTTPS_PROXY` (`HTTP_PROXY` for a loopback `http://` base URL, else `ALL_PROXY`),
            exempting hosts listed in `NO_PROXY`, as `requests` does. On by default (unlike
            bare aiohttp); `False` ignores these variables. Read when the client is built.
        ssl: An `ssl.SSLContext` to verify the API's certificate with, for a private CA or a
            TLS-inspecting proxy (`ssl.create_default_context(cafile=...)`). Verification
            cannot be switched off: `False` or a `CERT_NONE` context raises `InputError`.
        event_hooks: `{"request": [fn, ...], "response": [fn, ...]}`: functions (plain or
            `async`) called with a `RequestEvent` before each HTTP request is sent and once
            its answer was read or it failed, logins included. Events never carry headers,
            tokens or bodies; what a hook raises is logged at WARNING and ignored.

    Raises:
        InputError: An argument is invalid (for instance a plain-HTTP remote base URL).
    """

    def __init__(
        self,
        application_token: str | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        base_url: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        page_prefetch: int = DEFAULT_PAGE_PREFETCH,
        rate_limits: RateLimits | bool = True,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        proxy: str | None = None,
        trust_env: bool = True,
        ssl: SSLContext | None = None,
        event_hooks: Mapping[str, Sequence[EventHook]] | None = None,
    ) -> None:
        if application_token is None and username is None:
            application_token = os.environ.get(ENV_APPLICATION_TOKEN) or None
            if application_token is None:
                username = os.environ.get(ENV_USERNAME) or None
        if username is not None and password is None:
            password = os.environ.get(ENV_PASSWORD) or None
        if application_token is not None and username is not None:
            raise InputError("pass either application_token or username/password, not both")
        page_prefetch = check_count(page_prefetch, "page_prefetch")
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise InputError(f"retry must be a RetryPolicy, got {retry!r}")
        if not isinstance(rate_limits, (bool, RateLimits)):
            raise InputError(f"rate_limits must be True, False or RateLimits, got {rate_limits!r}")
        policy = retry if retry is not None else RetryPolicy()
        if max_retries is not None:
            policy = attrs.evolve(policy, max_retries=max_retries)
        self._credentials = Credentials(application_token, username=username, password=password)
        self._transport = Transport(
            base_url=base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL,
            credentials=self._credentials,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_concurrency=max_concurrency,
            retry=policy,
            rate_limits=RateLimits() if rate_limits is True else (rate_limits or None),
            max_response_bytes=max_response_bytes,
            proxy=proxy,
            trust_env=trust_env,
            ssl=ssl,
            event_hooks=event_hooks,
        )
        self.sims = AsyncSims(self._transport, page_prefetch=page_prefetch)
        """SIMs: list, get, update, activate, suspend, delete, events, stats."""
        self.sim_batches = AsyncSimBatches(self._transport, page_prefetch=page_prefetch)
        """SIM batches: validate and register by BIC."""
        self.organisations = AsyncOrganisations(self._transport, page_prefetch=page_prefetch)
        """Organisations: details, statistics, inclusive volumes, tariff change."""
        self.tariffs = AsyncTariffs(self._transport, page_prefetch=page_prefetch)
        """Tariffs (MNO and reseller API): list, get, create, update, delete."""

    @property
    def base_url(self) -> str:
        """The API address this client talks to."""
        return self._transport.base_url

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy in force."""
        return self._transport.retry

    async def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards."""
        await self._transport.close()

    async def __aenter__(self) -> AsyncEmnify:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"AsyncEmnify(base_url={self.base_url!r}, auth={self._credentials.mode!r})"
