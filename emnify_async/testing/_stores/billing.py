"""Billing state: tariffs, their assignments and profiles, organisations' inclusive volumes,
and tariff plans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import (
    CURRENCIES,
    DATA_BLOCKSIZES,
    DATA_THROTTLES,
    RATEZONE_ACTIVE,
    TARIFF_STATUSES,
    JsonObj,
)
from emnify_async.testing._dates import day_timestamp
from emnify_async.testing._operators import COUNTRIES, OPERATORS
from emnify_async.testing._stores.tariff_plans import TariffPlans


class Billing:
    """Tariffs (by id), organisation tariff assignments, tariff profiles (with their ratezone
    selections and inclusive volume), organisations' volumes and tariff plans."""

    def __init__(self, seed: d.BillingSeed, on_change: Callable[[], None]) -> None:
        self.tariffs = {tariff.id: tariff for tariff in seed.tariffs}
        self.offers = {offer.id: offer for offer in seed.offers}
        self.assignments = {org: list(ids) for org, ids in seed.assignments.items()}
        self.profiles = list(seed.profiles)
        self.volumes = {volume.id: volume for volume in seed.volumes}
        self.plans = TariffPlans(seed.plans, seed.plan_assignments)
        """Tariff plans and the organisations' history of them."""
        self.custom_rates: list[JsonObj] = []
        """Custom ratezone rates created by ``excess_traffic`` (not served, for assertions)."""
        self._next_tariff_id = max(self.tariffs) + 100
        self._next_volume_id = max(self.volumes) + 100
        self._next_profile_id = max(profile.id for profile in self.profiles) + 100
        self._on_change = on_change

    # --- reads ----------------------------------------------------------------------------

    def ratezone(self, ratezone_id: int) -> tuple[d.Tariff, d.Ratezone] | None:
        for tariff in self.tariffs.values():
            for zone in tariff.ratezones:
                if zone.id == ratezone_id:
                    return tariff, zone
        return None

    def used_count(self, tariff_id: int) -> int:
        return sum(1 for profile in self.profiles if profile.tariff_id == tariff_id)

    def assigned_count(self, tariff_id: int) -> int:
        return sum(1 for ids in self.assignments.values() if tariff_id in ids)

    def org_tariffs(self, org_id: int) -> list[int]:
        return self.assignments.get(org_id, [])

    def org_volumes(self, org_id: int) -> list[d.OrgVolume]:
        return [volume for volume in self.volumes.values() if volume.org_id == org_id]

    def active_volumes(self, org_id: int, today: dt.date) -> list[d.OrgVolume]:
        """Volumes running today: started, not ended, not expired."""
        return [
            volume
            for volume in self.org_volumes(org_id)
            if not volume.expired
            and volume.start <= today
            and (volume.end is None or volume.end >= today)
        ]

    def owned_tariffs(self, owner_id: int) -> list[d.Tariff]:
        return [tariff for tariff in self.tariffs.values() if tariff.owner_id == owner_id]

    # --- inclusive volumes ------------------------------------------------------------------

    def add_volume(
        self,
        org_id: int,
        tariff_id: int,
        ratezone_id: int,
        volume: float,
        rate: float,
        pooled: bool,
        period: tuple[dt.date, dt.date | None],
        multi: bool = False,
    ) -> d.OrgVolume:
        """Assign a volume; unless ``multi``, older volumes in the ratezone end where it starts."""
        start, end = period
        if not multi:
            self._end_ratezone_volumes(org_id, ratezone_id, start)
        currency = self.tariffs[tariff_id].currency_id
        new = d.OrgVolume(
            self._next_volume_id, org_id, tariff_id, ratezone_id, volume, rate, currency, pooled,
            start, end,
        )  # fmt: skip
        self._next_volume_id += 1
        self.volumes[new.id] = new
        self._on_change()
        return new

    def _end_ratezone_volumes(self, org_id: int, ratezone_id: int, start: dt.date) -> None:
        for volume in self.org_volumes(org_id):
            if volume.ratezone_id != ratezone_id or volume.expired:
                continue
            if volume.start >= start:
                self._drop_volume(volume.id)
            elif volume.end is None or volume.end >= start:
                volume.end = start - dt.timedelta(days=1)

    def add_custom_rate(
        self, org_id: int, ratezone_id: int, rate: float, period: tuple[dt.date, dt.date | None]
    ) -> None:
        self.custom_rates.append(
            {
                "id": len(self.custom_rates) + 1,
                "org_id": org_id,
                "ratezone_id": ratezone_id,
                "rate": rate,
                "start": period[0],
                "end": period[1],
                "expired": False,
            }
        )
        self._on_change()

    # --- tariff changes ---------------------------------------------------------------------

    def change_tariff(self, org_id: int, tariff_id: int, today: dt.date) -> None:
        """The documented side effects of ``PATCH /organisation/{id}/tariff``: the profiles
        move to the new tariff with all its ratezones selected (and no inclusive volume)."""
        self.assignments[org_id] = [tariff_id]
        zones = {zone.id for zone in self.tariffs[tariff_id].ratezones}
        for profile in self.profiles_of(org_id):
            profile.tariff_id, profile.ratezones, profile.volume_id = tariff_id, set(zones), None
        for zone in self.tariffs[tariff_id].ratezones:
            zone.status_id = RATEZONE_ACTIVE
        for volume in self.org_volumes(org_id):
            if volume.expired:
                continue
            if volume.start > today:
                self._drop_volume(volume.id)
            elif volume.end is None or volume.end >= today:
                volume.expired, volume.end = True, today
        kept = []
        for rate in self.custom_rates:
            if rate["org_id"] == org_id and not rate["expired"]:
                if rate["start"] > today:
                    continue
                rate["expired"] = True
            kept.append(rate)
        self.custom_rates = kept
        self._on_change()

    def _drop_volume(self, volume_id: int) -> None:
        """Delete a volume; tariff profiles it was assigned to have none any more."""
        del self.volumes[volume_id]
        for profile in self.profiles:
            if profile.volume_id == volume_id:
                profile.volume_id = None

    # --- tariff profiles ----------------------------------------------------------------------

    def profile(self, org_id: int, profile_id: int) -> d.TariffProfile | None:
        """The organisation's tariff profile, or ``None``."""
        return next((p for p in self.profiles if p.id == profile_id and p.org_id == org_id), None)

    def profiles_of(self, org_id: int) -> list[d.TariffProfile]:
        return [profile for profile in self.profiles if profile.org_id == org_id]

    def create_profile(
        self, org_id: int, name: str, description: str | None, tariff_id: int
    ) -> d.TariffProfile:
        """A new profile, with no ratezone selected and no inclusive volume."""
        profile = d.TariffProfile(self._next_profile_id, org_id, tariff_id, name, description)
        self._next_profile_id += 1
        self.profiles.append(profile)
        self._on_change()
        return profile

    def update_profile(self, profile: d.TariffProfile, fields: dict[str, Any]) -> None:
        """Set ``name``, ``description`` or ``tariff_id``; another tariff drops the ratezone
        selections and the inclusive volume (which belong to the old tariff)."""
        if fields.get("tariff_id", profile.tariff_id) != profile.tariff_id:
            profile.ratezones, profile.volume_id = set(), None
        for key, value in fields.items():
            setattr(profile, key, value)
        self._on_change()

    def delete_profile(self, profile: d.TariffProfile) -> None:
        self.profiles.remove(profile)
        self._on_change()

    def select_ratezone(self, profile: d.TariffProfile, ratezone_id: int, selected: bool) -> None:
        if selected:
            profile.ratezones.add(ratezone_id)
        else:
            profile.ratezones.discard(ratezone_id)
        self._on_change()

    def assign_profile_volume(self, profile: d.TariffProfile, volume_id: int | None) -> None:
        profile.volume_id = volume_id
        self._on_change()

    def block_operator(self, profile: d.TariffProfile, operator_id: int, blocked: bool) -> None:
        """Block or unblock the operator completely; its blocked RAT types stay."""
        if blocked:
            profile.blocked_operators.add(operator_id)
        else:
            profile.blocked_operators.discard(operator_id)
        self._on_change()

    def block_rat_types(
        self, profile: d.TariffProfile, operator_id: int, rat_type_ids: list[int]
    ) -> None:
        profile.blocked_rat_types.setdefault(operator_id, set()).update(rat_type_ids)
        self._on_change()

    def unblock_rat_type(self, profile: d.TariffProfile, operator_id: int, rat_type: int) -> None:
        blocked = profile.blocked_rat_types.get(operator_id, set())
        blocked.discard(rat_type)
        if not blocked:
            profile.blocked_rat_types.pop(operator_id, None)
        self._on_change()

    def coverage(self, profile: d.TariffProfile) -> list[JsonObj]:
        """The countries of the profile's selected active ratezones (by name), each with the
        number of operators that cover it."""
        operators: dict[int, set[int]] = {}
        for zone in self.tariffs[profile.tariff_id].ratezones:
            if zone.id in profile.ratezones and zone.status_id == RATEZONE_ACTIVE:
                for operator_id in zone.operators:
                    country_id = OPERATORS[operator_id].country_id
                    operators.setdefault(country_id, set()).add(operator_id)
        return [
            {
                "country": {"id": country_id, "name": COUNTRIES[country_id].name},
                "redundancy_count": len(operators[country_id]),
            }
            for country_id in sorted(operators, key=lambda c: COUNTRIES[c].name)
        ]

    def profile_json(self, profile: d.TariffProfile, used_count: int) -> JsonObj:
        """A tariff profile as the spec's examples show it: ids and counts as strings, the
        tariff as its database row, the inclusive volume only when one is assigned."""
        out: JsonObj = {
            "organisation_id": str(profile.org_id),
            "name": profile.name,
            "description": profile.description,
            "used_count": str(used_count),
            "id": profile.id,
            "tariff": self._tariff_row(self.tariffs[profile.tariff_id]),
        }
        volume = self.volumes.get(profile.volume_id) if profile.volume_id is not None else None
        if volume is not None:
            zone = next(
                z for z in self.tariffs[volume.tariff_id].ratezones if z.id == volume.ratezone_id
            )
            out["inclusive_volume"] = {
                "id": volume.id,
                "volume": volume.volume,
                "rate": volume.rate,
                "pooled": volume.pooled,
                "start_date": day_timestamp(volume.start),
                "end_date": None if volume.end is None else day_timestamp(volume.end),
                "ratezone": {"id": zone.id, "name": zone.name},
                "currency": CURRENCIES[volume.currency_id],
            }
        return out

    def _tariff_row(self, tariff: d.Tariff) -> JsonObj:
        created = dt.datetime.fromtimestamp(tariff.created_ts, dt.timezone.utc)
        throttle, category = tariff.data_throttle_id, tariff.tariff_category
        out: JsonObj = {
            "organisation_id": str(tariff.owner_id),
            "name": tariff.name,
            "description": tariff.description,
            "created": created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "tariff_status_id": str(tariff.status_id),
            "currency_id": str(tariff.currency_id),
        }
        out.update({name: tariff.rates.get(name, 0.0) for name in d.RATE_FIELDS})
        out.update(
            {
                "data_throttle_id": None if throttle is None else str(throttle),
                "data_blocksize_id": str(tariff.data_blocksize_id),
                "public": "1" if tariff.public else "0",
                "tariff_category_id": None if category is None else str(category),
                # 1 public, 2 private: the spec's example shows a private tariff as "2".
                "visibility_id": "1" if tariff.public else "2",
                "tariff_currency_category_id": None,
                "used_count": str(self.used_count(tariff.id)),
                "assigned_count": str(self.assigned_count(tariff.id)),
                "id": tariff.id,
                "currency": CURRENCIES[tariff.currency_id],
            }
        )
        return out

    # --- tariff CRUD ----------------------------------------------------------------------

    def create_tariff(self, owner_id: int, fields: dict[str, Any], now: int) -> d.Tariff:
        tariff = d.Tariff(
            self._next_tariff_id,
            owner_id,
            fields["name"],
            fields["currency_id"],
            fields.get("public", False),
            created_ts=now,
        )
        self._next_tariff_id += 1
        self.update_tariff(tariff, fields)
        self.tariffs[tariff.id] = tariff
        return tariff

    def update_tariff(self, tariff: d.Tariff, fields: dict[str, Any]) -> None:
        for key, value in fields.items():
            if key in d.RATE_FIELDS:
                tariff.rates[key] = value
            else:
                setattr(tariff, key, value)
        self._on_change()

    def delete_tariff(self, tariff_id: int) -> None:
        del self.tariffs[tariff_id]
        self._on_change()

    # --- rendering ------------------------------------------------------------------------

    def tariff_json(self, tariff: d.Tariff) -> JsonObj:
        created = dt.datetime.fromtimestamp(tariff.created_ts, dt.timezone.utc)
        out: JsonObj = {
            "id": tariff.id,
            "name": tariff.name,
            "description": tariff.description,
            "created": created.strftime("%Y-%m-%d %H:%M:%S"),
        }
        out.update({name: tariff.rates.get(name, 0.0) for name in d.RATE_FIELDS})
        out.update(
            {
                "used_count": self.used_count(tariff.id),
                "assigned_count": self.assigned_count(tariff.id),
                "public": tariff.public,
                "status": {
                    "id": tariff.status_id,
                    "description": TARIFF_STATUSES[tariff.status_id],
                },
                "currency": CURRENCIES[tariff.currency_id],
                "data_blocksize": DATA_BLOCKSIZES[tariff.data_blocksize_id],
                "data_throttle": (
                    None
                    if tariff.data_throttle_id is None
                    else DATA_THROTTLES[tariff.data_throttle_id]
                ),
                "pdp_context_definition": [dict(pdp) for pdp in tariff.pdp_contexts],
            }
        )
        if tariff.tariff_category is not None:
            out["tariff_category"] = tariff.tariff_category
        return out

    def volume_json(self, volume: d.OrgVolume) -> JsonObj:
        """An active inclusive volume; ``end_date`` is omitted while it runs indefinitely."""
        tariff = self.tariffs[volume.tariff_id]
        zone = next(z for z in tariff.ratezones if z.id == volume.ratezone_id)
        out: JsonObj = {
            "id": volume.id,
            "volume": volume.volume,
            "rate": volume.rate,
            "pooled": volume.pooled,
            "start_date": day_timestamp(volume.start),
        }
        if volume.end is not None:
            out["end_date"] = day_timestamp(volume.end)
        out["currency"] = CURRENCIES[volume.currency_id]
        out["tariff"] = {
            "id": tariff.id,
            "name": tariff.name,
            "tariff_status_id": tariff.status_id,
            "ratezone": {"id": zone.id, "name": zone.name, "ratezone_status_id": zone.status_id},
        }
        return out
