"""`... export`: a listing streamed as CSV or JSON lines, straight from the decoded pages."""

from __future__ import annotations

import argparse
import contextlib
import csv
import sys
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from .._json import dumps
from .._pagination import AsyncPager
from ._output import open_output
from ._progress import ProgressBar

Row = Callable[[dict[str, Any]], list[str]]


@attrs.frozen
class CsvLayout:
    """The CSV columns of an export, and how one item as the API sends it becomes a row."""

    columns: Sequence[str]
    row: Row


def text(value: object) -> str:
    """A scalar as a CSV cell: empty for null, `true`/`false` for booleans, as JSON has them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def field(obj: object, key: str) -> str:
    """`obj[key]` as a CSV cell, empty when `obj` is not an object (a missing reference)."""
    return text(obj.get(key)) if isinstance(obj, dict) else ""


async def export_pages(
    pager: AsyncPager[Any], args: argparse.Namespace, *, noun: str, layout: CsvLayout
) -> int:
    """Write every item of `pager` to `args.output` as `args.format` (csv or jsonl).

    No models are built; a file target appears only once complete (see `open_output`).
    """
    bar = ProgressBar(f"exporting {noun}", enabled=None if args.progress else False)
    done = 0
    with open_output(args.output) as out:
        writer = csv.writer(out) if args.format == "csv" else None
        try:
            # aclosing: a failure mid-export cancels the pages in flight at once.
            async with contextlib.aclosing(pager.iter_raw_pages()) as pages:
                async for items in pages:
                    if writer is not None:
                        if not done:
                            writer.writerow(layout.columns)
                        writer.writerows(layout.row(item) for item in items)
                    else:
                        out.write("".join(dumps(item).decode() + "\n" for item in items))
                    done += len(items)
                    bar.update(done, pager.total_count)
            if writer is not None and not done:
                writer.writerow(layout.columns)
        finally:
            bar.close()  # before any note about a partial file, so that starts on its own line
    print(f"exported {done} {noun} to {args.output}", file=sys.stderr)
    return 0
