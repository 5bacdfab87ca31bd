"""`client.tariff_profiles` over real HTTP against the emulator: each call, an error, bad input."""

from __future__ import annotations

import datetime
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest

import emnify_sync
from emnify_async import (
    AsyncEmnify,
    BadRequestError,
    ConflictError,
    Country,
    Currency,
    IdRef,
    InputError,
    NamedRef,
    NotFoundError,
    OperatorBlocklist,
    Ratezone,
    Status,
    TariffProfile,
    TariffProfileCoverage,
    TariffProfileOperatorBlock,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator

from ..conftest import FAST_RETRY


def _sent(emulator: Emulator) -> list[tuple[str, str, Any]]:
    return [
        (r.method, r.path, json.loads(r.body) if r.body else None)
        for r in emulator.requests
        if r.path != "/api/v1/authenticate"
    ]


@pytest.fixture
async def acme(emnify_emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client acting as the enterprise 102 (profile 11, with inclusive volume 501)."""
    async with AsyncEmnify(
        emnify_emulator.application_token_for(102),
        base_url=emnify_emulator.base_url,
        retry=FAST_RETRY,
        rate_limits=False,
    ) as client:
        yield client


class TestRead:
    async def test_list_and_get(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """The organisation's profiles, typed from the API's strings; details agree."""
        profiles = await client.tariff_profiles.list()
        two = await client.tariff_profiles.get(2)
        state = emnify_emulator.state

        assert [p.id for p in profiles] == [1, 2]
        assert all(isinstance(p, TariffProfile) for p in profiles)
        assert two == profiles[1]
        assert (two.name, two.description, two.organisation_id) == (
            "Global Roaming",
            "Worldwide",
            101,
        )
        assert profiles[0].description is None and profiles[0].inclusive_volume is None
        assert two.used_count == state.profiles.tariff_profile_used_count(2) > 0
        tariff = two.tariff
        assert tariff is not None
        assert (tariff.id, tariff.organisation_id, tariff.public, tariff.data_blocksize_id) == (
            54,
            2,
            False,
            11,
        )
        assert tariff.currency == Currency(id=1, code="EUR", symbol="€")
        assert tariff.created is not None and tariff.created.tzinfo is not None
        assert emnify_emulator.requests[-1].query == {}

    async def test_inclusive_volume_of_a_profile(self, acme: AsyncEmnify) -> None:
        """The assigned volume, dates as dates and its ratezone typed."""
        (profile,) = await acme.tariff_profiles.list()

        volume = profile.inclusive_volume
        assert volume is not None
        assert (volume.id, volume.volume, volume.pooled) == (501, 100.0, True)
        assert (volume.start_date, volume.end_date) == (datetime.date(2024, 1, 1), None)
        assert volume.ratezone == Ratezone(id=11, name="Europe Zone 1")

    async def test_coverage(self, client: AsyncEmnify) -> None:
        """Countries of the selected ratezones, each with its number of networks."""
        coverage = await client.tariff_profiles.coverage(1)

        assert all(isinstance(c, TariffProfileCoverage) for c in coverage)
        assert [(c.country, c.redundancy_count) for c in coverage][:2] == [
            (Country(id=74, name="Germany"), 3),
            (Country(id=150, name="Netherlands"), 1),
        ]

    @pytest.mark.parametrize("profile_id", [11, 4711])
    async def test_others_or_unknown_are_not_found(
        self, client: AsyncEmnify, profile_id: int
    ) -> None:
        """Another organisation's profile is as missing as an unknown one."""
        with pytest.raises(NotFoundError) as caught:
            await client.tariff_profiles.get(profile_id)
        assert (caught.value.error_code, caught.value.error_token) == (1201, "NotFound")


class TestWrite:
    async def test_create_update_delete(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Only the fields passed are sent, the tariff as {"id": n}; the new profile is listed,
        renamed, emptied of its description, and gone after delete."""
        profiles = client.tariff_profiles
        template = (await profiles.get(1)).tariff  # a model with an id is a reference
        assert template is not None
        new_id = await profiles.create(name="Fleet", tariff=template)
        await profiles.update(new_id, name="Fleet 2", description=None)
        updated = await profiles.get(new_id)
        await profiles.delete(new_id)

        assert _sent(emnify_emulator)[1:] == [
            ("POST", "/api/v1/tariff_profile", {"name": "Fleet", "tariff": {"id": 54}}),
            ("PATCH", f"/api/v1/tariff_profile/{new_id}", {"name": "Fleet 2", "description": None}),
            ("GET", f"/api/v1/tariff_profile/{new_id}", None),
            ("DELETE", f"/api/v1/tariff_profile/{new_id}", None),
        ]
        assert (updated.name, updated.description, updated.used_count) == ("Fleet 2", None, 0)
        assert emnify_emulator.state.billing.profile(101, new_id) is None

    async def test_a_profile_in_use_is_not_deleted(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Documented: a profile its endpoints use cannot be deleted."""
        with pytest.raises(ConflictError) as caught:
            await client.tariff_profiles.delete(1)

        assert (caught.value.error_code, caught.value.error_token) == (1407, "CannotBeDeleted")
        assert emnify_emulator.state.billing.profile(101, 1) is not None

    async def test_a_foreign_tariff_is_refused(self, client: AsyncEmnify) -> None:
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.tariff_profiles.create(name="x", tariff=9, description="y")
        assert caught.value.errors[0].error_token == "InvalidReference"

    async def test_ratezone_selection_changes_the_coverage(self, client: AsyncEmnify) -> None:
        """Selecting "Rest of World" adds its countries; deselecting takes them away; an
        inactive ratezone cannot be selected."""
        profiles = client.tariff_profiles
        before = {c.country.name for c in await profiles.coverage(1) if c.country}

        await profiles.select_ratezone(1, 2)
        during = {c.country.name for c in await profiles.coverage(1) if c.country}
        with pytest.raises(ConflictError):
            await profiles.select_ratezone(1, 2)
        with pytest.raises(UnprocessableEntityError) as caught:
            await profiles.select_ratezone(1, 3)
        await profiles.deselect_ratezone(1, 2)
        with pytest.raises(NotFoundError):
            await profiles.deselect_ratezone(1, 2)

        assert during - before == {"Afghanistan", "Albania"}
        assert {c.country.name for c in await profiles.coverage(1) if c.country} == before
        assert caught.value.error_token == "NotAllowed"

    async def test_inclusive_volume_assignment(self, acme: AsyncEmnify) -> None:
        """One volume per profile (409), its removal only of the assigned one (400); the
        profile shows the volume it has."""
        profiles = acme.tariff_profiles
        with pytest.raises(ConflictError):
            await profiles.assign_inclusive_volume(11, 503)
        with pytest.raises(BadRequestError):
            await profiles.unassign_inclusive_volume(11, 503)

        await profiles.unassign_inclusive_volume(11, 501)
        without = await profiles.get(11)
        await profiles.assign_inclusive_volume(11, 503)
        with_503 = await profiles.get(11)

        assert without.inclusive_volume is None
        assert with_503.inclusive_volume is not None and with_503.inclusive_volume.id == 503
        with pytest.raises(NotFoundError):
            await profiles.assign_inclusive_volume(11, 504)  # the parent's volume


class TestOperatorBlocklist:
    """The v2 operator blocklist (newer docs): complete blocks and RAT types kept apart."""

    async def test_block_operators_and_rat_types(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A complete block and some RAT types of another operator are listed as kept."""
        profiles = client.tariff_profiles

        await profiles.block_operator(1, 2)
        await profiles.block_rat_types(1, 5, rat_types=[6, 8])
        listed = await profiles.blocked_operators(1)
        vodafone = await profiles.blocked_operator(1, 2)

        kept = emnify_emulator.state.billing.profile(101, 1)
        assert kept is not None
        assert (kept.blocked_operators, kept.blocked_rat_types) == ({2}, {5: {6, 8}})
        assert isinstance(vodafone, TariffProfileOperatorBlock)
        assert (
            vodafone
            == listed[0]
            == TariffProfileOperatorBlock(
                operator=NamedRef(id=2, name="Vodafone"),
                tariff_profile=IdRef(id=1),
                blocklist=OperatorBlocklist(operator=True, rat_types=[]),
            )
        )
        assert listed[1].blocklist == OperatorBlocklist(
            operator=False,
            rat_types=[Status(id=6, description="4G"), Status(id=8, description="NB-IoT")],
        )
        sent = _sent(emnify_emulator)
        assert sent[1][2] == {"rat_types": [{"id": 6}, {"id": 8}]}
        assert await profiles.blocked_operators(2) == []

    async def test_complete_block_and_rat_types_are_kept_apart(self, client: AsyncEmnify) -> None:
        """Documented: blocking or unblocking the operator leaves its RAT types as they are."""
        profiles = client.tariff_profiles
        await profiles.block_rat_types(2, 3, rat_types=6)

        await profiles.block_operator(2, 3)
        await profiles.block_operator(2, 3)  # blocked already: no change
        await profiles.unblock_operator(2, 3)
        after_unblock = (await profiles.blocked_operator(2, 3)).blocklist
        await profiles.block_operator(2, 3)
        await profiles.unblock_rat_type(2, 3, 6)
        after_rat = (await profiles.blocked_operator(2, 3)).blocklist
        await profiles.unblock_operator(2, 3)

        assert after_unblock == OperatorBlocklist(
            operator=False, rat_types=[Status(id=6, description="4G")]
        )
        assert after_rat == OperatorBlocklist(operator=True, rat_types=[])
        assert await profiles.blocked_operators(2) == []
        nothing = await profiles.blocked_operator(2, 3)
        assert nothing.blocklist == OperatorBlocklist(operator=False, rat_types=[])

    @pytest.mark.parametrize(
        "call",
        [
            lambda c: c.tariff_profiles.blocked_operators(4711).to_list(),
            lambda c: c.tariff_profiles.blocked_operators(11).to_list(),  # 102's profile
            lambda c: c.tariff_profiles.block_operator(1, 99999),
            lambda c: c.tariff_profiles.unblock_rat_type(1, 2, 99),
        ],
        ids=["unknown profile", "another's profile", "unknown operator", "unknown rat type"],
    )
    async def test_unknown_or_others_are_not_found(
        self, client: AsyncEmnify, call: Callable[[AsyncEmnify], Awaitable[object]]
    ) -> None:
        with pytest.raises(NotFoundError) as caught:
            await call(client)
        assert caught.value.error_token == "NotFound"

    async def test_a_rat_type_that_cannot_be_blocked(self, client: AsyncEmnify) -> None:
        """WLAN (3) is not blacklistable in `/api/v1/rat_type`: 422, and nothing changes."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.tariff_profiles.block_rat_types(1, 2, rat_types=[6, 3])

        assert caught.value.error_token == "NotAllowed"
        assert await client.tariff_profiles.blocked_operators(1) == []

    async def test_blocking_rat_types_is_repeated_after_a_lost_answer(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Blocking adds to a set, so the POST is retried (`safe=True`) and ends blocked."""
        path = "/api/v2/tariff_profile/1/operator_blocklist/operator/2/rat_type"
        emnify_emulator.inject(method="POST", path=path, status=502, action="replace")

        await client.tariff_profiles.block_rat_types(1, 2, rat_types=[7])

        assert [r.method for r in emnify_emulator.requests if r.path == path] == ["POST", "POST"]
        [entry] = await client.tariff_profiles.blocked_operators(1)
        assert entry.blocklist == OperatorBlocklist(
            operator=False, rat_types=[Status(id=7, description="LTE-M")]
        )


BAD_CALLS: list[tuple[str, Callable[[AsyncEmnify], Awaitable[object]]]] = [
    ("blank name", lambda c: c.tariff_profiles.create(name=" ", tariff=54)),
    ("tariff 0", lambda c: c.tariff_profiles.create(name="x", tariff=0)),
    ("tariff not an id", lambda c: c.tariff_profiles.create(name="x", tariff="54")),  # type: ignore[arg-type]
    ("empty update", lambda c: c.tariff_profiles.update(1)),
    ("description not text", lambda c: c.tariff_profiles.update(1, description=5)),  # type: ignore[arg-type]
    ("profile id 0", lambda c: c.tariff_profiles.get(0)),
    ("profile id bool", lambda c: c.tariff_profiles.delete(True)),
    ("ratezone id negative", lambda c: c.tariff_profiles.select_ratezone(1, -2)),
    ("ratezone id text", lambda c: c.tariff_profiles.deselect_ratezone(1, "2")),  # type: ignore[arg-type]
    ("volume id 0", lambda c: c.tariff_profiles.assign_inclusive_volume(1, 0)),
    ("volume id float", lambda c: c.tariff_profiles.unassign_inclusive_volume(1, 1.5)),  # type: ignore[arg-type]
    ("coverage id", lambda c: c.tariff_profiles.coverage(-1).to_list()),
    ("blocklist of 0", lambda c: c.tariff_profiles.blocked_operators(0).to_list()),
    ("operator id 0", lambda c: c.tariff_profiles.blocked_operator(1, 0)),
    ("operator id text", lambda c: c.tariff_profiles.block_operator(1, "2")),  # type: ignore[arg-type]
    ("unblock profile id bool", lambda c: c.tariff_profiles.unblock_operator(True, 2)),
    ("no rat types", lambda c: c.tariff_profiles.block_rat_types(1, 2, rat_types=[])),
    ("rat types text", lambda c: c.tariff_profiles.block_rat_types(1, 2, rat_types="6")),  # type: ignore[arg-type]
    ("rat type negative", lambda c: c.tariff_profiles.block_rat_types(1, 2, rat_types=[6, -1])),
    ("rat type id bool", lambda c: c.tariff_profiles.unblock_rat_type(1, 2, True)),
    ("rat type id negative", lambda c: c.tariff_profiles.unblock_rat_type(1, 2, -6)),
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


def test_sync_twin(threaded_emulator: Emulator) -> None:
    """The blocking facade has the same tariff profile calls."""
    with emnify_sync.Emnify(
        threaded_emulator.application_token, base_url=threaded_emulator.base_url, retry=FAST_RETRY
    ) as client:
        new_id = client.tariff_profiles.create(name="sync", tariff=54)
        client.tariff_profiles.select_ratezone(new_id, 1)
        coverage = client.tariff_profiles.coverage(new_id).to_list()
        client.tariff_profiles.delete(new_id)

    assert {c.country.name for c in coverage if c.country} >= {"Germany", "Sweden"}


def test_operator_blocklist_blocking(threaded_emulator: Emulator) -> None:
    """The blocking facade has the operator blocklist calls."""
    with emnify_sync.Emnify(
        threaded_emulator.application_token, base_url=threaded_emulator.base_url, retry=FAST_RETRY
    ) as client:
        client.tariff_profiles.block_operator(1, 4)
        client.tariff_profiles.block_rat_types(1, 4, rat_types=[9])
        listed = client.tariff_profiles.blocked_operators(1).to_list()
        client.tariff_profiles.unblock_rat_type(1, 4, 9)
        client.tariff_profiles.unblock_operator(1, 4)
        remaining = client.tariff_profiles.blocked_operators(1).to_list()

    [entry] = listed
    assert entry.blocklist is not None and entry.blocklist.operator is True
    assert [r.id for r in entry.blocklist.rat_types] == [9] and remaining == []
