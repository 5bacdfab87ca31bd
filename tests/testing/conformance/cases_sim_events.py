"""``GET /api/v1/sim/{sim_id}/event`` (``_routes/sim_events.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import call, case
from tests.testing.conformance.seeded import traffic_sim

EVENTS = "/api/v1/sim/{sim_id}/event"

CASES = [
    case(
        "sim events 200",
        lambda emu, s, t: call(
            s,
            "GET",
            EVENTS,
            {"sim_id": traffic_sim(emu)},
            query={"per_page": "3", "sort": "-id"},
            token=t,
        ),
    ),
    case(
        "sim events unknown sim 200",
        lambda emu, s, t: call(s, "GET", EVENTS, {"sim_id": 999999}, token=t),
    ),
    case(
        "sim events bad q 422",
        lambda emu, s, t: call(s, "GET", EVENTS, {"sim_id": 1}, query={"q": "colour:red"}, token=t),
        invalid_request=True,
    ),
]
