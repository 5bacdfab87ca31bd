"""Per-endpoint settings: operator blacklists, data and SMS quotas, the prepaid balance.

Quotas and balances follow the clock: past its ``expiry_date`` a quota is EXPIRED and a
balance is 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import (
    CURRENCIES,
    QUOTA_ACTIONS,
    QUOTA_EXPIRED,
    QUOTA_STATUSES,
    JsonObj,
)
from emnify_async.testing._clock import Clock

QuotaKind = Literal["data", "sms"]


@dataclass
class Quota:
    status_id: int
    volume: float
    expiry_ts: int
    action_id: int
    changed_ts: int
    peak_throughput: int | None = None
    auto_refill: bool = False
    threshold_percentage: float | None = None


@dataclass
class Balance:
    amount: float
    currency_id: int
    last_updated_ts: int | None = None
    expiry_ts: int | None = None
    last_loaded: float = 0.0


@dataclass
class EndpointSettings:
    blacklist: list[int] = field(default_factory=list)
    quotas: dict[str, Quota] = field(default_factory=dict)
    balance: Balance | None = None


class DeviceSettings:
    """Settings by endpoint id (only endpoints that have some are stored)."""

    def __init__(self, clock: Clock, on_change: Callable[[], None]) -> None:
        self._clock = clock
        self._on_change = on_change
        self._by_endpoint: dict[int, EndpointSettings] = {}

    def of(self, endpoint_id: int) -> EndpointSettings:
        return self._by_endpoint.get(endpoint_id) or EndpointSettings()

    def _editable(self, endpoint_id: int) -> EndpointSettings:
        return self._by_endpoint.setdefault(endpoint_id, EndpointSettings())

    def forget(self, endpoint_id: int) -> None:
        self._by_endpoint.pop(endpoint_id, None)

    # --- operator blacklist -----------------------------------------------------------------

    def blacklist(self, endpoint_id: int, operator_id: int) -> None:
        self._editable(endpoint_id).blacklist.append(operator_id)
        self._on_change()

    def unblacklist(self, endpoint_id: int, operator_id: int) -> None:
        self._editable(endpoint_id).blacklist.remove(operator_id)
        self._on_change()

    # --- quotas -------------------------------------------------------------------------------

    def set_quota(self, endpoint_id: int, kind: QuotaKind, quota: Quota) -> None:
        self._editable(endpoint_id).quotas[kind] = quota
        self._on_change()

    def with_quota(self, kind: QuotaKind) -> list[int]:
        """The endpoints that have a quota of ``kind``, by id."""
        return sorted(i for i, settings in self._by_endpoint.items() if kind in settings.quotas)

    def delete_quota(self, endpoint_id: int, kind: QuotaKind) -> None:
        del self._editable(endpoint_id).quotas[kind]
        self._on_change()

    def quota_json(self, quota: Quota, kind: QuotaKind) -> JsonObj:
        """A quota as ``GET .../quota/{kind}`` shows it; data quota dates are written
        ``YYYY-MM-DD HH:MM:SS`` (its documented pattern), SMS quota dates as date-times."""
        expired = self._clock() >= quota.expiry_ts
        status = QUOTA_EXPIRED if expired else quota.status_id
        changed = quota.expiry_ts if expired else quota.changed_ts
        stamp = _plain if kind == "data" else _iso
        action: JsonObj = {
            "action_on_quota_exhaustion_id": str(quota.action_id),
            "description": QUOTA_ACTIONS[quota.action_id],
            "id": quota.action_id,
        }
        if quota.peak_throughput is not None:
            action["peak_throughput"] = quota.peak_throughput
        out: JsonObj = {
            "status": {"description": QUOTA_STATUSES[status], "id": status},
            "volume": quota.volume,
            "expiry_date": stamp(quota.expiry_ts),
        }
        if quota.peak_throughput is not None:
            out["peak_throughput"] = quota.peak_throughput
        out.update(
            last_volume_added=quota.volume,
            last_status_change_date=stamp(changed),
            auto_refill=int(quota.auto_refill),
        )
        if quota.threshold_percentage is not None:
            out["threshold_percentage"] = quota.threshold_percentage
            out["threshold_volume"] = round(quota.volume * quota.threshold_percentage / 100, 6)
        out["action_on_exhaustion"] = action
        return out

    # --- prepaid balance ----------------------------------------------------------------------

    def top_up(
        self, endpoint_id: int, amount: float, expiry_ts: int | None, currency_id: int
    ) -> None:
        """Add ``amount`` (may be negative) to the balance; it then expires at ``expiry_ts``
        (when None, at the current balance's expiry)."""
        settings = self._editable(endpoint_id)
        current = self.balance_amount(settings.balance)
        if expiry_ts is None and settings.balance is not None:
            expiry_ts = settings.balance.expiry_ts
        settings.balance = Balance(
            round(current + amount, 6), currency_id, int(self._clock()), expiry_ts, amount
        )
        self._on_change()

    def reset_balance(self, endpoint_id: int, currency_id: int) -> None:
        self._editable(endpoint_id).balance = Balance(0.0, currency_id, int(self._clock()))
        self._on_change()

    def balance_amount(self, balance: Balance | None) -> float:
        if balance is None or (
            balance.expiry_ts is not None and self._clock() >= balance.expiry_ts
        ):
            return 0.0
        return balance.amount

    def balance_json(self, balance: Balance | None, currency_id: int) -> JsonObj:
        out: JsonObj = {
            "amount": self.balance_amount(balance),
            "currency": CURRENCIES[balance.currency_id if balance else currency_id],
        }
        if balance is not None and balance.last_updated_ts is not None:
            out["last_updated"] = _iso(balance.last_updated_ts)
        if balance is not None and balance.expiry_ts is not None:
            out["expiry_date"] = _iso(balance.expiry_ts)
        out["auto_reset"] = 0
        out["last_loaded_amount"] = balance.last_loaded if balance else 0
        return out


def _iso(ts: int) -> str:
    return d.format_ts(ts, zulu=True)


def _plain(ts: int) -> str:
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
