"""Application tokens: every token issued, its status, expiry and IP restriction.

The tokens themselves are minted by the authenticator (``_auth.py``); this store keeps what
``GET /api/v1/application_token`` lists and what a login with a token checks.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._stores.users import UserStore
from emnify_async.testing._user_data import TOKEN_ACTIVATED, TOKEN_STATUSES


@dataclass
class TokenRecord:
    """One application token: ``token`` is the secret a login sends."""

    id: int
    org_id: int
    token: str
    description: str
    created_ts: int
    status_id: int = TOKEN_ACTIVATED
    expiry_ts: int | None = None
    ip: str | None = None
    creator_id: int | None = None


class ApplicationTokens:
    """Application tokens by id and by token."""

    def __init__(self, users: UserStore, clock: Clock, on_change: Callable[[], None]) -> None:
        self._users = users
        self._clock = clock
        self._on_change = on_change
        self._by_id: dict[int, TokenRecord] = {}
        self._by_token: dict[str, TokenRecord] = {}

    def next_id(self) -> int:
        return max(self._by_id, default=0) + 1

    def add(self, record: TokenRecord) -> None:
        self._by_id[record.id] = record
        self._by_token[record.token] = record
        self._on_change()

    def get(self, token_id: int) -> TokenRecord | None:
        return self._by_id.get(token_id)

    def by_token(self, token: str) -> TokenRecord | None:
        return self._by_token.get(token)

    def of_org(self, org_id: int) -> list[TokenRecord]:
        """The organisation's tokens, revoked ones included, by id."""
        return [record for _, record in sorted(self._by_id.items()) if record.org_id == org_id]

    def first_admin(self, org_id: int) -> int | None:
        """The organisation's first administrator (who created its seeded token)."""
        return next(
            (u.id for u in self._users.in_scope(org_id) if u.org_id == org_id and 1 in u.roles),
            None,
        )

    def usable(self, record: TokenRecord, remote: str | None) -> bool:
        """Whether a login with the token succeeds now, from ``remote``."""
        if record.status_id != TOKEN_ACTIVATED:
            return False
        if record.expiry_ts is not None and record.expiry_ts <= self._clock():
            return False
        if record.ip is None:
            return True
        try:
            return ipaddress.ip_address(remote or "") in ipaddress.ip_network(
                record.ip, strict=False
            )
        except ValueError:
            return False

    def update(self, record: TokenRecord, *, description: str | None, status: int | None) -> None:
        if description is not None:
            record.description = description
        if status is not None:
            record.status_id = status
        self._on_change()

    def render(self, record: TokenRecord) -> JsonObj:
        """As listed: no ``expiry_date``/``ip`` without one (as the spec's revoked example)."""
        out: JsonObj = {
            "id": record.id,
            "description": record.description,
            "created": d.format_ts(record.created_ts, zulu=True),
            "status": {"id": record.status_id, "description": TOKEN_STATUSES[record.status_id]},
        }
        if record.expiry_ts is not None:
            out["expiry_date"] = d.format_ts(record.expiry_ts, zulu=True)
        if record.ip is not None:
            out["ip"] = record.ip
        creator = None if record.creator_id is None else self._users.record(record.creator_id)
        if creator is not None:
            out["creator"] = {"id": creator.id, "name": creator.name, "username": creator.username}
        return out
