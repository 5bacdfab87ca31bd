"""eUICC operations: schedule, list, details, cancel, lookups (``_routes/euicc_operations.py``;
newer docs). The operations run by the emulator's clock, which the cases move on."""

from __future__ import annotations

import json

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case, undocumented_status
from tests.testing.conformance.seeded import advance, euicc

OPERATIONS = "/api/v1/euicc/{euicc_id}/operation"
OPERATION = OPERATIONS + "/{operation_id}"
AUDIT = {"action": {"id": 7}}
DOWNLOAD = {"action": {"id": 1}, "activation_code": "LPA:1$smdp.example.com$ABC", "enable": True}


async def _schedule(
    emu: Emulator, s: aiohttp.ClientSession, t: str, *requests: dict[str, object]
) -> list[dict[str, object]]:
    exchange = await call(
        s, "POST", OPERATIONS, {"euicc_id": euicc(emu)}, json=list(requests), token=t
    )
    scheduled: list[dict[str, object]] = json.loads(exchange.body)
    return scheduled


async def _after_run(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    await _schedule(emu, s, t, AUDIT, DOWNLOAD)
    advance(emu, 11)
    return await call(s, "GET", OPERATIONS, {"euicc_id": euicc(emu)}, token=t)


async def _failed(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    """Enabling a profile the eUICC does not have fails when it runs, with an error."""
    missing = {"action": {"id": 2}, "iccid_with_luhn": "89000000000000000000"}
    (operation,) = await _schedule(emu, s, t, missing)
    advance(emu, 11)
    ids = {"euicc_id": euicc(emu), "operation_id": operation["id"]}
    return await call(s, "GET", OPERATION, ids, token=t)


async def _cancel(emu: Emulator, s: aiohttp.ClientSession, t: str, *, ran: bool) -> Exchange:
    (operation,) = await _schedule(emu, s, t, AUDIT)
    if ran:
        advance(emu, 11)
    ids = {"euicc_id": euicc(emu), "operation_id": operation["id"]}
    return await call(s, "DELETE", OPERATION, ids, token=t)


CASES = [
    case(
        "euicc operation actions 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/euicc/operation/action", token=t),
    ),
    case(
        "euicc operation statuses 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/euicc/operation/status", token=t),
    ),
    case(
        "schedule euicc operations 201",
        lambda emu, s, t: call(
            s, "POST", OPERATIONS, {"euicc_id": euicc(emu)}, json=[AUDIT, DOWNLOAD], token=t
        ),
    ),
    case("euicc operations 200", _after_run),
    case(
        "euicc operations filtered 200",
        lambda emu, s, t: call(
            s,
            "GET",
            OPERATIONS,
            {"euicc_id": euicc(emu)},
            query={"q": "status:3", "sort": "-creation_date"},
            token=t,
        ),
    ),
    case("failed euicc operation 200", _failed),
    case("cancel euicc operation 204", lambda emu, s, t: _cancel(emu, s, t, ran=False)),
    case(
        "cancel finished euicc operation 409",
        lambda emu, s, t: _cancel(emu, s, t, ran=True),
        undocumented_status(
            409,
            "cancelling is 'reserved for future use' in the docs; the emulator answers an "
            "operation that has already run with 409 (a choice, docs/emulator.md)",
        ),
    ),
    case(
        "euicc operation unknown 404",
        lambda emu, s, t: call(
            s,
            "GET",
            OPERATION,
            {"euicc_id": euicc(emu), "operation_id": "00000000-0000-4000-8000-000000000000"},
            token=t,
        ),
    ),
    case(
        "schedule on a non-iot euicc 404",
        lambda emu, s, t: call(
            s, "POST", OPERATIONS, {"euicc_id": euicc(emu, iot=False)}, json=[AUDIT], token=t
        ),
    ),
    case(
        "schedule unknown action 400",
        lambda emu, s, t: call(
            s, "POST", OPERATIONS, {"euicc_id": euicc(emu)}, json=[{"action": {"id": 99}}], token=t
        ),
    ),
]
