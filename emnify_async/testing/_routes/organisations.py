"""Organisation routes: details, the status lookup and changing the assigned tariff."""

from __future__ import annotations

import datetime as dt

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import invalid, is_int, json_body
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
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    REQUIRED,
    ApiError,
)
from emnify_async.testing._routing import Route, caller, ok, org_in_scope, principal, state, today

TARIFF_ERROR = "Update tariff validation error"


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
        "country": _country(org.country_id),
        "status": _lookup(ORG_STATUSES, org.status_id),
    }
    if org.parent_id is not None:
        out["relation"] = {"id": 700 + org.id, "type": ORG_RELATION_CUSTOMER}
    out["monthly_cost_limit"] = org.monthly_cost_limit
    out["currency"] = CURRENCIES[org.currency_id]
    out["created"] = created.strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    return out


def _country(country_id: int) -> dict[str, object]:
    """The organisation's country, its codes as strings (the spec's example; the recorded
    operator countries send them so too)."""
    return {
        key: str(value) if key in ("country_code", "mcc") else value
        for key, value in COUNTRIES[country_id].items()
    }


async def my_organisation(request: web.Request) -> web.Response:
    return ok(organisation_json(caller(request)))


async def organisation_statuses(request: web.Request) -> web.Response:
    return ok([_lookup(ORG_STATUSES, key) for key in ORG_STATUSES])


def _requested_tariff(body: object) -> int:
    if not isinstance(body, dict) or "id" not in body:
        raise invalid(TARIFF_ERROR, REQUIRED, "id of the new tariff is required")
    tariff_id = body["id"]
    if not is_int(tariff_id):
        raise invalid(TARIFF_ERROR, INVALID_FORMAT, "id must be an integer")
    return tariff_id


async def update_organisation_tariff(request: web.Request) -> web.Response:
    """``PATCH /organisation/{org_id}/tariff``: the documented rules, then the side effects."""
    billing = state(request).billing
    org = org_in_scope(request, "org_id")
    tariff_id = _requested_tariff(await json_body(request))
    caller_id = principal(request).org_id
    if org.status_id != ORG_ENABLED:
        raise ApiError.of(NOT_ALLOWED, "The organisation must be active to change its tariff.")
    if len(billing.org_tariffs(org.id)) > 1:
        raise ApiError.of(NOT_ALLOWED, "The organisation has more than one tariff assigned.")
    if org.id == caller_id and org.class_id != EVALUATION:
        raise ApiError.of(
            NOT_ALLOWED, "Only organisations in evaluation may change their tariff themselves."
        )
    tariff = billing.tariffs.get(tariff_id)
    visible = tariff is not None and tariff.owner_id == org.parent_id
    if tariff is None or not visible or not (tariff.public or caller_id == tariff.owner_id):
        raise ApiError.of(INVALID_REFERENCE, f"Tariff with Id '{tariff_id}' not found.")
    if tariff.status_id != TARIFF_ACTIVE:
        raise ApiError.of(NOT_ALLOWED, f"Tariff with Id '{tariff_id}' is not active.")
    if tariff.currency_id != org.currency_id:
        raise ApiError.of(
            NOT_ALLOWED, "The tariff's currency differs from the organisation's currency."
        )
    billing.change_tariff(org.id, tariff.id, today(request))
    return web.Response(status=200)


ROUTES = [
    Route("GET", "/api/v1/organisation/my", my_organisation),
    Route("GET", "/api/v1/organisation/status", organisation_statuses),
    Route("PATCH", "/api/v1/organisation/{org_id}/tariff", update_organisation_tariff),
]
