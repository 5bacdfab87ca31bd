"""POST /api/v1/authenticate and the bearer-token checks."""

from __future__ import annotations

import base64
import json

import aiohttp

from emnify_async.testing import Emulator, ManualClock

from .conftest import Api, sha1


def _claims(token: str) -> dict[str, object]:
    payload = token.split(".")[1]
    claims: dict[str, object] = json.loads(base64.urlsafe_b64decode(payload + "=" * 4))
    return claims


async def test_application_token_gives_jwt_without_refresh(api: Api) -> None:
    async with api.session.post(
        "/api/v1/authenticate", json={"application_token": api.emu.application_token}
    ) as resp:
        body = await resp.json()
    assert resp.status == 200
    assert set(body) == {"auth_token"}
    header = json.loads(base64.urlsafe_b64decode(body["auth_token"].split(".")[0] + "=="))
    assert header == {"alg": "HS384", "typ": "JWT"}
    claims = _claims(body["auth_token"])
    assert {"aud", "iss", "iat", "exp", "esc.app", "esc.org", "esc.orgName"} <= set(claims)
    assert claims["exp"] - claims["iat"] >= 14400  # type: ignore[operator]


async def test_user_credentials_and_refresh(api: Api) -> None:
    emu = api.emu
    creds = {"username": emu.username, "password": sha1(emu.password)}
    async with api.session.post("/api/v1/authenticate", json=creds) as resp:
        body = await resp.json()
    assert resp.status == 200 and set(body) == {"auth_token", "refresh_token"}
    assert "esc.user" in _claims(body["auth_token"])
    refresh = {"refresh_token": body["refresh_token"]}
    async with api.session.post("/api/v1/authenticate", json=refresh) as resp:
        refreshed = await resp.json()
    assert resp.status == 200 and set(refreshed) == {"auth_token"}
    async with api.session.get(
        "/api/v1/sim/1", headers={"Authorization": f"Bearer {refreshed['auth_token']}"}
    ) as resp:
        assert resp.status == 200


async def test_bad_credentials_empty_401(api: Api) -> None:
    for body in (
        {"application_token": "nope"},
        {"username": api.emu.username, "password": api.emu.password},  # plain, not SHA-1
        {"refresh_token": api.token},  # an auth token is not a refresh token
    ):
        async with api.session.post("/api/v1/authenticate", json=body) as resp:
            assert resp.status == 401
            assert await resp.read() == b""


async def test_malformed_body_400(api: Api) -> None:
    for data in (b"{not json", b"[1]", b'{"something": 1}', b'{"application_token": 5}'):
        async with api.session.post("/api/v1/authenticate", data=data) as resp:
            assert resp.status == 400, data
            assert (await resp.json())["error_token"] == "BadRequest"


async def test_lockout_after_three_failures(emnify_emulator_factory: object) -> None:
    clock = ManualClock("2026-01-31T23:59:59.5Z")
    emu: Emulator = await emnify_emulator_factory(lockout_seconds=300, clock=clock)  # type: ignore[operator]
    wrong = {"username": emu.username, "password": sha1("wrong")}
    right = {"username": emu.username, "password": sha1(emu.password)}
    async with aiohttp.ClientSession(emu.base_url) as session:
        for _ in range(3):
            async with session.post("/api/v1/authenticate", json=wrong) as resp:
                assert resp.status == 401 and await resp.read() == b""
        async with session.post("/api/v1/authenticate", json=right) as resp:
            assert resp.status == 401
            assert await resp.json() == {
                "error_code": 1105,
                "error_token": "TooManyRequests",
                "message": "Too many failed login attempts, the account is locked temporarily",
            }
        clock.advance(299)  # the lock runs on the emulator's clock, across midnight too
        async with session.post("/api/v1/authenticate", json=right) as resp:
            assert resp.status == 401
        clock.advance(1)
        async with session.post("/api/v1/authenticate", json=right) as resp:
            assert resp.status == 200


async def test_gateway_style_rejections(api: Api) -> None:
    async with api.session.get("/api/v1/sim") as resp:
        assert resp.status == 401
        assert await resp.json() == {"message": "Unauthorized"}
        assert "x-amzn-RequestId" in resp.headers
    async with api.session.get("/api/v1/sim", headers={"Authorization": "Bearer abc"}) as resp:
        assert resp.status == 401
        assert await resp.json() == {"message": "token contains an invalid number of segments"}
        assert resp.headers["x-amzn-ErrorType"] == "AccessDeniedException"
    forged = api.token[:-4] + ("AAAA" if not api.token.endswith("AAAA") else "BBBB")
    async with api.session.get(
        "/api/v1/sim", headers={"Authorization": f"Bearer {forged}"}
    ) as resp:
        assert resp.status == 401
        assert (await resp.json())["error_code"] == 1102
    async with api.session.get(
        "/api/v1/sim", headers={"Authorization": f"Bearer {api.emu.application_token}"}
    ) as resp:
        assert (await resp.json())["error_token"] == "InvalidToken"


async def test_token_expiry(emnify_emulator_factory: object) -> None:
    clock = ManualClock(1_800_000_000.25)
    emu: Emulator = await emnify_emulator_factory(token_lifetime=1.0, sims=5, clock=clock)  # type: ignore[operator]
    async with aiohttp.ClientSession(emu.base_url) as session:
        async with session.post(
            "/api/v1/authenticate", json={"application_token": emu.application_token}
        ) as resp:
            token = (await resp.json())["auth_token"]
        headers = {"Authorization": f"Bearer {token}"}
        async with session.get("/api/v1/sim/1", headers=headers) as resp:
            assert resp.status == 200
        exp = _claims(token)["exp"]
        assert exp == 1_800_000_002  # 1.25 s from now, rounded up to whole seconds
        clock.set(exp - 0.25)
        async with session.get("/api/v1/sim/1", headers=headers) as resp:
            assert resp.status == 200
        clock.set(exp)
        async with session.get("/api/v1/sim/1", headers=headers) as resp:
            assert resp.status == 401
            body = await resp.json()
            assert body["error_code"] == 1103 and body["error_token"] == "TokenExpired"


async def test_revoke_tokens(api: Api) -> None:
    api.emu.revoke_tokens()
    async with api.get("/api/v1/sim/1") as resp:
        assert resp.status == 401
        assert (await resp.json())["error_token"] == "InvalidToken"
    async with api.session.post(
        "/api/v1/authenticate", json={"application_token": api.emu.application_token}
    ) as resp:
        fresh = (await resp.json())["auth_token"]
    async with api.session.get(
        "/api/v1/sim/1", headers={"Authorization": f"Bearer {fresh}"}
    ) as resp:
        assert resp.status == 200
