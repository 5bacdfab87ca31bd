"""Users: accounts, roles, passwords, activation keys, MFA keys, trusted devices and events.

Deleted users stay as tombstones (status Deleted) so that what they created still names them,
but no list, lookup or login finds them, and their username is free again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import EVENT_SEVERITIES, EVENT_SOURCES, EVENT_TYPES, JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._stores.events import EventStore
from emnify_async.testing._stores.organisations import Organisations
from emnify_async.testing._totp import matches, new_secret
from emnify_async.testing._user_data import (
    ACTIVATION_PENDING,
    ACTIVE,
    DELETED,
    MFA_ACTIVE,
    MFA_PENDING,
    MFA_STATUSES,
    MFA_TYPES,
    PERMISSIONS,
    ROLES,
    TRUSTED_DAYS,
    USER_STATUSES,
    MfaKeyRecord,
    TrustedDeviceRecord,
    UserRecord,
    activation_key,
)

# Event kinds (type, severity) of the user area.
AUTH_FAILED = (6, 1)
SUPPORT = (13, 0)
MFA = (14, 0)
INVITED = (36, 0)
VERIFIED = (41, 0)
USER_DELETED = (46, 0)
GENERIC = (0, 0)
_API_SOURCE = 2


def _ts(ts: float | None) -> str | None:
    return None if ts is None else d.format_ts(int(ts), zulu=True)


class UserStore:
    """Every user, by id, with the reads and writes the user, MFA and login routes need."""

    def __init__(
        self,
        seed: int,
        users: Iterable[UserRecord],
        organisations: Organisations,
        events: EventStore,
        clock: Clock,
        on_change: Callable[[], None],
    ) -> None:
        self.seed = seed
        self._users = {user.id: user for user in users}
        self.organisations = organisations
        self._orgs = organisations
        self._events = events
        self._clock = clock
        self._on_change = on_change
        self._by_user: dict[int, list[JsonObj]] = {}
        self._last_id = max(self._users, default=4700)
        self._last_key = max((k for u in self._users.values() for k in u.mfa), default=0)
        self._last_device = max((k for u in self._users.values() for k in u.devices), default=0)
        self._resends: dict[int, int] = {}

    def _changed(self) -> None:
        self._on_change()

    def _now(self) -> int:
        return int(self._clock())

    # --- reads ----------------------------------------------------------------------------

    def get(self, user_id: int) -> UserRecord | None:
        """The user, unless unknown or deleted."""
        user = self._users.get(user_id)
        return None if user is None or user.status_id == DELETED else user

    def record(self, user_id: int) -> UserRecord | None:
        """The user, deleted ones included (to name what they created)."""
        return self._users.get(user_id)

    def by_username(self, username: str) -> UserRecord | None:
        """The live user with this username (case-insensitive, as e-mail addresses are)."""
        wanted = username.casefold()
        return next(
            (
                u
                for u in self._users.values()
                if u.status_id != DELETED and u.username.casefold() == wanted
            ),
            None,
        )

    def by_activation_key(self, key: str) -> UserRecord | None:
        """The pending user holding the activation key, if any."""
        return next(
            (
                u
                for u in self._users.values()
                if u.status_id == ACTIVATION_PENDING and u.activation_key == key
            ),
            None,
        )

    def visible(self, caller_org: int, user_id: int) -> UserRecord | None:
        """The user if the caller's organisation is its own or its parent's."""
        user = self.get(user_id)
        if user is None or not self._orgs.in_scope(caller_org, user.org_id):
            return None
        return user

    def in_scope(self, caller_org: int) -> list[UserRecord]:
        """The live users of the caller's organisation and its direct children, by id."""
        return [
            user
            for _, user in sorted(self._users.items())
            if user.status_id != DELETED and self._orgs.in_scope(caller_org, user.org_id)
        ]

    def activation_key(self, user_id: int) -> str | None:
        """The activation key last e-mailed to a pending user (what the user would click)."""
        user = self.get(user_id)
        return None if user is None else user.activation_key

    def organisation(self, user: UserRecord) -> d.Organisation:
        return self._orgs[user.org_id]

    # --- rendering --------------------------------------------------------------------------

    def summary(self, user: UserRecord) -> JsonObj:
        """``{id, username, name}`` as nested in events."""
        return {"id": user.id, "username": user.username, "name": user.name}

    def render(self, user: UserRecord, *, details: bool) -> JsonObj:
        """As ``GET /api/v1/user/{id}`` (``details``) or an item of the list answers it: the
        list leaves out ``roles``, and ``mfa`` when there are no keys (as the spec's examples)."""
        org = self._orgs[user.org_id]
        out: JsonObj = {
            "id": user.id,
            "username": user.username,
            "name": user.name,
            "created": _ts(user.created_ts),
            "status": {"id": user.status_id, "description": USER_STATUSES[user.status_id]},
            "organisation": {"id": org.id, "name": org.name},
        }
        if details:
            out["roles"] = [{"id": role, "name": ROLES[role]} for role in user.roles]
        if details or user.mfa:
            out["mfa"] = [self._mfa_item(key) for key in user.mfa.values()]
        return out

    def _mfa_item(self, key: MfaKeyRecord) -> JsonObj:
        item: JsonObj = {
            "id": key.id,
            "type": {"id": key.type_id, "name": MFA_TYPES[key.type_id]},
            "status": {"id": key.status_id, "name": MFA_STATUSES[key.status_id]},
            "creation_date": _ts(key.created_ts),
        }
        if key.activated_ts is not None:
            item["activation_date"] = _ts(key.activated_ts)
        return item

    def permissions(self, user: UserRecord) -> list[JsonObj]:
        """What each of the user's roles allows, as ``.../role/permission`` answers it."""
        return [
            {
                "role": ROLES[role],
                "permissions": [
                    {"method": method, "uri": uri, "description": text}
                    for method, uri, text, allowed in PERMISSIONS
                    if role in allowed
                ],
            }
            for role in user.roles
        ]

    def devices(self, user: UserRecord) -> list[JsonObj]:
        return [
            {
                "id": device.id,
                "operating_system": device.operating_system,
                "browser": device.browser,
                "activation_date": _ts(device.activated_ts),
            }
            for device in user.devices.values()
        ]

    # --- accounts ---------------------------------------------------------------------------

    def create(self, org_id: int, username: str, name: str, roles: list[int]) -> UserRecord:
        """A new account, pending activation, with its first activation key e-mailed."""
        self._last_id += 1
        user = UserRecord(
            self._last_id, org_id, username, name, ACTIVATION_PENDING, self._now(), roles
        )
        user.activation_key = activation_key(self.seed, user.id, 0)
        self._users[user.id] = user
        org = self._orgs[org_id]
        self.record_event(user, INVITED, f"User '{username}' invited to organisation '{org.name}'.")
        return user

    def update(
        self, user: UserRecord, *, username: str | None, name: str | None, status: int | None
    ) -> None:
        """A new username makes the account pending again, with a new key and no password."""
        if name is not None:
            user.name = name
        if status is not None:
            user.status_id = status
        if username is not None and username != user.username:
            user.username = username
            user.status_id = ACTIVATION_PENDING
            user.password_sha1 = None
            self._new_activation_key(user)
        self._changed()

    def delete(self, user: UserRecord) -> None:
        self.record_event(user, USER_DELETED, f"User '{user.username}' deleted.")
        user.status_id = DELETED
        user.activation_key = None
        self._changed()

    def _new_activation_key(self, user: UserRecord) -> None:
        serial = self._resends.get(user.id, 0) + 1
        self._resends[user.id] = serial
        user.activation_key = activation_key(self.seed, user.id, serial)

    def resend_activation(self, username: str) -> None:
        """A new key for a pending user (the old one stops working); others: nothing."""
        user = self.by_username(username)
        if user is not None and user.status_id == ACTIVATION_PENDING:
            self._new_activation_key(user)

    def activate(self, key: str, password_sha1: str) -> bool:
        """Set the password of the pending user holding ``key`` and make it active."""
        for user in self._users.values():
            if user.status_id == ACTIVATION_PENDING and user.activation_key == key:
                user.password_sha1 = password_sha1.lower()
                user.status_id = ACTIVE
                user.activation_key = None
                self.record_event(user, VERIFIED, f"User '{user.username}' verified.")
                return True
        return False

    def password_matches(self, user: UserRecord, password_sha1: str) -> bool:
        return user.password_sha1 is not None and user.password_sha1 == password_sha1.lower()

    def set_password(self, user: UserRecord, password_sha1: str) -> None:
        user.password_sha1 = password_sha1.lower()
        self.record_event(user, GENERIC, f"Password of user '{user.username}' changed.")

    def add_role(self, user: UserRecord, role: int) -> None:
        user.roles.append(role)
        self.record_event(user, GENERIC, f"Role '{ROLES[role]}' assigned to '{user.username}'.")

    def remove_role(self, user: UserRecord, role: int) -> None:
        user.roles.remove(role)
        self.record_event(user, GENERIC, f"Role '{ROLES[role]}' removed from '{user.username}'.")

    # --- MFA --------------------------------------------------------------------------------

    def mfa_active(self, user: UserRecord) -> bool:
        return any(key.status_id == MFA_ACTIVE for key in user.mfa.values())

    def create_mfa_key(self, user: UserRecord, type_id: int) -> MfaKeyRecord:
        """A new pending key; a pending key the user had before is replaced."""
        for key_id in [k for k, key in user.mfa.items() if key.status_id == MFA_PENDING]:
            del user.mfa[key_id]
        self._last_key += 1
        secret = new_secret(f"emnify-emulator-mfa:{self.seed}:{self._last_key}")
        key = MfaKeyRecord(self._last_key, type_id, MFA_PENDING, secret, self._now())
        user.mfa[key.id] = key
        self.record_event(user, MFA, self._mfa_text(key, "created", user))
        return key

    def code_matches(self, key: MfaKeyRecord, code: str) -> bool:
        return matches(key.secret, code, self._clock())

    def activate_mfa_key(self, user: UserRecord, key: MfaKeyRecord) -> None:
        key.status_id = MFA_ACTIVE
        key.activated_ts = self._now()
        self.record_event(user, MFA, self._mfa_text(key, "activated", user))

    def delete_mfa_key(self, user: UserRecord, key: MfaKeyRecord) -> None:
        del user.mfa[key.id]
        self.record_event(user, MFA, self._mfa_text(key, "deleted", user))

    def verify_login_code(self, user: UserRecord, code: str) -> bool:
        """Whether ``code`` is the current code of one of the user's active keys."""
        return any(
            key.status_id == MFA_ACTIVE and self.code_matches(key, code)
            for key in user.mfa.values()
        )

    @staticmethod
    def _mfa_text(key: MfaKeyRecord, what: str, user: UserRecord) -> str:
        kind = MFA_TYPES[key.type_id]
        return f"MFA key with Id '{key.id}' of Type '{kind}' {what} for user '{user.username}'"

    def trusted(self, user: UserRecord, fingerprint: str) -> bool:
        """Whether the device was trusted within the last 90 days."""
        digest = _fingerprint(fingerprint)
        since = self._clock() - TRUSTED_DAYS * 86400
        return any(
            device.fingerprint == digest and device.activated_ts >= since
            for device in user.devices.values()
        )

    def trust_device(
        self, user: UserRecord, fingerprint: str, operating_system: str, browser: str
    ) -> None:
        digest = _fingerprint(fingerprint)
        for device_id in [i for i, dev in user.devices.items() if dev.fingerprint == digest]:
            del user.devices[device_id]
        self._last_device += 1
        user.devices[self._last_device] = TrustedDeviceRecord(
            self._last_device, digest, operating_system, browser, self._now()
        )
        self._changed()

    def forget_device(self, user: UserRecord, device_id: int) -> bool:
        if user.devices.pop(device_id, None) is None:
            return False
        self._changed()
        return True

    # --- events -----------------------------------------------------------------------------

    def record_event(self, user: UserRecord, kind: tuple[int, int], description: str) -> None:
        """An event about ``user`` (as ``GET /api/v1/user/{id}/event`` shows it), also in its
        organisation's feed."""
        type_id, severity = kind
        org = self._orgs[user.org_id]
        event: JsonObj = {
            "id": self._events.new_id(),
            "alert": severity > 0,
            "description": description,
            "timestamp": d.format_ts(self._now(), zulu=True),
            "event_type": {"id": type_id, "description": EVENT_TYPES[type_id]},
            "event_source": {"id": _API_SOURCE, "description": EVENT_SOURCES[_API_SOURCE]},
            "event_severity": {"id": severity, "description": EVENT_SEVERITIES[severity]},
            "organisation": {"id": org.id, "name": org.name},
            "user": self.summary(user),
        }
        self._events.add(event)
        self._by_user.setdefault(user.id, []).append(event)
        self._changed()

    def events_of(self, user_id: int) -> list[JsonObj]:
        """The user's events, oldest first."""
        return self._by_user.get(user_id, [])


def _fingerprint(fingerprint: str) -> str:
    # Kept as a digest: a fingerprint lets a device skip the MFA code, like a credential.
    return hashlib.sha256(fingerprint.encode()).hexdigest()
