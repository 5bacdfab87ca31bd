"""Settings of an endpoint: operator blacklist, prepaid balance, data and SMS quotas."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._catalog import (
    PEAK_THROUGHPUTS,
    QUOTA_ACTIONS,
    QUOTA_EVENTS,
    QUOTA_STATUSES,
    QUOTA_THROTTLE,
)
from emnify_async.testing._dates import parse_timestamp
from emnify_async.testing._device_routing import ENDPOINT_PATH, own_endpoint
from emnify_async.testing._errors import (
    DUPLICATED,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_FOUND,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    not_found,
)
from emnify_async.testing._operators import OPERATORS, operator_brief
from emnify_async.testing._routing import Route, no_content, ok, path_id, state
from emnify_async.testing._stores.device_settings import Quota, QuotaKind

BALANCE_ERROR = "Update prepaid balance validation error"
PEAK_ERROR = "Invalid peak throughput, acceptable values are 64000, 128000, 256000 and 384000."
QUOTA_FIELDS = frozenset(
    {
        "status",
        "volume",
        "expiry_date",
        "action_on_exhaustion",
        "peak_throughput",
        "auto_refill",
        "threshold_percentage",
        # read-only parts of the quota object, accepted and ignored
        "threshold_volume",
        "last_volume_added",
        "last_status_change_date",
    }
)


# --- operator blacklist ---------------------------------------------------------------------


async def list_blacklist(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    listed = state(request).device_settings.of(endpoint_id).blacklist
    return ok([operator_brief(OPERATORS[operator_id]) for operator_id in listed])


async def add_to_blacklist(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    operator_id = path_id(request, "operator_id")
    if operator_id not in OPERATORS:
        raise not_found("Operator", operator_id)
    settings = state(request).device_settings
    if operator_id in settings.of(endpoint_id).blacklist:
        raise ApiError.of(
            DUPLICATED,
            f"Operator with Id '{operator_id}' is already blacklisted on Endpoint with Id "
            f"'{endpoint_id}'.",
        )
    settings.blacklist(endpoint_id, operator_id)
    return no_content()


async def remove_from_blacklist(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    operator_id = path_id(request, "operator_id")
    settings = state(request).device_settings
    if operator_id not in settings.of(endpoint_id).blacklist:
        raise ApiError.of(
            NOT_FOUND,
            f"Operator with Id '{operator_id}' is not blacklisted on Endpoint with Id "
            f"'{endpoint_id}'.",
        )
    settings.unblacklist(endpoint_id, operator_id)
    return no_content()


# --- prepaid balance --------------------------------------------------------------------------


def _currency(request: web.Request, endpoint_id: int) -> int:
    emu = state(request)
    endpoint = emu.endpoints.get(endpoint_id)
    assert endpoint is not None
    return emu.organisations[endpoint.org_id].currency_id


def _future(
    body: dict[str, Any], key: str, check: FieldErrors, now: float, *, required: bool = True
) -> int | None:
    """A timestamp in the future (None when it is optional and not given)."""
    raw = body.get(key)
    if raw is None:
        if not required:
            return None
        check.add(REQUIRED, f"{key} is required")
        return 0
    ts = parse_timestamp(raw)
    if ts is None:
        check.add(INVALID_FORMAT, f"{key} must be a timestamp")
        return 0
    if ts <= now:
        check.add(OUT_OF_RANGE, f"{key} must be in the future")
    return ts


async def get_balance(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    settings = state(request).device_settings
    balance = settings.of(endpoint_id).balance
    return ok(settings.balance_json(balance, _currency(request, endpoint_id)))


async def top_up_balance(request: web.Request) -> web.Response:
    """Adds ``amount`` (may be negative) and sets ``expiry_date`` if given: 201, empty body.

    The spec marks no field of this body required; a top-up without ``expiry_date`` keeps the
    balance's current expiry.
    """
    endpoint_id = own_endpoint(request)
    emu = state(request)
    body = await json_object(request, BALANCE_ERROR)
    check = FieldErrors(BALANCE_ERROR)
    amount = body.get("amount")
    if amount is None:
        check.add(REQUIRED, "amount is required")
    elif isinstance(amount, bool) or not isinstance(amount, int | float):
        check.add(INVALID_FORMAT, "amount must be a number")
    expiry = _future(body, "expiry_date", check, emu.clock(), required=False)
    currency_id = _currency(request, endpoint_id)
    if "currency" in body:
        given = body["currency"].get("id") if isinstance(body["currency"], dict) else None
        if given != currency_id:
            check.add(
                INVALID_REFERENCE, f"Currency with Id '{given}' is not the organisation's currency."
            )
    check.raise_if_any()
    emu.device_settings.top_up(endpoint_id, float(amount), expiry, currency_id)  # type: ignore[arg-type]
    return web.Response(status=201)


async def reset_balance(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    state(request).device_settings.reset_balance(endpoint_id, _currency(request, endpoint_id))
    return no_content()


# --- quotas -----------------------------------------------------------------------------------


def _kind(request: web.Request) -> QuotaKind:
    return "data" if request.path.endswith("/data") else "sms"


def _quota(body: dict[str, Any], kind: QuotaKind, check: FieldErrors, now: float) -> Quota:
    """The quota a POST body describes (problems are collected in ``check``)."""
    for key in body:
        if key not in QUOTA_FIELDS:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    status = body.get("status")
    status_id = status.get("id") if isinstance(status, dict) else None
    if status is None:
        check.add(REQUIRED, "status is required")
    elif not is_int(status_id) or status_id not in QUOTA_STATUSES:
        check.add(INVALID_REFERENCE, f"Quota status with Id '{status_id}' not found.")
    volume = check.number(body, "volume")
    expiry = _future(body, "expiry_date", check, now) or 0
    action = body.get("action_on_exhaustion")
    action_id = action.get("id") if isinstance(action, dict) else None
    if action is None and kind == "data":
        check.add(REQUIRED, "action_on_exhaustion is required")
    elif action is not None and (not is_int(action_id) or action_id not in QUOTA_ACTIONS):
        check.add(INVALID_REFERENCE, f"Action on exhaustion with Id '{action_id}' not found.")
    peak = body.get("peak_throughput")
    if isinstance(action, dict) and "peak_throughput" in action:
        peak = action["peak_throughput"]
    if kind == "data" and action_id == QUOTA_THROTTLE and peak not in PEAK_THROUGHPUTS:
        check.add(OUT_OF_RANGE, PEAK_ERROR)
    refill = body.get("auto_refill", 0)
    if refill not in (0, 1):  # also True and False
        check.add(INVALID_FORMAT, "auto_refill must be 0 or 1")
    threshold = body.get("threshold_percentage")
    if threshold is None and kind == "sms":
        check.add(REQUIRED, "threshold_percentage is required")
    elif threshold is not None and (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 0 <= threshold <= 100
    ):
        check.add(OUT_OF_RANGE, "threshold_percentage must be a number from 0 to 100")
    return Quota(
        status_id=status_id if is_int(status_id) else 1,
        volume=volume,
        expiry_ts=expiry,
        action_id=action_id if is_int(action_id) else 1,
        changed_ts=int(now),
        peak_throughput=peak if is_int(peak) and action_id == QUOTA_THROTTLE else None,
        auto_refill=bool(refill),
        threshold_percentage=None if threshold is None else float(threshold),
    )


def _no_quota(kind: QuotaKind, endpoint_id: int) -> ApiError:
    label = QUOTA_EVENTS[kind][2]
    return ApiError.of(
        NOT_FOUND, f"No {label} Quota configured for Endpoint with Id '{endpoint_id}'."
    )


async def get_quota(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    kind = _kind(request)
    settings = state(request).device_settings
    quota = settings.of(endpoint_id).quotas.get(kind)
    if quota is None:
        raise _no_quota(kind, endpoint_id)
    return ok(settings.quota_json(quota, kind))


async def set_quota(request: web.Request) -> web.Response:
    """Sets (replaces) the quota: 201, empty body; an invalid body: 422 listing each problem."""
    endpoint_id = own_endpoint(request)
    kind = _kind(request)
    emu = state(request)
    what = f"Set {QUOTA_EVENTS[kind][2]} quota validation error"
    body = await json_object(request, what)
    check = FieldErrors(what)
    quota = _quota(body, kind, check, emu.clock())
    check.raise_if_any()
    emu.device_settings.set_quota(endpoint_id, kind, quota)
    assigned, _, label = QUOTA_EVENTS[kind]
    detail = {"quota": emu.device_settings.quota_json(quota, kind)}
    emu.endpoints.record_event(endpoint_id, (assigned, 2, 0), f"{label} quota assigned.", detail)
    return web.Response(status=201)


async def delete_quota(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    kind = _kind(request)
    emu = state(request)
    if kind not in emu.device_settings.of(endpoint_id).quotas:
        raise _no_quota(kind, endpoint_id)
    emu.device_settings.delete_quota(endpoint_id, kind)
    _, deleted, label = QUOTA_EVENTS[kind]
    emu.endpoints.record_event(endpoint_id, (deleted, 2, 0), f"{label} quota deleted.")
    return no_content()


BLACKLIST = ENDPOINT_PATH + "/operator_blacklist"
ROUTES = [
    Route("GET", BLACKLIST, list_blacklist),
    Route("PUT", BLACKLIST + "/{operator_id}", add_to_blacklist),
    Route("DELETE", BLACKLIST + "/{operator_id}", remove_from_blacklist),
    Route("GET", ENDPOINT_PATH + "/balance", get_balance),
    Route("POST", ENDPOINT_PATH + "/balance", top_up_balance),
    Route("DELETE", ENDPOINT_PATH + "/balance", reset_balance),
    *(
        Route(method, ENDPOINT_PATH + f"/quota/{kind}", handler)
        for kind in ("data", "sms")
        for method, handler in (("GET", get_quota), ("POST", set_quota), ("DELETE", delete_quota))
    ),
]
