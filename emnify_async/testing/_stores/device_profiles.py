"""What endpoints reference: service profiles, tariff profiles and IP address spaces."""

from __future__ import annotations

from collections.abc import Iterator

from emnify_async.testing import _data as d
from emnify_async.testing._device_data import SEEDED_SPACE_ID, IpSpace, ServiceProfile
from emnify_async.testing._stores.billing import Billing
from emnify_async.testing._stores.endpoint_records import EndpointRecords


class DeviceProfiles:
    """Service profiles and IP address spaces by id; tariff profiles are billing's."""

    def __init__(
        self,
        service_profiles: list[ServiceProfile],
        ip_spaces: list[IpSpace],
        billing: Billing,
        records: EndpointRecords,
    ) -> None:
        self.service_profiles = {profile.id: profile for profile in service_profiles}
        self.ip_spaces = {space.id: space for space in ip_spaces}
        self._billing = billing
        self._records = records

    def service_profile(self, org_id: int, profile_id: int) -> ServiceProfile | None:
        """The organisation's service profile, or ``None``."""
        profile = self.service_profiles.get(profile_id)
        return profile if profile is not None and profile.org_id == org_id else None

    def tariff_profile(self, org_id: int, profile_id: int) -> d.TariffProfile | None:
        for profile in self._billing.profiles:
            if profile.id == profile_id and profile.org_id == org_id:
                return profile
        return None

    def tariff_profile_name(self, profile_id: int) -> str:
        return next((p.name for p in self._billing.profiles if p.id == profile_id), "")

    def ip_space(self, org_id: int, space_id: int) -> IpSpace | None:
        space = self.ip_spaces.get(space_id)
        return space if space is not None and space.org_id == org_id else None

    def default_space(self, org_id: int) -> IpSpace | None:
        """The organisation's first address space, where endpoints get addresses by default."""
        return next((s for s in self.ip_spaces.values() if s.org_id == org_id), None)

    def count(self, org_id: int) -> int:
        """How many service profiles the organisation has."""
        return sum(1 for profile in self.service_profiles.values() if profile.org_id == org_id)

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


def _hosts(space: IpSpace) -> Iterator[str]:
    return (str(host) for host in space.network.hosts())
