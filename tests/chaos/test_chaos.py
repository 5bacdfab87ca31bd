"""Chaos: behind a fault-injecting proxy the SDK never loses, duplicates or misreports an item.

Each test starts a fresh emulator (its own fault injection off) behind a seeded ``FaultProxy``
(tests/chaos/proxy.py) and checks the SDK's promises against the emulator's state:

- a listing yields every SIM exactly once, or raises a typed ``APIError``;
- a bulk call reports every id once; an item reported done is in the target state, one
  reported failed is not (an ``outcome == "unknown"`` item may be either, but must be rare);
- a create reported successful exists, and no POST but authenticate reaches the server twice.

The ``*_under_the_issue_mix`` tests run the issue's fault mix at scale; the ``test_one_*`` ones
force a single fault of each kind where it hurts most; ``TestProxy`` checks the proxy itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections import Counter
from collections.abc import AsyncIterator, Coroutine, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
import pytest

from emnify_async import (
    APIError,
    AsyncEmnify,
    AuthenticationError,
    BulkResult,
    RetryPolicy,
    SimStatusId,
)
from emnify_async.testing import Emulator, EmulatorConfig, EmulatorState
from emnify_sync import Emnify

from ..conftest import ThreadedEmulator
from .proxy import AFTER, AUTHENTICATE, BEFORE, GARBAGE_BODIES, KINDS, FaultMix, FaultProxy

T = TypeVar("T")

# Like tests/conftest.py's FAST_RETRY, with room for the faults a busy mix stacks on one call.
CHAOS_RETRY = RetryPolicy(
    max_retries=6, initial_delay=0.001, max_delay=0.01, jitter=0.0, deadline=20.0
)
ISSUE_MIX = FaultMix(slow_seconds=0.05)
FLEET = 20_000
PER_PAGE = 250
BULK = 2_000
CREATES = 40
TARIFF_PATH = "/api/v1/tariff"


def chaos_client(token: str, proxy: FaultProxy) -> AsyncEmnify:
    return AsyncEmnify(token, base_url=proxy.base_url, retry=CHAOS_RETRY, rate_limits=False)


@dataclass
class Listing:
    """What a listing produced: the ids seen (in order), or the typed error it raised."""

    ids: list[int] = field(default_factory=list)
    error: APIError | None = None


def listing_problems(listing: Listing, expected: Iterable[int]) -> list[str]:
    """Lost, duplicated and unexpected ids; none when the listing raised a typed error."""
    if listing.error is not None:
        return []
    wanted = set(expected)
    counts = Counter(listing.ids)
    problems = []
    lost = wanted - counts.keys()
    if lost:
        problems.append(f"{len(lost)} SIMs silently lost (e.g. {sorted(lost)[:3]})")
    duplicated = [sim_id for sim_id, n in counts.items() if n > 1]
    if duplicated:
        problems.append(f"{len(duplicated)} SIMs duplicated (e.g. {duplicated[:3]})")
    unexpected = counts.keys() - wanted
    if unexpected:
        problems.append(f"{len(unexpected)} unknown ids (e.g. {sorted(unexpected)[:3]})")
    return problems


async def list_typed(client: AsyncEmnify, per_page: int) -> Listing:
    listing = Listing()
    try:
        async for sim in client.sims.list(per_page=per_page):
            listing.ids.append(sim.id)
    except APIError as exc:
        listing.error = exc
    return listing


async def list_raw(client: AsyncEmnify, per_page: int) -> Listing:
    listing = Listing()
    try:
        async for page in client.sims.list(per_page=per_page).iter_raw_pages():
            listing.ids.extend(sim["id"] for sim in page)
    except APIError as exc:
        listing.error = exc
    return listing


@dataclass
class BulkCheck:
    """How a bulk result compares with the emulator's state right after the call."""

    reported: Counter[int]
    done_but_not_applied: list[int]
    failed_but_applied: list[tuple[int, str]]
    unknown: list[int]

    def problems(self, ids: list[int]) -> list[str]:
        problems = []
        if self.reported != Counter(ids):
            missing = Counter(ids) - self.reported
            extra = self.reported - Counter(ids)
            problems.append(f"ids not reported once: missing {missing}, extra {extra}")
        if self.done_but_not_applied:
            problems.append(
                f"{len(self.done_but_not_applied)} reported done but not applied "
                f"(e.g. {self.done_but_not_applied[:5]})"
            )
        if self.failed_but_applied:
            problems.append(
                f"{len(self.failed_but_applied)} reported failed but applied "
                f"(e.g. {self.failed_but_applied[:5]})"
            )
        if len(self.unknown) > max(2, len(ids) // 100):
            problems.append(f"{len(self.unknown)} items of {len(ids)} left unknown")
        return problems


def check_bulk(result: BulkResult, target: int, state: EmulatorState) -> BulkCheck:
    check = BulkCheck(Counter(item.id for item in result.items), [], [], [])
    for item in result.items:
        applied = state.table.status[item.id - 1] == target
        if getattr(item, "outcome", None) == "unknown":
            check.unknown.append(item.id)
        elif item.ok and not applied:
            check.done_but_not_applied.append(item.id)
        elif not item.ok and applied:
            check.failed_but_applied.append((item.id, type(item.error).__name__))
    return check


def faults(proxy: FaultProxy) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in sorted(proxy.injected.items()))


# -- the issue's mix, at scale -----------------------------------------------------------------


@pytest.mark.parametrize(("way", "seed"), [("typed", 4), ("raw", 2)])
async def test_fetch_under_the_issue_mix_returns_every_sim_once(way: str, seed: int) -> None:
    async with (
        Emulator(EmulatorConfig(seed=0, sims=FLEET)) as emu,
        FaultProxy(emu.base_url, mix=ISSUE_MIX, seed=seed) as proxy,
        chaos_client(emu.application_token, proxy) as client,
    ):
        fetch = list_typed if way == "typed" else list_raw
        listing = await fetch(client, PER_PAGE)

    problems = listing_problems(listing, emu.state.sim_ids())
    assert not problems, f"{'; '.join(problems)} [faults: {faults(proxy)}]"
    assert proxy.injected, "the proxy injected nothing: the test proves nothing"


def test_sync_fetch_under_the_issue_mix_returns_every_sim_once() -> None:
    threaded = ThreadedEmulator(EmulatorConfig(seed=0, sims=FLEET))

    def on_loop(coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, threaded.loop).result(30)

    with threaded as emu:
        proxy = FaultProxy(emu.base_url, mix=ISSUE_MIX, seed=4)
        on_loop(proxy.start())
        listing = Listing()
        try:
            with Emnify(
                emu.application_token,
                base_url=proxy.base_url,
                retry=CHAOS_RETRY,
                rate_limits=False,
            ) as client:
                try:
                    for page in client.sims.list(per_page=PER_PAGE).iter_raw_pages():
                        listing.ids.extend(sim["id"] for sim in page)
                except APIError as exc:
                    listing.error = exc
        finally:
            on_loop(proxy.close())
        expected = list(emu.state.sim_ids())

    problems = listing_problems(listing, expected)
    assert not problems, f"{'; '.join(problems)} [faults: {faults(proxy)}]"
    assert proxy.injected


async def test_bulk_under_the_issue_mix_reports_the_truth() -> None:
    """2,000 Activated SIMs suspended, then activated again, through the issue's mix."""
    async with Emulator(EmulatorConfig(seed=0, sims=BULK * 3 // 2)) as emu:
        state = emu.state
        ids = [i for i in state.sim_ids() if state.table.status[i - 1] == SimStatusId.ACTIVATED]
        ids = ids[:BULK]
        assert len(ids) == BULK
        async with (
            FaultProxy(emu.base_url, mix=ISSUE_MIX, seed=0) as proxy,
            chaos_client(emu.application_token, proxy) as client,
        ):
            suspend = await client.sims.bulk_suspend(ids)
            suspended = check_bulk(suspend, SimStatusId.SUSPENDED, state)
            activate = await client.sims.bulk_activate(ids)
            activated = check_bulk(activate, SimStatusId.ACTIVATED, state)

    problems = [f"suspend: {p}" for p in suspended.problems(ids)]
    problems += [f"activate: {p}" for p in activated.problems(ids)]
    assert not problems, f"{'; '.join(problems)} [faults: {faults(proxy)}]"
    assert not proxy.repeated_posts()


async def test_endpoint_bulk_under_the_issue_mix_reports_the_truth() -> None:
    """500 endpoints disabled, then enabled again, through the issue's mix: every reported
    outcome agrees with the emulator's state."""
    async with Emulator(EmulatorConfig(seed=2, sims=900)) as emu:
        ids = list(emu.state.endpoints.ids(emu.state.org_id))[:500]
        assert len(ids) == 500

        def status_of(endpoint_id: int) -> int:
            endpoint = emu.state.endpoints.render(endpoint_id)
            status: int = endpoint["status"]["id"]
            return status

        async with (
            FaultProxy(emu.base_url, mix=ISSUE_MIX, seed=2) as proxy,
            chaos_client(emu.application_token, proxy) as client,
        ):
            problems = []
            for call, target in (
                (client.endpoints.bulk_disable, 1),
                (client.endpoints.bulk_enable, 0),
            ):
                result = await call(ids)
                reported = Counter(item.id for item in result.items)
                if reported != Counter(ids):
                    problems.append(f"{call.__name__}: ids not reported once")
                for item in result.items:
                    applied = status_of(item.id) == target
                    if item.outcome == "done" and not applied:
                        problems.append(f"{call.__name__}: {item.id} done but not applied")
                    if item.outcome == "failed" and applied:
                        problems.append(f"{call.__name__}: {item.id} failed but applied")
                if len(result.unknown) > 5:
                    problems.append(f"{call.__name__}: {len(result.unknown)} unknown")

    assert not problems, f"{'; '.join(problems[:10])} [faults: {faults(proxy)}]"
    assert proxy.injected


async def test_creates_under_the_issue_mix_never_apply_twice_or_misreport() -> None:
    async with (
        Emulator(EmulatorConfig(seed=0, sims=50)) as emu,
        FaultProxy(emu.base_url, mix=ISSUE_MIX, seed=3) as proxy,
        chaos_client(emu.application_token, proxy) as client,
    ):
        names = [f"chaos tariff {n}" for n in range(CREATES)]
        outcomes = await asyncio.gather(*(_create_tariff(client, name) for name in names))

    problems = _create_problems(emu.state, dict(zip(names, outcomes, strict=True)))
    repeated = proxy.repeated_posts()
    assert not problems, f"{'; '.join(problems)} [faults: {faults(proxy)}]"
    assert not repeated, f"POSTs forwarded twice: {repeated}"
    assert proxy.injected


async def _create_tariff(client: AsyncEmnify, name: str) -> int | APIError:
    try:
        return await client.tariffs.create(name=name, currency=1)
    except APIError as exc:
        return exc


def _create_problems(state: EmulatorState, outcomes: dict[str, int | APIError]) -> list[str]:
    tariffs = state.billing.tariffs
    per_name = Counter(tariff.name for tariff in tariffs.values())
    problems = []
    for name, outcome in outcomes.items():
        if per_name[name] > 1:
            problems.append(f"{name!r} created {per_name[name]} times")
        if isinstance(outcome, int):
            tariff = tariffs.get(outcome)
            if tariff is None or tariff.name != name:
                found = None if tariff is None else tariff.name
                problems.append(f"create {name!r} reported id {outcome}, which is {found!r}")
    return problems


# -- one fault of each kind, where it hurts most ------------------------------------------------

# (test id, kind, pinned variant): every kind, and each variant that the SDK may read differently.
ONE_FAULT = [
    ("error_before", "error_before", {"status": 503}),
    ("error_after", "error_after", {"status": 502}),
    ("rate_limit-retry_after", "rate_limit", {"retry_after": "0.01"}),
    ("rate_limit-bare", "rate_limit", {"retry_after": None}),
    ("reset_before", "reset_before", {}),
    ("reset_after", "reset_after", {}),
    ("truncate", "truncate", {}),
    ("garbage_before-html", "garbage_before", {"body": b"<!DOCTYPE html><html></html>"}),
    ("garbage_before-json", "garbage_before", {"body": b'{"ok": true}'}),
    ("garbage_after-html", "garbage_after", {"body": b"<!DOCTYPE html><html></html>"}),
    ("garbage_after-json", "garbage_after", {"body": b'{"ok": true}'}),
    ("blank_before", "blank_before", {}),
    ("blank_after", "blank_after", {}),
    (
        "redirect-302-same-path",
        "redirect",
        {"status": 302, "location": "https://elsewhere.example.invalid{path}"},
    ),
    (
        "redirect-307-error-page",
        "redirect",
        {"status": 307, "location": "https://elsewhere.example.invalid/errors/503"},
    ),
    ("slow", "slow", {}),
]
ONE_FAULT_PARAMS = [pytest.param(kind, variant, id=name) for name, kind, variant in ONE_FAULT]


@pytest.fixture
async def small() -> AsyncIterator[tuple[Emulator, FaultProxy, AsyncEmnify]]:
    """A 250-SIM emulator behind a proxy that only injects forced faults."""
    async with (
        Emulator(EmulatorConfig(seed=0, sims=250)) as emu,
        FaultProxy(emu.base_url, mix=FaultMix.none(), seed=0) as proxy,
        chaos_client(emu.application_token, proxy) as client,
    ):
        yield emu, proxy, client


@pytest.mark.parametrize("page", ["1", "3"])
@pytest.mark.parametrize(("kind", "variant"), ONE_FAULT_PARAMS)
async def test_one_fault_on_a_list_page(
    small: tuple[Emulator, FaultProxy, AsyncEmnify], kind: str, variant: dict[str, Any], page: str
) -> None:
    emu, proxy, client = small
    proxy.force(kind, method="GET", path="/api/v1/sim", query={"page": page}, **variant)

    listing = await list_raw(client, 50)

    assert proxy.injected[kind] == 1
    problems = listing_problems(listing, emu.state.sim_ids())
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize(("kind", "variant"), ONE_FAULT_PARAMS)
async def test_one_fault_on_a_bulk_status_change(
    small: tuple[Emulator, FaultProxy, AsyncEmnify], kind: str, variant: dict[str, Any]
) -> None:
    emu, proxy, client = small
    state = emu.state
    sim_ids = [i for i in state.sim_ids() if state.table.status[i - 1] == SimStatusId.ACTIVATED]
    ids = sim_ids[:3]
    proxy.force(kind, method="PATCH", path=f"/api/v1/sim/{ids[1]}", **variant)

    result = await client.sims.bulk_suspend(ids)

    assert proxy.injected[kind] == 1
    problems = check_bulk(result, SimStatusId.SUSPENDED, state).problems(ids)
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize(("kind", "variant"), ONE_FAULT_PARAMS)
async def test_one_fault_on_a_create(
    small: tuple[Emulator, FaultProxy, AsyncEmnify], kind: str, variant: dict[str, Any]
) -> None:
    emu, proxy, client = small
    proxy.force(kind, method="POST", path=TARIFF_PATH, **variant)

    outcome = await _create_tariff(client, "one fault")

    assert proxy.injected[kind] == 1
    problems = _create_problems(emu.state, {"one fault": outcome})
    assert not problems, "; ".join(problems)
    assert not proxy.repeated_posts()


@pytest.mark.parametrize(("kind", "variant"), ONE_FAULT_PARAMS)
async def test_one_fault_on_authenticate(
    small: tuple[Emulator, FaultProxy, AsyncEmnify], kind: str, variant: dict[str, Any]
) -> None:
    """Authenticating is safe to repeat: one bad answer is no reason to blame the credentials."""
    emu, proxy, client = small
    proxy.force(kind, method=AUTHENTICATE[0], path=AUTHENTICATE[1], **variant)

    listing = await list_raw(client, 50)

    assert proxy.injected[kind] == 1
    assert not isinstance(listing.error, AuthenticationError), repr(listing.error)
    problems = listing_problems(listing, emu.state.sim_ids())
    assert not problems, "; ".join(problems)


# -- the proxy itself ---------------------------------------------------------------------------


class TestProxy:
    """Each fault kind does what it says; clean traffic passes unchanged."""

    @pytest.fixture
    async def emu(self) -> AsyncIterator[Emulator]:
        async with Emulator(EmulatorConfig(seed=0, sims=50)) as emulator:
            yield emulator

    @pytest.fixture
    async def token(self, emu: Emulator) -> str:
        async with (
            aiohttp.ClientSession() as session,
            session.post(
                emu.base_url + AUTHENTICATE[1],
                json={"application_token": emu.application_token},
            ) as resp,
        ):
            body = await resp.json()
        return str(body["auth_token"])

    @pytest.fixture
    async def session(self) -> AsyncIterator[aiohttp.ClientSession]:
        async with aiohttp.ClientSession() as session:
            yield session

    @staticmethod
    def activated(emu: Emulator) -> int:
        state = emu.state
        return next(i for i in state.sim_ids() if state.table.status[i - 1] == 1)

    async def test_clean_traffic_passes_unchanged(
        self, emu: Emulator, token: str, session: aiohttp.ClientSession
    ) -> None:
        auth = {"Authorization": f"Bearer {token}", "X-Custom": "kept"}
        query = "page=2&per_page=7&q=status:1&sort=-id"
        sim_id = self.activated(emu)
        async with FaultProxy(emu.base_url, mix=FaultMix.none()) as proxy:
            async with session.get(f"{proxy.base_url}/api/v1/sim?{query}", headers=auth) as resp:
                via_proxy = (resp.status, dict(resp.headers), await resp.read())
            async with session.get(f"{emu.base_url}/api/v1/sim?{query}", headers=auth) as resp:
                direct = (resp.status, dict(resp.headers), await resp.read())
            body = b'{"status":{"id":2}}'
            async with session.patch(
                f"{proxy.base_url}/api/v1/sim/{sim_id}?x=1", data=body, headers=auth
            ) as resp:
                assert resp.status == 204

        assert via_proxy[0] == direct[0] == 200
        assert via_proxy[2] == direct[2]
        for name in ("Link", "X-Total-Count", "X-Total-Pages", "X-Current-Page", "Content-Type"):
            assert via_proxy[1][name] == direct[1][name]
        recorded = emu.requests[-1]
        assert (recorded.method, recorded.path, recorded.query) == (
            "PATCH",
            f"/api/v1/sim/{sim_id}",
            {"x": "1"},
        )
        assert recorded.body == body and recorded.headers["Authorization"] == f"Bearer {token}"
        assert recorded.headers["X-Custom"] == "kept"
        assert emu.state.table.status[sim_id - 1] == SimStatusId.SUSPENDED
        assert [(f.method, f.path, f.query) for f in proxy.forwarded] == [
            ("GET", "/api/v1/sim", query),
            ("PATCH", f"/api/v1/sim/{sim_id}", "x=1"),
        ]
        assert proxy.forwarded[1].body == body and not proxy.injected

    @pytest.mark.parametrize("kind", [k for k in BEFORE if k != "reset_before"])
    async def test_before_faults_answer_without_forwarding(
        self, emu: Emulator, token: str, session: aiohttp.ClientSession, kind: str
    ) -> None:
        sim_id = self.activated(emu)
        seen = len(emu.requests)
        async with (
            FaultProxy(emu.base_url, mix=FaultMix.only(kind), seed=5) as proxy,
            session.patch(
                f"{proxy.base_url}/api/v1/sim/{sim_id}",
                json={"status": {"id": 2}},
                headers={"Authorization": f"Bearer {token}"},
                allow_redirects=False,
            ) as resp,
        ):
            status, headers, body = resp.status, resp.headers, await resp.read()

        assert len(emu.requests) == seen and not proxy.forwarded
        assert emu.state.table.status[sim_id - 1] == SimStatusId.ACTIVATED
        assert proxy.injected == Counter({kind: 1})
        expected_status = {
            "error_before": {500, 502, 503, 504},
            "rate_limit": {429},
            "garbage_before": {200},
            "blank_before": {200},
            "redirect": {302, 307},
        }[kind]
        assert status in expected_status
        if kind == "error_before":
            assert body.startswith(b"<html>") and headers["Content-Type"] == "text/html"
        if kind == "blank_before":
            assert body == b""
        if kind == "garbage_before":
            assert body in {garbage for garbage, _ in GARBAGE_BODIES}
        if kind == "redirect":
            assert headers["Location"].startswith("https://elsewhere.example.invalid/")

    @pytest.mark.parametrize("kind", ["error_after", "garbage_after", "blank_after"])
    async def test_after_faults_apply_the_write_and_replace_the_answer(
        self, emu: Emulator, token: str, session: aiohttp.ClientSession, kind: str
    ) -> None:
        sim_id = self.activated(emu)
        async with (
            FaultProxy(emu.base_url, mix=FaultMix.only(kind), seed=5) as proxy,
            session.patch(
                f"{proxy.base_url}/api/v1/sim/{sim_id}",
                json={"status": {"id": 2}},
                headers={"Authorization": f"Bearer {token}"},
            ) as resp,
        ):
            status = resp.status

        assert emu.requests[-1].status == 204
        assert emu.state.table.status[sim_id - 1] == SimStatusId.SUSPENDED
        assert status == 200 if kind != "error_after" else status >= 500
        assert len(proxy.forwarded) == 1

    @pytest.mark.parametrize(("kind", "applied"), [("reset_before", False), ("reset_after", True)])
    async def test_reset_drops_the_connection(
        self,
        emu: Emulator,
        token: str,
        session: aiohttp.ClientSession,
        kind: str,
        applied: bool,
    ) -> None:
        sim_id = self.activated(emu)
        async with FaultProxy(emu.base_url, mix=FaultMix.only(kind)) as proxy:
            with pytest.raises(aiohttp.ClientError) as caught:
                async with session.patch(  # PATCH: aiohttp never repeats it on its own
                    f"{proxy.base_url}/api/v1/sim/{sim_id}",
                    json={"status": {"id": 2}},
                    headers={"Authorization": f"Bearer {token}"},
                ) as resp:
                    await resp.read()

        assert isinstance(caught.value, (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError))
        status = emu.state.table.status[sim_id - 1]
        assert (status == SimStatusId.SUSPENDED) is applied
        assert len(proxy.forwarded) == int(applied)
        assert proxy.log[0].status == 0

    async def test_truncated_body_is_shorter_than_its_content_length(
        self, emu: Emulator, token: str
    ) -> None:
        async with FaultProxy(emu.base_url, mix=FaultMix.only("truncate")) as proxy:
            host, port = proxy.base_url.removeprefix("http://").split(":")
            raw = await _raw_request(
                host,
                int(port),
                f"GET /api/v1/sim?per_page=20 HTTP/1.1\r\nHost: {host}\r\n"
                f"Authorization: Bearer {token}\r\n\r\n",
            )
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
        assert lines[0].startswith("HTTP/1.1 200")
        announced = int(headers["content-length"])
        assert 0 < len(body) == announced // 2 < announced
        assert body.startswith(b"[{")
        assert "transfer-encoding" not in headers

    async def test_rate_limit_with_and_without_retry_after(
        self, emu: Emulator, session: aiohttp.ClientSession
    ) -> None:
        async with FaultProxy(emu.base_url, mix=FaultMix.none()) as proxy:
            proxy.force("rate_limit", retry_after="0.01")
            proxy.force("rate_limit", retry_after=None)
            answers = []
            for _ in range(2):
                async with session.get(f"{proxy.base_url}/api/v1/sim/status") as resp:
                    answers.append((resp.status, resp.headers.get("Retry-After")))
        assert answers == [(429, "0.01"), (429, None)]

    async def test_slow_answer_is_held_back(
        self, emu: Emulator, token: str, session: aiohttp.ClientSession
    ) -> None:
        waits: list[float] = []

        async def sleep(seconds: float) -> None:
            waits.append(seconds)

        mix = FaultMix.only("slow", slow_seconds=0.25)
        async with (
            FaultProxy(emu.base_url, mix=mix, sleep=sleep) as proxy,
            session.get(
                f"{proxy.base_url}/api/v1/sim/1", headers={"Authorization": f"Bearer {token}"}
            ) as resp,
        ):
            assert resp.status == 200 and (await resp.json())["id"] == 1
        assert waits == [0.25]

    async def test_authenticate_is_faulted_unless_exempt(
        self, emu: Emulator, session: aiohttp.ClientSession
    ) -> None:
        body = {"application_token": emu.application_token}
        statuses = []
        for exempt in (frozenset(), frozenset({AUTHENTICATE})):
            mix = FaultMix.only("error_before", exempt=exempt)
            async with (
                FaultProxy(emu.base_url, mix=mix) as proxy,
                session.post(proxy.base_url + AUTHENTICATE[1], json=body) as resp,
            ):
                statuses.append(resp.status)
        assert statuses[0] >= 500 and statuses[1] == 200

    async def test_same_seed_same_faults(
        self, emu: Emulator, session: aiohttp.ClientSession
    ) -> None:
        logs = []
        for seed in (7, 7, 8):
            mix = FaultMix(reset_before=0.0, reset_after=0.0, truncate=0.0)
            async with FaultProxy(emu.base_url, mix=mix.scaled(3.0), seed=seed) as proxy:
                for _ in range(40):
                    async with session.get(
                        f"{proxy.base_url}/api/v1/sim/status", allow_redirects=False
                    ) as resp:
                        await resp.read()
            logs.append([(entry.kind, entry.status) for entry in proxy.log])
        assert logs[0] == logs[1] != logs[2]
        assert len(logs[0]) > 5

    async def test_repeated_posts_are_reported(
        self, emu: Emulator, session: aiohttp.ClientSession
    ) -> None:
        auth = {"application_token": emu.application_token}
        async with FaultProxy(emu.base_url, mix=FaultMix.none()) as proxy:
            for body in (auth, auth, {"name": "a"}, {"name": "a"}, {"name": "b"}):
                path = AUTHENTICATE[1] if body is auth else TARIFF_PATH
                async with session.post(proxy.base_url + path, json=body) as resp:
                    await resp.read()
        assert [(f.path, f.body) for f in proxy.repeated_posts()] == [
            (TARIFF_PATH, b'{"name": "a"}'),
            (TARIFF_PATH, b'{"name": "a"}'),
        ]

    def test_mix_defaults_are_the_issues(self) -> None:
        rates = FaultMix().rates()
        assert set(rates) == set(KINDS) and set(BEFORE) | set(AFTER) == set(KINDS)
        assert rates["error_before"] + rates["error_after"] == pytest.approx(0.10)
        assert rates["rate_limit"] == pytest.approx(0.05)
        assert rates["reset_before"] + rates["reset_after"] == pytest.approx(0.03)
        assert rates["truncate"] == pytest.approx(0.02)
        assert rates["garbage_before"] + rates["garbage_after"] == pytest.approx(0.01)
        assert rates["slow"] == pytest.approx(0.01)
        assert all(rates[k] > 0 for k in ("blank_before", "blank_after", "redirect"))
        with pytest.raises(ValueError):
            FaultMix(error_before=0.9, error_after=0.9)


async def _raw_request(host: str, port: int, request: str) -> bytes:
    """Send ``request`` on a fresh socket and read until the server closes it."""
    reader, writer = await asyncio.open_connection(host, port, family=socket.AF_INET)
    try:
        writer.write(request.encode())
        await writer.drain()
        return await reader.read()
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()
