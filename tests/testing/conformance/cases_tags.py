"""Tags (v2): tags, colours, endpoint assignments, bulk calls (``_routes/tags.py``; newer
docs). The cases run in order on one emulator: the first ones create the tags the later use."""

from __future__ import annotations

from typing import Any

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import call, case, then, undocumented_status
from tests.testing.conformance.seeded import endpoint, spare

TAGS = "/api/v2/tags"
TAG = TAGS + "/{tag_id}"
COLORS = "/api/v2/tag-colors"
ENDPOINT_TAGS = "/api/v2/endpoint/{endpoint_id}/tags"
ENDPOINT_TAG = ENDPOINT_TAGS + "/{tag_id}"
ADD = "/api/v2/bulk-operations/endpoint/add-tags"
REMOVE = "/api/v2/bulk-operations/endpoint/remove-tags"
DELETE_MANY = "/api/v2/bulk-operations/tag/delete-tags"
UNKNOWN = 987_654


def tag(emu: Emulator, name: str) -> int:
    """The id of the parent's tag of that name (created by an earlier case)."""
    found = emu.state.tags.named(emu.state.org_id, name)
    assert found is not None, name
    return found.id


def items(*pairs: tuple[int, int]) -> dict[str, Any]:
    return {"items": [{"endpoint": {"id": e}, "tags": [{"id": t}]} for e, t in pairs]}


# Every endpoint route of the emulator answers an unknown endpoint with emnify's 404
# (`1401 InvalidReference`, as recorded for GET /api/v1/endpoint/{id}); the newer docs list
# no 404 for listing an endpoint's tags.
UNKNOWN_ENDPOINT_404 = undocumented_status(
    404, "an unknown endpoint, answered as every endpoint route (recorded 404 1401)"
)

CASES = [
    case("tag colors 200", lambda emu, s, t: call(s, "GET", COLORS, token=t)),
    case(
        "create tag 201",
        lambda emu, s, t: call(
            s, "POST", TAGS, json={"name": "berlin", "color": {"id": 4}}, token=t
        ),
    ),
    case(
        "create tag without a colour 201",
        lambda emu, s, t: call(s, "POST", TAGS, json={"name": "munich"}, token=t),
    ),
    case(
        "create tag with a taken name 409",
        lambda emu, s, t: call(s, "POST", TAGS, json={"name": "Berlin"}, token=t),
    ),
    case(
        "create tag without a name 400",
        lambda emu, s, t: call(s, "POST", TAGS, json={"color": {"id": 1}}, token=t),
        invalid_request=True,
    ),
    case(
        "create tag with an unknown colour 422",
        lambda emu, s, t: call(
            s, "POST", TAGS, json={"name": "hamburg", "color": {"id": 99}}, token=t
        ),
    ),
    case(
        "assign tag 201",
        lambda emu, s, t: call(
            s,
            "POST",
            ENDPOINT_TAGS,
            {"endpoint_id": endpoint(emu)},
            json={"id": tag(emu, "berlin")},
            token=t,
        ),
    ),
    case(
        "assign an assigned tag 409",
        lambda emu, s, t: call(
            s,
            "POST",
            ENDPOINT_TAGS,
            {"endpoint_id": endpoint(emu)},
            json={"id": tag(emu, "berlin")},
            token=t,
        ),
    ),
    case(
        "assign an unknown tag 422",
        lambda emu, s, t: call(
            s, "POST", ENDPOINT_TAGS, {"endpoint_id": endpoint(emu)}, json={"id": UNKNOWN}, token=t
        ),
    ),
    case(
        "endpoint tags 200",
        lambda emu, s, t: call(s, "GET", ENDPOINT_TAGS, {"endpoint_id": endpoint(emu)}, token=t),
    ),
    case(
        "endpoint tags of an unknown endpoint 404",
        lambda emu, s, t: call(s, "GET", ENDPOINT_TAGS, {"endpoint_id": UNKNOWN}, token=t),
        UNKNOWN_ENDPOINT_404,
    ),
    case(
        "list tags 200",
        lambda emu, s, t: call(s, "GET", TAGS, query={"page": "1", "page_size": "10"}, token=t),
    ),
    case(
        "list tags by name 200",
        lambda emu, s, t: call(s, "GET", TAGS, query={"name": "MUN"}, token=t),
    ),
    case(
        "list tags with a bad page 400",
        lambda emu, s, t: call(s, "GET", TAGS, query={"page": "first"}, token=t),
        invalid_request=True,
    ),
    case(
        "update tag 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            TAG,
            {"tag_id": tag(emu, "berlin")},
            json={"name": "Berlin", "color": {"id": 2}},
            token=t,
        ),
    ),
    case(
        "update tag to a taken name 422",
        lambda emu, s, t: call(
            s, "PATCH", TAG, {"tag_id": tag(emu, "munich")}, json={"name": "berlin"}, token=t
        ),
    ),
    case(
        "update an unknown tag 404",
        lambda emu, s, t: call(s, "PATCH", TAG, {"tag_id": UNKNOWN}, json={"name": "x"}, token=t),
    ),
    case(
        "assign tags in bulk 200",
        lambda emu, s, t: call(
            s,
            "POST",
            ADD,
            json=items((endpoint(emu), tag(emu, "munich")), (spare(emu), tag(emu, "berlin"))),
            token=t,
        ),
    ),
    case(
        "assign assigned tags in bulk 409",
        lambda emu, s, t: call(
            s, "POST", ADD, json=items((spare(emu), tag(emu, "berlin"))), token=t
        ),
    ),
    case(
        "assign tags to an unknown endpoint in bulk 422",
        lambda emu, s, t: call(s, "POST", ADD, json=items((UNKNOWN, tag(emu, "munich"))), token=t),
    ),
    case(
        "assign tags in bulk without items 400",
        lambda emu, s, t: call(s, "POST", ADD, json={"items": []}, token=t),
    ),
    case(
        "unassign tags in bulk 200",
        lambda emu, s, t: call(
            s, "POST", REMOVE, json=items((spare(emu), tag(emu, "berlin"))), token=t
        ),
    ),
    case(
        "unassign unknown tags in bulk 422",
        lambda emu, s, t: call(s, "POST", REMOVE, json=items((spare(emu), UNKNOWN)), token=t),
    ),
    case(
        "unassign tag 200",
        lambda emu, s, t: call(
            s,
            "DELETE",
            ENDPOINT_TAG,
            {"endpoint_id": endpoint(emu), "tag_id": tag(emu, "munich")},
            token=t,
        ),
    ),
    case(
        "unassign a tag the endpoint lacks 404",
        lambda emu, s, t: call(
            s,
            "DELETE",
            ENDPOINT_TAG,
            {"endpoint_id": spare(emu), "tag_id": tag(emu, "munich")},
            token=t,
        ),
    ),
    case(
        "delete tag 204",
        lambda emu, s, t: then(
            call(s, "POST", TAGS, json={"name": "short-lived"}, token=t),
            lambda: call(s, "DELETE", TAG, {"tag_id": tag(emu, "short-lived")}, token=t),
        ),
    ),
    case(
        "delete an unknown tag 404",
        lambda emu, s, t: call(s, "DELETE", TAG, {"tag_id": UNKNOWN}, token=t),
    ),
    case(
        "delete unknown tags in bulk 422",
        lambda emu, s, t: call(
            s,
            "POST",
            DELETE_MANY,
            json={"tags": [{"id": tag(emu, "munich")}, {"id": UNKNOWN}]},
            token=t,
        ),
    ),
    case(
        "delete tags in bulk 200",
        lambda emu, s, t: call(
            s,
            "POST",
            DELETE_MANY,
            json={"tags": [{"id": tag(emu, "munich")}, {"id": tag(emu, "berlin")}]},
            token=t,
        ),
    ),
]
