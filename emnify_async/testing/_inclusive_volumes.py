"""Organisation inclusive volumes: list the active ones, assign a ratezone's, create one."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._billing import day_timestamp, month_start
from emnify_async.testing._catalog import ENTERPRISE, JsonObj
from emnify_async.testing._errors import (
    BAD_REQUEST,
    INPUT_VALIDATION,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    NOT_FOUND,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    ErrorBody,
    error_body,
    json_response,
)
from emnify_async.testing._keys import STATE
from emnify_async.testing._organisations import org_in_scope, today
from emnify_async.testing._routing import Route, int_path_param, json_body, principal

ORG = "/api/v1/organisation"


def _invalid(message: str, errors: list[ErrorBody]) -> ApiError:
    return ApiError.of(INPUT_VALIDATION, message, errors)


def _date(body: dict[str, Any], key: str, errors: list[ErrorBody]) -> dt.date | None:
    raw = body.get(key)
    if raw is None:
        return None
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            pass
    errors.append(error_body(INVALID_FORMAT, f"{key} must look like YYYY-MM-DD"))
    return None


def _period(body: dict[str, Any], errors: list[ErrorBody]) -> tuple[dt.date, dt.date | None]:
    """The billing period: whole months, from the current month on (times are stripped)."""
    this_month = month_start(today())
    start = _date(body, "start_date", errors) or this_month
    end = _date(body, "end_date", errors)
    if start.day != 1:
        errors.append(error_body(OUT_OF_RANGE, "start_date must be the first day of a month"))
    elif start < this_month:
        errors.append(
            error_body(OUT_OF_RANGE, "start_date must be in the current or a future month")
        )
    if end is not None and end.day != calendar.monthrange(end.year, end.month)[1]:
        errors.append(error_body(OUT_OF_RANGE, "end_date must be the last day of a month"))
    elif end is not None and end < start:
        errors.append(error_body(OUT_OF_RANGE, "end_date must not be before start_date"))
    return start, end


def _flag(body: dict[str, Any], key: str, default: bool, errors: list[ErrorBody]) -> bool:
    value = body.get(key, default)
    if not isinstance(value, bool):
        errors.append(error_body(INVALID_FORMAT, f"{key} must be a boolean"))
        return default
    return value


def _number(body: dict[str, Any], key: str, positive: bool, errors: list[ErrorBody]) -> float:
    value = body.get(key)
    if value is None:
        errors.append(error_body(REQUIRED, f"{key} is required"))
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        errors.append(error_body(INVALID_FORMAT, f"{key} must be a number"))
    elif value < 0 or (positive and value == 0):
        errors.append(
            error_body(OUT_OF_RANGE, f"{key} must be {'positive' if positive else '>= 0'}")
        )
    else:
        return float(value)
    return 0.0


def _reference(body: dict[str, Any], key: str, errors: list[ErrorBody]) -> int:
    value = body.get(key)
    ref = value.get("id") if isinstance(value, dict) else None
    if isinstance(ref, int) and not isinstance(ref, bool):
        return ref
    errors.append(error_body(REQUIRED, f'{key} is required as {{"id": n}}'))
    return 0


def _assignment_json(volume: d.OrgVolume) -> JsonObj:
    out: JsonObj = {"id": volume.id, "start_date": day_timestamp(volume.start)}
    if volume.end is not None:
        out["end_date"] = day_timestamp(volume.end)
    out["pooled"] = volume.pooled
    return out


async def active_volumes(request: web.Request) -> web.Response:
    state = request.app[STATE]
    org = org_in_scope(request, "org_id_or_my")
    volumes = state.billing.active_volumes(org.id, today())
    return json_response(200, [state.billing.volume_json(volume) for volume in volumes])


async def assign_volume(request: web.Request) -> web.Response:
    """``PUT .../inclusive_volume/{id}``: a ratezone's offer; replaces the ratezone's volumes."""
    state = request.app[STATE]
    billing = state.billing
    org = org_in_scope(request, "org_id_or_my")
    offer_id = int_path_param(request, "inclusive_volume_id")
    body = await json_body(request)
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise ApiError.of(BAD_REQUEST, "Request body must be a JSON object")
    offer = billing.offers.get(offer_id)
    if offer is None:
        raise ApiError.of(NOT_FOUND, f"Inclusive volume with Id '{offer_id}' not found.")
    errors: list[ErrorBody] = []
    period = _period(body, errors)
    pooled = _flag(body, "pooled", True, errors)
    if errors:
        raise _invalid("Assign inclusive volume validation error", errors)
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
            v for v in billing.active_volumes(org.id, today()) if v.ratezone_id == offer.ratezone_id
        ]
        if org.type_id == ENTERPRISE and any(v.volume >= offer.volume for v in current):
            raise ApiError.of(
                NOT_ALLOWED, "Enterprise organisations may only upgrade their inclusive volume."
            )
    volume = billing.add_volume(
        org.id, offer.tariff_id, offer.ratezone_id, offer.volume, offer.rate, pooled, period
    )
    return json_response(201, _assignment_json(volume))


async def create_volume(request: web.Request) -> web.Response:
    """``POST .../{org_id}/inclusive_volume``: for direct children only, not self-service."""
    state = request.app[STATE]
    billing = state.billing
    org = org_in_scope(request, "org_id")
    if org.id == principal(request).org_id:
        raise ApiError.of(NOT_ALLOWED, "Inclusive volumes cannot be created in self-service.")
    body = await json_body(request)
    if not isinstance(body, dict):
        raise _invalid(
            "Create inclusive volume validation error",
            [error_body(INVALID_FORMAT, "Request body must be a JSON object")],
        )
    errors: list[ErrorBody] = []
    currency_id = _reference(body, "currency", errors)
    ratezone_id = _reference(body, "ratezone", errors)
    rate = _number(body, "rate", True, errors)
    volume = _number(body, "volume", True, errors)
    excess = _number(body, "excess_traffic", False, errors) if "excess_traffic" in body else None
    pooled = _flag(body, "pooled", True, errors)
    multi = _flag(body, "multi", False, errors)
    period = _period(body, errors)
    if errors:
        raise _invalid("Create inclusive volume validation error", errors)
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
    location = f"{ORG}/{org.id}/inclusive_volume/{new.id}"
    return web.Response(status=201, headers={"Location": location})


ROUTES = [
    Route("GET", ORG + "/{org_id_or_my}/inclusive_volume/active", active_volumes),
    Route("PUT", ORG + "/{org_id_or_my}/inclusive_volume/{inclusive_volume_id}", assign_volume),
    Route("POST", ORG + "/{org_id}/inclusive_volume", create_volume),
]
