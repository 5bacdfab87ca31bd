"""Endpoints: list, create, details, update, delete, statuses (``_routes/endpoints.py``)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import (
    Deviation,
    Exchange,
    call,
    case,
    undocumented_status,
)
from tests.testing.conformance.recorded import Fix
from tests.testing.conformance.seeded import endpoint, free_sim, new_endpoint, spare

ENDPOINTS = "/api/v1/endpoint"
ENDPOINT = "/api/v1/endpoint/{endpoint_id}"

NULL_IMEI_AND_TAGS = tuple(
    Deviation(
        "response",
        f"body[*].{key}",
        "type",
        "S1 types an endpoint's imei and tags as non-null strings; emnify's recorded answers "
        'send "imei": null and "tags": null (shared/notes/recorded_examples.md, '
        "GET /api/v1/endpoint; emnify-sdk-python cassette test_delete_device).",
    )
    for key in ("imei", "tags")
)
# An endpoint without a SIM has no "sim" key, one never attached no "runtime_data".
ENDPOINT_OPTIONAL = {
    "body[*].sim": "omitted for an endpoint without a SIM",
    "body[*].tags": "null when unset (recorded: imei null)",
    "body[*].imei": "null when unset (recorded)",
}


async def _exhaust_space(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    """Creates endpoints in the parent's small address space until it has none left."""
    body = new_endpoint("filler", ip_address_space={"id": 2})
    for _ in range(10):
        exchange = await call(s, "POST", ENDPOINTS, json=body, token=t)
        if exchange.status != 201:
            return exchange
    raise AssertionError("the address space never ran out")


EXAMPLE_FIXES = [
    Fix(
        "GET",
        ENDPOINTS,
        "[*].imei",
        "S1's endpoint list example writes the IMEI as a number; emnify's recorded endpoint "
        "sends null or a string (recorded_examples.md), as S1's event examples do",
        value="1234567890123456",
    )
]

CASES = [
    case(
        "list endpoints 200",
        lambda emu, s, t: call(
            s, "GET", ENDPOINTS, query={"q": "tags:fleet,imei:35", "per_page": "5"}, token=t
        ),
        optional=ENDPOINT_OPTIONAL,
    ),
    case(
        "list endpoints with nulls 200",
        lambda emu, s, t: call(s, "GET", ENDPOINTS, query={"page": "2", "per_page": "10"}, token=t),
        *NULL_IMEI_AND_TAGS,
        optional=ENDPOINT_OPTIONAL,
    ),
    case(
        "create endpoint 201",
        lambda emu, s, t: call(
            s,
            "POST",
            ENDPOINTS,
            json=new_endpoint(
                "conformance-meter",
                tags="arduino, meter, EU",
                imei="8664250350704510",
                imei_lock=True,
                sim={"id": free_sim(emu)},
            ),
            token=t,
        ),
    ),
    case("create endpoint no address 404", _exhaust_space),
    case(
        "create endpoint taken address 409",
        lambda emu, s, t: call(
            s,
            "POST",
            ENDPOINTS,
            json=new_endpoint("clash", ip_address="100.64.0.1", ip_address_space={"id": 2}),
            token=t,
        ),
    ),
    case(
        "create endpoint bad reference 422",
        lambda emu, s, t: call(
            s, "POST", ENDPOINTS, json=new_endpoint("bad", service_profile={"id": -1}), token=t
        ),
    ),
    case("endpoint statuses 200", lambda emu, s, t: call(s, "GET", ENDPOINTS + "/status", token=t)),
    case(
        "endpoint details 200",
        lambda emu, s, t: call(s, "GET", ENDPOINT, {"endpoint_id": endpoint(emu)}, token=t),
    ),
    case(
        "update endpoint 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            ENDPOINT,
            {"endpoint_id": spare(emu)},
            json={
                "name": "renamed",
                "tags": "tag1, tag2",
                "status": {"id": 1},
                "service_profile": {"id": 3},
                "tariff_profile": {"id": 2},
                "imei": "123456789112345",
                "imei_lock": True,
                "sim": {"id": free_sim(emu)},
            },
            token=t,
        ),
    ),
    case(
        "update endpoint release sim 204",
        lambda emu, s, t: call(
            s, "PATCH", ENDPOINT, {"endpoint_id": spare(emu)}, json={"sim": {"id": None}}, token=t
        ),
        Deviation(
            "request",
            "request.body.sim.id",
            "type",
            "S1 types sim.id of PATCH /endpoint/{id} as a non-null integer, but releasing the "
            'SIM is done with {"sim": {"id": null}} (notes section 8).',
        ),
    ),
    case(
        "update endpoint bad reference 422",
        lambda emu, s, t: call(
            s,
            "PATCH",
            ENDPOINT,
            {"endpoint_id": endpoint(emu)},
            json={"service_profile": {"id": -1}},
            token=t,
        ),
        undocumented_status(
            422,
            "S1 documents only 204 for PATCH /endpoint/{id}; emnify answers 422 "
            "InputValidationFailed with nested errors (recorded_examples.md, 'Service profile "
            "with Id '-1' not found.').",
        ),
    ),
    case(
        "delete endpoint 204",
        lambda emu, s, t: call(s, "DELETE", ENDPOINT, {"endpoint_id": spare(emu, 1)}, token=t),
    ),
    case(
        "delete endpoint unknown 404",
        lambda emu, s, t: call(s, "DELETE", ENDPOINT, {"endpoint_id": 999999}, token=t),
    ),
    case(
        "delete endpoint with sim 409",
        lambda emu, s, t: call(s, "DELETE", ENDPOINT, {"endpoint_id": endpoint(emu)}, token=t),
    ),
]
