"""Inclusive volumes of organisations (``_routes/inclusive_volumes.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import call, case
from tests.testing.conformance.seeded import month

ORG = "/api/v1/organisation/{org_id_or_my}"
ORG_VOLUMES = "/api/v1/organisation/{org_id}/inclusive_volume"
ASSIGN = ORG + "/inclusive_volume/{inclusive_volume_id}"

CASES = [
    case(
        "active inclusive volumes 200",
        lambda emu, s, t: call(
            s, "GET", f"{ORG}/inclusive_volume/active", {"org_id_or_my": "102"}, token=t
        ),
    ),
    case(
        "active inclusive volumes foreign 404",
        lambda emu, s, t: call(
            s, "GET", f"{ORG}/inclusive_volume/active", {"org_id_or_my": "999"}, token=t
        ),
    ),
    case(
        "assign inclusive volume 201",
        lambda emu, s, t: call(
            s,
            "PUT",
            ASSIGN,
            {"org_id_or_my": "102", "inclusive_volume_id": 1102},
            json={"start_date": month(1), "end_date": month(3, last=True), "pooled": False},
            token=t,
        ),
    ),
    case(
        "assign inclusive volume without body 201",
        lambda emu, s, t: call(
            s, "PUT", ASSIGN, {"org_id_or_my": "104", "inclusive_volume_id": 2101}, token=t
        ),
        optional={"body.end_date": "omitted for a volume without an end (emnify_api.md section 9)"},
    ),
    case(
        "assign inclusive volume foreign 404",
        lambda emu, s, t: call(
            s, "PUT", ASSIGN, {"org_id_or_my": "999", "inclusive_volume_id": 9101}, token=t
        ),
    ),
    case(
        "assign inclusive volume malformed 400",
        lambda emu, s, t: call(
            s,
            "PUT",
            ASSIGN,
            {"org_id_or_my": "102", "inclusive_volume_id": 1101},
            json=[1],
            token=t,
        ),
        invalid_request=True,
    ),
    case(
        "create inclusive volume 201",
        lambda emu, s, t: call(
            s,
            "POST",
            ORG_VOLUMES,
            {"org_id": 103},
            json={
                "currency": {"id": 1},
                "rate": 4.5,
                "volume": 200,
                "ratezone": {"id": 12},
                "pooled": True,
                "start_date": month(1)[:10],
                "end_date": None,
                "excess_traffic": 0.02,
                "multi": False,
            },
            token=t,
        ),
    ),
    case(
        "create inclusive volume wrong currency 422",
        lambda emu, s, t: call(
            s,
            "POST",
            ORG_VOLUMES,
            {"org_id": 103},
            json={"currency": {"id": 2}, "rate": 1, "volume": 1, "ratezone": {"id": 12}},
            token=t,
        ),
    ),
]
