"""What `emnify` accepts on its command line, and how it says no (exit 2, nothing sent)."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from emnify_async import __version__
from emnify_async.cli import main
from emnify_async.cli._app import EXIT_OK, EXIT_USAGE
from emnify_async.testing import Emulator

from .conftest import emnify_process


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run `emnify ARGV`, expect exit 2, return stderr."""
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == EXIT_USAGE
    return capsys.readouterr().err


class TestNumbers:
    @pytest.mark.parametrize(
        "org",
        [
            "abc",
            "-5",
            "1.5",
            "0",
            "",
            "\u0663",  # ARABIC-INDIC DIGIT THREE: str.isdigit() and int() accept it
            str(2**63),
            pytest.param("MY", id="my-is-lower-case"),
        ],
    )
    def test_bad_org_is_a_usage_error(
        self, org: str, env: Emulator, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`org stats --org abc` stops with exit 2 instead of showing the caller's own org."""
        err = _usage_error(["org", "stats", "--org", org], capsys)

        assert "--org" in err
        assert env.requests == []

    @pytest.mark.parametrize("org", ["my", "child"])
    def test_org_id_or_my_is_asked_for(
        self, org: str, env: Emulator, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A positive id asks for that organisation; `my` for the caller's."""
        wanted = str(env.state.children(env.state.org_id)[0].id) if org == "child" else "my"

        code = main(["org", "stats", "--org", wanted])

        assert code == EXIT_OK
        assert json.loads(capsys.readouterr().out)
        assert [r.path for r in env.requests if "/stats" in r.path] == [
            f"/api/v1/organisation/{wanted}/stats"
        ]

    @pytest.mark.parametrize(
        "argv",
        [
            pytest.param(["sims", "list", "--limit", "0"], id="limit-0"),
            pytest.param(["sims", "list", "--limit", "-1"], id="limit-negative"),
            pytest.param(["sims", "list", "--limit", "x"], id="limit-text"),
            pytest.param(["sims", "export", "--per-page", "0"], id="per-page-0"),
            pytest.param(["sims", "export", "--per-page", "2501"], id="per-page-above-max"),
            pytest.param(["sims", "export", "--per-page", "-3"], id="per-page-negative"),
            pytest.param(["--emulator-sims", "0", "sims", "list"], id="emulator-sims-0"),
            pytest.param(["--emulator-sims", "-2", "sims", "list"], id="emulator-sims-negative"),
        ],
    )
    def test_bad_counts_are_usage_errors(
        self, argv: list[str], env: Emulator, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Counts are checked by the parser: exit 2 naming the option, nothing sent."""
        err = _usage_error(argv, capsys)

        assert re.search(r"argument --(limit|per-page|emulator-sims)", err)
        assert env.requests == []

    @pytest.mark.parametrize("limit", [1, 3])
    def test_limit_prints_that_many_rows(
        self, limit: int, env: Emulator, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--limit N` prints the header and N rows."""
        code = main(["sims", "list", "--limit", str(limit)])

        assert code == EXIT_OK
        assert len(capsys.readouterr().out.splitlines()) == 1 + limit

    def test_per_page_is_sent(self, env: Emulator, capsys: pytest.CaptureFixture[str]) -> None:
        """A valid `--per-page` reaches the API."""
        code = main(["sims", "export", "--per-page", "1000", "--filter", "status=2"])

        assert code == EXIT_OK
        assert {r.query.get("per_page") for r in env.requests if r.path == "/api/v1/sim"} == {
            "1000"
        }


class TestCommands:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`emnify --version` prints the package version."""
        with pytest.raises(SystemExit) as raised:
            main(["--version"])

        assert raised.value.code == EXIT_OK
        assert capsys.readouterr().out == f"emnify {__version__}\n"

    @pytest.mark.parametrize(
        ("argv", "choices"),
        [
            ([], "sims, endpoints, sms, operators, org, emulator"),
            (["--emulator"], "sims, endpoints, sms, operators, org, emulator"),
            (["sims"], "list, export, activate, suspend"),
            (["endpoints"], "list, export, enable, disable"),
            (["sms"], "send"),
            (["operators"], "list"),
            (["org"], "stats"),
        ],
    )
    def test_missing_command_names_the_choices(
        self, argv: list[str], choices: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A missing command is named by its choices, not by an internal argument name."""
        err = _usage_error(argv, capsys)

        assert f"choose a command: {choices}" in err
        assert "required" not in err

    def test_emulator_help_names_emnify_emulator(self) -> None:
        """`emnify emulator --help` shows the command the user typed."""
        child = emnify_process(["emulator", "--help"], stdout=subprocess.PIPE)
        out, _ = child.communicate(timeout=60)

        assert child.returncode == EXIT_OK
        assert out.decode().startswith("usage: emnify emulator ")

    def test_list_has_an_aligned_header(
        self, env: Emulator, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`sims list` starts with ID, ICCID, IMSI, MSISDN, STATUS over their columns."""
        code = main(["sims", "list", "--limit", "3"])

        header, *rows = capsys.readouterr().out.splitlines()
        titles = ["ID", "ICCID", "IMSI", "MSISDN", "STATUS"]
        assert code == EXIT_OK
        assert header.split() == titles
        for row in rows:
            sim = env.state.sim(int(row.split()[0]))
            assert sim is not None
            values = [str(sim["id"]), sim["iccid"], sim["imsi"], sim["msisdn"]]
            # each value ends (the right-aligned id) or starts under its title
            assert row.index(values[0]) + len(values[0]) == header.index("ID") + len("ID")
            for title, value in zip(titles[1:4], values[1:], strict=True):
                assert row.index(value) == header.index(title)
            assert row[header.index("STATUS") :].strip() == sim["status"]["description"]
