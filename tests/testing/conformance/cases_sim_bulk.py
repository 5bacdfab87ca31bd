"""SIM migration, bulk delete and unlinked eSIM statistics (``_routes/sim_bulk.py``; newer
docs)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case, undocumented_status, user_token
from tests.testing.conformance.seeded import first_sim

MIGRATION = "/api/v1/sim/migration/workspace"
MULTI = "/api/v1/sim/multi"
ENTERPRISE = 102


def _sims(emu: Emulator, status: int, endpoint: bool, count: int) -> list[int]:
    table = emu.state.table
    return [
        i
        for i in emu.state.sim_ids()
        if table.status[i - 1] == status and bool(table.endpoint[i - 1]) == endpoint
    ][:count]


def _migration(sims: list[int], **options: object) -> dict[str, object]:
    return {
        "sims": [{"id": sim_id} for sim_id in sims],
        "target_workspace": {"id": ENTERPRISE},
        **options,
    }


async def _migrate(
    emu: Emulator, s: aiohttp.ClientSession, sims: list[int], **options: object
) -> Exchange:
    token = await user_token(emu, s)
    return await call(s, "POST", MIGRATION, json=_migration(sims, **options), token=token)


CASES = [
    case(
        "migrate sims dry run 200",
        lambda emu, s, t: _migrate(
            emu,
            s,
            _sims(emu, 1, True, 2),
            auto_detach_devices=True,
            allowed_sim_statuses=[{"id": 1}],
        ),
    ),
    case(
        "migrate sims 200",
        lambda emu, s, t: _migrate(
            emu, s, _sims(emu, 1, True, 2), auto_detach_devices=True, dry_run=False
        ),
    ),
    case(
        "migrate attached sims 409",
        lambda emu, s, t: _migrate(emu, s, _sims(emu, 1, True, 2), dry_run=False),
    ),
    case(
        "migrate with an application token 404",
        lambda emu, s, t: call(
            s, "POST", MIGRATION, json=_migration(_sims(emu, 0, False, 1)), token=t
        ),
    ),
    case(
        "migrate two ways 400",
        lambda emu, s, t: _migrate(emu, s, [first_sim(emu, 0, False)], iccids=["1"]),
    ),
    case(
        "delete sims 204",
        lambda emu, s, t: call(
            s, "DELETE", MULTI, json=[{"id": i} for i in _sims(emu, 0, False, 2)], token=t
        ),
    ),
    case(
        "delete unknown sims 404",
        lambda emu, s, t: call(s, "DELETE", MULTI, json=[{"id": 999999}], token=t),
    ),
    case(
        "delete sims with an endpoint 422",
        lambda emu, s, t: call(s, "DELETE", MULTI, json=[{"id": first_sim(emu, 1, True)}], token=t),
        undocumented_status(
            422,
            "the docs list 204/400/403/404; the emulator refuses a SIM with an endpoint as the "
            "single DELETE /sim/{id} does: 422 1406 NotAllowed (docs/emulator.md)",
        ),
    ),
    case(
        "unlinked product stats 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/sim/unlinked_product_stats", token=t),
    ),
]
