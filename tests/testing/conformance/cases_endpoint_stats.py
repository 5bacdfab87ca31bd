"""Endpoint statistics (``_routes/endpoint_stats.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import call, case
from tests.testing.conformance.recorded import Twin
from tests.testing.conformance.seeded import endpoint

ENDPOINT = "/api/v1/endpoint/{endpoint_id}"

DAILY = ENDPOINT + "/stats/daily"
TWINS = [
    Twin(
        ("GET", DAILY, "[*]"),
        ("GET", "/api/v1/sim/{sim_id}/stats/daily", "[*]"),
        "an endpoint's daily statistics are its SIM's days (S1 gives both the same example)",
    ),
    Twin(
        ("GET", DAILY, "[*].data"),
        ("GET", DAILY, "[*].sms"),
        "a day's SMS usage has the form of its data usage (S1's example shows quiet SMS days)",
    ),
]

CASES = [
    case(
        "endpoint stats 200",
        lambda emu, s, t: call(
            s, "GET", ENDPOINT + "/stats", {"endpoint_id": endpoint(emu, complete=False)}, token=t
        ),
    ),
    case(
        "endpoint daily stats 200",
        lambda emu, s, t: call(
            s,
            "GET",
            ENDPOINT + "/stats/daily",
            {"endpoint_id": endpoint(emu, complete=False)},
            query={"start_date": "2026-02-01"},
            token=t,
        ),
    ),
]
