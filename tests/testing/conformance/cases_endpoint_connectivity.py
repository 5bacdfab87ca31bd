"""Connectivity, its reset, connectivity info and USSD (``_routes/endpoint_connectivity.py``)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import (
    Deviation,
    Exchange,
    call,
    case,
    org_token,
)
from tests.testing.conformance.seeded import endpoint, spare

ENDPOINT = "/api/v1/endpoint/{endpoint_id}"
CONNECTIVITY = ENDPOINT + "/connectivity"


async def _reset_as_enterprise(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    """An enterprise child resetting an endpoint of its parent."""
    return await call(
        s,
        "PATCH",
        CONNECTIVITY,
        {"endpoint_id": endpoint(emu, complete=False)},
        json={"location": None},
        token=await org_token(emu, s, 102),
    )


CASES = [
    case(
        "connectivity online 200",
        lambda emu, s, t: call(
            s,
            "GET",
            CONNECTIVITY,
            {"endpoint_id": endpoint(emu, status="ONLINE", complete=False)},
            token=t,
        ),
        *(
            Deviation(
                "shape",
                f"body.{key}",
                "type",
                "S1's example writes ICCIDs, IMSIs and the IMEISV as JSON numbers; the emulator "
                "sends strings, as every recorded ICCID and IMSI is (recorded_examples.md: "
                "endpoint sim, SMS record) and a 19-digit ICCID does not survive a JSON number "
                "in most clients (docs/emulator.md)",
            )
            for key in ("location.iccid", "location.imsi", "pdp_context.imsi", "pdp_context.imeisv")
        ),
    ),
    case(
        "connectivity offline 200",
        lambda emu, s, t: call(s, "GET", CONNECTIVITY, {"endpoint_id": spare(emu)}, token=t),
    ),
    case(
        "reset connectivity 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            CONNECTIVITY,
            {"endpoint_id": endpoint(emu, status="ATTACHED", complete=False)},
            json={"location": None},
            token=t,
        ),
    ),
    case(
        "reset data session 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            CONNECTIVITY,
            {"endpoint_id": endpoint(emu, status="ONLINE", complete=False)},
            json={"pdp_context": None},
            token=t,
        ),
    ),
    case("reset connectivity enterprise 403", _reset_as_enterprise),
    case(
        "reset connectivity unknown 404",
        lambda emu, s, t: call(
            s, "PATCH", CONNECTIVITY, {"endpoint_id": 999999}, json={"location": None}, token=t
        ),
    ),
    case(
        "connectivity info 200",
        lambda emu, s, t: call(
            s,
            "GET",
            ENDPOINT + "/connectivity_info",
            {"endpoint_id": endpoint(emu, status="ONLINE", complete=False)},
            query={"subscriber": "true", "ussd": "true"},
            token=t,
        ),
        optional={"body.ussd_info.error": "only when the USSD request failed (S1's example)"},
    ),
    case(
        "connectivity info offline 404",
        lambda emu, s, t: call(
            s,
            "GET",
            ENDPOINT + "/connectivity_info",
            {"endpoint_id": endpoint(emu, status="OFFLINE", complete=False)},
            token=t,
        ),
        *(
            Deviation(
                "response",
                f"body.{key}",
                "required",
                "S1's 404 schema for connectivity_info is a copy of "
                "CreateCloudConnectVPNRequest (required type, name, premise_cidr, public_ip); "
                "its own 404 examples are error bodies (1901 UnknownSubscriber, 1904 "
                "UnknownLocation).",
            )
            for key in ("type", "name", "premise_cidr", "public_ip")
        ),
    ),
    case(
        "start ussd dialog 200",
        lambda emu, s, t: call(
            s,
            "POST",
            ENDPOINT + "/ussd",
            {"endpoint_id": endpoint(emu, status="ONLINE", complete=False)},
            json={
                "ussd-begin": {"type": "request", "message": {"encoding": "default", "body": "Hi"}}
            },
            token=t,
        ),
    ),
]
