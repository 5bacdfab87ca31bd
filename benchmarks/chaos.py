"""Chaos benchmark: the SDK's promises at scale, behind a fault-injecting proxy.

    .venv/bin/python benchmarks/chaos.py            # 100k SIMs, 10k-id bulk, 200 creates (~1 min)
    .venv/bin/python benchmarks/chaos.py --quick    # smoke: 5k SIMs, 500 ids, 40 creates (~4 s)
    .venv/bin/python benchmarks/chaos.py --sims 20000 --bulk 2000 --seed 3 --json out.json

The emulator (its own fault injection off) and ``FaultProxy`` (tests/chaos/proxy.py) serve from
an event loop on a background thread; the client runs on the main thread (``asyncio.run`` for
the async cases, ``emnify_sync.Emnify`` for the sync one). Every case gets a fresh proxy with
the issue's fault mix (``--scale`` multiplies the rates), seeded with ``--seed`` plus the case's
position, and a client with fast retries (6 retries, 1-10 ms backoff, no rate-limit pacing).

Cases: ``fetch_typed`` (``async for sim in client.sims.list()``), ``fetch_raw``
(``iter_raw_pages()``), ``fetch_sync`` (``for sim in Emnify(...).sims.list()``), each over the
whole fleet in pages of ``--per-page`` (500 by default, 250 with ``--quick``: more pages, more
faults); ``bulk_suspend`` then ``bulk_activate`` over ``--bulk`` Activated SIMs;
``creates``: ``--creates`` concurrent ``tariffs.create()`` with unique names. The table shows
what the SDK returned measured against the emulator's state afterwards: items lost or
duplicated by a listing that did not raise; the typed error raised, if any; bulk items reported
done but not applied, reported failed but applied, and left "unknown" (if the SDK reports that);
creates reported done that do not exist; POSTs the proxy forwarded twice with the same body;
the faults injected, the requests the proxy received, and the wall time. A listing that raised
a typed ``APIError`` kept its promise (the caller was told); everything else in the "broken"
columns did not.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from emnify_async import APIError, AsyncEmnify, BulkResult, RetryPolicy, SimStatusId  # noqa: E402
from emnify_async.testing import Emulator, EmulatorConfig  # noqa: E402
from emnify_sync import Emnify  # noqa: E402
from tests.chaos.proxy import KINDS, FaultMix, FaultProxy  # noqa: E402

T = TypeVar("T")

RETRY = RetryPolicy(max_retries=6, initial_delay=0.001, max_delay=0.01, jitter=0.0, deadline=60.0)
CASES = ("fetch_typed", "fetch_raw", "fetch_sync", "bulk_suspend", "bulk_activate", "creates")
SHORT = {
    "error_before": "5xx<",
    "error_after": "5xx>",
    "rate_limit": "429",
    "reset_before": "rst<",
    "reset_after": "rst>",
    "truncate": "cut",
    "garbage_before": "junk<",
    "garbage_after": "junk>",
    "slow": "slow",
    "blank_before": "blank<",
    "blank_after": "blank>",
    "redirect": "3xx",
}


class Backend:
    """The emulator and one proxy at a time, on an event loop in a daemon thread."""

    def __init__(self, sims: int) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.emulator = Emulator(EmulatorConfig(seed=0, sims=sims))

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(600)

    def __enter__(self) -> Backend:
        self.thread.start()
        self.run(self.emulator.start())
        return self

    def __exit__(self, *exc: object) -> None:
        self.run(self.emulator.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    def proxy(self, mix: FaultMix, seed: int) -> FaultProxy:
        return self.run(FaultProxy(self.emulator.base_url, mix=mix, seed=seed).start())


def _client(token: str, proxy: FaultProxy) -> AsyncEmnify:
    return AsyncEmnify(token, base_url=proxy.base_url, retry=RETRY, rate_limits=False)


# -- cases: each returns what the SDK handed back -------------------------------------------------


Listing = tuple[list[int], "APIError | None"]


async def _fetch_typed(token: str, proxy: FaultProxy, per_page: int) -> Listing:
    ids: list[int] = []
    async with _client(token, proxy) as client:
        try:
            async for sim in client.sims.list(per_page=per_page):
                ids.append(sim.id)
        except APIError as exc:
            return ids, exc
    return ids, None


async def _fetch_raw(token: str, proxy: FaultProxy, per_page: int) -> Listing:
    ids: list[int] = []
    async with _client(token, proxy) as client:
        try:
            async for page in client.sims.list(per_page=per_page).iter_raw_pages():
                ids.extend(sim["id"] for sim in page)
        except APIError as exc:
            return ids, exc
    return ids, None


def _fetch_sync(token: str, proxy: FaultProxy, per_page: int) -> Listing:
    ids: list[int] = []
    with Emnify(token, base_url=proxy.base_url, retry=RETRY, rate_limits=False) as client:
        try:
            for sim in client.sims.list(per_page=per_page):
                ids.append(sim.id)
        except APIError as exc:
            return ids, exc
    return ids, None


async def _bulk(token: str, proxy: FaultProxy, ids: list[int], target: int) -> BulkResult:
    async with _client(token, proxy) as client:
        if target == SimStatusId.SUSPENDED:
            return await client.sims.bulk_suspend(ids)
        return await client.sims.bulk_activate(ids)


async def _creates(token: str, proxy: FaultProxy, names: list[str]) -> list[int | APIError]:
    async def create(client: AsyncEmnify, name: str) -> int | APIError:
        try:
            return await client.tariffs.create(name=name, currency=1)
        except APIError as exc:
            return exc

    async with _client(token, proxy) as client:
        return list(await asyncio.gather(*(create(client, name) for name in names)))


# -- checks against the emulator ------------------------------------------------------------------


def _row(case: str, proxy: FaultProxy, seconds: float, **cells: Any) -> dict[str, Any]:
    return {
        "case": case,
        "seconds": round(seconds, 2),
        "requests": proxy.received,
        "faults": dict(proxy.injected),
        "posts_twice": len({(f.path, f.body) for f in proxy.repeated_posts()}),
        **cells,
    }


def _fetch_row(
    case: str,
    proxy: FaultProxy,
    seconds: float,
    outcome: Listing,
    expected: set[int],
) -> dict[str, Any]:
    ids, error = outcome
    counts = Counter(ids)
    row = _row(case, proxy, seconds, items=len(expected), returned=len(ids))
    row["raised"] = type(error).__name__ if error is not None else None
    row["raised_message"] = str(error)[:200] if error is not None else None
    # Once the SDK raised, the caller knows the listing is incomplete: nothing is lost silently.
    row["lost"] = None if error is not None else len(expected - counts.keys())
    row["duplicated"] = sum(n - 1 for n in counts.values() if n > 1)
    row["unexpected"] = len(counts.keys() - expected)
    return row


def _bulk_row(
    case: str,
    proxy: FaultProxy,
    seconds: float,
    result: BulkResult,
    ids: list[int],
    target: int,
    status: Sequence[int],
) -> dict[str, Any]:
    reported = Counter(item.id for item in result.items)
    done_not_applied = failed_applied = unknown = 0
    errors: Counter[str] = Counter()
    for item in result.items:
        applied = status[item.id - 1] == target
        if getattr(item, "outcome", None) == "unknown":
            unknown += 1
        elif item.ok and not applied:
            done_not_applied += 1
        elif not item.ok:
            errors[type(item.error).__name__] += 1
            failed_applied += applied
    row = _row(case, proxy, seconds, items=len(ids), returned=len(result.items))
    row["lost"] = len(set(ids) - reported.keys())
    row["duplicated"] = sum(n - 1 for n in reported.values() if n > 1)
    row["done_not_applied"] = done_not_applied
    row["failed_applied"] = failed_applied
    row["unknown"] = unknown
    row["failed"] = dict(errors)
    return row


def _creates_row(
    proxy: FaultProxy,
    seconds: float,
    names: list[str],
    outcomes: list[int | APIError],
    tariffs: dict[int, Any],
) -> dict[str, Any]:
    per_name = Counter(tariff.name for tariff in tariffs.values())
    row = _row("creates", proxy, seconds, items=len(names), returned=len(outcomes))
    done_missing = failed_exists = 0
    errors: Counter[str] = Counter()
    for name, outcome in zip(names, outcomes, strict=True):
        if isinstance(outcome, int):
            tariff = tariffs.get(outcome)
            done_missing += tariff is None or tariff.name != name
        else:
            errors[type(outcome).__name__] += 1
            failed_exists += per_name[name] > 0
    row["lost"] = None
    row["duplicated"] = sum(per_name[name] - 1 for name in names if per_name[name] > 1)
    row["done_not_applied"] = done_missing
    row["failed_applied"] = failed_exists
    row["failed"] = dict(errors)
    return row


# -- output ---------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(rows: list[dict[str, Any]]) -> str:
    head = (
        "| case | items | returned | lost | duplicated | raised | done, not applied "
        "| failed, applied | unknown | POSTs twice | requests | faults | wall s |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for row in rows:
        cells = [
            row["case"],
            row["items"],
            row["returned"],
            row.get("lost"),
            row.get("duplicated"),
            row.get("raised") or "—",
            row.get("done_not_applied"),
            row.get("failed_applied"),
            row.get("unknown"),
            row["posts_twice"],
            row["requests"],
            sum(row["faults"].values()),
            f"{row['seconds']:.2f}",
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def fault_table(rows: list[dict[str, Any]]) -> str:
    head = "| case | " + " | ".join(SHORT[kind] for kind in KINDS) + " |"
    lines = [head, "|" + "---|" * (len(KINDS) + 1)]
    for row in rows:
        counts = [str(row["faults"].get(kind, 0)) for kind in KINDS]
        lines.append(f"| {row['case']} | " + " | ".join(counts) + " |")
    return "\n".join(lines)


def broken(row: dict[str, Any]) -> list[str]:
    """The promises a row shows broken."""
    found = []
    for key, what in (
        ("lost", "lost silently"),
        ("duplicated", "duplicated"),
        ("unexpected", "unknown ids"),
        ("done_not_applied", "reported done but not applied"),
        ("posts_twice", "POSTs forwarded twice"),
    ):
        if row.get(key):
            found.append(f"{row[key]:,} {what}")
    if row["case"].startswith("bulk") and row.get("failed_applied"):
        found.append(f"{row['failed_applied']:,} reported failed but applied")
    return found


# -- main -----------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sims", type=int, default=100_000, help="SIMs in the fleet")
    parser.add_argument("--bulk", type=int, default=10_000, help="ids per bulk call")
    parser.add_argument("--creates", type=int, default=200, help="tariffs created")
    parser.add_argument("--per-page", type=int, default=500, help="page size of the fetches")
    parser.add_argument("--seed", type=int, default=1, help="seed of the first case's proxy")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every fault rate")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated subset")
    parser.add_argument("--quick", action="store_true", help="smoke: 5k SIMs, 500 ids, 40 creates")
    parser.add_argument("--json", default="", help="also write the rows to this file")
    parser.add_argument("--check", action="store_true", help="exit 1 when any promise is broken")
    args = parser.parse_args(argv)
    if args.quick:
        given = argv if argv is not None else sys.argv[1:]
        for name, value in (("--sims", 5000), ("--bulk", 500), ("--creates", 40)):
            if not any(arg.startswith(name) for arg in given):
                setattr(args, name.removeprefix("--"), value)
        if not any(arg.startswith("--per-page") for arg in given):
            args.per_page = 250
    args.cases = [case for case in args.cases.split(",") if case]
    unknown = set(args.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown cases {sorted(unknown)}; choose from {', '.join(CASES)}")
    return args


def run(args: argparse.Namespace, mix: FaultMix) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with Backend(args.sims) as backend:
        emu = backend.emulator
        state = emu.state
        token = emu.application_token
        expected = set(state.sim_ids())
        activated = [
            i for i in state.sim_ids() if state.table.status[i - 1] == SimStatusId.ACTIVATED
        ][: args.bulk]
        fetchers: dict[str, Callable[[str, FaultProxy, int], Listing]] = {
            "fetch_typed": lambda *a: asyncio.run(_fetch_typed(*a)),
            "fetch_raw": lambda *a: asyncio.run(_fetch_raw(*a)),
            "fetch_sync": _fetch_sync,
        }
        for position, case in enumerate(args.cases):
            proxy = backend.proxy(mix, args.seed + position)
            started = time.perf_counter()
            try:
                if case in fetchers:
                    outcome = fetchers[case](token, proxy, args.per_page)
                    seconds = time.perf_counter() - started
                    row = _fetch_row(case, proxy, seconds, outcome, expected)
                elif case in ("bulk_suspend", "bulk_activate"):
                    target = (
                        SimStatusId.SUSPENDED if case == "bulk_suspend" else SimStatusId.ACTIVATED
                    )
                    result = asyncio.run(_bulk(token, proxy, activated, target))
                    seconds = time.perf_counter() - started
                    status = state.table.status
                    row = _bulk_row(case, proxy, seconds, result, activated, target, status)
                else:
                    names = [f"chaos {args.seed} {n}" for n in range(args.creates)]
                    outcomes = asyncio.run(_creates(token, proxy, names))
                    seconds = time.perf_counter() - started
                    row = _creates_row(proxy, seconds, names, outcomes, state.billing.tariffs)
            finally:
                backend.run(proxy.close())
            rows.append(row)
            print(f"{case}: {seconds:.1f} s", file=sys.stderr, flush=True)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    mix = FaultMix().scaled(args.scale)
    print(
        f"chaos: {args.sims:,} SIMs (per_page {args.per_page}), bulk {args.bulk:,} ids, "
        f"{args.creates} creates, seed {args.seed}, fault rates x{args.scale:g} "
        f"({sum(mix.rates().values()):.1%} of requests)",
        flush=True,
    )
    rows = run(args, mix)
    print()
    print(table(rows))
    print()
    print("Faults injected per kind (< before forwarding, > after forwarding):")
    print()
    print(fault_table(rows))
    print()
    verdicts = [(row["case"], broken(row)) for row in rows]
    for case, found in verdicts:
        print(
            f"- {'BROKEN' if found else 'kept'}: {case}"
            + (f": {'; '.join(found)}" if found else "")
        )
    for row in rows:
        if row.get("raised"):
            print(f"  {row['case']} raised {row['raised']}: {row['raised_message']}")
        if row.get("failed"):
            print(f"  {row['case']} failed items by error: {row['failed']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"args": vars(args), "rows": rows}, indent=2))
    return 1 if args.check and any(found for _, found in verdicts) else 0


if __name__ == "__main__":
    raise SystemExit(main())
