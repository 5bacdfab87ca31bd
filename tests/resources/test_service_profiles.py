"""`client.service_profiles` over real HTTP against the emulator."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

import emnify_sync
from emnify_async import (
    AsyncEmnify,
    BreakoutRegion,
    ConflictError,
    DnsConfig,
    EmnifyError,
    InputError,
    NotFoundError,
    PermissionDeniedError,
    ServiceProfile,
    ServiceProfileDataLimit,
    Status,
    TrafficLimitPeriod,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing.pytest_plugin import EmulatorFactory

from ..conftest import FAST_RETRY

NOW = "2026-03-14T12:00:00Z"
DATA, SMS_MT, SMS_MO = 38, 6, 32


@pytest.fixture
async def emulator(emnify_emulator_factory: EmulatorFactory) -> Emulator:
    """A small emulator on a pinned clock."""
    return await emnify_emulator_factory(sims=40, clock=ManualClock(NOW))


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(
        emulator.application_token, base_url=emulator.base_url, retry=FAST_RETRY
    ) as api:
        yield api


def _sent(emulator: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emulator.requests if r.path != "/api/v1/authenticate"]


async def _template(client: AsyncEmnify) -> dict[str, Any]:
    """What a new endpoint needs besides its service profile."""
    first = (await client.endpoints.list(per_page=1).first_page()).items[0]
    assert first.tariff_profile is not None
    return {"name": "on-new-profile", "status": 0, "tariff_profile": first.tariff_profile.id}


class TestRead:
    async def test_list_counts_the_endpoints_using_each_profile(
        self, client: AsyncEmnify, emulator: Emulator
    ) -> None:
        """The short view of each own profile; used_count agrees with the endpoint list."""
        profiles = await client.service_profiles.list()

        assert [p.id for p in profiles] == [1, 2, 3]
        assert _sent(emulator) == [("GET", "/api/v1/service_profile")]
        for profile in profiles:
            using = await client.endpoints.list(q={"service_profile": profile.id})
            assert profile.used_count == len(using) > 0
        meter = profiles[1]
        assert (meter.name, meter.allowed_3g, meter.allowed_4g) == ("Smart Meter", True, False)
        assert meter.service == [] and meter.dns is None  # details only

    async def test_get_details(self, client: AsyncEmnify) -> None:
        """Every flag, the references and the services with their traffic limits."""
        listed = {p.id: p for p in await client.service_profiles.list()}

        profile = await client.service_profiles.get(2)

        assert isinstance(profile, ServiceProfile)
        assert profile.used_count == listed[2].used_count
        assert (profile.sms_p2p_int, profile.retail, profile.nipdp) == (True, False, False)
        assert profile.esme_interface_type == Status(id=1, description="RestAPI")
        assert profile.breakout_region == BreakoutRegion(id=2, name="eu-west", ip_address="1.2.3.4")
        assert profile.dns == DnsConfig(
            id=1, primary="8.8.8.8", secondary="8.8.4.4", ip_address_version=4
        )
        assert profile.api_callback is None and profile.api_secret is None
        services = {s.id: s for s in profile.service}
        assert sorted(services) == [SMS_MT, SMS_MO, DATA]
        data = services[DATA]
        assert data.traffic_type is not None and data.traffic_type.unit == "MB"
        [limit] = data.traffic_limit
        assert (limit.id, limit.volume) == (235, 1024)
        assert limit.period is not None and (limit.period.time_units, limit.period.unit) == (
            1,
            "Months",
        )

    @pytest.mark.parametrize("profile_id", [91, 4711])
    async def test_get_foreign_or_unknown(self, client: AsyncEmnify, profile_id: int) -> None:
        """Another organisation's profile is as missing as an unknown one."""
        with pytest.raises(NotFoundError) as caught:
            await client.service_profiles.get(profile_id)

        assert (caught.value.error_code, caught.value.error_token) == (1201, "NotFound")


class TestWrite:
    async def test_create_sends_only_what_is_given_and_endpoints_can_use_it(
        self, client: AsyncEmnify, emulator: Emulator
    ) -> None:
        """A new profile is listed, usable by endpoints, and then counted."""
        dns = (await client.dns.list())[1]

        new_id = await client.service_profiles.create(
            name="Trackers EU", allowed_3g=False, apply_data_quota=True, dns=dns
        )

        assert json.loads(emulator.requests[-1].body) == {
            "name": "Trackers EU",
            "allowed_3g": False,
            "apply_data_quota": True,
            "dns": {"id": dns.id},
        }
        created = await client.service_profiles.get(new_id)
        assert (created.name, created.allowed_3g, created.allowed_4g) == (
            "Trackers EU",
            False,
            True,
        )
        assert created.dns == dns and created.used_count == 0 and created.service == []
        assert new_id in [p.id for p in await client.service_profiles.list()]

        endpoint_id = await client.endpoints.create(
            service_profile=created, **await _template(client)
        )

        endpoint = await client.endpoints.get(endpoint_id)
        assert endpoint.service_profile is not None
        assert (endpoint.service_profile.id, endpoint.service_profile.name) == (
            new_id,
            "Trackers EU",
        )
        assert (await client.service_profiles.get(new_id)).used_count == 1

    async def test_a_profile_in_use_cannot_be_deleted(
        self, client: AsyncEmnify, emulator: Emulator
    ) -> None:
        """409 CannotBeDeleted while an endpoint uses it; once none does, it goes."""
        new_id = await client.service_profiles.create(name="short-lived")
        endpoint_id = await client.endpoints.create(
            service_profile=new_id, **await _template(client)
        )

        with pytest.raises(ConflictError) as caught:
            await client.service_profiles.delete(new_id)

        assert (caught.value.status, caught.value.error_code) == (409, 1407)
        assert caught.value.error_token == "CannotBeDeleted"
        assert new_id in emulator.state.profiles.service_profiles

        await client.endpoints.update(endpoint_id, service_profile=1)
        await client.service_profiles.delete(new_id)

        with pytest.raises(NotFoundError):
            await client.service_profiles.get(new_id)
        assert new_id not in [p.id for p in await client.service_profiles.list()]

    async def test_create_with_someone_elses_dns(self, client: AsyncEmnify) -> None:
        """A reference the organisation does not own is refused, the field named."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.service_profiles.create(name="x", dns=91)

        assert caught.value.error_code == 1400
        assert [e.message for e in caught.value.errors] == ["DNS with Id '91' not found."]

    async def test_update_renames_and_clears(self, client: AsyncEmnify, emulator: Emulator) -> None:
        """Only the fields given are sent; None empties the DNS; endpoints show the new name."""
        using = await client.endpoints.list(q={"service_profile": 2}, per_page=1).first_page()
        endpoint_id = using.items[0].id

        await client.service_profiles.update(2, name="Smart Meter v2", dns=None, nipdp=True)

        request = emulator.requests[-1]
        assert (request.method, request.status) == ("PATCH", 201)
        assert json.loads(request.body) == {
            "name": "Smart Meter v2",
            "nipdp": True,
            "dns": {"id": None},
        }
        profile = await client.service_profiles.get(2)
        assert (profile.name, profile.dns, profile.nipdp) == ("Smart Meter v2", None, True)
        endpoint = await client.endpoints.get(endpoint_id)
        assert endpoint.service_profile is not None
        assert endpoint.service_profile.name == "Smart Meter v2"

    async def test_update_unknown(self, client: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await client.service_profiles.update(4711, name="x")


class TestServices:
    async def test_services_and_traffic_limits_of_a_profile(self, client: AsyncEmnify) -> None:
        """Add a service and limit it; a limited service cannot be removed; undo both."""
        profiles = client.service_profiles
        new_id = await profiles.create(name="data only")
        [limit, *_] = await client.services.traffic_limits(DATA)

        await profiles.add_service(new_id, DATA)
        await profiles.add_traffic_limit(new_id, DATA, limit.id)

        [service] = (await profiles.get(new_id)).service
        assert service.id == DATA and [t.id for t in service.traffic_limit] == [limit.id]
        assert service.traffic_limit[0].period == limit.period
        with pytest.raises(ConflictError) as caught:
            await profiles.remove_service(new_id, DATA)
        assert caught.value.error_token == "CannotBeDeleted"

        await profiles.remove_traffic_limit(new_id, DATA, limit.id)
        await profiles.remove_service(new_id, DATA)

        assert (await profiles.get(new_id)).service == []

    async def test_adding_a_service_twice(self, client: AsyncEmnify) -> None:
        """Each service at most once: 409 Duplicated."""
        with pytest.raises(ConflictError) as caught:
            await client.service_profiles.add_service(1, DATA)

        assert (caught.value.error_code, caught.value.error_token) == (1405, "Duplicated")

    async def test_traffic_limit_errors(self, client: AsyncEmnify) -> None:
        """An unknown limit is 404; another service's limit, or a service the profile does not
        have, is 422; lifting a limit that is not there is 422."""
        sms_limit = (await client.services.traffic_limits(SMS_MO))[0].id
        data_limit = (await client.services.traffic_limits(DATA))[0].id
        profiles = client.service_profiles
        data_only = 3

        with pytest.raises(NotFoundError):
            await profiles.add_traffic_limit(data_only, DATA, 4711)
        with pytest.raises(UnprocessableEntityError):
            await profiles.add_traffic_limit(data_only, DATA, sms_limit)
        with pytest.raises(UnprocessableEntityError):
            await profiles.add_traffic_limit(data_only, SMS_MO, sms_limit)
        with pytest.raises(UnprocessableEntityError):
            await profiles.remove_traffic_limit(1, DATA, data_limit)
        with pytest.raises(NotFoundError):
            await profiles.remove_service(data_only, SMS_MO)

    async def test_remove_quotas_of_the_profiles_endpoints(
        self, client: AsyncEmnify, emulator: Emulator
    ) -> None:
        """Only the endpoints on the profile lose their data quota; SMS quotas stay."""
        on_2 = await client.endpoints.list(q={"service_profile": 2}, per_page=1).first_page()
        on_3 = await client.endpoints.list(q={"service_profile": 3}, per_page=1).first_page()
        mine, other = on_2.items[0].id, on_3.items[0].id
        expiry = emulator.state.now().replace(year=2027)
        for endpoint_id in (mine, other):
            await client.endpoints.set_data_quota(endpoint_id, volume=100, expiry_date=expiry)
        await client.endpoints.set_sms_quota(
            mine, volume=10, expiry_date=expiry, threshold_percentage=50
        )

        await client.service_profiles.remove_quotas(2, "data")

        with pytest.raises(NotFoundError):
            await client.endpoints.data_quota(mine)
        assert (await client.endpoints.data_quota(other)).volume == 100
        assert (await client.endpoints.sms_quota(mine)).volume == 10
        events = [e.event_type.id for e in await client.endpoints.events(mine) if e.event_type]
        assert 57 in events  # "Data quota deleted."

    async def test_remove_quotas_of_an_unknown_profile(self, client: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await client.service_profiles.remove_quotas(4711, "sms")


class TestDataLimits:
    """The newer docs' data limits: their own list, apart from the services' traffic limits."""

    async def test_add_list_and_remove(self, client: AsyncEmnify, emulator: Emulator) -> None:
        """Two limits (all traffic, satellite only) are listed as the emulator keeps them;
        removing one, then all, leaves the traffic limits of the profile's services alone."""
        profiles = client.service_profiles
        [assignable, *_] = await client.services.traffic_limits(DATA)
        await profiles.add_traffic_limit(1, DATA, assignable.id)
        assigned = [
            (s.id, [t.id for t in s.traffic_limit]) for s in (await profiles.get(1)).service
        ]

        cellular = await profiles.add_data_limit(1, volume=10**9, warning_percent=80)
        satellite = await profiles.add_data_limit(1, volume=5 * 10**6, satellite_only=True)
        listed = await profiles.data_limits(1)

        kept = emulator.state.profiles.service_profiles[1].data_limits
        assert [limit.id for limit in kept] == [cellular, satellite] == [x.id for x in listed]
        first = listed[0]
        assert isinstance(first, ServiceProfileDataLimit)
        assert first.service == Status(id=DATA, description="Data")
        assert first.period == TrafficLimitPeriod(id=2, time_units=1, unit="Months")
        assert (first.volume, first.warning_percent, first.satellite_only) == (10**9, 80, False)
        assert (listed[1].satellite_only, listed[1].warning_percent) == (True, None)
        posts = [r for r in emulator.requests if r.method == "POST" and r.path.endswith("limit")]
        assert json.loads(posts[0].body) == {
            "service": {"id": DATA},
            "volume": 10**9,
            "warning_percent": 80,
        }

        await profiles.remove_data_limit(1, cellular)
        assert [x.id for x in await profiles.data_limits(1)] == [satellite]
        await profiles.remove_data_limits(1)
        await profiles.remove_data_limits(1)  # none left: still a success

        assert await profiles.data_limits(1) == []
        after = [(s.id, [t.id for t in s.traffic_limit]) for s in (await profiles.get(1)).service]
        assert after == assigned and (DATA, [assignable.id]) in assigned

    async def test_one_limit_per_service_and_rat(self, client: AsyncEmnify) -> None:
        """Documented: a second limit for the same service and satellite_only is a 409."""
        await client.service_profiles.add_data_limit(2, volume=1000)

        with pytest.raises(ConflictError) as caught:
            await client.service_profiles.add_data_limit(2, volume=2000, satellite_only=False)

        assert (caught.value.error_code, caught.value.error_token) == (1405, "Duplicated")
        assert [x.volume for x in await client.service_profiles.data_limits(2)] == [1000]

    @pytest.mark.parametrize("profile_id", [4711, 4])
    async def test_unknown_or_foreign_profile_is_forbidden(
        self, client: AsyncEmnify, profile_id: int
    ) -> None:
        """Documented: 403 when the profile is not found or not accessible."""
        with pytest.raises(PermissionDeniedError) as caught:
            await client.service_profiles.data_limits(profile_id)

        assert (caught.value.error_code, caught.value.error_token) == (1104, "Forbidden")

    async def test_removing_an_unknown_limit(self, client: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await client.service_profiles.remove_data_limit(1, 4711)

    async def test_a_deleted_profile_takes_its_limits(
        self, client: AsyncEmnify, emulator: Emulator
    ) -> None:
        new_id = await client.service_profiles.create(name="limited")
        await client.service_profiles.add_data_limit(new_id, volume=1)

        await client.service_profiles.delete(new_id)

        assert new_id not in emulator.state.profiles.service_profiles
        with pytest.raises(PermissionDeniedError):
            await client.service_profiles.data_limits(new_id)

    async def test_a_failed_add_is_not_repeated(
        self, client: AsyncEmnify, emulator: Emulator
    ) -> None:
        """The answer of an add that happened is lost: the POST is not sent again."""
        path = "/api/v1/service_profile/1/traffic_limit"
        emulator.inject(method="POST", path=path, status=502, action="replace")

        with pytest.raises(EmnifyError):
            await client.service_profiles.add_data_limit(1, volume=100)

        assert [r.method for r in emulator.requests if r.path == path] == ["POST"]
        assert len(await client.service_profiles.data_limits(1)) == 1


Call = Callable[[AsyncEmnify], Awaitable[Any]]
BAD_INPUT: list[Any] = [
    pytest.param(lambda c: c.service_profiles.create(name=" "), id="blank name"),
    pytest.param(lambda c: c.service_profiles.create(name="x", dns=0), id="dns id 0"),
    pytest.param(lambda c: c.service_profiles.create(name="x", retail="no"), id="flag not bool"),
    pytest.param(lambda c: c.service_profiles.update(1), id="empty update"),
    pytest.param(lambda c: c.service_profiles.get(0), id="profile id 0"),
    pytest.param(lambda c: c.service_profiles.delete("1"), id="profile id as text"),
    pytest.param(lambda c: c.service_profiles.remove_quotas(1, "voice"), id="quota type"),
    pytest.param(lambda c: c.service_profiles.add_service(1, -1), id="service id"),
    pytest.param(lambda c: c.service_profiles.add_traffic_limit(1, DATA, 0), id="limit id"),
    pytest.param(lambda c: c.service_profiles.remove_service(1, True), id="service id bool"),
    pytest.param(lambda c: c.service_profiles.add_data_limit(1, volume=0), id="volume 0"),
    pytest.param(lambda c: c.service_profiles.add_data_limit(1, volume=1.5), id="volume float"),
    pytest.param(lambda c: c.service_profiles.add_data_limit(1, volume=True), id="volume bool"),
    pytest.param(
        lambda c: c.service_profiles.add_data_limit(1, volume=1, warning_percent=101),
        id="warning percent 101",
    ),
    pytest.param(
        lambda c: c.service_profiles.add_data_limit(1, volume=1, satellite_only="yes"),
        id="satellite only text",
    ),
    pytest.param(
        lambda c: c.service_profiles.add_data_limit(1, volume=1, service=0), id="service 0"
    ),
    pytest.param(lambda c: c.service_profiles.data_limits(0).to_list(), id="data limits of 0"),
    pytest.param(lambda c: c.service_profiles.remove_data_limit(1, -3), id="data limit id"),
    pytest.param(lambda c: c.service_profiles.remove_data_limits("1"), id="profile id text"),
]


@pytest.mark.parametrize("call", BAD_INPUT)
async def test_bad_input_is_sent_nowhere(
    client: AsyncEmnify, emulator: Emulator, call: Call
) -> None:
    with pytest.raises(InputError):
        await call(client)

    assert emulator.requests == []


def test_the_blocking_client(threaded_emulator: Emulator) -> None:
    """The generated facade creates, changes and deletes a profile the same way."""
    with emnify_sync.Emnify(
        threaded_emulator.application_token, base_url=threaded_emulator.base_url, retry=FAST_RETRY
    ) as client:
        new_id = client.service_profiles.create(name="sync")
        client.service_profiles.add_service(new_id, SMS_MO)
        client.service_profiles.update(new_id, description="made blocking")
        profile = client.service_profiles.get(new_id)
        client.service_profiles.remove_service(new_id, SMS_MO)
        client.service_profiles.delete(new_id)
        remaining = [p.id for p in client.service_profiles.list().to_list()]

    assert profile.description == "made blocking" and [s.id for s in profile.service] == [SMS_MO]
    assert new_id not in remaining


def test_data_limits_blocking(threaded_emulator: Emulator) -> None:
    """The generated facade adds, lists and removes data limits."""
    with emnify_sync.Emnify(
        threaded_emulator.application_token, base_url=threaded_emulator.base_url, retry=FAST_RETRY
    ) as client:
        limit_id = client.service_profiles.add_data_limit(3, volume=2048, satellite_only=True)
        listed = client.service_profiles.data_limits(3).to_list()
        client.service_profiles.remove_data_limit(3, limit_id)
        remaining = client.service_profiles.data_limits(3).to_list()

    assert [(x.id, x.volume) for x in listed] == [(limit_id, 2048)] and remaining == []
