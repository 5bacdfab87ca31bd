"""`emnify sims ...`: list, export, and bulk activate or suspend from a file of ids."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import IO, Any

from .._bulk import BulkItem
from .._client import AsyncEmnify
from .._exceptions import APIStatusError, InputError
from .._json import dumps
from ._progress import ProgressBar

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


async def list_sims(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Print SIMs as a table."""
    shown = 0
    async for sim in client.sims.list(q=filters(args.filter), sort=args.sort):
        status = sim.status.description if sim.status else ""
        numbers = f"{sim.iccid or '':<21} {sim.imsi or '':<16} {sim.msisdn or '':<16}"
        print(f"{sim.id:>9}  {numbers} {status}")
        shown += 1
        if args.limit and shown >= args.limit:
            break
    return 0


async def export_sims(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Write every SIM as CSV or JSON lines, straight from the decoded pages (no models)."""
    pager = client.sims.list(q=filters(args.filter), sort=args.sort, per_page=args.per_page)
    bar = ProgressBar("exporting SIMs", enabled=None if args.progress else False)
    done = 0
    with _Output(args.output) as out:
        writer = csv.writer(out) if args.format == "csv" else None
        if writer is not None:
            writer.writerow(CSV_COLUMNS)
        async for rows in pager.iter_raw_pages():
            if writer is not None:
                writer.writerows(csv_row(sim) for sim in rows)
            else:
                out.write("".join(dumps(sim).decode() + "\n" for sim in rows))
            done += len(rows)
            bar.update(done, pager.total_count)
    bar.close()
    print(f"exported {done} SIMs to {args.output}", file=sys.stderr)
    return 0


class _Output:
    def __init__(self, target: str) -> None:
        self._target = target
        self._file: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self._target == "-":
            return sys.stdout
        self._file = open(self._target, "w", newline="", encoding="utf-8")
        return self._file

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()


def read_ids(source: str) -> list[int]:
    """Ids from a file (or `-` for stdin): one per line; blank lines and `#` comments skipped."""
    stream: IO[str] = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    with stream:
        ids = []
        for number, line in enumerate(stream, 1):
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            if not text.isdigit() or int(text) < 1:
                raise InputError(f"{source}, line {number}: not a SIM id: {text!r}")
            ids.append(int(text))
    return ids


def _already_done(results: Path) -> set[int]:
    if not results.exists():
        return set()
    done = set()
    for line in results.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("result") == "done":
                done.add(int(record["id"]))
    return done


def _record(item: BulkItem) -> dict[str, Any]:
    if item.ok:
        return {"id": item.id, "result": "done"}
    error = item.error
    record: dict[str, Any] = {"id": item.id, "result": "failed", "error": str(error)}
    if isinstance(error, APIStatusError):
        record |= {"status": error.status, "error_code": error.error_code}
    return record


async def change_status(client: AsyncEmnify | None, args: argparse.Namespace) -> int:
    """Activate or suspend the SIMs listed in a file, recording one result line per id."""
    ids = read_ids(args.ids)
    results = Path(args.results) if args.results else None
    skip = _already_done(results) if results else set()
    todo = [sim_id for sim_id in dict.fromkeys(ids) if sim_id not in skip]
    verb = args.action
    if args.dry_run or client is None:
        print(f"dry run: would {verb} {len(todo)} SIMs ({len(ids) - len(todo)} skipped)")
        for sim_id in todo[:10]:
            print(f"  {sim_id}")
        return 0
    bar = ProgressBar(f"{verb} SIMs", enabled=None if args.progress else False)
    sink = results.open("a", encoding="utf-8") if results else io.StringIO()

    def on_result(item: BulkItem) -> None:
        sink.write(json.dumps(_record(item)) + "\n")
        sink.flush()

    bulk = client.sims.bulk_activate if verb == "activate" else client.sims.bulk_suspend
    try:
        outcome = await bulk(todo, progress=bar.update, on_result=on_result)
    finally:
        bar.close()
        sink.close()
    failed = outcome.failed
    print(
        f"{verb}: {len(outcome.succeeded)} done, {len(failed)} failed, "
        f"{len(ids) - len(todo)} skipped as already done",
        file=sys.stderr,
    )
    for item in failed[:10]:
        print(f"  {item.id}: {item.error}", file=sys.stderr)
    return 1 if failed else 0
