"""Organisation statistics (``_routes/org_stats.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case
from tests.testing.conformance.recorded import Twin

ORG = "/api/v1/organisation/{org_id_or_my}"

TWINS = [
    Twin(
        ("GET", "/api/v1/stats/daily", "[*]"),
        ("GET", ORG + "/stats/daily", "[*]"),
        "the legacy /stats/daily answers the caller's days as /organisation/my/stats/daily "
        "does (its S1 example only shows quiet days, without usage objects)",
    ),
]

CASES = [
    case(
        "monthly stats 200",
        lambda emu, s, t: call(s, "GET", f"{ORG}/stats", {"org_id_or_my": "my"}, token=t),
    ),
    case(
        "monthly stats prepaid child 200",
        lambda emu, s, t: call(s, "GET", f"{ORG}/stats", {"org_id_or_my": "103"}, token=t),
        *(
            Deviation(
                "shape",
                f"body.prepaid_balance.currency.{key}",
                rule,
                "S1's prepaid example names the currency's id currency_id; every other currency "
                "object (the same example's traffic currencies, tariffs) names it id",
            )
            for key, rule in (("id", "extra key"), ("currency_id", "missing key"))
        ),
    ),
    case(
        "monthly stats foreign 422",
        lambda emu, s, t: call(s, "GET", f"{ORG}/stats", {"org_id_or_my": "999"}, token=t),
    ),
    case(
        "daily stats 200",
        lambda emu, s, t: call(
            s,
            "GET",
            f"{ORG}/stats/daily",
            {"org_id_or_my": "102"},
            query={"start_date": "2024-02-01", "end_date": "2024-02-10"},
            token=t,
        ),
    ),
    case(
        "hourly stats 200",
        lambda emu, s, t: call(s, "GET", f"{ORG}/stats/hourly", {"org_id_or_my": "my"}, token=t),
        *(
            Deviation(
                "response",
                f"body.{kind}.{direction}[*]",
                "type",
                "S1 types every hourly sample as a string; its own description ('Array index "
                "0: time as HH:mm, index 1: consumed volume') and example send [time, volume] "
                "pairs (notes section 9).",
            )
            for kind in ("data", "sms")
            for direction in ("rx", "tx")
        ),
    ),
    case(
        "current month daily stats 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/stats/daily", token=t),
    ),
]
