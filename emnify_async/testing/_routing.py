"""What a route module is built from: the ``Route`` entry and the request-level helpers.

A handler reads who calls (:func:`principal`, :func:`caller`), the path's ids
(:func:`path_id`), checks that the caller may see the object (:func:`org_in_scope`,
:func:`owned_id`, :func:`not_enterprise`), asks the emulator's clock (:func:`now`,
:func:`today`) and answers (:func:`ok`, :func:`created`, :func:`no_content`). Paging is in
``_pagination``, request bodies in ``_body``, error bodies in ``_errors``, dates in ``_dates``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from aiohttp import web

from emnify_async.testing._auth import Principal
from emnify_async.testing._data import Organisation
from emnify_async.testing._errors import (
    BAD_REQUEST,
    FORBIDDEN,
    NOT_FOUND,
    ApiError,
    ErrorKind,
    json_response,
    not_found,
)
from emnify_async.testing._keys import PRINCIPAL, STATE
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._state import EmulatorState

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Paging:
    """How one list route pages: ``per_page`` when missing or below 1, its upper clamp, and
    the headers' quirks, as recorded per route."""

    default: int
    maximum: int
    lower_case: bool = False
    """Send the pagination headers in lower case (the Express-based routes, e.g. events)."""
    default_sort: str = ""
    """``X-Sort`` when no ``sort`` is given (``"id"`` where emnify sends that)."""
    link: Literal["always", "paged", "empty"] = "always"
    """``Link``: always, only when there is more than one page, or always ``""``."""
    filter_when_given: bool = False
    """Send ``X-Filter`` only with a ``q`` (else always, empty without one)."""


@dataclass(frozen=True)
class Route:
    """One operation: where it lives, who may call it, how it is limited and paged."""

    method: str
    path: str
    handler: Handler
    limit: Limit | None = None
    """emnify's documented rate limit of the path (enforced with ``rate_limits=True``)."""
    paging: Paging | None = None
    """Set for paged list routes; :func:`~emnify_async.testing._pagination.list_query` reads it."""
    public: bool = False
    """Served without a bearer token."""

    @property
    def paged(self) -> bool:
        return self.paging is not None


ROUTE = web.RequestKey("emnify_route", Route)
"""The matched :class:`Route`, set by the application before authentication."""


# --- who calls, and when ----------------------------------------------------------------------


def state(request: web.Request) -> EmulatorState:
    return request.app[STATE]


def principal(request: web.Request) -> Principal:
    return request[PRINCIPAL]


def caller(request: web.Request) -> Organisation:
    """The calling organisation (from the bearer token)."""
    return request.app[STATE].organisations[request[PRINCIPAL].org_id]


def now(request: web.Request) -> dt.datetime:
    """The emulator's current time, in UTC."""
    return request.app[STATE].now()


def today(request: web.Request) -> dt.date:
    """The emulator's current UTC date (the billing and statistics calendar)."""
    return request.app[STATE].now().date()


def base_url(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}"


# --- path parameters and scope ------------------------------------------------------------------


def path_id(request: web.Request, name: str) -> int:
    """An integer path parameter, or 400 BadRequest."""
    raw = request.match_info[name]
    try:
        return int(raw)
    except ValueError:
        raise ApiError.of(BAD_REQUEST, f"Invalid {name} '{raw}'") from None


def owned_id(request: web.Request, name: str, owns: Callable[[int, int], bool], what: str) -> int:
    """The path's id when ``owns(caller org id, id)``, else 404 ``"<what> with Id .. not found."``.

    Objects of other organisations are reported as missing, as emnify does.
    """
    ident = path_id(request, name)
    if not owns(request[PRINCIPAL].org_id, ident):
        raise not_found(what, ident)
    return ident


def org_in_scope(request: web.Request, name: str, missing: ErrorKind = NOT_FOUND) -> Organisation:
    """The path's organisation: ``my``, the caller, or a direct child of the caller.

    Any other id answers ``missing`` (emnify documents 404 or 422 depending on the route); a
    value that is neither a number nor ``my`` is a 400.
    """
    orgs = request.app[STATE].organisations
    raw = request.match_info[name]
    caller_id = request[PRINCIPAL].org_id
    if raw == "my":
        return orgs[caller_id]
    if not raw.isdigit():
        raise ApiError.of(BAD_REQUEST, f"Invalid {name} '{raw}'")
    org = orgs.get(int(raw))
    if org is None or not orgs.in_scope(caller_id, org.id):
        raise ApiError.of(missing, f"Organisation with Id '{raw}' not found or not accessible.")
    return org


def not_enterprise(request: web.Request, message: str) -> Organisation:
    """The calling organisation, or 403 Forbidden when it is an Enterprise (MNO/reseller APIs)."""
    org = caller(request)
    if org.is_enterprise:
        raise ApiError.of(FORBIDDEN, message)
    return org


# --- answers ----------------------------------------------------------------------------------


def ok(body: Any, status: int = 200) -> web.Response:
    """A JSON answer."""
    return json_response(status, body)


def created(location: str) -> web.Response:
    """201 with a ``Location`` header and no body."""
    return web.Response(status=201, headers={"Location": location})


def created_at(request: web.Request, path: str) -> web.Response:
    """201 with an absolute ``Location`` (``https://cdn.emnify.net/api/v1/endpoint/11380016``
    was recorded for a new endpoint) and no body."""
    return created(base_url(request) + path)


def no_content() -> web.Response:
    return web.Response(status=204)
