"""Events of the device area over HTTP, the operator list and endpoint statistics."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from emnify_async.testing import Emulator, ManualClock

from .conftest import Api, connect, token_for

ENDPOINT = "/api/v1/endpoint"
NOW = "2026-03-14T12:00:00Z"


@pytest.fixture
async def timed(emnify_emulator_factory: Callable[..., Awaitable[Emulator]]) -> AsyncIterator[Api]:
    api = await connect(await emnify_emulator_factory(sims=60, clock=ManualClock(NOW)))
    try:
        yield api
    finally:
        await api.session.close()


async def _all(api: Api, path: str, **params: str) -> list[dict[str, Any]]:
    """Every page of a list, walked by ``x-total-pages`` (the ``link`` header is empty)."""
    items: list[dict[str, Any]] = []
    page = 1
    while True:
        answer = await api.call("GET", path, params={**params, "page": str(page)})
        items += answer.body
        if page >= int(answer.headers["x-total-pages"]):
            return items
        page += 1


async def test_event_lists_page_like_the_recording(timed: Api) -> None:
    for path in ("/api/v1/event", f"{ENDPOINT}/1/event"):
        answer = await timed.call("GET", path)
        raw = dict(answer.headers)
        assert answer.headers["link"] == ""
        assert answer.headers["x-sort"] == "id" and "x-filter" not in answer.headers
        assert answer.headers["x-count-per-page"] == "100"
        assert "X-Total-Count" not in raw and "x-total-count" in raw
        ids = [e["id"] for e in answer.body]
        assert ids == sorted(ids)


async def test_the_feed_is_every_sims_events(timed: Api) -> None:
    emu = timed.emu
    expected = [e["id"] for sim_id in emu.state.sim_ids() for e in emu.state.sims.events_of(sim_id)]
    feed = await _all(timed, "/api/v1/event", per_page="7")
    assert [e["id"] for e in feed] == expected
    answer = await timed.call("GET", "/api/v1/event", params={"per_page": "7", "page": "3"})
    assert [e["id"] for e in answer.body] == expected[14:21]
    typed = await _all(timed, "/api/v1/event", q="type:1", sort="-timestamp")
    assert typed and all(e["event_type"]["id"] == 1 for e in typed)
    stamps = [e["timestamp"] for e in typed]
    assert stamps == sorted(stamps, reverse=True)


async def test_writes_show_up_in_the_feed_and_the_endpoint(timed: Api) -> None:
    emu = timed.emu
    table = emu.state.table
    sim_id = next(
        i for i in emu.state.sim_ids() if table.status[i - 1] == 0 and not table.endpoint[i - 1]
    )
    body = {
        "name": "evented",
        "status": {"id": 0},
        "service_profile": {"id": 1},
        "tariff_profile": {"id": 1},
        "sim": {"id": sim_id},
    }
    answer = await timed.call("POST", ENDPOINT, json=body)
    endpoint_id = int(answer.headers["Location"].rsplit("/", 1)[1])
    await timed.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json={"status": {"id": 1}})
    await timed.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json={"sim": None})
    events = (await timed.call("GET", f"{ENDPOINT}/{endpoint_id}/event")).body
    assert [(e["event_type"]["id"], e["description"]) for e in events] == [
        (0, "Endpoint 'evented' created."),
        (8, "SIM activated."),
        (51, f"SIM {sim_id} assigned to endpoint {endpoint_id}"),
        (0, "Endpoint 'evented' updated."),
        (43, "Endpoint disabled."),
        (50, f"SIM {sim_id} released from endpoint {endpoint_id}"),
    ]
    assert all(e["timestamp"] == "2026-03-14T12:00:00.000Z" for e in events)
    assert all(e["endpoint"]["id"] == endpoint_id for e in events)
    assert events[2]["sim"]["id"] == sim_id and "sim" not in events[0]
    feed = await _all(timed, "/api/v1/event", per_page="1000")
    assert [e["id"] for e in feed[-len(events) :]] == [e["id"] for e in events]
    sim_events = (await timed.call("GET", f"/api/v1/sim/{sim_id}/event")).body
    # events about the endpoint while it had the SIM are the SIM's too
    assert [e["event_type"]["id"] for e in sim_events] == [8, 51, 0, 43, 50]


async def test_an_endpoint_shows_its_sims_history(api: Api) -> None:
    emu = api.emu
    endpoint_id = next(i for i in emu.state.endpoint_ids() if emu.state.endpoints.sim_of(i))
    sim_id = emu.state.endpoints.sim_of(endpoint_id)
    events = (await api.call("GET", f"{ENDPOINT}/{endpoint_id}/event")).body
    history = (await api.call("GET", f"/api/v1/sim/{sim_id}/event")).body
    assert events == history and events


async def test_events_of_unknown_or_foreign_endpoints_are_empty(api: Api) -> None:
    foreign = api.emu.state.endpoint_ids(999)[0]
    for endpoint_id in (999_999, foreign):
        answer = await api.call("GET", f"{ENDPOINT}/{endpoint_id}/event")
        assert (answer.status, answer.body) == (200, [])
    assert (await api.call("GET", f"{ENDPOINT}/x/event")).status == 400
    answer = await api.call("GET", "/api/v1/event", params={"q": "from:2020-07-20T08:00:00Z"})
    assert (answer.status, answer.body["error_code"]) == (422, 1301)


async def test_each_organisation_has_its_own_feed(api: Api) -> None:
    headers = {"Authorization": f"Bearer {await token_for(api, 102)}"}
    async with api.session.get("/api/v1/event", headers=headers) as resp:
        assert await resp.json() == []
    own = api.emu.state.endpoint_ids(102)[0]
    async with api.session.patch(f"{ENDPOINT}/{own}", json={"tags": "x"}, headers=headers) as resp:
        assert resp.status == 204
    async with api.session.get("/api/v1/event", headers=headers) as resp:
        feed = await resp.json()
    assert [e["organisation"]["id"] for e in feed] == [102]
    assert feed[0]["endpoint"]["tags"] == "x"


async def test_organisation_stats_count_the_profiles(api: Api) -> None:
    stats = (await api.call("GET", "/api/v1/organisation/my/stats")).body
    assert (stats["service_profiles"], stats["tariff_profiles"]) == (3, 2)
    stats = (await api.call("GET", "/api/v1/organisation/103/stats")).body
    assert (stats["service_profiles"], stats["tariff_profiles"]) == (1, 1)


async def test_event_types(api: Api) -> None:
    types = (await api.call("GET", "/api/v1/event/type")).body
    assert types[0] == {"id": 0, "description": "Generic"}
    assert {"id": 51, "description": "SIM Assigned"} in types and len(types) == 66


async def test_operators_are_shaped_like_the_recording(api: Api) -> None:
    answer = await api.call("GET", "/api/v1/operator")
    assert not any(name.lower().startswith("x-total") for name in answer.headers)
    assert "Link" not in answer.headers
    assert answer.body[0] == {
        "name": "Afghan Wireless (AWCC)",
        "inbound_roamers_allowed": "1",
        "country_name": "Afghanistan",
        "id": 552,
        "country": {
            "name": "Afghanistan",
            "country_code": "93",
            "mcc": "412",
            "iso_code": "af",
            "latitude": "33.000000",
            "longitude": "65.000000",
            "id": 3,
        },
        "mnc": [{"mnc": "01", "operator_id": "552", "id": 14}],
        "tapcode": [{"tapcode": "AFGAW", "operator_id": "552", "id": 13}],
        "name_and_country": "Afghanistan / Afghan Wireless (AWCC)",
    }


async def test_endpoint_statistics_are_its_sims(timed: Api) -> None:
    emu = timed.emu
    render = emu.state.render
    endpoint_id = next(
        i for i in emu.state.endpoint_ids() if render.has_traffic(emu.state.endpoints.sim_of(i))
    )
    sim_id = emu.state.endpoints.sim_of(endpoint_id)
    stats = (await timed.call("GET", f"{ENDPOINT}/{endpoint_id}/stats")).body
    sim_stats = (await timed.call("GET", f"/api/v1/sim/{sim_id}/stats")).body
    data = stats["current_month"]["data"]
    assert data["endpoint_id"] == endpoint_id and "sim_id" not in data
    assert data["month"] == "2026-03-01T00:00:00.000Z"
    assert data["volume"] == sim_stats["current_month"]["data"]["volume"]
    assert stats["last_hour"] == sim_stats["last_hour"]
    days = (await timed.call("GET", f"{ENDPOINT}/{endpoint_id}/stats/daily")).body
    assert [d["date"][:10] for d in days][:2] == ["2026-03-14", "2026-03-13"] and len(days) == 14
    assert days == (await timed.call("GET", f"/api/v1/sim/{sim_id}/stats/daily")).body
    spare = next(i for i in emu.state.endpoint_ids() if emu.state.endpoints.sim_of(i) is None)
    stats = (await timed.call("GET", f"{ENDPOINT}/{spare}/stats")).body
    assert list(stats) == ["last_hour"]
    answer = await timed.call(
        "GET",
        f"{ENDPOINT}/{spare}/stats/daily",
        params={"start_date": "2026-03-10", "end_date": "x"},
    )
    assert (answer.status, answer.body["error_token"]) == (422, "InvalidFormat")
