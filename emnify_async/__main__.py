"""`python -m emnify_async`: list the SIM fleet (on the built-in emulator without credentials)."""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import os
import sys
import time
from collections.abc import AsyncIterator

from ._client import AsyncEmnify
from ._constants import ENV_APPLICATION_TOKEN, ENV_USERNAME
from ._exceptions import EmnifyError


@contextlib.asynccontextmanager
async def _open_client(use_emulator: bool, sims: int) -> AsyncIterator[AsyncEmnify]:
    if not use_emulator:
        async with AsyncEmnify() as client:
            yield client
        return
    from .testing import Emulator, EmulatorConfig  # only the demo needs the emulator

    async with Emulator(EmulatorConfig(sims=sims)) as emulator:
        print(f"No EMNIFY_APPLICATION_TOKEN: using the built-in emulator at {emulator.base_url}")
        async with AsyncEmnify(emulator.application_token, base_url=emulator.base_url) as client:
            yield client


async def _run(args: argparse.Namespace) -> int:
    use_emulator = args.emulator or not (
        os.environ.get(ENV_APPLICATION_TOKEN) or os.environ.get(ENV_USERNAME)
    )
    async with _open_client(use_emulator, args.sims) as client:
        by_status: collections.Counter[str] = collections.Counter()
        shown = 0
        started = time.perf_counter()
        async for sim in client.sims.list():
            status = sim.status.description if sim.status and sim.status.description else "?"
            by_status[status] += 1
            if shown < args.limit:
                print(f"  {sim.id:>8}  {sim.iccid or '-':<22} {sim.imsi or '-':<16} {status}")
                shown += 1
        elapsed = time.perf_counter() - started
    total = sum(by_status.values())
    print(f"{total} SIMs in {elapsed:.2f} s ({total / max(elapsed, 1e-9):,.0f} SIMs/s)")
    for status, count in by_status.most_common():
        print(f"  {status:<14} {count}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """List every SIM and summarise the fleet by status."""
    parser = argparse.ArgumentParser(prog="python -m emnify_async", description=__doc__)
    parser.add_argument("--limit", type=int, default=10, help="SIM rows to print (default 10)")
    parser.add_argument("--emulator", action="store_true", help="use the built-in emulator")
    parser.add_argument("--sims", type=int, default=20_000, help="emulator fleet size")
    args = parser.parse_args(argv)
    try:
        return asyncio.run(_run(args))
    except EmnifyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
