"""``q`` filters and ``sort`` on the SIM list and on SIM events."""

from __future__ import annotations

from typing import Any

from .conftest import Api


async def _sims(api: Api, **params: str) -> list[dict[str, Any]]:
    async with api.get("/api/v1/sim", params={"per_page": "2500", **params}) as resp:
        assert resp.status == 200, await resp.text()
        items: list[dict[str, Any]] = await resp.json()
        return items


async def test_filters(api: Api) -> None:
    everything = await _sims(api)
    suspended = await _sims(api, q="status:2")
    assert suspended and all(
        s["status"] == {"id": 2, "description": "Suspended"} for s in suspended
    )
    assert len(suspended) == sum(1 for s in everything if s["status"]["id"] == 2)
    unassigned = await _sims(api, q="endpoint:null")
    assert unassigned and all("endpoint" not in s for s in unassigned)
    combined = await _sims(api, q="status:1,customer_org:102")
    assert combined and all(
        s["status"]["id"] == 1 and s["customer_org"]["id"] == 102 for s in combined
    )
    assert [s["id"] for s in await _sims(api, q="iccid:8988303000000000017")] == [17]
    assert {s["id"] for s in await _sims(api, q="iccid:898830300000000001")} == set(range(10, 20))
    assert [s["id"] for s in await _sims(api, q="imsi:295050000000042")] == [42]


async def test_sort(api: Api) -> None:
    items = await _sims(api, sort="-status,id")
    keys = [(-s["status"]["id"], s["id"]) for s in items]
    assert keys == sorted(keys)
    by_customer = await _sims(api, sort="customer_org")
    customers = [s.get("customer_org", {"id": 0})["id"] for s in by_customer]
    assert customers == sorted(customers)
    newest = await _sims(api, sort="-production_date")
    assert newest[0]["id"] == 250


async def test_invalid_query_and_sort(api: Api) -> None:
    async with api.get("/api/v1/sim", params={"q": "colour:red"}) as resp:
        assert resp.status == 422
        body = await resp.json()
        assert body["error_code"] == 1301 and body["error_token"] == "InvalidQueryCriteria"
    async with api.get("/api/v1/sim", params={"q": "status:active"}) as resp:
        assert resp.status == 422 and (await resp.json())["error_code"] == 1301
    async with api.get("/api/v1/sim", params={"sort": "-imsi"}) as resp:
        assert resp.status == 422
        body = await resp.json()
        assert body["error_code"] == 1302 and body["error_token"] == "InvalidSortCriteria"


async def test_event_filters_and_sort(api: Api) -> None:
    async with api.get("/api/v1/sim/1/event", params={"sort": "-id"}) as resp:
        events = await resp.json()
    ids = [e["id"] for e in events]
    assert ids == sorted(ids, reverse=True) and len(ids) >= 2
    wanted = events[0]["event_type"]["id"]
    async with api.get("/api/v1/sim/1/event", params={"q": f"type:{wanted}"}) as resp:
        assert all(e["event_type"]["id"] == wanted for e in await resp.json())
    async with api.get("/api/v1/sim/1/event", params={"q": "from:2000-01-01T00:00:00Z"}) as resp:
        assert resp.status == 422
    async with api.get(
        "/api/v1/sim/1/event",
        params={"q": "from:2000-01-01T00:00:00Z,until:2100-01-01T00:00:00Z"},
    ) as resp:
        assert len(await resp.json()) == len(events)
    async with api.get("/api/v1/sim/1/event", params={"sort": "colour"}) as resp:
        assert resp.status == 422 and (await resp.json())["error_code"] == 1302
