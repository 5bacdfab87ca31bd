"""SIM operations: trigger, list, details, lookups (``_routes/sim_operations.py``; newer docs).
The operations run by the emulator's clock, which the cases move on."""

from __future__ import annotations

import json

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case
from tests.testing.conformance.seeded import advance, eid, stock_sim

PATH = "/api/v1/sim/operation"
ONE = PATH + "/{operation_id}"


def _link(emu: Emulator, index: int) -> dict[str, object]:
    return {"action": {"id": 1}, "product": {"id": 1}, "target": [{"eid": eid(emu, index)}]}


async def _finished(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    """A link of one stock SIM and of one that is not in stock: completed with an error."""
    targets = [
        {"sim": {"id": stock_sim(emu)}, "eid": eid(emu, 2)},
        {"sim": {"id": 1}, "eid": eid(emu, 3)},
    ]
    body = {"action": {"id": 1}, "target": targets}
    created = json.loads((await call(s, "POST", PATH, json=body, token=t)).body)
    advance(emu, 6)
    return await call(s, "GET", ONE, {"operation_id": created["id"]}, token=t)


CASES = [
    case("sim operation actions 200", lambda emu, s, t: call(s, "GET", PATH + "/action", token=t)),
    case("sim operation statuses 200", lambda emu, s, t: call(s, "GET", PATH + "/status", token=t)),
    case(
        "trigger sim operation 201",
        lambda emu, s, t: call(s, "POST", PATH, json=_link(emu, 0), token=t),
    ),
    case("sim operation with errors 200", _finished),
    case(
        "sim operations 200",
        lambda emu, s, t: call(s, "GET", PATH, query={"sort": "-creation_date"}, token=t),
    ),
    case(
        "sim operations filtered 200",
        lambda emu, s, t: call(s, "GET", PATH, query={"q": "action:1"}, token=t),
    ),
    case(
        "trigger sim operation unknown action 400",
        lambda emu, s, t: call(
            s, "POST", PATH, json={"action": {"id": 9}, "target": [{"eid": eid(emu)}]}, token=t
        ),
    ),
    case(
        "sim operation unknown 404",
        lambda emu, s, t: call(
            s, "GET", ONE, {"operation_id": "00000000-0000-4000-8000-000000000000"}, token=t
        ),
    ),
]
