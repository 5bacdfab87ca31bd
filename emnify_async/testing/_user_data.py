"""Seed data of the user area: the lookups, and the users of each organisation.

The parent organisation's first user is the emulator's login (``emu.username``); every other
organisation has an administrator (the creator of its application token) and the parent has
users in each status and one with MFA and trusted devices (the spec's examples).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from emnify_async.testing._data import EPOCH_2019, FOREIGN_ORG_ID
from emnify_async.testing._totp import new_secret

ACTIVATION_PENDING, ACTIVE, SUSPENDED, DELETED = 0, 1, 2, 3
USER_STATUSES = {0: "Activation Pending", 1: "Active", 2: "Suspended", 3: "Deleted"}
ADMINISTRATOR, USER, OBSERVER = 1, 2, 3
ROLES = {ADMINISTRATOR: "Administrator", USER: "User", OBSERVER: "Observer"}
DEFAULT_ROLE = USER
MFA_PENDING, MFA_ACTIVE = 0, 1
MFA_STATUSES = {MFA_PENDING: "Activation Pending", MFA_ACTIVE: "Active"}
TOTP = 0
MFA_TYPES = {TOTP: "Time-Based One-Time Password"}
TOKEN_ACTIVATED, TOKEN_REVOKED = 0, 1
TOKEN_STATUSES = {TOKEN_ACTIVATED: "Activated", TOKEN_REVOKED: "Revoked"}
TRUSTED_DAYS = 90
"""A trusted device skips the MFA code for 90 days (docs.emnify.com, authenticate)."""

# (method, uri, description, the roles allowed): what GET .../role/permission lists.
PERMISSIONS: tuple[tuple[str, str, str, frozenset[int]], ...] = (
    ("GET", "/api/v1", "List of available API Entrypoints", frozenset(ROLES)),
    ("GET", "/api/v1/endpoint/status", "List of available Endpoint Statuses", frozenset(ROLES)),
    ("GET", "/api/v1/endpoint", "List of Endpoints", frozenset(ROLES)),
    ("GET", "/api/v1/sim", "List of SIMs", frozenset(ROLES)),
    ("GET", "/api/v1/event", "List of Events", frozenset(ROLES)),
    ("POST", "/api/v1/endpoint", "Create an Endpoint", frozenset({ADMINISTRATOR, USER})),
    ("PATCH", "/api/v1/endpoint/{id}", "Update an Endpoint", frozenset({ADMINISTRATOR, USER})),
    ("PATCH", "/api/v1/sim/{id}", "Update a SIM", frozenset({ADMINISTRATOR, USER})),
    ("GET", "/api/v1/user", "List of Users", frozenset({ADMINISTRATOR, OBSERVER})),
    ("POST", "/api/v1/user", "Create a User", frozenset({ADMINISTRATOR})),
    ("DELETE", "/api/v2/user/{id}", "Delete a User", frozenset({ADMINISTRATOR})),
    (
        "POST",
        "/api/v1/application_token",
        "Create an Application Token",
        frozenset({ADMINISTRATOR}),
    ),
)


@dataclass
class MfaKeyRecord:
    id: int
    type_id: int
    status_id: int
    secret: str
    created_ts: int
    activated_ts: int | None = None


@dataclass
class TrustedDeviceRecord:
    id: int
    fingerprint: str
    operating_system: str
    browser: str
    activated_ts: int


@dataclass
class UserRecord:
    """A user account; ``password_sha1`` is the SHA-1 hex the login sends."""

    id: int
    org_id: int
    username: str
    name: str
    status_id: int
    created_ts: int
    roles: list[int]
    password_sha1: str | None = None
    activation_key: str | None = None
    mfa: dict[int, MfaKeyRecord] = field(default_factory=dict)
    devices: dict[int, TrustedDeviceRecord] = field(default_factory=dict)


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def seeded_password(seed: int, user_id: int) -> str:
    """The plain password of a seeded active user (the first one's is ``emu.password``)."""
    if user_id == EMULATOR_USER_ID:
        material = f"emnify-emulator-password:{seed}"
    else:
        material = f"emnify-emulator-password:{seed}:{user_id}"
    return "pw-" + hashlib.sha256(material.encode()).hexdigest()[:16]


def activation_key(seed: int, user_id: int, serial: int) -> str:
    """The ``serial``-th activation key e-mailed to a user (a new one on each resend)."""
    material = f"emnify-emulator-activation:{seed}:{user_id}:{serial}"
    return hashlib.sha256(material.encode()).hexdigest()[:24]


EMULATOR_USER_ID = 4711
MFA_USER_ID = 4712
"""The seeded user with an active MFA key and two trusted devices (the spec's examples)."""

# (id, organisation, username, name, status, roles)
_SEEDED = (
    (EMULATOR_USER_ID, 101, "emulator.user@example.org", "Emulator User", ACTIVE, [1]),
    (MFA_USER_ID, 101, "eabbot@flatland.org", "Edwin Abbott", ACTIVE, [2, 3]),
    (4713, 101, "pending@example.org", "Pat Pending", ACTIVATION_PENDING, [2]),
    (4714, 101, "suspended@example.org", "Sam Suspended", SUSPENDED, [2]),
    (4715, 101, "observer@example.org", "Olivia Observer", ACTIVE, [3]),
    (4721, 102, "admin@acme-logistics.example", "Anna Acme", ACTIVE, [1]),
    (4722, 102, "driver@acme-logistics.example", "Dan Driver", ACTIVE, [2]),
    (4731, 103, "admin@nordic-metering.example", "Nils Nordic", ACTIVE, [1]),
    (4741, 104, "admin@fleetwise.example", "Fiona Fleet", ACTIVE, [1]),
    (4751, 105, "admin@partner-reseller.example", "Pieter Partner", ACTIVE, [1]),
    (4791, FOREIGN_ORG_ID, "admin@somebody-else.example", "Someone Else", ACTIVE, [1]),
)


def make_users(seed: int) -> list[UserRecord]:
    """The seeded users, each created on a day of 2019 derived from its id."""
    users = []
    for user_id, org_id, username, name, status, roles in _SEEDED:
        created = EPOCH_2019 + (user_id * 7919) % (365 * 86400)
        user = UserRecord(user_id, org_id, username, name, status, created, list(roles))
        if status != ACTIVATION_PENDING:
            user.password_sha1 = sha1_hex(seeded_password(seed, user_id))
        else:
            user.activation_key = activation_key(seed, user_id, 0)
        users.append(user)
    mfa_user = users[1]
    secret = new_secret(f"emnify-emulator-mfa:{seed}:12")
    created = mfa_user.created_ts
    mfa_user.mfa[12] = MfaKeyRecord(12, TOTP, MFA_ACTIVE, secret, created + 3600, created + 7200)
    for device_id, system, browser in (
        (16, "Ubuntu 16.04.2 LTS (Xenial)", "Mozilla Firefox"),
        (71, "Android 7.1 Nougat", "Dolphin"),
    ):
        fingerprint = hashlib.sha256(f"emnify-emulator-device:{seed}:{device_id}".encode())
        mfa_user.devices[device_id] = TrustedDeviceRecord(
            device_id, fingerprint.hexdigest(), system, browser, created + 86400 * device_id
        )
    return users
