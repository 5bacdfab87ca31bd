"""Workspaces: the organisations each user is a member of, with a status and roles in each.

A user's default workspace is the organisation of its user record (``UserRecord.org_id``,
whose ``status_id`` and ``roles`` are that membership's): logins land there and the v1 user
routes see only it. Memberships of other organisations live here. Making another workspace
the default swaps the two, so that the user record always describes the default one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from emnify_async.testing._stores.organisations import Organisations
from emnify_async.testing._stores.users import INVITED, UserStore
from emnify_async.testing._user_data import (
    ACTIVATION_PENDING,
    ACTIVE,
    ADMINISTRATOR,
    EMULATOR_USER_ID,
    UserRecord,
)

SEEDED_WORKSPACE = 102
"""The emulator's user is also an administrator of this child organisation (a second
workspace to switch to)."""


@dataclass
class Membership:
    """A user's place in one workspace; ``key`` is a pending invitation's activation key."""

    status_id: int
    roles: list[int]
    key: str | None = None


class Workspaces:
    """Every user's memberships of organisations other than its default workspace."""

    def __init__(
        self,
        seed: int,
        users: UserStore,
        organisations: Organisations,
        on_change: Callable[[], None],
    ) -> None:
        self.seed = seed
        self._users = users
        self._orgs = organisations
        self._on_change = on_change
        self._extra: dict[int, dict[int, Membership]] = {}
        self._serial = 0
        if users.get(EMULATOR_USER_ID) is not None and SEEDED_WORKSPACE in organisations:
            self._extra[EMULATOR_USER_ID] = {SEEDED_WORKSPACE: Membership(ACTIVE, [ADMINISTRATOR])}

    # --- reads ------------------------------------------------------------------------------

    def member(self, user: UserRecord, org_id: int) -> Membership | None:
        """The user's membership of ``org_id`` (its default workspace's mirrors the record:
        change its status with ``set_status``)."""
        if org_id == user.org_id:
            return Membership(user.status_id, user.roles, user.activation_key)
        return self._extra.get(user.id, {}).get(org_id)

    def memberships(self, user: UserRecord) -> list[tuple[int, Membership]]:
        """``(org id, membership)``: the default workspace first, then by organisation id."""
        home = self.member(user, user.org_id)
        assert home is not None
        return [(user.org_id, home), *sorted(self._extra.get(user.id, {}).items())]

    def administers(self, user: UserRecord, org_id: int) -> bool:
        """Whether the user is an active administrator of the workspace."""
        found = self.member(user, org_id)
        return found is not None and found.status_id == ACTIVE and ADMINISTRATOR in found.roles

    def owner(self, org_id: int) -> int | None:
        """The workspace's owner: the first administrator whose default workspace it is."""
        return next(
            (
                u.id
                for u in self._users.in_scope(org_id)
                if u.org_id == org_id and ADMINISTRATOR in u.roles
            ),
            None,
        )

    def invitation_key(self, user_id: int, org_id: int) -> str | None:
        """The key of the user's pending invitation to ``org_id`` (what the e-mail holds)."""
        user = self._users.get(user_id)
        found = None if user is None else self.member(user, org_id)
        return None if found is None or found.status_id != ACTIVATION_PENDING else found.key

    # --- writes -----------------------------------------------------------------------------

    def set_status(self, user: UserRecord, org_id: int, status: int) -> None:
        """Suspending the default workspace makes the next active one the default (if any)."""
        if org_id != user.org_id:
            self._extra[user.id][org_id].status_id = status
        elif status != ACTIVE and self._next_active(user) is not None:
            self._move_home(user)
            self._extra[user.id][org_id].status_id = status
        else:
            user.status_id = status
        self._on_change()

    def unassign(self, user: UserRecord, org_id: int) -> bool:
        """Remove the membership; the default one only if another active workspace can take
        its place (False otherwise: a user keeps one workspace)."""
        if org_id == user.org_id:
            if self._next_active(user) is None:
                return False
            self._move_home(user)
        del self._extra[user.id][org_id]
        self._on_change()
        return True

    def set_default(self, user: UserRecord, org_id: int) -> None:
        """Make an (active) membership the default workspace."""
        if org_id != user.org_id:
            self._swap(user, org_id)
            self._on_change()

    def add_role(self, user: UserRecord, org_id: int, role: int) -> None:
        roles = self._roles(user, org_id)
        if role not in roles:
            roles.append(role)
            self._on_change()

    def remove_role(self, user: UserRecord, org_id: int, role: int) -> None:
        self._roles(user, org_id).remove(role)
        self._on_change()

    def invite(self, user: UserRecord, org_id: int, roles: list[int]) -> None:
        """A pending membership of an existing user, with its activation key."""
        self._serial += 1
        material = f"emnify-emulator-invitation:{self.seed}:{user.id}:{org_id}:{self._serial}"
        key = hashlib.sha256(material.encode()).hexdigest()[:24]
        self._extra.setdefault(user.id, {})[org_id] = Membership(ACTIVATION_PENDING, roles, key)
        org = self._orgs[org_id]
        self._users.record_event(
            user, INVITED, f"User '{user.username}' invited to organisation '{org.name}'."
        )
        self._on_change()

    def pending(self, key: str) -> tuple[UserRecord, int] | None:
        """The user and workspace of a pending invitation's key, if it is one."""
        for user_id, orgs in self._extra.items():
            for org_id, found in orgs.items():
                user = self._users.get(user_id)
                if user is not None and found.key == key and found.status_id == ACTIVATION_PENDING:
                    return user, org_id
        return None

    def accept(self, user: UserRecord, org_id: int) -> None:
        found = self._extra[user.id][org_id]
        found.status_id, found.key = ACTIVE, None
        self._on_change()

    # --- the default workspace --------------------------------------------------------------

    def _roles(self, user: UserRecord, org_id: int) -> list[int]:
        return user.roles if org_id == user.org_id else self._extra[user.id][org_id].roles

    def _next_active(self, user: UserRecord) -> int | None:
        others = self._extra.get(user.id, {})
        return next((o for o, m in sorted(others.items()) if m.status_id == ACTIVE), None)

    def _move_home(self, user: UserRecord) -> None:
        following = self._next_active(user)
        assert following is not None
        self._swap(user, following)

    def _swap(self, user: UserRecord, org_id: int) -> None:
        """The membership of ``org_id`` becomes the record's; the record's becomes a member."""
        others = self._extra.setdefault(user.id, {})
        new = others.pop(org_id)
        others[user.org_id] = Membership(user.status_id, user.roles)
        user.org_id, user.status_id, user.roles = org_id, new.status_id, new.roles
