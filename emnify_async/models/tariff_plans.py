"""Tariff plan models: ``/api/v1/organisation/{org}/tariff_plan[/active]``."""

import datetime

import attrs

from ._base import Model
from ._common import Currency
from .endpoints import NamedRef

__all__ = [
    "TariffPlan",
    "TariffPlanAssignment",
    "TariffPlanPrice",
    "TariffPlanPriceLine",
    "TariffPlanRuntime",
]


@attrs.frozen(kw_only=True)
class TariffPlanPriceLine(Model):
    """One line of a SIM price: a rate from ``scale_start`` SIMs on, or a fixed rate."""

    scale_start: int | None = None
    """The number of activated SIMs from which the rate applies; ``None`` for a fixed price."""
    rate: float | None = None
    """Monthly price of an activated SIM."""
    volume: int | None = None
    """In an applied price: the number of SIMs charged at ``rate``."""


@attrs.frozen(kw_only=True)
class TariffPlanPrice(Model):
    """The price of activated SIMs, line by line."""

    sim_activated_rate: list[TariffPlanPriceLine] = attrs.field(factory=list)
    """The price lines (scaled or fixed)."""


@attrs.frozen(kw_only=True)
class TariffPlanRuntime(Model):
    """How long a tariff plan runs: ``number_of_units`` of a time unit."""

    id: int | None = None
    """Runtime id."""
    number_of_units: int | None = None
    """Number of time units."""
    time_unit_id: int | None = None
    """Time unit id."""


@attrs.frozen(kw_only=True)
class TariffPlan(Model):
    """A tariff plan: the monthly subscription an organisation has with emnify."""

    id: int | None = None
    """Tariff plan id."""
    name: str | None = None
    """Name, e.g. ``"Professional"``."""
    description: str | None = None
    """Description."""
    creation_date: datetime.datetime | None = None
    """When the plan was created (UTC)."""
    activation_date: datetime.datetime | None = None
    """From when the plan can be assigned (UTC)."""
    deprecation_date: datetime.datetime | None = None
    """From when the plan is deprecated (UTC)."""
    rate: float | None = None
    """Monthly base fee."""
    yearly_rate: float | None = None
    """Yearly base fee."""
    sim_activation_fee: float | None = None
    """Fee per SIM activation."""
    max_active_sims: int | None = None
    """Activated SIMs included."""
    add_active_sims_rate: float | None = None
    """Price of another batch of activated SIMs."""
    add_active_sim_batch: int | None = None
    """Size of such a batch."""
    max_service_profiles: int | None = None
    """Service profiles allowed."""
    max_tariff_profiles: int | None = None
    """Tariff profiles allowed."""
    max_users: int | None = None
    """Users allowed."""
    minimum_runtime: int | None = None
    """Minimum runtime, in runtime units."""
    api_access_allowed: bool | None = None
    """Whether the API may be used."""
    vpn_access: bool | None = None
    """Whether VPN access is included."""
    evaluation: bool | None = None
    """Whether this is an evaluation plan."""
    expiry_time: int | None = None
    """Days an evaluation runs (0: it does not expire)."""
    billing_disabled: bool | None = None
    """Whether usage is not billed."""
    public_for_child_organisations: bool | None = None
    """Whether child organisations may pick the plan."""
    federation_allowed: bool | None = None
    """Whether user federation is allowed."""
    used_count: int | None = None
    """Organisations on the plan."""
    price: TariffPlanPrice | None = None
    """The price of activated SIMs (in the active plan's answer)."""
    currency: Currency | None = None
    """Currency of every price."""


@attrs.frozen(kw_only=True)
class TariffPlanAssignment(Model):
    """A tariff plan of an organisation, for a period: one item of its plan history, or its
    active plan (which adds ``sim_activated_amount`` and ``applied_price``)."""

    id: int
    """Assignment id."""
    organisation_id: int | None = None
    """The organisation."""
    start_date: datetime.datetime | None = None
    """When the plan started (UTC)."""
    expiry_date: datetime.datetime | None = None
    """When it ended or ends (UTC); ``None`` while open-ended."""
    active: bool | None = None
    """Whether this is the organisation's plan now."""
    tariff_plan: TariffPlan | None = None
    """The plan."""
    tariff_plan_runtime: TariffPlanRuntime | None = None
    """How long it runs."""
    applied_rate: float | None = None
    """The monthly base fee charged."""
    price_model: str | None = None
    """``"fixed"`` or ``"scale"`` (in the history)."""
    sim_activated_rate: float | None = None
    """The organisation's own rate of an activated SIM."""
    sim_activated_idle_rate: float | None = None
    """Its rate of an activated SIM without traffic."""
    sim_suspended_rate: float | None = None
    """Its rate of a suspended SIM."""
    sim_suspended_active_rate: float | None = None
    """Its rate of a suspended SIM with traffic."""
    sim_activated_amount: int | None = None
    """Activated SIMs this month (in the active plan)."""
    applied_price: TariffPlanPrice | None = None
    """The price of this month's activated SIMs (in the active plan); the fee is the sum of
    each line's rate times its volume."""
    currency_id: int | None = None
    """A custom currency id, if any."""
    federation_allowed: bool | None = None
    """Custom federation setting; ``None``: the plan's applies."""
    service_level: NamedRef | None = None
    """Service level, e.g. ``"Basic"``; ``None``: the plan's default applies."""
