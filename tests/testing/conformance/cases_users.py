"""User management: accounts, lookups, roles, events, support tokens (``_routes/users.py``).

No emnify recording covers the user area: answers are held to S1's schemas and examples.
"""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import (
    Deviation,
    Exchange,
    call,
    case,
    then,
    undocumented_status,
)
from tests.testing.conformance.user_logins import sha1

USERS = "/api/v1/user"
USER = "/api/v1/user/{user_id}"
USER_V2 = "/api/v2/user/{user_id}"
ROLE = USER + "/role/{role_id}"
NEW_USER = {
    "username": "eabbot.junior@flatland.org",
    "name": "Edwin Abbott Jr.",
    "organisation": {"id": 102},
    "roles": [{"id": 2}, {"id": 3}],
}


def _created(emu: Emulator) -> int:
    """The user the create case made."""
    user = emu.state.users.by_username(NEW_USER["username"])  # type: ignore[arg-type]
    assert user is not None
    return user.id


async def _failed_login(emu: Emulator, s: aiohttp.ClientSession) -> None:
    body = {"username": "observer@example.org", "password": sha1("not the password")}
    async with s.post("/api/v1/authenticate", json=body) as resp:
        assert resp.status == 401


async def _events(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    return await then(
        _failed_login(emu, s),
        lambda: call(s, "GET", USER + "/event", {"user_id": 4715}, token=t),
    )


CASES = [
    case("list users 200", lambda emu, s, t: call(s, "GET", USERS, token=t)),
    case(
        "list users filtered 200",
        lambda emu, s, t: call(
            s, "GET", USERS, query={"q": "status:1", "sort": "-id", "per_page": "3"}, token=t
        ),
    ),
    case(
        "list users bad q 422",
        lambda emu, s, t: call(s, "GET", USERS, query={"q": "colour:red"}, token=t),
        undocumented_status(
            422, "S1 documents only 200; a bad q is 422 1301 as on every list (emnify_api.md §4)"
        ),
        invalid_request=True,
    ),
    case("create user 201", lambda emu, s, t: call(s, "POST", USERS, json=NEW_USER, token=t)),
    case(
        "create user taken 422",
        lambda emu, s, t: call(s, "POST", USERS, json=NEW_USER, token=t),
    ),
    case(
        "create user unknown role 404",
        lambda emu, s, t: call(
            s,
            "POST",
            USERS,
            json={**NEW_USER, "username": "x@y.org", "roles": [{"id": 1111}]},
            token=t,
        ),
    ),
    case("user details 200", lambda emu, s, t: call(s, "GET", USER, {"user_id": 4712}, token=t)),
    case(
        "user details by username 200",
        lambda emu, s, t: call(s, "GET", USER, {"user_id": "eabbot@flatland.org"}, token=t),
        Deviation(
            "request",
            "request.path:user_id",
            "ParameterValidationError",
            "S1's description: the id 'may be one of the numeric ID of the user ... or the "
            "username (email)'; its schema types it as a number",
        ),
    ),
    case(
        "user details unknown 404",
        lambda emu, s, t: call(s, "GET", USER, {"user_id": 999999}, token=t),
    ),
    case(
        "update user 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            USER,
            {"user_id": _created(emu)},
            json={"username": NEW_USER["username"], "name": "E. A. Jr.", "status": {"id": 2}},
            token=t,
        ),
    ),
    case(
        "update user status not allowed 422",
        lambda emu, s, t: call(
            s,
            "PATCH",
            USER,
            {"user_id": 4713},
            json={"username": "pending@example.org", "name": "Pat", "status": {"id": 1}},
            token=t,
        ),
    ),
    case("user statuses 200", lambda emu, s, t: call(s, "GET", USERS + "/status", token=t)),
    case("user roles 200", lambda emu, s, t: call(s, "GET", USERS + "/role", token=t)),
    case("user events 200", _events),
    case(
        "user events unknown user 200",
        lambda emu, s, t: call(s, "GET", USER + "/event", {"user_id": 999999}, token=t),
    ),
    case(
        "user events bad page 400",
        lambda emu, s, t: call(
            s, "GET", USER + "/event", {"user_id": 4715}, query={"page": "x"}, token=t
        ),
        invalid_request=True,
    ),
    case(
        "user events bad q 422",
        lambda emu, s, t: call(
            s, "GET", USER + "/event", {"user_id": 4715}, query={"q": "colour:red"}, token=t
        ),
        invalid_request=True,
    ),
    case(
        "user role permissions 200",
        lambda emu, s, t: call(s, "GET", USER + "/role/permission", {"user_id": 4712}, token=t),
        Deviation(
            "response",
            "body",
            "type",
            "S1 declares the answer an object; its own example is a list, one entry per role",
        ),
    ),
    case(
        "add role 204",
        lambda emu, s, t: call(s, "PUT", ROLE, {"user_id": 4715, "role_id": 1}, token=t),
    ),
    case(
        "add role twice 409",
        lambda emu, s, t: call(s, "PUT", ROLE, {"user_id": 4715, "role_id": 1}, token=t),
    ),
    case(
        "add unknown role 404",
        lambda emu, s, t: call(s, "PUT", ROLE, {"user_id": 4715, "role_id": 7}, token=t),
    ),
    case(
        "remove role 204",
        lambda emu, s, t: call(s, "DELETE", ROLE, {"user_id": 4715, "role_id": 1}, token=t),
    ),
    case(
        "remove last role 409",
        lambda emu, s, t: call(s, "DELETE", ROLE, {"user_id": 4715, "role_id": 3}, token=t),
    ),
    case(
        "support token 201",
        lambda emu, s, t: call(
            s, "POST", USER_V2 + "/support_token", {"user_id": 4721}, json={"role": 3}, token=t
        ),
    ),
    case(
        "support token inactive user 404",
        lambda emu, s, t: call(
            s, "POST", USER_V2 + "/support_token", {"user_id": 4713}, json={}, token=t
        ),
    ),
    case(
        "support token foreign user 403",
        lambda emu, s, t: call(
            s, "POST", USER_V2 + "/support_token", {"user_id": 4791}, json={}, token=t
        ),
    ),
    case(
        "delete user v1 204",
        lambda emu, s, t: call(s, "DELETE", USER, {"user_id": 4714}, token=t),
    ),
    case(
        "delete user v1 unknown 404",
        lambda emu, s, t: call(s, "DELETE", USER, {"user_id": 4714}, token=t),
    ),
    case(
        "delete user v2 204",
        lambda emu, s, t: call(s, "DELETE", USER_V2, {"user_id": _created(emu)}, token=t),
    ),
    case(
        "delete user v2 unknown 404",
        lambda emu, s, t: call(s, "DELETE", USER_V2, {"user_id": 999999}, token=t),
    ),
]
