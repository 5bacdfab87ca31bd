"""Organisations, statistics, inclusive volumes and tariffs, over plain HTTP (no SDK code)."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing._keys import RATE_LIMITER

from .conftest import Api


async def _json(resp: aiohttp.ClientResponse) -> Any:
    return await resp.json(content_type=None)


async def _login_as(api: Api, org_id: int) -> dict[str, str]:
    body = {"application_token": api.emu.application_token_for(org_id)}
    async with api.session.post("/api/v1/authenticate", json=body) as resp:
        assert resp.status == 200
        return {"Authorization": f"Bearer {(await resp.json())['auth_token']}"}


async def test_application_token_for_logs_in_as_that_org(api: Api) -> None:
    """Tokens per organisation: `my` follows the token; the same token comes back each time."""
    assert api.emu.application_token_for(103) == api.emu.application_token_for(103)
    assert api.emu.application_token_for(101) == api.emu.application_token
    headers = await _login_as(api, 103)
    async with api.session.get("/api/v1/organisation/my", headers=headers) as resp:
        org = await resp.json()
    assert (org["id"], org["type"]["description"], org["class"]["description"]) == (
        103,
        "Enterprise",
        "Evaluation",
    )
    with pytest.raises(KeyError):
        api.emu.application_token_for(4711)


async def test_my_organisation_shape(api: Api) -> None:
    """Nested lookups as in the spec's example; no relation for the top organisation."""
    async with api.get("/api/v1/organisation/my") as resp:
        org = await resp.json()
    assert set(org) == {
        "id",
        "name",
        "ext_reference",
        "type",
        "class",
        "country",
        "status",
        "monthly_cost_limit",
        "currency",
        "created",
    }
    assert org["created"].endswith(".000+0000")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/organisation/abc/stats",
        "/api/v1/organisation/my1/inclusive_volume/active",
        "/api/v1/organisation/-5/stats/daily",
    ],
)
async def test_non_numeric_org_is_a_bad_request(api: Api, path: str) -> None:
    async with api.get(path) as resp:
        assert resp.status == 400
        assert (await resp.json())["error_token"] == "BadRequest"


async def test_stats_of_a_sibling_are_not_accessible(api: Api) -> None:
    """A child sees itself, not its siblings nor its parent."""
    headers = await _login_as(api, 102)
    for org, status in ((102, 200), (103, 422), (101, 422)):
        async with api.session.get(f"/api/v1/organisation/{org}/stats", headers=headers) as resp:
            assert resp.status == status


async def test_daily_stats_strings_and_total(api: Api) -> None:
    """Values are strings; the last row's date is the literal TOTAL."""
    query = {"start_date": "2024-03-01", "end_date": "2024-03-03"}
    async with api.get("/api/v1/organisation/my/stats/daily", params=query) as resp:
        rows = await resp.json()
    assert [row["date"][:10] for row in rows] == ["2024-03-03", "2024-03-02", "2024-03-01", "TOTAL"]
    assert isinstance(rows[0]["data"]["volume"], str)
    total = float(rows[-1]["sms"]["volume"])
    assert total == sum(float(row["sms"]["volume"]) for row in rows[:-1])


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"start_date": "2024-01-01", "end_date": "2024-03-01"}, 422),
        ({"start_date": "2024-01-05", "end_date": "2024-01-01"}, 422),
        ({"start_date": "yesterday"}, 422),
    ],
    ids=["too-long", "reversed", "malformed"],
)
async def test_hourly_range_errors(api: Api, query: dict[str, str], status: int) -> None:
    async with api.get("/api/v1/organisation/my/stats/hourly", params=query) as resp:
        assert resp.status == status


async def test_assign_malformed_body_is_400(api: Api) -> None:
    path = "/api/v1/organisation/102/inclusive_volume/1101"
    async with api.session.put(path, headers=api.auth, data=b"{nope") as resp:
        assert resp.status == 400
    async with api.session.put(path, headers=api.auth, json=[1]) as resp:
        assert resp.status == 400


async def test_assign_accepts_timestamps_and_strips_times(api: Api) -> None:
    """Times of the dates are stripped; the answer writes dates as midnight timestamps."""
    body = {"start_date": "2099-01-01T13:14:15.000Z", "end_date": "2099-03-31T23:59:59Z"}
    path = "/api/v1/organisation/102/inclusive_volume/1201"
    async with api.session.put(path, headers=api.auth, json=body) as resp:
        assert resp.status == 201
        answer = await resp.json()
    assert answer["start_date"] == "2099-01-01T00:00:00.000Z"
    assert answer["end_date"] == "2099-03-31T00:00:00.000Z"
    assert answer["pooled"] is True


async def test_create_volume_lists_every_problem(api: Api) -> None:
    body = {"rate": -1, "volume": "a lot", "start_date": "2099-01-15", "pooled": "yes"}
    async with api.session.post(
        "/api/v1/organisation/103/inclusive_volume", headers=api.auth, json=body
    ) as resp:
        assert resp.status == 422
        error = await resp.json()
    assert error["error_token"] == "InputValidationFailed"
    assert sorted(e["error_token"] for e in error["errors"]) == [
        "InvalidFormat",
        "InvalidFormat",
        "OutOfRange",
        "OutOfRange",
        "Required",
        "Required",
    ]


async def test_create_volume_location(api: Api) -> None:
    body = {"currency": {"id": 1}, "rate": 1, "volume": 5, "ratezone": {"id": 21}}
    async with api.session.post(
        "/api/v1/organisation/104/inclusive_volume", headers=api.auth, json=body
    ) as resp:
        assert resp.status == 201
        assert await resp.read() == b""
        new_id = int(resp.headers["Location"].rsplit("/", 1)[1])
    assert api.emu.state.billing.volumes[new_id].org_id == 104
    assert resp.headers["Location"] == f"/api/v1/organisation/104/inclusive_volume/{new_id}"


async def test_update_org_tariff_body_errors(api: Api) -> None:
    for body in ({}, {"id": "2"}):
        async with api.patch("/api/v1/organisation/102/tariff", json=body) as resp:
            assert resp.status == 422
            assert (await resp.json())["error_token"] == "InputValidationFailed"


async def test_tariff_create_validation(api: Api) -> None:
    body = {"description": 3, "sim_activated_rate": -1, "data_blocksize": {"id": 99}, "x": 1}
    async with api.session.post("/api/v1/tariff", headers=api.auth, json=body) as resp:
        assert resp.status == 422
        error = await resp.json()
    messages = [e["message"] for e in error["errors"]]
    assert "name is required" in messages and "currency is required" in messages
    assert "Unknown field 'x'" in messages
    assert any("data_blocksize" in m for m in messages)
    assert any("negative" in m for m in messages)


async def test_tariff_patch_accepts_only_the_update_fields(api: Api) -> None:
    """sim_issued_rate can be set on create, not on update (emnify's documented fields)."""
    async with api.patch("/api/v1/tariff/5", json={"sim_issued_rate": 1}) as resp:
        assert resp.status == 422
    async with api.patch("/api/v1/tariff/5", json={"sim_activated_rate": 1}) as resp:
        assert resp.status == 204
    async with api.get("/api/v1/tariff/5") as resp:
        assert (await resp.json())["sim_activated_rate"] == 1.0


async def test_tariff_list_is_not_paged(api: Api) -> None:
    async with api.get("/api/v1/tariff", params={"page": "2", "per_page": "1"}) as resp:
        tariffs = await resp.json()
    assert len(tariffs) == 5
    assert "X-Total-Pages" not in resp.headers


async def test_tariff_routes_refuse_enterprise(api: Api) -> None:
    headers = await _login_as(api, 104)
    async with api.session.get("/api/v1/tariff/1", headers=headers) as resp:
        assert resp.status == 403
        assert (await resp.json())["error_code"] == 1104


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/organisation/my/stats",
        "/api/v1/organisation/my/stats/daily",
        "/api/v1/organisation/102/stats/hourly",
        "/api/v1/stats/daily",
    ],
)
async def test_statistics_rate_limited(emnify_emulator_factory: Any, path: str) -> None:
    """Statistics paths share emnify's documented 10/s, burst 5 limit (as the client paces)."""
    from .conftest import connect

    emu: Emulator = await emnify_emulator_factory(sims=10, rate_limits=True)
    emu.app[RATE_LIMITER].clock = ManualClock(0)  # type: ignore[union-attr]
    api = await connect(emu)
    async with api.session:
        statuses = []
        for _ in range(6):
            async with api.get(path) as resp:
                statuses.append(resp.status)
        assert statuses == [200] * 5 + [429]
