"""The user area's state, seen by the login: plain HTTP, no SDK code.

A created user logs in once activated; a deleted or suspended one does not, not even with a
refresh token; a user with an active MFA key gets an ``mfa_token``, then tokens for a code of
the key, and a trusted device skips the code; support tokens act as their user.
"""

from __future__ import annotations

import base64
from typing import Any

import aiohttp

from emnify_async.testing import ManualClock, _totp
from emnify_async.testing._user_data import seeded_password

from .conftest import Api, sha1

AUTH = "/api/v1/authenticate"
MFA_USER = 4712


async def _authenticate(api: Api, body: dict[str, Any]) -> tuple[int, Any]:
    async with api.session.post(AUTH, json=body) as resp:
        raw = await resp.read()
        return resp.status, (await resp.json() if raw else None)


def _login(api: Api, user_id: int, password: str | None = None) -> dict[str, str]:
    user = api.emu.state.users.record(user_id)
    assert user is not None
    plain = password or seeded_password(api.emu.config.seed, user_id)
    return {"username": user.username, "password": sha1(plain)}


def test_totp_matches_rfc_6238() -> None:
    """The emulator's codes are the RFC's (appendix B, SHA-1, 8 digits)."""
    secret = base64.b32encode(b"12345678901234567890").decode()

    assert _totp.code(secret, 59, digits=8) == "94287082"
    assert _totp.code(secret, 1111111109, digits=8) == "07081804"
    assert _totp.code(secret, 20000000000, digits=8) == "65353130"


async def test_created_user_logs_in_after_activation(api: Api) -> None:
    created = await api.call(
        "POST", "/api/v1/user", json={"username": "a@b.org", "name": "A", "roles": [{"id": 3}]}
    )
    assert created.status == 201
    user_id = int(created.headers["Location"].rsplit("/", 1)[1])
    body = {"username": "a@b.org", "password": sha1("pw")}
    assert (await _authenticate(api, body))[0] == 401

    key = api.emu.state.users.activation_key(user_id)
    async with api.session.post(
        "/api/v1/user/activation", json={"activationKey": key, "password": sha1("pw")}
    ) as resp:  # public: no token
        assert resp.status == 204

    status, tokens = await _authenticate(api, body)
    assert status == 200 and set(tokens) == {"auth_token", "refresh_token"}
    mine = await api.session.get(
        "/api/v1/user/my/role/permission",
        headers={"Authorization": f"Bearer {tokens['auth_token']}"},
    )
    assert mine.status == 200 and [p["role"] for p in await mine.json()] == ["Observer"]
    mine.release()


async def test_deleted_or_suspended_users_do_not_log_in(api: Api) -> None:
    """Not with the password, nor with a refresh token obtained before."""
    status, tokens = await _authenticate(api, _login(api, 4715))
    assert status == 200
    refresh = {"refresh_token": tokens["refresh_token"]}

    assert (await api.call("DELETE", "/api/v2/user/4715")).status == 204
    assert await _authenticate(api, _login(api, 4715)) == (401, None)
    assert await _authenticate(api, refresh) == (401, None)
    assert await _authenticate(api, _login(api, 4714)) == (401, None)  # suspended


async def test_mfa_login_and_trusted_device(api: Api) -> None:
    """Password, then the code; with a fingerprint, the next password login needs none."""
    status, first = await _authenticate(api, _login(api, MFA_USER))
    assert status == 200 and set(first) == {"mfa_token"}
    user = api.emu.state.users.get(MFA_USER)
    assert user is not None
    code = _totp.code(user.mfa[12].secret, api.emu.clock())
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    assert await _authenticate(api, {"mfa_token": first["mfa_token"], "code": wrong}) == (401, None)
    status, tokens = await _authenticate(
        api,
        {
            "mfa_token": first["mfa_token"],
            "code": code,
            "fingerprint": "my-laptop",
            "trusted_device": {"operating_system": "Linux", "browser": "Firefox"},
        },
    )
    assert status == 200 and set(tokens) == {"auth_token", "refresh_token"}
    devices = await api.call("GET", f"/api/v1/user/{MFA_USER}/mfa/trusted_device")
    assert devices.body[-1]["operating_system"] == "Linux"

    trusted = {**_login(api, MFA_USER), "fingerprint": "my-laptop"}
    assert set((await _authenticate(api, trusted))[1]) == {"auth_token", "refresh_token"}
    other = {**_login(api, MFA_USER), "fingerprint": "another"}
    assert set((await _authenticate(api, other))[1]) == {"mfa_token"}


async def test_mfa_token_expires(emnify_emulator_factory: Any) -> None:
    clock = ManualClock("2026-03-14T12:00:00Z")
    emu = await emnify_emulator_factory(sims=5, clock=clock)
    async with aiohttp.ClientSession(emu.base_url) as session:
        api = Api(emu, session, "")
        _, first = await _authenticate(api, _login(api, MFA_USER))
        clock.advance(301)
        user = emu.state.users.get(MFA_USER)
        assert user is not None
        code = _totp.code(user.mfa[12].secret, clock())

        assert await _authenticate(api, {"mfa_token": first["mfa_token"], "code": code}) == (
            401,
            None,
        )


async def test_application_token_ip_restriction(api: Api) -> None:
    """A token restricted to the loopback network logs in from it; another network's not."""
    tokens = []
    for ip in ("127.0.0.0/8", "10.0.0.0/8"):
        created = await api.call("POST", "/api/v1/application_token", json={"ip": ip})
        assert created.status == 200
        tokens.append(created.body["application_token"])

    assert (await _authenticate(api, {"application_token": tokens[0]}))[0] == 200
    assert await _authenticate(api, {"application_token": tokens[1]}) == (401, None)


async def test_user_list_pages(api: Api) -> None:
    """Paged with the pagination headers; users of foreign organisations are not listed."""
    answer = await api.call("GET", "/api/v1/user", params={"per_page": "3", "page": "2"})

    assert answer.status == 200 and len(answer.body) == 3
    assert answer.headers["X-Total-Pages"] == "4" and answer.headers["X-Current-Page"] == "2"
    everyone = await api.call("GET", "/api/v1/user")
    assert 4791 not in [u["id"] for u in everyone.body]
