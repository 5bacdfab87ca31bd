"""Pagination headers and the real API's paging quirks."""

from __future__ import annotations

import re

from .conftest import Api

LINK = re.compile(r'<([^>]*)>; rel="(\w+)"')


def _links(header: str) -> dict[str, str]:
    return {rel: url for url, rel in LINK.findall(header)}


async def test_headers_and_links(api: Api) -> None:
    async with api.get("/api/v1/sim", params={"page": "2", "per_page": "100"}) as resp:
        items = await resp.json()
        headers = resp.headers
    assert resp.status == 200
    assert [item["id"] for item in items] == list(range(101, 201))
    assert headers["X-Count-Per-Page"] == "100"
    assert headers["X-Current-Page"] == "2"
    assert headers["X-Total-Count"] == "250"
    assert headers["X-Total-Pages"] == "3"
    # As recorded: no X-Filter without a q, X-Sort "id" without a sort.
    assert "X-Filter" not in headers and headers["X-Sort"] == "id"
    links = _links(headers["Link"])
    assert set(links) == {"first", "prev", "next", "last"}
    assert links["next"] == f"{api.emu.base_url}/api/v1/sim?page=3&per_page=100"
    # The exact capitalisation, as the real API sends it on /api/v1/sim.
    raw_names = {name for name, _ in resp.raw_headers}
    assert b"X-Total-Pages" in raw_names and b"Link" in raw_names


async def test_page_past_the_end_returns_last_page(api: Api) -> None:
    async with api.get("/api/v1/sim", params={"page": "99", "per_page": "100"}) as resp:
        items = await resp.json()
        assert resp.headers["X-Current-Page"] == "3"
        assert "next" not in _links(resp.headers["Link"])
    assert [item["id"] for item in items] == list(range(201, 251))
    async with api.get("/api/v1/sim", params={"page": "-4", "per_page": "100"}) as resp:
        assert resp.headers["X-Current-Page"] == "1"
        assert "prev" not in _links(resp.headers["Link"])


async def test_per_page_clamped_and_defaulted(emnify_emulator_factory: object) -> None:
    from .conftest import connect

    emu = await emnify_emulator_factory(sims=3000)  # type: ignore[operator]
    api = await connect(emu)
    async with api.session:
        async with api.get("/api/v1/sim", params={"per_page": "5000"}) as resp:
            assert resp.headers["X-Count-Per-Page"] == "2500"
            assert len(await resp.json()) == 2500
        for per_page in ("0", "-1", ""):
            async with api.get("/api/v1/sim", params={"per_page": per_page}) as resp:
                assert resp.headers["X-Count-Per-Page"] == "2000"
                assert resp.headers["X-Total-Pages"] == "2"


async def test_bad_paging_parameter_400(api: Api) -> None:
    async with api.get("/api/v1/sim", params={"page": "two"}) as resp:
        assert resp.status == 400
        assert (await resp.json())["error_token"] == "BadRequest"


async def test_empty_result(api: Api) -> None:
    async with api.get("/api/v1/sim", params={"q": "id:999999"}) as resp:
        assert await resp.json() == []
        assert resp.headers["X-Total-Count"] == "0"
        assert resp.headers["X-Total-Pages"] == "1"
        assert resp.headers["X-Current-Page"] == "1"
        assert resp.headers["X-Filter"] == "id:999999"


async def test_event_headers_are_lower_case(api: Api) -> None:
    async with api.get("/api/v1/sim/1/event", params={"per_page": "2"}) as resp:
        assert resp.status == 200
        raw_names = {name for name, _ in resp.raw_headers}
    expected = {
        b"link",
        b"x-count-per-page",
        b"x-current-page",
        b"x-total-count",
        b"x-total-pages",
        b"x-sort",
    }
    assert expected <= raw_names
    assert b"X-Total-Pages" not in raw_names
    assert resp.headers["link"] == "" and resp.headers["x-sort"] == "id"  # as recorded


async def test_walking_all_pages_by_link(api: Api) -> None:
    url: str | None = f"{api.emu.base_url}/api/v1/sim?per_page=60"
    seen: list[int] = []
    while url:
        async with api.session.get(url, headers=api.auth) as resp:
            seen += [item["id"] for item in await resp.json()]
            url = _links(resp.headers["Link"]).get("next")
    assert seen == list(range(1, 251))
