"""Smoke run of benchmarks/chaos.py: every case runs and reports its counts (not its verdict)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHAOS = ROOT / "benchmarks" / "chaos.py"
CASES = ["fetch_typed", "fetch_raw", "fetch_sync", "bulk_suspend", "bulk_activate", "creates"]


def test_quick_chaos_run_reports_every_case(tmp_path: Path) -> None:
    out = tmp_path / "chaos.json"
    command = [sys.executable, str(CHAOS), "--quick", "--sims", "1000", "--bulk", "100"]
    command += ["--creates", "10", "--scale", "2", "--json", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)

    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(out.read_text())["rows"]
    assert [row["case"] for row in rows] == CASES
    sizes = {"bulk_suspend": 100, "bulk_activate": 100, "creates": 10}
    for row in rows:
        assert row["items"] == sizes.get(row["case"], 1000), row["case"]
        assert row["requests"] > 0 and row["seconds"] >= 0
    assert sum(sum(row["faults"].values()) for row in rows) > 0
    assert "| bulk_suspend |" in done.stdout and "Faults injected per kind" in done.stdout
