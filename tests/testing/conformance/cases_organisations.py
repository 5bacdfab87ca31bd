"""Organisation details, statuses and tariff change (``_routes/organisations.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import call, case

ORG_TARIFF = "/api/v1/organisation/{org_id}/tariff"

CASES = [
    case(
        "my organisation 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/organisation/my", token=t),
        optional={
            "body.relation": "only an organisation with a parent has one (the parent 101 has none)",
            "body.monthly_cost_limit": "null without a limit",
            "body.verification_type": "not emulated (identity verification)",
            "body.verification": "not emulated (identity verification)",
        },
    ),
    case(
        "organisation statuses 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/organisation/status", token=t),
    ),
    case(
        "update organisation tariff 200",
        lambda emu, s, t: call(s, "PATCH", ORG_TARIFF, {"org_id": 102}, json={"id": 2}, token=t),
    ),
    case(
        "update organisation tariff foreign 404",
        lambda emu, s, t: call(s, "PATCH", ORG_TARIFF, {"org_id": 999}, json={"id": 2}, token=t),
    ),
    case(
        "update organisation tariff suspended 422",
        lambda emu, s, t: call(s, "PATCH", ORG_TARIFF, {"org_id": 104}, json={"id": 1}, token=t),
    ),
]
