"""Bulk SIM changes: every id accounted for, nothing applied twice, failures never abort."""

from __future__ import annotations

import collections

import pytest

from emnify_async import (
    AsyncEmnify,
    BulkItem,
    InputError,
    NotFoundError,
    RetryPolicy,
    SimStatusId,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, Faults


async def _ids_with_status(client: AsyncEmnify, status: int, count: int) -> list[int]:
    page = await client.sims.list(q={"status": status}, per_page=count).first_page()
    assert len(page.items) == count
    return [sim.id for sim in page.items]


def _patches(emulator: Emulator) -> collections.Counter[str]:
    return collections.Counter(
        r.path for r in emulator.requests if r.method == "PATCH" and r.status == 204
    )


class TestBulkStatus:
    async def test_every_id_gets_a_result_in_input_order(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Issued SIMs activate, an unknown id fails with NotFoundError, order is kept."""
        issued = await _ids_with_status(client, SimStatusId.ISSUED, 6)
        ids = [*issued[:3], 987_654_321, *issued[3:]]

        result = await client.sims.bulk_activate(ids)

        assert [item.id for item in result.items] == ids
        assert result.succeeded == issued
        assert [type(item.error) for item in result.failed] == [NotFoundError]
        assert not result.ok
        for sim_id in issued:
            assert emnify_emulator.state.sim(sim_id)["status"]["id"] == SimStatusId.ACTIVATED  # type: ignore[index]

    async def test_refused_items_fail_alone(self, client: AsyncEmnify) -> None:
        """Suspending Issued SIMs is refused per item; the Activated ones still suspend."""
        issued = await _ids_with_status(client, SimStatusId.ISSUED, 2)
        activated = await _ids_with_status(client, SimStatusId.ACTIVATED, 3)

        result = await client.sims.bulk_suspend([*issued, *activated])

        assert result.succeeded == activated
        assert [item.id for item in result.failed] == issued
        assert all(isinstance(item.error, UnprocessableEntityError) for item in result.failed)

    async def test_already_in_target_status_counts_as_done(self, client: AsyncEmnify) -> None:
        """A re-run over SIMs that already have the status reports them done."""
        activated = await _ids_with_status(client, SimStatusId.ACTIVATED, 4)

        result = await client.sims.bulk_activate(activated)

        assert result.ok
        assert result.succeeded == activated

    async def test_repeated_ids_are_changed_once(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """An id given twice is patched once and reported once."""
        issued = await _ids_with_status(client, SimStatusId.ISSUED, 2)

        result = await client.sims.bulk_activate([issued[0], issued[1], issued[0]])

        assert [item.id for item in result.items] == issued
        assert _patches(emnify_emulator) == {f"/api/v1/sim/{i}": 1 for i in issued}

    async def test_bulk_update_of_organisations(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`bulk_update` sends the same body to every SIM."""
        activated = await _ids_with_status(client, SimStatusId.ACTIVATED, 3)

        result = await client.sims.bulk_update(activated, customer_org=None)

        assert result.ok
        owner = {"id": emnify_emulator.state.org_id}
        assert all(
            emnify_emulator.state.sim(i)["customer_org"].items() >= owner.items()  # type: ignore[index]
            for i in activated
        )

    @pytest.mark.parametrize(
        "ids", [[1, 0, 2], [1, "2"], "123"], ids=["zero", "string-id", "string"]
    )
    async def test_invalid_ids_fail_before_anything_is_sent(
        self, ids: object, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """One bad id refuses the whole job up front, so nothing is half-done."""
        with pytest.raises(InputError):
            await client.sims.bulk_activate(ids)  # type: ignore[arg-type]

        assert emnify_emulator.requests == []

    async def test_progress_and_on_result(self, client: AsyncEmnify) -> None:
        """progress(done, total) counts up to the total; on_result sees each id once."""
        issued = await _ids_with_status(client, SimStatusId.ISSUED, 5)
        progress: list[tuple[int, int | None]] = []
        seen: list[BulkItem] = []

        await client.sims.bulk_activate(
            issued,
            progress=lambda done, total: progress.append((done, total)),
            on_result=seen.append,
        )

        assert progress == [(n, 5) for n in range(1, 6)]
        assert sorted(item.id for item in seen) == sorted(issued)


class TestBulkUnderFaults:
    async def test_transient_failures_are_retried_per_item(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """503s and a dropped connection on some items are retried; all end done, once each."""
        issued = await _ids_with_status(client, SimStatusId.ISSUED, 4)
        emnify_emulator.inject("PATCH", f"/api/v1/sim/{issued[0]}", status=503, times=2)
        emnify_emulator.inject("PATCH", f"/api/v1/sim/{issued[1]}", action="reset", times=2)
        emnify_emulator.inject(
            "PATCH", f"/api/v1/sim/{issued[2]}", status=429, headers={"Retry-After": "0"}
        )

        result = await client.sims.bulk_activate(issued)

        assert result.ok
        assert _patches(emnify_emulator) == {f"/api/v1/sim/{i}": 1 for i in issued}

    async def test_random_faults_lose_nothing(self, emnify_emulator_factory: object) -> None:
        """Under random 5xx, resets and truncation every id ends done or failed, exactly once."""
        faults = Faults(error_rate=0.15, reset_rate=0.05, truncate_rate=0.05)
        emulator: Emulator = await emnify_emulator_factory(sims=300, seed=7, faults=faults)  # type: ignore[operator]
        retry = RetryPolicy(max_retries=2, initial_delay=0.01, max_delay=0.02, jitter=0)
        async with AsyncEmnify(
            emulator.application_token, base_url=emulator.base_url, retry=retry, rate_limits=False
        ) as client:
            ids = emulator.state.sim_ids()[:120].tolist()
            result = await client.sims.bulk_suspend(ids, concurrency=16)

        assert [item.id for item in result.items] == ids
        for item in result.items:
            status = emulator.state.sim(item.id)["status"]["id"]  # type: ignore[index]
            if item.ok:
                assert status == SimStatusId.SUSPENDED
        assert len(result.succeeded) > len(ids) // 2
