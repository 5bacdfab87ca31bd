"""`client.sim_batches` over real HTTP against the emulator."""

from __future__ import annotations

import pytest

from emnify_async import (
    AsyncEmnify,
    BadRequestError,
    InputError,
    NotFoundError,
    SimBatch,
    SimStatusId,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator


def _bic(emulator: Emulator, kind: str) -> str:
    state = emulator.state
    for bic, batch in state.batches.items():
        foreign = state.batch_is_foreign(batch, state.org_id)
        found = {"registered": batch.registered, "foreign": foreign}.get(
            kind, not (batch.registered or foreign)
        )
        if found:
            return bic
    raise AssertionError(f"no {kind} batch in the emulator")


class TestValidate:
    async def test_registrable_batch(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """A batch in stock validates with its quantity and status."""
        bic = _bic(emnify_emulator, "free")

        batch = await client.sim_batches.validate(bic)

        assert isinstance(batch, SimBatch)
        assert batch.bic == bic
        assert batch.quantity == len(emnify_emulator.state.batches[bic].sim_ids)
        assert batch.status is not None and batch.status.description == "IN STOCK"

    async def test_unknown_bic(self, client: AsyncEmnify) -> None:
        """No batch with that BIC: NotFoundError."""
        with pytest.raises(NotFoundError):
            await client.sim_batches.validate("0000000000000000")

    async def test_already_registered(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """An already registered batch: BadRequestError."""
        with pytest.raises(BadRequestError):
            await client.sim_batches.validate(_bic(emnify_emulator, "registered"))

    async def test_foreign_sims(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """A batch holding another organisation's SIMs: UnprocessableEntityError."""
        with pytest.raises(UnprocessableEntityError):
            await client.sim_batches.validate(_bic(emnify_emulator, "foreign"))

    @pytest.mark.parametrize("bic", ["short", "abcdefghijklmnop", "0000-0000-0000-0", ""])
    async def test_malformed_bic_fails_before_sending(
        self, bic: str, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A BIC is 16 digits or capitals; anything else is refused locally."""
        with pytest.raises(InputError):
            await client.sim_batches.validate(bic)

        assert emnify_emulator.requests == []


class TestRegister:
    async def test_register_assigns_the_sims(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Registering returns the batch's SIMs (only their id and ICCID, as emnify answers),
        now ours, in the chosen status."""
        bic = _bic(emnify_emulator, "free")
        expected_ids = emnify_emulator.state.batches[bic].sim_ids

        sims = await client.sim_batches.register(bic, status=SimStatusId.ACTIVATED)

        assert sorted(s.id for s in sims) == sorted(expected_ids)
        assert all(s.iccid and s.status is None for s in sims)
        listed = {s.id: s for s in await client.sims.list().to_list()}
        assert set(expected_ids) <= set(listed)
        assert all(listed[i].status.id == SimStatusId.ACTIVATED for i in expected_ids)  # type: ignore[union-attr]

    async def test_register_twice_is_refused(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The second registration of a batch fails with 422."""
        bic = _bic(emnify_emulator, "free")
        await client.sim_batches.register(bic, status=SimStatusId.ISSUED)

        with pytest.raises(UnprocessableEntityError):
            await client.sim_batches.register(bic, status=SimStatusId.ISSUED)

    @pytest.mark.parametrize("status", [SimStatusId.SUSPENDED, SimStatusId.DELETED, 7, True])
    async def test_only_issued_activated_or_factory_test(
        self, status: int, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Other statuses are refused locally."""
        with pytest.raises(InputError):
            await client.sim_batches.register(_bic(emnify_emulator, "free"), status=status)

        assert emnify_emulator.requests == []
