"""`emnify sims ...`: list, export, and bulk activate or suspend from a file of ids."""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import sys
from pathlib import Path
from typing import IO, Any

from .._bulk import BulkItem
from .._client import AsyncEmnify
from .._exceptions import APIStatusError, InputError, OutcomeUnknownError
from .._json import dumps
from .._query import MAX_ID
from ._args import parse_id
from ._output import Sink, open_output, stdout_sink
from ._progress import ProgressBar
from ._results import ResultsFile

CSV_COLUMNS = (
    "id",
    "iccid",
    "imsi",
    "msisdn",
    "status",
    "customer_org",
    "endpoint_id",
    "endpoint_name",
    "production_date",
    "activation_date",
)


def filters(pairs: list[str] | None) -> dict[str, str] | None:
    """`["status=1", "endpoint=null"]` -> `{"status": "1", "endpoint": "null"}`."""
    if not pairs:
        return None
    result = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise InputError(f"--filter takes FIELD=VALUE, got {pair!r}")
        result[key.strip()] = value.strip()
    return result


def _name(obj: Any, key: str = "name") -> str:
    return str(obj.get(key) or "") if isinstance(obj, dict) else ""


def csv_row(sim: dict[str, Any]) -> list[str]:
    """One flat CSV row of a SIM as the API sends it."""
    endpoint = sim.get("endpoint") or {}
    return [
        str(sim.get("id", "")),
        str(sim.get("iccid") or ""),
        str(sim.get("imsi") or ""),
        str(sim.get("msisdn") or ""),
        _name(sim.get("status"), "description"),
        _name(sim.get("customer_org")),
        str(endpoint.get("id", "")) if isinstance(endpoint, dict) else "",
        _name(endpoint),
        str(sim.get("production_date") or ""),
        str(sim.get("activation_date") or ""),
    ]


def _table_row(sim_id: object, iccid: str, imsi: str, msisdn: str, status: str) -> str:
    return f"{sim_id:>9}  {iccid:<21} {imsi:<16} {msisdn:<16} {status}"


TABLE_HEADER = _table_row("ID", "ICCID", "IMSI", "MSISDN", "STATUS")


async def list_sims(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Print SIMs as a table under a header row."""
    shown = 0
    with stdout_sink() as out:
        async for sim in client.sims.list(q=filters(args.filter), sort=args.sort):
            if not shown:
                print(TABLE_HEADER, file=out)
            status = (sim.status.description or "") if sim.status else ""
            print(
                _table_row(sim.id, sim.iccid or "", sim.imsi or "", sim.msisdn or "", status),
                file=out,
            )
            shown += 1
            if args.limit is not None and shown >= args.limit:
                break
        if not shown:
            print(TABLE_HEADER, file=out)
    return 0


async def export_sims(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Write every SIM as CSV or JSON lines, straight from the decoded pages (no models)."""
    pager = client.sims.list(q=filters(args.filter), sort=args.sort, per_page=args.per_page)
    bar = ProgressBar("exporting SIMs", enabled=None if args.progress else False)
    done = 0
    with open_output(args.output) as out:
        writer = csv.writer(out) if args.format == "csv" else None
        try:
            # aclosing: a failure mid-export cancels the pages in flight at once.
            async with contextlib.aclosing(pager.iter_raw_pages()) as pages:
                async for rows in pages:
                    if writer is not None:
                        if not done:
                            writer.writerow(CSV_COLUMNS)
                        writer.writerows(csv_row(sim) for sim in rows)
                    else:
                        out.write("".join(dumps(sim).decode() + "\n" for sim in rows))
                    done += len(rows)
                    bar.update(done, pager.total_count)
            if writer is not None and not done:
                writer.writerow(CSV_COLUMNS)
        finally:
            bar.close()  # before any note about a partial file, so that starts on its own line
    print(f"exported {done} SIMs to {args.output}", file=sys.stderr)
    return 0


def read_ids(source: str) -> list[int]:
    """Ids from a file (or `-` for stdin): one per line; blank lines and `#` comments skipped.

    Duplicates are kept (the caller counts them); anything but an id in 1..MAX_ID is an
    InputError, as is a file that cannot be read.
    """
    ids = []
    try:
        with _open_input(source) as stream:
            for number, line in enumerate(stream, 1):
                text = line.split("#", 1)[0].strip()
                if not text:
                    continue
                sim_id = parse_id(text)
                if sim_id is None:
                    raise InputError(
                        f"{source}, line {number}: not a SIM id (1 to {MAX_ID}): {text!r}"
                    )
                ids.append(sim_id)
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from exc
    return ids


def _open_input(source: str) -> contextlib.AbstractContextManager[IO[str]]:
    if source == "-":
        return contextlib.nullcontext(sys.stdin)
    return open(source, encoding="utf-8")


def _record(item: BulkItem) -> dict[str, Any]:
    """One results-file line: `done`, `failed` (the change does not hold), or `unknown`."""
    if item.ok:
        return {"id": item.id, "result": "done"}
    error = item.error
    if isinstance(error, OutcomeUnknownError):
        error = error.error
    record: dict[str, Any] = {"id": item.id, "result": item.outcome, "error": str(item.error)}
    if isinstance(error, APIStatusError):
        record |= {"status": error.status, "error_code": error.error_code}
    return record


def _not_sent(skipped: int, duplicates: int) -> str:
    plural = "" if duplicates == 1 else "s"
    return f"{skipped} skipped as already done, {duplicates} duplicate{plural} ignored"


async def change_status(client: AsyncEmnify | None, args: argparse.Namespace) -> int:
    """Activate or suspend the SIMs listed in a file, recording one result line per id."""
    ids = read_ids(args.ids)
    unique = list(dict.fromkeys(ids))
    results = ResultsFile(Path(args.results)) if args.results else None
    todo = [sim_id for sim_id in unique if results is None or sim_id not in results.done]
    not_sent = _not_sent(len(unique) - len(todo), len(ids) - len(unique))
    verb = args.action
    if args.dry_run or client is None:
        with stdout_sink() as out:
            print(f"dry run: would {verb} {len(todo)} SIMs ({not_sent})", file=out)
            for sim_id in todo[:10]:
                print(f"  {sim_id}", file=out)
        return 0
    bar = ProgressBar(f"{verb} SIMs", enabled=None if args.progress else False)
    sink = results.open_for_append() if results else Sink(io.StringIO(), "results")

    def on_result(item: BulkItem) -> None:
        sink.write(json.dumps(_record(item)) + "\n")
        sink.flush()

    bulk = client.sims.bulk_activate if verb == "activate" else client.sims.bulk_suspend
    try:
        outcome = await bulk(todo, progress=bar.update, on_result=on_result)
    finally:
        bar.close()
        sink.close()
    failed, unknown = outcome.failed, outcome.unknown
    unsure = f", {len(unknown)} unknown (safe to run again)" if unknown else ""
    print(
        f"{verb}: {len(outcome.succeeded)} done, {len(failed)} failed{unsure}, {not_sent}",
        file=sys.stderr,
    )
    for item in [*failed, *unknown][:10]:
        print(f"  {item.id}: {item.error}", file=sys.stderr)
    return 0 if outcome.ok else 1
