"""The blocking client in a script, in threads, and inside someone else's event loop."""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
import warnings

import pytest

from emnify_async import (
    ClientClosedError,
    EmnifyError,
    Euicc,
    EuiccOperationRequest,
    NotFoundError,
    Organisation,
    OrganisationStats,
    Sim,
    SimStatusId,
    Tariff,
)
from emnify_async.testing import Emulator
from emnify_sync import AsyncUsageWarning, Emnify
from emnify_sync._portal import portal

AUTH = "/api/v1/authenticate"


def _client(emulator: Emulator, **kwargs: object) -> Emnify:
    return Emnify(emulator.application_token, base_url=emulator.base_url, **kwargs)  # type: ignore[arg-type]


class TestPlainScript:
    def test_list_get_update(self, threaded_emulator: Emulator) -> None:
        """The whole fleet lists, and reads and writes return plain values."""
        with _client(threaded_emulator) as client:
            sims = list(client.sims.list(per_page=500))
            issued = next(s for s in sims if s.status and s.status.id == SimStatusId.ISSUED)
            client.sims.activate(issued.id)
            after = client.sims.get(issued.id)

        assert len(sims) == len(threaded_emulator.state.sim_ids())
        assert all(isinstance(s, Sim) for s in sims)
        assert after.status is not None and after.status.id == SimStatusId.ACTIVATED

    def test_nested_area(self, threaded_emulator: Emulator) -> None:
        """`client.euiccs.operations` blocks like the rest: schedule, then list."""
        with _client(threaded_emulator) as client:
            euicc = client.euiccs.list(per_page=3).to_list()[0]
            (scheduled,) = client.euiccs.operations.schedule(
                euicc.id, [EuiccOperationRequest(action=7)]
            )
            listed = client.euiccs.operations.list(euicc.id).to_list()

        assert isinstance(euicc, Euicc)
        assert [op.id for op in listed] == [scheduled.id]

    def test_errors_are_the_async_classes(self, threaded_emulator: Emulator) -> None:
        """A 404 raises the same NotFoundError class as the async client."""
        with _client(threaded_emulator) as client, pytest.raises(NotFoundError) as caught:
            client.sims.get(987_654_321)

        assert caught.value.error_code == 1201

    def test_close_then_use_raises(self, threaded_emulator: Emulator) -> None:
        """After close() the client refuses calls."""
        client = _client(threaded_emulator)
        client.sims.statuses().to_list()
        client.close()

        with pytest.raises(ClientClosedError):
            client.sims.statuses().to_list()

    def test_pages_and_collect(self, threaded_emulator: Emulator) -> None:
        """Page iteration, first_page and to_list work like the async pager."""
        with _client(threaded_emulator) as client:
            pages = list(client.sims.list(per_page=1000).iter_pages())
            first = client.sims.list(per_page=10).first_page()
            everything = client.sims.list().to_list()

        assert [p.page for p in pages] == [1, 2, 3]
        assert pages[0].total_count == len(everything)
        assert len(first.items) == 10


class TestPageCrossing:
    def test_one_loop_crossing_per_page(
        self, threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Iterating items crosses to the loop once per page (plus one to learn it ended)."""
        crossings = 0
        real_run = portal.run

        def counting_run(make):  # type: ignore[no-untyped-def]
            nonlocal crossings
            crossings += 1
            return real_run(make)

        with _client(threaded_emulator) as client:
            client.sims.statuses().to_list()
            monkeypatch.setattr(portal, "run", counting_run)
            count = sum(1 for _ in client.sims.list(per_page=300))
            monkeypatch.setattr(portal, "run", real_run)

        assert count == 3000
        assert crossings == 10 + 1

    def test_break_releases_the_stream(self, threaded_emulator: Emulator) -> None:
        """Leaving the loop early stops fetching further pages."""
        with _client(threaded_emulator, page_prefetch=2) as client:
            for _ in client.sims.list(per_page=10):
                break
            seen = len(threaded_emulator.requests)
            client.sims.statuses().to_list()

        pages = [r for r in threaded_emulator.requests if r.path == "/api/v1/sim"]
        assert len(threaded_emulator.requests) == seen + 1
        assert len(pages) <= 3

    def test_pager_close(self, threaded_emulator: Emulator) -> None:
        """`with pager:` closes an iteration left half-way."""
        with _client(threaded_emulator) as client, client.sims.list(per_page=10) as pager:
            pages = pager.iter_pages()
            next(pages)
        assert pager._streams == []


class TestThreads:
    def test_sixteen_threads_share_one_client(self, threaded_emulator: Emulator) -> None:
        """16 threads calling one client all succeed, with one login."""
        with _client(threaded_emulator) as client:

            def work(n: int) -> tuple[int, int]:
                sim = client.sims.get(n + 1)
                count = sum(1 for _ in client.sims.list(per_page=50, q={"id": n + 1}))
                return sim.id, count

            with concurrent.futures.ThreadPoolExecutor(16) as pool:
                results = list(pool.map(work, range(64)))

        assert [sim_id for sim_id, _ in results] == list(range(1, 65))
        assert {count for _, count in results} == {1}
        assert sum(1 for r in threaded_emulator.requests if r.path == AUTH) == 1


class TestInsideEventLoops:
    async def test_works_inside_a_running_loop_and_warns_once(
        self, threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Called from async code (a notebook cell, a handler) it works and warns, once."""
        monkeypatch.setattr(portal, "_warned", False)
        with _client(threaded_emulator) as client:
            with pytest.warns(AsyncUsageWarning, match="AsyncEmnify"):
                statuses = client.sims.statuses().to_list()
            again = client.sims.statuses().to_list()  # a second warning would be an error here

        assert len(statuses) == len(again) == 5

    async def test_warning_points_at_the_callers_line(
        self, threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The warning names the line of user code that made the call, not the SDK's."""
        monkeypatch.setattr(portal, "_warned", False)
        with _client(threaded_emulator) as client, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", AsyncUsageWarning)
            line = sys._getframe().f_lineno + 1
            client.sims.statuses().to_list()

        assert [(w.category, w.filename, w.lineno) for w in caught] == [
            (AsyncUsageWarning, __file__, line)
        ]

    async def test_warning_from_a_pager_points_at_the_for_loop(
        self, threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Iterating a pager (generators inside the SDK) also warns at the user's line."""
        monkeypatch.setattr(portal, "_warned", False)
        with _client(threaded_emulator) as client, warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", AsyncUsageWarning)
            line = sys._getframe().f_lineno + 1
            for _ in client.sims.list(per_page=1000):
                pass

        assert [(w.category, w.filename, w.lineno) for w in caught] == [
            (AsyncUsageWarning, __file__, line)
        ]

    def test_from_the_private_loop_raises_instead_of_deadlocking(
        self, threaded_emulator: Emulator
    ) -> None:
        """A sync call made on the SDK's own loop thread raises a clear error."""
        with _client(threaded_emulator) as client:

            async def reentrant() -> None:
                client.sims.statuses().to_list()

            with pytest.raises(EmnifyError, match="deadlock"):
                portal.run(reentrant)

    def test_warning_can_be_silenced(
        self, threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The warning is a normal warning category that filters can ignore."""
        monkeypatch.setattr(portal, "_warned", False)

        async def call() -> int:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", AsyncUsageWarning)
                with _client(threaded_emulator) as client:
                    return len(client.sims.statuses().to_list())

        assert asyncio.run(call()) == 5


class TestOrganisationsAndTariffs:
    def test_blocking_calls(self, threaded_emulator: Emulator) -> None:
        """The new resources return plain values in the sync client too."""
        with _client(threaded_emulator) as client:
            me = client.organisations.my()
            stats = client.organisations.monthly_stats(102)
            volumes = client.organisations.active_inclusive_volumes(102).to_list()
            tariff_id = client.tariffs.create(name="Sync tariff", currency=1)
            tariffs = client.tariffs.list().to_list()
            client.tariffs.delete(tariff_id)

        assert isinstance(me, Organisation) and me.id == 101
        assert isinstance(stats, OrganisationStats)
        assert [v.id for v in volumes] == [501]
        assert tariff_id in {t.id for t in tariffs}
        assert all(isinstance(t, Tariff) for t in tariffs)
