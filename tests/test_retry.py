"""Retries: transient failures of safe requests are repeated, within the policy, and only those."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
from aiohttp import web

from emnify_async import (
    APIConnectionError,
    APITimeoutError,
    AsyncEmnify,
    BadRequestError,
    InternalServerError,
    RateLimitError,
    RetryPolicy,
)
from emnify_async._exceptions import APIResponseValidationError
from emnify_async._retry import is_retryable

from .conftest import FAST_RETRY
from .fakes import FakeAPI, json_response

SIM_PATH = "/api/v1/sim/5"
SIM = {"id": 5, "iccid": "8988303000000000001"}


async def _sim(request: web.Request) -> web.Response:
    return json_response(SIM)


def _status(status: int, headers: dict[str, str] | None = None) -> web.Response:
    return json_response({"message": "try again"}, status, headers)


class TestWhatIsRetried:
    @pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
    async def test_transient_status_is_retried_for_get(
        self, status: int, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A GET that meets a transient status is repeated until it succeeds."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, _status(status), _status(status))

        sim = await fake_client.sims.get(5)

        assert sim.id == 5
        assert fake.calls_to("GET", SIM_PATH) == 3

    @pytest.mark.parametrize("status", [400, 403, 404, 409, 422, 501])
    async def test_permanent_status_is_not_retried(
        self, status: int, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """Client errors (and 501) are raised at once."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, _status(status))

        with pytest.raises(Exception) as caught:
            await fake_client.sims.get(5)

        assert getattr(caught.value, "status", None) == status
        assert fake.calls_to("GET", SIM_PATH) == 1

    async def test_patch_is_retried(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """A PATCH sets absolute values, so a 503 is retried."""

        async def no_content(request: web.Request) -> web.Response:
            return web.Response(status=204)

        fake.route("PATCH", SIM_PATH, no_content)
        fake.script("PATCH", SIM_PATH, _status(503))

        await fake_client.sims.activate(5)

        assert fake.calls_to("PATCH", SIM_PATH) == 2

    async def test_post_that_reached_the_server_is_not_retried(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A POST answered with 503 may have been applied: it is not repeated."""

        async def create(request: web.Request) -> web.Response:
            return web.Response(status=201, headers={"Location": "/api/v1/tariff/9"})

        fake.route("POST", "/api/v1/tariff", create)
        fake.script("POST", "/api/v1/tariff", _status(503))

        with pytest.raises(InternalServerError):
            await fake_client.tariffs.create(name="x", currency=1)

        assert fake.calls_to("POST", "/api/v1/tariff") == 1

    async def test_rate_limited_post_is_retried(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A 429 was refused before it was processed, so a create is sent again."""

        async def create(request: web.Request) -> web.Response:
            return web.Response(status=201, headers={"Location": "/api/v1/tariff/9"})

        fake.route("POST", "/api/v1/tariff", create)
        fake.script("POST", "/api/v1/tariff", _status(429, {"Retry-After": "0"}))

        assert await fake_client.tariffs.create(name="x", currency=1) == 9
        assert fake.calls_to("POST", "/api/v1/tariff") == 2

    async def test_post_that_never_connected_is_retried(
        self, unused_tcp_port: int, caplog: pytest.LogCaptureFixture
    ) -> None:
        """A refused connection proves the POST never arrived, so it is retried."""
        caplog.set_level(logging.INFO, logger="emnify")
        base_url = f"http://127.0.0.1:{unused_tcp_port}"
        async with AsyncEmnify("t", base_url=base_url, retry=FAST_RETRY) as client:
            with pytest.raises(APIConnectionError) as caught:
                await client.tariffs.create(name="x", currency=1)

        retries = [r for r in caplog.records if r.getMessage().startswith("retrying POST")]
        assert caught.value.sent is False
        assert len(retries) == FAST_RETRY.max_retries

    def test_truncated_body_retried_only_when_safe(self) -> None:
        """A garbled 200 body is retried for reads, not for unsafe writes."""
        exc = APIResponseValidationError(
            "bad", method="GET", path="/x", status=200, body=b"{", request_id=None
        )

        assert is_retryable(exc, safe=True, max_retry_after=60)
        assert not is_retryable(exc, safe=False, max_retry_after=60)

    async def test_truncated_json_is_retried(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """A 200 whose JSON is cut short is fetched again."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script(
            "GET", SIM_PATH, web.Response(body=b'{"id": 5, "icc', content_type="application/json")
        )

        sim = await fake_client.sims.get(5)

        assert sim.id == 5
        assert fake.calls_to("GET", SIM_PATH) == 2


class TestRetryAfter:
    async def test_retry_after_seconds_is_honoured(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """The wait follows Retry-After rather than the (much shorter) backoff."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, _status(429, {"Retry-After": "1"}))

        started = time.monotonic()
        await fake_client.sims.get(5)

        assert time.monotonic() - started >= 0.95
        assert fake.calls_to("GET", SIM_PATH) == 2

    async def test_503_without_retry_after_uses_backoff(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """Without Retry-After the short exponential backoff applies."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, _status(503), _status(503))

        started = time.monotonic()
        await fake_client.sims.get(5)

        assert time.monotonic() - started < 0.5
        assert fake.calls_to("GET", SIM_PATH) == 3

    async def test_retry_after_over_the_cap_is_raised_at_once(self, fake: FakeAPI) -> None:
        """A Retry-After beyond `max_retry_after` is not slept on: the 429 is raised with it."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, _status(429, {"Retry-After": "3600"}))
        policy = RetryPolicy(max_retries=3, initial_delay=0.01, jitter=0, max_retry_after=30)

        async with AsyncEmnify(fake.token, base_url=fake.url, retry=policy) as client:
            with pytest.raises(RateLimitError) as caught:
                await client.sims.get(5)

        assert caught.value.retry_after == 3600.0
        assert fake.calls_to("GET", SIM_PATH) == 1


class TestGivingUp:
    async def test_last_error_is_typed_not_retry_error(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """After the last attempt the user sees our typed error, never tenacity's RetryError."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, *[_status(503) for _ in range(10)])

        with pytest.raises(InternalServerError):
            await fake_client.sims.get(5)

        assert fake.calls_to("GET", SIM_PATH) == FAST_RETRY.max_retries + 1

    async def test_max_retries_zero_disables(self, fake: FakeAPI) -> None:
        """`max_retries=0` makes exactly one attempt."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, _status(503))

        async with AsyncEmnify(fake.token, base_url=fake.url, max_retries=0) as client:
            with pytest.raises(InternalServerError):
                await client.sims.get(5)

        assert fake.calls_to("GET", SIM_PATH) == 1

    async def test_deadline_bounds_the_whole_call(self, fake: FakeAPI) -> None:
        """Retries stop once the next wait would pass the deadline."""
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, *[_status(503) for _ in range(50)])
        policy = RetryPolicy(
            max_retries=50, initial_delay=0.2, max_delay=0.2, jitter=0, deadline=1.0
        )

        async with AsyncEmnify(fake.token, base_url=fake.url, retry=policy) as client:
            started = time.monotonic()
            with pytest.raises(InternalServerError):
                await client.sims.get(5)
            elapsed = time.monotonic() - started

        assert elapsed < 1.5
        assert 2 <= fake.calls_to("GET", SIM_PATH) <= 6

    async def test_timeout_is_retried_then_raised(self, fake: FakeAPI) -> None:
        """A slow answer times out per attempt; a GET is retried, then APITimeoutError."""

        async def slow(request: web.Request) -> web.Response:
            await asyncio.sleep(1.0)
            return json_response(SIM)

        fake.route("GET", SIM_PATH, slow)
        policy = RetryPolicy(max_retries=1, initial_delay=0.01, jitter=0)

        async with AsyncEmnify(fake.token, base_url=fake.url, retry=policy, timeout=0.2) as client:
            with pytest.raises(APITimeoutError):
                await client.sims.get(5)

        assert fake.calls_to("GET", SIM_PATH) == 2

    async def test_retries_are_logged(
        self, fake: FakeAPI, fake_client: AsyncEmnify, caplog: pytest.LogCaptureFixture
    ) -> None:
        """Each retry is logged with method, path, delay and cause, never the token."""
        caplog.set_level(logging.DEBUG, logger="emnify")
        fake.route("GET", SIM_PATH, _sim)
        fake.script("GET", SIM_PATH, _status(503, {"x-amzn-RequestId": "rid-9"}))

        await fake_client.sims.get(5)

        retry_lines = [
            r.getMessage() for r in caplog.records if r.getMessage().startswith("retrying")
        ]
        assert retry_lines == [retry_lines[0]]
        assert "GET /api/v1/sim/5" in retry_lines[0]
        assert "HTTP 503" in retry_lines[0]
        assert "rid-9" in retry_lines[0]
        assert fake.issued[0] not in caplog.text
        assert fake.token not in caplog.text


def test_bad_request_is_never_retryable() -> None:
    """A 400 is permanent even for a safe method."""
    exc = BadRequestError("x", method="GET", path="/x", status=400)

    assert not is_retryable(exc, safe=True, max_retry_after=60)
