"""Per-call options (`with_options`), the one list convention, and the old spellings."""

from __future__ import annotations

import asyncio
import warnings

import pytest
from aiohttp import web

import emnify_sync
from emnify_async import (
    APITimeoutError,
    AsyncEmnify,
    AsyncPager,
    InputError,
    InternalServerError,
    RetryPolicy,
)
from emnify_async.testing import Emulator

from .conftest import FAST_RETRY
from .fakes import FakeAPI


class TestWithOptions:
    async def test_timeout_per_call(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """`with_options(timeout=...)` bounds that view's calls; the client keeps its own."""
        release = asyncio.Event()

        async def hang(request: web.Request) -> web.StreamResponse:
            await release.wait()
            return web.Response(status=200)

        fake.route("GET", "/api/v1/sim/5", hang)
        quick = fake_client.with_options(timeout=0.05, max_retries=0)

        try:
            with pytest.raises(APITimeoutError):
                await quick.sims.get(5)
        finally:
            release.set()

        assert quick.timeout == 0.05
        assert fake_client.timeout == 60.0
        assert fake.calls_to("GET", "/api/v1/sim/5") == 1

    async def test_retries_per_call(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """`max_retries=0` on the view: one attempt; the client itself still retries."""
        emnify_emulator.inject("GET", "/api/v1/sim/5", status=503, times=1)
        with pytest.raises(InternalServerError):
            await client.with_options(max_retries=0).sims.get(5)

        emnify_emulator.inject("GET", "/api/v1/sim/5", status=503, times=1)
        assert (await client.sims.get(5)).id == 5

    async def test_view_shares_pool_and_token_and_close_leaves_the_client(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A view logs in once with its client, and closing it does not close the client."""
        view = client.with_options(retry=RetryPolicy(max_retries=1, deadline=5.0))
        await client.sims.get(1)
        await view.sims.get(2)
        await view.close()

        assert (await client.sims.get(3)).id == 3
        logins = [r for r in emnify_emulator.requests if r.path == "/api/v1/authenticate"]
        assert len(logins) == 1
        assert view.retry_policy.max_retries == 1
        assert client.retry_policy == FAST_RETRY

    @pytest.mark.parametrize(
        "kwargs", [{"timeout": 0}, {"timeout": float("nan")}, {"max_retries": -1}, {"retry": 3}]
    )
    def test_bad_options(self, kwargs: dict[str, object]) -> None:
        """Nonsense options fail when the view is made."""
        with pytest.raises(InputError):
            AsyncEmnify("t").with_options(**kwargs)  # type: ignore[arg-type]

    def test_sync_view(self, threaded_emulator: Emulator) -> None:
        """`Emnify.with_options()` is a blocking view on the same client."""
        with emnify_sync.Emnify(
            threaded_emulator.application_token, base_url=threaded_emulator.base_url
        ) as client:
            view = client.with_options(timeout=7)
            view.close()  # does nothing to the client

            assert view.timeout == 7
            assert view.sims.get(4).id == 4
            assert client.sims.get(5).id == 5


class TestOneListConvention:
    async def test_every_list_call_returns_a_pager_that_can_be_awaited(
        self, client: AsyncEmnify
    ) -> None:
        """Paged or not, list calls return a pager: iterate it, or await it for the list."""
        calls = [
            client.sims.list(per_page=100),
            client.sims.statuses(),
            client.sims.daily_stats(1, start_date="2026-10-01", end_date="2026-10-31"),
            client.organisations.statuses(),
            client.tariffs.list(),
        ]

        for pager in calls:
            assert isinstance(pager, AsyncPager)
        assert len(await calls[0]) == 250
        assert [s.description async for s in calls[1]][:2] == ["Issued", "Activated"]
        assert len(await calls[2]) >= 31

    def test_sync_indexing_of_old_lists_warns(self, threaded_emulator: Emulator) -> None:
        """Old sync code that indexed a list call keeps working for a release, with a warning."""
        with emnify_sync.Emnify(
            threaded_emulator.application_token, base_url=threaded_emulator.base_url
        ) as client:
            statuses = client.sims.statuses()
            with pytest.warns(DeprecationWarning, match="to_list"):
                first = statuses[0]

        assert first.description == "Issued"


class TestOldSpellings:
    async def test_assign_inclusive_volume_old_order(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`(inclusive_volume_id, org)` still works, warns, and does what the new form does."""
        with pytest.warns(DeprecationWarning, match="assign_inclusive_volume") as caught:
            old = await client.organisations.assign_inclusive_volume(2101, 104)
        new = await client.organisations.assign_inclusive_volume(104, inclusive_volume_id=2101)

        assert caught[0].filename == __file__
        puts = [r.path for r in emnify_emulator.requests if r.method == "PUT"]
        assert puts == ["/api/v1/organisation/104/inclusive_volume/2101"] * 2
        assert type(old) is type(new)

    async def test_renamed_keywords(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """`org_id=` and `tariff_id=` still work with a warning."""
        with pytest.warns(DeprecationWarning, match="org_id= is now org="):
            await client.organisations.update_tariff(org_id=102, tariff=2)
        with pytest.warns(DeprecationWarning, match="tariff_id= is now tariff="):
            await client.organisations.update_tariff(102, tariff_id=2)

        patches = [r.path for r in emnify_emulator.requests if r.method == "PATCH"]
        assert patches == ["/api/v1/organisation/102/tariff"] * 2

    async def test_new_spellings_do_not_warn(self, client: AsyncEmnify) -> None:
        """The current forms run without any warning."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            await client.organisations.update_tariff(102, 2)
            await client.organisations.assign_inclusive_volume(104, inclusive_volume_id=2101)

    def test_sync_old_spellings(self, threaded_emulator: Emulator) -> None:
        """The blocking facade accepts, and warns about, the same old forms."""
        with (
            emnify_sync.Emnify(
                threaded_emulator.application_token, base_url=threaded_emulator.base_url
            ) as client,
            pytest.warns(DeprecationWarning, match="is now") as caught,
        ):
            client.organisations.update_tariff(org_id=102, tariff_id=2)

        assert caught[0].filename == __file__
