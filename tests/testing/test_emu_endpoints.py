"""Endpoints over HTTP: list, details, create, update, delete, and the SIM ↔ endpoint link.

After every change the SIM's ``endpoint`` and the endpoint's ``sim`` must agree, read from
both routes (``_agree``).
"""

from __future__ import annotations

from typing import Any

import aiohttp

from emnify_async.testing import Emulator

from .conftest import Api, token_for

ENDPOINT = "/api/v1/endpoint"


def _sim(emu: Emulator, status: int, endpoint: bool) -> int:
    table = emu.state.table
    return next(
        i
        for i in emu.state.sim_ids()
        if table.status[i - 1] == status and bool(table.endpoint[i - 1]) == endpoint
    )


def _with_sim(emu: Emulator) -> int:
    endpoints = emu.state.endpoints
    return next(i for i in emu.state.endpoint_ids() if endpoints.sim_of(i) is not None)


def _without_sim(emu: Emulator) -> int:
    endpoints = emu.state.endpoints
    return next(i for i in emu.state.endpoint_ids() if endpoints.sim_of(i) is None)


def _body(name: str = "meter-1", **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "status": {"id": 0},
        "service_profile": {"id": 1},
        "tariff_profile": {"id": 2},
        **extra,
    }


async def _agree(api: Api, endpoint_id: int, sim_id: int | None) -> None:
    """The endpoint has ``sim_id`` (or none), and that SIM names the endpoint, over HTTP."""
    endpoint = (await api.call("GET", f"{ENDPOINT}/{endpoint_id}")).body
    assert (endpoint.get("sim") or {}).get("id") == sim_id
    if sim_id is not None:
        sim = (await api.call("GET", f"/api/v1/sim/{sim_id}")).body
        assert sim["endpoint"]["id"] == endpoint_id
        assert sim["endpoint"]["name"] == endpoint["name"]
        assert endpoint["sim"]["iccid"] == sim["iccid"]
        assert endpoint["sim"]["status"] == sim["status"]


async def _create(api: Api, body: dict[str, Any]) -> int:
    answer = await api.call("POST", ENDPOINT, json=body)
    assert answer.status == 201, answer.body
    return int(answer.headers["Location"].rsplit("/", 1)[1])


# --- reads -------------------------------------------------------------------------------------


async def test_list_headers_are_like_the_recording(api: Api) -> None:
    answer = await api.call("GET", ENDPOINT)
    assert answer.status == 200
    headers = answer.headers
    assert headers["X-Count-Per-Page"] == "1000"
    assert headers["X-Current-Page"] == "1"
    assert headers["X-Sort"] == "id"
    assert headers["X-Total-Count"] == str(len(api.emu.state.endpoint_ids()))
    assert headers["X-Total-Pages"] == "1"
    assert "Link" not in headers and "X-Filter" not in headers  # one page, no q: as recorded
    first = answer.body[0]
    assert list(first) == [
        "id",
        "name",
        "tags",
        "created",
        "last_updated",
        "status",
        "service_profile",
        "tariff_profile",
        "sim",
        "imei",
        "ip_address",
        "ip_address_space",
        "imei_lock",
    ]
    assert first["created"].endswith("+0000") and first["ip_address_space"] == {"id": 1}
    assert set(first["sim"]) == {"id", "iccid", "imsi", "msisdn", "status"}
    assert any("sim" not in item for item in answer.body)  # no "sim" key without a SIM


async def test_list_pages_filters_and_sorts(api: Api) -> None:
    ids = list(api.emu.state.endpoint_ids())
    answer = await api.call("GET", ENDPOINT, params={"per_page": "50", "page": "2"})
    assert [e["id"] for e in answer.body] == ids[50:100]
    assert 'rel="next"' in answer.headers["Link"] and answer.headers["X-Sort"] == "id"
    answer = await api.call("GET", ENDPOINT, params={"q": "status:1", "sort": "-id"})
    assert answer.headers["X-Filter"] == "status:1" and answer.headers["X-Sort"] == "-id"
    disabled = [e["id"] for e in answer.body]
    assert disabled == sorted(disabled, reverse=True) and disabled
    assert all(e["status"] == {"id": 1, "description": "Disabled"} for e in answer.body)
    answer = await api.call("GET", ENDPOINT, params={"q": "name:SPARE", "sort": "name"})
    assert [e["name"] for e in answer.body] == ["spare-1", "spare-2"]
    answer = await api.call("GET", ENDPOINT, params={"q": "ip_address:100.64.", "per_page": "5"})
    assert [e["ip_address"] for e in answer.body] == ["100.64.0.1", "100.64.0.2"]
    sim_id = api.emu.state.endpoints.sim_of(ids[0])
    assert sim_id is not None
    answer = await api.call("GET", ENDPOINT, params={"q": f"iccid:{8988303000000000000 + sim_id}"})
    assert [e["id"] for e in answer.body] == [ids[0]]


async def test_list_refuses_unknown_criteria(api: Api) -> None:
    assert (await api.call("GET", ENDPOINT, params={"q": "colour:red"})).status == 422
    answer = await api.call("GET", ENDPOINT, params={"q": "status:on"})
    assert answer.body["error_token"] == "InvalidQueryCriteria"
    answer = await api.call("GET", ENDPOINT, params={"sort": "sim_status"})
    assert (answer.status, answer.body["error_code"]) == (422, 1302)
    assert (await api.call("GET", ENDPOINT, params={"page": "x"})).status == 400


async def test_statuses(api: Api) -> None:
    answer = await api.call("GET", f"{ENDPOINT}/status")
    assert answer.body == [
        {"id": 0, "description": "Enabled"},
        {"id": 1, "description": "Disabled"},
        {"id": 2, "description": "Deleted"},
    ]


async def test_details_and_unknown_endpoints(api: Api) -> None:
    endpoint_id = _with_sim(api.emu)
    answer = await api.call("GET", f"{ENDPOINT}/{endpoint_id}")
    assert answer.body["ip_address_space"] == {"id": 1}  # as recorded, no invented keys
    await _agree(api, endpoint_id, api.emu.state.endpoints.sim_of(endpoint_id))
    foreign = api.emu.state.endpoint_ids(999)[0]
    for unknown in (999_999, -1, foreign):
        answer = await api.call("GET", f"{ENDPOINT}/{unknown}")
        assert answer.status == 404
        assert answer.body == {
            "error_code": 1401,
            "error_token": "InvalidReference",
            "message": f"Endpoint with Id '{unknown}' not found.",
        }
    answer = await api.call("GET", f"{ENDPOINT}/None")
    assert (answer.status, answer.body["error_token"]) == (400, "BadRequest")


async def test_enterprise_sees_only_its_own_endpoints(api: Api) -> None:
    emu = api.emu
    headers = {"Authorization": f"Bearer {await token_for(api, 102)}"}
    async with api.session.get(ENDPOINT, headers=headers) as resp:
        own = [e["id"] for e in await resp.json()]
    assert own == list(emu.state.endpoint_ids(102)) and len(own) == 3
    async with api.session.get(f"{ENDPOINT}/{_with_sim(emu)}", headers=headers) as resp:
        assert resp.status == 404
    assert (await api.call("GET", f"{ENDPOINT}/{own[0]}")).status == 404


# --- create ------------------------------------------------------------------------------------


async def test_create_assigns_and_activates_the_sim(api: Api) -> None:
    emu = api.emu
    sim_id = _sim(emu, 0, endpoint=False)  # Issued
    answer = await api.call("POST", ENDPOINT, json=_body(tags="a,b", sim={"id": sim_id}))
    assert answer.status == 201 and answer.body is None
    location = answer.headers["Location"]
    assert location.startswith(emu.base_url + ENDPOINT + "/")
    endpoint_id = int(location.rsplit("/", 1)[1])
    endpoint = (await api.call("GET", f"{ENDPOINT}/{endpoint_id}")).body
    assert (endpoint["name"], endpoint["tags"], endpoint["status"]["id"]) == ("meter-1", "a,b", 0)
    assert endpoint["tariff_profile"] == {"id": 2, "name": "Global Roaming"}
    assert (
        endpoint["ip_address"]
        == f"10.{endpoint_id >> 16}.{endpoint_id >> 8 & 255}.{endpoint_id & 255}"
    )
    assert endpoint["sim"]["status"] == {"id": 1, "description": "Activated"}
    await _agree(api, endpoint_id, sim_id)
    listed = (await api.call("GET", ENDPOINT, params={"q": f"id:{endpoint_id}"})).body
    assert [e["id"] for e in listed] == [endpoint_id]


async def test_create_without_activating(api: Api) -> None:
    sim_id = _sim(api.emu, 0, endpoint=False)
    endpoint_id = await _create(api, _body(sim={"id": sim_id, "activate": False}))
    await _agree(api, endpoint_id, sim_id)
    assert api.emu.state.sim(sim_id)["status"]["id"] == 0  # type: ignore[index]


async def test_create_in_a_space_until_it_is_exhausted(api: Api) -> None:
    created = [
        await _create(api, _body(f"small-{n}", ip_address_space={"id": 2})) for n in range(4)
    ]
    addresses = [api.emu.state.endpoint(i)["ip_address"] for i in created]  # type: ignore[index]
    assert addresses == ["100.64.0.3", "100.64.0.4", "100.64.0.5", "100.64.0.6"]
    answer = await api.call("POST", ENDPOINT, json=_body(ip_address_space={"id": 2}))
    assert answer.status == 404
    assert answer.body == {
        "error_code": 1601,
        "error_token": "Unavailable",
        "message": "No IP Address available.",
    }
    assert (await api.call("DELETE", f"{ENDPOINT}/{created[1]}")).status == 204
    freed = await _create(api, _body("again", ip_address_space={"id": 2}))
    assert api.emu.state.endpoint(freed)["ip_address"] == "100.64.0.4"  # type: ignore[index]


async def test_create_with_an_address(api: Api) -> None:
    body = _body(ip_address="100.64.0.6", ip_address_space={"id": 2})
    endpoint_id = await _create(api, body)
    assert api.emu.state.endpoint(endpoint_id)["ip_address"] == "100.64.0.6"  # type: ignore[index]
    answer = await api.call("POST", ENDPOINT, json=body)
    assert (answer.status, answer.body["error_token"]) == (409, "Duplicated")
    assert answer.body["message"] == "IP Address - 100.64.0.6 already assigned."
    taken = api.emu.state.endpoint(1)["ip_address"]  # type: ignore[index]
    answer = await api.call(
        "POST", ENDPOINT, json=_body(ip_address=taken, ip_address_space={"id": 1})
    )
    assert answer.status == 409
    answer = await api.call(
        "POST", ENDPOINT, json=_body(ip_address="192.168.0.1", ip_address_space={"id": 2})
    )
    assert answer.status == 422
    assert answer.body["errors"][0]["message"] == "Endpoint - IP Address out of range."
    answer = await api.call("POST", ENDPOINT, json=_body(ip_address="100.64.0.5"))
    assert answer.body["errors"][0]["error_token"] == "Required"


async def test_create_refuses_bad_references_together(api: Api) -> None:
    answer = await api.call(
        "POST",
        ENDPOINT,
        json={
            "name": "x",
            "status": {"id": 0},
            "service_profile": {"id": -1},
            "tariff_profile": {"id": 11},  # 102's
            "ip_address_space": {"id": 3},  # 102's
            "sim": {"id": 10**6},
            "colour": "red",
        },
    )
    assert answer.status == 422
    assert (answer.body["error_code"], answer.body["message"]) == (
        1400,
        "Create endpoint validation error",
    )
    assert [(e["error_code"], e["message"]) for e in answer.body["errors"]] == [
        (1401, "Service profile with Id '-1' not found."),
        (1401, "Tariff profile with Id '11' not found."),
        (1401, "IP address space with Id '3' not found."),
        (1401, f"SIM with Id '{10**6}' not found."),
        (1403, "Unknown field 'colour'"),
    ]
    answer = await api.call("POST", ENDPOINT, json={"name": "x"})
    assert [e["message"] for e in answer.body["errors"]] == [
        "status is required",
        "service_profile is required",
        "tariff_profile is required",
    ]
    answer = await api.call("POST", ENDPOINT, data=b"{")
    assert answer.status == 400


async def test_a_sim_of_another_endpoint_is_refused(api: Api) -> None:
    emu = api.emu
    holder = _with_sim(emu)
    sim_id = emu.state.endpoints.sim_of(holder)
    answer = await api.call("POST", ENDPOINT, json=_body(sim={"id": sim_id}))
    assert (answer.status, answer.body["error_token"]) == (409, "Duplicated")
    assert answer.body["message"] == (
        f"SIM with Id '{sim_id}' is already assigned to Endpoint with Id '{holder}'."
    )
    spare = _without_sim(emu)
    answer = await api.call("PATCH", f"{ENDPOINT}/{spare}", json={"sim": {"id": sim_id}})
    assert answer.status == 409
    await _agree(api, holder, sim_id)
    await _agree(api, spare, None)


async def test_an_organisation_without_an_address_space(api: Api) -> None:
    headers = {"Authorization": f"Bearer {await token_for(api, 103)}"}
    body = _body(service_profile={"id": 31}, tariff_profile={"id": 12})
    async with api.session.post(ENDPOINT, json=body, headers=headers) as resp:
        assert resp.status == 404
        assert (await resp.json())["error_code"] == 1601


# --- update ------------------------------------------------------------------------------------


async def test_update_fields(api: Api) -> None:
    endpoint_id = _with_sim(api.emu)
    body = {
        "name": "renamed",
        "tags": "x",
        "status": {"id": 1},
        "service_profile": {"id": 3},
        "tariff_profile": {"id": 1},
        "imei": "123456789012345",
        "imei_lock": True,
        "ip_address": "10.200.0.1",
        "ip_address_space": {"id": 1},
    }
    answer = await api.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json=body)
    assert (answer.status, answer.body) == (204, None)
    endpoint = (await api.call("GET", f"{ENDPOINT}/{endpoint_id}")).body
    assert endpoint["name"] == "renamed" and endpoint["status"]["description"] == "Disabled"
    assert (endpoint["imei"], endpoint["imei_lock"], endpoint["ip_address"]) == (
        "123456789012345",
        True,
        "10.200.0.1",
    )
    assert endpoint["service_profile"] == {"id": 3, "name": "Tracker (data only)"}
    sim_id = endpoint["sim"]["id"]
    sim = (await api.call("GET", f"/api/v1/sim/{sim_id}")).body
    assert (sim["endpoint"]["name"], sim["endpoint"]["ip_address"]) == ("renamed", "10.200.0.1")
    # its old seeded address is free again
    old = f"10.0.{endpoint_id >> 8 & 255}.{endpoint_id & 255}"
    assert await _create(api, _body(ip_address=old, ip_address_space={"id": 1}))


async def test_update_is_validated_like_the_recording(api: Api) -> None:
    answer = await api.call("PATCH", f"{ENDPOINT}/1", json={"service_profile": {"id": -1}})
    assert answer.status == 422
    assert answer.body == {
        "error_code": 1400,
        "error_token": "InputValidationFailed",
        "message": "Update endpoint validation error",
        "errors": [
            {
                "error_code": 1401,
                "error_token": "InvalidReference",
                "message": "Service profile with Id '-1' not found.",
            }
        ],
    }
    answer = await api.call("PATCH", f"{ENDPOINT}/1", json={"status": {"id": 2}})
    assert answer.body["errors"][0]["error_token"] == "OutOfRange"
    assert (await api.call("PATCH", f"{ENDPOINT}/999999", json={})).status == 404


async def test_release_and_assign_keep_both_sides_in_step(api: Api) -> None:
    emu = api.emu
    endpoint_id, other = _with_sim(emu), _without_sim(emu)
    sim_id = emu.state.endpoints.sim_of(endpoint_id)
    assert sim_id is not None
    for release in ({"sim": None}, {"sim": {"id": None}}):
        await api.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json={"sim": {"id": sim_id}})
        await _agree(api, endpoint_id, sim_id)
        answer = await api.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json=release)
        assert answer.status == 204
        await _agree(api, endpoint_id, None)
        assert "endpoint" not in (await api.call("GET", f"/api/v1/sim/{sim_id}")).body
        unassigned = await api.call(
            "GET", "/api/v1/sim", params={"q": "endpoint:null", "per_page": "2500"}
        )
        assert sim_id in {sim["id"] for sim in unassigned.body}
    # a SIM moves from one endpoint to another only after its release
    await api.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json={"sim": {"id": sim_id}})
    await api.call("PATCH", f"{ENDPOINT}/{endpoint_id}", json={"sim": None})
    answer = await api.call("PATCH", f"{ENDPOINT}/{other}", json={"sim": {"id": sim_id}})
    assert answer.status == 204
    await _agree(api, other, sim_id)
    await _agree(api, endpoint_id, None)
    # and replacing an endpoint's SIM releases the previous one
    fresh = _sim(emu, 0, endpoint=False)
    await api.call("PATCH", f"{ENDPOINT}/{other}", json={"sim": {"id": fresh}})
    await _agree(api, other, fresh)
    assert "endpoint" not in (await api.call("GET", f"/api/v1/sim/{sim_id}")).body


# --- delete ------------------------------------------------------------------------------------


async def test_delete(api: Api) -> None:
    emu = api.emu
    busy = _with_sim(emu)
    answer = await api.call("DELETE", f"{ENDPOINT}/{busy}")
    assert (answer.status, answer.body["error_token"]) == (409, "NotAllowed")
    sim_id = emu.state.endpoints.sim_of(busy)
    await api.call("PATCH", f"{ENDPOINT}/{busy}", json={"sim": None})
    answer = await api.call("DELETE", f"{ENDPOINT}/{busy}")
    assert (answer.status, answer.body) == (204, None)
    assert (await api.call("GET", f"{ENDPOINT}/{busy}")).status == 404
    assert (await api.call("DELETE", f"{ENDPOINT}/{busy}")).status == 404
    assert busy not in [e["id"] for e in (await api.call("GET", ENDPOINT)).body]
    assert "endpoint" not in (await api.call("GET", f"/api/v1/sim/{sim_id}")).body
    # the SIM is free for a new endpoint, which gets a new id
    new = await _create(api, _body(sim={"id": sim_id}))
    assert new != busy
    await _agree(api, new, sim_id)
    # and a SIM with an endpoint still cannot be deleted
    assert (await api.call("DELETE", f"/api/v1/sim/{sim_id}")).status == 422


async def test_rate_limited_like_the_documentation(
    emnify_emulator_factory: Any,
) -> None:
    emu: Emulator = await emnify_emulator_factory(sims=20, rate_limits=True)
    async with aiohttp.ClientSession(emu.base_url) as session:
        async with session.post(
            "/api/v1/authenticate", json={"application_token": emu.application_token}
        ) as resp:
            headers = {"Authorization": f"Bearer {(await resp.json())['auth_token']}"}
        statuses = []
        for _ in range(7):
            async with session.get(ENDPOINT, headers=headers) as resp:
                statuses.append(resp.status)
    assert statuses[:5] == [200] * 5 and 429 in statuses
