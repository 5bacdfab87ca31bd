"""``POST /api/v1/authenticate`` (``_routes/authenticate.py``)."""

from __future__ import annotations

import hashlib

from tests.testing.conformance.harness import Deviation, call, case

AUTH = "/api/v1/authenticate"

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
]
