"""Network options of a client: proxy (explicit or from the environment), TLS, event hooks."""

from __future__ import annotations

import ipaddress
import logging
import os
import ssl
import urllib.request
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from contextvars import ContextVar
from inspect import isawaitable
from typing import Literal

import aiohttp
import attrs
from yarl import URL

from ._exceptions import InputError

__all__ = [
    "ATTEMPT",
    "EventHook",
    "Hooks",
    "Network",
    "Proxy",
    "RequestEvent",
    "mask_url",
    "no_proxy_matches",
]

logger = logging.getLogger("emnify")

MASK = "********"

ATTEMPT: ContextVar[int] = ContextVar("emnify_attempt", default=1)
"""The attempt number (1 = first try) of the call running in this task; set by the retrier."""


# -- events ------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RequestEvent:
    """What an event hook sees of one HTTP exchange: never headers, tokens or bodies.

    A `"request"` event comes just before a request is sent; a `"response"` event once its
    answer was read, or once it failed without one (then `error` names the exception type).
    Logging in (POST /api/v1/authenticate) emits events too, like any other request.
    """

    phase: Literal["request", "response"]
    method: str
    path: str
    """The path sent, ids included (`/api/v1/sim/7`), without the query."""
    query: Mapping[str, str]
    """The query parameters sent (paging, filters, sort)."""
    attempt: int
    """The call's attempt this exchange belongs to: 1 for the first try, 2 for the first
    retry, and so on. A login and the replay after a 401 share the attempt that needed them."""
    status: int | None = None
    """The HTTP status (response events), None if no answer came."""
    elapsed: float | None = None
    """Seconds from sending to the end of the answer or failure (response events)."""
    request_id: str | None = None
    """emnify's request id from the answer, when there is one."""
    error: str | None = None
    """The SDK exception's type name (`"APITimeoutError"`) when the exchange failed without a
    complete answer; None otherwise, also for error statuses such as 404 or 503."""


EventHook = Callable[[RequestEvent], "Awaitable[None] | None"]
"""A function called with each `RequestEvent`: plain or `async`; what it raises is logged."""

_PHASES = ("request", "response")


class Hooks:
    """The event hooks of one client, called in order; a hook that raises is logged."""

    __slots__ = ("request", "response")

    def __init__(self, event_hooks: Mapping[str, Sequence[EventHook]] | None = None) -> None:
        hooks = {} if event_hooks is None else event_hooks
        if not isinstance(hooks, Mapping):
            raise InputError(
                'event_hooks must be a mapping like {"request": [fn], "response": [fn]}, '
                f"got {type(hooks).__name__}"
            )
        unknown = sorted(str(k) for k in hooks if k not in _PHASES)
        if unknown:
            raise InputError(
                f"event_hooks keys are 'request' and 'response', got {', '.join(unknown)}"
            )
        found: dict[str, tuple[EventHook, ...]] = {}
        for phase in _PHASES:
            listed = hooks.get(phase, ())
            if (
                callable(listed)
                or isinstance(listed, (str, bytes))
                or not isinstance(listed, Iterable)
            ):
                raise InputError(f"event_hooks[{phase!r}] must be a list of callables")
            for hook in listed:
                if not callable(hook):
                    raise InputError(
                        f"event_hooks[{phase!r}] holds {type(hook).__name__}, not a callable"
                    )
            found[phase] = tuple(listed)
        self.request = found["request"]
        self.response = found["response"]

    def __bool__(self) -> bool:
        return bool(self.request or self.response)

    async def emit(self, hooks: tuple[EventHook, ...], event: RequestEvent) -> None:
        """Call each hook with `event`; log (at WARNING) and swallow what one raises.

        A hook observes; it cannot change the request. So a broken metrics exporter or tracer
        must not fail, or change the outcome of, the API call it watches.
        """
        for hook in hooks:
            try:
                result = hook(event)
                if isawaitable(result):
                    await result
            except Exception:
                logger.warning(
                    "emnify event hook %s raised on the %s event of %s %s; ignored",
                    getattr(hook, "__qualname__", type(hook).__name__),
                    event.phase,
                    event.method,
                    event.path,
                    exc_info=True,
                )


# -- proxies ------------------------------------------------------------------------------------


def mask_url(url: URL) -> str:
    """`url` with its password (or a lone user name, which may be a token) masked."""
    if url.password is not None:
        url = url.with_password(MASK)
    elif url.user is not None:
        url = url.with_user(MASK)
    return str(url)


@attrs.frozen(repr=False)
class Proxy:
    """The proxy a client uses. Its credentials never show: repr and `str` mask them."""

    url: URL
    """The proxy's origin, without credentials."""
    authorization: str | None
    """The `Proxy-Authorization` header value, when the proxy URL carried credentials."""
    source: str
    """Where it came from: the `proxy` argument or an environment variable, said in words."""
    display: str
    """The URL as given, with the password masked."""

    @classmethod
    def parse(cls, value: object, source: str) -> Proxy:
        """Parse a proxy URL (`http://[user:pass@]host[:port]`); the scheme defaults to http."""
        if isinstance(value, URL):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{source} must be a proxy URL such as http://proxy.example:3128")
        text = value.strip()
        if "://" not in text:
            text = "http://" + text  # as requests does for HTTPS_PROXY=proxy.example:3128
        try:
            url = URL(text)
            host, port = url.host, url.port
        except ValueError:
            url, host, port = None, None, None
        if url is None or not host or port is None:
            # Never echo the value: it may hold a password that did not parse.
            raise InputError(
                f"{source} is not a valid proxy URL (http://[user:password@]host:port)"
            )
        display = mask_url(url.with_path("").with_query(None).with_fragment(None))
        if url.scheme != "http":
            raise InputError(
                f"{source} {display!r}: only http:// proxies are supported (HTTPS requests still "
                "go end-to-end encrypted through them, with CONNECT)"
            )
        authorization = None
        if url.user is not None or url.password is not None:
            try:
                authorization = aiohttp.encode_basic_auth(url.user or "", url.password or "")
            except ValueError:
                raise InputError(
                    f"{source} {display!r}: the proxy user name must not contain ':'"
                ) from None
        return cls(url.origin(), authorization, source, display)

    def __repr__(self) -> str:
        return f"Proxy({self.display!r}, source={self.source!r})"

    def __str__(self) -> str:
        return self.display


def _split_host_port(entry: str) -> tuple[str, int | None]:
    """`host`, `host:port`, `[v6]`, `[v6]:port` or a bare IPv6 address."""
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
        return host, int(port) if port.isdigit() else None
    if entry.count(":") == 1:
        host, _, port = entry.partition(":")
        if port.isdigit():
            return host, int(port)
    return entry, None


def no_proxy_matches(no_proxy: str, host: str, port: int | None) -> bool:
    """Whether a `NO_PROXY` value exempts `host` (at `port`) from the proxy.

    Entries are separated by commas or spaces: `*` (every host); a host name, which also covers
    its subdomains (`example.org` and `.example.org` both match `api.example.org`, but not
    `badexample.org`); an IP address or a CIDR network (`127.0.0.1`, `::1`, `10.0.0.0/8`);
    any of these with `:port` to exempt that port only. Matching ignores case.
    """
    host = host.lower().rstrip(".").strip("[]")
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
    except ValueError:
        address = None
    for raw in no_proxy.replace(",", " ").split():
        entry = raw.lower()
        if entry == "*":
            return True
        name, entry_port = _split_host_port(entry)
        if entry_port is not None and entry_port != port:
            continue
        if address is not None:
            try:
                if address in ipaddress.ip_network(name, strict=False):
                    return True
            except ValueError:
                pass
            continue
        name = name.lstrip("*").strip(".")
        if name and (host == name or host.endswith("." + name)):
            return True
    return False


def proxy_from_environment(url: URL) -> Proxy | None:
    """The proxy the environment sets for `url`, as requests reads it, or None.

    `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for http ones, else
    `all_proxy`/`ALL_PROXY`; lower case wins, an empty value unsets. `no_proxy`/`NO_PROXY`
    exempts hosts. (Read with the standard library, which also ignores `HTTP_PROXY` in a CGI
    script, where a client could have set it.)
    """
    proxies = urllib.request.getproxies_environment()
    no_proxy = proxies.get("no", "")
    assert url.host is not None
    if no_proxy and no_proxy_matches(no_proxy, url.host, url.port):
        return None
    for key in (url.scheme, "all"):
        value = proxies.get(key)
        if value:
            name = f"{key}_proxy"
            source = name if os.environ.get(name) == value else name.upper()
            return Proxy.parse(value, f"the environment variable {source}")
    return None


# -- TLS ----------------------------------------------------------------------------------------

_SSL_HOWTO = (
    "pass an ssl.SSLContext that trusts your CA instead, for example "
    "ssl=ssl.create_default_context(cafile='/path/to/ca.pem')"
)


def check_ssl(value: object) -> ssl.SSLContext | None:
    """A verifying `ssl.SSLContext`, or None for the default; InputError for anything else."""
    if value is None or value is True:
        return None
    if isinstance(value, ssl.SSLContext):
        if value.verify_mode == ssl.CERT_NONE:
            raise InputError(
                "ssl must verify certificates: this context has verify_mode CERT_NONE, which "
                "would let anyone on the path read the token; " + _SSL_HOWTO
            )
        return value
    if value is False:
        raise InputError(
            "ssl=False would switch off certificate verification, which the SDK refuses "
            "(anyone on the path could read the token); " + _SSL_HOWTO
        )
    if isinstance(value, (str, os.PathLike)):
        raise InputError(f"ssl takes an ssl.SSLContext, not a path; {_SSL_HOWTO}")
    raise InputError(
        f"ssl must be an ssl.SSLContext, or None for the default verifying context, got "
        f"{type(value).__name__}; {_SSL_HOWTO}"
    )


# -- all together -------------------------------------------------------------------------------


@attrs.frozen
class Network:
    """How one client reaches the API: its proxy, TLS context and event hooks."""

    proxy: Proxy | None
    ssl_context: ssl.SSLContext | None
    hooks: Hooks

    @classmethod
    def create(
        cls,
        base_url: str,
        *,
        proxy: object = None,
        trust_env: object = True,
        ssl: object = None,
        event_hooks: Mapping[str, Sequence[EventHook]] | None = None,
    ) -> Network:
        """Check the options and resolve the proxy for `base_url` (the environment is read now).

        An explicit `proxy` is always used; otherwise, with `trust_env`, the environment's.
        """
        if not isinstance(trust_env, bool):
            raise InputError(f"trust_env must be True or False, got {trust_env!r}")
        resolved: Proxy | None = None
        if proxy is not None:
            resolved = Proxy.parse(proxy, "the proxy argument")
        elif trust_env:
            resolved = proxy_from_environment(URL(base_url))
        return cls(resolved, check_ssl(ssl), Hooks(event_hooks))

    def proxy_headers(self) -> dict[str, str] | None:
        """The headers to send the proxy (its credentials), if it needs any."""
        if self.proxy is None or self.proxy.authorization is None:
            return None
        return {"Proxy-Authorization": self.proxy.authorization}
