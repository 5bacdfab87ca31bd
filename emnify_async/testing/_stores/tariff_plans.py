"""Tariff plans: each organisation's history of plans, and the two answers that show them.

The list (``GET .../{org_id}/tariff_plan``) and the active plan (``.../tariff_plan/active``)
show one assignment in two different forms, each as the spec's example of it: the list with
the plan's database row (numbers and flags as strings), the active plan with typed values and
the price that applies this month.
"""

from __future__ import annotations

import datetime as dt

from emnify_async.testing._catalog import EUR, JsonObj
from emnify_async.testing._dates import day_timestamp
from emnify_async.testing._tariff_plan_data import PlanAssignment, PriceLine, TariffPlan

_RUNTIME: JsonObj = {"number_of_units": 1, "time_unit_id": 0, "id": 1}
"""Monthly runtime (the only one seeded)."""
_PLAN_OWNER = "2"  # emnify itself, as in the spec's example


class TariffPlans:
    """The plans by id and the organisations' assignments of them."""

    def __init__(self, plans: list[TariffPlan], assignments: list[PlanAssignment]) -> None:
        self.plans = {plan.id: plan for plan in plans}
        self.assignments = list(assignments)

    def of(self, org_id: int) -> list[PlanAssignment]:
        """The organisation's plans, oldest first."""
        return sorted((a for a in self.assignments if a.org_id == org_id), key=_start)

    def active(self, org_id: int, today: dt.date) -> PlanAssignment | None:
        return next((a for a in self.of(org_id) if a.active(today)), None)

    def used_count(self, plan_id: int, today: dt.date) -> int:
        """How many organisations have the plan now."""
        return sum(1 for a in self.assignments if a.plan_id == plan_id and a.active(today))

    # --- rendering ------------------------------------------------------------------------

    def list_json(self, assignment: PlanAssignment, today: dt.date) -> JsonObj:
        """An item of ``GET .../{org_id}/tariff_plan``, shaped as the spec's example."""
        plan = self.plans[assignment.plan_id]
        return {
            "organisation_id": str(assignment.org_id),
            **_period(assignment),
            **_sim_rates(),
            "currency_id": None,
            "federation_allowed": False,
            "id": assignment.id,
            "tariff_plan": self._plan_row(plan, today),
            # The plan's runtime row, its numbers as strings (the spec's example).
            "tariff_plan_runtime": {"number_of_units": "1", "time_unit_id": "0", "id": 1},
            "service_level": None,
            "active": assignment.active(today),
            "applied_rate": plan.rate,
            "price_model": "scale" if plan.scaled else "fixed",
        }

    def active_json(self, assignment: PlanAssignment, activated_sims: int) -> JsonObj:
        """``GET .../tariff_plan/active``: the plan and the price of ``activated_sims``."""
        plan = self.plans[assignment.plan_id]
        service_level = plan.service_level
        return {
            "organisation_id": assignment.org_id,
            **_period(assignment),
            **_sim_rates(),
            "sim_activated_amount": activated_sims,
            "applied_price": {"sim_activated_rate": _applied(plan.price, activated_sims)},
            "tariff_plan": {
                "name": plan.name,
                "description": plan.description,
                "sim_activation_fee": plan.sim_activation_fee,
                "max_active_sims": plan.max_active_sims,
                "add_active_sims_rate": plan.add_active_sims_rate,
                "add_active_sim_batch": plan.add_active_sim_batch,
                "max_service_profiles": plan.max_service_profiles,
                "max_tariff_profiles": plan.max_tariff_profiles,
                "max_users": plan.max_users,
                "api_access_allowed": True,
                "vpn_access": True,
                "evaluation": plan.evaluation,
                "expiry_time": plan.expiry_time,
                "id": plan.id,
                "price": {"sim_activated_rate": [_price_line(line) for line in plan.price]},
                "currency": EUR,
            },
            "tariff_plan_runtime": dict(_RUNTIME),
            "active": True,
            "applied_rate": plan.rate,
            "id": assignment.id,
            "service_level": (
                None
                if service_level is None
                else {"id": service_level[0], "name": service_level[1]}
            ),
        }

    def _plan_row(self, plan: TariffPlan, today: dt.date) -> JsonObj:
        created = day_timestamp(plan.created)
        flag = {True: "1", False: "0"}
        return {
            "organisation_id": _PLAN_OWNER,
            "name": plan.name,
            "description": plan.description,
            "tariff_plan_type_id": "0",
            "min_tariff_plan_runtime_id": "0",
            "tariff_plan_status_id": "1",
            "level": "0",
            "tariff_plan_runtime_id": None,
            "owner_organisation_id": "0",
            "public_for_child_organisations": "1",
            "creation_date": created,
            "activation_date": created,
            "deprecation_date": day_timestamp(plan.deprecated),
            "notes": None,
            "rate": plan.rate,
            "yearly_rate": f"{plan.rate * 12:.6f}",
            "currency_id": str(EUR["id"]),
            "sim_activation_fee": plan.sim_activation_fee,
            "max_active_sims": plan.max_active_sims,
            "add_active_sims_rate": plan.add_active_sims_rate,
            "add_active_sim_batch": plan.add_active_sim_batch,
            "max_service_profiles": plan.max_service_profiles,
            "max_tariff_profiles": plan.max_tariff_profiles,
            "max_users": plan.max_users,
            "minimum_runtime": 1,
            "api_access_allowed": 1,
            "vpn_access": 1,
            "private": "0",
            "dtype": "0",
            "evaluation": flag[plan.evaluation],
            "expiry_time": str(plan.expiry_time),
            "billing_disabled": flag[plan.evaluation],
            "visibility_id": "0",
            "service_level_id": None if plan.service_level is None else str(plan.service_level[0]),
            "federation_allowed": True,
            "used_count": self.used_count(plan.id, today),
            "id": plan.id,
            "currency": {
                "currency_id": str(EUR["id"]),
                "code": EUR["code"],
                "symbol": EUR["symbol"],
            },
        }


def _start(assignment: PlanAssignment) -> dt.date:
    return assignment.start


def _period(assignment: PlanAssignment) -> JsonObj:
    expiry = assignment.expiry
    return {
        "start_date": day_timestamp(assignment.start),
        "expiry_date": None if expiry is None else day_timestamp(expiry),
    }


def _sim_rates() -> JsonObj:
    """The organisation's own SIM rates (none: the plan's price applies)."""
    return {
        "sim_activated_rate": 0,
        "sim_activated_idle_rate": 0,
        "sim_suspended_rate": 0,
        "sim_suspended_active_rate": 0,
    }


def _price_line(line: PriceLine) -> JsonObj:
    if line.scale_start is None:
        return {"rate": line.rate}
    return {"scale_start": line.scale_start, "rate": line.rate}


def _applied(price: tuple[PriceLine, ...], activated: int) -> list[JsonObj]:
    """Volume pricing: every active SIM at the rate of the highest scale they reach."""
    reached = [line for line in price if line.scale_start is None or line.scale_start <= activated]
    if not reached or activated == 0:
        return []
    return [{**_price_line(reached[-1]), "volume": activated}]
