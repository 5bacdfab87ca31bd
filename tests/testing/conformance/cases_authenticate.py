"""``POST /api/v1/authenticate`` (``_routes/authenticate.py``)."""

from __future__ import annotations

import hashlib

import aiohttp

from emnify_async.testing import Emulator, _totp
from tests.testing.conformance.harness import Deviation, Exchange, call, case
from tests.testing.conformance.user_logins import password, sha1

AUTH = "/api/v1/authenticate"
MFA_USER = 4712  # seeded with an active MFA key


def _mfa_login(emu: Emulator) -> dict[str, str]:
    return {"username": "eabbot@flatland.org", "password": sha1(password(emu, MFA_USER))}


async def _mfa_code(emu: Emulator, s: aiohttp.ClientSession) -> Exchange:
    """The second step: the mfa_token with the key's current code, trusting the device."""
    async with s.post(AUTH, json=_mfa_login(emu)) as resp:
        mfa_token = (await resp.json())["mfa_token"]
    user = emu.state.users.get(MFA_USER)
    assert user is not None
    code = _totp.code(user.mfa[12].secret, emu.clock())
    body = {"mfa_token": mfa_token, "code": code, "fingerprint": "zI1NiIsInR5cCI6IkpXV"}
    return await call(s, "POST", AUTH, json=body)


CASES = [
    case(
        "authenticate app token 200",
        lambda emu, s, t: call(s, "POST", AUTH, json={"application_token": emu.application_token}),
    ),
    case(
        "authenticate user 200",
        lambda emu, s, t: call(
            s,
            "POST",
            AUTH,
            json={
                "username": emu.username,
                "password": hashlib.sha1(emu.password.encode()).hexdigest(),
            },
        ),
    ),
    case(
        "authenticate 401",
        lambda emu, s, t: call(s, "POST", AUTH, json={"application_token": "wrong"}),
        Deviation(
            "error",
            "body",
            "empty",
            "a failed login is answered with an empty 401 (S2; emnify_api.md section 3: "
            "'usually an empty body'), the lock body only after 3 failures",
        ),
    ),
    case(
        "authenticate mfa user 200",
        lambda emu, s, t: call(s, "POST", AUTH, json=_mfa_login(emu)),
    ),
    case("authenticate mfa code 200", lambda emu, s, t: _mfa_code(emu, s)),
]
