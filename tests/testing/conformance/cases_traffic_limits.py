"""Traffic limit extensions of an endpoint (``_routes/traffic_limits.py``; newer docs)."""

from __future__ import annotations

from tests.testing.conformance.harness import call, case, then
from tests.testing.conformance.seeded import endpoint

PATH = "/api/v1/endpoint/{endpoint_id}/traffic_limit_extension"

CASES = [
    case(
        "extend traffic limit 201",
        lambda emu, s, t: call(
            s, "POST", PATH, {"endpoint_id": endpoint(emu)}, json={"volume": 100}, token=t
        ),
    ),
    case(
        "traffic limit extensions 200",
        lambda emu, s, t: then(
            call(
                s,
                "POST",
                PATH,
                {"endpoint_id": endpoint(emu)},
                json={"volume": 5, "traffic_limit_id": 111},
                token=t,
            ),
            lambda: call(s, "GET", PATH, {"endpoint_id": endpoint(emu)}, token=t),
        ),
    ),
    case(
        "extend traffic limit without volume 400",
        lambda emu, s, t: call(
            s, "POST", PATH, {"endpoint_id": endpoint(emu)}, json={"traffic_limit_id": 234}, token=t
        ),
        invalid_request=True,
    ),
    case(
        "remove traffic limit extensions 204",
        lambda emu, s, t: call(s, "DELETE", PATH, {"endpoint_id": endpoint(emu)}, token=t),
    ),
    case(
        "traffic limit extensions unknown endpoint 404",
        lambda emu, s, t: call(s, "GET", PATH, {"endpoint_id": 9999999}, token=t),
    ),
]
