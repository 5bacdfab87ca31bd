"""Workspaces and invitations (``_routes/workspaces.py``; newer docs).

The emulator's user (4711, an administrator of the parent) is also an administrator of the
child 102; 4712 is a user and observer of the parent only, 4715 an observer. Cases run in
order on one emulator: the later ones see what the earlier ones changed.
"""

from __future__ import annotations

from typing import Any

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case, org_token
from tests.testing.conformance.user_logins import sha1, user_token

USER = "/api/v2/user/{user_id}"
LIST = USER + "/workspace"
ONE = USER + "/workspace/{workspace_id}"
ROLE = ONE + "/role/{role_id}"
DEFAULT = USER + "/default_organisation/{workspace_id}"
STATS = "/api/v2/workspace/stats/daily"
SWITCH = "/api/v1/authenticate/workspace"
INVITE = "/api/v2/user/invitation"
ACCEPT = "/api/v2/user/activation"
ME, OBSERVER, PENDING, ONLY_OBSERVER, ACME_DRIVER, ACME = 4711, 4712, 4713, 4715, 4722, 102


async def _as_me(
    emu: Emulator, s: aiohttp.ClientSession, method: str, pattern: str, **kwargs: Any
) -> Exchange:
    return await _as_user(emu, s, ME, method, pattern, **kwargs)


async def _as_user(
    emu: Emulator,
    s: aiohttp.ClientSession,
    user_id: int,
    method: str,
    pattern: str,
    **kwargs: Any,
) -> Exchange:
    return await call(s, method, pattern, token=await user_token(emu, s, user_id), **kwargs)


async def _as_acme(
    emu: Emulator, s: aiohttp.ClientSession, method: str, pattern: str, **kwargs: Any
) -> Exchange:
    """As the child 102's application token (an administrator of that workspace)."""
    return await call(s, method, pattern, token=await org_token(emu, s, ACME), **kwargs)


async def _accept_membership(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    """Invite the observer to the child, then accept with the key of the invitation."""
    body = {"username": "eabbot@flatland.org", "name": "Edwin Abbott", "roles": [{"id": 2}]}
    await _as_acme(emu, s, "POST", INVITE, json=body)
    key = emu.state.workspaces.invitation_key(OBSERVER, ACME)
    return await call(s, "POST", ACCEPT, json={"activationKey": key}, token=t)


CASES = [
    case(
        "list workspaces 200",
        lambda emu, s, t: _as_me(emu, s, "GET", LIST, path_params={"user_id": ME}),
    ),
    case(
        "list workspaces not an administrator 403",
        lambda emu, s, t: _as_user(emu, s, ONLY_OBSERVER, "GET", LIST, path_params={"user_id": ME}),
    ),
    case(
        "set workspace status 204",
        lambda emu, s, t: _as_acme(
            emu,
            s,
            "PATCH",
            ONE,
            path_params={"user_id": ACME_DRIVER, "workspace_id": ACME},
            json={"status": {"id": 2}},
        ),
    ),
    case(
        "set workspace status not an administrator 403",
        lambda emu, s, t: call(
            s,
            "PATCH",
            ONE,
            {"user_id": ACME_DRIVER, "workspace_id": ACME},
            json={"status": {"id": 1}},
            token=t,
        ),
    ),
    case(
        "add workspace role 204",
        lambda emu, s, t: call(
            s, "PUT", ROLE, {"user_id": OBSERVER, "workspace_id": 101, "role_id": 1}, token=t
        ),
    ),
    case(
        "add workspace role to oneself 400",
        lambda emu, s, t: _as_me(
            emu, s, "PUT", ROLE, path_params={"user_id": ME, "workspace_id": 101, "role_id": 3}
        ),
    ),
    case(
        "add workspace role no member 404",
        lambda emu, s, t: call(
            s, "PUT", ROLE, {"user_id": ACME_DRIVER, "workspace_id": 101, "role_id": 1}, token=t
        ),
    ),
    case(
        "remove workspace role 204",
        lambda emu, s, t: call(
            s, "DELETE", ROLE, {"user_id": OBSERVER, "workspace_id": 101, "role_id": 1}, token=t
        ),
    ),
    case(
        "remove workspace role not an administrator 403",
        lambda emu, s, t: call(
            s,
            "DELETE",
            ROLE,
            {"user_id": ACME_DRIVER, "workspace_id": ACME, "role_id": 2},
            token=t,
        ),
    ),
    case(
        "workspace daily stats 200",
        lambda emu, s, t: call(s, "GET", STATS, query={"start_date": "2026-03-01"}, token=t),
    ),
    case(
        "workspace daily stats of others 422",
        lambda emu, s, t: call(s, "GET", STATS, query={"workspace_ids": "101,999"}, token=t),
    ),
    case(
        "authenticate workspace 200",
        lambda emu, s, t: _as_me(
            emu, s, "POST", SWITCH, json={"target_organisation": {"id": ACME}}
        ),
    ),
    case(
        "authenticate workspace with an application token 401",
        lambda emu, s, t: call(
            s, "POST", SWITCH, json={"target_organisation": {"id": ACME}}, token=t
        ),
    ),
    case(
        "invite user 201",
        lambda emu, s, t: call(
            s, "POST", INVITE, json={"username": "ivy@example.org", "name": "Ivy"}, token=t
        ),
    ),
    case(
        "invite user bad username 400",
        lambda emu, s, t: call(s, "POST", INVITE, json={"username": "ivy", "name": "Ivy"}, token=t),
    ),
    case(
        "invite user elsewhere 403",
        lambda emu, s, t: call(
            s,
            "POST",
            INVITE,
            json={"username": "x@example.org", "name": "X", "organisation": {"id": ACME}},
            token=t,
        ),
    ),
    case(
        "invite member 409",
        lambda emu, s, t: call(
            s,
            "POST",
            INVITE,
            json={"username": "observer@example.org", "name": "Olivia"},
            token=t,
        ),
    ),
    case(
        "accept invitation of a new user 204",
        lambda emu, s, t: call(
            s,
            "POST",
            ACCEPT,
            json={
                "activationKey": emu.state.users.activation_key(PENDING) or "used",
                "password": sha1("a new password"),
                "name": "Pat Present",
            },
            token=t,
        ),
    ),
    case("accept invitation of a member 204", _accept_membership),
    case(
        "accept invitation used key 403",
        lambda emu, s, t: call(s, "POST", ACCEPT, json={"activationKey": "28fcfd94"}, token=t),
    ),
    case(
        "set default workspace 200",
        lambda emu, s, t: _as_me(
            emu, s, "PUT", DEFAULT, path_params={"user_id": ME, "workspace_id": ACME}
        ),
    ),
    case(
        "set default workspace not an administrator 403",
        lambda emu, s, t: call(s, "PUT", DEFAULT, {"user_id": ME, "workspace_id": 101}, token=t),
    ),
    case(
        "unassign workspace no member 404",
        lambda emu, s, t: call(s, "DELETE", ONE, {"user_id": 4721, "workspace_id": 101}, token=t),
    ),
    case(
        "unassign workspace not an administrator 403",
        lambda emu, s, t: call(
            s, "DELETE", ONE, {"user_id": OBSERVER, "workspace_id": ACME}, token=t
        ),
    ),
    case(
        "unassign workspace 204",
        lambda emu, s, t: _as_acme(
            emu, s, "DELETE", ONE, path_params={"user_id": OBSERVER, "workspace_id": ACME}
        ),
    ),
]
