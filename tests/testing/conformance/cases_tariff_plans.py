"""Tariff plans of organisations (``_routes/tariff_plans.py``).

The list follows the spec's example item, a database row whose flags and some numbers are
strings and whose empty references are null; the schema types them otherwise. Each such key
is a deviation here, with the example as the evidence.
"""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case, undocumented_status

PLANS = "/api/v1/organisation/{org_id}/tariff_plan"
ACTIVE = "/api/v1/organisation/{org_id_or_my}/tariff_plan/active"
MY_ACTIVE = "/api/v1/tariff_plan/active"

_EXAMPLE = "as the spec's example of OrganisationTariffPlanByOrgIdGet sends it"
_OPEN_END = "documented: 'the end date of the tariff_plan, or null if it is open end'"
# Keys of a list item the example sends as null or as strings, against the schema's type.
_AS_IN_EXAMPLE = (
    "currency_id",
    "service_level",
    "tariff_plan.tariff_plan_runtime_id",
    "tariff_plan.notes",
    "tariff_plan.public_for_child_organisations",
    "tariff_plan.yearly_rate",
    "tariff_plan.private",
    "tariff_plan.evaluation",
    "tariff_plan.expiry_time",
    "tariff_plan.billing_disabled",
)
LIST_DEVIATIONS = (
    *(Deviation("response", f"body[*].{key}", "type", _EXAMPLE) for key in _AS_IN_EXAMPLE),
    Deviation("response", "body[*].expiry_date", "type", _OPEN_END),
)
OPEN_END = Deviation("response", "body.expiry_date", "type", _OPEN_END)

CASES = [
    case(
        "tariff plans 200",
        lambda emu, s, t: call(s, "GET", PLANS, {"org_id": 101}, token=t),
        *LIST_DEVIATIONS,
    ),
    case(
        "tariff plans of a child 200",
        lambda emu, s, t: call(s, "GET", PLANS, {"org_id": 103}, token=t),
        *LIST_DEVIATIONS,
    ),
    case(
        "tariff plans foreign 404",
        lambda emu, s, t: call(s, "GET", PLANS, {"org_id": 999}, token=t),
        undocumented_status(404, "as the active plan documents for an inaccessible organisation"),
    ),
    case(
        "active tariff plan 200",
        lambda emu, s, t: call(s, "GET", ACTIVE, {"org_id_or_my": "102"}, token=t),
        OPEN_END,
    ),
    case(
        "active tariff plan my 200",
        lambda emu, s, t: call(s, "GET", ACTIVE, {"org_id_or_my": "my"}, token=t),
        OPEN_END,
    ),
    case(
        "my active tariff plan (newer docs) 200",
        lambda emu, s, t: call(s, "GET", MY_ACTIVE, token=t),
        OPEN_END,
    ),
    case(
        "no active tariff plan 404",
        lambda emu, s, t: call(s, "GET", ACTIVE, {"org_id_or_my": "104"}, token=t),
    ),
]
