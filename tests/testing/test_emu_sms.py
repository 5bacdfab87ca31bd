"""Endpoint SMS over HTTP: records shaped like emnify's, and statuses that follow the clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from emnify_async.testing import Emulator, ManualClock

from .conftest import Api, connect

ENDPOINT = "/api/v1/endpoint"
NOW = "2026-03-14T12:00:00Z"
# The recorded SMS record's keys, in order (shared/notes/recorded_examples.md).
RECORDED_KEYS = [
    "dlr_status_id",
    "organisation_id",
    "submit_date",
    "delivery_date",
    "expiry_date",
    "final_date",
    "retry_date",
    "last_delivery_attempt",
    "retry_count",
    "gsm_map_error",
    "dcs",
    "pid",
    "source_address",
    "endpoint_id",
    "sim_id",
    "iccid",
    "called_party_prefix",
    "msisdn",
    "imsi",
    "msc",
    "udh",
    "payload",
    "registered_delivery",
    "smpp_bind_id",
    "p2p_ext",
    "smpp_dlr_bind_id",
    "id",
    "status",
    "sms_type",
    "source_address_type",
    "esme_interface_type",
]
AS_STRINGS = (
    "dlr_status_id",
    "organisation_id",
    "retry_count",
    "dcs",
    "pid",
    "endpoint_id",
    "sim_id",
    "registered_delivery",
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
async def timed(
    emnify_emulator_factory: Callable[..., Awaitable[Emulator]], clock: ManualClock
) -> AsyncIterator[Api]:
    api = await connect(
        await emnify_emulator_factory(sims=120, clock=clock, token_lifetime=30 * 86400)
    )
    try:
        yield api
    finally:
        await api.session.close()


def _endpoint(emu: Emulator, registered: bool) -> int:
    connectivity = emu.state.connectivity
    return next(
        i
        for i in emu.state.endpoint_ids()
        if connectivity.reachable(i) and (connectivity.state(i).status != "OFFLINE") == registered
    )


async def _send(api: Api, endpoint_id: int, **body: object) -> int:
    answer = await api.call(
        "POST", f"{ENDPOINT}/{endpoint_id}/sms", json={"payload": "hello", **body}
    )
    assert (answer.status, answer.body) == (201, None), answer.body
    location = answer.headers["Location"]
    assert location.startswith(f"{api.emu.base_url}{ENDPOINT}/{endpoint_id}/sms/")
    return int(location.rsplit("/", 1)[1])


async def _sms(api: Api, endpoint_id: int, sms_id: int) -> dict[str, object]:
    answer = await api.call("GET", f"{ENDPOINT}/{endpoint_id}/sms/{sms_id}")
    assert answer.status == 200
    body: dict[str, object] = answer.body
    return body


async def test_records_are_shaped_exactly_like_the_recording(timed: Api) -> None:
    emu = timed.emu
    endpoint_id = _endpoint(emu, registered=True)
    sms_id = await _send(timed, endpoint_id, source_address="EMnify")
    listed = (await timed.call("GET", f"{ENDPOINT}/{endpoint_id}/sms")).body
    assert listed[-1]["id"] == sms_id and listed == sorted(listed, key=lambda s: s["id"])
    for record in listed:
        assert list(record) == RECORDED_KEYS
        assert all(isinstance(record[key], str) for key in AS_STRINGS)
        assert isinstance(record["id"], int) and record["p2p_ext"] == 0
        assert record["submit_date"].endswith("+0000")
        assert record["esme_interface_type"] == {"description": "RestAPI", "id": 1}
    record = listed[-1]
    sim_id = emu.state.endpoints.sim_of(endpoint_id)
    assert (record["endpoint_id"], record["sim_id"]) == (str(endpoint_id), str(sim_id))
    assert record["source_address_type"] == {"description": "Alphanumeric", "id": 208}
    assert record["sms_type"] == {"description": "MT", "id": 1}
    assert record["submit_date"] == "2026-03-14T12:00:00.000+0000"


async def test_delivered_after_some_seconds(timed: Api, clock: ManualClock) -> None:
    endpoint_id = _endpoint(timed.emu, registered=True)
    sms_id = await _send(timed, endpoint_id, source_address="12345")
    sms = await _sms(timed, endpoint_id, sms_id)
    assert sms["status"] == {"description": "BUFFERED", "id": 3}
    assert (sms["final_date"], sms["imsi"]) == (None, "")
    assert sms["source_address_type"] == {"description": "International", "id": 145}
    clock.advance(4)
    assert (await _sms(timed, endpoint_id, sms_id))["status"] == {
        "description": "BUFFERED",
        "id": 3,
    }
    clock.advance(1)
    sms = await _sms(timed, endpoint_id, sms_id)
    assert sms["status"] == {"description": "DELIVERED", "id": 4}
    assert sms["final_date"] == sms["delivery_date"] == "2026-03-14T12:00:05.000+0000"
    assert sms["retry_count"] == "0" and sms["imsi"] != ""
    answer = await timed.call("DELETE", f"{ENDPOINT}/{endpoint_id}/sms/{sms_id}")
    assert (answer.status, answer.body["error_token"]) == (422, "NotAllowed")


async def test_buffered_until_it_expires(timed: Api, clock: ManualClock) -> None:
    endpoint_id = _endpoint(timed.emu, registered=False)
    sms_id = await _send(timed, endpoint_id, expiry_date="2026-03-14T14:00:00.000Z")
    clock.advance(3600 + 60)
    sms = await _sms(timed, endpoint_id, sms_id)
    assert sms["status"] == {"description": "BUFFERED", "id": 3}
    assert sms["retry_count"] == "6"
    clock.set("2026-03-14T14:00:00Z")
    sms = await _sms(timed, endpoint_id, sms_id)
    assert sms["status"] == {"description": "EXPIRED", "id": 6}
    assert (sms["final_date"], sms["dlr_status_id"]) == ("2026-03-14T14:00:00.000+0000", "4")


async def test_cancel_a_buffered_sms(timed: Api, clock: ManualClock) -> None:
    endpoint_id = _endpoint(timed.emu, registered=False)
    sms_id = await _send(timed, endpoint_id)
    clock.advance(90)
    answer = await timed.call("DELETE", f"{ENDPOINT}/{endpoint_id}/sms/{sms_id}")
    assert (answer.status, answer.body) == (200, None)
    sms = await _sms(timed, endpoint_id, sms_id)
    assert sms["status"] == {"description": "CANCELED", "id": 7}
    assert sms["final_date"] == "2026-03-14T12:01:30.000+0000"
    clock.advance(2 * 86400)
    assert (await _sms(timed, endpoint_id, sms_id))["status"]["id"] == 7  # type: ignore[index]
    answer = await timed.call("DELETE", f"{ENDPOINT}/{endpoint_id}/sms/{sms_id}")
    assert answer.status == 422


async def test_unknown_sms_and_endpoints(timed: Api) -> None:
    endpoint_id = _endpoint(timed.emu, registered=True)
    other = next(i for i in timed.emu.state.endpoint_ids() if i != endpoint_id)
    sms_id = await _send(timed, endpoint_id)
    answer = await timed.call("GET", f"{ENDPOINT}/{other}/sms/{sms_id}")
    assert answer.status == 404
    assert answer.body["message"] == f"SMS with Id '{sms_id}' not found."
    assert (await timed.call("GET", f"{ENDPOINT}/999999/sms")).status == 404
    assert (await timed.call("GET", f"{ENDPOINT}/{endpoint_id}/sms/abc")).status == 400


async def test_sending_is_validated(timed: Api) -> None:
    emu = timed.emu
    endpoint_id = _endpoint(emu, registered=True)
    path = f"{ENDPOINT}/{endpoint_id}/sms"
    answer = await timed.call(
        "POST",
        path,
        json={
            "payload": "x" * 161,
            "source_address_type": {"id": 1},
            "expiry_date": "2020-01-01T00:00:00.000Z",
            "udh": "xyz",
            "dest": 1,
        },
    )
    assert answer.status == 422
    assert [e["error_token"] for e in answer.body["errors"]] == [
        "InvalidFormat",
        "OutOfRange",
        "InvalidReference",
        "OutOfRange",
        "InvalidFormat",
    ]
    assert (await timed.call("POST", path, json={})).body["errors"][0]["error_token"] == "Required"
    spare = next(i for i in emu.state.endpoint_ids() if emu.state.endpoints.sim_of(i) is None)
    answer = await timed.call("POST", f"{ENDPOINT}/{spare}/sms", json={"payload": "hi"})
    assert (answer.status, answer.body["error_token"]) == (422, "NotAllowed")
