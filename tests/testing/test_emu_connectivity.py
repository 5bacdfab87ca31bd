"""Endpoint connectivity over HTTP: states, resets that follow the clock, network info, USSD."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from emnify_async.testing import Emulator, ManualClock

from .conftest import Api, connect, token_for

ENDPOINT = "/api/v1/endpoint"
NOW = "2026-03-14T12:00:00Z"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
async def timed(
    emnify_emulator_factory: Callable[..., Awaitable[Emulator]], clock: ManualClock
) -> AsyncIterator[Api]:
    """An :class:`Api` on an emulator whose clock the test moves."""
    api = await connect(await emnify_emulator_factory(sims=120, clock=clock))
    try:
        yield api
    finally:
        await api.session.close()


def _in_state(emu: Emulator, status: str) -> int:
    """An endpoint the network serves (enabled, SIM activated) that is in ``status``."""
    connectivity = emu.state.connectivity
    return next(
        i
        for i in emu.state.endpoint_ids()
        if connectivity.reachable(i) and connectivity.state(i).status == status
    )


async def _status(api: Api, endpoint_id: int) -> str:
    body = (await api.call("GET", f"{ENDPOINT}/{endpoint_id}/connectivity")).body
    status: str = body["status"]["description"]
    return status


async def test_states_are_shaped_like_the_spec_and_the_recording(timed: Api) -> None:
    emu = timed.emu
    spare = next(i for i in emu.state.endpoint_ids() if emu.state.endpoints.sim_of(i) is None)
    answer = await timed.call("GET", f"{ENDPOINT}/{spare}/connectivity")
    assert answer.body == {"status": {"description": "OFFLINE"}, "services": []}  # recorded
    online = (await timed.call("GET", f"{ENDPOINT}/{_in_state(emu, 'ONLINE')}/connectivity")).body
    assert list(online) == ["status", "location", "pdp_context", "services"]
    assert online["services"] == ["GPRS"]
    assert online["location"]["last_updated"] < "2026-03-14T12:00:00.000Z"
    assert online["pdp_context"]["ue_ip_address"].startswith("10.")
    attached = _in_state(emu, "ATTACHED")
    body = (await timed.call("GET", f"{ENDPOINT}/{attached}/connectivity")).body
    assert "location" in body and "pdp_context" not in body
    assert (await timed.call("GET", f"{ENDPOINT}/999999/connectivity")).status == 404


async def test_a_disabled_endpoint_or_suspended_sim_is_offline(timed: Api) -> None:
    emu = timed.emu
    endpoint_id = _in_state(emu, "ONLINE")
    await timed.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json={"status": {"id": 1}})
    assert await _status(timed, endpoint_id) == "OFFLINE"
    await timed.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json={"status": {"id": 0}})
    assert await _status(timed, endpoint_id) == "ONLINE"
    sim_id = emu.state.endpoints.sim_of(endpoint_id)
    await timed.call("PATCH", f"/api/v1/sim/{sim_id}", json={"status": {"id": 2}})
    assert await _status(timed, endpoint_id) == "OFFLINE"


async def test_location_reset_follows_the_clock(timed: Api, clock: ManualClock) -> None:
    endpoint_id = _in_state(timed.emu, "ONLINE")
    path = f"{ENDPOINT}/{endpoint_id}/connectivity"
    answer = await timed.call("PATCH", path, json={"location": None})
    assert (answer.status, answer.body) == (204, None)
    assert await _status(timed, endpoint_id) == "OFFLINE"
    clock.advance(59)
    assert await _status(timed, endpoint_id) == "OFFLINE"
    clock.advance(1)
    body = (await timed.call("GET", path)).body
    assert body["status"]["description"] == "ONLINE"
    assert body["location"]["last_updated"] == "2026-03-14T12:01:00.000Z"  # registered again
    events = await timed.call("GET", f"{ENDPOINT}/{endpoint_id}/event", params={"sort": "-id"})
    assert events.body[0]["event_type"] == {"id": 15, "description": "Purge location"}
    assert events.body[0]["timestamp"] == "2026-03-14T12:00:00.000Z"


async def test_data_session_reset_follows_the_clock(timed: Api, clock: ManualClock) -> None:
    endpoint_id = _in_state(timed.emu, "ONLINE")
    path = f"{ENDPOINT}/{endpoint_id}/connectivity"
    assert (await timed.call("PATCH", path, json={"pdp_context": None})).status == 204
    body = (await timed.call("GET", path)).body
    assert body["status"]["description"] == "ATTACHED" and "pdp_context" not in body
    clock.advance(30)
    body = (await timed.call("GET", path)).body
    assert body["status"]["description"] == "ONLINE"
    assert body["pdp_context"]["created"] == "2026-03-14T12:00:30.000Z"
    feed = (await timed.call("GET", "/api/v1/event", params={"q": "type:5", "sort": "-id"})).body
    assert feed[0]["description"] == "Delete PDP context sent."
    assert feed[0]["endpoint"]["id"] == endpoint_id


async def test_reset_needs_a_null_location_or_session(timed: Api) -> None:
    path = f"{ENDPOINT}/{_in_state(timed.emu, 'ONLINE')}/connectivity"
    for body in ({}, {"location": "x"}, {"colour": None}):
        answer = await timed.call("PATCH", path, json=body)
        assert (answer.status, answer.body["error_code"]) == (422, 1400)
    assert (await timed.call("PATCH", f"{ENDPOINT}/999999/connectivity", json={})).status == 404


async def test_who_may_reset(timed: Api) -> None:
    emu = timed.emu
    child_endpoint = emu.state.endpoint_ids(102)[0]
    parent_endpoint = _in_state(emu, "ONLINE")
    # the parent may reset its enterprise child's endpoints ...
    path = f"{ENDPOINT}/{child_endpoint}/connectivity"
    assert (await timed.call("PATCH", path, json={"location": None})).status == 204
    # ... but not read them
    assert (await timed.call("GET", path)).status == 404
    headers = {"Authorization": f"Bearer {await token_for(timed, 102)}"}
    path = f"{ENDPOINT}/{parent_endpoint}/connectivity"
    async with timed.session.patch(path, json={"location": None}, headers=headers) as resp:
        assert resp.status == 403
        assert (await resp.json())["message"] == "Calling organisation is not of correct type."
    foreign = emu.state.endpoint_ids(999)[0]
    assert (
        await timed.call("PATCH", f"{ENDPOINT}/{foreign}/connectivity", json={"location": None})
    ).status == 404


async def test_connectivity_info(timed: Api) -> None:
    emu = timed.emu
    online = _in_state(emu, "ONLINE")
    answer = await timed.call("GET", f"{ENDPOINT}/{online}/connectivity_info")
    assert list(answer.body) == ["subscriber_info", "request_timestamp", "reply_timestamp"]
    assert answer.body["request_timestamp"] == "2026-03-14T12:00:00.000Z"
    assert answer.body["subscriber_info"]["location"]["cell_global_id"]["mcc"] > 0
    answer = await timed.call(
        "GET",
        f"{ENDPOINT}/{online}/connectivity_info",
        params={"ussd": "true", "subscriber": "false"},
    )
    assert list(answer.body) == ["ussd_info", "request_timestamp", "reply_timestamp"]
    offline = _in_state(emu, "OFFLINE")
    answer = await timed.call("GET", f"{ENDPOINT}/{offline}/connectivity_info")
    assert (answer.status, answer.body["error_code"]) == (404, 1904)
    assert answer.body["message"] == f"Unknown Location for Endpoint with id {offline}"
    spare = next(i for i in emu.state.endpoint_ids() if emu.state.endpoints.sim_of(i) is None)
    answer = await timed.call("GET", f"{ENDPOINT}/{spare}/connectivity_info")
    assert (answer.status, answer.body["error_token"]) == (404, "UnknownSubscriber")
    answer = await timed.call("GET", f"{ENDPOINT}/{online}/connectivity_info", params={"ussd": "1"})
    assert answer.status == 400


async def test_ussd_dialog(timed: Api) -> None:
    emu = timed.emu
    online = _in_state(emu, "ONLINE")
    body = {"ussd-begin": {"type": "request", "message": {"body": "*100#"}}}
    answer = await timed.call("POST", f"{ENDPOINT}/{online}/ussd", json=body)
    assert answer.status == 200 and len(answer.body["session-id"]) == 36
    too_long = {
        "ussd-begin": {"type": "request", "message": {"encoding": "ucs2", "body": "x" * 73}}
    }
    answer = await timed.call("POST", f"{ENDPOINT}/{online}/ussd", json=too_long)
    assert answer.body["errors"][0]["error_token"] == "OutOfRange"
    answer = await timed.call("POST", f"{ENDPOINT}/{online}/ussd", json={"ussd": {}})
    assert answer.status == 422
    offline = _in_state(emu, "OFFLINE")
    answer = await timed.call("POST", f"{ENDPOINT}/{offline}/ussd", json=body)
    assert answer.status == 404
