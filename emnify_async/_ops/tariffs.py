"""Tariffs of MNOs and resellers: `/api/v1/tariff` (documented only on docs.emnify.com)."""

from __future__ import annotations

import attrs

from .._body import Ref, flag, lookup, lookup_value, number, reference, require_any, text
from .._operation import Operation, Returns
from .._types import NotGiven
from ..models import Tariff

__all__ = ["CREATE", "DELETE", "GET", "LIST", "UPDATE", "TariffCreate", "TariffPatch"]

_PATH = "/api/v1/tariff"


@attrs.frozen(kw_only=True)
class _TariffRates:
    default_sms_mt_rate: float | NotGiven = number(positive=False)
    default_sms_mo_rate: float | NotGiven = number(positive=False)
    sim_activated_rate: float | NotGiven = number(positive=False)
    sim_suspended_rate: float | NotGiven = number(positive=False)
    sim_activation_rate: float | NotGiven = number(positive=False)
    sim_reactivation_rate: float | NotGiven = number(positive=False)
    sim_suspension_rate: float | NotGiven = number(positive=False)
    sim_termination_rate: float | NotGiven = number(positive=False)
    public: bool | NotGiven = flag()
    status: Ref | NotGiven = lookup()
    data_blocksize: Ref | NotGiven = reference()
    data_throttle: Ref | NotGiven = reference(nullable=True)
    tariff_category: int | NotGiven = lookup_value()


@attrs.frozen(kw_only=True)
class TariffCreate(_TariffRates):
    """The body of POST /api/v1/tariff."""

    name: str | NotGiven = text(non_empty=True)
    currency: Ref | NotGiven = reference()
    description: str | NotGiven = text()
    sim_issued_rate: float | NotGiven = number(positive=False)


@attrs.frozen(kw_only=True)
class TariffPatch(_TariffRates):
    """The body of PATCH /api/v1/tariff/{tariff_id}: only the fields given are sent."""

    name: str | NotGiven = text(non_empty=True)
    description: str | NotGiven | None = text(nullable=True)
    currency: Ref | NotGiven = reference()

    def __attrs_post_init__(self) -> None:
        require_any(self, "a tariff update")


LIST = Operation("ListTariffs", "GET", _PATH, Returns.ARRAY, Tariff)
GET = Operation("GetTariff", "GET", f"{_PATH}/{{tariff_id}}", Returns.OBJECT, Tariff)
CREATE: Operation[None] = Operation(
    "CreateTariff", "POST", _PATH, Returns.CREATED_ID, body=TariffCreate
)
UPDATE: Operation[None] = Operation(
    "UpdateTariff", "PATCH", f"{_PATH}/{{tariff_id}}", Returns.NOTHING, body=TariffPatch
)
DELETE: Operation[None] = Operation(
    "DeleteTariff", "DELETE", f"{_PATH}/{{tariff_id}}", Returns.NOTHING
)
