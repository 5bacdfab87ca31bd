"""What endpoints reference: service profiles, tariff profiles and IP address spaces.

Service profiles are this store's: the seeded ones and those created over the API, with their
services and traffic limits; the DNS configurations they reference are ``DnsConfigs``', and
how many endpoints use a profile is read from the endpoint records, so it is always current.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import random
from collections.abc import Callable, Iterator
from typing import Any

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import (
    BREAKOUT_REGIONS,
    ESME_INTERFACE_TYPES,
    SERVICES,
    TRAFFIC_LIMIT_PERIODS,
    TRAFFIC_LIMITS,
    JsonObj,
)
from emnify_async.testing._device_data import SEEDED_SPACE_ID, DataLimit, IpSpace, ServiceProfile
from emnify_async.testing._stores.billing import Billing
from emnify_async.testing._stores.dns import DnsConfigs
from emnify_async.testing._stores.endpoint_records import EndpointRecords

# The flags of a service profile, in the order the details show them (the list: the first five).
PROFILE_FLAGS = (
    "allowed_3g",
    "allowed_4g",
    "allowed_nb_iot",
    "apply_sms_quota",
    "apply_data_quota",
    "retail",
    "sms_p2p_int",
    "sms_p2p_ext",
    "prepaid",
    "nipdp",
)
LISTED_FLAGS = PROFILE_FLAGS[:5]

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
        dns: DnsConfigs,
        on_change: Callable[[], None],
    ) -> None:
        self.service_profiles = {profile.id: profile for profile in service_profiles}
        self.ip_spaces = {space.id: space for space in ip_spaces}
        self.dns = dns
        self._billing = billing
        self._records = records
        self._on_change = on_change
        self._offers = random.Random(f"{records.seed}:ip-address-spaces")
        self._next_profile_id = max(self.service_profiles, default=0) + 1
        self._next_data_limit_id = 1
        self._next_space_id = max(self.ip_spaces, default=0) + 1

    # --- service profiles: reads ----------------------------------------------------------

    def service_profile(self, org_id: int, profile_id: int) -> ServiceProfile | None:
        """The organisation's service profile, or ``None``."""
        profile = self.service_profiles.get(profile_id)
        return profile if profile is not None and profile.org_id == org_id else None

    def owns_service_profile(self, org_id: int, profile_id: int) -> bool:
        return self.service_profile(org_id, profile_id) is not None

    def service_profiles_of(self, org_id: int) -> list[ServiceProfile]:
        """The organisation's service profiles, by id."""
        return [p for _, p in sorted(self.service_profiles.items()) if p.org_id == org_id]

    def used_count(self, profile: ServiceProfile) -> int:
        """How many endpoints use the profile."""
        return self._records.count("service_profile_id", profile.id)

    def uses_dns(self, dns_id: int) -> bool:
        """Whether a service profile references the DNS configuration."""
        return any(profile.dns_id == dns_id for profile in self.service_profiles.values())

    def render_service_profile(self, profile: ServiceProfile, details: bool) -> JsonObj:
        """The list's short view, or the details with references and services (references
        that are not set are left out)."""
        out: JsonObj = {
            "id": profile.id,
            "name": profile.name,
            "description": profile.description,
        }
        if not details:
            out["used_count"] = self.used_count(profile)
            out.update((flag, getattr(profile, flag)) for flag in LISTED_FLAGS)
            return out
        out.update((flag, getattr(profile, flag)) for flag in PROFILE_FLAGS)
        out["used_count"] = self.used_count(profile)
        for key in ("api_callback", "api_secret", "moc_callback"):
            ref = getattr(profile, f"{key}_id")
            if ref is not None:
                out[key] = {"id": ref}
        esme = profile.esme_interface_type_id
        out["esme_interface_type"] = {"description": ESME_INTERFACE_TYPES[esme], "id": esme}
        out["breakout_region"] = dict(BREAKOUT_REGIONS[profile.breakout_region_id])
        dns = None if profile.dns_id is None else self.dns.configs.get(profile.dns_id)
        if dns is not None:
            out["dns"] = self.dns.render(dns)
        out["service"] = [
            _profile_service(service_id, limits)
            for service_id, limits in sorted(profile.services.items())
        ]
        return out

    # --- service profiles: writes ---------------------------------------------------------

    def create_service_profile(self, org_id: int, fields: dict[str, Any]) -> ServiceProfile:
        """A new profile of the organisation with ``fields`` (``ServiceProfile`` attributes)."""
        profile = ServiceProfile(id=self._next_profile_id, org_id=org_id, **fields)
        self._next_profile_id += 1
        self.service_profiles[profile.id] = profile
        self._on_change()
        return profile

    def update_service_profile(self, profile: ServiceProfile, fields: dict[str, Any]) -> None:
        for key, value in fields.items():
            setattr(profile, key, value)
        self._on_change()

    def delete_service_profile(self, profile: ServiceProfile) -> None:
        """Remove the profile with its services and traffic limits (no endpoint may use it)."""
        del self.service_profiles[profile.id]
        self._on_change()

    def add_service(self, profile: ServiceProfile, service_id: int) -> None:
        profile.services[service_id] = []
        self._on_change()

    def remove_service(self, profile: ServiceProfile, service_id: int) -> None:
        del profile.services[service_id]
        self._on_change()

    def add_traffic_limit(self, profile: ServiceProfile, service_id: int, limit_id: int) -> None:
        limits = profile.services[service_id]
        if limit_id not in limits:
            limits.append(limit_id)
            self._on_change()

    def remove_traffic_limit(self, profile: ServiceProfile, service_id: int, limit_id: int) -> None:
        profile.services[service_id].remove(limit_id)
        self._on_change()

    # --- data limits (newer docs) ---------------------------------------------------------

    def add_data_limit(
        self,
        profile: ServiceProfile,
        service_id: int,
        satellite_only: bool,
        volume: int,
        warning_percent: int | None,
    ) -> DataLimit:
        limit = DataLimit(
            self._next_data_limit_id, service_id, satellite_only, volume, warning_percent
        )
        self._next_data_limit_id += 1
        profile.data_limits.append(limit)
        self._on_change()
        return limit

    def remove_data_limit(self, profile: ServiceProfile, limit: DataLimit) -> None:
        profile.data_limits.remove(limit)
        self._on_change()

    def remove_data_limits(self, profile: ServiceProfile) -> None:
        profile.data_limits.clear()
        self._on_change()

    # --- tariff profiles and address spaces -----------------------------------------------

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

    def allocated_overlap(self, network: IpNetwork) -> IpSpace | None:
        """An organisation's space that overlaps ``network``, if any."""
        return next(
            (
                s
                for s in self.ip_spaces.values()
                if s.org_id is not None and _overlaps(s.network, network)
            ),
            None,
        )

    def create_space(self, network: IpNetwork, org_id: int) -> IpSpace:
        """Allocate ``network`` (which overlaps no organisation's space) to ``org_id``.

        An unassigned space of exactly that network is assigned (it keeps its id); the
        unassigned ones it overlaps otherwise are no longer offered (they could not be taken
        whole any more), and it gets a new id.
        """
        cidr = str(network)
        same = next((s for s in self.ip_spaces.values() if s.cidr == cidr), None)
        if same is not None:
            self._set_owner(same.id, org_id)
            return self.ip_spaces[same.id]
        for space in list(self.ip_spaces.values()):
            if space.org_id is None and _overlaps(space.network, network):
                del self.ip_spaces[space.id]
        space = IpSpace(self._next_space_id, org_id, cidr)
        self._next_space_id += 1
        self.ip_spaces[space.id] = space
        self._on_change()
        return space

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


IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def _overlaps(a: IpNetwork, b: IpNetwork) -> bool:
    return a.version == b.version and a.overlaps(b)


def _id(space: IpSpace) -> int:
    return space.id


def _hosts(space: IpSpace) -> Iterator[str]:
    return (str(host) for host in space.network.hosts())


def traffic_limit(limit_id: int, with_service: bool = False) -> JsonObj:
    """A traffic limit as the lookups show it (``with_service``: as ``/traffic_limit`` does)."""
    service_id, volume, period = TRAFFIC_LIMITS[limit_id]
    out: JsonObj = {"id": limit_id}
    if with_service:
        out["service"] = {"id": service_id, "description": SERVICES[service_id]["description"]}
    out["volume"] = volume
    out["period"] = dict(TRAFFIC_LIMIT_PERIODS[period])
    return out


def _profile_service(service_id: int, limits: list[int]) -> JsonObj:
    service = SERVICES[service_id]
    return {
        "id": service_id,
        "description": service["description"],
        "teleservice_code": service["teleservice_code"],
        "traffic_type": dict(service["traffic_type"]),
        "traffic_limit": [traffic_limit(limit_id) for limit_id in limits],
    }
