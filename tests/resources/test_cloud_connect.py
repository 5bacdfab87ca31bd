"""`client.cloud_connect` over real HTTP against the emulator, on a pinned clock."""

from __future__ import annotations

import datetime
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from emnify_async import (
    AsyncEmnify,
    CloudConnectAttachment,
    CloudConnectPrice,
    CloudConnectRegion,
    CloudConnectStatusId,
    CloudConnectTypeId,
    EmnifyError,
    InputError,
    NotFoundError,
    PermissionDeniedError,
    Secret,
    Status,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing.pytest_plugin import EmulatorFactory

from ..conftest import FAST_RETRY

NOW = "2026-03-14T12:00:00Z"
START = datetime.datetime.fromisoformat(NOW.replace("Z", "+00:00"))
BREAKOUT = "/api/v1/cnc/breakout"
TGW = {
    "name": "to my VPC",
    "vpc_cidr": ["172.16.1.0/24"],
    "region": "eu-west-1",
    "aws_account_id": "394759813210",
}
VPN = {"name": "to my office", "public_ip": "35.178.143.27", "on_prem_cidr": ["172.25.24.0/22"]}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
async def emnify_emulator(emnify_emulator_factory: EmulatorFactory, clock: ManualClock) -> Emulator:
    """A small emulator whose clock only moves when a test moves it."""
    return await emnify_emulator_factory(seed=0, sims=20, clock=clock)


@pytest.fixture
async def enterprise(emnify_emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client of the enterprise 102, which has the seeded attachments 75, 104 and 110."""
    async with AsyncEmnify(
        emnify_emulator.application_token_for(102),
        base_url=emnify_emulator.base_url,
        retry=FAST_RETRY,
        rate_limits=False,
    ) as api:
        yield api


def _status(attachment: CloudConnectAttachment) -> CloudConnectStatusId:
    assert attachment.status is not None and attachment.status.id is not None
    return CloudConnectStatusId(attachment.status.id)


def _last_body(emu: Emulator) -> Any:
    return json.loads(emu.requests[-1].body)


class TestRead:
    async def test_list_of_an_enterprise(self, enterprise: AsyncEmnify) -> None:
        """An enterprise lists its own attachments, typed, in one request."""
        attachments = await enterprise.cloud_connect.list()

        assert [a.id for a in attachments] == [75, 104, 110]
        vpn = attachments[0]
        assert vpn.type == Status(id=3, description="IPSec VPN BGP")
        assert _status(vpn) is CloudConnectStatusId.ACTIVE
        assert vpn.region == "eu-west-2"
        assert vpn.aws_vpn_connection_id is not None and vpn.aws_vpn_connection_id[:4] == "vpn-"
        assert vpn.creation_date == datetime.datetime(
            2019, 10, 21, 10, 19, 2, tzinfo=datetime.timezone.utc
        )
        assert vpn.tunnel_information == []  # details only

    async def test_a_master_lists_its_childrens(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The parent sees its children's attachments and can pick one child; others: 403."""
        assert [a.organisation_id for a in await client.cloud_connect.list()] == [102] * 3

        assert len(await client.cloud_connect.list(102)) == 3
        assert emnify_emulator.requests[-1].query == {"organisation": "102"}
        with pytest.raises(PermissionDeniedError):
            await client.cloud_connect.list(999)

    async def test_filters(self, enterprise: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """Status and type filters are sent as their ids."""
        gateways = await enterprise.cloud_connect.list(
            status=CloudConnectStatusId.ACTIVE, type=CloudConnectTypeId.TRANSIT_GATEWAY
        )

        assert emnify_emulator.requests[-1].query == {"status": "5", "type": "1"}
        assert [a.id for a in gateways] == [104]

    async def test_details_of_an_active_vpn(self, enterprise: AsyncEmnify) -> None:
        """Networks and the two tunnels with their last hour; the PSK is a masked Secret."""
        attachment = await enterprise.cloud_connect.get(75)

        assert attachment.customer_cidr == ["172.25.3.0/24"]
        assert attachment.termination_date is None
        first, second = attachment.tunnel_information
        assert first.public_ip == "3.9.30.167" and first.asn == 65000
        assert first.metrics is not None and first.metrics.tunnel_state == "up"
        assert first.metrics.bytes_in is not None and len(first.metrics.bytes_in) == 12
        assert "Sat Mar 14 2026 12:00:00 GMT+0000" in next(reversed(first.metrics.bytes_in))
        assert isinstance(first.psk, Secret) and first.psk == second.psk
        secret = first.psk.get_secret_value()
        assert len(secret) == 32
        assert secret not in repr(attachment) and secret not in str(attachment)
        assert "Secret('********')" in repr(attachment)

    async def test_another_organisations_attachment_is_missing(
        self, enterprise: AsyncEmnify
    ) -> None:
        """999's attachment 120 answers like an unknown one."""
        for attachment_id in (120, 4711):
            with pytest.raises(NotFoundError) as caught:
                await enterprise.cloud_connect.get(attachment_id)
            assert caught.value.error_token == "NotFound"

    @pytest.mark.parametrize(
        "call",
        [
            pytest.param(lambda cc: cc.list(status=9), id="status"),
            pytest.param(lambda cc: cc.list(type=0), id="type"),
            pytest.param(lambda cc: cc.list("102"), id="org"),
            pytest.param(lambda cc: cc.get(0), id="id"),
            pytest.param(lambda cc: cc.available_regions(-1), id="breakout_type"),
            pytest.param(lambda cc: cc.regions(type=True), id="regions"),
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, call: Any
    ) -> None:
        """Ids and filters are checked before anything is sent."""
        with pytest.raises(InputError):
            await call(client.cloud_connect)

        assert emnify_emulator.requests == []


class TestLookups:
    async def test_breakout_types_and_regions(self, enterprise: AsyncEmnify) -> None:
        """Types 1-6; where each can be created, and where its traffic is peered to."""
        types = await enterprise.cloud_connect.breakout_types()
        regions = await enterprise.cloud_connect.available_regions(
            CloudConnectTypeId.TRANSIT_GATEWAY
        )
        vpn_regions = await enterprise.cloud_connect.regions(type=CloudConnectTypeId.IPSEC_VPN)

        assert [t.id for t in types] == [1, 2, 3, 4, 5, 6]
        assert types[0].description == "Transit Gateway"
        assert CloudConnectRegion(attachment_region="eu-west-1") in regions
        assert (
            CloudConnectRegion(attachment_region="eu-central-1", device_breakout_region="eu-west-1")
            in regions
        )
        assert "eu-central-1" not in {r.attachment_region for r in vpn_regions}

    async def test_unknown_breakout_type(self, enterprise: AsyncEmnify) -> None:
        """Regions of a type that does not exist: 404."""
        with pytest.raises(NotFoundError):
            await enterprise.cloud_connect.available_regions(9)

    async def test_prices(self, client: AsyncEmnify, enterprise: AsyncEmnify) -> None:
        """An enterprise gets its parent's prices in its currency; the parent every price."""
        applying = await enterprise.cloud_connect.prices()
        configured = await client.cloud_connect.prices()

        assert applying[0] == CloudConnectPrice(
            id=6, breakout_type_id=1, amount=200.0, currency=applying[0].currency
        )
        assert {p.currency.id for p in applying if p.currency} == {1}
        assert [p.id for p in configured] == [6, 7, 8, 9]


class TestTransitGateway:
    async def test_create_sends_the_documented_body(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The type is sent as {"id": 1}, as the spec's examples show; the new id returns."""
        new_id = await enterprise.cloud_connect.create_tgw(**TGW, description="lab")

        assert (emnify_emulator.requests[-1].method, emnify_emulator.requests[-1].path) == (
            "POST",
            BREAKOUT + "/tgw",
        )
        assert _last_body(emnify_emulator) == {"type": {"id": 1}, "description": "lab", **TGW}
        created = await enterprise.cloud_connect.get(new_id)
        assert new_id in [a.id for a in await enterprise.cloud_connect.list()]
        assert _status(created) is CloudConnectStatusId.PENDING_AWS_ACTIVATION
        assert created.accept_attachment_expiry_date == START + datetime.timedelta(days=7)
        assert created.aws_transit_gateway_attachment_id is None

    async def test_becomes_active_once_the_customer_attaches(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator, clock: ManualClock
    ) -> None:
        """Attached in AWS, it is activated step by step, active two minutes later."""
        new_id = await enterprise.cloud_connect.create_tgw(**TGW)
        emnify_emulator.state.cloud_connect.customer_attached(new_id)

        seen = []
        for _ in range(3):
            seen.append(_status(await enterprise.cloud_connect.get(new_id)))
            clock.advance(60)

        assert seen == [
            CloudConnectStatusId.PENDING_EGN_ACTIVATION,
            CloudConnectStatusId.PENDING_CRG_ACTIVATION,
            CloudConnectStatusId.ACTIVE,
        ]

    async def test_retry_only_after_the_offer_expired(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator, clock: ManualClock
    ) -> None:
        """Before 7 days a retry is refused; after, it offers the gateway for 7 more days."""
        new_id = await enterprise.cloud_connect.create_tgw(**TGW)
        with pytest.raises(UnprocessableEntityError) as caught:
            await enterprise.cloud_connect.retry(new_id)
        assert caught.value.error_token == "NotAllowed"

        clock.advance(8 * 86400)
        async with AsyncEmnify(  # a new login: the first token expired meanwhile
            emnify_emulator.application_token_for(102), base_url=emnify_emulator.base_url
        ) as later:
            await later.cloud_connect.retry(new_id)
            retried = await later.cloud_connect.get(new_id)

        assert emnify_emulator.requests[-2].method == "PATCH"
        assert _status(retried) is CloudConnectStatusId.PENDING_AWS_ACTIVATION
        assert retried.accept_attachment_expiry_date == START + datetime.timedelta(days=15)

    async def test_creation_is_recorded_as_an_event(self, enterprise: AsyncEmnify) -> None:
        """The resource share shows in the organisation's events (type 22)."""
        await enterprise.cloud_connect.create_tgw(**TGW)

        types = [e.event_type.id for e in await enterprise.events.list() if e.event_type]
        assert 22 in types

    async def test_an_unavailable_region_is_refused(self, enterprise: AsyncEmnify) -> None:
        """A well-formed region without CloudConnect: 422 from the API."""
        with pytest.raises(UnprocessableEntityError):
            await enterprise.cloud_connect.create_tgw(**{**TGW, "region": "sa-east-1"})

    @pytest.mark.parametrize(
        "change",
        [
            pytest.param({"aws_account_id": 394759813210}, id="account-as-int"),
            pytest.param({"aws_account_id": "39475981321"}, id="account-11-digits"),
            pytest.param({"region": "Ireland"}, id="region"),
            pytest.param({"vpc_cidr": ["172.16.1.1/24"]}, id="host-bits"),
            pytest.param({"vpc_cidr": ["10.0.0.0/8"] * 4}, id="four-networks"),
            pytest.param({"vpc_cidr": []}, id="no-network"),
            pytest.param({"vpc_cidr": ["fd00::/64"]}, id="ipv6"),
            pytest.param({"name": " "}, id="blank-name"),
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator, change: dict[str, Any]
    ) -> None:
        """Every field is checked before anything is sent."""
        with pytest.raises(InputError):
            await enterprise.cloud_connect.create_tgw(**{**TGW, **change})

        assert emnify_emulator.requests == []

    async def test_one_network_may_be_a_string(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`vpc_cidr="172.16.1.0/24"` is sent as a list of one."""
        await enterprise.cloud_connect.create_tgw(**{**TGW, "vpc_cidr": "172.16.1.0/24"})

        assert _last_body(emnify_emulator)["vpc_cidr"] == ["172.16.1.0/24"]


class TestVpn:
    async def test_static_vpn_becomes_active_in_three_minutes(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator, clock: ManualClock
    ) -> None:
        """Without an ASN it is a static VPN (type 2); its key is generated."""
        new_id = await enterprise.cloud_connect.create_vpn(**VPN)
        assert _last_body(emnify_emulator) == {"type": {"id": 2}, **VPN}

        seen = []
        for _ in range(4):
            seen.append(_status(await enterprise.cloud_connect.get(new_id)))
            clock.advance(60)
        active = await enterprise.cloud_connect.get(new_id)

        assert seen == [
            CloudConnectStatusId.PENDING_AWS_ACTIVATION,
            CloudConnectStatusId.PENDING_EGN_ACTIVATION,
            CloudConnectStatusId.PENDING_CRG_ACTIVATION,
            CloudConnectStatusId.ACTIVE,
        ]
        assert active.type == Status(id=2, description="IPSec VPN")
        assert active.region == "eu-west-1"  # the first available region
        states = [t.metrics.tunnel_state for t in active.tunnel_information if t.metrics]
        assert states == ["up", "down"]

    async def test_dynamic_vpn_with_its_own_key(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator, clock: ManualClock
    ) -> None:
        """An ASN makes it type 3; the key (a str or a Secret) is sent as given."""
        new_id = await enterprise.cloud_connect.create_vpn(
            **VPN,
            region="eu-west-2",
            asn=65010,
            psk=Secret("my.pre_shared.key"),
            inside_cidr=["169.254.10.0/30", "169.254.11.4/30"],
        )
        body = _last_body(emnify_emulator)
        assert body["type"] == {"id": 3}
        assert body["psk"] == "my.pre_shared.key"
        assert body["inside_cidr"] == ["169.254.10.0/30", "169.254.11.4/30"]

        clock.advance(180)
        active = await enterprise.cloud_connect.get(new_id)
        assert [t.inside_cidr for t in active.tunnel_information] == body["inside_cidr"]
        assert {t.asn for t in active.tunnel_information} == {65010}
        assert active.tunnel_information[0].psk == Secret("my.pre_shared.key")

    @pytest.mark.parametrize(
        "change",
        [
            pytest.param({"public_ip": "10.1.2.3"}, id="private-ip"),
            pytest.param({"public_ip": "35.178.143"}, id="not-an-ip"),
            pytest.param({"on_prem_cidr": "172.25.24.0"}, id="no-prefix"),
            pytest.param({"asn": 0}, id="asn-zero"),
            pytest.param({"asn": 2**32}, id="asn-too-big"),
            pytest.param({"inside_cidr": ["169.254.10.0/30"]}, id="inside-without-asn"),
            pytest.param(
                {"asn": 65000, "inside_cidr": ["10.0.0.0/30"]}, id="inside-not-link-local"
            ),
            pytest.param({"asn": 65000, "inside_cidr": ["169.254.10.0/29"]}, id="inside-not-30"),
            pytest.param({"region": "eu_west_1"}, id="region"),
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator, change: dict[str, Any]
    ) -> None:
        """Every field is checked before anything is sent."""
        with pytest.raises(InputError):
            await enterprise.cloud_connect.create_vpn(**{**VPN, **change})

        assert emnify_emulator.requests == []

    @pytest.mark.parametrize("psk", ["short12", "0starts.with.zero", "has-a-dash-in-it", "x" * 65])
    async def test_a_bad_key_is_refused_without_being_shown(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator, psk: str
    ) -> None:
        """The error names the rule, never the key."""
        with pytest.raises(InputError) as caught:
            await enterprise.cloud_connect.create_vpn(**VPN, psk=psk)

        assert psk not in str(caught.value) and psk not in repr(caught.value)
        assert emnify_emulator.requests == []

    async def test_an_error_never_repeats_the_key(
        self,
        enterprise: AsyncEmnify,
        emnify_emulator: Emulator,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        """Should the API quote the key in its error, the SDK's error and logs do not."""
        psk = "my.secret.key.42"
        refusal = {
            "error_code": 1400,
            "error_token": "InputValidationFailed",
            "message": f"psk '{psk}' is too weak",
            "errors": [{"error_code": 1403, "error_token": "InvalidFormat", "message": psk}],
        }
        emnify_emulator.inject(method="POST", path=BREAKOUT + "/vpn", status=422, body=refusal)
        caplog.set_level("DEBUG")

        with pytest.raises(UnprocessableEntityError) as caught:
            await enterprise.cloud_connect.create_vpn(**VPN, psk=psk)

        error = caught.value
        shown = [str(error), repr(error), *map(repr, error.errors), repr(error.args), caplog.text]
        assert not [text for text in shown if psk in text]
        assert error.message == "psk '********' is too weak"
        assert error.body == b""

    async def test_a_failed_create_is_not_repeated(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A create that may have happened is never sent twice (a POST is not retried)."""
        emnify_emulator.inject(method="POST", path=BREAKOUT + "/vpn", status=502, action="replace")

        with pytest.raises(EmnifyError):
            await enterprise.cloud_connect.create_vpn(**VPN)

        posts = [r for r in emnify_emulator.requests if r.method == "POST" and "cnc" in r.path]
        assert len(posts) == 1
        names = [a.name for a in await enterprise.cloud_connect.list()]
        assert names.count(VPN["name"]) == 1  # it was created: the answer was lost


class TestDelete:
    async def test_delete_deactivates_and_hides(
        self, enterprise: AsyncEmnify, emnify_emulator: Emulator, clock: ManualClock
    ) -> None:
        """Deleted: Deactivation Pending, Deactivated a minute later; listed only by status."""
        await enterprise.cloud_connect.delete(75)
        pending = await enterprise.cloud_connect.get(75)
        listed = [a.id for a in await enterprise.cloud_connect.list()]
        by_status = await enterprise.cloud_connect.list(
            status=CloudConnectStatusId.DEACTIVATION_PENDING
        )
        clock.advance(60)
        gone = await enterprise.cloud_connect.get(75)

        assert emnify_emulator.requests[1].method == "DELETE"
        assert _status(pending) is CloudConnectStatusId.DEACTIVATION_PENDING
        assert pending.termination_date == START
        assert 75 not in listed
        assert [a.id for a in by_status] == [75]
        assert _status(gone) is CloudConnectStatusId.DEACTIVATED
        types = [e.event_type.id for e in await enterprise.events.list() if e.event_type]
        assert 26 in types  # "CloudConnect VPN breakout terminated"

    async def test_what_cannot_be_deleted(
        self, enterprise: AsyncEmnify, clock: ManualClock
    ) -> None:
        """A Classic attachment, or a deactivated one: 422 NotAllowed."""
        await enterprise.cloud_connect.delete(104)
        await enterprise.cloud_connect.delete(104)  # still pending: no harm
        clock.advance(60)

        for attachment_id in (110, 104):
            with pytest.raises(UnprocessableEntityError) as caught:
                await enterprise.cloud_connect.delete(attachment_id)
            assert caught.value.error_token == "NotAllowed"

    async def test_an_unknown_attachment(self, enterprise: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await enterprise.cloud_connect.delete(120)
