"""``python -m emnify_async.testing``: serve the emulator until interrupted."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shlex
import sys
import time
from collections.abc import Sequence

from emnify_async.testing._config import EmulatorConfig, Faults
from emnify_async.testing._emulator import Emulator


def parse_args(
    argv: Sequence[str] | None = None, prog: str = "python -m emnify_async.testing"
) -> EmulatorConfig:
    parser = argparse.ArgumentParser(prog=prog, description="Serve an emnify REST API emulator.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--sims", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--token-lifetime", type=float, default=14400.0)
    parser.add_argument("--rate-limits", action="store_true", help="enforce emnify's rate limits")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of 5xx answers")
    parser.add_argument("--rate-limit-rate", type=float, default=0.0, help="share of random 429s")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    args = parser.parse_args(argv)
    faults = Faults(
        error_rate=args.fault_rate, rate_limit_rate=args.rate_limit_rate, latency=args.latency
    )
    return EmulatorConfig(
        seed=args.seed,
        sims=args.sims,
        host=args.host,
        port=args.port,
        token_lifetime=args.token_lifetime,
        rate_limits=args.rate_limits,
        faults=faults,
    )


async def serve(config: EmulatorConfig) -> None:
    started = time.perf_counter()
    async with Emulator(config) as emu:
        print(f"emnify emulator listening on {emu.base_url}", flush=True)
        elapsed = time.perf_counter() - started
        print(f"sims: {config.sims}, seed: {config.seed}, start: {elapsed:.2f} s")
        print(f"application_token: {emu.application_token}")
        print(f"username: {emu.username}")
        print(f"password: {emu.password}")
        for line in export_lines(emu):
            print(line)
        sys.stdout.flush()
        await asyncio.Event().wait()


def export_lines(emu: Emulator) -> list[str]:
    """Shell lines that point the SDK and the ``emnify`` CLI at this emulator."""
    url = emu.base_url
    host = url.rsplit(":", 1)[0].removeprefix("http://")
    if host in _WILDCARD_HOSTS:  # serving on every interface: reach it over loopback
        url = url.replace(host, _WILDCARD_HOSTS[host], 1)
    base = f"export EMNIFY_BASE_URL={shlex.quote(url)}"
    login = (
        f"EMNIFY_USERNAME={shlex.quote(emu.username)} EMNIFY_PASSWORD={shlex.quote(emu.password)}"
    )
    return [
        "",
        "# Paste into a shell to use the SDK or the emnify CLI with this emulator:",
        f"{base} EMNIFY_APPLICATION_TOKEN={shlex.quote(emu.application_token)}",
        "# or log in as the user instead (with EMNIFY_APPLICATION_TOKEN unset):",
        f"# {base} {login}",
    ]


_WILDCARD_HOSTS = {"0.0.0.0": "127.0.0.1", "[::]": "[::1]"}


def main(argv: Sequence[str] | None = None) -> None:
    config = parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(config))


if __name__ == "__main__":
    main()
