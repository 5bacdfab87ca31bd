"""Activation and passwords (``_routes/user_passwords.py``)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case
from tests.testing.conformance.user_logins import password, sha1, user_token

USERS = "/api/v1/user"


def _activation(emu: Emulator) -> dict[str, str]:
    return {
        "activationKey": emu.state.users.activation_key(4713) or "used",
        "password": sha1("a new password"),
    }


async def _change(emu: Emulator, s: aiohttp.ClientSession, old: str) -> Exchange:
    body = {"old_password": sha1(old), "new_password": sha1("another password")}
    return await call(s, "PATCH", USERS + "/password", json=body, token=await user_token(emu, s))


ACTIVATION_KEY = "the key e-mailed to the pending user 4713"

CASES = [
    case(
        "resend activation 204",
        lambda emu, s, t: call(
            s,
            "POST",
            USERS + "/activation_resend",
            json={"username": "pending@example.org", "g-recaptcha-response": "03AHJ_Vu"},
        ),
    ),
    case(
        "activate user 204",
        lambda emu, s, t: call(s, "POST", USERS + "/activation", json=_activation(emu)),
    ),
    case(
        "activate user used key 400",
        lambda emu, s, t: call(
            s,
            "POST",
            USERS + "/activation",
            json={"activationKey": "28fcfd949ee1bb79e7892b9", "password": sha1("x")},
        ),
    ),
    case(
        "change password wrong old 422",
        lambda emu, s, t: _change(emu, s, "not the password"),
    ),
    case("change password 204", lambda emu, s, t: _change(emu, s, password(emu, 4711))),
]
