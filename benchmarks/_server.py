"""The emulator process of a benchmark run, driven by ``run.py`` over stdin/stdout.

``python benchmarks/_server.py --sims N`` builds an emulator with ``N`` SIMs, renders every
page the cases will ask for once (so each case meets the same warm page cache and the emulator
costs about 2 ms of its own core per page), prints one JSON line with the base URL and an
application token, then answers one JSON line per command read from stdin:

- ``setting loopback``: no rate limits, no added latency;
- ``setting limited SECONDS``: emnify's documented rate limits, plus SECONDS per page request;
- ``reset``: forget the requests received so far;
- ``stats``: statuses of the requests received since the last reset, and the emulator's CPU
  seconds, so 429s and server load can be attributed to each case;
- ``quit``.

Running the emulator in its own process keeps its memory and CPU out of the measured client.
The toggles use the emulator's own objects (its rate limiter's ``limits`` and its mutable
``Faults``), so one warm emulator serves both settings.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import resource
import sys
from typing import Any

import aiohttp

from emnify_async.testing import Emulator, EmulatorConfig, Faults
from emnify_async.testing._keys import RATE_LIMITER

LIST_PATH = "/api/v1/sim"
SDK_PER_PAGE = 2500


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def _warm(emu: Emulator, sims: int, per_pages: list[int | None]) -> None:
    """Fetch every page of the unfiltered SIM listing once per page size, 4 at a time."""
    async with aiohttp.ClientSession(emu.base_url) as session:
        async with session.post(
            "/api/v1/authenticate", json={"application_token": emu.application_token}
        ) as resp:
            token = (await resp.json())["auth_token"]
        headers = {"Authorization": f"Bearer {token}"}
        semaphore = asyncio.Semaphore(4)

        async def one(page: int, per_page: int | None) -> None:
            params = {"page": str(page)}
            if per_page is not None:
                params["per_page"] = str(per_page)
            async with semaphore, session.get(LIST_PATH, params=params, headers=headers) as resp:
                resp.raise_for_status()
                await resp.read()

        for per_page in per_pages:
            size = per_page or 2000  # the emulator's default page size for SIMs
            pages = max(1, -(-sims // size))
            await asyncio.gather(*(one(page, per_page) for page in range(1, pages + 1)))


def _stats(emu: Emulator, cpu_at_reset: float) -> dict[str, Any]:
    listing: collections.Counter[int] = collections.Counter()
    other: collections.Counter[int] = collections.Counter()
    for record in emu.requests:
        target = listing if record.method == "GET" and record.path == LIST_PATH else other
        target[record.status] += 1
    return {
        "list_statuses": {str(k): v for k, v in sorted(listing.items())},
        "other_statuses": {str(k): v for k, v in sorted(other.items())},
        "requests": len(emu.requests),
        "server_cpu_s": _cpu_seconds() - cpu_at_reset,
    }


async def serve(sims: int, warm_official: bool) -> None:
    faults = Faults()
    config = EmulatorConfig(
        seed=0,
        sims=sims,
        rate_limits=True,
        faults=faults,
        # Big enough for every page of both page sizes at 1M SIMs (about 1.8 GB).
        page_cache_bytes=4 * 2**30,
    )
    async with Emulator(config) as emu:
        limiter = emu.app[RATE_LIMITER]
        assert limiter is not None
        documented = dict(limiter.limits)
        limiter.limits = {}
        await _warm(emu, sims, [SDK_PER_PAGE, None] if warm_official else [SDK_PER_PAGE])
        emu.requests.clear()
        cpu_at_reset = _cpu_seconds()
        print(json.dumps({"base_url": emu.base_url, "token": emu.application_token}), flush=True)
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        while line := (await reader.readline()).decode().split():
            command, args = line[0], line[1:]
            reply: dict[str, Any] = {"ok": True}
            if command == "setting" and args[0] == "loopback":
                limiter.limits = {}
                faults.page_latency = 0.0
            elif command == "setting" and args[0] == "limited":
                limiter.limits = dict(documented)
                faults.page_latency = float(args[1])
            elif command == "reset":
                emu.requests.clear()
                cpu_at_reset = _cpu_seconds()
            elif command == "stats":
                reply = _stats(emu, cpu_at_reset)
            elif command == "quit":
                break
            else:
                reply = {"ok": False, "error": f"unknown command {line!r}"}
            print(json.dumps(reply), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve a warm emulator for run.py.")
    parser.add_argument("--sims", type=int, required=True)
    parser.add_argument("--warm-official", action="store_true", help="also warm per_page=2000")
    args = parser.parse_args()
    asyncio.run(serve(args.sims, args.warm_official))


if __name__ == "__main__":
    main()
