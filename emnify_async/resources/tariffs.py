"""Tariffs: list, details, create, update and delete (`client.tariffs`).

These entry points belong to emnify's MNO and reseller API: enterprise organisations are
refused with `PermissionDeniedError`.
"""

from __future__ import annotations

from .._ops import tariffs as ops
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, IdLike, NotGiven
from ..models import Tariff
from ._base import AsyncResource

__all__ = ["AsyncTariffs"]


class AsyncTariffs(AsyncResource):
    """The tariff API (MNO and reseller organisations only)."""

    def list(self) -> AsyncPager[Tariff]:
        """Your organisation's tariffs.

        `GET /api/v1/tariff` (operationId `ListTariffs`).

        The API answers with the whole list at once (it is not paged); like every list call
        this returns a pager: iterate it, or `await` it for the list.

        Raises:
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return self._many(ops.LIST)

    async def get(self, tariff_id: int) -> Tariff:
        """One tariff.

        `GET /api/v1/tariff/{tariff_id}` (operationId `GetTariff`).

        Raises:
            NotFoundError: No such tariff of your organisation.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        return await self._one(ops.GET, tariff_id=tariff_id)

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
        """Create a tariff.

        `POST /api/v1/tariff` (operationId `CreateTariff`).

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
        return await self._created(
            ops.CREATE,
            name=name,
            currency=currency,
            description=description,
            default_sms_mt_rate=default_sms_mt_rate,
            default_sms_mo_rate=default_sms_mo_rate,
            sim_issued_rate=sim_issued_rate,
            sim_activated_rate=sim_activated_rate,
            sim_suspended_rate=sim_suspended_rate,
            sim_activation_rate=sim_activation_rate,
            sim_reactivation_rate=sim_reactivation_rate,
            sim_suspension_rate=sim_suspension_rate,
            sim_termination_rate=sim_termination_rate,
            public=public,
            status=status,
            data_blocksize=data_blocksize,
            data_throttle=data_throttle,
            tariff_category=tariff_category,
        )

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
        """Change a tariff.

        `PATCH /api/v1/tariff/{tariff_id}` (operationId `UpdateTariff`).

        Only the fields passed are sent (the fields the API accepts on update; see `create()`
        for their meaning). `description=None` empties it, `data_throttle=None` removes the
        throttle.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such tariff of your organisation.
            UnprocessableEntityError: The API refused a value.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        await self._nothing(
            ops.UPDATE,
            tariff_id=tariff_id,
            name=name,
            description=description,
            default_sms_mt_rate=default_sms_mt_rate,
            default_sms_mo_rate=default_sms_mo_rate,
            sim_activated_rate=sim_activated_rate,
            sim_suspended_rate=sim_suspended_rate,
            sim_activation_rate=sim_activation_rate,
            sim_reactivation_rate=sim_reactivation_rate,
            sim_suspension_rate=sim_suspension_rate,
            sim_termination_rate=sim_termination_rate,
            public=public,
            status=status,
            currency=currency,
            data_blocksize=data_blocksize,
            data_throttle=data_throttle,
            tariff_category=tariff_category,
        )

    async def delete(self, tariff_id: int) -> None:
        """Delete a tariff.

        `DELETE /api/v1/tariff/{tariff_id}` (operationId `DeleteTariff`).

        Raises:
            NotFoundError: No such tariff of your organisation.
            UnprocessableEntityError: The tariff is used by a tariff profile or assigned to an
                organisation.
            PermissionDeniedError: Called by an enterprise organisation.
        """
        await self._nothing(ops.DELETE, tariff_id=tariff_id)
