"""CloudConnect attachments, breakout types, regions and prices (``_routes/cloud_connect.py``).

Set-ups move the emulator's clock (a ``ManualClock``): a VPN is Active three minutes after it
is created, which the details case needs to show its tunnels.
"""

from __future__ import annotations

from typing import Any

import aiohttp

from emnify_async.testing import Emulator, ManualClock
from tests.testing.conformance.harness import (
    Deviation,
    Exchange,
    call,
    case,
    org_token,
    undocumented_status,
)
from tests.testing.conformance.recorded import Twin

BREAKOUT = "/api/v1/cnc/breakout"
ONE = BREAKOUT + "/{cloudconnect_attachment_id}"
AVAILABLE = "/api/v1/cnc/breakout_type/{breakout_type_id}/available_region"

TWINS = [
    Twin(
        ("GET", "/api/v1/cnc/region", "[*]"),
        ("GET", AVAILABLE, "[*]"),
        "S1 documents no answer for the deprecated regions list; the emulator answers the items "
        "of its documented successor (the same description: regions to create breakouts in)",
    )
]

TGW = {
    "type": {"id": 1},
    "name": "connectivity test",
    "vpc_cidr": ["172.16.1.0/24"],
    "region": "eu-west-1",
    "aws_account_id": "394759813210",
}
VPN = {
    "type": {"id": 3},
    "name": "Demo Attachment Dynamic VPN",
    "psk": "secret123",
    "asn": 65000,
    "public_ip": "3.9.30.167",
    "on_prem_cidr": ["172.25.2.0/24"],
    "region": "eu-west-2",
}

_TYPE_REASON = (
    "S1's schema types `type` as an integer, but both its request examples (and S2's VPN "
    'schema) send {"id": n}, the API\'s usual reference; the SDK sends that and the emulator '
    "accepts both"
)
TYPE_AS_OBJECT = (
    Deviation("request", "request.body.type", "type", _TYPE_REASON),
    Deviation("request", "request.body.type", "enum", _TYPE_REASON),
)
ON_PREM_CIDR = Deviation(
    "request",
    "request.body.premise_cidr",
    "required",
    "S1's schema requires `premise_cidr`, but S1's examples and S2's schema and description "
    "name the field `on_prem_cidr`; the emulator (and the SDK) follow the evidence",
)
DETAILS_AN_OBJECT = Deviation(
    "response",
    "body",
    "type",
    "S1 declares the details an array of attachments, but its example (and S2's) is one "
    "object, like every other details operation",
)
_SAMPLES_REASON = (
    "bytes_in/bytes_out map each five-minute sample's time to a number (S1: "
    "additionalProperties); the keys are data, the last hour at the emulator's clock, not "
    "the example's 2019 samples"
)
SAMPLE_KEYS = tuple(
    Deviation(check, "body.tunnel_information[*].metrics.bytes_*", rule, _SAMPLES_REASON)
    for check, rule in (
        ("closed", "unknown key"),
        ("shape", "extra key"),
        ("shape", "missing key"),
    )
)
EXPIRY_DATE = Deviation(
    "shape",
    "body[*].accept_attachment_expiry_date",
    "extra key",
    "S1's schema documents it for a Transit Gateway pending AWS activation; its examples "
    "show only active attachments",
)
NOT_FOUND = undocumented_status(
    404, "an unknown or another organisation's attachment: 404 NotFound, as on other details"
)
NOT_ALLOWED = undocumented_status(
    422,
    "a request the attachment's state or the breakout type forbids: 422, as the API refuses "
    "other writes (S1 documents only 400 'malformed' and 403)",
)
TGW_PENDING = {
    "body[*].aws_transit_gateway_attachment_id": "a Transit Gateway has no AWS attachment "
    "until the customer attaches their VPC",
    "body[*].aws_vpn_connection_id": "a Transit Gateway has no VPN connection",
}
TGW_DETAILS = {
    "body.aws_vpn_connection_id": "a Transit Gateway has no VPN connection",
    "body.tunnel_information": "only an active VPN attachment has tunnels",
}


def _advance(emu: Emulator, seconds: float) -> None:
    clock = emu.clock
    assert isinstance(clock, ManualClock)
    clock.advance(seconds)


async def _created(s: aiohttp.ClientSession, path: str, body: dict[str, Any], token: str) -> int:
    exchange = await call(s, "POST", path, json=body, token=token)
    assert exchange.status == 201, exchange.body
    return int(exchange.headers["Location"].rsplit("/", 1)[1])


async def _active_vpn(emu: Emulator, s: aiohttp.ClientSession, token: str) -> Exchange:
    """A dynamic VPN three minutes after its creation: Active, with its tunnels."""
    new_id = await _created(s, BREAKOUT + "/vpn", VPN, token)
    _advance(emu, 180)
    return await call(s, "GET", ONE, {"cloudconnect_attachment_id": new_id}, token=token)


async def _delete_new_vpn(emu: Emulator, s: aiohttp.ClientSession, token: str) -> Exchange:
    new_id = await _created(s, BREAKOUT + "/vpn", {**VPN, "name": "to delete"}, token)
    return await call(s, "DELETE", ONE, {"cloudconnect_attachment_id": new_id}, token=token)


async def _retry_expired(emu: Emulator, s: aiohttp.ClientSession, token: str) -> Exchange:
    """A Transit Gateway nobody attached to within 7 days (the last case: the area's token
    has expired by then)."""
    new_id = await _created(s, BREAKOUT + "/tgw", {**TGW, "name": "expired"}, token)
    _advance(emu, 7 * 86400)
    fresh = await org_token(emu, s, emu.state.org_id)
    return await call(s, "PATCH", ONE, {"cloudconnect_attachment_id": new_id}, token=fresh)


CASES = [
    case(
        "list cloudconnect attachments 200",
        lambda emu, s, t: call(s, "GET", BREAKOUT, token=t),
    ),
    case(
        "list active vpn attachments 200",
        lambda emu, s, t: call(s, "GET", BREAKOUT, query={"status": "5", "type": "3"}, token=t),
    ),
    case(
        "list another organisation's attachments 403",
        lambda emu, s, t: call(s, "GET", BREAKOUT, query={"organisation": "999"}, token=t),
    ),
    case(
        "cloudconnect tgw details 200",
        lambda emu, s, t: call(s, "GET", ONE, {"cloudconnect_attachment_id": 104}, token=t),
        DETAILS_AN_OBJECT,
        optional=TGW_DETAILS,
    ),
    case(
        "cloudconnect attachment details foreign 404",
        lambda emu, s, t: call(s, "GET", ONE, {"cloudconnect_attachment_id": 120}, token=t),
        NOT_FOUND,
    ),
    case(
        "create cloudconnect tgw 201",
        lambda emu, s, t: call(s, "POST", BREAKOUT + "/tgw", json=TGW, token=t),
        *TYPE_AS_OBJECT,
    ),
    case(
        "list pending tgw attachments 200",
        lambda emu, s, t: call(s, "GET", BREAKOUT, query={"status": "2", "type": "1"}, token=t),
        EXPIRY_DATE,
        optional=TGW_PENDING,
    ),
    case(
        "create cloudconnect tgw unavailable region 422",
        lambda emu, s, t: call(
            s, "POST", BREAKOUT + "/tgw", json={**TGW, "region": "sa-east-1"}, token=t
        ),
        *TYPE_AS_OBJECT,
        NOT_ALLOWED,
    ),
    case(
        "create cloudconnect vpn 201",
        lambda emu, s, t: call(s, "POST", BREAKOUT + "/vpn", json=VPN, token=t),
        *TYPE_AS_OBJECT,
        ON_PREM_CIDR,
    ),
    case(
        "create dynamic vpn without asn 422",
        lambda emu, s, t: call(
            s,
            "POST",
            BREAKOUT + "/vpn",
            json={key: value for key, value in VPN.items() if key != "asn"},
            token=t,
        ),
        *TYPE_AS_OBJECT,
        ON_PREM_CIDR,
        NOT_ALLOWED,
    ),
    case(
        "active vpn details 200",
        _active_vpn,
        DETAILS_AN_OBJECT,
        *SAMPLE_KEYS,
    ),
    case("delete cloudconnect attachment 200", _delete_new_vpn),
    case(
        "delete classic attachment 422",
        lambda emu, s, t: call(s, "DELETE", ONE, {"cloudconnect_attachment_id": 110}, token=t),
        NOT_ALLOWED,
    ),
    case(
        "retry active tgw 422",
        lambda emu, s, t: call(s, "PATCH", ONE, {"cloudconnect_attachment_id": 104}, token=t),
        NOT_ALLOWED,
    ),
    case(
        "retry unknown attachment 404",
        lambda emu, s, t: call(s, "PATCH", ONE, {"cloudconnect_attachment_id": 4711}, token=t),
    ),
    case(
        "breakout types 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/cnc/breakout_type", token=t),
    ),
    case(
        "available regions 200",
        lambda emu, s, t: call(s, "GET", AVAILABLE, {"breakout_type_id": 1}, token=t),
    ),
    case(
        "available regions unknown type 404",
        lambda emu, s, t: call(s, "GET", AVAILABLE, {"breakout_type_id": 9}, token=t),
        undocumented_status(404, "an unknown breakout type: 404 NotFound, as an unknown id"),
    ),
    case(
        "deprecated regions 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/cnc/region", query={"type": "2"}, token=t),
    ),
    case(
        "cloudconnect prices 200", lambda emu, s, t: call(s, "GET", "/api/v1/cnc/pricing", token=t)
    ),
    case(
        "cloudconnect prices of an enterprise 200",
        lambda emu, s, t: _as_enterprise(emu, s, "/api/v1/cnc/pricing"),
    ),
    case("retry expired tgw 200", _retry_expired),
]


async def _as_enterprise(emu: Emulator, s: aiohttp.ClientSession, path: str) -> Exchange:
    return await call(s, "GET", path, token=await org_token(emu, s, 102))
