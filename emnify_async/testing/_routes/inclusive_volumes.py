"""Organisation inclusive volumes: list the active ones, assign a ratezone's, create one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import FieldErrors, json_object
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._dates import day_timestamp, month_end, month_start
from emnify_async.testing._errors import (
    INVALID_REFERENCE,
    NOT_ALLOWED,
    OUT_OF_RANGE,
    ApiError,
    not_found,
)
from emnify_async.testing._routing import (
    Route,
    created,
    ok,
    org_in_scope,
    path_id,
    principal,
    state,
    today,
)

ORG = "/api/v1/organisation"
ASSIGN_ERROR = "Assign inclusive volume validation error"
CREATE_ERROR = "Create inclusive volume validation error"


def _period(
    body: dict[str, Any], check: FieldErrors, current: dt.date
) -> tuple[dt.date, dt.date | None]:
    """The billing period: whole months, from the current month on (times are stripped)."""
    this_month = month_start(current)
    start = check.date(body, "start_date") or this_month
    end = check.date(body, "end_date")
    if start.day != 1:
        check.add(OUT_OF_RANGE, "start_date must be the first day of a month")
    elif start < this_month:
        check.add(OUT_OF_RANGE, "start_date must be in the current or a future month")
    if end is not None and end != month_end(end):
        check.add(OUT_OF_RANGE, "end_date must be the last day of a month")
    elif end is not None and end < start:
        check.add(OUT_OF_RANGE, "end_date must not be before start_date")
    return start, end


def _assignment_json(volume: d.OrgVolume) -> JsonObj:
    out: JsonObj = {"id": volume.id, "start_date": day_timestamp(volume.start)}
    if volume.end is not None:
        out["end_date"] = day_timestamp(volume.end)
    out["pooled"] = volume.pooled
    return out


async def active_volumes(request: web.Request) -> web.Response:
    billing = state(request).billing
    org = org_in_scope(request, "org_id_or_my")
    volumes = billing.active_volumes(org.id, today(request))
    return ok([billing.volume_json(volume) for volume in volumes])


async def assign_volume(request: web.Request) -> web.Response:
    """``PUT .../inclusive_volume/{id}``: a ratezone's offer; replaces the ratezone's volumes."""
    billing = state(request).billing
    org = org_in_scope(request, "org_id_or_my")
    offer_id = path_id(request, "inclusive_volume_id")
    body = await json_object(request, ASSIGN_ERROR, status=400, optional=True)
    offer = billing.offers.get(offer_id)
    if offer is None:
        raise not_found("Inclusive volume", offer_id)
    day = today(request)
    check = FieldErrors(ASSIGN_ERROR)
    period = _period(body, check, day)
    pooled = check.flag(body, "pooled", True)
    check.raise_if_any()
    if offer.tariff_id not in billing.org_tariffs(org.id):
        raise ApiError.of(
            NOT_ALLOWED, "The inclusive volume's ratezone is not in the organisation's tariffs."
        )
    if org.id == principal(request).org_id:
        if org.prepaid:
            raise ApiError.of(
                NOT_ALLOWED, "Only postpaid organisations can assign inclusive volumes."
            )
        current = [
            v for v in billing.active_volumes(org.id, day) if v.ratezone_id == offer.ratezone_id
        ]
        if org.is_enterprise and any(v.volume >= offer.volume for v in current):
            raise ApiError.of(
                NOT_ALLOWED, "Enterprise organisations may only upgrade their inclusive volume."
            )
    volume = billing.add_volume(
        org.id, offer.tariff_id, offer.ratezone_id, offer.volume, offer.rate, pooled, period
    )
    return ok(_assignment_json(volume), status=201)


async def create_volume(request: web.Request) -> web.Response:
    """``POST .../{org_id}/inclusive_volume``: for direct children only, not self-service."""
    billing = state(request).billing
    org = org_in_scope(request, "org_id")
    if org.id == principal(request).org_id:
        raise ApiError.of(NOT_ALLOWED, "Inclusive volumes cannot be created in self-service.")
    body = await json_object(request, CREATE_ERROR)
    check = FieldErrors(CREATE_ERROR)
    currency_id = check.reference(body, "currency")
    ratezone_id = check.reference(body, "ratezone")
    rate = check.number(body, "rate", positive=True)
    volume = check.number(body, "volume", positive=True)
    excess = check.number(body, "excess_traffic") if "excess_traffic" in body else None
    pooled = check.flag(body, "pooled", True)
    multi = check.flag(body, "multi", False)
    period = _period(body, check, today(request))
    check.raise_if_any()
    if currency_id != org.currency_id:
        raise ApiError.of(NOT_ALLOWED, "The currency must be the organisation's currency.")
    found = billing.ratezone(ratezone_id)
    if found is None:
        raise ApiError.of(INVALID_REFERENCE, f"Ratezone with Id '{ratezone_id}' not found.")
    tariff, _ = found
    if tariff.id not in billing.org_tariffs(org.id):
        raise ApiError.of(NOT_ALLOWED, "The ratezone is not in the organisation's tariffs.")
    new = billing.add_volume(org.id, tariff.id, ratezone_id, volume, rate, pooled, period, multi)
    if excess is not None:
        billing.add_custom_rate(org.id, ratezone_id, excess, period)
    return created(f"{ORG}/{org.id}/inclusive_volume/{new.id}")


ROUTES = [
    Route("GET", ORG + "/{org_id_or_my}/inclusive_volume/active", active_volumes),
    Route("PUT", ORG + "/{org_id_or_my}/inclusive_volume/{inclusive_volume_id}", assign_volume),
    Route("POST", ORG + "/{org_id}/inclusive_volume", create_volume),
]
