"""Data limits of a service profile (newer docs): list, add, remove one or all.

They are kept apart from the traffic limits assigned to the profile's services
(``_routes/service_profiles.py``): the docs say neither disables nor removes the other. As
documented, a profile that is not the caller's answers 403; a data limit that is not the
profile's answers 404 (a choice: the docs list no error for it).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._body import is_int, json_body
from emnify_async.testing._catalog import SERVICE_DATA, SERVICES, JsonObj
from emnify_async.testing._device_data import DataLimit, ServiceProfile
from emnify_async.testing._errors import BAD_REQUEST, DUPLICATED, FORBIDDEN, ApiError, not_found
from emnify_async.testing._routing import Route, created, no_content, ok, path_id, principal, state

PATH = "/api/v1/service_profile/{profile_id}/traffic_limit"
ONE = PATH + "/{limit_id}"
MONTHLY = 2
"""The only period the docs allow: calendar months, reset at 00:00 UTC on the 1st."""
KEYS = frozenset({"service", "satellite_only", "period", "volume", "warning_percent"})
MAX_VOLUME = 2**63 - 1


def render(limit: DataLimit) -> JsonObj:
    out: JsonObj = {
        "id": limit.id,
        "service": {
            "id": limit.service_id,
            "description": SERVICES[limit.service_id]["description"],
        },
        "satellite_only": limit.satellite_only,
        "period": {"id": MONTHLY, "time_units": 1, "unit": "Months"},
        "volume": limit.volume,
    }
    if limit.warning_percent is not None:
        out["warning_percent"] = limit.warning_percent
    return out


def _profile(request: web.Request) -> ServiceProfile:
    """The path's profile of the caller; another's or an unknown one is 403, as documented."""
    profile_id = path_id(request, "profile_id")
    profile = state(request).profiles.service_profile(principal(request).org_id, profile_id)
    if profile is None:
        raise ApiError.of(
            FORBIDDEN, f"Service Profile with Id '{profile_id}' is not found or not accessible."
        )
    return profile


def _ref_id(body: dict[str, Any], key: str) -> object:
    """The id of ``{"id": ...}`` as sent: the docs' enum writes it as a string (``"38"``), the
    API's convention as a number; both are taken."""
    value = body.get(key)
    if not isinstance(value, dict) or set(value) != {"id"}:
        raise ApiError.of(BAD_REQUEST, f"{key} must be an object {{id}}")
    ident = value["id"]
    if isinstance(ident, str) and ident.isdigit():
        return int(ident)
    return ident


def _invalid(message: str) -> ApiError:
    return ApiError.of(BAD_REQUEST, f"Invalid data limit: {message}")


async def list_limits(request: web.Request) -> web.Response:
    return ok([render(limit) for limit in _profile(request).data_limits])


async def add_limit(request: web.Request) -> web.Response:
    """201 with the new limit's ``Location``; one limit per service and ``satellite_only``."""
    profile = _profile(request)
    body = await json_body(request)
    if not isinstance(body, dict):
        raise _invalid("the body must be a JSON object")
    if set(body) - KEYS:
        raise _invalid(f"unknown fields {sorted(set(body) - KEYS)}")
    if "service" not in body or "volume" not in body:
        raise _invalid("service and volume are required")
    if _ref_id(body, "service") != SERVICE_DATA:
        raise _invalid(f"the only supported service is Data ({SERVICE_DATA})")
    if "period" in body and _ref_id(body, "period") != MONTHLY:
        raise _invalid(f"the only supported period is Monthly ({MONTHLY})")
    volume = body["volume"]
    if not is_int(volume) or not 0 < volume <= MAX_VOLUME:
        raise _invalid("volume must be a positive whole number of bytes")
    percent = body.get("warning_percent")
    if percent is not None and (not is_int(percent) or not 1 <= percent <= 100):
        raise _invalid("warning_percent must be a whole number from 1 to 100")
    satellite_only = body.get("satellite_only", False)
    if not isinstance(satellite_only, bool):
        raise _invalid("satellite_only must be true or false")
    if any(
        (limit.service_id, limit.satellite_only) == (SERVICE_DATA, satellite_only)
        for limit in profile.data_limits
    ):
        raise ApiError.of(
            DUPLICATED,
            f"Data limit for Service with Id '{SERVICE_DATA}' and satellite_only "
            f"'{str(satellite_only).lower()}' already exists.",
        )
    limit = state(request).profiles.add_data_limit(
        profile, SERVICE_DATA, satellite_only, volume, percent
    )
    return created(f"/api/v1/service_profile/{profile.id}/traffic_limit/{limit.id}")


async def remove_limits(request: web.Request) -> web.Response:
    state(request).profiles.remove_data_limits(_profile(request))
    return no_content()


async def remove_limit(request: web.Request) -> web.Response:
    profile = _profile(request)
    limit_id = path_id(request, "limit_id")
    limit = next((limit for limit in profile.data_limits if limit.id == limit_id), None)
    if limit is None:
        raise not_found("Data limit", limit_id)
    state(request).profiles.remove_data_limit(profile, limit)
    return no_content()


ROUTES = [
    Route("GET", PATH, list_limits),
    Route("POST", PATH, add_limit),
    Route("DELETE", PATH, remove_limits),
    Route("DELETE", ONE, remove_limit),
]
