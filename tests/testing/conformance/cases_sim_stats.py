"""SIM statistics (``_routes/sim_stats.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case
from tests.testing.conformance.recorded import Twin
from tests.testing.conformance.seeded import traffic_sim

SIM = "/api/v1/sim/{sim_id}"

DAILY = SIM + "/stats/daily"
TWINS = [
    Twin(
        ("GET", DAILY, "[*].data"),
        ("GET", DAILY, "[*].sms"),
        "a day's SMS usage has the form of its data usage: S1's example only shows quiet SMS "
        "days (0 and null), its active data days strings with traffic_type and currency",
    ),
]

CASES = [
    case(
        "sim stats 200",
        lambda emu, s, t: call(s, "GET", f"{SIM}/stats", {"sim_id": traffic_sim(emu)}, token=t),
        Deviation(
            "response",
            "body",
            "type",
            "S1 declares the SIM stats result an array of objects whose volumes are numbers; "
            "its own example and S2 describe one object, with volumes as strings (notes "
            "section 7).",
        ),
    ),
    case(
        "sim daily stats 200",
        lambda emu, s, t: call(
            s,
            "GET",
            f"{SIM}/stats/daily",
            {"sim_id": traffic_sim(emu)},
            query={"start_date": "2024-02-01", "end_date": "2024-02-15"},
            token=t,
        ),
    ),
]
