"""Replay: the SDK reads answers recorded from emnify's production API as they were sent.

`tests/recorded/answers.json` holds one recorded answer per operation (status, headers and
body as emnify sent them, lists trimmed to their first item). A loopback server plays each
back; the SDK's models must read every field, with the API's looseness normalised.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from emnify_async import (
    AsyncEmnify,
    Endpoint,
    EndpointStatusId,
    NotFoundError,
    Operator,
    Sms,
    UnprocessableEntityError,
)

from ..fakes import FakeAPI, json_response

UTC = datetime.timezone.utc
RECORDED = json.loads((Path(__file__).parents[1] / "recorded" / "answers.json").read_text())


def _answer(method: str, path: str, status: int) -> dict[str, Any]:
    for answer in RECORDED["answers"]:
        if (answer["method"], answer["path"], answer["status"]) == (method, path, status):
            return dict(answer)
    raise LookupError(f"no recorded {method} {path} {status}")


def _replay(answer: dict[str, Any], body: Any = None) -> web.Response:
    data = answer["body"] if body is None else body
    return json_response(data, answer["status"], dict(answer["headers"]))


async def test_endpoint_list(fake: FakeAPI, fake_client: AsyncEmnify) -> None:
    """A recorded endpoint page: every field read, references nested, `imei: null` kept."""
    answer = _answer("GET", "/api/v1/endpoint", 200)
    # The recording was trimmed to its first item; its headers announce 4.
    first = answer["body"][0]
    page = [{**first, "id": first["id"] + n} for n in range(4)]

    async def endpoints(request: web.Request) -> web.Response:
        return _replay(answer, page)

    fake.route("GET", "/api/v1/endpoint", endpoints)

    listed = await fake_client.endpoints.list()

    assert [e.id for e in listed] == [11379224, 11379225, 11379226, 11379227]
    endpoint = listed[0]
    assert isinstance(endpoint, Endpoint)
    assert endpoint.status is not None and endpoint.status.id == EndpointStatusId.ENABLED
    assert (endpoint.service_profile and endpoint.service_profile.id) == 438035
    assert (endpoint.tariff_profile and endpoint.tariff_profile.name) == "All Covered"
    assert endpoint.sim is not None and endpoint.sim.imsi == "295050901896257"
    assert endpoint.sim.status is not None and endpoint.sim.status.description == "Activated"
    assert endpoint.ip_address_space is not None and endpoint.ip_address_space.id == 24746
    assert endpoint.created == datetime.datetime(2021, 11, 18, 8, 25, 53, tzinfo=UTC)
    assert (endpoint.imei, endpoint.imei_lock, endpoint.tags) == (None, False, "demo")


async def test_create_reads_the_id_from_location(fake: FakeAPI, fake_client: AsyncEmnify) -> None:
    """A recorded 201: the body is `null`, the id is the end of the absolute `Location`."""
    answer = _answer("POST", "/api/v1/endpoint", 201)

    async def create(request: web.Request) -> web.Response:
        return _replay(answer)

    fake.route("POST", "/api/v1/endpoint", create)

    new_id = await fake_client.endpoints.create(
        name="x", status=EndpointStatusId.ENABLED, service_profile=1, tariff_profile=2
    )

    assert new_id == 11380017


async def test_create_without_ip_addresses(fake: FakeAPI, fake_client: AsyncEmnify) -> None:
    """The recorded 404 `1601 Unavailable` keeps its codes and message."""
    answer = _answer("POST", "/api/v1/endpoint", 404)

    async def create(request: web.Request) -> web.Response:
        return _replay(answer)

    fake.route("POST", "/api/v1/endpoint", create)

    with pytest.raises(NotFoundError) as caught:
        await fake_client.endpoints.create(
            name="x", status=EndpointStatusId.ENABLED, service_profile=1, tariff_profile=2
        )

    assert (caught.value.error_code, caught.value.error_token) == (1601, "Unavailable")
    assert caught.value.message == "No IP Address available."


async def test_sms_record_numbers_as_strings(fake: FakeAPI, fake_client: AsyncEmnify) -> None:
    """The recorded SMS record sends most numbers as strings; the model has numbers."""
    answer = _answer("GET", "/api/v1/endpoint/{id}/sms", 200)

    async def sms(request: web.Request) -> web.Response:
        return _replay(answer)

    fake.route("GET", "/api/v1/endpoint/11379224/sms", sms)

    (record,) = await fake_client.endpoints.list_sms(11379224)

    assert isinstance(record, Sms)
    assert (record.id, record.dlr_status_id, record.organisation_id) == (19649318, 4, 13886)
    assert (record.endpoint_id, record.sim_id, record.retry_count) == (11379224, 4397515, 0)
    assert (record.dcs, record.pid, record.registered_delivery) == (0, 0, 0)
    assert record.status is not None and record.status.description == "EXPIRED"
    assert record.source_address_type is not None and record.source_address_type.id == 208
    assert record.submit_date == datetime.datetime(2022, 8, 4, 1, 45, 24, tzinfo=UTC)
    assert (record.gsm_map_error, record.imsi, record.payload) == (None, "", "qwe")


async def test_connectivity(fake: FakeAPI, fake_client: AsyncEmnify) -> None:
    """The recorded OFFLINE connectivity: no location, no session, no services."""
    answer = _answer("GET", "/api/v1/endpoint/{id}/connectivity", 200)

    async def connectivity(request: web.Request) -> web.Response:
        return _replay(answer)

    fake.route("GET", "/api/v1/endpoint/5/connectivity", connectivity)

    state = await fake_client.endpoints.connectivity(5)

    assert state.status is not None and state.status.description == "OFFLINE"
    assert (state.location, state.pdp_context, state.services) == (None, None, [])


async def test_update_with_nested_errors(fake: FakeAPI, fake_client: AsyncEmnify) -> None:
    """The recorded 422 carries its nested `errors` into the exception."""
    answer = _answer("PATCH", "/api/v1/endpoint/{id}", 422)

    async def patch(request: web.Request) -> web.Response:
        return _replay(answer)

    fake.route("PATCH", "/api/v1/endpoint/5", patch)

    with pytest.raises(UnprocessableEntityError) as caught:
        await fake_client.endpoints.update(5, service_profile=99)

    (detail,) = caught.value.errors
    assert (caught.value.error_code, detail.error_code) == (1400, 1401)
    assert detail.message == "Service profile with Id '-1' not found."
    assert "Service profile" in str(caught.value)


async def test_operators(fake: FakeAPI, fake_client: AsyncEmnify) -> None:
    """The recorded operator list: no pagination headers, numbers as strings, MNCs kept text."""
    answer = _answer("GET", "/api/v1/operator", 200)

    async def operators(request: web.Request) -> web.Response:
        return _replay(answer)

    fake.route("GET", "/api/v1/operator", operators)

    (operator,) = await fake_client.operators.list()

    assert isinstance(operator, Operator)
    assert (operator.id, operator.inbound_roamers_allowed) == (552, True)
    assert operator.country is not None and operator.country.latitude == 33.0
    assert operator.country.mcc == "412"
    assert [(m.mnc, m.operator_id) for m in operator.mnc] == [("01", 552)]
    assert [t.tapcode for t in operator.tapcode] == ["AFGAW"]
    assert operator.name_and_country == "Afghanistan / Afghan Wireless (AWCC)"
