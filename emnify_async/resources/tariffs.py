"""Tariffs: list, details, create, update and delete (`client.tariffs`).

These entry points belong to emnify's MNO and reseller API: enterprise organisations are
refused with `PermissionDeniedError`.
"""

from __future__ import annotations

import builtins
from typing import Any

from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_bool, check_id, check_lookup_id, check_number, ref_id
from .._types import NOT_GIVEN, IdLike, NotGiven
from ..models import Tariff
from ._base import AsyncResource

__all__ = ["AsyncTariffs"]

_PATH = "/api/v1/tariff"
_LIST = Operation("GET", _PATH, Returns.ARRAY)
_GET = Operation("GET", f"{_PATH}/{{tariff_id}}", Returns.OBJECT)
_CREATE = Operation("POST", _PATH, Returns.CREATED_ID)
_UPDATE = Operation("PATCH", f"{_PATH}/{{tariff_id}}", Returns.NOTHING)
_DELETE = Operation("DELETE", f"{_PATH}/{{tariff_id}}", Returns.NOTHING)
# References sent as {"id": n}; only the throttle can be removed, with {"id": null}.
_REFERENCES = frozenset({"currency", "data_blocksize", "data_throttle"})


def _given(arguments: dict[str, Any]) -> dict[str, Any]:
    """The body fields among a method's arguments (its `locals()`, taken first thing)."""
    return {name: value for name, value in arguments.items() if name not in ("self", "tariff_id")}


def _encode(fields: dict[str, Any]) -> dict[str, Any]:
    """The JSON body for the fields given (NOT_GIVEN ones are left out), validated."""
    body: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, NotGiven):
            continue
        if name.endswith("_rate"):
            body[name] = check_number(value, name, positive=False)
        elif name in _REFERENCES:
            removed = value is None and name == "data_throttle"
            body[name] = {"id": None if removed else ref_id(value, name)}
        elif name == "status":
            body[name] = {"id": check_lookup_id(value, name)}
        elif name == "tariff_category":
            body[name] = check_lookup_id(value, name)
        elif name == "public":
            body[name] = check_bool(value, name)
        elif name == "name" and not (isinstance(value, str) and value.strip()):
            raise InputError(f"name must be a non-empty string, got {value!r}")
        elif value is not None and not isinstance(value, str):
            raise InputError(f"{name} must be a string, got {value!r}")
        else:
            body[name] = value
    return body


class AsyncTariffs(AsyncResource):
    """The tariff API (MNO and reseller organisations only)."""

    async def list(self) -> builtins.list[Tariff]:
        """Your organisation's tariffs (GET /api/v1/tariff).

        The API returns the whole list at once (it is not paged), so this is a plain list.

        Raises:
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return await self._models(_LIST, Tariff)

    async def get(self, tariff_id: int) -> Tariff:
        """One tariff (GET /api/v1/tariff/{tariff_id}).

        Raises:
            NotFoundError: No such tariff of your organisation.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return await self._model(_GET, Tariff, {"tariff_id": check_id(tariff_id, "tariff_id")})

    async def create(
        self,
        *,
        name: str,
        currency: IdLike,
        description: str | NotGiven = NOT_GIVEN,
        default_sms_mt_rate: float | NotGiven = NOT_GIVEN,
        default_sms_mo_rate: float | NotGiven = NOT_GIVEN,
        sim_issued_rate: float | NotGiven = NOT_GIVEN,
        sim_activated_rate: float | NotGiven = NOT_GIVEN,
        sim_suspended_rate: float | NotGiven = NOT_GIVEN,
        sim_activation_rate: float | NotGiven = NOT_GIVEN,
        sim_reactivation_rate: float | NotGiven = NOT_GIVEN,
        sim_suspension_rate: float | NotGiven = NOT_GIVEN,
        sim_termination_rate: float | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        status: IdLike | NotGiven = NOT_GIVEN,
        data_blocksize: IdLike | NotGiven = NOT_GIVEN,
        data_throttle: IdLike | NotGiven | None = NOT_GIVEN,
        tariff_category: int | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create a tariff (POST /api/v1/tariff).

        Only the fields passed are sent; references (currency, status, data block size and
        throttle) are ids or models with an `id`, sent as `{"id": n}`. Rates are never
        negative.

        Args:
            name: Short name.
            currency: Currency of every rate.
            description: Long description.
            default_sms_mt_rate: Default rate of a mobile-terminated SMS.
            default_sms_mo_rate: Default rate of a mobile-originated SMS.
            sim_issued_rate: Monthly rate of an issued SIM.
            sim_activated_rate: Monthly rate of an activated SIM.
            sim_suspended_rate: Monthly rate of a suspended SIM.
            sim_activation_rate: One-off rate of activating a SIM.
            sim_reactivation_rate: One-off rate of reactivating a SIM.
            sim_suspension_rate: One-off rate of suspending a SIM.
            sim_termination_rate: One-off rate of terminating a SIM.
            public: Whether child organisations may pick it themselves.
            status: Tariff status.
            data_blocksize: Data block size that traffic is rounded up to.
            data_throttle: Data throttle; `None` for none.
            tariff_category: Tariff category id.

        Returns:
            The new tariff's id (from the `Location` header); `get()` it for the details.

        Raises:
            InputError: A value is invalid, e.g. a negative rate (nothing is sent).
            ConflictError: A tariff with this name exists.
            UnprocessableEntityError: The API refused a value.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return await self._create(_CREATE, _encode(_given(locals())))

    async def update(
        self,
        tariff_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        default_sms_mt_rate: float | NotGiven = NOT_GIVEN,
        default_sms_mo_rate: float | NotGiven = NOT_GIVEN,
        sim_activated_rate: float | NotGiven = NOT_GIVEN,
        sim_suspended_rate: float | NotGiven = NOT_GIVEN,
        sim_activation_rate: float | NotGiven = NOT_GIVEN,
        sim_reactivation_rate: float | NotGiven = NOT_GIVEN,
        sim_suspension_rate: float | NotGiven = NOT_GIVEN,
        sim_termination_rate: float | NotGiven = NOT_GIVEN,
        public: bool | NotGiven = NOT_GIVEN,
        status: IdLike | NotGiven = NOT_GIVEN,
        currency: IdLike | NotGiven = NOT_GIVEN,
        data_blocksize: IdLike | NotGiven = NOT_GIVEN,
        data_throttle: IdLike | NotGiven | None = NOT_GIVEN,
        tariff_category: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a tariff (PATCH /api/v1/tariff/{tariff_id}).

        Only the fields passed are sent (the fields the API accepts on update; see `create()`
        for their meaning). `description=None` empties it, `data_throttle=None` removes the
        throttle.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such tariff of your organisation.
            UnprocessableEntityError: The API refused a value.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        body = _encode(_given(locals()))
        path_params = {"tariff_id": check_id(tariff_id, "tariff_id")}
        if not body:
            raise InputError("update() needs at least one field to change")
        await self._send(_UPDATE, path_params, json=body)

    async def delete(self, tariff_id: int) -> None:
        """Delete a tariff (DELETE /api/v1/tariff/{tariff_id}).

        Raises:
            NotFoundError: No such tariff of your organisation.
            UnprocessableEntityError: The tariff is used by a tariff profile or assigned to an
                organisation.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        await self._send(_DELETE, {"tariff_id": check_id(tariff_id, "tariff_id")})
