"""The client's lifecycle, configuration and the shape of every request it sends."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import threading

import pytest
from aiohttp import web

from emnify_async import (
    AsyncEmnify,
    ClientClosedError,
    EmnifyError,
    InputError,
    ResponseTooLargeError,
    RetryPolicy,
    __version__,
)

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
            {"timeout": float("nan")},
            {"connect_timeout": float("inf")},
            {"max_concurrency": True},
            {"max_response_bytes": 0},
            {"retry": "fast"},
        ],
        ids=[
            "concurrency",
            "timeout",
            "retries",
            "prefetch",
            "token-and-user",
            "nan-timeout",
            "inf-connect-timeout",
            "bool-concurrency",
            "no-bytes",
            "retry-not-a-policy",
        ],
    )
    def test_invalid_settings(self, kwargs: dict[str, object]) -> None:
        """Nonsense settings fail at construction with InputError."""
        with pytest.raises(InputError):
            AsyncEmnify("t", **kwargs)  # type: ignore[arg-type]

    def test_max_retries_overrides_policy(self) -> None:
        """`max_retries` is a shortcut into the retry policy; the rest of it is kept."""
        policy = RetryPolicy(deadline=5.0, max_retry_after=2.0)

        client = AsyncEmnify("t", max_retries=7, retry=policy)

        assert client.retry_policy == RetryPolicy(deadline=5.0, max_retry_after=2.0, max_retries=7)

    @pytest.mark.parametrize("value", [float("nan"), -1.0, True])
    def test_invalid_retry_policy(self, value: object) -> None:
        """A retry policy with a NaN, negative or boolean number is refused."""
        with pytest.raises(InputError):
            RetryPolicy(deadline=value)  # type: ignore[arg-type]


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
                    asyncio.run(client.sims.statuses(refresh=True).to_list())
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


class TestResponseSizeBound:
    async def test_endless_body_is_cut_off_at_the_bound(self, fake: FakeAPI) -> None:
        """A body that never ends stops at `max_response_bytes`, not at the timeout."""

        async def endless(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": "application/json"})
            await response.prepare(request)
            chunk = b"[" + b"0," * 32_768
            with contextlib.suppress(ConnectionError):
                while True:
                    await response.write(chunk)
            return response

        fake.route("GET", "/api/v1/sim/5", endless)
        async with AsyncEmnify(
            fake.token, base_url=fake.url, max_response_bytes=1 << 20, timeout=30
        ) as client:
            with pytest.raises(ResponseTooLargeError) as caught:
                await client.sims.get(5)

        assert caught.value.limit == 1 << 20
        assert caught.value.status == 200
        assert fake.calls_to("GET", "/api/v1/sim/5") == 1  # not retried

    async def test_announced_length_over_the_bound_is_refused_unread(self, fake: FakeAPI) -> None:
        """A Content-Length over the bound is refused before the body is read."""

        async def big(request: web.Request) -> web.Response:
            return web.Response(body=b"x" * 4096, content_type="application/json")

        fake.route("GET", "/api/v1/sim/5", big)
        async with AsyncEmnify(fake.token, base_url=fake.url, max_response_bytes=2048) as client:
            with pytest.raises(ResponseTooLargeError):
                await client.sims.get(5)

    async def test_compressed_body_is_bounded_after_decompression(self, fake: FakeAPI) -> None:
        """A small gzip body that inflates past the bound is cut off while inflating."""
        inflated = b"[" + b"0," * (2 << 20) + b"0]"

        async def bomb(request: web.Request) -> web.Response:
            return web.Response(
                body=gzip.compress(inflated),
                headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
            )

        fake.route("GET", "/api/v1/sim/5", bomb)
        async with AsyncEmnify(fake.token, base_url=fake.url, max_response_bytes=1 << 20) as client:
            with pytest.raises(ResponseTooLargeError):
                await client.sims.get(5)
