"""The organisation's events, an endpoint's events and the event types (``_routes/events.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case
from tests.testing.conformance.recorded import Twin
from tests.testing.conformance.seeded import endpoint

ENDPOINT = "/api/v1/endpoint/{endpoint_id}"

EVENT_LISTS = ("/api/v1/event", "/api/v1/sim/{sim_id}/event", ENDPOINT + "/event")
TWINS = [
    Twin(
        ("GET", a, ""),
        ("GET", b, ""),
        "the organisation's, a SIM's and an endpoint's events are one Event object "
        "(emnify_api.md section 7: 'Related endpoints with the same shape')",
    )
    for index, a in enumerate(EVENT_LISTS)
    for b in EVENT_LISTS[index + 1 :]
]

CASES = [
    case(
        "events 200",
        lambda emu, s, t: call(
            s, "GET", "/api/v1/event", query={"per_page": "20", "page": "2"}, token=t
        ),
    ),
    case(
        "events filtered 200",
        lambda emu, s, t: call(
            s, "GET", "/api/v1/event", query={"q": "type:1", "sort": "-timestamp"}, token=t
        ),
    ),
    case(
        "events bad page 400",
        lambda emu, s, t: call(s, "GET", "/api/v1/event", query={"per_page": "many"}, token=t),
        invalid_request=True,
    ),
    case(
        "events bad q 422",
        lambda emu, s, t: call(
            s, "GET", "/api/v1/event", query={"q": "from:2020-07-20T08:00:00Z"}, token=t
        ),
    ),
    case("event types 200", lambda emu, s, t: call(s, "GET", "/api/v1/event/type", token=t)),
    case(
        "endpoint events 200",
        lambda emu, s, t: call(
            s, "GET", ENDPOINT + "/event", {"endpoint_id": endpoint(emu)}, token=t
        ),
        Deviation(
            "response",
            "body",
            "type",
            "S1 declares the endpoint event list as a single object; its own example, the SIM "
            "events schema and emnify's recorded answer (cassette device_events) are arrays.",
        ),
    ),
    case(
        "endpoint events bad page 400",
        lambda emu, s, t: call(
            s, "GET", ENDPOINT + "/event", {"endpoint_id": 1}, query={"page": "x"}, token=t
        ),
        invalid_request=True,
    ),
    case(
        "endpoint events bad q 422",
        lambda emu, s, t: call(
            s, "GET", ENDPOINT + "/event", {"endpoint_id": 1}, query={"q": "colour:red"}, token=t
        ),
        invalid_request=True,
    ),
]
