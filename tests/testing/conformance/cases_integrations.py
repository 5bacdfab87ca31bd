"""Integrations: Data Streamer v2, API callback URLs and API secrets (``_routes/integrations.py``).

No recording of these operations exists: the answers are held against the spec's schemas and
examples. The seeded streams are ``689d97ba`` (usage to Kinesis, Running) and ``123bc456``
(alerts to a webhook, Paused); callbacks 2 and 3, secrets 1 and 2 (the spec's examples).
"""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case
from tests.testing.conformance.recorded import Fix, Twin

STREAMS = "/api/v2/data_stream"
STREAM = "/api/v2/data_stream/{data_stream_id}"
CALLBACKS = "/api/v1/api_callback"
CALLBACK = "/api/v1/api_callback/{api_callback_id}"
SECRETS = "/api/v1/api_secret"
SECRET = "/api/v1/api_secret/{api_secret_id}"
WEBHOOK = {
    "name": "My Webhook Stream",
    "data_stream_type": {"id": 2},
    "destination": {
        "connection_type": "RestAPI",
        "credentials": {
            "url": "https://example.com",
            "method": "POST",
            "headers": ["header1:value1"],
            "size": 3000,
        },
        "format": "Json",
    },
}

EXAMPLE_FIXES = [
    Fix(
        "GET",
        STREAMS,
        at,
        "the spec's list example writes `id: 3,` and `id: 1,` (a YAML string with a comma) "
        "where its details example and the status lookup have numbers",
        value=1,
    )
    for at in ("[*].relation_resolution.id", "[*].status.id")
]
TWINS = [
    Twin(
        ("GET", STREAMS, "[*]"),
        ("GET", STREAM, ""),
        "a stream of the list is the configuration GET /api/v2/data_stream/{id} answers",
    )
]
LIST_IS_AN_ARRAY = Deviation(
    "response",
    "body",
    "type",
    "the spec's schema of the list is one object; its own example (and the operation's "
    "purpose) is an array of streams",
)
FILTER_FIELD_IDS = Deviation(
    "response",
    "body[*].id",
    "type",
    "the spec types the lookup's ids as numbers; its own example has the field names "
    "('event_type_id', 'alert'), which the filters use",
)

CASES = [
    case(
        "list data streams 200",
        lambda emu, s, t: call(s, "GET", STREAMS, token=t),
        LIST_IS_AN_ARRAY,
    ),
    case(
        "create data stream 201", lambda emu, s, t: call(s, "POST", STREAMS, json=WEBHOOK, token=t)
    ),
    case(
        "create data stream without destination 422",
        lambda emu, s, t: call(s, "POST", STREAMS, json={"data_stream_type": {"id": 1}}, token=t),
    ),
    case(
        "data stream statuses 200", lambda emu, s, t: call(s, "GET", STREAMS + "/status", token=t)
    ),
    case("data stream types 200", lambda emu, s, t: call(s, "GET", STREAMS + "/type", token=t)),
    case(
        "data stream filter fields 200",
        lambda emu, s, t: call(s, "GET", STREAMS + "/filter_field_type", token=t),
        FILTER_FIELD_IDS,
    ),
    case(
        "data stream details 200",
        lambda emu, s, t: call(s, "GET", STREAM, {"data_stream_id": "a1b2c3d4"}, token=t),
    ),
    case(
        "data stream details foreign 404",
        lambda emu, s, t: call(s, "GET", STREAM, {"data_stream_id": "f0e1d2c3"}, token=t),
    ),
    case(
        "update data stream 202",
        lambda emu, s, t: call(
            s,
            "PATCH",
            STREAM,
            {"data_stream_id": "123bc456"},
            json={"name": "Renamed", "status": {"id": 2}, "filters": []},
            token=t,
        ),
    ),
    case(
        "update data stream to error 422",
        lambda emu, s, t: call(
            s, "PATCH", STREAM, {"data_stream_id": "123bc456"}, json={"status": {"id": 3}}, token=t
        ),
    ),
    case(
        "restart data stream 202",
        lambda emu, s, t: call(
            s, "POST", STREAM + "/restart", {"data_stream_id": "689d97ba"}, token=t
        ),
    ),
    case(
        "restart pending data stream 409",
        lambda emu, s, t: call(
            s, "POST", STREAM + "/restart", {"data_stream_id": "689d97ba"}, token=t
        ),
    ),
    case(
        "delete pending data stream 409",
        lambda emu, s, t: call(s, "DELETE", STREAM, {"data_stream_id": "689d97ba"}, token=t),
    ),
    case(
        "delete data stream 202",
        lambda emu, s, t: call(s, "DELETE", STREAM, {"data_stream_id": "123bc456"}, token=t),
    ),
    case("list callbacks 200", lambda emu, s, t: call(s, "GET", CALLBACKS, token=t)),
    case(
        "create callback 201",
        lambda emu, s, t: call(
            s,
            "POST",
            CALLBACKS,
            json={"url": "https://my-application-server.com", "purpose": "Conformance"},
            token=t,
        ),
    ),
    case(
        "callback details 200",
        lambda emu, s, t: call(s, "GET", CALLBACK, {"api_callback_id": 2}, token=t),
    ),
    case(
        "callback details foreign 404",
        lambda emu, s, t: call(s, "GET", CALLBACK, {"api_callback_id": 9}, token=t),
    ),
    case(
        "delete callback 200",
        lambda emu, s, t: call(s, "DELETE", CALLBACK, {"api_callback_id": 3}, token=t),
    ),
    case(
        "delete callback unknown 404",
        lambda emu, s, t: call(s, "DELETE", CALLBACK, {"api_callback_id": 3}, token=t),
    ),
    case("list secrets 200", lambda emu, s, t: call(s, "GET", SECRETS, token=t)),
    case(
        "create secret 201",
        lambda emu, s, t: call(
            s,
            "POST",
            SECRETS,
            json={"secret": "P9MM^Y$n83jgx5z", "purpose": "Conformance"},
            token=t,
        ),
    ),
    case(
        "secret details 200",
        lambda emu, s, t: call(s, "GET", SECRET, {"api_secret_id": 2}, token=t),
    ),
    case(
        "secret details foreign 404",
        lambda emu, s, t: call(s, "GET", SECRET, {"api_secret_id": 9}, token=t),
    ),
    case(
        "delete secret 200",
        lambda emu, s, t: call(s, "DELETE", SECRET, {"api_secret_id": 1}, token=t),
    ),
    case(
        "delete secret unknown 404",
        lambda emu, s, t: call(s, "DELETE", SECRET, {"api_secret_id": 1}, token=t),
    ),
]
