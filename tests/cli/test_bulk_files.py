"""The files of `sims activate`/`suspend`: the ids read, and the results file of a resumable run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from emnify_async import SimStatusId
from emnify_async._query import MAX_ID
from emnify_async.cli import main
from emnify_async.cli._app import EXIT_API, EXIT_OK, EXIT_USAGE
from emnify_async.testing import Emulator
from emnify_async.testing._faults import FAULTS


def _issued(emulator: Emulator, count: int) -> list[int]:
    state = emulator.state
    ids = [i for i in state.sim_ids() if state.sim(i)["status"]["id"] == SimStatusId.ISSUED]  # type: ignore[index]
    return ids[:count]


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


class TestIdsFile:
    @pytest.mark.parametrize(
        "bad",
        [
            pytest.param("1" * 23, id="23-digits"),
            pytest.param(str(MAX_ID + 1), id="above-max"),
            pytest.param("\u0663", id="arabic-indic-three"),
            pytest.param("\uff11\uff12", id="fullwidth-digits"),
            pytest.param("0", id="zero"),
            pytest.param("-4", id="negative"),
            pytest.param("1_000", id="underscore"),
        ],
    )
    def test_not_an_id_is_bad_input(
        self, bad: str, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Only ASCII digits within 1..MAX_ID are ids; anything else stops before any request."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text(f"1\n{bad}\n", encoding="utf-8")

        code = main(["sims", "activate", str(ids_file)])

        assert code == EXIT_USAGE
        assert f"{ids_file}, line 2" in capsys.readouterr().err
        assert env.requests == []

    def test_largest_id_is_accepted(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """MAX_ID itself is an id."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text(f"{MAX_ID}\n")

        code = main(["sims", "activate", str(ids_file), "--dry-run"])

        assert code == EXIT_OK
        assert str(MAX_ID) in capsys.readouterr().out

    def test_missing_ids_file_is_bad_input(
        self, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An ids file that cannot be read is the user's input: exit 2, not an I/O failure."""
        code = main(["sims", "suspend", str(tmp_path / "missing.txt")])

        assert code == EXIT_USAGE
        assert "missing.txt" in capsys.readouterr().err

    def test_duplicates_are_not_reported_as_done(
        self, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A repeated id is counted as a duplicate; ids done in the results file as skipped."""
        first, second, third = _issued(env, 3)
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text(f"{first}\n{second}\n{second}\n{third}\n{third}\n{third}\n")
        results = tmp_path / "results.jsonl"
        results.write_text(json.dumps({"id": first, "result": "done"}) + "\n")

        dry = main(["sims", "activate", str(ids_file), "--results", str(results), "--dry-run"])
        dry_out = capsys.readouterr().out
        code = main(["sims", "activate", str(ids_file), "--results", str(results)])

        summary = capsys.readouterr().err
        assert (dry, code) == (EXIT_OK, EXIT_OK)
        assert "would activate 2 SIMs (1 skipped as already done, 3 duplicates ignored)" in dry_out
        assert "2 done, 0 failed, 1 skipped as already done, 3 duplicates ignored" in summary
        assert [r["id"] for r in _records(results)][1:] == [second, third]


class TestResultsFile:
    def test_truncated_last_line_is_ignored_and_cut(
        self, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A run killed mid-write: the rerun notes the broken tail, retries that id, stays valid."""
        first, second, third = _issued(env, 3)
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text(f"{first}\n{second}\n{third}\n")
        results = tmp_path / "results.jsonl"
        done = json.dumps({"id": first, "result": "done"})
        results.write_text(done + "\n" + json.dumps({"id": second, "result": "done"})[:9])

        code = main(["sims", "activate", str(ids_file), "--results", str(results)])

        err = capsys.readouterr().err
        assert code == EXIT_OK
        assert f"{results}, line 2" in err
        assert "Traceback" not in err
        assert results.read_text().startswith(done + "\n")
        assert [r["id"] for r in _records(results)] == [first, second, third]
        assert sum(1 for r in env.requests if r.method == "PATCH") == 2

    def test_last_record_without_newline_is_kept(self, env: Emulator, tmp_path: Path) -> None:
        """A complete last record lacking its newline counts, and the next starts a new line."""
        first, second = _issued(env, 2)
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text(f"{first}\n{second}\n")
        results = tmp_path / "results.jsonl"
        results.write_text(json.dumps({"id": first, "result": "done"}))

        code = main(["sims", "activate", str(ids_file), "--results", str(results)])

        assert code == EXIT_OK
        assert [r["id"] for r in _records(results)] == [first, second]

    @pytest.mark.parametrize(
        "bad",
        [
            pytest.param('{"id": 5, "res', id="cut-json"),
            pytest.param('["not", "a", "record"]', id="not-an-object"),
            pytest.param('{"result": "done"}', id="no-id"),
        ],
    )
    def test_malformed_line_elsewhere_is_bad_input(
        self, bad: str, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Damage before the last line is not an interrupted write: exit 2 naming file and line."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("\n".join(map(str, _issued(env, 2))))
        results = tmp_path / "results.jsonl"
        original = f'{{"id": 1, "result": "done"}}\n{bad}\n{{"id": 2, "result": "done"}}\n'
        results.write_text(original)

        code = main(["sims", "activate", str(ids_file), "--results", str(results)])

        assert code == EXIT_USAGE
        assert f"{results}, line 2" in capsys.readouterr().err
        assert results.read_text() == original
        assert env.requests == []

    def test_dry_run_leaves_a_broken_tail_alone(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--dry-run` reads the results file but never changes it."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("1\n2\n")
        results = tmp_path / "results.jsonl"
        original = '{"id": 1, "result": "done"}\n{"id": 2, "re'
        results.write_text(original)

        code = main(["sims", "activate", str(ids_file), "--results", str(results), "--dry-run"])

        assert code == EXIT_OK
        assert "would activate 1 SIMs" in capsys.readouterr().out
        assert results.read_text() == original

    def test_unwritable_results_file_is_an_io_error(
        self, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Results that cannot be written are an I/O failure (exit 4), not bad usage."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("\n".join(map(str, _issued(env, 1))))
        results = tmp_path / "no-such-folder" / "results.jsonl"

        code = main(["sims", "activate", str(ids_file), "--results", str(results)])

        assert code == EXIT_API
        assert "cannot write" in capsys.readouterr().err


class TestTruthfulResults:
    def test_unverifiable_outcome_is_recorded_as_unknown_and_retried(
        self, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An id whose change lost its answer and could not be read back is `unknown`, not
        `failed` (it may well be applied), exits 1, and the rerun tries it again."""
        first, second = _issued(env, 2)
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text(f"{first}\n{second}\n")
        results = tmp_path / "results.jsonl"
        path = f"/api/v1/sim/{second}"
        env.inject("PATCH", path, status=502, action="replace", times=20)
        env.inject("GET", path, status=503, times=20)

        code = main(["sims", "activate", str(ids_file), "--results", str(results)])

        assert code == 1
        assert "1 done, 0 failed, 1 unknown (safe to run again)" in capsys.readouterr().err
        assert [(r["id"], r["result"]) for r in _records(results)] == [
            (first, "done"),
            (second, "unknown"),
        ]
        env.app[FAULTS].scripted.clear()

        rerun = main(["sims", "activate", str(ids_file), "--results", str(results)])

        assert rerun == EXIT_OK
        assert _records(results)[-1] == {"id": second, "result": "done"}
