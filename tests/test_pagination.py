"""Pagination: every item exactly once, in order, stopping at the real last page."""

from __future__ import annotations

import asyncio
import random

import pytest
from aiohttp import web

from emnify_async import APIResponseValidationError, AsyncEmnify, InputError

from .conftest import FAST_RETRY
from .fakes import FakeAPI, json_response

SIMS = "/api/v1/sim"


class PagedSims:
    """A paged /api/v1/sim that behaves like emnify's: a page past the end repeats the last."""

    def __init__(
        self,
        total: int,
        *,
        lower_case: bool = False,
        total_headers: bool = True,
        link: bool = True,
        jitter: float = 0.0,
        reported_pages: int | None = None,
    ) -> None:
        self.total = total
        self.reported_pages = reported_pages
        self.lower_case = lower_case
        self.total_headers = total_headers
        self.link = link
        self.jitter = jitter
        self.requested: list[int] = []
        self.in_flight = 0
        self.max_in_flight = 0

    async def __call__(self, request: web.Request) -> web.Response:
        per_page = int(request.query.get("per_page", "2000"))
        pages = max(1, -(-self.total // per_page))
        asked = int(request.query.get("page", "1"))
        self.requested.append(asked)
        page = min(max(asked, 1), pages)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.jitter:
                await asyncio.sleep(random.uniform(0, self.jitter))
        finally:
            self.in_flight -= 1
        first = (page - 1) * per_page
        items = [
            {"id": i + 1, "iccid": f"89883{i:014d}"}
            for i in range(first, min(first + per_page, self.total))
        ]
        headers = {"X-Current-Page": str(page), "X-Count-Per-Page": str(per_page)}
        if self.total_headers:
            reported = self.reported_pages or pages
            headers |= {"X-Total-Pages": str(reported), "X-Total-Count": str(self.total)}
        if self.link:
            links = [f'<{SIMS}?page=1&per_page={per_page}>; rel="first"']
            if page < pages:
                links.append(f'<{SIMS}?page={page + 1}&per_page={per_page}>; rel="next"')
            headers["Link"] = ", ".join(links)
        if self.lower_case:
            headers = {name.lower(): value for name, value in headers.items()}
        return json_response(items, headers=headers)


async def _ids(client: AsyncEmnify, per_page: int) -> list[int]:
    return [sim.id async for sim in client.sims.list(per_page=per_page)]


class TestStopRule:
    async def test_stops_at_total_pages_without_asking_past_the_end(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """Pages 1..X-Total-Pages are requested once each; no page beyond."""
        api = PagedSims(25)
        fake.route("GET", SIMS, api)

        ids = await _ids(fake_client, per_page=10)

        assert ids == list(range(1, 26))
        assert sorted(api.requested) == [1, 2, 3]

    async def test_lower_case_headers(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """`x-total-pages` and friends in lower case work the same."""
        api = PagedSims(25, lower_case=True)
        fake.route("GET", SIMS, api)

        assert await _ids(fake_client, per_page=10) == list(range(1, 26))
        assert sorted(api.requested) == [1, 2, 3]

    async def test_link_header_fallback(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """Without X-Total-Pages, `Link rel="next"` is followed until it is absent."""
        api = PagedSims(25, total_headers=False)
        fake.route("GET", SIMS, api)

        assert await _ids(fake_client, per_page=10) == list(range(1, 26))
        assert api.requested == [1, 2, 3]

    async def test_no_metadata_is_an_error(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """A page with neither totals nor links is not a paged answer: retried, then raised."""
        api = PagedSims(25, total_headers=False, link=False)
        fake.route("GET", SIMS, api)

        with pytest.raises(APIResponseValidationError, match="no pagination headers"):
            await _ids(fake_client, per_page=10)
        assert api.requested == [1] * (FAST_RETRY.max_retries + 1)

    async def test_page_past_the_end_is_never_yielded_twice(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """If the listing shrinks mid-way, the repeated last page is detected and dropped."""
        api = PagedSims(50)

        async def shrinking(request: web.Request) -> web.Response:
            if request.query.get("page") != "1":
                api.total = 25  # SIMs were deleted after page 1 was served
            return await api(request)

        fake.route("GET", SIMS, shrinking)

        ids = await _ids(fake_client, per_page=10)

        assert len(ids) == len(set(ids))
        assert ids == sorted(ids)

    async def test_answer_for_another_page_is_an_error(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """Another page than asked for, while its own headers say the page exists, is not an
        end of the listing: it is retried, then raised, so no item is silently lost."""
        api = PagedSims(25, reported_pages=5)  # claims 5 pages, answers page 4 with page 3
        fake.route("GET", SIMS, api)

        with pytest.raises(APIResponseValidationError, match="page 3 instead"):
            await _ids(fake_client, per_page=10)

    async def test_empty_listing(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """An empty listing yields nothing after one request."""
        api = PagedSims(0)
        fake.route("GET", SIMS, api)

        assert await _ids(fake_client, per_page=10) == []
        assert api.requested == [1]


class TestPrefetch:
    async def test_concurrent_pages_come_out_in_order_exactly_once(self, fake: FakeAPI) -> None:
        """Pages fetched concurrently (random latency) still give every item once, in order."""
        api = PagedSims(1000, jitter=0.02)
        fake.route("GET", SIMS, api)

        async with AsyncEmnify(
            fake.token, base_url=fake.url, page_prefetch=4, rate_limits=False
        ) as client:
            ids = await _ids(client, per_page=37)

        assert ids == list(range(1, 1001))
        assert sorted(api.requested) == list(range(1, 29))
        assert api.max_in_flight > 1

    async def test_prefetch_is_bounded(self, fake: FakeAPI) -> None:
        """No more than `page_prefetch` pages are in flight at once."""
        api = PagedSims(500, jitter=0.01)
        fake.route("GET", SIMS, api)

        async with AsyncEmnify(
            fake.token, base_url=fake.url, page_prefetch=2, max_concurrency=8, rate_limits=False
        ) as client:
            await _ids(client, per_page=10)

        assert api.max_in_flight <= 2

    async def test_break_cancels_outstanding_pages(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """Breaking out of the loop early stops fetching further pages."""
        api = PagedSims(10_000, jitter=0.01)
        fake.route("GET", SIMS, api)

        pager = fake_client.sims.list(per_page=10)
        pages = pager.iter_pages()
        async for page in pages:
            if page.page == 2:
                break
        await pages.aclose()  # type: ignore[attr-defined]
        await asyncio.sleep(0.05)
        requested = len(api.requested)
        await asyncio.sleep(0.1)

        assert requested == len(api.requested)
        assert requested < 10


class TestPagerSurface:
    async def test_iter_pages_reports_totals(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """Pages carry their number, the total pages and the total count."""
        fake.route("GET", SIMS, PagedSims(25))

        pages = [page async for page in fake_client.sims.list(per_page=10).iter_pages()]

        assert [(p.page, p.total_pages, p.total_count, len(p.items)) for p in pages] == [
            (1, 3, 25, 10),
            (2, 3, 25, 10),
            (3, 3, 25, 5),
        ]
        assert [p.has_next for p in pages] == [True, True, False]

    async def test_to_list_and_first_page(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """`to_list()` collects everything; `first_page()` fetches one page only."""
        api = PagedSims(25)
        fake.route("GET", SIMS, api)

        everything = await fake_client.sims.list(per_page=10).to_list()
        api.requested.clear()
        first = await fake_client.sims.list(per_page=10).first_page()

        assert [sim.id for sim in everything] == list(range(1, 26))
        assert [sim.id for sim in first.items] == list(range(1, 11))
        assert api.requested == [1]

    async def test_raw_pages_skip_models(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """`iter_raw_pages()` yields the decoded dicts."""
        fake.route("GET", SIMS, PagedSims(15))

        pager = fake_client.sims.list(per_page=10)
        pages = [page async for page in pager.iter_raw_pages()]

        assert [len(p) for p in pages] == [10, 5]
        assert pager.total_count == 15
        assert pages[0][0] == {"id": 1, "iccid": "8988300000000000000"}

    async def test_filters_and_sort_carried_to_every_page(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """q, sort and per_page go with every page request, not only the first."""
        fake.route("GET", SIMS, PagedSims(25))

        await fake_client.sims.list(
            q={"status": 1, "customer_org": 7, "endpoint": None}, sort="-id", per_page=10
        ).to_list()

        queries = [query for method, path, query, *_ in fake.calls if path == SIMS]
        assert len(queries) == 3
        for query in queries:
            assert query["q"] == "status:1,customer_org:7,endpoint:null"
            assert query["sort"] == "-id"
            assert query["per_page"] == "10"

    async def test_default_per_page_is_the_maximum(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """SIM listing asks for 2500 per page unless told otherwise."""
        fake.route("GET", SIMS, PagedSims(3))

        await fake_client.sims.list().to_list()

        assert fake.calls[-1][2]["per_page"] == "2500"

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"per_page": 0},
            {"per_page": 2501},
            {"q": {"status": "1,2"}},
            {"q": {"bad key": 1}},
            {"sort": "id;drop"},
        ],
        ids=["per-page-zero", "per-page-over-max", "comma-in-value", "bad-field", "bad-sort"],
    )
    async def test_bad_arguments_fail_before_any_request(
        self, kwargs: dict[str, object], fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """Malformed filters, sort keys or page sizes raise InputError and send nothing."""
        with pytest.raises(InputError):
            fake_client.sims.list(**kwargs)  # type: ignore[arg-type]

        assert fake.calls == []
