"""Seed data of tariff plans: emnify's subscription plans and the organisations' history of them.

A tariff plan is what an organisation pays emnify monthly (a base fee and a price per active
SIM, fixed or scaled by the number of SIMs); its assignments have a start and, once replaced
or ended, an expiry date. The values follow the spec's examples ("Evaluation" 18,
"Professional" 39).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PriceLine:
    """The monthly price of an active SIM: from ``scale_start`` SIMs on, or fixed (``None``)."""

    rate: float
    scale_start: int | None = None


@dataclass(frozen=True)
class TariffPlan:
    id: int
    name: str
    description: str
    rate: float
    """The monthly base fee (``applied_rate``)."""
    price: tuple[PriceLine, ...]
    evaluation: bool = False
    expiry_time: int = 0
    """Days an evaluation runs (0: it does not expire)."""
    sim_activation_fee: float = 0.0
    max_active_sims: int = 0
    add_active_sims_rate: float = 0.0
    add_active_sim_batch: int = 0
    max_service_profiles: int = 0
    max_tariff_profiles: int = 0
    max_users: int = 0
    service_level: tuple[int, str] | None = None
    created: dt.date = dt.date(2016, 1, 1)
    deprecated: dt.date = dt.date(2099, 12, 31)

    @property
    def scaled(self) -> bool:
        return any(line.scale_start is not None for line in self.price)


@dataclass(frozen=True)
class PlanAssignment:
    """An organisation's tariff plan from ``start`` until ``expiry`` (``None``: open end)."""

    id: int
    org_id: int
    plan_id: int
    start: dt.date
    expiry: dt.date | None = None

    def active(self, today: dt.date) -> bool:
        return self.start <= today and (self.expiry is None or today <= self.expiry)


EVALUATION_PLAN = TariffPlan(
    18,
    "Evaluation",
    "Evaluate all functions, no monthly commitment",
    rate=0.0,
    price=(PriceLine(0.0),),
    evaluation=True,
    expiry_time=60,
    max_active_sims=10,
    max_service_profiles=3,
    max_tariff_profiles=3,
    max_users=2,
)
PROFESSIONAL_PLAN = TariffPlan(
    39,
    "Professional",
    "Full usability for small and medium applications",
    rate=299.0,
    price=(PriceLine(0.85, 1), PriceLine(0.8, 10), PriceLine(0.6, 100), PriceLine(0.5, 1000)),
    sim_activation_fee=3.0,
    max_active_sims=500,
    add_active_sims_rate=49.0,
    add_active_sim_batch=100,
    max_service_profiles=20,
    max_tariff_profiles=20,
    max_users=10,
    service_level=(1, "Basic"),
)


def make_tariff_plans(
    parent: int, foreign: int, today: dt.date
) -> tuple[list[TariffPlan], list[PlanAssignment]]:
    """The two plans and their history: the parent evaluated, then went Professional; 102 and
    the reseller 105 are Professional; 103 evaluates since this month; 104's plan ended (it
    has no active one)."""
    this_month = today.replace(day=1)
    assignments = [
        PlanAssignment(9001, parent, 18, dt.date(2019, 1, 1), dt.date(2019, 3, 31)),
        PlanAssignment(9002, parent, 39, dt.date(2019, 4, 1)),
        PlanAssignment(9003, 102, 39, dt.date(2019, 6, 1)),
        PlanAssignment(9004, 103, 18, this_month),
        PlanAssignment(9005, 104, 39, dt.date(2020, 1, 1), dt.date(2023, 12, 31)),
        PlanAssignment(9006, 105, 39, dt.date(2021, 2, 1)),
        PlanAssignment(9009, foreign, 39, dt.date(2020, 1, 1)),
    ]
    return [EVALUATION_PLAN, PROFESSIONAL_PLAN], assignments
