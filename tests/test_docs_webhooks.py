"""The webhooks guide's receivers, as written, accept what emnify sends and refuse the rest.

docs/guides/webhooks.md holds them as ``<!-- readme-test: module -->`` blocks: each is loaded
as a module and served in-process; sample payloads (emnify's documented examples) are posted
with a JWT signed by a test secret (MO SMS) or the stream's configured header (data streams).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestClient, TestServer

from emnify_async import Event, MoSms, UsageRecord
from emnify_async.testing import (
    sample_event_record,
    sample_mo_sms,
    sample_usage_record,
    sign_callback_token,
    webhook_body,
)

from .docblocks import extract_file

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guides" / "webhooks.md"
SECRET = "test-callback-secret-" + "k" * 43  # 64 bytes
STREAM_TOKEN = "test-stream-token"

# (method, path, headers, body) -> (status, what the app has received so far)
Post = Callable[[str, str, dict[str, str], bytes], Awaitable[tuple[int, list[Any]]]]


def _example(framework: str) -> ModuleType:
    (block,) = [
        block
        for block in extract_file(GUIDE, ROOT)
        if block.mode == "module" and f"from {framework} import" in block.code
    ]
    module = ModuleType(f"webhooks_{framework}")
    module.__file__ = str(GUIDE)
    exec(compile(block.padded(), str(GUIDE), "exec"), module.__dict__)
    return module


@pytest.fixture(autouse=True)
def _secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMNIFY_CALLBACK_SECRET", SECRET)
    monkeypatch.setenv("EMNIFY_STREAM_TOKEN", STREAM_TOKEN)


@pytest.fixture
async def aiohttp_app() -> AsyncIterator[Post]:
    example = _example("aiohttp")
    app = example.create_app()
    async with TestClient(TestServer(app)) as http:

        async def post(method: str, path: str, headers: dict[str, str], body: bytes) -> Any:
            response = await http.request(method, path, headers=headers, data=body)
            await response.read()
            return response.status, list(app[example.RECEIVED])

        yield post


@pytest.fixture
async def fastapi_app() -> AsyncIterator[Post]:
    example = _example("fastapi")
    transport = httpx.ASGITransport(app=example.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as http:

        async def post(method: str, path: str, headers: dict[str, str], body: bytes) -> Any:
            response = await http.request(method, path, headers=headers, content=body)
            return response.status_code, list(example.received)

        yield post


@pytest.fixture(params=["aiohttp", "fastapi"])
def post(request: pytest.FixtureRequest) -> Post:
    fixture: Post = request.getfixturevalue(f"{request.param}_app")
    return fixture


def _signed(algorithm: str = "HS256", secret: str = SECRET) -> dict[str, str]:
    return {"Authorization": f"Bearer {sign_callback_token(secret, algorithm=algorithm)}"}


STREAM = {"Authorization": f"Bearer {STREAM_TOKEN}"}


async def test_mo_sms_signed_is_received_once(post: Post) -> None:
    """A signed MO SMS is parsed; the same SMS delivered again is dropped."""
    body = json.dumps(sample_mo_sms(77, "hello")).encode()

    first, received = await post("POST", "/emnify/sms", _signed("HS384"), body)
    again, received = await post("POST", "/emnify/sms", _signed("HS512"), body)

    assert (first, again) == (204, 204)
    assert len(received) == 1
    assert isinstance(received[0], MoSms)
    assert (received[0].id, received[0].payload) == (77, "hello")


@pytest.mark.parametrize(
    "headers",
    [
        {},
        _signed(secret="not-the-secret-" + "z" * 49),
        _signed("none"),
        {"Authorization": "Bearer garbage"},
        {"Authorization": f"Basic {SECRET}"},
    ],
    ids=["unsigned", "another-secret", "alg-none", "garbage", "basic"],
)
async def test_mo_sms_without_a_valid_token_is_401(post: Post, headers: dict[str, str]) -> None:
    status, received = await post(
        "POST", "/emnify/sms", headers, json.dumps(sample_mo_sms()).encode()
    )

    assert status == 401
    assert received == []


async def test_mo_sms_malformed_is_400(post: Post) -> None:
    status, received = await post("POST", "/emnify/sms", _signed(), b"[1, 2]")

    assert (status, received) == (400, [])


async def test_stream_records_object_or_array_deduped(post: Post) -> None:
    """One object (size 1) and arrays of events and usage records; repeats are dropped."""
    single = webhook_body(sample_event_record(1))
    batch = webhook_body(sample_event_record(1), sample_event_record(2), sample_usage_record(9))

    one, _ = await post("POST", "/emnify/stream", STREAM, single)
    many, received = await post("PUT", "/emnify/stream", STREAM, batch)

    assert (one, many) == (204, 204)
    assert [type(r) for r in received] == [Event, Event, UsageRecord]
    assert [r.id for r in received] == [1, 2, 9]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, _signed()],
    ids=["none", "wrong-token", "a-jwt-instead"],
)
async def test_stream_without_its_token_is_401(post: Post, headers: dict[str, str]) -> None:
    status, received = await post(
        "POST", "/emnify/stream", headers, webhook_body(sample_event_record(1))
    )

    assert (status, received) == (401, [])


async def test_stream_malformed_is_400(post: Post) -> None:
    status, received = await post("POST", "/emnify/stream", STREAM, b'{"id": "x", "event_type": 1}')

    assert (status, received) == (400, [])
