"""Organisation routes: details, the status lookup and changing the assigned tariff."""

from __future__ import annotations

import datetime as dt

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import (
    COUNTRIES,
    CURRENCIES,
    EVALUATION,
    ORG_CLASSES,
    ORG_ENABLED,
    ORG_RELATION_CUSTOMER,
    ORG_STATUSES,
    ORG_TYPES,
    TARIFF_ACTIVE,
    JsonObj,
)
from emnify_async.testing._errors import (
    BAD_REQUEST,
    INPUT_VALIDATION,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    NOT_FOUND,
    REQUIRED,
    ApiError,
    ErrorKind,
    error_body,
    json_response,
)
from emnify_async.testing._keys import STATE
from emnify_async.testing._routing import Route, json_body, principal


def today() -> dt.date:
    """The emulator's billing clock: the real UTC date."""
    return dt.datetime.now(dt.timezone.utc).date()


def org_in_scope(request: web.Request, name: str, missing: ErrorKind = NOT_FOUND) -> d.Organisation:
    """The path's organisation (``my``, the caller, or a direct child of the caller).

    Any other id answers ``missing`` (the API documents 404 or 422 depending on the route);
    a value that is neither a number nor ``my`` is a 400.
    """
    state = request.app[STATE]
    raw = request.match_info[name]
    caller = principal(request).org_id
    if raw == "my":
        return state.organisations[caller]
    if not raw.isdigit():
        raise ApiError.of(BAD_REQUEST, f"Invalid {name} '{raw}'")
    org = state.organisations.get(int(raw))
    if org is None or caller not in (org.id, org.parent_id):
        raise ApiError.of(missing, f"Organisation with Id '{raw}' not found or not accessible.")
    return org


def _lookup(table: dict[int, str], key: int) -> JsonObj:
    return {"id": key, "description": table[key]}


def organisation_json(org: d.Organisation) -> JsonObj:
    created = dt.datetime.fromtimestamp(org.created_ts, dt.timezone.utc)
    out: JsonObj = {
        "id": org.id,
        "name": org.name,
        "ext_reference": f"EMU-{org.id}",
        "type": _lookup(ORG_TYPES, org.type_id),
        "class": _lookup(ORG_CLASSES, org.class_id),
        "country": COUNTRIES[org.country_id],
        "status": _lookup(ORG_STATUSES, org.status_id),
    }
    if org.parent_id is not None:
        out["relation"] = {"id": 700 + org.id, "type": ORG_RELATION_CUSTOMER}
    out["monthly_cost_limit"] = org.monthly_cost_limit
    out["currency"] = CURRENCIES[org.currency_id]
    out["created"] = created.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    return out


async def my_organisation(request: web.Request) -> web.Response:
    state = request.app[STATE]
    return json_response(200, organisation_json(state.organisations[principal(request).org_id]))


async def organisation_statuses(request: web.Request) -> web.Response:
    return json_response(200, [_lookup(ORG_STATUSES, key) for key in ORG_STATUSES])


def _requested_tariff(body: object) -> int:
    if not isinstance(body, dict) or "id" not in body:
        raise ApiError.of(
            INPUT_VALIDATION,
            "Update tariff validation error",
            [error_body(REQUIRED, "id of the new tariff is required")],
        )
    tariff_id = body["id"]
    if isinstance(tariff_id, bool) or not isinstance(tariff_id, int):
        raise ApiError.of(
            INPUT_VALIDATION,
            "Update tariff validation error",
            [error_body(INVALID_FORMAT, "id must be an integer")],
        )
    return tariff_id


async def update_organisation_tariff(request: web.Request) -> web.Response:
    """``PATCH /organisation/{org_id}/tariff``: the documented rules, then the side effects."""
    state = request.app[STATE]
    billing = state.billing
    org = org_in_scope(request, "org_id")
    tariff_id = _requested_tariff(await json_body(request))
    caller = principal(request).org_id
    if org.status_id != ORG_ENABLED:
        raise ApiError.of(NOT_ALLOWED, "The organisation must be active to change its tariff.")
    if len(billing.org_tariffs(org.id)) > 1:
        raise ApiError.of(NOT_ALLOWED, "The organisation has more than one tariff assigned.")
    if org.id == caller and org.class_id != EVALUATION:
        raise ApiError.of(
            NOT_ALLOWED, "Only organisations in evaluation may change their tariff themselves."
        )
    tariff = billing.tariffs.get(tariff_id)
    visible = tariff is not None and tariff.owner_id == org.parent_id
    if tariff is None or not visible or not (tariff.public or caller == tariff.owner_id):
        raise ApiError.of(INVALID_REFERENCE, f"Tariff with Id '{tariff_id}' not found.")
    if tariff.status_id != TARIFF_ACTIVE:
        raise ApiError.of(NOT_ALLOWED, f"Tariff with Id '{tariff_id}' is not active.")
    if tariff.currency_id != org.currency_id:
        raise ApiError.of(
            NOT_ALLOWED, "The tariff's currency differs from the organisation's currency."
        )
    billing.change_tariff(org.id, tariff.id, today())
    return web.Response(status=200)


ROUTES = [
    Route("GET", "/api/v1/organisation/my", my_organisation),
    Route("GET", "/api/v1/organisation/status", organisation_statuses),
    Route("PATCH", "/api/v1/organisation/{org_id}/tariff", update_organisation_tariff),
]
