"""`client.lookups` over real HTTP against the emulator: the values, and the per-client cache."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import attrs
import pytest

import emnify_sync
from emnify_async import (
    AsyncEmnify,
    BreakoutRegion,
    ClientClosedError,
    Country,
    Currency,
    DataSize,
    InputError,
    NamedRef,
    PermissionDeniedError,
    RequestEvent,
    Status,
)
from emnify_async.testing import Emulator
from emnify_async.testing import _catalog as catalog

from ..conftest import FAST_RETRY


def _sent(emu: Emulator, path: str) -> int:
    """How many requests for `path` reached the emulator."""
    return sum(1 for request in emu.requests if request.path == path)


@pytest.fixture
async def enterprise(emnify_emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client logged in as the enterprise child 102."""
    async with AsyncEmnify(
        emnify_emulator.application_token_for(102),
        base_url=emnify_emulator.base_url,
        retry=FAST_RETRY,
        rate_limits=False,
    ) as api:
        yield api


class TestValues:
    async def test_countries(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """Every country, codes as text (leading digits matter), ISO codes in lower case."""
        countries = await client.lookups.countries()

        assert isinstance(countries, list)
        by_id = {country.id: country for country in countries}
        germany = Country(id=74, name="Germany", country_code="49", mcc="262", iso_code="de")
        assert by_id[74] == germany
        assert by_id[242].name == "United States (311)"
        assert by_id[219].iso_code is None  # a non-terrestrial network
        assert emnify_emulator.requests[-1].query == {}

    async def test_geographic_countries_leave_out_duplicates(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`geographic=True` drops the extra-MCC duplicates and non-terrestrial networks."""
        names = {country.name for country in await client.lookups.countries(geographic=True)}

        assert emnify_emulator.requests[-1].query == {"geographic": "true"}
        assert {"Germany", "United States", "India"} <= names
        assert not names & {"United States (311)", "India MCC 405", "NonTerrestrial 883"}

    async def test_currencies_and_data_sizes(self, client: AsyncEmnify) -> None:
        """Currencies, block sizes and throttles: the values a tariff may reference."""
        currencies = await client.lookups.currencies()
        blocksizes = await client.lookups.data_blocksizes()
        throttles = await client.lookups.data_throttles()

        assert currencies[:2] == [
            Currency(id=1, code="EUR", symbol="€"),
            Currency(id=2, code="USD", symbol="$"),
        ]
        assert [c.id for c in currencies] == list(catalog.CURRENCIES)
        assert blocksizes[0] == DataSize(id=10, octets=1, description="exact")
        assert [t.octets for t in throttles] == [64000, 128000, 256000, 1000000]

    async def test_regions_and_interface_types(self, client: AsyncEmnify) -> None:
        """Breakout regions and ESME interface types (RestAPI as the SMS records name it)."""
        regions = await client.lookups.breakout_regions()
        interfaces = await client.lookups.esme_interface_types()

        assert regions[0] == BreakoutRegion(id=2, name="eu-west", ip_address="192.0.2.10")
        assert Status(id=1, description="RestAPI") in interfaces

    async def test_rat_types_and_their_filters(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Filters are sent only when set; both together intersect."""
        every = await client.lookups.rat_types()
        assert emnify_emulator.requests[-1].query == {}
        blacklistable = await client.lookups.rat_types(blacklistable=True)
        assert emnify_emulator.requests[-1].query == {"blacklistable": "true"}
        both = await client.lookups.rat_types(blacklistable=True, limitable=True)

        assert {rat.description for rat in every} >= {"2G", "3G", "4G", "5G", "NB-IoT", "LTE-M"}
        assert "WLAN" not in {rat.description for rat in blacklistable}
        assert [rat.description for rat in both] == ["3G", "2G", "4G", "5G"]

    async def test_service_levels_are_the_parents_for_an_enterprise(
        self, client: AsyncEmnify, enterprise: AsyncEmnify
    ) -> None:
        """The parent lists its own levels; its enterprise child gets the same."""
        own = await client.lookups.service_levels()

        assert own == [
            NamedRef(id=1, name="Basic"),
            NamedRef(id=2, name="Silver"),
            NamedRef(id=3, name="Gold"),
        ]
        assert await enterprise.lookups.service_levels() == own

    @pytest.mark.parametrize(
        "call",
        [
            pytest.param(lambda lk: lk.countries(geographic="yes"), id="geographic"),
            pytest.param(lambda lk: lk.rat_types(limitable=1), id="limitable"),
            pytest.param(lambda lk: lk.currencies(refresh="no"), id="refresh"),
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, call: object
    ) -> None:
        """An argument that is not True or False raises InputError before any request."""
        with pytest.raises(InputError):
            await call(client.lookups)  # type: ignore[operator]

        assert emnify_emulator.requests == []


class TestCache:
    async def test_second_call_sends_no_request(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Scripts call lookups in loops: only the first call goes to the API."""
        first = await client.lookups.countries()
        again = [await client.lookups.countries() for _ in range(5)]

        assert _sent(emnify_emulator, "/api/v1/country") == 1
        assert all(answer == first for answer in again)

    async def test_refresh_fetches_once_more_and_sees_changes(
        self, client: AsyncEmnify, emnify_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """`refresh=True` sends one request, and its answer replaces the cached one."""
        before = await client.lookups.currencies()
        monkeypatch.setitem(catalog.CURRENCIES, 9, {"code": "SEK", "symbol": "kr", "id": 9})

        assert await client.lookups.currencies() == before  # cached
        refreshed = await client.lookups.currencies(refresh=True)
        after = await client.lookups.currencies()

        assert _sent(emnify_emulator, "/api/v1/currency") == 2
        assert refreshed[-1] == Currency(id=9, code="SEK", symbol="kr")
        assert after == refreshed

    async def test_refresh_all_forgets_every_lookup(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`refresh()` clears the whole cache; each lookup is fetched once more, then cached."""
        await client.lookups.countries()
        await client.lookups.rat_types()

        await client.lookups.refresh()
        for _ in range(2):
            await client.lookups.countries()
            await client.lookups.rat_types()

        assert _sent(emnify_emulator, "/api/v1/country") == 2
        assert _sent(emnify_emulator, "/api/v1/rat_type") == 2

    async def test_arguments_are_cached_apart(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Each combination of filters is its own cached list."""
        for _ in range(2):
            every = await client.lookups.countries()
            geographic = await client.lookups.countries(geographic=True)

        assert _sent(emnify_emulator, "/api/v1/country") == 2
        assert len(geographic) < len(every)

    async def test_concurrent_first_calls_share_one_request(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Ten tasks asking at once: one request, the same answer for all."""
        answers = await asyncio.gather(*(client.lookups.service_levels() for _ in range(10)))

        assert _sent(emnify_emulator, "/api/v1/service_level") == 1
        assert all(answer == answers[0] for answer in answers)

    async def test_views_share_the_cache(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A `with_options()` view reads, and refreshes, its client's cache."""
        await client.lookups.currencies()
        view = client.with_options(timeout=5, max_retries=0)

        await view.lookups.currencies()
        assert _sent(emnify_emulator, "/api/v1/currency") == 1
        await view.lookups.refresh()
        await client.lookups.currencies()
        assert _sent(emnify_emulator, "/api/v1/currency") == 2

    async def test_clients_do_not_share(
        self, client: AsyncEmnify, enterprise: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The cache belongs to a client: another client (another organisation) asks itself."""
        await client.lookups.service_levels()
        await enterprise.lookups.service_levels()

        assert _sent(emnify_emulator, "/api/v1/service_level") == 2

    async def test_changing_a_returned_list_changes_no_cached_one(
        self, client: AsyncEmnify
    ) -> None:
        """Each call returns a new list of frozen models."""
        mine = await client.lookups.currencies()
        expected = list(mine)
        mine.clear()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            expected[0].code = "XXX"  # type: ignore[misc]

        assert await client.lookups.currencies() == expected

    async def test_a_failed_call_caches_nothing(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """An error answer is raised and not kept: the next call asks again."""
        emnify_emulator.inject(method="GET", path="/api/v1/currency", status=403, times=1)
        with pytest.raises(PermissionDeniedError):
            await client.lookups.currencies()

        assert (await client.lookups.currencies())[0].code == "EUR"
        assert _sent(emnify_emulator, "/api/v1/currency") == 2

    async def test_a_cancelled_first_caller_leaves_the_others_an_answer(
        self, emnify_emulator: Emulator
    ) -> None:
        """The caller that fetches is cancelled mid-request; the one waiting still gets the list."""
        sent = asyncio.Event()
        release = asyncio.Event()

        async def hold_the_first(event: RequestEvent) -> None:
            if event.path == "/api/v1/country" and not sent.is_set():
                sent.set()
                await release.wait()

        async with AsyncEmnify(
            emnify_emulator.application_token,
            base_url=emnify_emulator.base_url,
            retry=FAST_RETRY,
            rate_limits=False,
            event_hooks={"request": [hold_the_first]},
        ) as api:
            first = asyncio.ensure_future(api.lookups.countries())
            second = asyncio.ensure_future(api.lookups.countries())
            await sent.wait()
            first.cancel()
            release.set()

            countries = await second
            with pytest.raises(asyncio.CancelledError):
                await first
            assert await api.lookups.countries() == countries

        assert countries[0].name == "Afghanistan"
        assert _sent(emnify_emulator, "/api/v1/country") == 1


class TestSync:
    def test_the_blocking_facade_caches_too(self, threaded_emulator: Emulator) -> None:
        """`emnify_sync.Emnify` returns plain lists and keeps them, views included."""
        with emnify_sync.Emnify(
            threaded_emulator.application_token, base_url=threaded_emulator.base_url
        ) as client:
            first = client.lookups.rat_types()
            second = client.with_options(timeout=5).lookups.rat_types()
            client.lookups.refresh()
            third = client.lookups.rat_types(refresh=True)

        assert isinstance(first, list)
        assert first == second == third
        assert _sent(threaded_emulator, "/api/v1/rat_type") == 2

    def test_lookup_pagers_are_cached_in_the_blocking_facade(
        self, threaded_emulator: Emulator
    ) -> None:
        with emnify_sync.Emnify(
            threaded_emulator.application_token, base_url=threaded_emulator.base_url
        ) as client:
            listed = client.sims.statuses().to_list()
            iterated = list(client.sims.statuses())

        assert listed == iterated and listed
        assert _sent(threaded_emulator, "/api/v1/sim/status") == 1


class TestLookupPagers:
    """The lookups that were pagers before the cache (`sims.statuses()`, `events.types()`,
    ...) stay pagers and are cached the same way."""

    async def test_asked_once_per_client_until_refreshed(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        first = await client.sims.statuses()
        iterated = [status async for status in client.with_options(timeout=5).sims.statuses()]
        await client.endpoints.statuses()
        await client.endpoints.statuses()
        refreshed = await client.sims.statuses(refresh=True)

        assert first == iterated == refreshed and first[0].description == "Issued"
        assert _sent(emnify_emulator, "/api/v1/sim/status") == 2
        assert _sent(emnify_emulator, "/api/v1/endpoint/status") == 1

    async def test_arguments_are_cached_apart(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        one = await client.cloud_connect.available_regions(1)
        await client.cloud_connect.available_regions(1)
        three = await client.cloud_connect.available_regions(3)

        assert one and three
        assert sum(r.path.endswith("/available_region") for r in emnify_emulator.requests) == 2

    async def test_a_garbled_answer_is_retried_and_never_kept(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        emnify_emulator.inject(method="GET", path="/api/v1/event/type", status=200, body=b"")
        types = await client.events.types()

        assert types and await client.events.types() == types
        assert _sent(emnify_emulator, "/api/v1/event/type") == 2  # the blank one, then one

    async def test_each_pager_gets_its_own_list(self, client: AsyncEmnify) -> None:
        mine = await client.organisations.statuses()
        expected = list(mine)
        mine.clear()

        assert await client.organisations.statuses() == expected

    async def test_a_closed_client_refuses_even_a_cached_lookup(
        self, emnify_emulator: Emulator
    ) -> None:
        api = AsyncEmnify(emnify_emulator.application_token, base_url=emnify_emulator.base_url)
        async with api:
            await api.sims.statuses()
        with pytest.raises(ClientClosedError):
            await api.sims.statuses()
        with pytest.raises(ClientClosedError):
            await api.lookups.currencies()
