"""The raw escape hatch, `client.request()` and `client.request_pages()`, over real HTTP."""

from __future__ import annotations

from typing import Any

import pytest

import emnify_sync
from emnify_async import (
    APIRedirectError,
    APIResponseValidationError,
    AsyncEmnify,
    InputError,
    InternalServerError,
    NotFoundError,
    SimStatusId,
)
from emnify_async.testing import Emulator

from .conftest import FAST_RETRY


def _sent(emulator: Emulator, method: str) -> list[str]:
    return [r.path for r in emulator.requests if r.method == method]


class TestRequest:
    async def test_get_an_object_and_a_list(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The decoded JSON comes back as it is, with the client's authentication."""
        sim = await client.request("GET", "/api/v1/sim/5")
        statuses = await client.request("get", "/api/v1/sim/status")

        assert sim == emnify_emulator.state.sim(5)
        assert [s["description"] for s in statuses][:2] == ["Issued", "Activated"]

    async def test_query_parameters_are_encoded(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Parameters become the query; None values are left out."""
        answer = await client.request(
            "GET", "/api/v1/sim", params={"q": "status:1", "per_page": 3, "sort": None}
        )

        assert len(answer) == 3
        assert emnify_emulator.requests[-1].query == {"q": "status:1", "per_page": "3"}

    async def test_write_returns_none_and_create_returns_the_id(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A 204 is None; a 201 with a Location is the new id."""
        activated = next(
            i
            for i in emnify_emulator.state.sim_ids()
            if (emnify_emulator.state.sim(i) or {})["status"]["id"] == SimStatusId.ACTIVATED
        )

        changed = await client.request(
            "PATCH", f"/api/v1/sim/{activated}", json={"status": {"id": 2}}
        )
        created = await client.request(
            "POST", "/api/v1/tariff", json={"name": "raw", "currency": {"id": 1}}
        )

        assert changed is None
        assert emnify_emulator.state.sim(activated)["status"]["id"] == 2  # type: ignore[index]
        assert isinstance(created, int)
        assert (await client.tariffs.get(created)).name == "raw"

    async def test_errors_are_the_typed_ones(self, client: AsyncEmnify) -> None:
        """A 404 is a NotFoundError with emnify's codes."""
        with pytest.raises(NotFoundError) as caught:
            await client.request("GET", "/api/v1/sim/987654")

        assert caught.value.error_token == "NotFound"

    async def test_reads_are_retried_posts_are_not(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The method decides retry safety: a GET is repeated, a POST answered 503 is not."""
        emnify_emulator.inject("GET", "/api/v1/sim/5", status=503)
        emnify_emulator.inject("POST", "/api/v1/tariff", status=503)

        assert (await client.request("GET", "/api/v1/sim/5"))["id"] == 5
        with pytest.raises(InternalServerError):
            await client.request(
                "POST", "/api/v1/tariff", json={"name": "x", "currency": {"id": 1}}
            )

        assert _sent(emnify_emulator, "GET").count("/api/v1/sim/5") == 2
        assert _sent(emnify_emulator, "POST").count("/api/v1/tariff") == 1

    async def test_undocumented_answers_are_errors(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A redirect is never followed; a garbled 200 is not a success."""
        emnify_emulator.inject(
            "GET", "/api/v1/sim/6", status=302, headers={"Location": "/x"}, times=9
        )
        emnify_emulator.inject("GET", "/api/v1/sim/7", status=200, body="<html>", times=9)

        with pytest.raises(APIRedirectError):
            await client.request("GET", "/api/v1/sim/6")
        with pytest.raises(APIResponseValidationError):
            await client.request("GET", "/api/v1/sim/7")

    @pytest.mark.parametrize(
        ("method", "path", "kwargs"),
        [
            pytest.param("TRACE", "/api/v1/sim", {}, id="method"),
            pytest.param("GET", "api/v1/sim", {}, id="relative"),
            pytest.param("GET", "https://evil.example/api/v1/sim", {}, id="absolute-url"),
            pytest.param("GET", "/api/v1/sim?page=2", {}, id="query-in-path"),
            pytest.param("GET", "/api/v1/sim/../tariff", {}, id="dot-dot"),
            pytest.param("GET", "/api/v1/sim/\n5", {}, id="newline"),
            pytest.param("POST", "/api/v1/authenticate", {}, id="authenticate"),
            pytest.param("GET", "/api/v1/sim", {"params": {"q": [1]}}, id="list-param"),
            pytest.param("POST", "/api/v1/tariff", {"json": {"x": {1, 2}}}, id="not-json"),
        ],
    )
    async def test_bad_calls_send_nothing(
        self,
        method: str,
        path: str,
        kwargs: dict[str, Any],
        client: AsyncEmnify,
        emnify_emulator: Emulator,
    ) -> None:
        """What cannot be sent as given raises InputError before any request."""
        with pytest.raises(InputError):
            await client.request(method, path, **kwargs)

        assert emnify_emulator.requests == []


class TestRequestPages:
    async def test_pages_of_plain_items(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Every item once, as decoded JSON, with the pager's checks and prefetch."""
        pager = client.request_pages("/api/v1/sim", params={"sort": "-id"}, per_page=40)

        items = [item async for item in pager]

        assert [item["id"] for item in items] == sorted(
            emnify_emulator.state.sim_ids(), reverse=True
        )
        assert pager.total_pages == 7
        assert {r.query["per_page"] for r in emnify_emulator.requests if r.method == "GET"} == {
            "40"
        }

    async def test_garbled_page_is_fetched_again(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A blank page is not the end of the listing."""
        emnify_emulator.inject("GET", "/api/v1/sim", status=200, body=b"")

        items = await client.request_pages("/api/v1/sim", per_page=100)

        assert len(items) == len(emnify_emulator.state.sim_ids())

    async def test_paging_parameters_belong_to_the_pager(self, client: AsyncEmnify) -> None:
        """`page` and `per_page` in params are refused: the pager sets them."""
        with pytest.raises(InputError, match="per_page"):
            client.request_pages("/api/v1/sim", params={"per_page": 10})


def test_sync_twins(threaded_emulator: Emulator) -> None:
    """`Emnify.request()` and `request_pages()` run the same code."""
    with emnify_sync.Emnify(
        threaded_emulator.application_token, base_url=threaded_emulator.base_url, retry=FAST_RETRY
    ) as client:
        sim = client.request("GET", "/api/v1/sim/3")
        ids = [item["id"] for item in client.request_pages("/api/v1/sim", per_page=1000)]

    assert sim["id"] == 3
    assert ids == list(threaded_emulator.state.sim_ids())
