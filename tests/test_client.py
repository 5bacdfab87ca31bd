"""The client's lifecycle, configuration and the shape of every request it sends."""

from __future__ import annotations

import asyncio
import threading

import pytest
from aiohttp import web

from emnify_async import AsyncEmnify, ClientClosedError, EmnifyError, InputError, __version__

from .fakes import FakeAPI, json_response


async def _statuses(request: web.Request) -> web.Response:
    return json_response([{"id": 1, "description": "Activated"}])


class TestBaseUrl:
    @pytest.mark.parametrize(
        "url",
        [
            "https://cdn.emnify.net",
            "https://cdn.emnify.net/",
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:9000",
            "http://127.5.6.7",
        ],
    )
    def test_accepted(self, url: str) -> None:
        """HTTPS anywhere, plain HTTP only to loopback."""
        assert AsyncEmnify("t", base_url=url).base_url == url.rstrip("/")

    @pytest.mark.parametrize(
        "url",
        [
            "http://cdn.emnify.net",
            "http://10.0.0.5:8080",
            "ftp://cdn.emnify.net",
            "cdn.emnify.net",
            "https://h/?a=1",
        ],
    )
    def test_refused(self, url: str) -> None:
        """Plain HTTP to a remote host (token in clear text) and non-URLs are refused."""
        with pytest.raises(InputError):
            AsyncEmnify("t", base_url=url)

    def test_default_is_emnify(self) -> None:
        """Without configuration the client talks to cdn.emnify.net over HTTPS."""
        assert AsyncEmnify("t").base_url == "https://cdn.emnify.net"


class TestConfiguration:
    @pytest.mark.parametrize(
        "kwargs",
        [
            {"max_concurrency": 0},
            {"timeout": 0},
            {"max_retries": -1},
            {"page_prefetch": 0},
            {"username": "u", "password": "p"},
        ],
        ids=["concurrency", "timeout", "retries", "prefetch", "token-and-user"],
    )
    def test_invalid_settings(self, kwargs: dict[str, object]) -> None:
        """Nonsense settings fail at construction with InputError."""
        with pytest.raises(InputError):
            AsyncEmnify("t", **kwargs)  # type: ignore[arg-type]

    def test_max_retries_overrides_policy(self) -> None:
        """`max_retries` is a shortcut into the retry policy."""
        assert AsyncEmnify("t", max_retries=7).retry_policy.max_retries == 7


class TestLifecycle:
    async def test_closed_client_refuses_calls(self, fake: FakeAPI) -> None:
        """A closed client raises ClientClosedError instead of reopening silently."""
        fake.route("GET", "/api/v1/sim/status", _statuses)
        client = AsyncEmnify(fake.token, base_url=fake.url)
        await client.sims.statuses()
        await client.close()
        await client.close()

        with pytest.raises(ClientClosedError):
            await client.sims.statuses()

    async def test_bound_to_one_loop(self, fake: FakeAPI) -> None:
        """Using one client from a second event loop gives a clear error, not a hang."""
        fake.route("GET", "/api/v1/sim/status", _statuses)
        async with AsyncEmnify(fake.token, base_url=fake.url) as client:
            await client.sims.statuses()
            errors: list[BaseException] = []

            def other_loop() -> None:
                try:
                    asyncio.run(client.sims.statuses())
                except BaseException as exc:
                    errors.append(exc)

            thread = threading.Thread(target=other_loop)
            thread.start()
            thread.join(10)

        assert len(errors) == 1
        assert isinstance(errors[0], EmnifyError)
        assert "event loop" in str(errors[0])


class TestRequestShape:
    async def test_user_agent_and_accept(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """Every request names the SDK and its version and asks for JSON."""
        fake.route("GET", "/api/v1/sim/status", _statuses)

        await fake_client.sims.statuses()

        for *_, headers, _ in fake.calls:
            assert headers["User-Agent"].startswith(f"emnify-async/{__version__} ")
            assert headers["Accept"] == "application/json"

    async def test_created_id_from_location(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """A 201 gives the new id from the Location header."""

        async def create(request: web.Request) -> web.Response:
            return web.Response(status=201, headers={"Location": "/api/v1/tariff/123"})

        fake.route("POST", "/api/v1/tariff", create)

        assert await fake_client.tariffs.create(name="x", currency=1) == 123

    async def test_json_body_is_sent(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """A request body is sent as JSON with the right content type."""

        async def no_content(request: web.Request) -> web.Response:
            return web.Response(status=204)

        fake.route("PATCH", "/api/v1/sim/9", no_content)

        result = await fake_client.sims.update(9, status=2)

        method, path, _, headers, body = fake.calls[-1]
        assert result is None
        assert (method, path) == ("PATCH", "/api/v1/sim/9")
        assert headers["Content-Type"] == "application/json"
        assert body == b'{"status":{"id":2}}'


class TestConcurrencyBound:
    async def test_requests_in_flight_never_exceed_max_concurrency(self, fake: FakeAPI) -> None:
        """With max_concurrency=2, twenty concurrent calls reach the server two at a time."""
        in_flight = 0
        peak = 0

        async def slow(request: web.Request) -> web.Response:
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            await asyncio.sleep(0.02)
            in_flight -= 1
            return json_response({"id": 5})

        fake.route("GET", "/api/v1/sim/5", slow)
        async with AsyncEmnify(fake.token, base_url=fake.url, max_concurrency=2) as client:
            await asyncio.gather(*(client.sims.get(5) for _ in range(20)))

        assert peak == 2
