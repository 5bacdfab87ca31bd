"""Deterministic seed data: organisations, the compact SIM table and SIM batches.

SIMs are stored column-wise in ``array`` objects (a few bytes per SIM) so that a million of
them fit in tens of megabytes; everything else about a SIM (ICCID, IMSI, dates, endpoint
details) is derived from its id and the seed when it is rendered.
"""

from __future__ import annotations

import datetime as dt
import random
from array import array
from dataclasses import dataclass, field
from functools import lru_cache

from emnify_async.testing._catalog import (
    ACTIVATED,
    COMMERCIAL,
    ENTERPRISE,
    ESIM_MODEL,
    EVALUATION,
    FACTORY_TEST,
    ISSUED,
    ORG_ENABLED,
    ORG_SUSPENDED,
    RATEZONE_ACTIVE,
    RESELLER,
    SERVICE_PROVIDER,
    SUSPENDED,
    TARIFF_ACTIVE,
)
from emnify_async.testing._tariff_plan_data import PlanAssignment, TariffPlan, make_tariff_plans

_MASK64 = (1 << 64) - 1
EPOCH_2019 = 1546300800  # 2019-01-01T00:00:00Z
PRODUCTION_STEP = 37  # seconds between production dates of consecutive SIM ids
FOREIGN_ORG_ID = 999
ESIM_EVERY, ESIM_FIRST = 20, 7
"""SIMs ``7, 27, 47, ...`` are eSIMs (model ``ESIM_MODEL``), whatever the seed."""


def mix(seed: int, value: int, salt: int = 0) -> int:
    """A 64-bit hash of ``(seed, value, salt)``; the source of every derived field.

    CPython's tuple hash (xxHash-style mixing; integers hash to themselves) is fast and does not
    depend on PYTHONHASHSEED, so the data is reproducible for a seed on 64-bit CPython.
    """
    return hash((seed, value, salt)) & _MASK64


@lru_cache(maxsize=8192)
def _day(days_since_epoch: int) -> str:
    return (dt.date(1970, 1, 1) + dt.timedelta(days=days_since_epoch)).isoformat()


_HOURS_MINUTES = tuple(f"{m // 60:02d}:{m % 60:02d}" for m in range(1440))
_SECONDS = tuple(f"{s:02d}" for s in range(60))


def format_ts(ts: int, zulu: bool = False) -> str:
    """``2019-08-01T11:49:46.000+0000`` (or ``...000Z`` with ``zulu``) for a Unix time."""
    days, secs = divmod(ts, 86400)
    minutes, seconds = divmod(secs, 60)
    suffix = "Z" if zulu else "+0000"
    return f"{_day(days)}T{_HOURS_MINUTES[minutes]}:{_SECONDS[seconds]}.000{suffix}"


@dataclass
class Organisation:
    """An organisation: what the SIM resource nests, plus its details and billing set-up."""

    id: int
    name: str
    type_id: int
    country_id: int
    parent_id: int | None = None
    status_id: int = ORG_ENABLED
    class_id: int = COMMERCIAL
    currency_id: int = 1
    prepaid: bool = False
    monthly_cost_limit: float | None = None
    created_ts: int = EPOCH_2019

    @property
    def is_enterprise(self) -> bool:
        """Enterprises are customers only: no tariff API, no child organisations of their own."""
        return self.type_id == ENTERPRISE


def make_organisations(seed: int) -> tuple[int, dict[int, Organisation]]:
    """The parent organisation (the tokens' organisation), its children and a foreign one.

    102 is commercial with a cost limit, 103 a prepaid organisation in evaluation, 104 is
    suspended; the reseller 105 has two tariffs (see :func:`make_billing`).
    """
    parent = Organisation(
        101, f"Emulated Service Provider {seed}", SERVICE_PROVIDER, 74, created_ts=1469693458
    )
    orgs = [
        parent,
        Organisation(
            102, "Acme Logistics GmbH", ENTERPRISE, 74, parent.id, monthly_cost_limit=2000
        ),
        Organisation(
            103, "Nordic Metering AB", ENTERPRISE, 195, parent.id, class_id=EVALUATION, prepaid=True
        ),
        Organisation(104, "Fleetwise Ltd", ENTERPRISE, 205, parent.id, status_id=ORG_SUSPENDED),
        Organisation(105, "Partner Reseller BV", RESELLER, 150, parent.id),
        Organisation(FOREIGN_ORG_ID, "Somebody Else Inc", ENTERPRISE, 205),
    ]
    for org in orgs[1:]:
        org.created_ts = EPOCH_2019 + mix(seed, org.id, 40) % (365 * 86400)
    return parent.id, {org.id: org for org in orgs}


def _column(seed: int, name: str, values: list[int], weights: list[int], n: int) -> list[int]:
    # One generator per column keeps SIM k's values independent of the total SIM count.
    return random.Random(f"{seed}:{name}").choices(values, weights=weights, k=n)


@dataclass
class SimTable:
    """Mutable per-SIM columns; index ``sim_id - 1``. ``owner`` 0 means unassigned/deleted."""

    status: array[int]
    owner: array[int]
    issuer_org: array[int]
    reseller_org: array[int]
    customer_org: array[int]
    endpoint: array[int]
    model: array[int]

    def __len__(self) -> int:
        return len(self.status)

    def extend(self, count: int, owner: int, issuer: int, status: int, model: int) -> range:
        """Append ``count`` SIMs; returns their ids."""
        first = len(self) + 1
        self.status.extend([status] * count)
        self.owner.extend([owner] * count)
        self.issuer_org.extend([issuer] * count)
        self.reseller_org.extend([0] * count)
        self.customer_org.extend([owner] * count)
        self.endpoint.extend([0] * count)
        self.model.extend([model] * count)
        return range(first, first + count)


def generate_sims(seed: int, count: int, parent: int, children: list[int]) -> SimTable:
    """``count`` SIMs owned and issued by ``parent``, ids 1..count."""
    status = _column(
        seed, "status", [ACTIVATED, ISSUED, SUSPENDED, FACTORY_TEST], [80, 8, 8, 4], count
    )
    # A tenth stays with the parent itself: an assigned SIM always names a customer, and no
    # reseller is seeded, as no recorded SIM carries one.
    customer = _column(seed, "customer", [*children, parent], [45, 30, 15, 10], count)
    model = _column(seed, "model", [1, 8, 9, 10], [10, 40, 40, 10], count)
    esims = range(ESIM_FIRST - 1, count, ESIM_EVERY)
    model[esims.start : esims.stop : esims.step] = [ESIM_MODEL] * len(esims)
    wants_endpoint = random.Random(f"{seed}:endpoint").choices([1, 0], weights=[75, 25], k=count)
    endpoint = [0] * count
    next_endpoint = 1
    for index in range(count):
        if wants_endpoint[index] and status[index] in (ACTIVATED, SUSPENDED):
            endpoint[index] = next_endpoint
            next_endpoint += 1
    return SimTable(
        status=array("b", status),
        owner=array("i", [parent]) * count,
        issuer_org=array("i", [parent]) * count,
        reseller_org=array("i", [0]) * count,
        customer_org=array("i", customer),
        endpoint=array("i", endpoint),
        model=array("b", model),
    )


def production_ts(sim_id: int, seed: int) -> int:
    # Strictly increasing in sim_id, so sorting by production_date equals sorting by id.
    return EPOCH_2019 + sim_id * PRODUCTION_STEP + mix(seed, sim_id, 1) % PRODUCTION_STEP


def activation_ts(sim_id: int, seed: int) -> int:
    return (
        production_ts(sim_id, seed)
        + 86400 * (1 + mix(seed, sim_id, 2) % 200)
        + (mix(seed, sim_id, 3) % 86400)
    )


def iccid(sim_id: int) -> str:
    """19-digit ICCID; increasing with the id."""
    return f"8988303{sim_id:012d}"


def luhn_digit(digits: str) -> str:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def imsi(sim_id: int) -> str:
    return f"295050{sim_id:09d}"


def msisdn(sim_id: int) -> str:
    """15 digits, like the recorded ``423663999900095``."""
    return f"423663{sim_id:09d}"


def imei(endpoint_id: int, seed: int) -> str:
    return f"35{mix(seed, endpoint_id, 4) % 10**13:013d}"


def ip_address(endpoint_id: int) -> str:
    return f"10.{(endpoint_id >> 16) & 255}.{(endpoint_id >> 8) & 255}.{endpoint_id & 255}"


@dataclass
class SimBatch:
    """A SIM batch that can be validated and registered by its BIC."""

    id: int
    bic: str
    bsn: str
    sim_ids: list[int]
    model_id: int
    registered: bool = False
    activated_ts: int = EPOCH_2019
    extra: dict[str, str] = field(default_factory=dict)


def _bic(rng: random.Random) -> str:
    return "".join(rng.choices("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", k=16))


def make_batches(seed: int, table: SimTable, parent: int, seeded: int) -> list[SimBatch]:
    """Two registrable batches, one already registered, one holding another org's SIMs."""
    rng = random.Random(f"{seed}:batches")
    batches: list[SimBatch] = []
    layouts = [("free", 5), ("free", 3), ("registered", min(5, seeded)), ("foreign", 4)]
    for number, (kind, size) in enumerate(layouts):
        if kind == "registered":
            ids = list(range(1, size + 1))
        elif kind == "foreign":
            ids = list(table.extend(size, FOREIGN_ORG_ID, FOREIGN_ORG_ID, ACTIVATED, 9))
        else:
            ids = list(table.extend(size, 0, parent, ISSUED, 9))
        batches.append(
            SimBatch(
                id=164391 + number,
                bic=_bic(rng),
                bsn=f"02050000002{rng.randrange(10**5):05d}",
                sim_ids=ids,
                model_id=9,
                registered=kind == "registered",
                activated_ts=EPOCH_2019 + rng.randrange(2 * 365 * 86400),
            )
        )
    return batches


# --- billing: tariffs, ratezones, inclusive volumes -----------------------------------------


@dataclass
class Ratezone:
    id: int
    name: str
    status_id: int = RATEZONE_ACTIVE
    operators: tuple[int, ...] = ()
    """The operators the ratezone covers: a tariff profile's coverage is their countries."""


@dataclass
class Tariff:
    """A tariff owned (sold) by ``owner_id``; rates in its currency."""

    id: int
    owner_id: int
    name: str
    currency_id: int
    public: bool
    status_id: int = TARIFF_ACTIVE
    description: str | None = None
    created_ts: int = EPOCH_2019
    rates: dict[str, float] = field(default_factory=dict)
    data_blocksize_id: int = 10
    data_throttle_id: int | None = None
    tariff_category: int | None = None
    ratezones: list[Ratezone] = field(default_factory=list)
    pdp_contexts: list[dict[str, object]] = field(default_factory=list)


@dataclass(frozen=True)
class VolumeOffer:
    """A ratezone inclusive volume (``GET /tariff/{id}/ratezone/{id}/inclusive_volume``)."""

    id: int
    tariff_id: int
    ratezone_id: int
    volume: float
    rate: float


@dataclass
class OrgVolume:
    """An inclusive volume assigned to an organisation; ``end`` ``None`` runs indefinitely."""

    id: int
    org_id: int
    tariff_id: int
    ratezone_id: int
    volume: float
    rate: float
    currency_id: int
    pooled: bool
    start: dt.date
    end: dt.date | None = None
    expired: bool = False


@dataclass
class TariffProfile:
    id: int
    org_id: int
    tariff_id: int
    """The tariff sold to ``org_id`` (``UPSTREAM_TARIFF`` for the parent organisation's own)."""
    name: str = ""
    description: str | None = None
    ratezones: set[int] = field(default_factory=set)
    """The selected ratezones of the tariff (where its endpoints may roam)."""
    volume_id: int | None = None
    """The organisation inclusive volume assigned to the profile, if any."""
    blocked_operators: set[int] = field(default_factory=set)
    """Operators blocked completely (the v2 operator blocklist, newer docs)."""
    blocked_rat_types: dict[int, set[int]] = field(default_factory=dict)
    """Operator id -> the RAT types blocked on their own (kept when the operator is blocked
    or unblocked completely)."""


UPSTREAM_TARIFF = 54
"""The tariff the parent organisation buys from emnify itself, owned by ``UPSTREAM_OWNER``
(id, name and owner as in the spec's tariff profile example)."""
UPSTREAM_OWNER = 2
"""emnify's own organisation (not emulated; the spec's tariff profile example shows it)."""


RATE_FIELDS = (
    "default_sms_mt_rate",
    "default_sms_mo_rate",
    "sim_issued_rate",
    "sim_activated_rate",
    "sim_suspended_rate",
    "sim_activation_rate",
    "sim_reactivation_rate",
    "sim_suspension_rate",
    "sim_termination_rate",
)


def _rates(base: float) -> dict[str, float]:
    steps = (0.09, 0.05, 0.1, 1.5, 0.3, 0.6, 0.8, 0.7, 0.5)
    return {name: round(base * step, 4) for name, step in zip(RATE_FIELDS, steps, strict=True)}


@dataclass
class BillingSeed:
    tariffs: list[Tariff]
    offers: list[VolumeOffer]
    assignments: dict[int, list[int]]
    profiles: list[TariffProfile]
    volumes: list[OrgVolume]
    plans: list[TariffPlan]
    plan_assignments: list[PlanAssignment]


# The operators each ratezone covers (ids of ``_operators``): DE 2, 3, 4; UK 5; SE 7; NL 8;
# AL 24; AF 552, 553, 942.
_EUROPE = (2, 3, 4, 5, 7, 8)
_REST_OF_WORLD = (24, 552, 553, 942)


def make_billing(parent: int, today: dt.date) -> BillingSeed:
    """Tariffs of the parent (1 public, 2 private, 3 USD, 4 inactive, 5 unused) and one foreign,
    and the upstream tariff 54 the parent itself buys (ratezones 1, 2 and the inactive 3).

    Tariff 54 is assigned to the parent, 1 to 102, 103 and 105, tariff 2 to 104 and 105; tariffs
    54, 1 and 2 are used by tariff profiles. 102 and 104 have an active inclusive volume, 102
    also a future one, and the parent a future one on its upstream tariff; profile 11 has
    volume 501 assigned.
    """
    pdp = [
        {"id": 32, "apn": "em", "default": True},
        {"id": 33, "apn": "internet", "default": False},
    ]
    tariffs = [
        Tariff(
            UPSTREAM_TARIFF,
            UPSTREAM_OWNER,
            "Professional",
            1,
            False,
            description="Tariff Plan Professional",
            # sim_activated_rate 1.5: what the parent's statistics charge per active SIM
            rates=_rates(1.0),
            data_blocksize_id=11,
            ratezones=[
                Ratezone(1, "Europe", operators=_EUROPE),
                Ratezone(2, "Rest of World", operators=_REST_OF_WORLD),
                Ratezone(3, "Satellite", status_id=2),
            ],
        ),
        Tariff(
            1,
            parent,
            "M2M Europe",
            1,
            True,
            description="M2M Europe: Data+SMS",
            rates=_rates(1.0),
            ratezones=[
                Ratezone(11, "Europe Zone 1", operators=(2, 3, 4, 8)),
                Ratezone(12, "Global Zone 2", operators=(5, 7, *_REST_OF_WORLD)),
            ],
            pdp_contexts=pdp,
        ),
        Tariff(
            2,
            parent,
            "M2M Global (private)",
            1,
            False,
            rates=_rates(1.2),
            data_throttle_id=9,
            ratezones=[
                Ratezone(21, "Europe", operators=_EUROPE),
                Ratezone(22, "World", status_id=2, operators=_REST_OF_WORLD),
            ],
        ),
        Tariff(
            3,
            parent,
            "M2M Americas",
            2,
            True,
            rates=_rates(1.1),
            ratezones=[Ratezone(31, "Americas")],
        ),
        Tariff(
            4,
            parent,
            "Legacy Europe",
            1,
            True,
            status_id=2,
            rates=_rates(0.8),
            ratezones=[Ratezone(41, "Legacy Zone", operators=(3, 4))],
        ),
        Tariff(
            5,
            parent,
            "IoT Starter",
            1,
            True,
            rates=_rates(0.5),
            ratezones=[Ratezone(51, "Starter Zone", operators=(3,))],
        ),
        Tariff(
            9,
            FOREIGN_ORG_ID,
            "Someone Else's Tariff",
            1,
            True,
            rates=_rates(1.0),
            ratezones=[Ratezone(91, "Elsewhere", operators=(5,))],
        ),
    ]
    for tariff in tariffs:
        tariff.created_ts = EPOCH_2019 - 86400 * (400 - 37 * tariff.id)
    offers = [
        VolumeOffer(1101, 1, 11, 100.0, 5.0),
        VolumeOffer(1102, 1, 11, 500.0, 15.0),
        VolumeOffer(1201, 1, 12, 50.0, 9.0),
        VolumeOffer(2101, 2, 21, 100.0, 6.0),
        VolumeOffer(2201, 2, 22, 1000.0, 40.0),
        VolumeOffer(3101, 3, 31, 100.0, 7.0),
        VolumeOffer(5101, 5, 51, 250.0, 8.0),
        VolumeOffer(9101, 9, 91, 100.0, 5.0),
    ]
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    volumes = [
        OrgVolume(501, 102, 1, 11, 100.0, 5.0, 1, True, dt.date(2024, 1, 1)),
        OrgVolume(502, 104, 2, 21, 100.0, 6.0, 1, False, dt.date(2024, 6, 1)),
        OrgVolume(503, 102, 1, 12, 50.0, 9.0, 1, True, next_month),
        OrgVolume(504, parent, UPSTREAM_TARIFF, 1, 1000.0, 20.0, 1, True, next_month),
    ]
    plans, plan_assignments = make_tariff_plans(parent, FOREIGN_ORG_ID, today)
    return BillingSeed(
        tariffs=tariffs,
        offers=offers,
        assignments={
            parent: [UPSTREAM_TARIFF],
            102: [1],
            103: [1],
            104: [2],
            105: [1, 2],
            FOREIGN_ORG_ID: [9],
        },
        profiles=[
            TariffProfile(1, parent, UPSTREAM_TARIFF, "Standard Europe", None, {1}),
            TariffProfile(2, parent, UPSTREAM_TARIFF, "Global Roaming", "Worldwide", {1, 2}),
            TariffProfile(11, 102, 1, "Acme Europe", "Trucks in the EU", {11}, volume_id=501),
            TariffProfile(12, 103, 1, "Nordic Metering", "Smart meters", {11, 12}),
            TariffProfile(13, 104, 2, "Fleetwise Global", "All vehicles", {21}),
            TariffProfile(99, FOREIGN_ORG_ID, 9, "Elsewhere", None, {91}),
        ],
        volumes=volumes,
        plans=plans,
        plan_assignments=plan_assignments,
    )
