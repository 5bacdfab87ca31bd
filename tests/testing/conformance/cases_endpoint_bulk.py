"""Bulk endpoint calls: ``/api/v2/endpoint/multi`` (``_routes/endpoint_bulk.py``; newer docs)."""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case
from tests.testing.conformance.seeded import free_sim, spare

MULTI = "/api/v2/endpoint/multi"
PROFILES = {"service_profile": {"id": 1}, "tariff_profile": {"id": 1}, "status": {"id": 0}}

# The assembly types `imei_with_luhn` as an (empty) object; an IMEI with its Luhn digit is a
# string, and the SIM list example of docs.emnify.com writes it `null` without an IMEI.
IMEI_WITH_LUHN = Deviation(
    "response",
    "body[*].imei_with_luhn",
    "type",
    "typed object by the assembly; a string or null (docs.emnify.com SIM list example)",
)
# Endpoints without tags are `null`, as recorded for GET /api/v1/endpoint (the assembly types
# `tags` as a non-null string, like S1 for the endpoint list).
NULL_TAGS = Deviation(
    "response",
    "body[*].tags",
    "type",
    "null without tags, as recorded for the endpoint list (S1 types it a string too)",
)
NULL_IMEI = Deviation(
    "response",
    "body[*].imei",
    "type",
    "null without an IMEI, as recorded for the endpoint list",
)


CASES = [
    case(
        "create endpoints in bulk 201",
        lambda emu, s, t: call(
            s,
            "POST",
            MULTI,
            json={
                **PROFILES,
                "endpoints": [
                    {
                        "name": "bulk-1",
                        "imei": "356938035643809",
                        "tags": "bulk",
                        "sim": {"id": free_sim(emu), "activate": True},
                    },
                    {"name": "bulk-2"},
                ],
            },
            token=t,
        ),
        IMEI_WITH_LUHN,
        NULL_TAGS,
        NULL_IMEI,
    ),
    case(
        "create endpoints with a repeated imei 422",
        lambda emu, s, t: call(
            s,
            "POST",
            MULTI,
            json={
                **PROFILES,
                "endpoints": [
                    {"name": "twin-1", "imei": "356938035643810"},
                    {"name": "twin-2", "imei": "356938035643810"},
                ],
            },
            token=t,
        ),
    ),
    case(
        "update endpoints in bulk 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            MULTI,
            json=[{"id": spare(emu, 0), "name": "renamed"}, {"id": spare(emu, 1), "tags": "x"}],
            token=t,
        ),
    ),
    case(
        "update endpoints unknown profile 422",
        lambda emu, s, t: call(
            s,
            "PATCH",
            MULTI,
            json=[{"id": spare(emu, 0), "service_profile": {"id": 9999}}],
            token=t,
        ),
    ),
    case(
        "delete endpoints in bulk 204",
        lambda emu, s, t: call(s, "DELETE", MULTI, json=[{"id": spare(emu, 0)}], token=t),
    ),
    case(
        "delete unknown endpoints 404",
        lambda emu, s, t: call(s, "DELETE", MULTI, json=[{"id": 9999999}], token=t),
    ),
]
