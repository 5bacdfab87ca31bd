"""Where output goes when things go wrong: a closed pipe, a full disk, an interrupted export."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
from pathlib import Path

import pytest

from emnify_async.cli import main
from emnify_async.cli._app import EXIT_API, EXIT_INTERRUPTED, EXIT_OK
from emnify_async.cli._progress import ProgressBar
from emnify_async.testing import Emulator

from .conftest import emnify_process
from .device_api import ThreadedDeviceAPI

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


class TestClosedPipe:
    @pytest.mark.parametrize(
        "command",
        [
            pytest.param(["sims", "export", "-o", "-"], id="export"),
            pytest.param(["sims", "list"], id="list"),
        ],
    )
    def test_reader_closing_stdout_ends_quietly(self, command: list[str]) -> None:
        """`emnify ... | head -5`: exit 0, and nothing on stderr but the emulator's line."""
        child = emnify_process(
            ["--emulator", "--emulator-sims", "5000", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdout is not None
        head = [child.stdout.readline() for _ in range(5)]
        child.stdout.close()  # far more than a pipe buffer is still to come
        _, err = child.communicate(timeout=120)

        assert all(line.endswith(b"\n") for line in head)
        assert child.returncode == EXIT_OK
        assert err.decode().splitlines()[1:] == []  # no "Broken pipe", no "Exception ignored"

    @pytest.mark.parametrize(
        "command",
        [
            pytest.param(["endpoints", "export"], id="export-csv"),
            pytest.param(["endpoints", "export", "--format", "jsonl"], id="export-jsonl"),
            pytest.param(["endpoints", "list"], id="list"),
        ],
    )
    def test_reader_closing_stdout_of_endpoints_ends_quietly(self, command: list[str]) -> None:
        """`emnify endpoints export | head -5` against an API: exit 0, stderr empty."""
        with ThreadedDeviceAPI(endpoints=5000) as devices:
            credentials = {
                "EMNIFY_APPLICATION_TOKEN": devices.api.token,
                "EMNIFY_BASE_URL": devices.api.url,
            }
            child = emnify_process(
                command, credentials, stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
            assert child.stdout is not None
            head = [child.stdout.readline() for _ in range(5)]
            child.stdout.close()  # far more than a pipe buffer is still to come
            _, err = child.communicate(timeout=120)

        assert all(line.endswith(b"\n") for line in head)
        assert child.returncode == EXIT_OK
        assert err.decode() == ""


@needs_dev_full
class TestWriteFailure:
    def test_full_disk_file_output_is_an_io_error(
        self, env: Emulator, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`-o /dev/full`: exit 4 with the reason, not 2 (usage)."""
        code = main(["sims", "export", "-o", "/dev/full"])

        assert code == EXIT_API
        assert "cannot write /dev/full: No space left on device" in capsys.readouterr().err

    @pytest.mark.parametrize(
        "command",
        [
            pytest.param(["sims", "export"], id="export"),
            pytest.param(["sims", "list"], id="list"),
            pytest.param(["org", "stats"], id="org-stats"),
        ],
    )
    def test_full_disk_stdout_is_an_io_error(self, command: list[str]) -> None:
        """`emnify ... > /dev/full`: exit 4, one clear line, no traceback at shutdown."""
        with open("/dev/full", "wb") as full:
            child = emnify_process(
                ["--emulator", "--emulator-sims", "50", *command],
                stdout=full,
                stderr=subprocess.PIPE,
            )
            _, err = child.communicate(timeout=120)

        lines = err.decode().splitlines()
        assert child.returncode == EXIT_API
        assert lines[1:] == ["emnify: cannot write to stdout: No space left on device"]


# Two pages of the 3000-SIM fleet: the second is fetched only once the first was written.
PAGE = 2000


def _export(target: Path, *extra: str) -> int:
    return main(["sims", "export", "-o", str(target), *extra])


def _files(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


class TestPartialExport:
    def test_interrupt_keeps_the_old_file_and_a_partial_one(
        self,
        env: Emulator,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """Ctrl-C after the first page: fleet.csv is untouched; its rows are in .partial."""
        target = tmp_path / "fleet.csv"
        target.write_text("a complete earlier export\n")

        def interrupt(bar: ProgressBar, done: int, total: int | None = None) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(ProgressBar, "update", interrupt)

        code = _export(target, "--per-page", str(PAGE))

        rows = list(csv.reader((tmp_path / "fleet.csv.partial").read_text().splitlines()))
        assert code == EXIT_INTERRUPTED
        assert target.read_text() == "a complete earlier export\n"
        assert _files(tmp_path) == {"fleet.csv", "fleet.csv.partial"}
        assert rows[0][0] == "id"
        assert len(rows) == 1 + PAGE
        assert f"{target}.partial" in capsys.readouterr().err

    def test_api_error_mid_export_keeps_a_partial_file(
        self,
        env: Emulator,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """An API error on the second page: exit 4, no fleet.csv, the first page in .partial."""
        target = tmp_path / "fleet.csv"

        def fail_next_page(bar: ProgressBar, done: int, total: int | None = None) -> None:
            # The second (last) page is requested after this returns, alone: nothing else is
            # in flight when it fails.
            env.inject("GET", "/api/v1/sim", status=400)

        monkeypatch.setattr(ProgressBar, "update", fail_next_page)

        code = _export(target, "--per-page", str(PAGE))

        rows = list(csv.reader((tmp_path / "fleet.csv.partial").read_text().splitlines()))
        assert code == EXIT_API
        assert _files(tmp_path) == {"fleet.csv.partial"}
        assert len(rows) == 1 + PAGE
        assert "fleet.csv.partial" in capsys.readouterr().err

    def test_failure_before_any_data_leaves_nothing(
        self, env: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """No page at all: the earlier file stays, and no empty .partial appears."""
        target = tmp_path / "fleet.csv"
        target.write_text("a complete earlier export\n")
        env.inject("GET", "/api/v1/sim", status=400, times=10)

        code = _export(target)

        assert code == EXIT_API
        assert target.read_text() == "a complete earlier export\n"
        assert _files(tmp_path) == {"fleet.csv"}

    def test_success_replaces_the_file_and_keeps_its_mode(
        self, env: Emulator, tmp_path: Path
    ) -> None:
        """A complete export takes the target's place: same mode, no temporary files left."""
        target = tmp_path / "fleet.csv"
        target.write_text("old\n")
        target.chmod(0o640)

        code = _export(target)

        assert code == EXIT_OK
        assert len(target.read_text().splitlines()) == 1 + len(env.state.sim_ids())
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        assert _files(tmp_path) == {"fleet.csv"}

    def test_new_file_gets_the_usual_mode(self, env: Emulator, tmp_path: Path) -> None:
        """A new file is readable as `open()` would make it, not private like a temp file."""
        target = tmp_path / "fleet.jsonl"
        umask = os.umask(0o022)
        try:
            code = _export(target, "--format", "jsonl")
        finally:
            os.umask(umask)

        assert code == EXIT_OK
        assert stat.S_IMODE(target.stat().st_mode) == 0o644

    def test_special_files_are_written_directly(self, env: Emulator, tmp_path: Path) -> None:
        """`-o /dev/null` works: no temporary file is made beside it."""
        code = main(["sims", "export", "-o", os.devnull])

        assert code == EXIT_OK
        assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
        assert not os.path.exists(os.devnull + ".partial")
