"""SIM operations (newer docs) over real HTTP against the emulator: linking eSIM profiles to
EIDs, followed by the clock; the unlinked eSIM stock and the EID validation agree."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from emnify_async import (
    APIStatusError,
    AsyncEmnify,
    BadRequestError,
    InputError,
    NotFoundError,
    SimTarget,
)
from emnify_async.testing import Emulator, ManualClock

from ..conftest import FAST_RETRY


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock("2026-03-14T12:00:00Z")


@pytest.fixture
async def emu(emnify_emulator_factory: Any, clock: ManualClock) -> Emulator:
    emulator: Emulator = await emnify_emulator_factory(sims=250, clock=clock)
    return emulator


@pytest.fixture
async def api(emu: Emulator) -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(
        emu.application_token, base_url=emu.base_url, retry=FAST_RETRY, rate_limits=False
    ) as client:
        yield client


def _eid(emu: Emulator, index: int) -> str:
    return emu.state.euiccs.eid(emu.state.euiccs.ids(emu.state.org_id)[index])


def _description(value: Any) -> str | None:
    return None if value is None else value.description


async def _stock(api: AsyncEmnify) -> dict[int | None, int | None]:
    return {
        s.product.id if s.product else None: s.quantity
        for s in await api.sims.unlinked_product_stats()
    }


class TestSimOperations:
    async def test_a_link_runs_by_the_clock_and_shows_everywhere(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """Scheduled, In progress, Completed; then the EID is linked, the stock is one less."""
        eid = _eid(emu, 0)
        before = await _stock(api)
        assert await api.euiccs.linked([eid]) == []

        started = await api.sim_operations.trigger(
            action=1, product=1, targets=[SimTarget(eid=eid)]
        )
        assert _description(started.status) == "Scheduled"
        assert started.finalization_date is None and started.success_count == 0
        (target,) = started.target
        assert target.eid == eid and target.sim is not None
        clock.advance(1)
        assert _description((await api.sim_operations.get(started.id)).status) == "In progress"
        clock.advance(4)
        done = await api.sim_operations.get(uuid.UUID(started.id))

        assert _description(done.status) == "Completed"
        assert (done.total_count, done.success_count, done.failed_count) == (1, 1, 0)
        assert done.finalization_date is not None and done.error == []
        assert await api.euiccs.linked([eid, _eid(emu, 1)]) == [eid]
        assert (await _stock(api)).get(1, 0) == (before.get(1) or 0) - 1
        assert [op.id for op in await api.sim_operations.list(q={"action": 1})] == [done.id]

    async def test_each_target_is_accounted_for(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """A SIM not in the eSIM stock fails alone: Completed with errors, counted, named."""
        stock = emu.state.euiccs.unlinked(emu.state.org_id)[0]
        good, bad = _eid(emu, 2), _eid(emu, 3)
        started = await api.sim_operations.trigger(
            action=1, targets=[SimTarget(sim=stock, eid=good), SimTarget(sim=1, eid=bad)]
        )
        clock.advance(5)
        done = await api.sim_operations.get(started.id)

        assert _description(done.status) == "Completed with errors"
        assert (done.success_count, done.failed_count) == (1, 1)
        assert [(e.eid, bool(e.message)) for e in done.error] == [(bad, True)]
        assert await api.euiccs.linked([good, bad]) == [good]

    async def test_lookups(self, api: AsyncEmnify) -> None:
        assert [a.description for a in await api.sim_operations.actions()][:1] == [
            "Link eSIM profile"
        ]
        assert "Completed" in [s.description for s in await api.sim_operations.statuses()]

    async def test_refused_and_unknown(self, api: AsyncEmnify, emu: Emulator) -> None:
        """An unknown action is a 400 (the eSIM services' `{status_code, message}`); an unknown
        operation a 404."""
        with pytest.raises(BadRequestError) as caught:
            await api.sim_operations.trigger(action=99, targets=[SimTarget(eid=_eid(emu, 0))])
        with pytest.raises(NotFoundError):
            await api.sim_operations.get(str(uuid.UUID(int=1)))
        assert caught.value.message and caught.value.error_code is None

    async def test_not_repeated_after_a_lost_answer(self, api: AsyncEmnify, emu: Emulator) -> None:
        emu.inject("POST", "/api/v1/sim/operation", status=502, action="replace")

        with pytest.raises(APIStatusError):
            await api.sim_operations.trigger(
                action=1, product=1, targets=[SimTarget(eid=_eid(emu, 0))]
            )

        assert len(await api.sim_operations.list()) == 1

    @pytest.mark.parametrize(
        "call",
        [
            lambda api: api.sim_operations.trigger(action=1, targets=[]),
            lambda api: api.sim_operations.trigger(action=1, targets=[{"eid": "89"}]),
            lambda api: api.sim_operations.trigger(action=-1, targets=[SimTarget(sim=1)]),
            lambda api: api.sim_operations.get("7"),
            lambda api: api.sim_operations.list(per_page=1001).to_list(),
            lambda api: api.sim_operations.list(q="status:1\n").to_list(),
        ],
        ids=["no-target", "dict-target", "action", "operation-id", "per-page", "control"],
    )
    async def test_bad_input_is_sent_nowhere(
        self, call: Any, api: AsyncEmnify, emu: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await call(api)
        assert [r.path for r in emu.requests if r.path != "/api/v1/authenticate"] == []

    @pytest.mark.parametrize(
        "fields", [{}, {"eid": "8904"}, {"eid": 89}, {"sim": 0}], ids=["empty", "short", "n", "0"]
    )
    def test_bad_targets_are_refused(self, fields: dict[str, Any]) -> None:
        with pytest.raises(InputError):
            SimTarget(**fields)
