"""Tariff profiles: CRUD, ratezone selection, coverage and the assigned inclusive volume.

A profile belongs to one organisation and one of the tariffs assigned to it (the parent's own
profiles are on its upstream tariff 54); its endpoints roam in the selected ratezones (the
coverage) and may be rated by one organisation inclusive volume of that tariff.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._catalog import RATEZONE_ACTIVE
from emnify_async.testing._errors import (
    BAD_REQUEST,
    CANNOT_BE_DELETED,
    DUPLICATED,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    NOT_FOUND,
    REQUIRED,
    ApiError,
    not_found,
)
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import (
    Route,
    created_at,
    no_content,
    ok,
    path_id,
    principal,
    state,
    today,
)

PATH = "/api/v1/tariff_profile"
ONE = PATH + "/{tariff_profile_id}"
CREATE_ERROR = "Create tariff profile validation error"
UPDATE_ERROR = "Update tariff profile validation error"


def _profile(request: web.Request) -> d.TariffProfile:
    """The path's tariff profile of the caller, else 404 (others' are as missing)."""
    profile_id = path_id(request, "tariff_profile_id")
    profile = state(request).billing.profile(principal(request).org_id, profile_id)
    if profile is None:
        raise not_found("Tariff profile", profile_id)
    return profile


async def _fields(request: web.Request, what: str) -> dict[str, Any]:
    """The ``TariffProfile`` attributes a create or update body sets, or one 422 listing
    every problem. ``tariff`` must be one of the organisation's tariffs."""
    body = await json_object(request, what)
    check = FieldErrors(what)
    org_id = principal(request).org_id
    fields: dict[str, Any] = {}
    for key, value in body.items():
        if key == "name":
            if isinstance(value, str) and value.strip():
                fields["name"] = value
            else:
                check.add(INVALID_FORMAT, "name must be a non-empty string")
        elif key == "description":
            if value is None or isinstance(value, str):
                fields["description"] = value
            else:
                check.add(INVALID_FORMAT, "description must be a string")
        elif key == "tariff":
            ref = value.get("id") if isinstance(value, dict) else None
            if not is_int(ref):
                check.add(INVALID_FORMAT, 'tariff must be an object like {"id": 1}')
            elif ref not in state(request).billing.org_tariffs(org_id):
                check.add(INVALID_REFERENCE, f"Tariff with Id '{ref}' not found.")
            else:
                fields["tariff_id"] = ref
        elif key == "id":
            check.add(INVALID_FORMAT, "id must not be specified")
        else:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    if what == CREATE_ERROR:
        for key in ("name", "tariff"):
            if key not in body:
                check.add(REQUIRED, f"{key} is required")
    check.raise_if_any()
    return fields


async def list_profiles(request: web.Request) -> web.Response:
    emu = state(request)
    profiles = emu.billing.profiles_of(principal(request).org_id)
    used = emu.profiles.tariff_profile_used_count
    return ok([emu.billing.profile_json(p, used(p.id)) for p in profiles])


async def get_profile(request: web.Request) -> web.Response:
    profile = _profile(request)
    emu = state(request)
    return ok(emu.billing.profile_json(profile, emu.profiles.tariff_profile_used_count(profile.id)))


async def create_profile(request: web.Request) -> web.Response:
    fields = await _fields(request, CREATE_ERROR)
    profile = state(request).billing.create_profile(
        principal(request).org_id, fields["name"], fields.get("description"), fields["tariff_id"]
    )
    return created_at(request, f"{PATH}/{profile.id}")


async def update_profile(request: web.Request) -> web.Response:
    profile = _profile(request)
    fields = await _fields(request, UPDATE_ERROR)
    state(request).billing.update_profile(profile, fields)
    return no_content()


async def delete_profile(request: web.Request) -> web.Response:
    """Refused while endpoints use the profile (``used_count > 0``, as documented)."""
    profile = _profile(request)
    emu = state(request)
    used = emu.profiles.tariff_profile_used_count(profile.id)
    if used:
        raise ApiError.of(
            CANNOT_BE_DELETED,
            f"Tariff profile with Id '{profile.id}' is used by {used} endpoint(s).",
        )
    emu.billing.delete_profile(profile)
    return no_content()


async def coverage(request: web.Request) -> web.Response:
    return ok(state(request).billing.coverage(_profile(request)))


# --- ratezone selection -----------------------------------------------------------------------


def _ratezone(request: web.Request, profile: d.TariffProfile) -> d.Ratezone:
    """The path's ratezone, one of the profile's tariff's (else 404)."""
    ratezone_id = path_id(request, "ratezone_id")
    tariff = state(request).billing.tariffs[profile.tariff_id]
    zone = next((z for z in tariff.ratezones if z.id == ratezone_id), None)
    if zone is None:
        raise ApiError.of(
            NOT_FOUND,
            f"Ratezone with Id '{ratezone_id}' not found in the tariff of Tariff profile with "
            f"Id '{profile.id}'.",
        )
    return zone


async def select_ratezone(request: web.Request) -> web.Response:
    """Only active ratezones of the profile's tariff; selecting one twice is a 409."""
    profile = _profile(request)
    zone = _ratezone(request, profile)
    if zone.status_id != RATEZONE_ACTIVE:
        raise ApiError.of(
            NOT_ALLOWED, f"Ratezone with Id '{zone.id}' is not active and cannot be selected."
        )
    if zone.id in profile.ratezones:
        raise ApiError.of(
            DUPLICATED,
            f"Ratezone with Id '{zone.id}' is already selected in Tariff profile with Id "
            f"'{profile.id}'.",
        )
    state(request).billing.select_ratezone(profile, zone.id, selected=True)
    return no_content()


async def deselect_ratezone(request: web.Request) -> web.Response:
    profile = _profile(request)
    zone = _ratezone(request, profile)
    if zone.id not in profile.ratezones:
        raise ApiError.of(
            NOT_FOUND,
            f"Ratezone with Id '{zone.id}' is not selected in Tariff profile with Id "
            f"'{profile.id}'.",
        )
    state(request).billing.select_ratezone(profile, zone.id, selected=False)
    return no_content()


# --- inclusive volume ---------------------------------------------------------------------------


def _volume(request: web.Request, profile: d.TariffProfile) -> d.OrgVolume:
    """The path's inclusive volume of the profile's organisation (else 404)."""
    volume_id = path_id(request, "inclusive_volume_id")
    volume = state(request).billing.volumes.get(volume_id)
    if volume is None or volume.org_id != profile.org_id:
        raise not_found("Inclusive volume", volume_id)
    return volume


async def assign_volume(request: web.Request) -> web.Response:
    """As documented: 400 for an expired volume or one of another tariff, 409 when the
    profile has one already."""
    profile = _profile(request)
    volume = _volume(request, profile)
    day = today(request)
    if volume.expired or (volume.end is not None and volume.end < day):
        raise ApiError.of(BAD_REQUEST, f"Inclusive volume with Id '{volume.id}' is expired.")
    if volume.tariff_id != profile.tariff_id:
        raise ApiError.of(
            BAD_REQUEST,
            f"The tariff of Inclusive volume with Id '{volume.id}' does not match the tariff of "
            f"Tariff profile with Id '{profile.id}'.",
        )
    if profile.volume_id is not None:
        raise ApiError.of(
            DUPLICATED,
            f"Tariff profile with Id '{profile.id}' already has an inclusive volume assigned.",
        )
    state(request).billing.assign_profile_volume(profile, volume.id)
    return no_content()


async def unassign_volume(request: web.Request) -> web.Response:
    profile = _profile(request)
    volume = _volume(request, profile)
    if profile.volume_id != volume.id:
        raise ApiError.of(
            BAD_REQUEST,
            f"Inclusive volume with Id '{volume.id}' is not assigned to Tariff profile with Id "
            f"'{profile.id}'.",
        )
    state(request).billing.assign_profile_volume(profile, None)
    return no_content()


ROUTES = [
    Route("GET", PATH, list_profiles, limit=Limit(100, 50)),
    Route("POST", PATH, create_profile),
    Route("GET", ONE, get_profile),
    Route("PATCH", ONE, update_profile),
    Route("DELETE", ONE, delete_profile),
    Route("GET", ONE + "/coverage", coverage),
    Route("PUT", ONE + "/ratezone_selection/{ratezone_id}", select_ratezone),
    Route("DELETE", ONE + "/ratezone_selection/{ratezone_id}", deselect_ratezone),
    Route("PUT", ONE + "/inclusive_volume/{inclusive_volume_id}", assign_volume),
    Route("DELETE", ONE + "/inclusive_volume/{inclusive_volume_id}", unassign_volume),
]
