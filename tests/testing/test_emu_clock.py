"""The emulator's one clock: every "now" follows ``EmulatorConfig(clock=...)``.

The scenario starts half a second before midnight UTC at the end of January and crosses into
February halfway: statistics, billing periods, event times and token expiry all switch at
the same instant, whatever the real date is.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from emnify_async.testing import Emulator, EmulatorConfig, ManualClock

from .conftest import Api, connect, login

Factory = Callable[..., Awaitable[Emulator]]
BEFORE_MIDNIGHT = "2026-01-31T23:59:59.5Z"


def _claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims


async def _json(api: Api, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
    async with api.session.request(method, path, headers=api.auth, **kwargs) as resp:
        return resp.status, await resp.json(content_type=None)


def _first(emu: Emulator, status: int, traffic: bool = False) -> int:
    table, render = emu.state.table, emu.state.render
    return next(
        i
        for i in emu.state.sim_ids()
        if table.status[i - 1] == status and (not traffic or render.has_traffic(i))
    )


async def _calendar(api: Api, sim_id: int) -> dict[str, Any]:
    """What the statistics routes say about "now"."""
    _, org = await _json(api, "GET", "/api/v1/organisation/my/stats")
    _, sim = await _json(api, "GET", f"/api/v1/sim/{sim_id}/stats")
    _, sim_days = await _json(api, "GET", f"/api/v1/sim/{sim_id}/stats/daily")
    _, org_days = await _json(api, "GET", "/api/v1/stats/daily")
    _, hourly = await _json(api, "GET", "/api/v1/organisation/my/stats/hourly")
    return {
        "org current": org["current_month"]["data"]["month"][:10],
        "org last": org["last_month"]["data"]["month"][:10],
        "sim current": sim["current_month"]["data"]["month"][:10],
        "sim last": sim["last_month"]["data"]["month"][:10],
        "sim last minute": sim["last_hour"]["data"]["rx"][-1][0],
        "sim days": (sim_days[0]["date"][:10], sim_days[-1]["date"][:10], len(sim_days)),
        "org days": (org_days[0]["date"][:10], org_days[-1]["date"][:10], len(org_days)),
        "hours": [label for label, _ in hourly["data"]["rx"]],
    }


async def test_a_scenario_across_midnight_at_month_end(emnify_emulator_factory: Factory) -> None:
    clock = ManualClock(BEFORE_MIDNIGHT)
    emu = await emnify_emulator_factory(sims=40, clock=clock, token_lifetime=2.0)
    assert emu.clock is clock
    api = await connect(emu)
    async with api.session:
        claims = _claims(api.token)
        assert claims["iat"] == int(clock())
        assert claims["exp"] == 1769904002  # 2026-02-01T00:00:02Z: lifetime rounded up
        traffic_sim, active_sim = _first(emu, 1, traffic=True), _first(emu, 1)

        assert await _calendar(api, traffic_sim) == {
            "org current": "2026-01-01",
            "org last": "2025-12-01",
            "sim current": "2026-01-01",
            "sim last": "2025-12-01",
            "sim last minute": "23:59",
            "sim days": ("2026-01-31", "2026-01-01", 31),
            "org days": ("2026-01-31", "2026-01-01", 31),
            "hours": ["20:00", "21:00", "22:00", "23:00", "00:00"],
        }
        volume = "/api/v1/organisation/102/inclusive_volume/1101"
        assert (await _json(api, "PUT", volume, json={"start_date": "2026-01-01"}))[0] == 201
        _, active = await _json(api, "GET", "/api/v1/organisation/102/inclusive_volume/active")
        assert 503 not in {v["id"] for v in active}  # seeded to start next month
        patch = {"status": {"id": 2}}
        assert (await _json(api, "PATCH", f"/api/v1/sim/{active_sim}", json=patch))[0] == 204

        clock.advance(1.0)  # 2026-02-01T00:00:00.5Z

        assert await _calendar(api, traffic_sim) == {
            "org current": "2026-02-01",
            "org last": "2026-01-01",
            "sim current": "2026-02-01",
            "sim last": "2026-01-01",
            "sim last minute": "00:00",
            "sim days": ("2026-02-01", "2026-02-01", 1),
            "org days": ("2026-02-01", "2026-02-01", 1),
            "hours": ["21:00", "22:00", "23:00", "00:00", "01:00"],
        }
        status, refused = await _json(api, "PUT", volume, json={"start_date": "2026-01-01"})
        assert status == 422
        assert [e["error_token"] for e in refused["errors"]] == ["OutOfRange"]
        assert (await _json(api, "PUT", volume, json={"start_date": "2026-02-01"}))[0] == 201
        _, active = await _json(api, "GET", "/api/v1/organisation/102/inclusive_volume/active")
        assert 503 in {v["id"] for v in active}
        patch = {"status": {"id": 1}}
        assert (await _json(api, "PATCH", f"/api/v1/sim/{active_sim}", json=patch))[0] == 204
        _, events = await _json(api, "GET", f"/api/v1/sim/{active_sim}/event")
        assert [e["timestamp"] for e in events[-2:]] == [
            "2026-01-31T23:59:59.000Z",
            "2026-02-01T00:00:00.000Z",
        ]

        clock.advance(1.25)  # 00:00:01.75: the token lives until 00:00:02
        assert (await _json(api, "GET", "/api/v1/sim/1"))[0] == 200
        clock.advance(0.25)
        status, body = await _json(api, "GET", "/api/v1/sim/1")
        assert (status, body["error_token"]) == (401, "TokenExpired")
        api.token = await login(api.session, emu)
        assert (await _json(api, "GET", "/api/v1/sim/1"))[0] == 200


async def test_created_tariff_and_emulator_start_follow_the_clock(
    emnify_emulator_factory: Factory,
) -> None:
    clock = ManualClock("2030-06-15T08:00:00Z")
    emu = await emnify_emulator_factory(sims=5, clock=clock)
    api = await connect(emu)
    async with api.session:
        body = {"name": "Clocked", "currency": {"id": 1}}
        async with api.session.post("/api/v1/tariff", json=body, headers=api.auth) as resp:
            location = resp.headers["Location"]
        status, tariff = await _json(api, "GET", location)
        assert (status, tariff["created"]) == (200, "2030-06-15 08:00:00")
        # Volume 503 was seeded "from next month" of the emulator's start.
        assert emu.state.billing.volumes[503].start.isoformat() == "2030-07-01"


def test_manual_clock() -> None:
    clock = ManualClock("2026-01-31T23:59:59Z")
    clock.advance(1.5)
    assert clock() == 1769904000.5
    assert repr(clock) == "ManualClock('2026-02-01T00:00:00.500000+00:00')"
    clock.set(0)
    assert clock() == 0.0
    assert EmulatorConfig().clock is time.time
