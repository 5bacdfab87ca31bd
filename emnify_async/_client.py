"""`AsyncEmnify`, the entry point of the async SDK."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping, Sequence
from ssl import SSLContext
from types import TracebackType
from typing import Any

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
from ._pagination import AsyncPager
from ._ratelimit import RateLimits
from ._raw import raw_pages, raw_request
from ._retry import RetryPolicy
from ._transport import CallOptions, Transport, check_count, check_seconds
from ._types import NOT_GIVEN, NotGiven, QueryValue
from .resources import (
    AsyncApiCallbacks,
    AsyncApiSecrets,
    AsyncApplicationTokens,
    AsyncAutomations,
    AsyncCloudConnect,
    AsyncDataStreams,
    AsyncDns,
    AsyncEndpoints,
    AsyncEuiccs,
    AsyncEvents,
    AsyncIpAddressSpaces,
    AsyncLookups,
    AsyncOperators,
    AsyncOrganisations,
    AsyncServiceProfiles,
    AsyncServices,
    AsyncSimBatches,
    AsyncSimOperations,
    AsyncSims,
    AsyncTags,
    AsyncTariffProfiles,
    AsyncTariffs,
    AsyncUsers,
    AsyncWorkspaces,
)

__all__ = ["AsyncEmnify"]


class AsyncEmnify:
    """Async client for the emnify REST API.

    Use it as `async with AsyncEmnify() as client:`, or call `await client.close()` when done.
    Nothing touches the network until the first call; the connection pool is created then, on
    the running event loop, and the client stays bound to that loop.

    The API areas are attributes (`client.sims`, `client.organisations`, ...); every call of
    theirs is validated before anything is sent, retried where that is harmless, paced to
    emnify's rate limits and checked against what the operation documents.
    `client.with_options(timeout=..., max_retries=...)` gives a view with other per-call
    settings; `client.request(...)` calls an operation the SDK does not wrap yet.

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
        self._page_prefetch = page_prefetch
        self._options: CallOptions | None = None
        self._owner = True

    # -- the API areas ------------------------------------------------------------------------

    @functools.cached_property
    def sims(self) -> AsyncSims:
        """SIMs: list, get, update, activate, suspend, delete, events, stats, bulk changes."""
        return AsyncSims(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def endpoints(self) -> AsyncEndpoints:
        """Endpoints (devices): details, SMS, connectivity, quotas, blacklists, bulk changes."""
        return AsyncEndpoints(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def events(self) -> AsyncEvents:
        """Events of the whole organisation, and the event types."""
        return AsyncEvents(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def operators(self) -> AsyncOperators:
        """Mobile network operators."""
        return AsyncOperators(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def sim_batches(self) -> AsyncSimBatches:
        """SIM batches: validate and register by BIC."""
        return AsyncSimBatches(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def organisations(self) -> AsyncOrganisations:
        """Organisations: details, statistics, inclusive volumes, tariff change."""
        return AsyncOrganisations(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def tariffs(self) -> AsyncTariffs:
        """Tariffs (MNO and reseller API): list, get, create, update, delete."""
        return AsyncTariffs(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def service_profiles(self) -> AsyncServiceProfiles:
        """Service profiles: list, get, create, update, delete, services, traffic limits."""
        return AsyncServiceProfiles(
            self._transport, self._options, page_prefetch=self._page_prefetch
        )

    @functools.cached_property
    def tariff_profiles(self) -> AsyncTariffProfiles:
        """Tariff profiles: CRUD, coverage, ratezone selection and inclusive volume."""
        return AsyncTariffProfiles(
            self._transport, self._options, page_prefetch=self._page_prefetch
        )

    @functools.cached_property
    def ip_address_spaces(self) -> AsyncIpAddressSpaces:
        """IP address spaces: yours, free ones, assign and release."""
        return AsyncIpAddressSpaces(
            self._transport, self._options, page_prefetch=self._page_prefetch
        )

    @functools.cached_property
    def services(self) -> AsyncServices:
        """Services and their traffic limits (lookups, cached per client)."""
        return AsyncServices(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def dns(self) -> AsyncDns:
        """DNS configurations for service profiles: list, create, delete."""
        return AsyncDns(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def data_streams(self) -> AsyncDataStreams:
        """Data Streamer v2: stream usage or event records to your cloud or webhook."""
        return AsyncDataStreams(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def api_callbacks(self) -> AsyncApiCallbacks:
        """API callback URLs, where emnify posts MO SMS and delivery receipts."""
        return AsyncApiCallbacks(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def api_secrets(self) -> AsyncApiSecrets:
        """API secrets, the keys emnify signs its callback requests with."""
        return AsyncApiSecrets(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def lookups(self) -> AsyncLookups:
        """Lookups (countries, currencies, RAT types...), cached per client."""
        return AsyncLookups(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def cloud_connect(self) -> AsyncCloudConnect:
        """CloudConnect: attachments to your AWS, breakout types, regions, prices."""
        return AsyncCloudConnect(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def users(self) -> AsyncUsers:
        """Users: accounts, roles, events, activation, passwords, MFA (`users.mfa`)."""
        return AsyncUsers(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def application_tokens(self) -> AsyncApplicationTokens:
        """Application tokens of the organisation: list, create, update, revoke."""
        return AsyncApplicationTokens(
            self._transport, self._options, page_prefetch=self._page_prefetch
        )

    @functools.cached_property
    def euiccs(self) -> AsyncEuiccs:
        """eUICCs (SGP.32 IoT eSIMs): list, get, linked EIDs; `operations` on their profiles."""
        return AsyncEuiccs(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def sim_operations(self) -> AsyncSimOperations:
        """SIM operations on eSIMs (say, linking profiles to EIDs): trigger, follow."""
        return AsyncSimOperations(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def tags(self) -> AsyncTags:
        """Tags (v2): list, create, update, delete, colours; assign them with `endpoints.tags`."""
        return AsyncTags(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def automations(self) -> AsyncAutomations:
        """Automations: rules that run actions (e-mails, webhooks) when an event happens."""
        return AsyncAutomations(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def workspaces(self) -> AsyncWorkspaces:
        """Workspaces: daily stats, a token for another one (a user's: `users.workspaces`)."""
        return AsyncWorkspaces(self._transport, self._options, page_prefetch=self._page_prefetch)

    # -- settings -------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The API address this client talks to."""
        return self._transport.base_url

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy in force for this client's calls."""
        return (self._options or self._transport.options).retry

    @property
    def timeout(self) -> float:
        """Seconds one attempt of a call may take."""
        return (self._options or self._transport.options).timeout

    def with_options(
        self,
        *,
        timeout: float | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        retry: RetryPolicy | NotGiven = NOT_GIVEN,
    ) -> AsyncEmnify:
        """A view of this client whose calls use other settings.

        `client.with_options(timeout=5, max_retries=0).sims.get(1)`. The view shares the
        connection pool, the token and the pacing with this client; closing it does nothing
        (close the client it came from).

        Args:
            timeout: Seconds one attempt may take.
            max_retries: Retries after the first attempt (overrides `retry`'s).
            retry: A whole retry policy (deadline, backoff, Retry-After cap).

        Raises:
            InputError: A setting is invalid.
        """
        current = self._options or self._transport.options
        policy = current.retry if isinstance(retry, NotGiven) else retry
        if not isinstance(policy, RetryPolicy):
            raise InputError(f"retry must be a RetryPolicy, got {policy!r}")
        if not isinstance(max_retries, NotGiven):
            policy = attrs.evolve(policy, max_retries=max_retries)
        seconds = current.timeout if isinstance(timeout, NotGiven) else timeout
        view = object.__new__(AsyncEmnify)
        view._credentials = self._credentials
        view._transport = self._transport
        view._page_prefetch = self._page_prefetch
        view._options = CallOptions(check_seconds(seconds, "timeout"), policy)
        view._owner = False
        return view

    # -- logging in ---------------------------------------------------------------------------

    async def authenticate(self) -> None:
        """Log in now (POST /api/v1/authenticate; Authenticate), even with a fresh token.

        The client logs in by itself before its first call and whenever its token runs out;
        call this to check the credentials up front (at an app's startup) or to start a new
        session. Later calls use the new token. Transient failures are retried within the
        client's retry policy and deadline, as for any call.

        Raises:
            MissingCredentialsError: The client was given no credentials.
            AuthenticationError: emnify refused them (the message says what to check, never
                the secret).
            APIConnectionError: No answer could be had within the retry policy.
        """
        await self._transport.authenticate(self._options)

    # -- the raw escape hatch -----------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, QueryValue] | None = None,
        json: Any = None,
    ) -> Any:
        """Call any operation of the API, wrapped by the SDK or not, with all of its care.

        The call is authenticated, paced, retried where repeating is harmless (GET, PUT,
        PATCH, DELETE; a POST only when it was provably not processed), bounded in size, and
        its errors are the SDK's typed exceptions. A 3xx is never followed.

        Args:
            method: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
            path: The path, e.g. `/api/v1/endpoint/5/connectivity` (no host, no query).
            params: Query parameters; None values are left out.
            json: The JSON body, if any.

        Returns:
            The decoded JSON answer; the new id for a `201` with a `Location`; None for no
            content.

        Raises:
            InputError: The method, path, parameters or body cannot be sent (nothing is).
        """
        return await raw_request(
            self._transport, self._options, method, path, params=params, json=json
        )

    def request_pages(
        self,
        path: str,
        *,
        params: Mapping[str, QueryValue] | None = None,
        per_page: int | None = None,
    ) -> AsyncPager[Any]:
        """Page through any paged list of the API: a pager over its items as decoded JSON.

        Pages are checked like the SDK's own listings (JSON arrays with pagination headers,
        none short or skipped) and prefetched the same way.

        Args:
            path: The list's path, e.g. `/api/v1/endpoint`.
            params: Query parameters (`q`, `sort`, ...); None values are left out.
            per_page: Page size; the server's default when None.

        Raises:
            InputError: The path, parameters or page size cannot be sent (nothing is).
        """
        return raw_pages(
            self._transport,
            self._options,
            path,
            params=params,
            per_page=per_page,
            prefetch=self._page_prefetch,
        )

    async def close(self) -> None:
        """Close the connection pool. The client cannot be used afterwards.

        On a view from `with_options()` this does nothing: close the client it came from.
        """
        if self._owner:
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
