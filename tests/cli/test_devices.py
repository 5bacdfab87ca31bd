"""`emnify endpoints|sms|operators`, over real HTTP against a small fake of the device area."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from emnify_async.cli import main
from emnify_async.cli._app import EXIT_API, EXIT_ITEMS_FAILED, EXIT_OK, EXIT_USAGE
from emnify_async.cli._progress import ProgressBar

from ..fakes import json_response
from .device_api import DeviceAPI, make_endpoint

ENABLED, DISABLED = 0, 1
UNKNOWN_ID = 987654321


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run `emnify ARGV`, expect exit 2 from the parser, return stderr."""
    with pytest.raises(SystemExit) as raised:
        main(argv)
    assert raised.value.code == EXIT_USAGE
    return capsys.readouterr().err


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _patched(devices: DeviceAPI) -> list[int]:
    return [int(path.rsplit("/", 1)[1]) for method, path in devices.sent() if method == "PATCH"]


class TestEndpointsList:
    def test_table_has_an_aligned_header(
        self, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ID, NAME, STATUS, SIM, IP, TAGS over their values; no SIM leaves its cell empty."""
        code = main(["endpoints", "list", "--limit", "4"])

        header, *rows = capsys.readouterr().out.splitlines()
        assert code == EXIT_OK
        assert header.split() == ["ID", "NAME", "STATUS", "SIM", "IP", "TAGS"]
        assert len(rows) == 4
        for row in rows:
            endpoint = devices.endpoints[int(row.split()[0])]
            sim_id = str(endpoint["sim"]["id"]) if "sim" in endpoint else ""
            ends = {"ID": str(endpoint["id"]), "SIM": sim_id}  # right-aligned numbers
            starts = {
                "NAME": endpoint["name"],
                "STATUS": endpoint["status"]["description"],
                "IP": endpoint["ip_address"],
            }
            for title, value in ends.items():
                end = header.index(title) + len(title)
                assert row[end - len(value) : end] == value
                assert row[: end - len(value)].endswith(" ")
            for title, value in starts.items():
                assert f"{row} "[header.index(title) :].startswith(value + " ")
            assert row[header.index("TAGS") :] == (endpoint["tags"] or "")

    def test_filter_and_sort_are_sent(
        self, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--filter status=1 --sort=-id` lists the disabled endpoints, highest id first."""
        code = main(["endpoints", "list", "--filter", "status=1", "--sort=-id"])

        rows = capsys.readouterr().out.splitlines()[1:]
        assert code == EXIT_OK
        assert [int(row.split()[0]) for row in rows] == sorted(
            devices.ids_with_status(DISABLED), reverse=True
        )
        (query,) = [q for m, p, q, *_ in devices.api.calls if p == "/api/v1/endpoint"]
        assert (query["q"], query["sort"]) == ("status:1", "-id")

    @pytest.mark.parametrize(
        "argv",
        [
            pytest.param(["--limit", "0"], id="limit-0"),
            pytest.param(["--limit", "\u0663"], id="limit-arabic-indic-three"),
        ],
    )
    def test_bad_limit_is_a_usage_error(
        self, argv: list[str], devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Counts are checked by the parser: exit 2 naming the option, nothing sent."""
        err = _usage_error(["endpoints", "list", *argv], capsys)

        assert "argument --limit" in err
        assert devices.api.calls == []

    def test_bad_filter_is_bad_input(
        self, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A `--filter` without `=` stops before any request (exit 2), printing no header."""
        code = main(["endpoints", "list", "--filter", "status"])

        captured = capsys.readouterr()
        assert code == EXIT_USAGE
        assert "--filter takes FIELD=VALUE" in captured.err
        assert captured.out == ""
        assert devices.api.calls == []


class TestEndpointsExport:
    def test_csv_columns(self, devices: DeviceAPI, tmp_path: Path) -> None:
        """One flat row per endpoint: references by name, a missing SIM as empty cells."""
        target = tmp_path / "devices.csv"

        code = main(["endpoints", "export", "-o", str(target)])

        header, *rows = list(csv.reader(target.read_text().splitlines()))
        by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
        assert code == EXIT_OK
        assert header == [
            "id",
            "name",
            "status",
            "tags",
            "ip_address",
            "imei",
            "imei_lock",
            "sim_id",
            "iccid",
            "msisdn",
            "service_profile",
            "tariff_profile",
            "created",
            "last_updated",
        ]
        assert list(by_id) == [str(i) for i in devices.endpoints]
        assert by_id["4"] == {
            "id": "4",
            "name": "meter-0004",
            "status": "Enabled",
            "tags": "",
            "ip_address": "10.0.0.4",
            "imei": "350000000000004",
            "imei_lock": "true",
            "sim_id": "5004",
            "iccid": "8988303000000000004",
            "msisdn": "423600000004",
            "service_profile": "Smart Meter",
            "tariff_profile": "EU Basic",
            "created": "2024-01-15T08:30:00.000Z",
            "last_updated": "2024-02-01T12:00:00.000Z",
        }
        assert (by_id["3"]["sim_id"], by_id["3"]["iccid"], by_id["3"]["imei_lock"]) == (
            "",
            "",
            "false",
        )

    def test_jsonl_keeps_the_api_objects_page_by_page(
        self, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """JSON lines are the objects as sent (no models); `--per-page` sizes the requests."""
        code = main(["endpoints", "export", "--format", "jsonl", "--per-page", "7"])

        captured = capsys.readouterr()
        pages = [q for m, p, q, *_ in devices.api.calls if p == "/api/v1/endpoint"]
        assert code == EXIT_OK
        assert [json.loads(line) for line in captured.out.splitlines()] == [
            make_endpoint(i) for i in range(1, 41)
        ]
        assert sorted(int(q["page"]) for q in pages) == list(range(1, 7))
        assert {q["per_page"] for q in pages} == {"7"}
        assert "exported 40 endpoints to -" in captured.err

    @pytest.mark.parametrize("per_page", ["0", "1001", "-1", "ten"])
    def test_bad_per_page_is_a_usage_error(
        self, per_page: str, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--per-page` takes 1 to 1000 (the endpoint maximum); anything else sends nothing."""
        err = _usage_error(["endpoints", "export", "--per-page", per_page], capsys)

        assert "argument --per-page: expected an integer from 1 to 1000" in err
        assert devices.api.calls == []

    def test_api_error_mid_export_keeps_the_old_file_and_a_partial_one(
        self,
        devices: DeviceAPI,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A failing second page: exit 4, devices.csv as it was, the first page in .partial."""
        target = tmp_path / "devices.csv"
        target.write_text("a complete earlier export\n")

        def fail_next_page(bar: ProgressBar, done: int, total: int | None = None) -> None:
            # The second (last) page is asked for only after the first was written.
            devices.api.script("GET", "/api/v1/endpoint", json_response({"message": "x"}, 400))

        monkeypatch.setattr(ProgressBar, "update", fail_next_page)

        code = main(["endpoints", "export", "-o", str(target), "--per-page", "20"])

        partial = tmp_path / "devices.csv.partial"
        assert code == EXIT_API
        assert target.read_text() == "a complete earlier export\n"
        assert len(list(csv.reader(partial.read_text().splitlines()))) == 1 + 20
        assert {path.name for path in tmp_path.iterdir()} == {"devices.csv", partial.name}
        assert f"{partial}" in capsys.readouterr().err


class TestEndpointsBulk:
    @pytest.mark.parametrize(
        ("verb", "before", "after"), [("disable", ENABLED, DISABLED), ("enable", DISABLED, ENABLED)]
    )
    def test_results_file_and_rerun(
        self, verb: str, before: int, after: int, devices: DeviceAPI, tmp_path: Path
    ) -> None:
        """One result line per id (`failed` with its status for a missing one); a rerun sends
        only the ids not done."""
        chosen = devices.ids_with_status(before)[:3]
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("# devices\n" + "\n".join(map(str, [*chosen, UNKNOWN_ID])) + "\n")
        results = tmp_path / "results.jsonl"

        first = main(["endpoints", verb, str(ids_file), "--results", str(results)])
        patched_first = _patched(devices)
        second = main(["endpoints", verb, str(ids_file), "--results", str(results)])

        records = _records(results)
        assert (first, second) == (EXIT_ITEMS_FAILED, EXIT_ITEMS_FAILED)
        assert sorted(patched_first) == sorted([*chosen, UNKNOWN_ID])
        assert _patched(devices)[len(patched_first) :] == [UNKNOWN_ID]
        assert {r["id"] for r in records if r["result"] == "done"} == set(chosen)
        failed = [r for r in records if r["result"] != "done"]
        assert [(r["id"], r["result"], r["status"]) for r in failed] == [
            (UNKNOWN_ID, "failed", 404),
            (UNKNOWN_ID, "failed", 404),
        ]
        assert all(devices.endpoints[i]["status"]["id"] == after for i in chosen)

    def test_unverifiable_outcome_is_unknown_and_retried(
        self, devices: DeviceAPI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A refused change that cannot be read back is `unknown`, not `failed`; the rerun
        tries it again and records it done."""
        first, second = devices.ids_with_status(ENABLED)[:2]
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text(f"{first}\n{second}\n")
        results = tmp_path / "results.jsonl"
        path = f"/api/v1/endpoint/{second}"
        devices.api.script("PATCH", path, json_response({"message": "busy"}, 409))
        devices.api.script("GET", path, json_response({"message": "no"}, 403))

        code = main(["endpoints", "disable", str(ids_file), "--results", str(results)])

        assert code == EXIT_ITEMS_FAILED
        assert "1 done, 0 failed, 1 unknown (safe to run again)" in capsys.readouterr().err
        assert [(r["id"], r["result"]) for r in _records(results)] == [
            (first, "done"),
            (second, "unknown"),
        ]

        rerun = main(["endpoints", "disable", str(ids_file), "--results", str(results)])

        assert rerun == EXIT_OK
        assert _records(results)[-1] == {"id": second, "result": "done"}
        assert _patched(devices)[-1:] == [second]
        assert devices.endpoints[second]["status"]["id"] == DISABLED

    def test_dry_run_sends_nothing_and_needs_no_credentials(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--dry-run` reads the files and says what it would do; no environment needed."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text("7\n8\n8\n9\n")
        results = tmp_path / "results.jsonl"
        results.write_text('{"id": 7, "result": "done"}\n')

        code = main(["endpoints", "enable", str(ids_file), "--results", str(results), "--dry-run"])

        out = capsys.readouterr().out
        assert code == EXIT_OK
        assert "would enable 2 endpoints (1 skipped as already done, 1 duplicate ignored)" in out
        assert results.read_text() == '{"id": 7, "result": "done"}\n'

    @pytest.mark.parametrize("bad", ["abc", "0", "\u0663", str(2**63)])
    def test_bad_id_is_bad_input(
        self,
        bad: str,
        devices: DeviceAPI,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A line that is not an endpoint id stops the command before anything is sent."""
        ids_file = tmp_path / "ids.txt"
        ids_file.write_text(f"1\n{bad}\n")

        code = main(["endpoints", "disable", str(ids_file)])

        assert code == EXIT_USAGE
        assert f"{ids_file}, line 2: not an endpoint id" in capsys.readouterr().err
        assert devices.api.calls == []


class TestSmsSend:
    def test_prints_the_new_sms_id(
        self, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The text (and sender) reach the endpoint's SMS route; stdout is the new id alone."""
        code = main(["sms", "send", "5", "reboot now", "--source-address", "emnify"])

        assert code == EXIT_OK
        assert capsys.readouterr().out == "900\n"
        sent = {"id": 900, "payload": "reboot now", "source_address": "emnify"}
        assert devices.sms == {5: [sent]}

    @pytest.mark.parametrize(
        ("endpoint_id", "text", "message"),
        [
            pytest.param("abc", "hi", "endpoint_id must be a positive integer id, got 'abc'"),
            pytest.param("0", "hi", "endpoint_id must be a positive integer id, got 0", id="0"),
            pytest.param(
                "\u0663", "hi", "endpoint_id must be a positive integer id", id="arabic-3"
            ),
            pytest.param(str(2**63), "hi", f"got {2**63}", id="above-max"),
            pytest.param("5", "", "payload must be a non-empty string", id="empty-text"),
            pytest.param("5", "x" * 161, "more than one SMS takes (160)", id="161-chars"),
            pytest.param("5", "\u20ac" * 81, "more than one SMS takes (160)", id="81-euro-signs"),
        ],
    )
    def test_bad_input_sends_nothing(
        self,
        endpoint_id: str,
        text: str,
        message: str,
        devices: DeviceAPI,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A bad id or text: exit 2 with the SDK's reason, and not a single request."""
        code = main(["sms", "send", endpoint_id, text])

        assert code == EXIT_USAGE
        assert message in capsys.readouterr().err
        assert devices.api.calls == []
        assert devices.sms == {}

    def test_unknown_endpoint_is_an_api_error(
        self, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The API's 404 is exit 4, with its message on stderr and nothing on stdout."""
        code = main(["sms", "send", str(UNKNOWN_ID), "hello"])

        captured = capsys.readouterr()
        assert code == EXIT_API
        assert captured.out == ""
        assert captured.err.startswith("emnify: ")


class TestOperatorsList:
    def test_table_fits_its_values(
        self, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """ID, NAME, COUNTRY, MNCS: each value starts under its title (ids end under theirs)."""
        code = main(["operators", "list"])

        header, *rows = capsys.readouterr().out.splitlines()
        assert code == EXIT_OK
        assert header.split() == ["ID", "NAME", "COUNTRY", "MNCS"]
        expected = [
            ("1", "Telekom", "DE", "01,06"),
            ("2", "Vodafone", "DE", "02"),
            ("3", "Vodafone UK", "GB", "15"),
        ]
        assert len(rows) == len(expected)
        for row, (op_id, name, country, mncs) in zip(rows, expected, strict=True):
            assert row[: header.index("ID") + 2].strip() == op_id
            assert row[header.index("NAME") :].startswith(name + " ")
            assert row[header.index("COUNTRY") :].startswith(country + " ")
            assert row[header.index("MNCS") :] == mncs

    @pytest.mark.parametrize(("country", "names"), [("de", 2), ("GB", 1), ("fr", 0)])
    def test_country_filter(
        self, country: str, names: int, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`--country ISO` (any case) keeps that country's operators; none is just the header."""
        code = main(["operators", "list", "--country", country])

        header, *rows = capsys.readouterr().out.splitlines()
        assert code == EXIT_OK
        assert header.split() == ["ID", "NAME", "COUNTRY", "MNCS"]
        assert len(rows) == names
        assert all(country.upper() in row.split() for row in rows)

    @pytest.mark.parametrize("country", ["DEU", "D", "12", "", "d\u00e9"])
    def test_bad_country_is_a_usage_error(
        self, country: str, devices: DeviceAPI, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Only two ASCII letters are a country code: exit 2, nothing sent."""
        err = _usage_error(["operators", "list", "--country", country], capsys)

        assert "argument --country: expected a two-letter ISO country code" in err
        assert devices.api.calls == []
