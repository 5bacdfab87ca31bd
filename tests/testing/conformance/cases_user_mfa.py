"""Multi-factor authentication: keys and trusted devices (``_routes/user_mfa.py``).

The emulator's own login (user 4711) sets up a key; user 4712 is seeded with an active key
and the spec's two trusted devices.
"""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case
from tests.testing.conformance.user_logins import password, pending_key, sha1, user_token

MFA = "/api/v1/user/mfa"
KEY = MFA + "/{key_id}"
USER_KEY = "/api/v1/user/{user_id}/mfa/{key_id}"
DEVICES = "/api/v1/user/{user_id}/mfa/trusted_device"
DEVICE = DEVICES + "/{device_id}"


async def _create(emu: Emulator, s: aiohttp.ClientSession, plain: str) -> Exchange:
    body = {"type": {"id": 0}, "password": sha1(plain)}
    return await call(s, "POST", MFA, json=body, token=await user_token(emu, s))


async def _activate(emu: Emulator, s: aiohttp.ClientSession, right: bool) -> Exchange:
    key_id, code = pending_key(emu)
    if not right:
        code = f"{(int(code) + 1) % 10**6:06d}"
    body = {"status": {"id": 1}, "code": code}
    return await call(
        s, "PATCH", KEY, {"key_id": key_id}, json=body, token=await user_token(emu, s)
    )


async def _activate_again(emu: Emulator, s: aiohttp.ClientSession) -> Exchange:
    user = emu.state.users.get(4711)
    assert user is not None
    key_id = max(user.mfa)
    body = {"status": {"id": 1}, "code": "123456"}
    return await call(
        s, "PATCH", KEY, {"key_id": key_id}, json=body, token=await user_token(emu, s)
    )


async def _activate_unknown(emu: Emulator, s: aiohttp.ClientSession) -> Exchange:
    body = {"status": {"id": 1}, "code": "123456"}
    return await call(s, "PATCH", KEY, {"key_id": 27}, json=body, token=await user_token(emu, s))


async def _delete_own_key(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    user = emu.state.users.get(4711)
    assert user is not None
    return await call(s, "DELETE", USER_KEY, {"user_id": 4711, "key_id": max(user.mfa)}, token=t)


CASES = [
    case("mfa key statuses 200", lambda emu, s, t: call(s, "GET", MFA + "/status", token=t)),
    case("mfa key types 200", lambda emu, s, t: call(s, "GET", MFA + "/type", token=t)),
    case(
        "create mfa key wrong password 422",
        lambda emu, s, t: _create(emu, s, "not the password"),
    ),
    case("create mfa key 200", lambda emu, s, t: _create(emu, s, password(emu, 4711))),
    case("activate mfa key wrong code 422", lambda emu, s, t: _activate(emu, s, right=False)),
    case("activate mfa key 204", lambda emu, s, t: _activate(emu, s, right=True)),
    case("activate mfa key again 409", lambda emu, s, t: _activate_again(emu, s)),
    case("activate unknown mfa key 404", lambda emu, s, t: _activate_unknown(emu, s)),
    case("create mfa key when active 409", lambda emu, s, t: _create(emu, s, password(emu, 4711))),
    case(
        "trusted devices 200", lambda emu, s, t: call(s, "GET", DEVICES, {"user_id": 4712}, token=t)
    ),
    case(
        "trusted devices unknown user 404",
        lambda emu, s, t: call(s, "GET", DEVICES, {"user_id": 1234}, token=t),
    ),
    case(
        "delete trusted device 204",
        lambda emu, s, t: call(s, "DELETE", DEVICE, {"user_id": 4712, "device_id": 16}, token=t),
    ),
    case(
        "delete unknown trusted device 404",
        lambda emu, s, t: call(s, "DELETE", DEVICE, {"user_id": 4712, "device_id": 9999}, token=t),
    ),
    case("delete mfa key 204", _delete_own_key),
    case(
        "delete unknown mfa key 404",
        lambda emu, s, t: call(s, "DELETE", USER_KEY, {"user_id": 4711, "key_id": 1234}, token=t),
    ),
]
