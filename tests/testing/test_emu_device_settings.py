"""Endpoint settings over HTTP: operator blacklist, data and SMS quotas, prepaid balance."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from emnify_async.testing import Emulator, ManualClock

from .conftest import Api, connect

ENDPOINT = "/api/v1/endpoint"
NOW = "2026-03-14T12:00:00Z"
DATA_QUOTA = {
    "status": {"id": 1},
    "volume": 100,
    "auto_refill": 1,
    "expiry_date": "2026-03-15 12:00:00",
    "action_on_exhaustion": {"id": 2, "peak_throughput": 128000},
    "threshold_percentage": 15,
}
SMS_QUOTA = {
    "status": {"id": 1},
    "volume": 50,
    "expiry_date": "2026-03-15T12:00:00.000Z",
    "threshold_percentage": 20,
}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
async def timed(
    emnify_emulator_factory: Callable[..., Awaitable[Emulator]], clock: ManualClock
) -> AsyncIterator[Api]:
    api = await connect(
        await emnify_emulator_factory(sims=40, clock=clock, token_lifetime=30 * 86400)
    )
    try:
        yield api
    finally:
        await api.session.close()


async def test_operator_blacklist(api: Api) -> None:
    path = f"{ENDPOINT}/1/operator_blacklist"
    assert (await api.call("GET", path)).body == []
    for operator_id in (24, 942):
        answer = await api.call("PUT", f"{path}/{operator_id}")
        assert (answer.status, answer.body) == (204, None)
    listed = (await api.call("GET", path)).body
    assert listed == [  # as recorded by emnify's own SDK tests
        {
            "id": 24,
            "name": "Vodafone",
            "country": {
                "id": 4,
                "name": "Albania",
                "country_code": "355",
                "mcc": "276",
                "iso_code": "al",
            },
            "tapcode": [{"id": 16, "tapcode": "ALBVF"}],
            "mnc": [{"id": 17, "mnc": "02"}],
        },
        {
            "id": 942,
            "name": "MTN",
            "country": {
                "id": 3,
                "name": "Afghanistan",
                "country_code": "93",
                "mcc": "412",
                "iso_code": "af",
            },
            "tapcode": [{"id": 605, "tapcode": "AFGAR"}],
            "mnc": [{"id": 628, "mnc": "40"}],
        },
    ]
    answer = await api.call("PUT", f"{path}/942")
    assert answer.status == 409
    assert answer.body == {
        "error_code": 1405,
        "error_token": "Duplicated",
        "message": "Operator with Id '942' is already blacklisted on Endpoint with Id '1'.",
    }
    assert (await api.call("DELETE", f"{path}/24")).status == 204
    assert [o["id"] for o in (await api.call("GET", path)).body] == [942]
    answer = await api.call("DELETE", f"{path}/24")
    assert (answer.status, answer.body["error_token"]) == (404, "NotFound")
    assert (await api.call("PUT", f"{path}/12345")).status == 404  # no such operator
    assert (await api.call("GET", f"{ENDPOINT}/2/operator_blacklist")).body == []
    assert (await api.call("GET", f"{ENDPOINT}/999999/operator_blacklist")).status == 404


async def test_data_quota(timed: Api, clock: ManualClock) -> None:
    path = f"{ENDPOINT}/1/quota/data"
    answer = await timed.call("GET", path)
    assert (answer.status, answer.body["error_token"]) == (404, "NotFound")
    answer = await timed.call("POST", path, json=DATA_QUOTA)
    assert (answer.status, answer.body) == (201, None)
    quota = (await timed.call("GET", path)).body
    assert quota == {
        "status": {"description": "ACTIVE", "id": 1},
        "volume": 100,
        "expiry_date": "2026-03-15 12:00:00",
        "peak_throughput": 128000,
        "last_volume_added": 100,
        "last_status_change_date": "2026-03-14 12:00:00",
        "auto_refill": 1,
        "threshold_percentage": 15,
        "threshold_volume": 15,
        "action_on_exhaustion": {
            "action_on_quota_exhaustion_id": "2",
            "description": "Throttle",
            "id": 2,
            "peak_throughput": 128000,
        },
    }
    clock.advance(86400)
    quota = (await timed.call("GET", path)).body
    assert quota["status"] == {"description": "EXPIRED", "id": 3}
    assert quota["last_status_change_date"] == "2026-03-15 12:00:00"
    events = (await timed.call("GET", f"{ENDPOINT}/1/event", params={"q": "type:56"})).body
    assert [e["description"] for e in events] == ["Data quota assigned."]
    assert (await timed.call("DELETE", path)).status == 204
    assert (await timed.call("DELETE", path)).status == 404
    assert (await timed.call("GET", path)).status == 404


async def test_data_quota_validation(timed: Api) -> None:
    path = f"{ENDPOINT}/1/quota/data"
    bad = {**DATA_QUOTA, "action_on_exhaustion": {"id": 2, "peak_throughput": 1000}}
    answer = await timed.call("POST", path, json=bad)
    assert answer.status == 422
    assert answer.body["errors"] == [
        {
            "error_code": 1404,
            "error_token": "OutOfRange",
            "message": "Invalid peak throughput, acceptable values are 64000, 128000, 256000 "
            "and 384000.",
        }
    ]
    answer = await timed.call(
        "POST", path, json={"status": {"id": 9}, "volume": -1, "expiry_date": "2020-01-01"}
    )
    assert [e["message"] for e in answer.body["errors"]] == [
        "Quota status with Id '9' not found.",
        "volume must be >= 0",
        "expiry_date must be in the future",
        "action_on_exhaustion is required",
    ]
    blocked = {**DATA_QUOTA, "action_on_exhaustion": {"id": 1}}
    assert (await timed.call("POST", path, json=blocked)).status == 201  # no throughput needed
    assert "peak_throughput" not in (await timed.call("GET", path)).body


async def test_sms_quota(timed: Api) -> None:
    path = f"{ENDPOINT}/3/quota/sms"
    assert (await timed.call("DELETE", path)).status == 404
    assert (await timed.call("POST", path, json=SMS_QUOTA)).status == 201
    quota = (await timed.call("GET", path)).body
    assert quota["expiry_date"] == "2026-03-15T12:00:00.000Z"
    assert quota["action_on_exhaustion"]["description"] == "Block"
    assert quota["threshold_volume"] == 10
    answer = await timed.call("POST", path, json={**SMS_QUOTA, "threshold_percentage": None})
    assert answer.body["errors"][0]["message"] == "threshold_percentage is required"
    assert (await timed.call("DELETE", path)).status == 204
    events = (await timed.call("GET", f"{ENDPOINT}/3/event", params={"sort": "-id"})).body
    assert [e["event_type"]["id"] for e in events[:2]] == [59, 58]


async def test_prepaid_balance(timed: Api, clock: ManualClock) -> None:
    path = f"{ENDPOINT}/2/balance"
    fresh = (await timed.call("GET", path)).body
    assert fresh == {
        "amount": 0.0,
        "currency": {"code": "EUR", "symbol": "€", "id": 1},
        "auto_reset": 0,
        "last_loaded_amount": 0,
    }
    top_up = {"amount": 5, "expiry_date": "2026-04-06T08:00:00.000Z"}
    answer = await timed.call("POST", path, json=top_up)
    assert (answer.status, answer.body) == (201, None)
    await timed.call("POST", path, json={**top_up, "amount": -1.25})
    balance = (await timed.call("GET", path)).body
    assert (balance["amount"], balance["last_loaded_amount"]) == (3.75, -1.25)
    assert balance["expiry_date"] == "2026-04-06T08:00:00.000Z"
    assert balance["last_updated"] == "2026-03-14T12:00:00.000Z"
    clock.set("2026-04-06T08:00:00Z")
    assert (await timed.call("GET", path)).body["amount"] == 0
    answer = await timed.call("POST", path, json={"amount": "5", "currency": {"id": 2}})
    # The spec marks no field of this body required: no `expiry_date` is no error.
    assert [e["error_token"] for e in answer.body["errors"]] == [
        "InvalidFormat",
        "InvalidReference",
    ]
    await timed.call("POST", path, json={**top_up, "expiry_date": "2026-05-01T00:00:00Z"})
    assert (await timed.call("DELETE", path)).status == 204
    assert (await timed.call("GET", path)).body["amount"] == 0


async def test_deleting_an_endpoint_forgets_its_settings(api: Api) -> None:
    emu = api.emu
    spare = next(i for i in emu.state.endpoint_ids() if emu.state.endpoints.sim_of(i) is None)
    await api.call("PUT", f"{ENDPOINT}/{spare}/operator_blacklist/3")
    assert emu.state.device_settings.of(spare).blacklist == [3]
    assert (await api.call("DELETE", f"{ENDPOINT}/{spare}")).status == 204
    assert emu.state.device_settings.of(spare).blacklist == []
