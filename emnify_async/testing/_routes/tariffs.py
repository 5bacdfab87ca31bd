"""Tariff CRUD: ``/api/v1/tariff`` (the MNO and reseller API; refused to enterprise callers)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._body import FieldErrors, json_object
from emnify_async.testing._catalog import (
    CURRENCIES,
    DATA_BLOCKSIZES,
    DATA_THROTTLES,
    TARIFF_STATUSES,
)
from emnify_async.testing._errors import (
    DUPLICATED,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    ErrorBody,
    error_body,
    not_found,
)
from emnify_async.testing._routing import (
    Route,
    created,
    no_content,
    not_enterprise,
    ok,
    path_id,
    state,
)

PATH = "/api/v1/tariff"
# Body reference -> (lookup table, attribute of the stored tariff, may be null)
REFERENCES: dict[str, tuple[dict[int, Any], str, bool]] = {
    "currency": (CURRENCIES, "currency_id", False),
    "status": (TARIFF_STATUSES, "status_id", False),
    "data_blocksize": (DATA_BLOCKSIZES, "data_blocksize_id", False),
    "data_throttle": (DATA_THROTTLES, "data_throttle_id", True),
}
TEXT_FIELDS = ("name", "description")
# PATCH accepts every rate but sim_issued_rate (emnify's documented update fields).
UPDATE_RATES = tuple(name for name in d.RATE_FIELDS if name != "sim_issued_rate")


def _owner(request: web.Request) -> int:
    """The caller's organisation id; enterprise organisations get 403."""
    return not_enterprise(
        request, "The tariff API entry points cannot be used by Enterprise organisations."
    ).id


def _owned_tariff(request: web.Request) -> d.Tariff:
    owner = _owner(request)
    tariff_id = path_id(request, "tariff_id")
    tariff = state(request).billing.tariffs.get(tariff_id)
    if tariff is None or tariff.owner_id != owner:
        raise not_found("Tariff", tariff_id)
    return tariff


def _field(key: str, value: Any, rates: tuple[str, ...]) -> tuple[str, Any] | ErrorBody:
    """``(stored attribute, value)`` for one body field, or the nested error it causes."""
    if key in rates:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return error_body(INVALID_FORMAT, f"{key} must be a number")
        if value < 0:
            return error_body(OUT_OF_RANGE, f"{key} must not be negative")
        return key, float(value)
    if key in REFERENCES:
        table, attribute, nullable = REFERENCES[key]
        ref = value.get("id") if isinstance(value, dict) else None
        if ref is None and nullable and isinstance(value, dict):
            return attribute, None
        if isinstance(ref, bool) or ref not in table:
            return error_body(INVALID_REFERENCE, f"{key} with Id '{ref}' not found.")
        return attribute, ref
    if key in TEXT_FIELDS:
        if not isinstance(value, str if key == "name" else (str, type(None))) or value == "":
            return error_body(INVALID_FORMAT, f"{key} must be a non-empty string")
        return key, value
    if key == "public":
        return (
            (key, value)
            if isinstance(value, bool)
            else error_body(INVALID_FORMAT, "public must be a boolean")
        )
    if key == "tariff_category":
        valid = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return (key, value) if valid else error_body(INVALID_FORMAT, f"{key} must be an integer")
    return error_body(INVALID_FORMAT, f"Unknown field '{key}'")


async def _fields(
    request: web.Request, rates: tuple[str, ...], required: tuple[str, ...], what: str
) -> dict[str, Any]:
    """The stored attributes a create/update body sets, or 422 with every problem listed."""
    body = await json_object(request, what)
    check = FieldErrors(what)
    for key in required:
        if key not in body:
            check.add(REQUIRED, f"{key} is required")
    fields: dict[str, Any] = {}
    for key, value in body.items():
        result = _field(key, value, rates)
        if isinstance(result, dict):
            check.errors.append(result)
        else:
            fields[result[0]] = result[1]
    check.raise_if_any()
    return fields


def _check_unique_name(request: web.Request, owner: int, name: str, tariff_id: int = 0) -> None:
    for tariff in state(request).billing.owned_tariffs(owner):
        if tariff.name == name and tariff.id != tariff_id:
            raise ApiError.of(DUPLICATED, f"A tariff named '{name}' already exists.")


async def list_tariffs(request: web.Request) -> web.Response:
    billing = state(request).billing
    tariffs = billing.owned_tariffs(_owner(request))
    return ok([billing.tariff_json(tariff) for tariff in tariffs])


async def get_tariff(request: web.Request) -> web.Response:
    return ok(state(request).billing.tariff_json(_owned_tariff(request)))


async def create_tariff(request: web.Request) -> web.Response:
    owner = _owner(request)
    what = "Create tariff validation error"
    fields = await _fields(request, d.RATE_FIELDS, ("name", "currency"), what)
    _check_unique_name(request, owner, fields["name"])
    emu = state(request)
    tariff = emu.billing.create_tariff(owner, fields, int(emu.clock()))
    return created(f"{PATH}/{tariff.id}")


async def patch_tariff(request: web.Request) -> web.Response:
    tariff = _owned_tariff(request)
    fields = await _fields(request, UPDATE_RATES, (), "Update tariff validation error")
    if "name" in fields:
        _check_unique_name(request, tariff.owner_id, fields["name"], tariff.id)
    state(request).billing.update_tariff(tariff, fields)
    return no_content()


async def delete_tariff(request: web.Request) -> web.Response:
    tariff = _owned_tariff(request)
    billing = state(request).billing
    used, assigned = billing.used_count(tariff.id), billing.assigned_count(tariff.id)
    if used or assigned:
        raise ApiError.of(
            NOT_ALLOWED,
            f"Tariff with Id '{tariff.id}' is used by {used} tariff profile(s) and assigned to "
            f"{assigned} organisation(s) and cannot be deleted.",
        )
    billing.delete_tariff(tariff.id)
    return no_content()


ROUTES = [
    Route("GET", PATH, list_tariffs),
    Route("POST", PATH, create_tariff),
    Route("GET", PATH + "/{tariff_id}", get_tariff),
    Route("PATCH", PATH + "/{tariff_id}", patch_tariff),
    Route("DELETE", PATH + "/{tariff_id}", delete_tariff),
]
