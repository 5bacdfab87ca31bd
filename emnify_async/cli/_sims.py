"""`emnify sims ...`: list, export, and bulk activate or suspend from a file of ids."""

from __future__ import annotations

import argparse
from typing import Any

from .._client import AsyncEmnify
from ..models import Sim
from ._args import filters
from ._bulk_change import BulkChange
from ._export import CsvLayout, export_pages, field, text
from ._table import Column, Table, print_table


def csv_row(sim: dict[str, Any]) -> list[str]:
    """One flat CSV row of a SIM as the API sends it."""
    endpoint = sim.get("endpoint")
    return [
        text(sim.get("id")),
        text(sim.get("iccid")),
        text(sim.get("imsi")),
        text(sim.get("msisdn")),
        field(sim.get("status"), "description"),
        field(sim.get("customer_org"), "name"),
        field(endpoint, "id"),
        field(endpoint, "name"),
        text(sim.get("production_date")),
        text(sim.get("activation_date")),
    ]


CSV = CsvLayout(
    (
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
    ),
    csv_row,
)

TABLE = Table(
    (
        Column("ID", 9, ">"),
        Column("ICCID", 20),
        Column("IMSI", 15),
        Column("MSISDN", 15),
        Column("STATUS"),
    )
)


def _cells(sim: Sim) -> list[object]:
    status = sim.status.description if sim.status else None
    return [sim.id, sim.iccid or "", sim.imsi or "", sim.msisdn or "", status or ""]


async def list_sims(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Print SIMs as a table under a header row."""
    sims = client.sims.list(q=filters(args.filter), sort=args.sort)
    await print_table(TABLE, (_cells(sim) async for sim in sims), limit=args.limit)
    return 0


async def export_sims(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Write every SIM as CSV or JSON lines, straight from the decoded pages (no models)."""
    pager = client.sims.list(q=filters(args.filter), sort=args.sort, per_page=args.per_page)
    return await export_pages(pager, args, noun="SIMs", layout=CSV)


ACTIVATE = BulkChange("SIM", lambda client: client.sims.bulk_activate)
SUSPEND = BulkChange("SIM", lambda client: client.sims.bulk_suspend)
