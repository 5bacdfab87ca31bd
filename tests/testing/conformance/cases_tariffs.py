"""Tariff CRUD of the MNO and reseller API (``_routes/tariffs.py``).

No published emnify spec or recording covers these operations: they are validated against the
project's ``spec/mno_supplement.yaml`` (written from emnify's docs), closed mode included.
"""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case, org_token

TARIFFS = "/api/v1/tariff"
TARIFF = "/api/v1/tariff/{tariff_id}"

CASES = [
    case("list tariffs 200", lambda emu, s, t: call(s, "GET", TARIFFS, token=t)),
    case(
        "list tariffs enterprise 403",
        lambda emu, s, t: _as_enterprise(emu, s),
    ),
    case("tariff details 200", lambda emu, s, t: call(s, "GET", TARIFF, {"tariff_id": 2}, token=t)),
    case(
        "tariff details foreign 404",
        lambda emu, s, t: call(s, "GET", TARIFF, {"tariff_id": 9}, token=t),
    ),
    case(
        "create tariff 201",
        lambda emu, s, t: call(
            s,
            "POST",
            TARIFFS,
            json={
                "name": "Conformance Tariff",
                "description": "created by the conformance test",
                "currency": {"id": 1},
                "sim_activated_rate": 1.25,
                "default_sms_mt_rate": 0.05,
                "status": {"id": 1},
                "data_blocksize": {"id": 10},
                "data_throttle": {"id": 9},
                "public": True,
            },
            token=t,
        ),
    ),
    case(
        "create tariff duplicate 409",
        lambda emu, s, t: call(
            s, "POST", TARIFFS, json={"name": "M2M Europe", "currency": {"id": 1}}, token=t
        ),
    ),
    case(
        "update tariff 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            TARIFF,
            {"tariff_id": 5},
            json={"description": None, "sim_suspended_rate": 0.2, "data_throttle": {"id": None}},
            token=t,
        ),
    ),
    case(
        "update tariff negative rate 422",
        lambda emu, s, t: call(
            s, "PATCH", TARIFF, {"tariff_id": 5}, json={"sim_activated_rate": -1}, token=t
        ),
        invalid_request=True,
    ),
    case(
        "delete tariff 204", lambda emu, s, t: call(s, "DELETE", TARIFF, {"tariff_id": 5}, token=t)
    ),
    case(
        "delete tariff in use 422",
        lambda emu, s, t: call(s, "DELETE", TARIFF, {"tariff_id": 1}, token=t),
    ),
]


async def _as_enterprise(emu: Emulator, s: aiohttp.ClientSession) -> Exchange:
    return await call(s, "GET", TARIFFS, token=await org_token(emu, s, 102))
