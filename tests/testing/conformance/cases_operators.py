"""``GET /api/v1/operator`` (``_routes/operators.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case

CASES = [
    case(
        "operators 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/operator", token=t),
        *(
            Deviation(
                "response",
                f"body[*].country.{key}",
                "type",
                "S1 types the country's country_code/mcc as integers and latitude/longitude "
                "as numbers; emnify's recorded answer (and S1's own example) send strings "
                "(recorded_examples.md, GET /api/v1/operator).",
            )
            for key in ("country_code", "mcc", "latitude", "longitude")
        ),
    ),
]
