"""`client.ip_address_spaces` over real HTTP against the emulator: calls, errors, bad input."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Awaitable, Callable

import pytest

import emnify_sync
from emnify_async import (
    AsyncEmnify,
    ConflictError,
    EmnifyError,
    InputError,
    IpAddressSpace,
    NotFoundError,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator


async def test_list_is_the_organisations_with_counts(
    client: AsyncEmnify, emnify_emulator: Emulator
) -> None:
    """Each space with how many addresses endpoints have and how many are free."""
    spaces = await client.ip_address_spaces.list()
    used = emnify_emulator.state.profiles.space_used_count

    assert [(s.id, s.ip_address_space, s.ip_address_version) for s in spaces] == [
        (1, "10.0.0.0/8", 4),
        (2, "100.64.0.0/29", 4),
    ]
    assert all(isinstance(s, IpAddressSpace) for s in spaces)
    assert (spaces[1].used_count, spaces[1].available_count) == (2, 4)
    assert spaces[0].used_count == used(1) > 0
    assert spaces[0].available_count == 2**24 - 2 - used(1)


async def test_take_a_free_space_and_release_it(
    client: AsyncEmnify, emnify_emulator: Emulator
) -> None:
    """An offered space becomes the organisation's, then free again."""
    spaces = client.ip_address_spaces
    offered = await spaces.available(ip_address_version=6)
    chosen = offered[0]

    await spaces.assign(chosen.id)
    taken = [s.id for s in await spaces.list()]
    with pytest.raises(ConflictError) as caught:
        await spaces.assign(chosen.id)
    await spaces.release(chosen.id)

    assert len(offered) == 10 and {s.ip_address_version for s in offered} == {6}
    assert chosen.used_count is None  # counts only for one's own spaces
    assert taken == [1, 2, chosen.id]
    assert (caught.value.error_code, caught.value.error_token) == (1405, "Duplicated")
    assert [s.id for s in await spaces.list()] == [1, 2]
    assert emnify_emulator.requests[1].query == {"ip_address_version": "6"}
    assert emnify_emulator.state.profiles.ip_spaces[chosen.id].org_id is None


async def test_the_default_version_is_the_apis(
    client: AsyncEmnify, emnify_emulator: Emulator
) -> None:
    offered = await client.ip_address_spaces.available()

    assert {s.ip_address_version for s in offered} == {4}
    assert emnify_emulator.requests[-1].query == {}


async def test_a_used_space_is_not_released(client: AsyncEmnify, emnify_emulator: Emulator) -> None:
    """Documented: a space with endpoints cannot be released (409 CannotBeDeleted)."""
    with pytest.raises(ConflictError) as caught:
        await client.ip_address_spaces.release(2)

    assert (caught.value.error_code, caught.value.error_token) == (1407, "CannotBeDeleted")
    assert emnify_emulator.state.profiles.ip_spaces[2].org_id == 101


@pytest.mark.parametrize("space_id", [9, 99999])
async def test_others_or_unknown_are_not_found(client: AsyncEmnify, space_id: int) -> None:
    """Releasing another organisation's space is as if it did not exist (404 1401)."""
    with pytest.raises(NotFoundError) as caught:
        await client.ip_address_spaces.release(space_id)
    assert caught.value.error_token == "InvalidReference"


class TestCreate:
    """POST /api/v1/ip_address_space (newer docs): a space of one's choice."""

    async def test_create_a_space_of_ones_choice(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """It is the organisation's at once; the free spaces it overlaps are offered no more."""
        created = await client.ip_address_spaces.create(
            ip_address_space="100.80.1.0/24", ip_address_version=4
        )
        listed = await client.ip_address_spaces.list()

        assert isinstance(created, IpAddressSpace)
        assert (created.ip_address_space, created.ip_address_version) == ("100.80.1.0/24", 4)
        assert created.id not in (1, 2) and listed[-1].id == created.id
        assert (listed[-1].used_count, listed[-1].available_count) == (0, 254)
        sent = emnify_emulator.requests[1]
        assert json.loads(sent.body) == {
            "ip_address_space": "100.80.1.0/24",
            "ip_address_version": 4,
        }
        network = ipaddress.ip_network("100.80.1.0/24")
        spaces = emnify_emulator.state.profiles.ip_spaces.values()
        overlapping = [s.id for s in spaces if s.version == 4 and s.network.overlaps(network)]
        assert overlapping == [created.id]

    async def test_an_offered_network_keeps_its_id(self, client: AsyncEmnify) -> None:
        """Creating exactly a free space's network takes that space."""
        [offered, *_] = await client.ip_address_spaces.available()
        assert offered.ip_address_space is not None

        created = await client.ip_address_spaces.create(
            ip_address_space=offered.ip_address_space, ip_address_version=4
        )

        assert created.id == offered.id
        assert offered.id in [s.id for s in await client.ip_address_spaces.list()]

    async def test_an_overlap_is_a_conflict(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Documented: 409 when it overlaps an allocated space (here 10.0.0.0/8)."""
        with pytest.raises(ConflictError) as caught:
            await client.ip_address_spaces.create(
                ip_address_space="10.192.0.0/24", ip_address_version=4
            )

        assert (caught.value.error_code, caught.value.error_token) == (1405, "Duplicated")
        assert [s.id for s in await client.ip_address_spaces.list()] == [1, 2]

    @pytest.mark.parametrize(
        "network", ["192.168.0.0/24", "100.64.0.0/26", "100.96.0.0/31"], ids=str
    )
    async def test_not_allowed_is_unprocessable(self, client: AsyncEmnify, network: str) -> None:
        """Documented: 422 outside the allowed ranges or over the reserved 100.64.0.0/24."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.ip_address_spaces.create(ip_address_space=network, ip_address_version=4)
        assert caught.value.error_token == "NotAllowed"

    async def test_a_failed_create_is_not_repeated(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A create whose answer was lost is not sent again (it would now overlap: 409)."""
        path = "/api/v1/ip_address_space"
        emnify_emulator.inject(method="POST", path=path, status=502, action="replace")

        with pytest.raises(EmnifyError):
            await client.ip_address_spaces.create(
                ip_address_space="fd00:1::/120", ip_address_version=6
            )

        assert [r.method for r in emnify_emulator.requests if r.path == path] == ["POST"]
        listed = await client.ip_address_spaces.list()
        assert [s.ip_address_space for s in listed][-1] == "fd00:1::/120"


def test_create_blocking(threaded_emulator: Emulator) -> None:
    with emnify_sync.Emnify(
        threaded_emulator.application_token, base_url=threaded_emulator.base_url
    ) as client:
        created = client.ip_address_spaces.create(
            ip_address_space="100.96.0.0/16", ip_address_version=4
        )

    assert (created.ip_address_space, created.ip_address_version) == ("100.96.0.0/16", 4)


BAD_CALLS: list[tuple[str, Callable[[AsyncEmnify], Awaitable[object]]]] = [
    ("version 5", lambda c: c.ip_address_spaces.available(ip_address_version=5).to_list()),
    ("version text", lambda c: c.ip_address_spaces.available(ip_address_version="4").to_list()),  # type: ignore[arg-type]
    ("version bool", lambda c: c.ip_address_spaces.available(ip_address_version=True).to_list()),
    ("assign 0", lambda c: c.ip_address_spaces.assign(0)),
    ("release text", lambda c: c.ip_address_spaces.release("2")),  # type: ignore[arg-type]
    (
        "host bits set",
        lambda c: c.ip_address_spaces.create(
            ip_address_space="10.192.0.1/24", ip_address_version=4
        ),
    ),
    (
        "not a network",
        lambda c: c.ip_address_spaces.create(ip_address_space="ten", ip_address_version=4),
    ),
    (
        "version 5",
        lambda c: c.ip_address_spaces.create(
            ip_address_space="10.192.0.0/24", ip_address_version=5
        ),
    ),
    (
        "version of another network",
        lambda c: c.ip_address_spaces.create(ip_address_space="fd00::/120", ip_address_version=4),
    ),
    (
        "network not text",
        lambda c: c.ip_address_spaces.create(ip_address_space=167772160, ip_address_version=4),  # type: ignore[arg-type]
    ),
]


@pytest.mark.parametrize(("what", "call"), BAD_CALLS, ids=[what for what, _ in BAD_CALLS])
async def test_bad_input_is_sent_nowhere(
    client: AsyncEmnify,
    emnify_emulator: Emulator,
    what: str,
    call: Callable[[AsyncEmnify], Awaitable[object]],
) -> None:
    with pytest.raises(InputError):
        await call(client)
    assert emnify_emulator.requests == []
