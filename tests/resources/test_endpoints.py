"""The device area over real HTTP against the emulator: each call, an error, bad input."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

import emnify_sync
from emnify_async import (
    AsyncEmnify,
    ConflictError,
    Endpoint,
    EndpointStatusId,
    InputError,
    NotFoundError,
    SimStatusId,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, ManualClock

from ..conftest import FAST_RETRY

FUTURE = datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc)


def _sent(emulator: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emulator.requests if r.path != "/api/v1/authenticate"]


async def _first(client: AsyncEmnify) -> Endpoint:
    return (await client.endpoints.list(per_page=5).first_page()).items[0]


async def _spare_sim(client: AsyncEmnify) -> int:
    page = await client.sims.list(q={"endpoint": None}, per_page=1).first_page()
    return page.items[0].id


class TestEndpoint:
    async def test_list_and_get(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """Every endpoint once, across pages; details agree with the listing."""
        listed = await client.endpoints.list(per_page=40)
        one = await client.endpoints.get(listed[3].id)

        assert len({e.id for e in listed}) == len(listed) > 80
        assert one == listed[3]
        assert one.sim is not None and one.sim.iccid
        assert [s.description for s in await client.endpoints.statuses()] == [
            "Enabled",
            "Disabled",
            "Deleted",
        ]

    async def test_create_update_delete_keep_sim_and_endpoint_in_step(
        self, client: AsyncEmnify
    ) -> None:
        """A created endpoint with a SIM: both sides agree, after a release and a delete too."""
        template = await _first(client)
        sim_id = await _spare_sim(client)
        assert template.service_profile and template.tariff_profile

        new_id = await client.endpoints.create(
            name="meter-7",
            status=EndpointStatusId.DISABLED,
            service_profile=template.service_profile,
            tariff_profile=template.tariff_profile.id,
            sim=sim_id,
            tags="meter",
            imei="356938035643809",
            imei_lock=True,
        )
        created = await client.endpoints.get(new_id)
        sim = await client.sims.get(sim_id)

        assert (created.name, created.tags, created.imei, created.imei_lock) == (
            "meter-7",
            "meter",
            "356938035643809",
            True,
        )
        assert created.sim is not None and created.sim.id == sim_id
        assert sim.endpoint is not None and sim.endpoint.id == new_id

        await client.endpoints.enable(new_id)
        await client.endpoints.release_sim(new_id)
        released = await client.endpoints.get(new_id)
        assert released.status is not None and released.status.id == EndpointStatusId.ENABLED
        assert released.sim is None
        assert (await client.sims.get(sim_id)).endpoint is None

        await client.endpoints.assign_sim(new_id, sim_id)
        with pytest.raises(ConflictError):
            await client.endpoints.delete(new_id)  # a SIM is still assigned
        await client.endpoints.release_sim(new_id)
        await client.endpoints.delete(new_id)
        with pytest.raises(NotFoundError) as caught:
            await client.endpoints.get(new_id)
        assert caught.value.error_token == "InvalidReference"
        assert (await client.sims.get(sim_id)).endpoint is None

    async def test_sim_assigned_elsewhere_is_refused(self, client: AsyncEmnify) -> None:
        """A SIM can belong to one endpoint only."""
        first, second = (await client.endpoints.list(per_page=2).first_page()).items
        assert first.sim is not None

        with pytest.raises(ConflictError):
            await client.endpoints.assign_sim(second.id, first.sim.id)

    async def test_unknown_reference_names_the_field(self, client: AsyncEmnify) -> None:
        """An unknown service profile is a 422 with a nested error that says which."""
        endpoint = await _first(client)

        with pytest.raises(UnprocessableEntityError) as caught:
            await client.endpoints.update(endpoint.id, service_profile=987654)

        assert any("987654" in (e.message or "") for e in caught.value.errors)

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"imei": "12345"},
            {"imei": "35693803564380A"},
            {"ip_address": "10.0.0.256"},
            {"status": -1},
            {"sim": 0},
            {"name": " "},
            {},
        ],
        ids=["short-imei", "letter-imei", "bad-ip", "status", "sim-0", "blank-name", "nothing"],
    )
    async def test_bad_update_is_refused_before_sending(
        self, kwargs: dict[str, Any], client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """IMEI 15-16 digits, a valid IP address, ids, a name, at least one field."""
        with pytest.raises(InputError):
            await client.endpoints.update(1, **kwargs)

        assert _sent(emnify_emulator) == []


class TestBulk:
    async def test_bulk_disable_then_enable_reports_every_id(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """One result per distinct id; a refused id fails alone; the state agrees."""
        ids = [e.id for e in (await client.endpoints.list(per_page=6).first_page()).items]

        disabled = await client.endpoints.bulk_disable([*ids, ids[0], 987_654])
        enabled = await client.endpoints.bulk_enable(ids)

        assert [item.id for item in disabled.items] == [*ids, 987_654]
        assert disabled.succeeded == ids
        assert [type(item.error) for item in disabled.failed] == [NotFoundError]
        assert enabled.ok
        for endpoint_id in ids:
            assert (await client.endpoints.get(endpoint_id)).status.id == 0  # type: ignore[union-attr]

    async def test_lost_answer_is_verified(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The PATCH was applied but its answer was a 502: the id is done, not failed."""
        endpoint = await _first(client)
        emnify_emulator.inject(
            "PATCH", f"/api/v1/endpoint/{endpoint.id}", status=502, action="replace", times=9
        )

        result = await client.endpoints.bulk_update([endpoint.id], tags="verified")

        assert [item.outcome for item in result.items] == ["done"]
        assert (await client.endpoints.get(endpoint.id)).tags == "verified"


class TestConnectivity:
    async def test_state_info_and_reset(self, client: AsyncEmnify) -> None:
        """A registered endpoint is not OFFLINE; after a network reset it is."""
        endpoints = await client.endpoints.list(per_page=30).first_page()
        states = {e.id: await client.endpoints.connectivity(e.id) for e in endpoints.items}
        online = next(i for i, s in states.items() if s.location is not None)

        info = await client.endpoints.connectivity_info(online)
        await client.endpoints.reset_connectivity(online, data=False)
        after = await client.endpoints.connectivity(online)

        assert info.subscriber_info is not None
        assert states[online].status is not None
        assert after.status is not None and after.status.description == "OFFLINE"
        assert after.location is None

    async def test_reset_nothing_is_refused(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A reset needs the network, the data session or both."""
        with pytest.raises(InputError):
            await client.endpoints.reset_connectivity(1, network=False, data=False)

        assert _sent(emnify_emulator) == []


class TestSms:
    async def test_send_then_delivered_with_the_clock(self, emnify_emulator_factory: Any) -> None:
        """An SMS to a registered endpoint is buffered, then delivered a few seconds later."""
        clock = ManualClock(datetime.datetime(2026, 6, 1, tzinfo=datetime.timezone.utc).timestamp())
        emu: Emulator = await emnify_emulator_factory(sims=60, clock=clock)
        async with AsyncEmnify(
            emu.application_token, base_url=emu.base_url, retry=FAST_RETRY, rate_limits=False
        ) as client:
            endpoints = await client.endpoints.list(per_page=30).first_page()
            states = {e.id: await client.endpoints.connectivity(e.id) for e in endpoints.items}
            online = next(i for i, s in states.items() if s.location is not None)

            sms_id = await client.endpoints.send_sms(online, payload="ping", source_address="ops")
            before = await client.endpoints.get_sms(online, sms_id)
            clock.advance(60)
            after = await client.endpoints.get_sms(online, sms_id)
            listed = await client.endpoints.list_sms(online)

        assert before.status is not None and before.status.description == "BUFFERED"
        assert after.status is not None and after.status.description == "DELIVERED"
        assert (after.payload, after.source_address, after.endpoint_id) == ("ping", "ops", online)
        assert sms_id in {s.id for s in listed}

    async def test_cancel(self, client: AsyncEmnify) -> None:
        """A buffered SMS can be cancelled."""
        endpoint = await _first(client)
        sms_id = await client.endpoints.send_sms(endpoint.id, payload="later")

        await client.endpoints.cancel_sms(endpoint.id, sms_id)

        status = (await client.endpoints.get_sms(endpoint.id, sms_id)).status
        assert status is not None and status.description != "BUFFERED"

    @pytest.mark.parametrize(
        "payload",
        ["", "x" * 161, "€" * 81, "ü" * 161, "日本" * 36],
        ids=["empty", "161-gsm7", "81-euro-signs", "161-umlauts", "72-ucs2"],
    )
    async def test_payload_within_sms_limits(
        self, payload: str, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Non-empty, 160 GSM-7 septets (extension characters count two) or 70 others."""
        with pytest.raises(InputError):
            await client.endpoints.send_sms(1, payload=payload)

        assert _sent(emnify_emulator) == []

    async def test_limits_are_exact(self, client: AsyncEmnify) -> None:
        """Exactly 160 GSM-7 septets or 70 UCS-2 characters still go."""
        endpoint = await _first(client)

        assert await client.endpoints.send_sms(endpoint.id, payload="ä" * 160) > 0
        assert await client.endpoints.send_sms(endpoint.id, payload="日" * 70) > 0


class TestOperatorsAndBlacklist:
    async def test_blacklist_twice_is_a_conflict(self, client: AsyncEmnify) -> None:
        """Blacklisting is listed, refused twice (1405 Duplicated), and undone."""
        endpoint = await _first(client)
        operator = (await client.operators.list())[0]

        await client.endpoints.blacklist_operator(endpoint.id, operator.id)
        with pytest.raises(ConflictError) as caught:
            await client.endpoints.blacklist_operator(endpoint.id, operator.id)
        listed = await client.endpoints.blacklisted_operators(endpoint.id)
        await client.endpoints.unblacklist_operator(endpoint.id, operator.id)

        assert (caught.value.error_code, caught.value.error_token) == (1405, "Duplicated")
        assert [o.id for o in listed] == [operator.id]
        assert await client.endpoints.blacklisted_operators(endpoint.id) == []
        with pytest.raises(NotFoundError):
            await client.endpoints.unblacklist_operator(endpoint.id, operator.id)

    async def test_operators_have_countries_and_codes(self, client: AsyncEmnify) -> None:
        """The operator list is whole, with MNCs and TAP codes."""
        operators = await client.operators.list()

        assert len(operators) >= 5
        assert all(o.country and o.country.iso_code for o in operators)
        assert all(o.mnc and o.tapcode for o in operators)


class TestQuotasAndBalance:
    async def test_data_quota_with_throttle(self, client: AsyncEmnify) -> None:
        """Set, read, remove; then there is none."""
        endpoint = await _first(client)

        await client.endpoints.set_data_quota(
            endpoint.id,
            volume=250,
            expiry_date=FUTURE,
            action_on_exhaustion=2,
            peak_throughput=256_000,
            threshold_percentage=10,
        )
        quota = await client.endpoints.data_quota(endpoint.id)
        await client.endpoints.remove_data_quota(endpoint.id)

        assert (quota.volume, quota.expiry_date) == (250.0, FUTURE)
        assert quota.action_on_exhaustion is not None
        assert quota.action_on_exhaustion.peak_throughput == 256_000
        with pytest.raises(NotFoundError):
            await client.endpoints.data_quota(endpoint.id)

    async def test_sms_quota_and_balance(self, client: AsyncEmnify) -> None:
        """An SMS quota and a prepaid top-up read back as set."""
        endpoint = await _first(client)

        await client.endpoints.set_sms_quota(
            endpoint.id, volume=20, expiry_date=FUTURE.date(), threshold_percentage=25
        )
        await client.endpoints.update_balance(endpoint.id, amount=7.5, expiry_date=FUTURE)
        quota = await client.endpoints.sms_quota(endpoint.id)
        balance = await client.endpoints.balance(endpoint.id)
        await client.endpoints.reset_balance(endpoint.id)

        assert (quota.volume, quota.threshold_percentage) == (20.0, 25.0)
        assert balance.amount == 7.5
        assert (await client.endpoints.balance(endpoint.id)).amount == 0.0

    @pytest.mark.parametrize(
        "call",
        [
            lambda c: c.endpoints.set_data_quota(1, volume=0, expiry_date=FUTURE),
            lambda c: c.endpoints.set_data_quota(1, volume=5, expiry_date="2030"),
            lambda c: c.endpoints.set_data_quota(
                1, volume=5, expiry_date=FUTURE, action_on_exhaustion=2
            ),
            lambda c: c.endpoints.set_data_quota(
                1, volume=5, expiry_date=FUTURE, action_on_exhaustion=2, peak_throughput=1
            ),
            lambda c: c.endpoints.set_sms_quota(
                1, volume=5, expiry_date=FUTURE, threshold_percentage=101
            ),
            lambda c: c.endpoints.update_balance(1, amount=-1),
            lambda c: c.endpoints.send_ussd(1, message="x" * 165),
            lambda c: c.endpoints.send_ussd(1, message="hi", type="ask"),
        ],
        ids=[
            "zero-volume",
            "date-text",
            "throttle-without-rate",
            "odd-rate",
            "percentage",
            "negative-amount",
            "long-ussd",
            "ussd-type",
        ],
    )
    async def test_bad_values_are_refused_before_sending(
        self,
        call: Callable[[AsyncEmnify], Awaitable[Any]],
        client: AsyncEmnify,
        emnify_emulator: Emulator,
    ) -> None:
        """Quota values positive, known throttles, percentages 0-100, USSD within limits."""
        with pytest.raises(InputError):
            await call(client)

        assert _sent(emnify_emulator) == []


class TestEventsAndStats:
    async def test_events_of_an_endpoint_and_the_organisation(self, client: AsyncEmnify) -> None:
        """A change emits an event seen in the endpoint's and the organisation's events."""
        endpoint = await _first(client)
        await client.endpoints.reset_connectivity(endpoint.id)

        own = await client.endpoints.events(endpoint.id, sort="-timestamp")
        org = await client.events.list(q={"endpoint": endpoint.id}, per_page=100).first_page()
        types = await client.events.types()

        assert own and own[0].endpoint is not None and own[0].endpoint.id == endpoint.id
        assert {e.id for e in own} & {e.id for e in org.items}
        assert {t.id for t in types} >= {e.event_type.id for e in own if e.event_type}

    async def test_stats(self, client: AsyncEmnify) -> None:
        """Monthly and daily usage read like a SIM's."""
        endpoint = await _first(client)

        stats = await client.endpoints.stats(endpoint.id)
        days = await client.endpoints.daily_stats(
            endpoint.id, start_date="2026-10-01", end_date="2026-10-31"
        )

        assert stats.current_month is not None
        assert len(days) >= 31


def test_sync_twin(threaded_emulator: Emulator) -> None:
    """The blocking facade has the same device calls."""
    with emnify_sync.Emnify(
        threaded_emulator.application_token, base_url=threaded_emulator.base_url, retry=FAST_RETRY
    ) as client:
        first = client.endpoints.list(per_page=3).first_page().items[0]
        sms_id = client.endpoints.send_sms(first.id, payload="sync")
        operators = client.operators.list().to_list()
        result = client.endpoints.bulk_disable([first.id])

    assert sms_id > 0 and operators and result.ok
    assert first.sim is None or first.sim.status is None or first.sim.status.id in set(SimStatusId)
