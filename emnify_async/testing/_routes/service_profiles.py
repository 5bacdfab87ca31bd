"""Service profiles: list, create, details, update, delete, their services and traffic limits,
and removing the quotas of their endpoints (``/api/v1/service_profile``)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._catalog import (
    BREAKOUT_REGIONS,
    ESME_INTERFACE_TYPES,
    QUOTA_EVENTS,
    SERVICES,
    TRAFFIC_LIMITS,
)
from emnify_async.testing._device_data import ServiceProfile
from emnify_async.testing._errors import (
    BAD_REQUEST,
    CANNOT_BE_DELETED,
    DUPLICATED,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    REQUIRED,
    ApiError,
    not_found,
)
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import (
    Route,
    created,
    no_content,
    ok,
    owned_id,
    path_id,
    principal,
    state,
)
from emnify_async.testing._state import EmulatorState
from emnify_async.testing._stores.device_settings import QuotaKind

PATH = "/api/v1/service_profile"
ONE = PATH + "/{profile_id}"
SERVICE = ONE + "/service/{service_id}"
TRAFFIC_LIMIT = SERVICE + "/traffic_limit/{limit_id}"
CREATE_ERROR = "Create service profile validation error"
UPDATE_ERROR = "Update service profile validation error"
FLAGS = (
    "allowed_3g",
    "allowed_4g",
    "allowed_nb_iot",
    "apply_sms_quota",
    "apply_data_quota",
    "retail",
    "sms_p2p_int",
    "sms_p2p_ext",
    "prepaid",
    "nipdp",
)
# References that {"id": null} empties (documented for the callbacks, and for dns).
CLEARABLE = ("api_callback", "api_secret", "moc_callback", "dns")
# Parts of the details a client may send back unchanged: accepted and ignored.
READ_ONLY = frozenset({"id", "used_count", "service"})


def _profile(request: web.Request) -> ServiceProfile:
    """The path's profile of the caller; others' and unknown ones are 404 NotFound."""
    profiles = state(request).profiles
    profile_id = owned_id(request, "profile_id", profiles.owns_service_profile, "Service profile")
    return profiles.service_profiles[profile_id]


def _service_id(request: web.Request) -> int:
    service_id = path_id(request, "service_id")
    if service_id not in SERVICES:
        raise not_found("Service", service_id)
    return service_id


def _ref(check: FieldErrors, key: str, value: Any, nullable: bool) -> tuple[bool, int | None]:
    """``(True, id)`` of ``{"id": n}`` (``(True, None)`` for ``{"id": null}`` when
    ``nullable``), else ``(False, None)`` with the problem recorded."""
    if isinstance(value, dict) and "id" in value:
        ref = value["id"]
        if (ref is None and nullable) or (is_int(ref) and ref > 0):
            return True, ref
    wanted = '{"id": n} or {"id": null}' if nullable else '{"id": n}'
    check.add(INVALID_FORMAT, f"{key} must be an object like {wanted}")
    return False, None


def _parse(emu: EmulatorState, org_id: int, body: dict[str, Any], what: str) -> dict[str, Any]:
    """``ServiceProfile`` attributes from a create or update body, or one 422 listing each
    problem."""
    check = FieldErrors(what)
    fields: dict[str, Any] = {}
    for key, value in body.items():
        if key in READ_ONLY:
            continue
        if key == "name":
            if isinstance(value, str) and value.strip():
                fields["name"] = value
            else:
                check.add(INVALID_FORMAT, "name must be a non-empty string")
        elif key == "description":
            if value is None or isinstance(value, str):
                fields["description"] = value or ""
            else:
                check.add(INVALID_FORMAT, "description must be a string")
        elif key in FLAGS or key == "apply_quota":
            if not isinstance(value, bool):
                check.add(INVALID_FORMAT, f"{key} must be a boolean")
            elif key in FLAGS:
                fields[key] = value
            elif "apply_data_quota" not in body:  # deprecated; apply_data_quota wins
                fields["apply_data_quota"] = value
        elif key in CLEARABLE:
            good, ref = _ref(check, key, value, nullable=True)
            if not good:
                continue
            if key == "dns" and ref is not None and not emu.dns.owns(org_id, ref):
                check.add(INVALID_REFERENCE, f"DNS with Id '{ref}' not found.")
            else:
                fields[f"{key}_id"] = ref
        elif key in ("esme_interface_type", "breakout_region"):
            good, ref = _ref(check, key, value, nullable=False)
            known = ESME_INTERFACE_TYPES if key == "esme_interface_type" else BREAKOUT_REGIONS
            if not good:
                continue
            if ref not in known:
                label = key.replace("_", " ").capitalize()
                check.add(INVALID_REFERENCE, f"{label} with Id '{ref}' not found.")
            else:
                fields[f"{key}_id"] = ref
        else:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    if what == CREATE_ERROR and "name" not in body:
        check.add(REQUIRED, "name is required")
    check.raise_if_any()
    return fields


# --- the profile ----------------------------------------------------------------------------


async def list_profiles(request: web.Request) -> web.Response:
    profiles = state(request).profiles
    mine = profiles.service_profiles_of(principal(request).org_id)
    return ok([profiles.render_service_profile(p, details=False) for p in mine])


async def create_profile(request: web.Request) -> web.Response:
    emu = state(request)
    org_id = principal(request).org_id
    fields = _parse(emu, org_id, await json_object(request, CREATE_ERROR), CREATE_ERROR)
    profile = emu.profiles.create_service_profile(org_id, fields)
    return created(f"{PATH}/{profile.id}")


async def get_profile(request: web.Request) -> web.Response:
    profile = _profile(request)
    return ok(state(request).profiles.render_service_profile(profile, details=True))


async def patch_profile(request: web.Request) -> web.Response:
    """201 echoing the fields set and the profile id as a string (the spec's example)."""
    emu = state(request)
    profile = _profile(request)
    body = await json_object(request, UPDATE_ERROR)
    fields = _parse(emu, profile.org_id, body, UPDATE_ERROR)
    emu.profiles.update_service_profile(profile, fields)
    echo = {key: value for key, value in body.items() if key not in READ_ONLY}
    return ok({**echo, "service_profile_id": str(profile.id)}, status=201)


async def delete_profile(request: web.Request) -> web.Response:
    profiles = state(request).profiles
    profile = _profile(request)
    if profiles.used_count(profile):
        raise ApiError.of(CANNOT_BE_DELETED, "Service Profile still referenced by Endpoint.")
    profiles.delete_service_profile(profile)
    return no_content()


async def delete_quotas(request: web.Request) -> web.Response:
    """Removes the data or SMS quota of every endpoint on the profile (none: still 204)."""
    emu = state(request)
    profile = _profile(request)
    raw = request.match_info["quota_type"]
    if raw not in ("data", "sms"):
        raise ApiError.of(BAD_REQUEST, f"Invalid quota_type '{raw}', expected data or sms")
    kind: QuotaKind = "data" if raw == "data" else "sms"
    endpoints = emu.endpoints
    _, deleted, label = QUOTA_EVENTS[kind]
    for endpoint_id in emu.device_settings.with_quota(kind):
        endpoint = endpoints.get(endpoint_id)
        if endpoint is None or endpoint.org_id != profile.org_id:
            continue
        if endpoint.service_profile_id == profile.id:
            emu.device_settings.delete_quota(endpoint_id, kind)
            endpoints.record_event(endpoint_id, (deleted, 2, 0), f"{label} quota deleted.")
    return no_content()


# --- services and traffic limits of the profile -----------------------------------------------


async def add_service(request: web.Request) -> web.Response:
    profile = _profile(request)
    service_id = _service_id(request)
    if service_id in profile.services:
        raise ApiError.of(DUPLICATED, "Service Profile - Service already exists.")
    state(request).profiles.add_service(profile, service_id)
    return no_content()


async def remove_service(request: web.Request) -> web.Response:
    profile = _profile(request)
    service_id = _service_id(request)
    if service_id not in profile.services:
        raise not_found("Service Profile - Service", service_id)
    if profile.services[service_id]:
        raise ApiError.of(CANNOT_BE_DELETED, "Traffic Limit still referenced by Service.")
    state(request).profiles.remove_service(profile, service_id)
    return no_content()


def _limit(request: web.Request, profile: ServiceProfile, service_id: int) -> int:
    """The path's traffic limit: known (else 404), of the service (else 422), and the service
    part of the profile (else 422)."""
    limit_id = path_id(request, "limit_id")
    if limit_id not in TRAFFIC_LIMITS:
        raise not_found("Traffic limit", limit_id)
    if TRAFFIC_LIMITS[limit_id][0] != service_id:
        raise ApiError.of(
            NOT_ALLOWED,
            f"Traffic limit with Id '{limit_id}' does not belong to Service with Id "
            f"'{service_id}'.",
        )
    if service_id not in profile.services:
        raise ApiError.of(
            NOT_ALLOWED,
            f"Service with Id '{service_id}' is not part of Service Profile with Id "
            f"'{profile.id}'.",
        )
    return limit_id


async def add_traffic_limit(request: web.Request) -> web.Response:
    """200 with no body, also when the limit is assigned already (a repeated PUT)."""
    profile = _profile(request)
    service_id = _service_id(request)
    limit_id = _limit(request, profile, service_id)
    state(request).profiles.add_traffic_limit(profile, service_id, limit_id)
    return web.Response(status=200)


async def remove_traffic_limit(request: web.Request) -> web.Response:
    profile = _profile(request)
    service_id = _service_id(request)
    limit_id = _limit(request, profile, service_id)
    if limit_id not in profile.services[service_id]:
        raise ApiError.of(
            NOT_ALLOWED,
            f"Traffic limit with Id '{limit_id}' is not assigned to Service with Id "
            f"'{service_id}' of Service Profile with Id '{profile.id}'.",
        )
    state(request).profiles.remove_traffic_limit(profile, service_id, limit_id)
    return web.Response(status=200)


ROUTES = [
    Route("GET", PATH, list_profiles, limit=Limit(100, 50)),
    Route("POST", PATH, create_profile),
    Route("GET", ONE, get_profile),
    Route("PATCH", ONE, patch_profile),
    Route("DELETE", ONE, delete_profile),
    Route("DELETE", ONE + "/quota/{quota_type}", delete_quotas),
    Route("PUT", SERVICE, add_service),
    Route("DELETE", SERVICE, remove_service),
    Route("PUT", TRAFFIC_LIMIT, add_traffic_limit),
    Route("DELETE", TRAFFIC_LIMIT, remove_traffic_limit),
]
