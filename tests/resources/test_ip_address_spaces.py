"""`client.ip_address_spaces` over real HTTP against the emulator: calls, errors, bad input."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from emnify_async import AsyncEmnify, ConflictError, InputError, IpAddressSpace, NotFoundError
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


BAD_CALLS: list[tuple[str, Callable[[AsyncEmnify], Awaitable[object]]]] = [
    ("version 5", lambda c: c.ip_address_spaces.available(ip_address_version=5).to_list()),
    ("version text", lambda c: c.ip_address_spaces.available(ip_address_version="4").to_list()),  # type: ignore[arg-type]
    ("version bool", lambda c: c.ip_address_spaces.available(ip_address_version=True).to_list()),
    ("assign 0", lambda c: c.ip_address_spaces.assign(0)),
    ("release text", lambda c: c.ip_address_spaces.release("2")),  # type: ignore[arg-type]
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
