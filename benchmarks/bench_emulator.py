"""How fast the emulator serves SIM pages (it must never be what an SDK benchmark measures).

Starts an emulator with 100k SIMs and fetches every page of ``GET /api/v1/sim`` at
``per_page=2500`` with a plain aiohttp client that reads the bytes only: once with a cold
page cache, then warm, sequentially and with 8 concurrent requests.

    .venv/bin/python benchmarks/bench_emulator.py [--sims 100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import time

import aiohttp

from emnify_async.testing import Emulator, EmulatorConfig


async def _fetch_all(
    session: aiohttp.ClientSession, headers: dict[str, str], pages: int, concurrency: int
) -> int:
    semaphore = asyncio.Semaphore(concurrency)
    total = 0

    async def one(page: int) -> None:
        nonlocal total
        async with (
            semaphore,
            session.get(
                "/api/v1/sim", params={"page": str(page), "per_page": "2500"}, headers=headers
            ) as resp,
        ):
            assert resp.status == 200, resp.status
            body = await resp.read()
        total += len(body)

    await asyncio.gather(*(one(page) for page in range(1, pages + 1)))
    return total


async def main(sims: int, rounds: int) -> None:
    started = time.perf_counter()
    emu = Emulator(EmulatorConfig(sims=sims, seed=0))
    build = time.perf_counter() - started
    async with emu, aiohttp.ClientSession(emu.base_url) as session:
        async with session.post(
            "/api/v1/authenticate", json={"application_token": emu.application_token}
        ) as resp:
            headers = {"Authorization": f"Bearer {(await resp.json())['auth_token']}"}
        pages = -(-sims // 2500)
        print(f"emulator: {sims} SIMs built in {build:.2f} s; {pages} pages of 2500 per pass")
        print(f"{'pass':<22}{'pages/s':>10}{'MB/s':>10}{'ms/page':>10}")
        for label, concurrency, clear in (
            ("cold, sequential", 1, True),
            ("warm, sequential", 1, False),
            ("cold, 8 concurrent", 8, True),
            ("warm, 8 concurrent", 8, False),
        ):
            best = float("inf")
            size = 0
            for _ in range(rounds):
                if clear:
                    emu.state.pages.clear()
                tick = time.perf_counter()
                size = await _fetch_all(session, headers, pages, concurrency)
                best = min(best, time.perf_counter() - tick)
            print(
                f"{label:<22}{pages / best:>10.1f}{size / best / 1e6:>10.1f}"
                f"{best / pages * 1000:>10.2f}"
            )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"page size {size / pages / 1e6:.2f} MB; peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(main(args.sims, args.rounds))
