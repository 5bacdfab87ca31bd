"""Client-side faults at exact points, with aioresponses (the maintained fork, aioresponses-ng).

A loopback server cannot raise these deterministically: a payload error or a timeout in the
middle of the body, a server disconnect, an aiohttp error that carries the request headers.
"""

from __future__ import annotations

import asyncio
import re
import time
import traceback
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp import ClientResponse
from aioresponses import CallbackResult, aioresponses
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from emnify_async import (
    APIConnectionError,
    APITimeoutError,
    AsyncEmnify,
    ResponseTooLargeError,
)

from .conftest import FAST_RETRY
from .fakes import make_jwt

BASE = "http://127.0.0.1:8765"
TOKEN = "app-token-aioresponses"
JWT = make_jwt(time.time() + 3600)
SIM = re.compile(rf"^{re.escape(BASE)}/api/v1/sim/5$")
TARIFF = f"{BASE}/api/v1/tariff"


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    with aioresponses() as mock:
        mock.post(f"{BASE}/api/v1/authenticate", payload={"auth_token": JWT}, repeat=True)
        yield mock


@pytest.fixture
async def client() -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(TOKEN, base_url=BASE, retry=FAST_RETRY, rate_limits=False) as api:
        yield api


def _calls(mock: aioresponses, method: str, pattern: re.Pattern[str] | str) -> int:
    assert mock.requests is not None
    return sum(
        len(calls)
        for (m, url), calls in mock.requests.items()
        if m == method
        and (pattern.match(str(url)) if isinstance(pattern, re.Pattern) else str(url) == pattern)
    )


def _failing_mid_body(failure: BaseException) -> type[ClientResponse]:
    """A response whose headers arrived and whose body then fails with `failure`."""

    class MidBody(ClientResponse):
        @property  # type: ignore[override]
        def content(self) -> Any:
            return self._stream

        @content.setter
        def content(self, stream: Any) -> None:
            stream.set_exception(failure)
            self._stream = stream

    return MidBody


SIM_BODY = {"id": 5, "iccid": "8988303000000000005"}
MID_BODY_FAILURES = [
    pytest.param(
        aiohttp.ClientPayloadError("Response payload is not completed"),
        APIConnectionError,
        id="payload-error",
    ),
    pytest.param(asyncio.TimeoutError(), APITimeoutError, id="timeout"),
]


class TestMidBodyFaults:
    @pytest.mark.parametrize(("failure", "error"), MID_BODY_FAILURES)
    async def test_get_failing_mid_body_is_retried(
        self,
        failure: BaseException,
        error: type[Exception],
        mocked: aioresponses,
        client: AsyncEmnify,
    ) -> None:
        """A read that fails in the middle of the body is read again."""
        mocked.get(SIM, response_class=_failing_mid_body(failure), payload=SIM_BODY)
        mocked.get(SIM, payload=SIM_BODY)

        sim = await client.sims.get(5)

        assert sim.id == 5
        assert _calls(mocked, "GET", SIM) == 2

    @pytest.mark.parametrize(("failure", "error"), MID_BODY_FAILURES)
    async def test_post_failing_mid_body_is_not_repeated(
        self,
        failure: BaseException,
        error: type[Exception],
        mocked: aioresponses,
        client: AsyncEmnify,
    ) -> None:
        """The create may have happened: it is raised, never sent twice."""
        mocked.post(
            TARIFF,
            status=201,
            headers={"Location": "/api/v1/tariff/7"},
            response_class=_failing_mid_body(failure),
            repeat=True,
        )

        with pytest.raises(error) as caught:
            await client.tariffs.create(name="t", currency=1)

        assert isinstance(caught.value, APIConnectionError)
        assert caught.value.sent is True
        assert _calls(mocked, "POST", TARIFF) == 1

    async def test_server_disconnect_is_retried_for_a_read(
        self, mocked: aioresponses, client: AsyncEmnify
    ) -> None:
        """A dropped connection on a GET is a transient failure."""
        mocked.get(SIM, exception=aiohttp.ServerDisconnectedError())
        mocked.get(SIM, payload=SIM_BODY)

        assert (await client.sims.get(5)).id == 5

    async def test_server_disconnect_on_a_create_is_raised_once(
        self, mocked: aioresponses, client: AsyncEmnify
    ) -> None:
        """A POST whose connection dropped after sending is not repeated."""
        mocked.post(TARIFF, exception=aiohttp.ServerDisconnectedError(), repeat=True)

        with pytest.raises(APIConnectionError, match="ServerDisconnectedError"):
            await client.tariffs.create(name="t", currency=1)

        assert _calls(mocked, "POST", TARIFF) == 1


class TestOversizedBodies:
    async def test_body_over_the_bound_stops_reading(self, mocked: aioresponses) -> None:
        """A body over `max_response_bytes` raises ResponseTooLargeError and is not retried."""
        mocked.get(SIM, body=b"[" + b"1," * 600_000 + b"1]", repeat=True)

        async with AsyncEmnify(
            TOKEN, base_url=BASE, retry=FAST_RETRY, max_response_bytes=1 << 20
        ) as client:
            with pytest.raises(ResponseTooLargeError) as caught:
                await client.sims.get(5)

        assert caught.value.limit == 1 << 20
        assert _calls(mocked, "GET", SIM) == 1

    async def test_body_within_the_bound_is_read(self, mocked: aioresponses) -> None:
        """The bound is generous by default and exact when set."""
        mocked.get(SIM, payload=SIM_BODY)

        async with AsyncEmnify(TOKEN, base_url=BASE, max_response_bytes=512) as client:
            assert (await client.sims.get(5)).id == 5


class TestNoHeadersChained:
    async def test_aiohttp_error_with_request_headers_is_not_chained(
        self, mocked: aioresponses, client: AsyncEmnify
    ) -> None:
        """aiohttp's ClientResponseError carries the request's headers (with the bearer
        token); our error says what happened and keeps none of it."""
        info = aiohttp.RequestInfo(
            URL(f"{BASE}/api/v1/sim/5"),
            "GET",
            CIMultiDictProxy(CIMultiDict({"Authorization": f"Bearer {JWT}"})),
            URL(f"{BASE}/api/v1/sim/5"),
        )
        failure = aiohttp.ClientResponseError(info, (), status=400, message="Invalid header")
        mocked.get(SIM, exception=failure, repeat=True)

        with pytest.raises(APIConnectionError) as caught:
            await client.sims.get(5)

        exc: BaseException | None = caught.value
        text = "".join(traceback.format_exception(caught.value))
        assert "Invalid header" in str(caught.value)
        while exc is not None:
            assert JWT not in repr(exc) and JWT not in str(exc) and JWT not in repr(exc.args)
            assert not isinstance(exc, aiohttp.ClientError)
            exc = exc.__cause__ or exc.__context__
        assert JWT not in text


def test_callback_result_is_the_forks_api() -> None:
    """The fork keeps aioresponses' import name and API (a guard for the pinned version)."""
    assert CallbackResult(status=204).status == 204
