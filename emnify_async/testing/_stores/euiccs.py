"""eSIMs: the eUICCs, their profiles, and the stock of unlinked eSIM profiles.

The emulator's eSIMs are the SIMs of the embedded MFF2 model, read from the SIM table (which
is not changed): an MFF2 SIM that had an endpoint when the emulator started is the preloaded,
enabled profile of an eUICC (in a device); one without is an unlinked eSIM profile in stock,
of one of two products (seeded). An eUICC belongs to whoever owns its preloaded SIM and
follows that SIM (a migration moves it; deleting the SIM removes it). Every fourth eUICC
supports M2M (SGP.02) profiles, not IoT ones: the operation routes answer it 404, as emnify
documents for non-IoT eUICCs. Profile changes come from operations
(``_stores/esim_operations.py``).
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import DELETED, JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._dates import zulu as timestamp
from emnify_async.testing._esim_catalog import (
    DISABLED,
    EIM,
    EMNIFY_OPERATOR,
    EMNIFY_PROFILE_NAME,
    ENABLED,
    EUICC_STATUSES,
    IOT_PROFILE_TYPE,
    LINKED,
    M2M_PROFILE_TYPE,
    MFF2_MODEL,
    PRODUCTS,
    PROFILE_STATUSES,
    PROFILE_TYPES,
    lookup,
)
from emnify_async.testing._stores.endpoints import EndpointStore
from emnify_async.testing._stores.organisations import Organisations
from emnify_async.testing._stores.sims import SimStore

_DAY = 86_400
_DIGITS = re.compile(r"[0-9]+")


def iccid_with_luhn(sim_id: int) -> str:
    iccid = d.iccid(sim_id)
    return iccid + d.luhn_digit(iccid)


@dataclass
class Profile:
    """An installed profile: an emnify SIM (``sim_id``) or a third party's (``None``)."""

    iccid: str
    """With its Luhn digit."""
    sim_id: int | None
    status: int
    preloaded: bool = False
    fallback: bool = False
    activation_code: str | None = None


class EuiccStore:
    """The eUICCs (ids ``1..n`` in SIM order), their profiles, and the eSIM stock."""

    def __init__(
        self,
        seed: int,
        sims: SimStore,
        endpoints: EndpointStore,
        organisations: Organisations,
        clock: Clock,
    ) -> None:
        self.seed = seed
        self.sims = sims
        self.endpoints = endpoints
        self.organisations = organisations
        self._clock = clock
        table = sims.table
        embedded = [
            match.start() + 1 for match in re.finditer(bytes([MFF2_MODEL]), bytes(table.model))
        ]
        self._hosts = [sim_id for sim_id in embedded if table.endpoint[sim_id - 1]]
        """The preloaded SIM of each eUICC (eUICC id ``n`` is index ``n - 1``)."""
        self._stock = [sim_id for sim_id in embedded if not table.endpoint[sim_id - 1]]
        """Unlinked eSIM profiles (SIMs) at start, ascending."""
        self._installed: dict[int, list[Profile]] = {}
        self.linked: dict[int, str] = {}
        """Stock SIM id -> the EID it is linked to."""
        self.reserved: set[int] = set()
        """Stock SIMs taken by a SIM operation that has not run yet."""
        self.retired: set[int] = set()
        """Stock SIMs installed on an eUICC and deleted from it: never in stock again."""
        self.polled: dict[int, int] = {}
        self.audited: dict[int, int] = {}

    # --- eUICCs ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._hosts)

    def host_sim(self, euicc_id: int) -> int | None:
        """The eUICC's preloaded SIM, ``None`` for an id that is no eUICC."""
        return self._hosts[euicc_id - 1] if 0 < euicc_id <= len(self._hosts) else None

    def owner(self, euicc_id: int) -> int:
        """The organisation owning the eUICC (0 when there is none)."""
        sim_id = self.host_sim(euicc_id)
        if sim_id is None or self.sims.table.status[sim_id - 1] == DELETED:
            return 0
        return self.sims.table.owner[sim_id - 1]

    def owns(self, org_id: int, euicc_id: int) -> bool:
        return org_id != 0 and self.owner(euicc_id) == org_id

    def ids(self, org_id: int) -> list[int]:
        return [i for i in range(1, len(self._hosts) + 1) if self.owner(i) == org_id]

    def is_iot(self, euicc_id: int) -> bool:
        return euicc_id % 4 != 0

    def eid(self, euicc_id: int) -> str:
        """32 digits starting with 89; the last 16 are the id."""
        return f"89049032{d.mix(self.seed, euicc_id, 8) % 10**8:08d}{euicc_id:016d}"

    def euicc_of(self, eid: str) -> int | None:
        """The eUICC with this EID, if the emulator has it."""
        if len(eid) != 32 or not _DIGITS.fullmatch(eid):
            return None
        euicc_id = int(eid[16:])
        return euicc_id if self.host_sim(euicc_id) and self.eid(euicc_id) == eid else None

    def last_polled(self, euicc_id: int) -> int:
        """Its daily poll (at a seeded time of day), or a later one that ran operations."""
        now = int(self._clock())
        phase = d.mix(self.seed, euicc_id, 9) % _DAY
        daily = now - (now - phase) % _DAY
        return max(daily, self.polled.get(euicc_id, 0))

    # --- profiles ---------------------------------------------------------------------------

    def installed(self, euicc_id: int) -> list[Profile]:
        """The profiles on the eUICC (created with its preloaded profile on first use)."""
        profiles = self._installed.get(euicc_id)
        if profiles is None:
            sim_id = self.host_sim(euicc_id)
            assert sim_id is not None
            preloaded = Profile(
                iccid_with_luhn(sim_id), sim_id, ENABLED, preloaded=True, fallback=True
            )
            profiles = self._installed[euicc_id] = [preloaded]
        return profiles

    def profile(self, euicc_id: int, iccid: str) -> Profile | None:
        return next((p for p in self.installed(euicc_id) if p.iccid == iccid), None)

    def linked_to(self, eid: str) -> list[int]:
        """Stock SIMs linked to the EID, ascending."""
        return sorted(sim_id for sim_id, linked in self.linked.items() if linked == eid)

    def pending_links(self, euicc_id: int) -> list[int]:
        """Stock SIMs linked to the eUICC's EID and not installed on it yet."""
        installed = {p.sim_id for p in self.installed(euicc_id)}
        return [s for s in self.linked_to(self.eid(euicc_id)) if s not in installed]

    # --- the stock of unlinked eSIMs ------------------------------------------------------------

    def in_stock(self, sim_id: int) -> bool:
        """Whether the SIM is one of the eSIM profiles that were in stock (linked or not)."""
        index = bisect.bisect_left(self._stock, sim_id)
        return index < len(self._stock) and self._stock[index] == sim_id

    def is_unlinked(self, org_id: int, sim_id: int) -> bool:
        """Whether the SIM is an unlinked, unreserved eSIM profile of the organisation."""
        table = self.sims.table
        return (
            self.in_stock(sim_id)
            and table.owner[sim_id - 1] == org_id
            and table.status[sim_id - 1] != DELETED
            and sim_id not in self.linked
            and sim_id not in self.reserved
            and sim_id not in self.retired
        )

    def unlinked(self, org_id: int, product_id: int | None = None) -> list[int]:
        """The organisation's unlinked, unreserved eSIM profiles (of one product), ascending."""
        return [
            sim_id
            for sim_id in self._stock
            if self.is_unlinked(org_id, sim_id)
            and (product_id is None or self.product_of(sim_id) == product_id)
        ]

    def product_of(self, sim_id: int) -> int:
        return 1 + d.mix(self.seed, sim_id, 10) % 2

    def product_stats(self, org_id: int) -> list[JsonObj]:
        counts: dict[int, int] = {}
        for sim_id in self.unlinked(org_id):
            product = self.product_of(sim_id)
            counts[product] = counts.get(product, 0) + 1
        return [
            {"product": {"id": product, "name": PRODUCTS[product]}, "quantity": counts[product]}
            for product in sorted(counts)
        ]

    # --- rendering ----------------------------------------------------------------------------

    def _org(self, org_id: int) -> JsonObj | None:
        org = self.organisations.get(org_id) if org_id else None
        return None if org is None else {"id": org.id, "name": org.name}

    def _endpoint(self, sim_id: int | None) -> JsonObj | None:
        endpoint_id = None if sim_id is None else self.sims.endpoints.right_of(sim_id)
        endpoint = None if endpoint_id is None else self.endpoints.get(endpoint_id)
        return None if endpoint is None else {"id": endpoint.id, "name": endpoint.name}

    def _profile(self, profile: Profile, profile_type: int) -> JsonObj:
        sim_id = profile.sim_id
        emnify = sim_id is not None
        customer = self.sims.table.customer_org[sim_id - 1] if sim_id is not None else 0
        return {
            "iccid_with_luhn": profile.iccid,
            "status": lookup(PROFILE_STATUSES, profile.status),
            "customer_org": self._org(customer),
            "name": EMNIFY_PROFILE_NAME if emnify else "Downloaded profile",
            "operator": EMNIFY_OPERATOR if emnify else None,
            "preloaded": profile.preloaded,
            "fallback_allowed": True,
            "fallback_attribute": profile.fallback,
            "profile_type": lookup(PROFILE_TYPES, profile_type),
            "endpoint": self._endpoint(sim_id),
        }

    def render(self, euicc_id: int) -> JsonObj:
        """The ``Euicc`` object, as ``GET /api/v1/euicc/{id}`` answers it."""
        sim_id = self.host_sim(euicc_id)
        assert sim_id is not None
        table = self.sims.table
        profile_type = IOT_PROFILE_TYPE if self.is_iot(euicc_id) else M2M_PROFILE_TYPE
        profiles = [self._profile(p, profile_type) for p in self.installed(euicc_id)]
        profiles += [
            self._profile(Profile(iccid_with_luhn(s), s, LINKED), profile_type)
            for s in self.pending_links(euicc_id)
        ]
        audited = self.audited.get(euicc_id)
        now = int(self._clock())
        return {
            "id": euicc_id,
            "eid": self.eid(euicc_id),
            "created": timestamp(d.production_ts(sim_id, self.seed) + _DAY),
            "issuer_org": self._org(table.issuer_org[sim_id - 1]),
            "customer_org": self._org(table.customer_org[sim_id - 1]),
            "supported_profile_type": lookup(PROFILE_TYPES, profile_type),
            "status": lookup(EUICC_STATUSES, 1),
            "last_audited": None if audited is None else timestamp(audited),
            "last_polled": timestamp(self.last_polled(euicc_id)),
            "last_synced": timestamp(now - now % 60),  # the eIM syncs every minute
            "eim": EIM,
            "profile": profiles,
        }

    # --- writes (by operations) -------------------------------------------------------------------

    def install(self, euicc_id: int, profile: Profile, enable: bool) -> None:
        """Add a downloaded profile, disabled, or enabled (disabling the enabled one)."""
        profiles = self.installed(euicc_id)
        profiles.append(profile)
        profile.status = DISABLED
        if enable:
            self.enable(euicc_id, profile)

    def enable(self, euicc_id: int, profile: Profile) -> None:
        for other in self.installed(euicc_id):
            if other.status == ENABLED:
                other.status = DISABLED
        profile.status = ENABLED

    def remove(self, euicc_id: int, profile: Profile) -> None:
        self.installed(euicc_id).remove(profile)
        if profile.sim_id is not None and profile.sim_id in self.linked:
            del self.linked[profile.sim_id]
            self.retired.add(profile.sim_id)


def third_party_iccid(activation_code: str) -> str:
    """A stable ICCID (with its Luhn digit) for a profile downloaded by activation code."""
    digest = int.from_bytes(hashlib.sha256(activation_code.encode()).digest()[:8], "big")
    iccid = f"8944{digest % 10**15:015d}"
    return iccid + d.luhn_digit(iccid)
