"""CloudConnect attachments (breakouts into customers' AWS networks) and their lookups.

An attachment's status follows the clock (see docs/emulator.md, "CloudConnect"):

- a VPN (types 2, 3) is Pending AWS Activation for a minute, then Pending EGN and Pending CRG
  Activation for a minute each, and Active three minutes after it was created;
- a Transit Gateway (type 1) waits in Pending AWS Activation for the customer to attach their
  VPC (:meth:`CloudConnectStore.customer_attached`, the stand-in for their AWS account); the
  offer expires after 7 days and can then be retried. Once attached it passes through the
  same two activation steps and is Active two minutes later;
- a deleted attachment is Deactivation Pending for a minute, then Deactivated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._render import EventKind
from emnify_async.testing._stores.events import EventStore
from emnify_async.testing._stores.organisations import Organisations

STATUSES: dict[int, str] = {
    1: "Pending Customer Action",
    2: "Pending AWS Activation",
    3: "Pending EGN Activation",
    4: "Pending CRG Activation",
    5: "Active",
    6: "Deactivation Pending",
    7: "Deactivated",
    8: "Rolling Back",
}
PENDING_AWS, PENDING_EGN, PENDING_CRG, ACTIVE, DEACTIVATING, DEACTIVATED, ROLLING_BACK = range(2, 9)
TYPES: dict[int, str] = {
    1: "Transit Gateway",
    2: "IPSec VPN",
    3: "IPSec VPN BGP",
    4: "IPSec VPN BGP High Availability",
    5: "Direct Connect",
    6: "Shared",
    7: "Transit Gateway (Classic)",
    8: "IPSec VPN (Classic)",
}
TGW, VPN, VPN_BGP, VPN_BGP_HA = 1, 2, 3, 4
BREAKOUT_TYPES = (1, 2, 3, 4, 5, 6)
"""The types ``GET /api/v1/cnc/breakout_type`` lists (as its example); 7 and 8 are legacy."""
CLASSIC = frozenset({7, 8})
TGW_TYPES = frozenset({TGW, 7})
TUNNEL_TYPES = frozenset({VPN, VPN_BGP, VPN_BGP_HA})
"""Active attachments of these types show their tunnels."""

STEP_SECONDS = 60
"""Each activation step, and the deactivation, takes a minute."""
ACCEPT_SECONDS = 7 * 86400
"""How long a Transit Gateway offer can be accepted ("7 days after creation")."""
STATIC_ASN = 65000
"""The ASN AWS gives the customer side of a static VPN."""
SAMPLE_SECONDS = 300
SAMPLES = 12

# (attachment region, device breakout region or None) per breakout type.
_EU, _EU_PEERED = ("eu-west-1", None), ("eu-central-1", "eu-west-1")
AVAILABLE_REGIONS: dict[int, tuple[tuple[str, str | None], ...]] = {
    TGW: (
        _EU,
        _EU_PEERED,
        ("eu-west-2", "eu-west-1"),
        ("us-east-1", None),
        ("us-west-2", "us-east-1"),
        ("ap-southeast-1", None),
    ),
    VPN: (_EU, ("eu-west-2", "eu-west-1"), ("us-east-1", None), ("ap-southeast-1", None)),
    VPN_BGP: (_EU, ("eu-west-2", "eu-west-1"), ("us-east-1", None), ("ap-southeast-1", None)),
    VPN_BGP_HA: (_EU,),
    5: (_EU, ("us-east-1", None)),
    6: (_EU,),
}

# Monthly prices an organisation set for its child organisations: (id, type, currency, amount).
PRICES: dict[int, tuple[tuple[int, int, int, float], ...]] = {
    101: ((6, TGW, 1, 200.0), (7, VPN, 1, 150.0), (8, VPN_BGP, 1, 175.0), (9, TGW, 2, 220.0)),
}

# Kinds of the events the API records: (type, source API, severity Info, description).
_SHARE_CREATED = 22
_TGW_TERMINATED, _VPN_TERMINATED = 25, 26


@dataclass
class Attachment:
    id: int
    org_id: int
    user_id: int
    type_id: int
    name: str
    region: str
    created_ts: int
    customer_cidr: list[str]
    description: str | None = None
    aws_account_id: str | None = None
    offered_ts: int = 0
    """Transit Gateways: when the offer to the customer's account was last made."""
    attached_ts: int | None = None
    """Transit Gateways: when the customer attached their VPC."""
    public_ip: str | None = None
    psk: str | None = None
    asn: int | None = None
    inside_cidr: list[str] = field(default_factory=list)
    deleted_ts: int | None = None


def _hex(seed: int, *parts: object, length: int = 17) -> str:
    return hashlib.sha256(":".join(map(str, (seed, *parts))).encode()).hexdigest()[:length]


def _sample_key(ts: int) -> str:
    # JavaScript's Date#toString, as the recorded metrics keys read.
    when = dt.datetime.fromtimestamp(ts, dt.timezone.utc)
    return when.strftime("%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)")


class CloudConnectStore:
    """Attachments by id; who may see them; their status at the clock's time."""

    def __init__(
        self,
        seed: int,
        orgs: Organisations,
        events: EventStore,
        render_event: Callable[..., JsonObj],
        clock: Clock,
        on_change: Callable[[], None],
    ) -> None:
        self._seed = seed
        self._orgs = orgs
        self._events = events
        self._render_event = render_event
        self._clock = clock
        self._on_change = on_change
        self.attachments: dict[int, Attachment] = {a.id: a for a in _seeded(seed)}
        self._next_id = max(self.attachments) + 1

    def now(self) -> int:
        return int(self._clock())

    # --- reads ----------------------------------------------------------------------------------

    def visible_orgs(self, caller_id: int) -> list[int]:
        """The caller's own attachments, and a master organisation's children's."""
        if self._orgs[caller_id].is_enterprise:
            return [caller_id]
        return self._orgs.family(caller_id)

    def visible(self, caller_id: int, attachment_id: int) -> Attachment | None:
        attachment = self.attachments.get(attachment_id)
        if attachment is None or attachment.org_id not in self.visible_orgs(caller_id):
            return None
        return attachment

    def listed(self, org_ids: list[int]) -> list[Attachment]:
        return [a for a in self.attachments.values() if a.org_id in org_ids]

    def status(self, attachment: Attachment) -> int:
        now = self.now()
        if attachment.deleted_ts is not None:
            return DEACTIVATING if now < attachment.deleted_ts + STEP_SECONDS else DEACTIVATED
        if attachment.type_id in TGW_TYPES:
            if attachment.attached_ts is None:
                return PENDING_AWS
            steps = (now - attachment.attached_ts) // STEP_SECONDS
            return min(PENDING_EGN + max(steps, 0), ACTIVE)
        steps = (now - attachment.created_ts) // STEP_SECONDS
        return min(PENDING_AWS + max(steps, 0), ACTIVE)

    def offer_expired(self, attachment: Attachment) -> bool:
        """Whether a Transit Gateway's offer went unaccepted for 7 days."""
        return self.now() >= attachment.offered_ts + ACCEPT_SECONDS

    # --- writes ---------------------------------------------------------------------------------

    def create(self, attachment: Attachment) -> Attachment:
        """Store ``attachment`` under a new id (its ``id`` is ignored)."""
        attachment.id = self._next_id
        self._next_id += 1
        self.attachments[attachment.id] = attachment
        if attachment.type_id == TGW:
            self._event(
                attachment,
                _SHARE_CREATED,
                f"Resource share of the CloudConnect Transit Gateway for '{attachment.name}' "
                "created.",
            )
        self._on_change()
        return attachment

    def delete(self, attachment: Attachment) -> None:
        if attachment.deleted_ts is not None:
            return  # deactivation is pending already
        attachment.deleted_ts = self.now()
        kind = _TGW_TERMINATED if attachment.type_id in TGW_TYPES else _VPN_TERMINATED
        self._event(attachment, kind, f"CloudConnect breakout '{attachment.name}' terminated.")
        self._on_change()

    def retry(self, attachment: Attachment) -> None:
        """Offer a Transit Gateway to the customer's account again, for another 7 days."""
        attachment.offered_ts = self.now()
        self._on_change()

    def customer_attached(self, attachment_id: int) -> None:
        """The customer attached their VPC in AWS: the Transit Gateway proceeds to activation.

        A test hook (the emulator cannot see the customer's AWS account).
        """
        attachment = self.attachments[attachment_id]
        if attachment.type_id not in TGW_TYPES or self.status(attachment) != PENDING_AWS:
            raise ValueError(f"attachment {attachment_id} is no Transit Gateway waiting for one")
        if self.offer_expired(attachment):
            raise ValueError(f"the offer of attachment {attachment_id} expired: retry it first")
        attachment.attached_ts = self.now()
        self._on_change()

    def _event(self, attachment: Attachment, type_id: int, text: str) -> None:
        kind: EventKind = (type_id, 2, 0, text.replace("{", "{{").replace("}", "}}"))
        event = self._render_event(
            self._events.new_id(), None, self.now(), kind, org_id=attachment.org_id
        )
        self._events.add(event)

    # --- answers --------------------------------------------------------------------------------

    def render(self, attachment: Attachment, *, details: bool) -> JsonObj:
        """The attachment as the list (``details=False``) or ``GET .../{id}`` shows it."""
        status = self.status(attachment)
        out: JsonObj = {"id": attachment.id, "name": attachment.name}
        if attachment.description is not None:
            out["description"] = attachment.description
        out["organisation_id"] = attachment.org_id
        out["user_id"] = attachment.user_id
        out["creation_date"] = d.format_ts(attachment.created_ts, zulu=True)
        if attachment.type_id == TGW and status == PENDING_AWS:
            expiry = attachment.offered_ts + ACCEPT_SECONDS
            out["accept_attachment_expiry_date"] = d.format_ts(expiry, zulu=True)
        if attachment.deleted_ts is not None:
            out["termination_date"] = d.format_ts(attachment.deleted_ts, zulu=True)
        elif details:
            out["termination_date"] = None
        if attachment.type_id not in TGW_TYPES or attachment.attached_ts is not None:
            out["aws_transit_gateway_attachment_id"] = (
                f"tgw-attach-{_hex(self._seed, attachment.id, 'tgw')}"
            )
        if attachment.type_id not in TGW_TYPES:
            out["aws_vpn_connection_id"] = f"vpn-{_hex(self._seed, attachment.id, 'vpn')}"
        out["status"] = {"id": status, "description": STATUSES[status]}
        out["type"] = {"id": attachment.type_id, "description": TYPES[attachment.type_id]}
        out["region"] = attachment.region
        if details:
            if attachment.type_id in TUNNEL_TYPES and status == ACTIVE:
                out["tunnel_information"] = [self._tunnel(attachment, n) for n in (0, 1)]
            out["customer_cidr"] = list(attachment.customer_cidr)
        return out

    def _tunnel(self, attachment: Attachment, index: int) -> JsonObj:
        h = d.mix(self._seed, attachment.id, 900 + index)
        if index < len(attachment.inside_cidr):
            inside = attachment.inside_cidr[index]
        else:
            inside = f"169.254.{10 + (h >> 8) % 240}.{(h % 64) * 4}/30"
        up = attachment.type_id != VPN or index == 0  # a static VPN uses its first tunnel
        end = self.now() // SAMPLE_SECONDS * SAMPLE_SECONDS
        times = [end - SAMPLE_SECONDS * (SAMPLES - 1 - n) for n in range(SAMPLES)]

        def samples(salt: int, base: int) -> dict[str, int]:
            return {
                _sample_key(ts): base + d.mix(self._seed, ts, salt + h % 1000) % base if up else 0
                for ts in times
            }

        return {
            "outside_address": f"3.248.{(h >> 16) % 256}.{(h >> 24) % 254 + 1}",
            "inside_cidr": inside,
            "psk": attachment.psk,
            "metrics": {
                "tunnel_state": "up" if up else "down",
                "bytes_in": samples(1, 210),
                "bytes_out": samples(2, 1394),
            },
            "asn": attachment.asn if attachment.asn is not None else STATIC_ASN,
            "public_ip": attachment.public_ip,
        }

    def prices(self, org_id: int) -> list[JsonObj]:
        """An enterprise's applicable prices (its parent's, in its currency); a master
        organisation's own for its children."""
        org = self._orgs[org_id]
        if org.is_enterprise:
            configured = PRICES.get(org.parent_id or 0, ())
            configured = tuple(p for p in configured if p[2] == org.currency_id)
        else:
            configured = PRICES.get(org.id, ())
        return [
            {"id": pid, "breakout_type_id": type_id, "currency": {"id": cur}, "amount": amount}
            for pid, type_id, cur, amount in configured
        ]

    def generated_psk(self, attachment_id: int) -> str:
        """A pre-shared key as AWS generates one (never starting with 0)."""
        return "k" + _hex(self._seed, attachment_id, "psk", length=31)


def _seeded(seed: int) -> list[Attachment]:
    """The enterprise 102's attachments (the spec's example ids), and one of 999."""
    created = d.EPOCH_2019 + 293 * 86400  # 2019-10-21
    vpn = Attachment(
        75,
        102,
        4711,
        VPN_BGP,
        "Attachment to StrongSwan",
        "eu-west-2",
        created + 37142,
        ["172.25.3.0/24"],
        public_ip="3.9.30.167",
        asn=65000,
    )
    vpn.psk = "k" + _hex(seed, vpn.id, "psk", length=31)
    tgw = Attachment(
        104,
        102,
        4711,
        TGW,
        "Attachment to VPC",
        "eu-west-1",
        created + 86400 + 28766,
        ["172.16.1.0/24"],
        aws_account_id="394759813210",
    )
    tgw.offered_ts = tgw.created_ts
    tgw.attached_ts = tgw.created_ts + 3600
    classic = Attachment(
        110, 102, 4711, 7, "Legacy gateway", "eu-west-1", created - 200 * 86400, ["10.20.0.0/16"]
    )
    classic.offered_ts = classic.created_ts
    classic.attached_ts = classic.created_ts
    foreign = Attachment(
        120, d.FOREIGN_ORG_ID, 4711, VPN, "Not yours", "eu-west-1", created, ["192.168.0.0/24"]
    )
    foreign.public_ip = "35.178.143.27"
    foreign.psk = "k" + _hex(seed, foreign.id, "psk", length=31)
    return [vpn, tgw, classic, foreign]
