"""Plain-text tables on stdout: a header row, then one aligned row per item."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, Iterable, Sequence

import attrs

from ._output import stdout_sink


@attrs.frozen
class Column:
    """A column: its title, its width, and `>` (numbers) or `<` (text) alignment."""

    title: str
    width: int = 0
    align: str = "<"


@attrs.frozen
class Table:
    """Columns separated by two spaces; a value wider than its column pushes the rest right."""

    columns: tuple[Column, ...]

    def line(self, values: Sequence[object]) -> str:
        cells = (
            f"{value!s:{column.align}{column.width}}"
            for column, value in zip(self.columns, values, strict=True)
        )
        return "  ".join(cells).rstrip()

    def header(self) -> str:
        return self.line([column.title for column in self.columns])

    def fitted(self, rows: Iterable[Sequence[object]]) -> Table:
        """This table with each column widened to its widest value among `rows`."""
        widths = [max(column.width, len(column.title)) for column in self.columns]
        for row in rows:
            widths = [max(width, len(str(value))) for width, value in zip(widths, row, strict=True)]
        return Table(
            tuple(attrs.evolve(c, width=w) for c, w in zip(self.columns, widths, strict=True))
        )


async def print_table(
    table: Table, rows: AsyncGenerator[Sequence[object], None], *, limit: int | None = None
) -> int:
    """Print the header and the rows as they come (at most `limit`); returns the rows printed.

    The header waits for the first row (or the end), so a command that fails at once prints
    only its error.
    """
    shown = 0
    with stdout_sink() as out:
        async with contextlib.aclosing(rows):
            async for row in rows:
                if not shown:
                    print(table.header(), file=out)
                print(table.line(row), file=out)
                shown += 1
                if shown == limit:
                    break
        if not shown:
            print(table.header(), file=out)
    return shown
