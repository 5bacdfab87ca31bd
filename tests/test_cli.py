"""The `emnify` command line, run in-process against emulators."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from emnify_async import SimStatusId
from emnify_async.cli import main
from emnify_async.cli._app import EXIT_AUTH, EXIT_ITEMS_FAILED, EXIT_OK, EXIT_USAGE
from emnify_async.cli._progress import ProgressBar
from emnify_async.testing import Emulator


@pytest.fixture
def env(threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    """Credentials for the threaded emulator in the environment, as a user would set them."""
    monkeypatch.setenv("EMNIFY_APPLICATION_TOKEN", threaded_emulator.application_token)
    monkeypatch.setenv("EMNIFY_BASE_URL", threaded_emulator.base_url)
    return threaded_emulator


def _ids_with_status(emulator: Emulator, status: int, count: int) -> list[int]:
    ids = [i for i in emulator.state.sim_ids() if emulator.state.sim(i)["status"]["id"] == status]  # type: ignore[index]
    return ids[:count]


class TestExport:
    def test_csv_export_of_the_demo_fleet(self, tmp_path: Path) -> None:
        """`--emulator sims export` writes a CSV with a header and one row per SIM."""
        out = tmp_path / "fleet.csv"

        code = main(["--emulator", "--emulator-sims", "300", "sims", "export", "-o", str(out)])

        rows = list(csv.reader(out.read_text().splitlines()))
        assert code == EXIT_OK
        assert rows[0][:3] == ["id", "iccid", "imsi"]
        assert len(rows) == 301
        assert [int(r[0]) for r in rows[1:]] == sorted(int(r[0]) for r in rows[1:])

    def test_jsonl_export_with_filter(self, env: Emulator, tmp_path: Path) -> None:
        """JSON lines keep the API's objects; `--filter` narrows the export."""
        out = tmp_path / "active.jsonl"

        code = main(["sims", "export", "--format", "jsonl", "--filter", "status=1", "-o", str(out)])

        sims = [json.loads(line) for line in out.read_text().splitlines()]
        assert code == EXIT_OK
        assert sims
        assert {sim["status"]["id"] for sim in sims} == {SimStatusId.ACTIVATED}

    def test_export_to_stdout(self, env: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
        """`-o -` (the default) writes to stdout; the summary goes to stderr."""
        code = main(["sims", "export", "--format", "jsonl", "--sort=-id"])

        captured = capsys.readouterr()
        ids = [json.loads(line)["id"] for line in captured.out.splitlines()]
        assert code == EXIT_OK
        assert ids == sorted(ids, reverse=True)
        assert len(ids) == len(env.state.sim_ids())
        assert "exported" in captured.err

    def test_list_with_limit(self, env: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
        """`sims list --limit 5` prints a header and five rows."""
        code = main(["sims", "list", "--limit", "5"])

        assert code == EXIT_OK
        assert len(capsys.readouterr().out.splitlines()) == 1 + 5


class TestBulkStatus:
    def test_activate_from_file_with_results_and_rerun(self, env: Emulator, tmp_path: Path) -> None:
        """Each id gets one result line; a re-run skips ids already done and retries the rest."""
        issued = _ids_with_status(env, SimStatusId.ISSUED, 4)
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("# to activate\n" + "\n".join(map(str, [*issued, 987654321])) + "\n\n")
        results = tmp_path / "results.jsonl"

        first = main(["sims", "activate", str(ids_file), "--results", str(results)])
        patches_after_first = sum(1 for r in env.requests if r.method == "PATCH")
        second = main(["sims", "activate", str(ids_file), "--results", str(results)])

        records = [json.loads(line) for line in results.read_text().splitlines()]
        assert (first, second) == (EXIT_ITEMS_FAILED, EXIT_ITEMS_FAILED)
        assert len(records) == 6
        assert sorted(r["id"] for r in records[:5]) == sorted([*issued, 987654321])
        assert {r["id"] for r in records if r["result"] == "done"} == set(issued)
        assert records[5]["id"] == 987654321
        assert (records[5]["result"], records[5]["status"]) == ("failed", 404)
        assert sum(1 for r in env.requests if r.method == "PATCH") == patches_after_first + 1
        for sim_id in issued:
            assert env.state.sim(sim_id)["status"]["id"] == SimStatusId.ACTIVATED  # type: ignore[index]

    def test_dry_run_sends_nothing(
        self, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--dry-run` reports what would change without a single request."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("1\n2\n2\n")

        code = main(["sims", "suspend", str(ids_file), "--dry-run"])

        assert code == EXIT_OK
        assert "would suspend 2 SIMs" in capsys.readouterr().out
        assert env.requests == []

    def test_bad_ids_file_is_a_usage_error(
        self, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A line that is not an id stops the command before anything is sent."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("1\nabc\n")

        code = main(["sims", "activate", str(ids_file)])

        assert code == EXIT_USAGE
        assert "line 2" in capsys.readouterr().err
        assert env.requests == []

    def test_faults_lose_no_id(
        self, threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Under injected 503s and resets every id ends in the results file exactly once."""
        monkeypatch.setenv("EMNIFY_APPLICATION_TOKEN", threaded_emulator.application_token)
        monkeypatch.setenv("EMNIFY_BASE_URL", threaded_emulator.base_url)
        activated = _ids_with_status(threaded_emulator, SimStatusId.ACTIVATED, 30)
        for sim_id in activated[::3]:
            threaded_emulator.inject("PATCH", f"/api/v1/sim/{sim_id}", status=503)
        for sim_id in activated[1::5]:
            threaded_emulator.inject("PATCH", f"/api/v1/sim/{sim_id}", action="reset", times=2)
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("\n".join(map(str, activated)))
        results = tmp_path / "results.jsonl"

        code = main(["sims", "suspend", str(ids_file), "--results", str(results)])

        records = [json.loads(line) for line in results.read_text().splitlines()]
        assert code == EXIT_OK
        assert sorted(r["id"] for r in records) == sorted(activated)
        assert {r["result"] for r in records} == {"done"}


class TestSafety:
    def test_missing_credentials(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without credentials or --emulator the command says what to set, exit code 3."""
        code = main(["sims", "list"])

        assert code == EXIT_AUTH
        assert "EMNIFY_APPLICATION_TOKEN" in capsys.readouterr().err

    def test_no_credential_flags(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Secrets are never accepted as flags (they would show in `ps`)."""
        with pytest.raises(SystemExit):
            main(["--help"])

        help_text = capsys.readouterr().out
        assert "--token" not in help_text
        assert "--password" not in help_text
        assert "EMNIFY_APPLICATION_TOKEN" in help_text

    def test_progress_bar_only_on_a_terminal(self) -> None:
        """The bar draws on a terminal and stays silent on a pipe."""
        shown, piped = io.StringIO(), io.StringIO()

        for stream, enabled in ((shown, True), (piped, None)):
            bar = ProgressBar("exporting", stream=stream, enabled=enabled)
            bar.update(50, 100)
            bar.close()

        assert "50/100" in shown.getvalue()
        assert piped.getvalue() == ""

    def test_python_dash_m(self, tmp_path: Path) -> None:
        """`python -m emnify_async` is the same command."""
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "emnify_async",
                "--emulator",
                "--emulator-sims",
                "50",
                "sims",
                "export",
                "--format",
                "jsonl",
                "-o",
                str(tmp_path / "x.jsonl"),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

        assert result.returncode == 0, result.stderr
        assert len((tmp_path / "x.jsonl").read_text().splitlines()) == 50
        assert "\r" not in result.stderr


class TestOrg:
    def test_org_stats_as_json(self, env: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
        """`org stats` prints the monthly statistics as JSON."""
        code = main(["org", "stats"])

        stats = json.loads(capsys.readouterr().out)
        assert code == EXIT_OK
        assert stats["sim"]["total"] >= 1
