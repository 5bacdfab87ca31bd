"""SIM details, updates, deletes, events, statistics and batches."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest

from emnify_async.testing import Emulator, ManualClock

from .conftest import Api, connect

Factory = Callable[..., Awaitable[Emulator]]

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$")


def _sim_with(emu: Emulator, status: int, endpoint: bool | None = None) -> int:
    table = emu.state.table
    for sim_id in emu.state.sim_ids():
        has_endpoint = bool(table.endpoint[sim_id - 1])
        if table.status[sim_id - 1] == status and endpoint in (None, has_endpoint):
            return sim_id
    raise AssertionError(f"no SIM with status {status}")


async def test_sim_details(api: Api) -> None:
    async with api.get("/api/v1/sim/1") as resp:
        sim = await resp.json()
    assert resp.status == 200
    assert sim == api.emu.state.sim(1)
    assert re.fullmatch(r"8988303\d{12}", sim["iccid"])
    assert re.fullmatch(r"2950\d{11}", sim["imsi"])
    assert TIMESTAMP.match(sim["production_date"])
    assert {"id", "description", "formfactor", "manufacturer"} <= set(sim["model"])
    assert {"id", "name", "country"} <= set(sim["issuer_org"])
    with_endpoint = _sim_with(api.emu, 1, endpoint=True)
    without_endpoint = _sim_with(api.emu, 0)
    async with api.get(f"/api/v1/sim/{with_endpoint}") as resp:
        assert "ip_address" in (await resp.json())["endpoint"]
    async with api.get(f"/api/v1/sim/{without_endpoint}") as resp:
        body = await resp.json()
        assert "endpoint" not in body and "activation_date" not in body


async def test_unknown_sim_404(api: Api) -> None:
    async with api.get("/api/v1/sim/999999") as resp:
        assert resp.status == 404
        assert await resp.json() == {
            "error_code": 1201,
            "error_token": "NotFound",
            "message": "SIM with Id '999999' not found.",
        }
    foreign = api.emu.state.batches
    foreign_sim = next(
        b.sim_ids[0] for b in foreign.values() if api.emu.state.table.owner[b.sim_ids[0] - 1] == 999
    )
    async with api.get(f"/api/v1/sim/{foreign_sim}") as resp:
        assert resp.status == 404
    async with api.get("/api/v1/sim/abc") as resp:
        assert resp.status == 400


async def test_status_lookup(api: Api) -> None:
    async with api.get("/api/v1/sim/status") as resp:
        assert await resp.json() == [
            {"id": 0, "description": "Issued"},
            {"id": 1, "description": "Activated"},
            {"id": 2, "description": "Suspended"},
            {"id": 3, "description": "Deleted"},
            {"id": 4, "description": "Factory Test"},
        ]


ALLOWED = {(0, 1), (0, 4), (4, 1), (1, 2), (2, 1)}


@pytest.mark.parametrize(("current", "target"), [(a, b) for a in (0, 1, 2, 4) for b in range(5)])
async def test_status_transitions(api: Api, current: int, target: int) -> None:
    sim_id = _sim_with(api.emu, current)
    async with api.patch(f"/api/v1/sim/{sim_id}", json={"status": {"id": target}}) as resp:
        if (current, target) in ALLOWED or current == target:
            assert resp.status == 204
            assert await resp.read() == b""
            assert api.emu.state.sim(sim_id)["status"]["id"] == target  # type: ignore[index]
        else:
            assert resp.status == 422
            body = await resp.json()
            assert body["error_code"] == 1406 and body["error_token"] == "NotAllowed"
            assert api.emu.state.sim(sim_id)["status"]["id"] == current  # type: ignore[index]


async def test_activation_sets_date_and_event(api: Api) -> None:
    sim_id = _sim_with(api.emu, 0)
    async with api.patch(f"/api/v1/sim/{sim_id}", json={"status": {"id": 1}}) as resp:
        assert resp.status == 204
    sim = api.emu.state.sim(sim_id)
    assert sim is not None and TIMESTAMP.match(sim["activation_date"])
    async with api.get(f"/api/v1/sim/{sim_id}/event", params={"sort": "-id"}) as resp:
        latest = (await resp.json())[0]
    assert latest["event_type"] == {"id": 8, "description": "SIM activation"}
    async with api.get("/api/v1/sim", params={"q": f"id:{sim_id}"}) as resp:
        assert (await resp.json())[0]["status"]["id"] == 1  # page cache was invalidated


async def test_activating_an_issued_sim_records_one_event(emnify_emulator_factory: Factory) -> None:
    """A SIM first activated by a write has that one event, not an invented history (which
    used to add a second activation and network events in the future)."""
    emu = await emnify_emulator_factory(sims=40, clock=ManualClock("2026-03-14T12:00:00Z"))
    api = await connect(emu)
    try:
        sim_id = _sim_with(emu, 0)
        async with api.get(f"/api/v1/sim/{sim_id}/event") as resp:
            assert await resp.json() == []
        async with api.patch(f"/api/v1/sim/{sim_id}", json={"status": {"id": 1}}) as resp:
            assert resp.status == 204
        async with api.get(f"/api/v1/sim/{sim_id}/event") as resp:
            events = await resp.json()
        assert [(e["event_type"]["id"], e["timestamp"]) for e in events] == [
            (8, "2026-03-14T12:00:00.000Z")
        ]
    finally:
        await api.session.close()


async def test_patch_validation(api: Api) -> None:
    async with api.patch("/api/v1/sim/1", json={"status": {"id": 1}, "colour": "red"}) as resp:
        assert resp.status == 422
        body = await resp.json()
    assert body["error_code"] == 1400 and body["error_token"] == "InputValidationFailed"
    assert body["errors"][0]["message"] == "Unknown field 'colour'"
    bad_bodies: list[object] = [
        {"status": 1},
        {"status": {"id": "1"}},
        {"status": {}},
        {"customer_org": 5},
        [1],
    ]
    for bad in bad_bodies:
        async with api.patch("/api/v1/sim/1", json=bad) as resp:
            assert resp.status == 422, bad
            assert (await resp.json())["error_code"] == 1400
    async with api.patch("/api/v1/sim/1", data=b"{") as resp:
        assert resp.status == 400
    async with api.patch("/api/v1/sim/999999", json={"status": {"id": 1}}) as resp:
        assert resp.status == 404


async def test_patch_organisations(api: Api) -> None:
    async with api.patch("/api/v1/sim/1", json={"customer_org": {"id": 104}}) as resp:
        assert resp.status == 204
    assert api.emu.state.sim(1)["customer_org"]["id"] == 104  # type: ignore[index]
    async with api.patch("/api/v1/sim/1", json={"customer_org": {}}) as resp:
        assert resp.status == 204
    # emptied, the customer is the owner again: an assigned SIM always names one (as recorded)
    assert api.emu.state.sim(1)["customer_org"]["id"] == api.emu.state.org_id  # type: ignore[index]
    async with api.patch("/api/v1/sim/1", json={"reseller_org": {"id": None}}) as resp:
        assert resp.status == 204
    async with api.patch("/api/v1/sim/1", json={"customer_org": {"id": 105}}) as resp:
        assert resp.status == 422  # a reseller is no customer
        assert (await resp.json())["error_token"] == "NotAllowed"
    async with api.patch("/api/v1/sim/1", json={"customer_org": {"id": 999}}) as resp:
        assert resp.status == 422  # not a child
    async with api.patch("/api/v1/sim/1", json={"customer_org": {"id": 123456}}) as resp:
        assert (await resp.json())["error_token"] == "InvalidReference"


async def test_delete(api: Api) -> None:
    emu = api.emu
    busy = _sim_with(emu, 1, endpoint=True)
    async with api.delete(f"/api/v1/sim/{busy}") as resp:
        assert resp.status == 422
        assert (await resp.json())["error_token"] == "NotAllowed"
    free = _sim_with(emu, 0, endpoint=False)
    async with api.delete(f"/api/v1/sim/{free}") as resp:
        assert resp.status == 204
    assert emu.state.sim(free) is None
    async with api.get(f"/api/v1/sim/{free}") as resp:
        assert resp.status == 404
    async with api.get("/api/v1/sim", params={"per_page": "1"}) as resp:
        assert resp.headers["X-Total-Count"] == "249"


async def test_sim_endpoint_link_agrees_both_ways(api: Api) -> None:
    """Moving an endpoint to another SIM unlinks it from the first, in every answer."""
    emu = api.emu
    link = emu.state.links.sim_endpoint
    first = _sim_with(emu, 1, endpoint=True)
    second = _sim_with(emu, 0, endpoint=False)
    endpoint_id = link.right_of(first)
    assert endpoint_id is not None and link.left_of(endpoint_id) == first
    async with api.get("/api/v1/sim", params={"q": "endpoint:null", "per_page": "2500"}) as resp:
        unassigned = {sim["id"] for sim in await resp.json()}
    assert second in unassigned and first not in unassigned

    emu.state.set_sim_endpoint(second, endpoint_id)

    assert (link.left_of(endpoint_id), link.right_of(first)) == (second, None)
    async with api.get(f"/api/v1/sim/{second}") as resp:
        assert (await resp.json())["endpoint"]["id"] == endpoint_id
    async with api.get(f"/api/v1/sim/{first}") as resp:
        assert "endpoint" not in await resp.json()
    async with api.get("/api/v1/sim", params={"q": "endpoint:null", "per_page": "2500"}) as resp:
        unassigned = {sim["id"] for sim in await resp.json()}
    assert first in unassigned and second not in unassigned
    emu.state.set_sim_endpoint(second, None)
    assert link.left_of(endpoint_id) is None


async def test_events_of_unknown_sim_are_empty(api: Api) -> None:
    for sim_id in (999999, 0):
        async with api.get(f"/api/v1/sim/{sim_id}/event") as resp:
            assert resp.status == 200
            assert await resp.json() == []
    async with api.get("/api/v1/sim/x/event") as resp:
        assert resp.status == 400


async def test_stats_shape(api: Api) -> None:
    emu = api.emu
    busy = next(i for i in emu.state.sim_ids() if emu.state.render.has_traffic(i))
    async with api.get(f"/api/v1/sim/{busy}/stats") as resp:
        stats = await resp.json()
    assert set(stats) == {"last_month", "current_month", "last_hour"}
    data = stats["current_month"]["data"]
    assert isinstance(data["volume"], str) and float(data["volume"]) >= 0
    assert data["traffic_type"] == {"description": "Data", "unit": "MB", "id": 5}
    assert len(stats["last_hour"]["data"]["rx"]) == 60
    quiet = _sim_with(emu, 0)
    async with api.get(f"/api/v1/sim/{quiet}/stats") as resp:
        assert set(await resp.json()) == {"last_hour"}
    async with api.get("/api/v1/sim/999999/stats") as resp:
        assert resp.status == 404


async def test_daily_stats(emnify_emulator_factory: Factory) -> None:
    emu = await emnify_emulator_factory(sims=5, clock=ManualClock("2026-03-14T12:00:00Z"))
    api = await connect(emu)
    async with api.session:
        async with api.get("/api/v1/sim/1/stats/daily") as resp:
            rows = await resp.json()
        assert [r["date"] for r in (rows[0], rows[-1])] == [
            "2026-03-14T00:00:00.000Z",  # today on the emulator's clock
            "2026-03-01T00:00:00.000Z",
        ]
        params = {"start_date": "2024-02-10"}
        async with api.get("/api/v1/sim/1/stats/daily", params=params) as resp:
            rows = await resp.json()
        assert [r["date"][:10] for r in (rows[0], rows[-1])] == ["2024-02-29", "2024-02-10"]
        for bad in (
            {"start_date": "yesterday"},
            {"start_date": "2024-03-02", "end_date": "2024-03-01"},
        ):
            async with api.get("/api/v1/sim/1/stats/daily", params=bad) as resp:
                assert resp.status == 422, bad


async def test_batches(api: Api) -> None:
    emu = api.emu
    free, _, registered, foreign = emu.state.batches.values()
    async with api.get(f"/api/v1/sim_batch/bic/{free.bic}") as resp:
        batch = await resp.json()
    assert resp.status == 200
    assert batch["quantity"] == "5" and batch["status"] == {"id": 0, "description": "IN STOCK"}
    assert re.fullmatch(r"[0-9A-Z]{16}", batch["bic"])
    for bic, status in ((registered.bic, 400), (foreign.bic, 422), ("0000000000000000", 404)):
        async with api.get(f"/api/v1/sim_batch/bic/{bic}") as resp:
            assert resp.status == status
    async with api.patch(f"/api/v1/sim_batch/bic/{free.bic}", json={"sim_status": {"id": 2}}) as r:
        assert r.status == 422
    async with api.patch(f"/api/v1/sim_batch/bic/{free.bic}", json={"sim_status": {"id": 1}}) as r:
        sims = (await r.json())["sim"]
    assert r.status == 200
    assert [s["id"] for s in sims] == free.sim_ids
    assert all(set(s) == {"id", "iccid"} for s in sims)  # as recorded: no status, no IMSI
    assert all(api.emu.state.sim(s["id"])["status"]["id"] == 1 for s in sims)  # type: ignore[index]
    async with api.get("/api/v1/sim", params={"per_page": "1"}) as resp:
        assert resp.headers["X-Total-Count"] == "255"
    for bic in (free.bic, foreign.bic, "0000000000000000"):
        async with api.patch(f"/api/v1/sim_batch/bic/{bic}", json={"sim_status": {"id": 1}}) as r:
            assert r.status == 422
            assert await r.read() == b""
    async with api.get(f"/api/v1/sim_batch/bic/{free.bic}") as resp:
        assert resp.status == 400
