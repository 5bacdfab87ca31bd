"""`emnify operators list`: the mobile network operators, optionally of one country."""

from __future__ import annotations

import argparse
from collections.abc import AsyncGenerator, Sequence

from .._client import AsyncEmnify
from ..models import Operator
from ._table import Column, Table, print_table

TABLE = Table((Column("ID", 6, ">"), Column("NAME"), Column("COUNTRY"), Column("MNCS")))


def _cells(operator: Operator) -> list[object]:
    country = operator.country.iso_code if operator.country else None
    mncs = ",".join(m.mnc for m in operator.mnc if m.mnc)
    return [operator.id, operator.name or "", (country or "").upper(), mncs]


def _in(operator: Operator, country: str | None) -> bool:
    if country is None:
        return True
    iso_code = operator.country.iso_code if operator.country else None
    return (iso_code or "").lower() == country


async def list_operators(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Print the operators (of `args.country`, an ISO code, if given) as a table.

    The API sends the whole list at once and has no country filter: it is filtered here, and
    the columns fit their widest value.
    """
    rows = [_cells(o) for o in await client.operators.list() if _in(o, args.country)]
    await print_table(TABLE.fitted(rows), _each(rows))
    return 0


async def _each(rows: Sequence[Sequence[object]]) -> AsyncGenerator[Sequence[object], None]:
    for row in rows:
        yield row
