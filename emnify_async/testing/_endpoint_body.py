"""Endpoint request bodies, checked: shared by the single and the bulk endpoint routes.

``parse_endpoint`` reads a create or update body against the caller's organisation (one 422
InputValidationFailed listing every problem); ``check_sim_free`` and ``pick_address`` are the
checks that need the whole state (a SIM of another endpoint, a taken or missing address).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from emnify_async.testing._body import FieldErrors, is_int
from emnify_async.testing._device_data import Endpoint, IpSpace
from emnify_async.testing._errors import (
    DUPLICATED,
    INPUT_VALIDATION,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    OUT_OF_RANGE,
    REQUIRED,
    UNAVAILABLE,
    ApiError,
    error_body,
)
from emnify_async.testing._state import EmulatorState

CREATE_ERROR = "Create endpoint validation error"
UPDATE_ERROR = "Update endpoint validation error"
REQUIRED_ON_CREATE = ("name", "status", "service_profile", "tariff_profile")
READ_ONLY = frozenset({"id", "created", "last_updated", "runtime_data"})
SETTABLE_STATUSES = (0, 1)
NO_ADDRESS = "No IP Address available."
RELEASE = object()


@dataclass
class Parsed:
    """A create or update body, checked against the caller's organisation."""

    fields: dict[str, Any] = field(default_factory=dict)
    """``Endpoint`` attributes to set."""
    address: str | None = None
    space: IpSpace | None = None
    sim: object = None
    """A SIM id to assign, ``RELEASE`` to release the SIM, ``None`` to leave it."""
    activate: bool | None = None

    def new_endpoint(self, org_id: int, space: IpSpace, address: str) -> Endpoint:
        """The endpoint a create makes of these fields (its id and times set by the store)."""
        fields = self.fields
        return Endpoint(
            id=0,
            org_id=org_id,
            name=fields["name"],
            status_id=fields["status_id"],
            service_profile_id=fields["service_profile_id"],
            tariff_profile_id=fields["tariff_profile_id"],
            ip_space_id=space.id,
            ip_address=address,
            created_ts=0,
            last_updated_ts=0,
            tags=fields.get("tags"),
            imei=fields.get("imei"),
            imei_lock=fields.get("imei_lock", False),
        )


def reference(check: FieldErrors, key: str, value: Any) -> int | None:
    ref = value.get("id") if isinstance(value, dict) else None
    if not is_int(ref):
        check.add(INVALID_FORMAT, f'{key} must be an object like {{"id": 1}}')
        return None
    return ref


def parse_endpoint(emu: EmulatorState, org_id: int, body: dict[str, Any], what: str) -> Parsed:
    """Every field of the body, or one 422 InputValidationFailed listing each problem."""
    check = FieldErrors(what)
    out = Parsed()
    profiles = emu.profiles
    for key, value in body.items():
        if key in READ_ONLY:
            continue
        if key == "name":
            if isinstance(value, str) and value.strip():
                out.fields["name"] = value
            else:
                check.add(INVALID_FORMAT, "name must be a non-empty string")
        elif key == "tags":
            if value is None or isinstance(value, str):
                out.fields["tags"] = value
            else:
                check.add(INVALID_FORMAT, "tags must be a string")
        elif key == "status":
            ref = reference(check, key, value)
            if ref is not None and ref not in SETTABLE_STATUSES:
                check.add(OUT_OF_RANGE, f"Endpoint status with Id '{ref}' cannot be set.")
            elif ref is not None:
                out.fields["status_id"] = ref
        elif key == "service_profile":
            ref = reference(check, key, value)
            if ref is not None and profiles.service_profile(org_id, ref) is None:
                check.add(INVALID_REFERENCE, f"Service profile with Id '{ref}' not found.")
            elif ref is not None:
                out.fields["service_profile_id"] = ref
        elif key == "tariff_profile":
            ref = reference(check, key, value)
            if ref is not None and profiles.tariff_profile(org_id, ref) is None:
                check.add(INVALID_REFERENCE, f"Tariff profile with Id '{ref}' not found.")
            elif ref is not None:
                out.fields["tariff_profile_id"] = ref
        elif key == "ip_address_space":
            ref = reference(check, key, value)
            space = None if ref is None else profiles.ip_space(org_id, ref)
            if ref is not None and space is None:
                check.add(INVALID_REFERENCE, f"IP address space with Id '{ref}' not found.")
            out.space = space
        elif key == "ip_address":
            if isinstance(value, str) and value:
                out.address = value
            else:
                check.add(INVALID_FORMAT, "ip_address must be an IP address")
        elif key == "sim":
            parse_sim(emu, org_id, check, value, out)
        elif key == "imei":
            if value is None or (isinstance(value, str) and value.isdigit() and len(value) <= 16):
                out.fields["imei"] = value
            else:
                check.add(INVALID_FORMAT, "imei must be a string of up to 16 digits")
        elif key == "imei_lock":
            if isinstance(value, bool):
                out.fields["imei_lock"] = value
            else:
                check.add(INVALID_FORMAT, "imei_lock must be a boolean")
        else:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    if out.address is not None and "ip_address_space" not in body:
        check.add(REQUIRED, "ip_address_space is required when ip_address is set")
    if what == CREATE_ERROR:
        for key in REQUIRED_ON_CREATE:
            if key not in body:
                check.add(REQUIRED, f"{key} is required")
    check.raise_if_any()
    return out


def parse_sim(emu: EmulatorState, org_id: int, check: FieldErrors, value: Any, out: Parsed) -> None:
    """``sim``: ``{"id": n, "activate"?: bool}`` assigns, ``null`` or ``{"id": null}`` releases."""
    if value is None or (isinstance(value, dict) and value.get("id", 0) is None):
        out.sim = RELEASE
        return
    sim_id = value.get("id") if isinstance(value, dict) else None
    if not is_int(sim_id):
        check.add(INVALID_FORMAT, 'sim must be an object like {"id": 1}')
    elif not emu.sims.owns(org_id, sim_id):
        check.add(INVALID_REFERENCE, f"SIM with Id '{sim_id}' not found.")
    else:
        out.sim = sim_id
    activate = value.get("activate") if isinstance(value, dict) else None
    if activate is not None and not isinstance(activate, bool):
        check.add(INVALID_FORMAT, "sim.activate must be a boolean")
    else:
        out.activate = activate


def check_sim_free(emu: EmulatorState, sim_id: int, endpoint_id: int | None) -> None:
    """409 Duplicated when the SIM belongs to another endpoint."""
    holder = emu.endpoints.link.right_of(sim_id)
    if holder is not None and holder != endpoint_id:
        raise ApiError.of(
            DUPLICATED,
            f"SIM with Id '{sim_id}' is already assigned to Endpoint with Id '{holder}'.",
        )


def pick_address(emu: EmulatorState, space: IpSpace, address: str | None, endpoint_id: int) -> str:
    """``address`` checked (in the space: else 422; free: else 409), or a free one (none:
    404 ``1601 Unavailable``)."""
    if address is None:
        free = emu.profiles.free_address(space, endpoint_id)
        if free is None:
            raise ApiError.of(UNAVAILABLE, NO_ADDRESS)
        return free
    if not space.contains(address):
        raise ApiError.of(
            INPUT_VALIDATION,
            "InputValidationFailed",
            [error_body(OUT_OF_RANGE, "Endpoint - IP Address out of range.")],
        )
    holder = emu.endpoints.records.holder(space.id, address)
    if holder is not None and holder != endpoint_id:
        raise ApiError.of(DUPLICATED, f"IP Address - {address} already assigned.")
    return address
