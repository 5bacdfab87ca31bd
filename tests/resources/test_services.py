"""`client.services` over real HTTP against the emulator: lookups, cached per client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

from emnify_async import AsyncEmnify, InputError, NotFoundError, Service, TrafficType
from emnify_async.testing import Emulator
from emnify_async.testing.pytest_plugin import EmulatorFactory

from ..conftest import FAST_RETRY

DATA, SMS_MO = 38, 32


@pytest.fixture
async def emulator(emnify_emulator_factory: EmulatorFactory) -> Emulator:
    return await emnify_emulator_factory(sims=10)


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(
        emulator.application_token, base_url=emulator.base_url, retry=FAST_RETRY
    ) as api:
        yield api


def _sent(emulator: Emulator) -> list[str]:
    return [r.path for r in emulator.requests if r.path != "/api/v1/authenticate"]


async def test_list_services(client: AsyncEmnify) -> None:
    """The five services of the spec, typed."""
    services = await client.services.list()

    assert [s.id for s in services] == [0, 3, 6, 32, DATA]
    data = services[-1]
    assert isinstance(data, Service)
    assert (data.description, data.used_with_sgsn, data.used_with_vlr) == ("Data", True, False)
    assert data.traffic_type == TrafficType(id=5, description="Data", unit="MB")


async def test_traffic_limits_of_a_service_and_all_of_them(client: AsyncEmnify) -> None:
    """Each limit of /traffic_limit names its service; per service, the same limits."""
    every = await client.services.all_traffic_limits()
    data = await client.services.traffic_limits(DATA)

    assert [t.id for t in data] == [t.id for t in every if t.service and t.service.id == DATA]
    assert all(t.service is None for t in data)
    assert {t.service.description for t in every if t.service} == {"Data", "SMS MT", "SMS MO"}
    first = data[0]
    assert first.volume == 64 and first.period is not None and first.period.unit == "Days"
    assert await client.services.traffic_limits(0) == []  # USSD has none


async def test_lookups_are_cached_until_refreshed(client: AsyncEmnify, emulator: Emulator) -> None:
    """Repeated calls answer from the client's cache, shared with its views, until refresh."""
    services = await client.services.list()
    again = await client.services.list()
    via_view = await client.with_options(timeout=5).services.list()
    limits = await client.services.traffic_limits(services[-1])
    await client.services.traffic_limits(DATA)
    await client.services.traffic_limits(SMS_MO)

    assert again == via_view == services
    assert [t.id for t in limits] == [111, 234, 235]
    assert _sent(emulator) == [
        "/api/v1/service",
        f"/api/v1/service/{DATA}/traffic_limit",
        f"/api/v1/service/{SMS_MO}/traffic_limit",
    ]

    assert await client.services.list(refresh=True) == services
    await client.services.all_traffic_limits()
    await client.services.all_traffic_limits()

    assert _sent(emulator)[3:] == ["/api/v1/service", "/api/v1/traffic_limit"]


async def test_a_new_client_asks_again(client: AsyncEmnify, emulator: Emulator) -> None:
    """The cache is per client."""
    await client.services.list()
    async with AsyncEmnify(emulator.application_token, base_url=emulator.base_url) as other:
        await other.services.list()

    assert _sent(emulator) == ["/api/v1/service"] * 2


async def test_a_failed_lookup_is_not_kept(client: AsyncEmnify, emulator: Emulator) -> None:
    """An error answer leaves nothing in the cache: the next call asks again."""
    with pytest.raises(NotFoundError) as caught:
        await client.services.traffic_limits(7)
    assert (caught.value.error_code, caught.value.error_token) == (1201, "NotFound")

    with pytest.raises(NotFoundError):
        await client.services.traffic_limits(7)

    assert len(_sent(emulator)) == 2


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.services.traffic_limits(-1),
        lambda c: c.services.traffic_limits("38"),
        lambda c: c.services.list(refresh="yes"),
        lambda c: c.services.all_traffic_limits(refresh=1),
    ],
    ids=["negative id", "id as text", "refresh as text", "refresh as number"],
)
async def test_bad_input_is_sent_nowhere(
    client: AsyncEmnify, emulator: Emulator, call: Callable[[AsyncEmnify], Awaitable[Any]]
) -> None:
    with pytest.raises(InputError):
        await call(client)

    assert emulator.requests == []
