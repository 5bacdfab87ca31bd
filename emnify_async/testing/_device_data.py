"""Deterministic seed data of the device area: endpoints, service profiles, IP address spaces.

The endpoints of the seeded SIMs (ids ``1..seeded``) are derived from their id and the seed
when read, like SIMs, so a million-SIM emulator stores nothing per endpoint until one is
written; a few more endpoints (without SIMs, and of other organisations) are stored records.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import (
    ENDPOINT_DISABLED,
    ENDPOINT_ENABLED,
    SERVICE_DATA,
    SERVICE_SMS_MO,
    SERVICE_SMS_MT,
)

SEEDED_SPACE_ID = 1
"""The IP address space of the seeded endpoints (``10.0.0.0/8``, addresses derived from ids)."""
ENDPOINT_EPOCH = d.EPOCH_2019 + 200 * 86400
ENDPOINT_STEP = 23  # seconds between the creation of consecutive seeded endpoints


@dataclass
class Endpoint:
    """An endpoint's own fields (its SIM is the SIM ↔ endpoint link, not a field)."""

    id: int
    org_id: int
    name: str
    status_id: int
    service_profile_id: int
    tariff_profile_id: int
    ip_space_id: int
    ip_address: str
    created_ts: int
    last_updated_ts: int
    tags: str | None = None
    imei: str | None = None
    imei_lock: bool = False


@dataclass(frozen=True)
class DataLimit:
    """A data limit of a service profile (newer docs): ``volume`` bytes of the service per
    calendar month, counting satellite traffic only with ``satellite_only``."""

    id: int
    service_id: int
    satellite_only: bool
    volume: int
    warning_percent: int | None


@dataclass
class ServiceProfile:
    """A service profile: what its endpoints may use (services, traffic limits, RATs, DNS)."""

    id: int
    org_id: int
    name: str
    description: str = ""
    allowed_3g: bool = True
    allowed_4g: bool = True
    allowed_nb_iot: bool = True
    apply_sms_quota: bool = False
    apply_data_quota: bool = False
    retail: bool = False
    sms_p2p_int: bool = True
    sms_p2p_ext: bool = True
    prepaid: bool = False
    nipdp: bool = False
    esme_interface_type_id: int = 1
    breakout_region_id: int = 2
    api_callback_id: int | None = None
    api_secret_id: int | None = None
    moc_callback_id: int | None = None
    dns_id: int | None = None
    services: dict[int, list[int]] = field(default_factory=dict)
    """Service id -> the ids of its traffic limits, in the order they were added."""
    data_limits: list[DataLimit] = field(default_factory=list)
    """Its data limits (newer docs), separate from the services' traffic limits."""


@dataclass(frozen=True)
class DnsConfig:
    """A DNS configuration of an organisation (primary and secondary nameserver)."""

    id: int
    org_id: int
    primary: str
    secondary: str
    ip_address_version: int


@dataclass(frozen=True)
class IpSpace:
    """An IP address space; endpoints of its organisation get its host addresses.

    ``org_id`` is ``None`` while no organisation has it (``/ip_address_space/available``).
    """

    id: int
    org_id: int | None
    cidr: str

    @property
    def network(self) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
        return ipaddress.ip_network(self.cidr)

    @property
    def version(self) -> int:
        return self.network.version

    @property
    def size(self) -> int:
        """How many addresses endpoints can have (all but the first and the last)."""
        return self.network.num_addresses - 2

    def contains(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        network = self.network
        return ip in network and ip not in (network.network_address, network.broadcast_address)


def seeded_ip(endpoint_id: int) -> str:
    """The address of a seeded endpoint in space 1 (``10.`` + the id's three low bytes)."""
    return d.ip_address(endpoint_id)


def seeded_ip_owner(address: str) -> int | None:
    """The endpoint id whose seeded address is ``address``, if it has that form."""
    parts = address.split(".")
    if len(parts) != 4 or parts[0] != "10" or not all(p.isdigit() for p in parts):
        return None
    a, b, c = (int(p) for p in parts[1:])
    if max(a, b, c) > 255:
        return None
    return (a << 16) | (b << 8) | c or None


def _created(seed: int, endpoint_id: int) -> int:
    return ENDPOINT_EPOCH + endpoint_id * ENDPOINT_STEP + d.mix(seed, endpoint_id, 50) % 23


def _has_imei(seed: int, endpoint_id: int) -> bool:
    return d.mix(seed, endpoint_id, 5) % 4 != 0


# How each field of a seeded endpoint derives from (seed, id): filters and sorts read one
# field of hundreds of thousands of endpoints without deriving whole records.
DERIVED_FIELDS: dict[str, Callable[[int, int], Any]] = {
    "name": lambda seed, i: f"device-{i:06d}",
    "status_id": lambda seed, i: (
        ENDPOINT_DISABLED if d.mix(seed, i, 51) % 10 == 0 else ENDPOINT_ENABLED
    ),
    "service_profile_id": lambda seed, i: 1 + i % 3,
    "tariff_profile_id": lambda seed, i: 1 + i % 2,
    "ip_space_id": lambda seed, i: SEEDED_SPACE_ID,
    "ip_address": lambda seed, i: seeded_ip(i),
    "created_ts": _created,
    "last_updated_ts": lambda seed, i: _created(seed, i) + d.mix(seed, i, 7) % 10**7,
    "tags": lambda seed, i: "fleet,eu" if i % 4 == 0 else None,
    "imei": lambda seed, i: d.imei(i, seed) if _has_imei(seed, i) else None,
    "imei_lock": lambda seed, i: _has_imei(seed, i) and d.mix(seed, i, 6) % 5 == 0,
}


# How many of the seeded endpoints ``1..seeded`` derive ``value`` for a field, without deriving
# them (a service or tariff profile's or an address space's ``used_count``).
DERIVED_COUNTS: dict[str, Callable[[int, Any], int]] = {
    "service_profile_id": lambda seeded, v: (
        len(range(v - 1 or 3, seeded + 1, 3)) if v in (1, 2, 3) else 0
    ),
    "tariff_profile_id": lambda seeded, v: (
        len(range(v - 1 or 2, seeded + 1, 2)) if v in (1, 2) else 0
    ),
    "ip_space_id": lambda seeded, v: seeded if v == SEEDED_SPACE_ID else 0,
}


def derive_endpoint(seed: int, endpoint_id: int, org_id: int) -> Endpoint:
    """A seeded endpoint as it was before any write (a new object on every call)."""
    fields = {name: derive(seed, endpoint_id) for name, derive in DERIVED_FIELDS.items()}
    return Endpoint(id=endpoint_id, org_id=org_id, **fields)


@dataclass
class DeviceSeed:
    service_profiles: list[ServiceProfile]
    dns_configs: list[DnsConfig]
    ip_spaces: list[IpSpace]
    endpoints: list[Endpoint]
    """The stored seeded endpoints (ids after the derived ones)."""


def unassigned_spaces() -> list[IpSpace]:
    """The address spaces no organisation has yet: the ``/18`` blocks of ``100.64.0.0/10``
    (ids 101-355; not the first, which holds the reserved ``100.64.0.0/24``) and 64 IPv6
    ``/112`` blocks (ids 501-564)."""
    blocks = list(ipaddress.IPv4Network("100.64.0.0/10").subnets(new_prefix=18))[1:]
    spaces = [IpSpace(101 + n, None, str(block)) for n, block in enumerate(blocks)]
    spaces += [IpSpace(501 + n, None, f"fd00:e6e1:0:{n + 1:x}::/112") for n in range(64)]
    return spaces


def make_device_seed(seed: int, root: int, first_id: int) -> DeviceSeed:
    """Service profiles, DNS configurations and address spaces of 101, 102 and the foreign
    999 (profiles of 103 and 104 too), and a few endpoints without SIMs: two of 101 (one
    disabled), three of the enterprise 102, one of 999.

    101 has a small space (2, six addresses) to exhaust; 103-105 have none. The unassigned
    spaces (:func:`unassigned_spaces`) are there for any organisation to take.
    """
    data_and_sms: dict[int, list[int]] = {SERVICE_DATA: [], SERVICE_SMS_MT: [], SERVICE_SMS_MO: []}
    profiles = [
        ServiceProfile(1, root, "Default Service Profile", services=_copy(data_and_sms)),
        ServiceProfile(
            2,
            root,
            "Smart Meter",
            description="Data + SMS - 1G limit",
            allowed_4g=False,
            allowed_nb_iot=False,
            dns_id=1,
            services={SERVICE_DATA: [235], SERVICE_SMS_MT: [], SERVICE_SMS_MO: [311]},
        ),
        ServiceProfile(
            3,
            root,
            "Tracker (data only)",
            description="Data - 64 MB per 5 days",
            apply_data_quota=True,
            services={SERVICE_DATA: [111]},
        ),
        ServiceProfile(21, 102, "Acme Fleet", services=_copy(data_and_sms)),
        ServiceProfile(31, 103, "Metering", services=_copy(data_and_sms)),
        ServiceProfile(41, 104, "Fleetwise Default", services=_copy(data_and_sms)),
        ServiceProfile(91, d.FOREIGN_ORG_ID, "Elsewhere", dns_id=91),
    ]
    dns_configs = [
        DnsConfig(1, root, "8.8.8.8", "8.8.4.4", 4),
        DnsConfig(2, root, "1.1.1.1", "1.0.0.1", 4),
        DnsConfig(21, 102, "208.67.222.222", "208.67.220.220", 4),
        DnsConfig(91, d.FOREIGN_ORG_ID, "9.9.9.9", "149.112.112.112", 4),
    ]
    spaces = [
        IpSpace(SEEDED_SPACE_ID, root, "10.0.0.0/8"),
        IpSpace(2, root, "100.64.0.0/29"),
        IpSpace(3, 102, "10.100.0.0/28"),
        IpSpace(9, d.FOREIGN_ORG_ID, "10.250.0.0/24"),
        *unassigned_spaces(),
    ]
    created = ENDPOINT_EPOCH + 400 * 86400
    layout = [
        (root, "spare-1", ENDPOINT_ENABLED, 1, 1, 2, "100.64.0.1"),
        (root, "spare-2", ENDPOINT_DISABLED, 2, 2, 2, "100.64.0.2"),
        (102, "acme-truck-1", ENDPOINT_ENABLED, 21, 11, 3, "10.100.0.1"),
        (102, "acme-truck-2", ENDPOINT_ENABLED, 21, 11, 3, "10.100.0.2"),
        (102, "acme-trailer", ENDPOINT_DISABLED, 21, 11, 3, "10.100.0.3"),
        (d.FOREIGN_ORG_ID, "not-yours", ENDPOINT_ENABLED, 91, 99, 9, "10.250.0.1"),
    ]
    endpoints = [
        Endpoint(
            id=first_id + offset,
            org_id=org,
            name=name,
            status_id=status,
            service_profile_id=service,
            tariff_profile_id=tariff,
            ip_space_id=space,
            ip_address=address,
            created_ts=created + offset * 3600,
            last_updated_ts=created + offset * 3600 + 60,
            tags="demo" if org == root else None,
            imei=d.imei(first_id + offset, seed) if offset % 2 == 0 else None,
        )
        for offset, (org, name, status, service, tariff, space, address) in enumerate(layout)
    ]
    return DeviceSeed(profiles, dns_configs, spaces, endpoints)


def _copy(services: dict[int, list[int]]) -> dict[int, list[int]]:
    return {service: list(limits) for service, limits in services.items()}
