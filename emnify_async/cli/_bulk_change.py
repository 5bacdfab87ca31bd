"""Bulk changes from a file of ids (`sims activate`, `endpoints enable`, ...), resumable."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import IO, Any, Protocol

import attrs

from .._bulk import BulkItem, BulkResult, OnResult, Progress
from .._client import AsyncEmnify
from .._exceptions import APIStatusError, InputError, OutcomeUnknownError
from .._query import MAX_ID
from ._args import parse_id
from ._output import Sink, stdout_sink
from ._progress import ProgressBar
from ._results import ResultsFile


class BulkMethod(Protocol):
    """A client's bulk call, e.g. `client.sims.bulk_activate`."""

    def __call__(
        self,
        ids: Iterable[int],
        /,
        *,
        progress: Progress | None = ...,
        on_result: OnResult | None = ...,
    ) -> Awaitable[BulkResult]: ...


@attrs.frozen
class BulkChange:
    """One bulk command: `kind` names an item ("SIM"), `method` picks the client's bulk call."""

    kind: str
    method: Callable[[AsyncEmnify], BulkMethod]

    async def __call__(self, client: AsyncEmnify, args: argparse.Namespace) -> int:
        """Change the items listed in `args.ids`, one results-file line per id."""
        plan = _Plan.read(args, self.kind)
        verb, noun = args.action, f"{self.kind}s"
        bar = ProgressBar(f"{verb} {noun}", enabled=None if args.progress else False)
        results = plan.results
        sink = results.open_for_append() if results else Sink(io.StringIO(), "results")

        def on_result(item: BulkItem) -> None:
            sink.write(json.dumps(_record(item)) + "\n")
            sink.flush()

        try:
            outcome = await self.method(client)(plan.todo, progress=bar.update, on_result=on_result)
        finally:
            bar.close()
            sink.close()
        failed, unknown = outcome.failed, outcome.unknown
        unsure = f", {len(unknown)} unknown (safe to run again)" if unknown else ""
        print(
            f"{verb}: {len(outcome.succeeded)} done, {len(failed)} failed{unsure}, {plan.not_sent}",
            file=sys.stderr,
        )
        for item in [*failed, *unknown][:10]:
            print(f"  {item.id}: {item.error}", file=sys.stderr)
        return 0 if outcome.ok else 1

    def dry_run(self, args: argparse.Namespace) -> int:
        """Say what `__call__` would change; read the files, send and write nothing."""
        plan = _Plan.read(args, self.kind)
        with stdout_sink() as out:
            print(
                f"dry run: would {args.action} {len(plan.todo)} {self.kind}s ({plan.not_sent})",
                file=out,
            )
            for item_id in plan.todo[:10]:
                print(f"  {item_id}", file=out)
        return 0


@attrs.frozen
class _Plan:
    """The ids to send: those of the ids file, once each, less those done in the results file."""

    todo: list[int]
    not_sent: str
    results: ResultsFile | None

    @classmethod
    def read(cls, args: argparse.Namespace, kind: str) -> _Plan:
        ids = read_ids(args.ids, kind)
        unique = list(dict.fromkeys(ids))
        results = ResultsFile(Path(args.results)) if args.results else None
        todo = [item_id for item_id in unique if results is None or item_id not in results.done]
        duplicates = len(ids) - len(unique)
        plural = "" if duplicates == 1 else "s"
        not_sent = (
            f"{len(unique) - len(todo)} skipped as already done, "
            f"{duplicates} duplicate{plural} ignored"
        )
        return cls(todo, not_sent, results)


def read_ids(source: str, kind: str) -> list[int]:
    """Ids from a file (or `-` for stdin): one per line; blank lines and `#` comments skipped.

    Duplicates are kept (the caller counts them); anything but an id in 1..MAX_ID is an
    InputError naming the line (`kind`: "SIM" says "not a SIM id"), as is a file that cannot
    be read.
    """
    ids = []
    try:
        with _open_input(source) as stream:
            for number, line in enumerate(stream, 1):
                text = line.split("#", 1)[0].strip()
                if not text:
                    continue
                item_id = parse_id(text)
                if item_id is None:
                    raise InputError(
                        f"{source}, line {number}: not {_article(kind)} {kind} id "
                        f"(1 to {MAX_ID}): {text!r}"
                    )
                ids.append(item_id)
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise InputError(f"cannot read {source}: {exc.strerror or exc}") from exc
    return ids


def _article(kind: str) -> str:
    return "an" if kind[:1].lower() in "aeio" else "a"


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
