"""Smoke run of the benchmark suite: every case runs, sees every SIM, and reports a rate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"
LIST_CASES = {
    "aiohttp_json",
    "aiohttp_orjson",
    "aiohttp_orjson_cattrs",
    "sdk_async",
    "sdk_async_raw",
    "sdk_export_jsonl",
    "sdk_sync",
    "sdk_sync_raw",
}
CALL_CASES = {"get_aiohttp", "get_async", "get_sync"}


def test_quick_run_covers_every_case(tmp_path: Path) -> None:
    out = tmp_path / "smoke.json"
    command = [sys.executable, str(RUN), "--quick", "--sizes", "2000", "--calls", "50"]
    done = subprocess.run(
        [*command, "--json", str(out)], capture_output=True, text=True, timeout=90, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(out.read_text())
    sections = {section["kind"]: section for section in report["sections"]}
    assert set(sections) == {"list", "calls"}
    listing, calls = sections["list"], sections["calls"]
    assert (listing["setting"], listing["sims"]) == ("loopback", 2000)
    assert set(listing["rows"]) == LIST_CASES
    assert set(calls["rows"]) == CALL_CASES
    for section, expected in ((listing, 2000), (calls, 50)):
        for case, row in section["rows"].items():
            assert "error" not in row, (case, row.get("error"))
            assert row["per_second"] > 0, case
            assert row["complete"], case
            assert row["items"] == expected, case
            assert row["rejected_429"] == 0, case
    assert {goal["status"] for goal in listing["goals"]} <= {"PASS", "MISS"}
    assert "| sdk_async |" in done.stdout
