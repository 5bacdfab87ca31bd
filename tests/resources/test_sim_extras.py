"""SIM calls of the newer docs over real HTTP: migrating SIMs to another workspace, deleting
many in one request (every SIM accounted for truthfully), the unlinked eSIM statistics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from emnify_async import (
    AsyncEmnify,
    ConflictError,
    InputError,
    NotFoundError,
    OutcomeUnknownError,
    SimStatusId,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator

from ..conftest import FAST_RETRY

ENTERPRISE = 102
MULTI = "/api/v1/sim/multi"


@pytest.fixture
async def user(emnify_emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client logged in as the emulator's user (migrations need a user login)."""
    async with AsyncEmnify(
        username=emnify_emulator.username,
        password=emnify_emulator.password,
        base_url=emnify_emulator.base_url,
        retry=FAST_RETRY,
        rate_limits=False,
    ) as client:
        yield client


def _sims(emu: Emulator, status: int, endpoint: bool, count: int) -> list[int]:
    table = emu.state.table
    found = [
        i
        for i in emu.state.sim_ids()
        if table.status[i - 1] == status and bool(table.endpoint[i - 1]) == endpoint
    ]
    assert len(found) >= count
    return found[:count]


def _sent(emu: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emu.requests if r.path != "/api/v1/authenticate"]


class TestMigration:
    async def test_a_dry_run_changes_nothing_then_the_migration_moves_them(
        self, user: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Activated SIMs in devices: the dry run only reports; the migration detaches,
        suspends and moves them."""
        emu = emnify_emulator
        sims = _sims(emu, SimStatusId.ACTIVATED, True, 2)

        preview = await user.sims.migrate_to_workspace(
            ENTERPRISE, sims=sims, auto_detach_devices=True
        )
        assert (preview.dry_run, preview.sim_count) == (True, 2)
        assert [s.id for s in preview.sims] == sims
        assert all(s.endpoint is not None for s in preview.sims)
        assert emu.state.table.owner[sims[0] - 1] != ENTERPRISE

        done = await user.sims.migrate_to_workspace(
            ENTERPRISE, sims=sims, auto_detach_devices=True, dry_run=False
        )
        assert done.dry_run is False and done.target_workspace is not None
        assert done.target_workspace.id == ENTERPRISE
        for sim_id in sims:
            assert emu.state.table.owner[sim_id - 1] == ENTERPRISE
            assert emu.state.table.status[sim_id - 1] == SimStatusId.SUSPENDED
            assert emu.state.table.endpoint[sim_id - 1] == 0
        with pytest.raises(NotFoundError):  # no longer the caller's
            await user.sims.get(sims[0])

    async def test_refusals(
        self, user: AsyncEmnify, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Attached SIMs without detaching: 409 naming the rule; an application token sees no
        other workspace: 404; nothing moves."""
        sims = _sims(emnify_emulator, SimStatusId.ACTIVATED, True, 1)

        with pytest.raises(ConflictError) as conflict:
            await user.sims.migrate_to_workspace(ENTERPRISE, sims=sims, dry_run=False)
        with pytest.raises(NotFoundError):
            await client.sims.migrate_to_workspace(ENTERPRISE, sims=sims, auto_detach_devices=True)

        assert [e.error_code for e in conflict.value.errors] == [1502]
        assert emnify_emulator.state.table.owner[sims[0] - 1] != ENTERPRISE

    @pytest.mark.parametrize(
        "kwargs",
        [
            {},
            {"sims": [1], "iccids": ["8988303000000000001"]},
            {"sims": list(range(1, 502))},
            {"iccids": ["898830300000000001"]},
            {"iccid_range": ("8988303000000000009", "8988303000000000001")},
            {"iccid_range": ("8988303000000000001", "8988303000000000600")},
            {"sims": [1], "allowed_sim_statuses": []},
            {"sims": [0]},
        ],
        ids=[
            "none",
            "two-ways",
            "501",
            "iccid-18",
            "range-reversed",
            "range-600",
            "no-status",
            "0",
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, kwargs: dict[str, Any], user: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await user.sims.migrate_to_workspace(ENTERPRISE, **kwargs)
        assert _sent(emnify_emulator) == []


class TestDeleteMany:
    async def test_deleted_in_one_request(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        sims = _sims(emnify_emulator, SimStatusId.ISSUED, False, 3)

        result = await client.sims.delete_many([*sims, sims[0]])

        assert result.ok and result.succeeded == sims
        assert [r.path for r in emnify_emulator.requests if r.method == "DELETE"] == [MULTI]
        assert all(emnify_emulator.state.sim(i) is None for i in sims)

    async def test_a_refused_request_deletes_none_and_says_so_per_sim(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A SIM with an endpoint refuses the whole request: every SIM still there failed."""
        free = _sims(emnify_emulator, SimStatusId.ISSUED, False, 2)
        attached = _sims(emnify_emulator, SimStatusId.ACTIVATED, True, 1)

        result = await client.sims.delete_many([*free, *attached])

        assert result.succeeded == []
        assert all(isinstance(item.error, UnprocessableEntityError) for item in result.items)
        assert all(emnify_emulator.state.sim(i) is not None for i in [*free, *attached])

    async def test_a_lost_answer_is_no_false_failure(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The SIMs were deleted and the answer lost; the retry finds them gone (404): read
        back, every SIM is reported deleted, and nothing was deleted twice."""
        sims = _sims(emnify_emulator, SimStatusId.ISSUED, False, 2)
        emnify_emulator.inject("DELETE", MULTI, status=502, action="replace")

        result = await client.sims.delete_many(sims)

        assert result.ok and result.succeeded == sims
        statuses = [r.status for r in emnify_emulator.requests if r.path == MULTI]
        assert statuses == [502, 404]

    async def test_an_unreadable_outcome_is_unknown(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        sims = _sims(emnify_emulator, SimStatusId.ISSUED, False, 1)
        emnify_emulator.inject("DELETE", MULTI, status=400)
        emnify_emulator.inject("GET", f"/api/v1/sim/{sims[0]}", status=503, times=10)

        result = await client.sims.delete_many(sims)

        assert [item.outcome for item in result.items] == ["unknown"]
        assert isinstance(result.items[0].error, OutcomeUnknownError)

    @pytest.mark.parametrize("ids", [[], [0], "12", None], ids=["empty", "0", "str", "none"])
    async def test_bad_input_is_sent_nowhere(
        self, ids: Any, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await client.sims.delete_many(ids)
        assert _sent(emnify_emulator) == []


async def test_unlinked_product_stats_count_the_stock(
    client: AsyncEmnify, emnify_emulator: Emulator
) -> None:
    stats = await client.sims.unlinked_product_stats()
    stock = emnify_emulator.state.euiccs.unlinked(emnify_emulator.state.org_id)

    assert sum(s.quantity or 0 for s in stats) == len(stock) > 0
    assert all(s.product is not None and s.product.name for s in stats)
