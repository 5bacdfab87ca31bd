"""`client.dns` over real HTTP against the emulator."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from emnify_async import AsyncEmnify, ConflictError, DnsConfig, InputError, NotFoundError
from emnify_async.testing import Emulator
from emnify_async.testing.pytest_plugin import EmulatorFactory

from ..conftest import FAST_RETRY


@pytest.fixture
async def emulator(emnify_emulator_factory: EmulatorFactory) -> Emulator:
    return await emnify_emulator_factory(sims=10)


@pytest.fixture
async def client(emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(
        emulator.application_token, base_url=emulator.base_url, retry=FAST_RETRY
    ) as api:
        yield api


async def test_create_list_delete(client: AsyncEmnify, emulator: Emulator) -> None:
    """A created configuration is listed until it is deleted."""
    before = await client.dns.list()

    new_id = await client.dns.create(primary="208.67.222.222", secondary="208.67.220.220")

    assert json.loads(emulator.requests[-1].body) == {
        "primary": "208.67.222.222",
        "secondary": "208.67.220.220",
        "ip_address_version": 4,
    }
    after = await client.dns.list()
    assert after == [
        *before,
        DnsConfig(
            id=new_id, primary="208.67.222.222", secondary="208.67.220.220", ip_address_version=4
        ),
    ]

    await client.dns.delete(new_id)

    assert await client.dns.list() == before
    with pytest.raises(NotFoundError):
        await client.dns.delete(new_id)


async def test_ipv6(client: AsyncEmnify) -> None:
    new_id = await client.dns.create(
        primary="2001:4860:4860::8888", secondary="2001:4860:4860::8844", ip_address_version=6
    )

    [created] = [d for d in await client.dns.list() if d.id == new_id]
    assert created.ip_address_version == 6


async def test_a_configuration_in_use_cannot_be_deleted(client: AsyncEmnify) -> None:
    """While a service profile uses it: 409 CannotBeDeleted; free again once it does not."""
    new_id = await client.dns.create(primary="9.9.9.9", secondary="149.112.112.112")
    profile_id = await client.service_profiles.create(name="filtered", dns=new_id)

    with pytest.raises(ConflictError) as caught:
        await client.dns.delete(new_id)

    assert (caught.value.error_code, caught.value.error_token) == (1407, "CannotBeDeleted")
    assert new_id in [d.id for d in await client.dns.list()]

    await client.service_profiles.update(profile_id, dns=None)
    await client.dns.delete(new_id)


async def test_someone_elses_configuration(client: AsyncEmnify) -> None:
    """Another organisation's configuration is not listed, and is missing to delete."""
    assert 91 not in [d.id for d in await client.dns.list()]

    with pytest.raises(NotFoundError):
        await client.dns.delete(91)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"primary": "8.8.8.8", "secondary": "dns.google"},
        {"primary": "8.8.8.8", "secondary": "8.8.4.4", "ip_address_version": 5},
        {"primary": "2001:4860:4860::8888", "secondary": "8.8.4.4"},
        {"primary": "8.8.8.8", "secondary": "8.8.4.4", "ip_address_version": 6},
    ],
    ids=["not an address", "version 5", "v6 address as v4", "v4 addresses as v6"],
)
async def test_bad_input_is_sent_nowhere(
    client: AsyncEmnify, emulator: Emulator, kwargs: dict[str, object]
) -> None:
    with pytest.raises(InputError):
        await client.dns.create(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        await client.dns.delete(0)

    assert emulator.requests == []
