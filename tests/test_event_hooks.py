"""Request/response event hooks: one pair per HTTP exchange, never a secret in them."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import attrs
import pytest

from emnify_async import (
    APIConnectionError,
    AsyncEmnify,
    EventHook,
    InputError,
    NotFoundError,
    RequestEvent,
    RetryPolicy,
)
from emnify_async.testing import Emulator
from emnify_sync import Emnify

from .conftest import FAST_RETRY

LOGIN = "/api/v1/authenticate"


def recorder() -> tuple[list[RequestEvent], EventHook]:
    events: list[RequestEvent] = []
    return events, events.append


def client_of(emu: Emulator, hooks: dict[str, list[EventHook]], **options: object) -> AsyncEmnify:
    options.setdefault("retry", FAST_RETRY)
    return AsyncEmnify(
        emu.application_token,
        base_url=emu.base_url,
        rate_limits=False,
        event_hooks=hooks,
        **options,  # type: ignore[arg-type]
    )


def brief(events: list[RequestEvent]) -> list[tuple[str, str, str, int, int | None, str | None]]:
    return [(e.phase, e.method, e.path, e.attempt, e.status, e.error) for e in events]


async def test_one_request_and_one_response_event_per_exchange(
    emnify_emulator: Emulator,
) -> None:
    events, hook = recorder()
    async with client_of(emnify_emulator, {"request": [hook], "response": [hook]}) as client:
        await client.sims.get(1)
        page = await client.sims.list(per_page=5).first_page()
    assert brief(events) == [
        ("request", "POST", LOGIN, 1, None, None),
        ("response", "POST", LOGIN, 1, 200, None),
        ("request", "GET", "/api/v1/sim/1", 1, None, None),
        ("response", "GET", "/api/v1/sim/1", 1, 200, None),
        ("request", "GET", "/api/v1/sim", 1, None, None),
        ("response", "GET", "/api/v1/sim", 1, 200, None),
    ]
    received = emnify_emulator.requests
    responses = [e for e in events if e.phase == "response"]
    assert [e.request_id for e in responses] == [r.request_id for r in received]
    assert all(e.request_id for e in responses)
    assert all(e.elapsed is not None and e.elapsed > 0 for e in responses)
    assert all(e.elapsed is None for e in events if e.phase == "request")
    assert dict(events[-1].query) == received[-1].query == {"page": "1", "per_page": "5"}
    assert dict(events[0].query) == {}
    assert len(page.items) == 5


async def test_each_attempt_is_numbered(emnify_emulator: Emulator) -> None:
    events, hook = recorder()
    emnify_emulator.inject("GET", "/api/v1/sim/2", status=503, times=2)
    async with client_of(emnify_emulator, {"response": [hook]}) as client:
        await client.sims.get(2)
    assert brief(events) == [
        ("response", "POST", LOGIN, 1, 200, None),
        ("response", "GET", "/api/v1/sim/2", 1, 503, None),
        ("response", "GET", "/api/v1/sim/2", 2, 503, None),
        ("response", "GET", "/api/v1/sim/2", 3, 200, None),
    ]


async def test_a_failed_exchange_names_the_error(emnify_emulator: Emulator) -> None:
    events, hook = recorder()
    emnify_emulator.inject("GET", "/api/v1/sim/3", action="truncate", times=1)
    async with client_of(emnify_emulator, {"request": [hook], "response": [hook]}) as client:
        await client.sims.get(3)
        with pytest.raises(NotFoundError):
            await client.sims.get(999_999)
    assert brief(events)[2:] == [
        ("request", "GET", "/api/v1/sim/3", 1, None, None),
        # The status line came, the body was cut: both are told.
        ("response", "GET", "/api/v1/sim/3", 1, 200, "APIConnectionError"),
        ("request", "GET", "/api/v1/sim/3", 2, None, None),
        ("response", "GET", "/api/v1/sim/3", 2, 200, None),
        ("request", "GET", "/api/v1/sim/999999", 1, None, None),
        # An error status is an answer: `error` is only for exchanges that got none.
        ("response", "GET", "/api/v1/sim/999999", 1, 404, None),
    ]


async def test_unreachable_api_gives_one_event_pair_per_attempt(unused_tcp_port: int) -> None:
    events, hook = recorder()
    policy = RetryPolicy(max_retries=2, initial_delay=0.0, jitter=0.0, deadline=10.0)
    async with AsyncEmnify(
        "token",
        base_url=f"http://127.0.0.1:{unused_tcp_port}",
        retry=policy,
        rate_limits=False,
        event_hooks={"request": [hook], "response": [hook]},
    ) as client:
        with pytest.raises(APIConnectionError):
            await client.sims.get(1)
    assert [(e.phase, e.path, e.attempt, e.error) for e in events] == [
        (phase, LOGIN, attempt, error)
        for attempt in (1, 2, 3)
        for phase, error in (("request", None), ("response", "APIConnectionError"))
    ]


async def test_the_replay_after_a_401_shares_its_attempt(emnify_emulator: Emulator) -> None:
    events, hook = recorder()
    async with client_of(emnify_emulator, {"response": [hook]}) as client:
        await client.sims.get(1)
        emnify_emulator.revoke_tokens()
        await client.sims.get(1)
    assert brief(events)[2:] == [
        ("response", "GET", "/api/v1/sim/1", 1, 401, None),
        ("response", "POST", LOGIN, 1, 200, None),
        ("response", "GET", "/api/v1/sim/1", 1, 200, None),
    ]


async def test_hooks_never_see_a_secret(emnify_emulator: Emulator) -> None:
    events, hook = recorder()
    async with AsyncEmnify(
        username=emnify_emulator.username,
        password=emnify_emulator.password,
        base_url=emnify_emulator.base_url,
        rate_limits=False,
        event_hooks={"request": [hook], "response": [hook]},
    ) as client:
        await client.sims.get(1)
        emnify_emulator.revoke_tokens()
        await client.sims.get(1)  # renews with the refresh token
    tokens = {
        r.headers.get("Authorization", "").removeprefix("Bearer ") for r in emnify_emulator.requests
    }
    bodies = {r.body.decode() for r in emnify_emulator.requests if r.body}
    secrets = {
        emnify_emulator.password,
        *(t for t in tokens if t),
        *bodies,  # the login bodies: password hash, refresh token
    }
    assert len(secrets) >= 4
    assert {e.path for e in events} == {LOGIN, "/api/v1/sim/1"}
    for event in events:
        shown = repr(event) + repr(attrs.asdict(event))
        assert not [secret for secret in secrets if secret in shown]
        assert set(attrs.asdict(event)) == {
            "phase",
            "method",
            "path",
            "query",
            "attempt",
            "status",
            "elapsed",
            "request_id",
            "error",
        }


async def test_async_hooks_are_awaited_in_order(emnify_emulator: Emulator) -> None:
    seen: list[str] = []

    async def first(event: RequestEvent) -> None:
        await asyncio.sleep(0)
        seen.append(f"first {event.phase} {event.path}")

    def second(event: RequestEvent) -> None:
        seen.append(f"second {event.phase} {event.path}")

    hooks: list[EventHook] = [first, second]
    async with client_of(emnify_emulator, {"request": hooks, "response": hooks}) as client:
        await client.sims.get(1)
    assert seen[-4:] == [
        "first request /api/v1/sim/1",
        "second request /api/v1/sim/1",
        "first response /api/v1/sim/1",
        "second response /api/v1/sim/1",
    ]


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_a_raising_hook_is_logged_and_the_call_goes_on(
    kind: str, emnify_emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    events, record = recorder()

    def broken_sync(event: RequestEvent) -> None:
        raise RuntimeError("metrics exporter down")

    async def broken_async(event: RequestEvent) -> None:
        await asyncio.sleep(0)
        raise RuntimeError("metrics exporter down")

    broken: Callable[[RequestEvent], object] = broken_sync if kind == "sync" else broken_async
    hooks: list[EventHook] = [broken, record]  # type: ignore[list-item]
    caplog.set_level(logging.WARNING, logger="emnify")
    async with client_of(emnify_emulator, {"request": hooks, "response": hooks}) as client:
        assert (await client.sims.get(1)).id == 1
    assert len(events) == 4  # the hooks after the broken one still ran
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 4
    assert "broken_" in warnings[0].getMessage()
    assert "request event of POST /api/v1/authenticate" in warnings[0].getMessage()
    assert warnings[0].exc_info is not None
    assert warnings[0].exc_info[1].__context__ is None  # nothing of aiohttp's chained


async def test_hooks_do_not_slow_a_call_without_hooks(emnify_emulator: Emulator) -> None:
    # No hooks: no events built (the empty mapping is the default).
    async with client_of(emnify_emulator, {}) as client:
        assert not client._transport.network.hooks
        await client.sims.get(1)


@pytest.mark.parametrize(
    ("hooks", "message"),
    [
        ({"requests": []}, "keys are 'request' and 'response'"),
        ({"request": print}, "must be a list of callables"),
        ({"response": [1]}, "holds int, not a callable"),
        ({"response": 3}, "must be a list of callables"),
        ([print], "must be a mapping"),
    ],
)
def test_bad_event_hooks_are_refused(hooks: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        AsyncEmnify("token", event_hooks=hooks)  # type: ignore[arg-type]


def test_sync_client_hooks_run_on_its_loop_thread(threaded_emulator: Emulator) -> None:
    events, hook = recorder()
    with Emnify(
        threaded_emulator.application_token,
        base_url=threaded_emulator.base_url,
        rate_limits=False,
        event_hooks={"response": [hook]},
    ) as client:
        client.sims.get(1)
    assert [(e.path, e.status) for e in events] == [(LOGIN, 200), ("/api/v1/sim/1", 200)]
