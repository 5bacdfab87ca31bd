"""The measured clients, one per process: ``python benchmarks/_cases.py CASE [options]``.

Every case lists all SIMs of the emulator at ``--base-url`` (or, for the ``get_*`` cases, fetches
single SIMs), keeps only a ``Tally`` of the ids it saw, and prints one JSON line with its items,
time and peak RSS. Time runs from just before authentication to the last item, so interpreter
start-up and imports are excluded, authentication is included.

SDK cases: ``sdk_async`` (``async for sim in client.sims.list()``, typed ``Sim`` models),
``sdk_async_raw`` (``iter_raw_pages()``, decoded dicts: the export path), ``sdk_export_jsonl``
(the export path plus one JSON line per SIM written to /dev/null, as ``emnify sims export
--format jsonl`` does), and ``sdk_sync`` / ``sdk_sync_raw`` (the same through
``emnify_sync.Emnify``).

Hand-written baselines (the floor for the SDK's overhead):

- ``aiohttp_json`` / ``aiohttp_orjson``: one ``aiohttp.ClientSession``, page 1 first, then a
  sliding window of ``PREFETCH`` pages in flight (the SDK's ``page_prefetch`` default), each
  body decoded with ``json.loads`` / ``orjson.loads``. No retries, no error mapping.
- ``aiohttp_orjson_cattrs``: the same, plus a plain ``cattrs.Converter(detailed_validation=False)``
  with one datetime hook structuring each dict into the SDK's own attrs ``Sim`` model.

In the ``limited`` setting the baselines pace themselves with a token bucket of emnify's
documented limit for ``GET /api/v1/sim`` (10/s, burst 5) and retry a 429 after 0.5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import inspect
import json
import os
import sys
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import IO, Any

import aiohttp
import cattrs
import orjson

from emnify_async import AsyncEmnify
from emnify_async.models import Sim
from emnify_sync import Emnify

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import Clock, Tally, current_rss_mb, report

PER_PAGE = 2500
PREFETCH = 4
LIST_RATE, LIST_BURST = 10.0, 5.0
# Sent this much after a token is due, so loopback jitter never lands a request before the
# emulator's bucket has refilled; it delays each send and does not accumulate.
PACING_MARGIN = 0.005


# -- hand-written baselines ------------------------------------------------------------------


class _Pacer:
    """A token bucket: ``rate`` sends per second with bursts of ``burst``."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = time.monotonic()

    async def wait(self) -> None:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        self.tokens -= 1
        if self.tokens < 0:
            await asyncio.sleep(-self.tokens / self.rate + PACING_MARGIN)


class _Baseline:
    """Fetches and decodes pages with plain aiohttp, the way a careful script would."""

    def __init__(
        self, base_url: str, token: str, loads: Callable[[bytes], Any], paced: bool
    ) -> None:
        self.base_url = base_url
        self.token = token
        self.loads = loads
        self.pacer = _Pacer(LIST_RATE, LIST_BURST) if paced else None
        self.rejected = 0

    async def _get(
        self, session: aiohttp.ClientSession, headers: dict[str, str], page: int
    ) -> tuple[Any, int]:
        params = {"page": str(page), "per_page": str(PER_PAGE)}
        while True:
            if self.pacer is not None:
                await self.pacer.wait()
            async with session.get("/api/v1/sim", params=params, headers=headers) as resp:
                if resp.status == 429:
                    self.rejected += 1
                    await asyncio.sleep(0.5)
                    continue
                resp.raise_for_status()
                body = await resp.read()
                pages = int(resp.headers["X-Total-Pages"])
            return self.loads(body), pages

    async def pages(self) -> AsyncIterator[list[dict[str, Any]]]:
        connector = aiohttp.TCPConnector(limit=8)
        async with aiohttp.ClientSession(self.base_url, connector=connector) as session:
            async with session.post(
                "/api/v1/authenticate", json={"application_token": self.token}
            ) as resp:
                resp.raise_for_status()
                token = self.loads(await resp.read())["auth_token"]
            headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
            first, last = await self._get(session, headers, 1)
            yield first
            window: list[asyncio.Task[tuple[Any, int]]] = []
            following = iter(range(2, last + 1))
            try:
                for page in following:
                    window.append(asyncio.ensure_future(self._get(session, headers, page)))
                    if len(window) == PREFETCH:
                        break
                while window:
                    items, _ = await window.pop(0)
                    for page in following:
                        window.append(asyncio.ensure_future(self._get(session, headers, page)))
                        break
                    yield items
            finally:
                for task in window:
                    task.cancel()
                await asyncio.gather(*window, return_exceptions=True)


def _plain_converter() -> Any:
    """``cattrs.Converter(detailed_validation=False)`` with a datetime hook, nothing else."""
    converter = cattrs.Converter(detailed_validation=False)
    converter.register_structure_hook(dt.datetime, lambda v, _: dt.datetime.fromisoformat(v))
    return converter


async def _baseline(args: argparse.Namespace, clock: Clock, tally: Tally) -> dict[str, Any]:
    if args.case == "aiohttp_json":
        loads: Callable[[bytes], Any] = json.loads
    else:
        loads = orjson.loads
    baseline = _Baseline(args.base_url, args.token, loads, paced=args.setting == "limited")
    if args.case == "aiohttp_orjson_cattrs":
        structure = _plain_converter().get_structure_hook(Sim)
        async for raw in baseline.pages():
            for sim in [structure(item, Sim) for item in raw]:
                tally.add(sim.id, sim.iccid, sim.status.id)
            if clock.over():
                break
    else:
        async for raw in baseline.pages():
            for item in raw:
                tally.add(item["id"], item["iccid"], item["status"]["id"])
            if clock.over():
                break
    return {"rejected_429": baseline.rejected}


# -- the SDK ------------------------------------------------------------------------------------


def _devnull() -> IO[str]:
    """A text sink for the export case (a plain function: opening it is not awaited)."""
    return open(os.devnull, "w", encoding="utf-8")


def _sdk_options(setting: str) -> dict[str, Any]:
    """Client arguments: pacing off on loopback (the emulator enforces no limit there)."""
    if "rate_limits" in inspect.signature(AsyncEmnify).parameters:
        return {"rate_limits": setting == "limited"}
    return {}


async def _sdk_async(args: argparse.Namespace, clock: Clock, tally: Tally) -> dict[str, Any]:
    options = _sdk_options(args.setting)
    async with AsyncEmnify(args.token, base_url=args.base_url, **options) as client:
        pager = client.sims.list()
        if args.case == "sdk_async":
            async for sim in pager:
                tally.add(sim.id, sim.iccid, sim.status.id)
                if tally.count % PER_PAGE == 0 and clock.over():
                    break
        elif args.case == "sdk_async_raw":
            async for rows in pager.iter_raw_pages():
                for row in rows:
                    tally.add(row["id"], row["iccid"], row["status"]["id"])
                if clock.over():
                    break
        else:
            # What `emnify sims export --format jsonl` does: raw pages, one JSON line per SIM.
            with _devnull() as out:
                async for rows in pager.iter_raw_pages():
                    out.write("".join(orjson.dumps(row).decode() + "\n" for row in rows))
                    for row in rows:
                        tally.add(row["id"], row["iccid"], row["status"]["id"])
                    if clock.over():
                        break
    return {"sdk_pacing": options.get("rate_limits")}


def _sdk_sync(args: argparse.Namespace, clock: Clock, tally: Tally) -> dict[str, Any]:
    options = _sdk_options(args.setting)
    with Emnify(args.token, base_url=args.base_url, **options) as client:
        pager = client.sims.list()
        if args.case == "sdk_sync":
            for sim in pager:
                tally.add(sim.id, sim.iccid, sim.status.id)
                if tally.count % PER_PAGE == 0 and clock.over():
                    break
        else:
            for rows in pager.iter_raw_pages():
                for row in rows:
                    tally.add(row["id"], row["iccid"], row["status"]["id"])
                if clock.over():
                    break
        pager.close()
    return {"sdk_pacing": options.get("rate_limits")}


# -- per-call overhead: many single GETs ------------------------------------------------------


def _call_ids(args: argparse.Namespace) -> list[int]:
    return [1 + i % args.expected for i in range(args.calls)]


async def _get_aiohttp(args: argparse.Namespace, clock: Clock, tally: Tally) -> dict[str, Any]:
    structure = _plain_converter().get_structure_hook(Sim)
    async with aiohttp.ClientSession(args.base_url) as session:
        async with session.post(
            "/api/v1/authenticate", json={"application_token": args.token}
        ) as resp:
            token = orjson.loads(await resp.read())["auth_token"]
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        for sim_id in _call_ids(args):
            async with session.get(f"/api/v1/sim/{sim_id}", headers=headers) as resp:
                resp.raise_for_status()
                sim = structure(orjson.loads(await resp.read()), Sim)
            tally.add(sim.id, sim.iccid, sim.status.id)
    return {}


async def _get_async(args: argparse.Namespace, clock: Clock, tally: Tally) -> dict[str, Any]:
    async with AsyncEmnify(args.token, base_url=args.base_url, **_sdk_options("")) as client:
        for sim_id in _call_ids(args):
            sim = await client.sims.get(sim_id)
            tally.add(sim.id, sim.iccid, sim.status.id)
    return {}


def _get_sync(args: argparse.Namespace, clock: Clock, tally: Tally) -> dict[str, Any]:
    with Emnify(args.token, base_url=args.base_url, **_sdk_options("")) as client:
        for sim_id in _call_ids(args):
            sim = client.sims.get(sim_id)
            tally.add(sim.id, sim.iccid, sim.status.id)
    return {}


# -- entry point --------------------------------------------------------------------------------

ASYNC_CASES = {
    "aiohttp_json": _baseline,
    "aiohttp_orjson": _baseline,
    "aiohttp_orjson_cattrs": _baseline,
    "sdk_async": _sdk_async,
    "sdk_async_raw": _sdk_async,
    "sdk_export_jsonl": _sdk_async,
    "get_aiohttp": _get_aiohttp,
    "get_async": _get_async,
}
SYNC_CASES = {"sdk_sync": _sdk_sync, "sdk_sync_raw": _sdk_sync, "get_sync": _get_sync}


def main() -> None:
    parser = argparse.ArgumentParser(description="Run one benchmark case.")
    parser.add_argument("case", choices=[*ASYNC_CASES, *SYNC_CASES])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--expected", type=int, required=True, help="SIMs the emulator holds")
    parser.add_argument("--setting", choices=["loopback", "limited"], default="loopback")
    parser.add_argument("--cap", type=float, default=0.0, help="stop after this many seconds")
    parser.add_argument("--calls", type=int, default=0, help="single GETs for get_* cases")
    args = parser.parse_args()
    rss_before = current_rss_mb()
    tally = Tally()
    clock = Clock(args.cap)
    if args.case in SYNC_CASES:
        extra = SYNC_CASES[args.case](args, clock, tally)
    else:
        extra = asyncio.run(ASYNC_CASES[args.case](args, clock, tally))
    expected = args.calls if args.case.startswith("get_") else args.expected
    if args.case.startswith("get_"):
        # Every id is fetched once per cycle through 1..expected; check the count only.
        extra["complete"] = tally.count == args.calls
    report(args.case, tally, clock, expected, rss_before=rss_before, **extra)


if __name__ == "__main__":
    main()
