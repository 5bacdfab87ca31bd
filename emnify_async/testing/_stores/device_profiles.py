"""What endpoints reference: service profiles, tariff profiles and IP address spaces."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterator

from emnify_async.testing import _data as d
from emnify_async.testing._device_data import SEEDED_SPACE_ID, IpSpace, ServiceProfile
from emnify_async.testing._stores.billing import Billing
from emnify_async.testing._stores.endpoint_records import EndpointRecords

AVAILABLE_SAMPLE = 10
"""How many unassigned address spaces ``/ip_address_space/available`` offers at a time."""


class DeviceProfiles:
    """Service profiles and IP address spaces by id; tariff profiles are billing's.

    An address space's organisation changes when one takes it (``assign_space``) or gives it
    back (``release_space``); the unassigned ones are offered at random, a new sample each
    time, from a generator seeded like everything else.
    """

    def __init__(
        self,
        service_profiles: list[ServiceProfile],
        ip_spaces: list[IpSpace],
        billing: Billing,
        records: EndpointRecords,
        on_change: Callable[[], None],
    ) -> None:
        self.service_profiles = {profile.id: profile for profile in service_profiles}
        self.ip_spaces = {space.id: space for space in ip_spaces}
        self._billing = billing
        self._records = records
        self._on_change = on_change
        self._offers = random.Random(f"{records.seed}:ip-address-spaces")

    def service_profile(self, org_id: int, profile_id: int) -> ServiceProfile | None:
        """The organisation's service profile, or ``None``."""
        profile = self.service_profiles.get(profile_id)
        return profile if profile is not None and profile.org_id == org_id else None

    def tariff_profile(self, org_id: int, profile_id: int) -> d.TariffProfile | None:
        return self._billing.profile(org_id, profile_id)

    def tariff_profile_name(self, profile_id: int) -> str:
        return next((p.name for p in self._billing.profiles if p.id == profile_id), "")

    def tariff_profile_used_count(self, profile_id: int) -> int:
        """How many endpoints have the tariff profile."""
        return self._records.count("tariff_profile_id", profile_id)

    def count(self, org_id: int) -> int:
        """How many service profiles the organisation has."""
        return sum(1 for profile in self.service_profiles.values() if profile.org_id == org_id)

    # --- IP address spaces ------------------------------------------------------------------

    def ip_space(self, org_id: int, space_id: int) -> IpSpace | None:
        space = self.ip_spaces.get(space_id)
        return space if space is not None and space.org_id == org_id else None

    def default_space(self, org_id: int) -> IpSpace | None:
        """The organisation's first address space, where endpoints get addresses by default."""
        return next((s for s in self.ip_spaces.values() if s.org_id == org_id), None)

    def spaces_of(self, org_id: int) -> list[IpSpace]:
        """The organisation's address spaces, by id."""
        return sorted((s for s in self.ip_spaces.values() if s.org_id == org_id), key=_id)

    def space_used_count(self, space_id: int) -> int:
        """How many endpoints have an address of the space."""
        return self._records.count("ip_space_id", space_id)

    def available_spaces(self, version: int) -> list[IpSpace]:
        """A random sample of the unassigned spaces of IP ``version`` (another each call)."""
        free = [s for s in self.ip_spaces.values() if s.org_id is None and s.version == version]
        return sorted(self._offers.sample(free, min(AVAILABLE_SAMPLE, len(free))), key=_id)

    def assign_space(self, space_id: int, org_id: int) -> None:
        self._set_owner(space_id, org_id)

    def release_space(self, space_id: int) -> None:
        """Give the space back (its endpoints must have moved away)."""
        self._set_owner(space_id, None)

    def _set_owner(self, space_id: int, org_id: int | None) -> None:
        space = self.ip_spaces[space_id]
        self.ip_spaces[space_id] = dataclasses.replace(space, org_id=org_id)
        self._on_change()

    def free_address(self, space: IpSpace, for_id: int) -> str | None:
        """A free host address of ``space`` for endpoint ``for_id``, or ``None`` when exhausted.

        In the seeded space an endpoint gets the address its id derives (as seeded ones
        have), else the lowest free one.
        """
        if space.id == SEEDED_SPACE_ID:
            preferred = d.ip_address(for_id)
            if space.contains(preferred) and self._records.holder(space.id, preferred) is None:
                return preferred
        for address in _hosts(space):
            if self._records.holder(space.id, address) is None:
                return address
        return None


def _id(space: IpSpace) -> int:
    return space.id


def _hosts(space: IpSpace) -> Iterator[str]:
    return (str(host) for host in space.network.hosts())
