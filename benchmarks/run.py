"""Benchmark the SDK against hand-written baselines and emnify's official SDK, on the emulator.

One command (see benchmarks/README.md for what each case is and the recorded results)::

    .venv/bin/python benchmarks/run.py                     # full run: 10k, 100k, 1M SIMs
    .venv/bin/python benchmarks/run.py --quick             # CI smoke: 10k, loopback, no official
    .venv/bin/python benchmarks/run.py --sizes 100000 --settings limited --json out.json

For each size an emulator is started in its own process (``_server.py``) and warmed, then every
case runs in its own process (``_cases.py``, ``_official.py``) so that its peak RSS and CPU are
its own. Settings: ``loopback`` (no latency, no rate limits) and ``limited`` (emnify's
documented rate limits enforced by the emulator, plus ``--latency`` seconds per page). The run
prints markdown tables and the goal checks, and writes everything to ``--json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _official import ensure_venv  # noqa: E402

PER_PAGE = 2500  # the SDK's default page size for SIMs; the baselines use it too
OFFICIAL_PER_PAGE = 2000  # the server default the official SDK gets (it never sets per_page)
LIST_RATE, LIST_BURST = 10.0, 5.0  # emnify's documented limit for GET /api/v1/sim

LOOPBACK_CASES = [
    "aiohttp_json",
    "aiohttp_orjson",
    "aiohttp_orjson_cattrs",
    "sdk_async",
    "sdk_async_raw",
    "sdk_export_jsonl",
    "sdk_sync",
    "sdk_sync_raw",
    "official_list",
]
LIMITED_CASES = [
    "aiohttp_orjson",
    "aiohttp_orjson_cattrs",
    "sdk_async",
    "sdk_async_raw",
    "sdk_sync",
    "official_list",
]
GET_CASES = ["get_aiohttp", "get_async", "get_sync", "official_get"]

# What each case's ratio column compares it with (its own floor, or the case it wraps).
REFERENCE = {
    "aiohttp_json": "aiohttp_orjson",
    "aiohttp_orjson_cattrs": "aiohttp_orjson",
    "sdk_async": "aiohttp_orjson_cattrs",
    "sdk_async_raw": "aiohttp_orjson",
    "sdk_export_jsonl": "aiohttp_orjson",
    "sdk_sync": "sdk_async",
    "sdk_sync_raw": "sdk_async_raw",
    "official_list": "sdk_async",
    "get_async": "get_aiohttp",
    "get_sync": "get_async",
    "official_get": "get_async",
}


def rate_limit_minimum(sims: int, latency: float, per_page: int = PER_PAGE) -> float:
    """The least time any client can list ``sims`` SIMs in under emnify's list limit.

    The bucket admits ``LIST_BURST`` requests at once and then ``LIST_RATE`` per second, so the
    last of ``pages`` requests cannot be sent before ``(pages - burst) / rate`` seconds, and its
    answer takes ``latency`` more.
    """
    pages = max(1, math.ceil(sims / per_page))
    return latency + max(0, pages - LIST_BURST) / LIST_RATE


# -- processes ------------------------------------------------------------------------------------


class Server:
    """The emulator process for one size, driven over its stdin/stdout."""

    def __init__(self, sims: int, warm_official: bool) -> None:
        command = [sys.executable, str(HERE / "_server.py"), "--sims", str(sims)]
        if warm_official:
            command.append("--warm-official")
        started = time.perf_counter()
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        hello = self._read()
        self.start_seconds = time.perf_counter() - started
        self.base_url: str = hello["base_url"]
        self.token: str = hello["token"]

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the emulator process exited ({self.process.wait()})")
        reply: dict[str, Any] = json.loads(line)
        return reply

    def command(self, *words: str) -> dict[str, Any]:
        stdin: IO[str] | None = self.process.stdin
        assert stdin is not None
        stdin.write(" ".join(words) + "\n")
        stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.command("quit")
                self.process.wait(10)
            except (OSError, RuntimeError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


def run_case(
    case: str,
    server: Server,
    sims: int,
    setting: str,
    *,
    cap: float,
    calls: int,
    official_python: Path | None,
) -> dict[str, Any]:
    """Run one case in its own process and return its result, with the emulator's view."""
    common = ["--base-url", server.base_url, "--token", server.token, "--expected", str(sims)]
    common += ["--setting", setting, "--cap", str(cap), "--calls", str(calls)]
    if case.startswith("official_"):
        assert official_python is not None
        mode = case.removeprefix("official_")
        command = [str(official_python), str(HERE / "_official.py"), mode, *common]
    else:
        command = [sys.executable, str(HERE / "_cases.py"), case, *common]
    server.command("reset")
    if setting == "limited":
        time.sleep(1.0)  # let the emulator's token bucket refill after the previous case
    timeout = (cap + 120) if cap > 0 else None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        lines = done.stdout.strip().splitlines()
        result: dict[str, Any] = json.loads(lines[-1]) if lines else {}
        if done.returncode != 0 or not result:
            result = {"case": case, "error": done.stderr.strip()[-600:] or "no result"}
    except subprocess.TimeoutExpired:
        result = {"case": case, "error": f"killed after {timeout} s"}
    result["server"] = server.command("stats")
    return result


# -- aggregation ----------------------------------------------------------------------------------


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One row from the repeats of a case: median rate, worst memory, all counts."""
    good = [r for r in runs if "error" not in r]
    row: dict[str, Any] = {"case": runs[0]["case"], "repeats": len(runs), "runs": runs}
    if not good:
        row["error"] = runs[-1].get("error", "failed")
        return row
    row["per_second"] = statistics.median(r["per_second"] for r in good)
    row["seconds"] = statistics.median(r["seconds"] for r in good)
    row["cpu_s"] = statistics.median(r["cpu_s"] for r in good)
    row["peak_rss_mb"] = max(r["peak_rss_mb"] for r in good)
    row["rss_before_mb"] = min(r["rss_before_mb"] for r in good)
    row["items"] = min(r["items"] for r in good)
    row["complete"] = all(r["complete"] for r in good) and len(good) == len(runs)
    fields = [r.get("fields") for r in good]
    row["fields"] = fields[0] if all(f == fields[0] for f in fields) else None
    row["capped"] = any(r["capped"] for r in good)
    row["server_cpu_s"] = statistics.median(r["server"]["server_cpu_s"] for r in runs)
    row["rejected_429"] = sum(r["server"]["list_statuses"].get("429", 0) for r in runs)
    row["list_requests"] = max(sum(r["server"]["list_statuses"].values()) for r in runs)
    failed = [
        int(status)
        for r in runs
        for status in (*r["server"]["list_statuses"], *r["server"]["other_statuses"])
        if int(status) >= 400 and status != "401"
    ]
    row["failed_statuses"] = sorted(set(failed))
    errors = [r["error"] for r in runs if "error" in r]
    if errors:
        row["error"] = errors[-1]
    return row


def ratio(rows: dict[str, dict[str, Any]], case: str, reference: str) -> float | None:
    a, b = rows.get(case, {}), rows.get(reference, {})
    if not a.get("per_second") or not b.get("per_second"):
        return None
    return float(a["per_second"] / b["per_second"])


def goals_for(
    setting: str, sims: int, rows: dict[str, dict[str, Any]], latency: float
) -> list[dict[str, Any]]:
    """The issue's goals that this setting and size can be checked against."""
    goals: list[dict[str, Any]] = []

    def check(name: str, value: float | None, target: float, higher: bool, unit: str) -> None:
        if value is None:
            goals.append({"goal": name, "value": None, "target": target, "status": "n/a"})
            return
        ok = value >= target if higher else value <= target
        goals.append(
            {
                "goal": name,
                "value": value,
                "target": target,
                "unit": unit,
                "status": "PASS" if ok else "MISS",
            }
        )

    read = [row.get("fields") for row in rows.values() if row.get("complete")]
    if read:
        check(
            "every case read the same iccid and status.id of every SIM",
            float(all(f is not None and f == read[0] for f in read)),
            1.0,
            True,
            "",
        )
    if setting == "loopback":
        check(
            "typed async ≥ 0.5x aiohttp+orjson (no models)",
            ratio(rows, "sdk_async", "aiohttp_orjson"),
            0.5,
            True,
            "x",
        )
        check(
            "typed async ≥ 0.9x aiohttp+orjson+cattrs",
            ratio(rows, "sdk_async", "aiohttp_orjson_cattrs"),
            0.9,
            True,
            "x",
        )
        check(
            "export (raw pages) ≥ 0.8x aiohttp+orjson",
            ratio(rows, "sdk_async_raw", "aiohttp_orjson"),
            0.8,
            True,
            "x",
        )
        check(
            "export (raw pages) ≥ 0.8x aiohttp+json (stdlib)",
            ratio(rows, "sdk_async_raw", "aiohttp_json"),
            0.8,
            True,
            "x",
        )
        check(
            "sync typed ≥ 0.95x async typed", ratio(rows, "sdk_sync", "sdk_async"), 0.95, True, "x"
        )
        check(
            "sync raw ≥ 0.9x async raw",
            ratio(rows, "sdk_sync_raw", "sdk_async_raw"),
            0.9,
            True,
            "x",
        )
    if "official_list" in rows:
        check(
            "typed async far ahead of emnify-sdk (≥ 2x)",
            ratio(rows, "sdk_async", "official_list"),
            2.0,
            True,
            "x",
        )
    if setting == "limited":
        minimum = rate_limit_minimum(sims, latency)
        for case in ("sdk_async", "sdk_async_raw", "sdk_sync"):
            row = rows.get(case, {})
            value = row["seconds"] / minimum if row.get("seconds") else None
            target = 1.05 if case == "sdk_async" else 1.1
            check(f"{case} time ≤ {target}x rate-limit minimum", value, target, False, "x")
            rejected = row.get("rejected_429")
            check(
                f"{case}: zero 429s and no failed request",
                None if rejected is None else float(rejected + len(row["failed_statuses"])),
                0.0,
                False,
                "",
            )
    if sims >= 1_000_000:
        for case in ("sdk_async", "sdk_async_raw", "sdk_sync"):
            row = rows.get(case, {})
            check(
                f"{case} peak RSS < 150 MB at {sims:,} SIMs",
                row.get("peak_rss_mb"),
                150.0,
                False,
                "MB",
            )
    return goals


# -- output ---------------------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def table(
    setting: str, sims: int, rows: dict[str, dict[str, Any]], latency: float, calls: bool
) -> str:
    unit = "calls/s" if calls else "SIMs/s"
    head = f"| case | {unit} | s | vs | ratio | peak RSS MB | CPU s | server CPU s | ok | 429s |"
    if setting == "limited" and not calls:
        head += " x minimum |"
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    minimum = rate_limit_minimum(sims, latency)
    # What the plain baseline read of the SIMs' fields; every other case must read the same.
    first = rows.get("aiohttp_orjson") or next(iter(rows.values()), {})
    fields = first.get("fields")
    for case, row in rows.items():
        reference = REFERENCE.get(case)
        if "per_second" not in row:
            lines.append(f"| {case} | failed: {row.get('error', '?')[:120]} |")
            continue
        ok = "yes" if row["complete"] else f"no ({row['items']:,})"
        if row["complete"] and row.get("fields") != fields:
            ok = "fields differ"
        if row["capped"]:
            ok = f"capped at {row['items']:,}"
        cells = [
            case,
            f"{row['per_second']:,.0f}",
            _fmt(row["seconds"]),
            reference if reference in rows else "",
            _fmt(ratio(rows, case, reference)) if reference in rows else "",
            f"{row['peak_rss_mb']:.0f}",
            _fmt(row["cpu_s"], 1),
            _fmt(row["server_cpu_s"], 1),
            ok,
            str(row["rejected_429"]),
        ]
        if setting == "limited" and not calls:
            cells.append(_fmt(row["seconds"] / minimum))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def goal_lines(goals: list[dict[str, Any]]) -> str:
    out = []
    for goal in goals:
        value = goal["value"]
        shown = "—" if value is None else f"{value:.2f}{goal.get('unit', '')}"
        out.append(f"- {goal['status']}: {goal['goal']} (measured {shown})")
    return "\n".join(out)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# -- main -----------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated")
    parser.add_argument("--settings", default="loopback,limited", help="loopback,limited")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds per page (limited)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case below 1M SIMs")
    parser.add_argument("--repeat-1m", type=int, default=1, help="runs per case from 1M SIMs")
    parser.add_argument("--cases", default="", help="comma-separated subset of the cases")
    parser.add_argument("--cap", type=float, default=300.0, help="seconds before a case stops")
    parser.add_argument("--calls", type=int, default=2000, help="single GETs per get_* case")
    parser.add_argument("--no-official", action="store_true", help="skip emnify-sdk")
    parser.add_argument(
        "--quick", action="store_true", help="CI smoke: 10k, loopback, 1 run, no emnify-sdk"
    )
    parser.add_argument("--json", default=str(HERE / "results" / "latest.json"))
    args = parser.parse_args(argv)
    if args.quick:
        given = argv if argv is not None else sys.argv[1:]
        if not any(arg.startswith("--sizes") for arg in given):
            args.sizes = "10000"
        args.settings = "loopback"
        args.repeat = 1
        args.calls = min(args.calls, 200)
        args.no_official = True
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    settings = [s for s in args.settings.split(",") if s]
    if not set(settings) <= {"loopback", "limited"}:
        raise SystemExit(f"unknown setting in {args.settings!r}")
    official_python, official_note = (None, "skipped")
    if not args.no_official:
        official_python, official_note = ensure_venv()
        print(f"official SDK: {official_note}", flush=True)
    command = "python benchmarks/run.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    report: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": command.strip(),
        "machine": machine(),
        "official_sdk": official_note,
        "latency": args.latency,
        "sections": [],
    }
    started = time.perf_counter()
    for index, sims in enumerate(sizes):
        server = Server(sims, warm_official=official_python is not None)
        print(f"\nemulator: {sims:,} SIMs, ready in {server.start_seconds:.1f} s", flush=True)
        try:
            plan: list[tuple[str, list[str], bool]] = [
                (s, LOOPBACK_CASES if s == "loopback" else LIMITED_CASES, False) for s in settings
            ]
            if index == 0 and "loopback" in settings:
                plan.append(("loopback", GET_CASES, True))
            for setting, cases, calls in plan:
                if official_python is None:
                    cases = [c for c in cases if not c.startswith("official_")]
                if args.cases:
                    cases = [c for c in cases if c in args.cases.split(",")]
                if not cases:
                    continue
                repeat = args.repeat if sims < 1_000_000 else args.repeat_1m
                if setting == "limited":
                    repeat = 1  # paced by the rate limit; one run is representative
                if setting == "limited":
                    server.command("setting", "limited", str(args.latency))
                else:
                    server.command("setting", "loopback")
                runs: dict[str, list[dict[str, Any]]] = {case: [] for case in cases}
                for _ in range(repeat):  # interleaved, so drift hits every case alike
                    for case in cases:
                        runs[case].append(
                            run_case(
                                case,
                                server,
                                sims,
                                setting,
                                cap=args.cap,
                                calls=args.calls if calls else 0,
                                official_python=official_python,
                            )
                        )
                rows = {case: summarise(case_runs) for case, case_runs in runs.items()}
                goals = [] if calls else goals_for(setting, sims, rows, args.latency)
                title = (
                    f"{args.calls:,} single GETs (GET /api/v1/sim/{{id}}), loopback"
                    if calls
                    else f"{setting}, {sims:,} SIMs"
                )
                if setting == "limited" and not calls:
                    minimum = rate_limit_minimum(sims, args.latency)
                    title += f" (rate-limit minimum {minimum:.2f} s)"
                title += f", median of {repeat}" if repeat > 1 else ""
                print(f"\n### {title}\n\n{table(setting, sims, rows, args.latency, calls)}")
                if goals:
                    print("\n" + goal_lines(goals))
                if calls and rows.get("get_sync", {}).get("per_second"):
                    overhead = 1e6 / rows["get_sync"]["per_second"]
                    overhead -= 1e6 / rows["get_async"]["per_second"]
                    print(f"\nsync facade overhead per call: {overhead:.0f} µs")
                sys.stdout.flush()
                report["sections"].append(
                    {
                        "setting": setting,
                        "sims": sims,
                        "kind": "calls" if calls else "list",
                        "title": title,
                        "rows": rows,
                        "goals": goals,
                    }
                )
        finally:
            server.close()
    report["seconds"] = time.perf_counter() - started
    path = Path(args.json)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1))
    print(f"\nwrote {path} in {report['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
