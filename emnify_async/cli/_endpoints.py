"""`emnify endpoints ...`: list, export, and bulk enable or disable from a file of ids."""

from __future__ import annotations

import argparse
from typing import Any

from .._client import AsyncEmnify
from ..models import Endpoint
from ._args import filters
from ._bulk_change import BulkChange
from ._export import CsvLayout, export_pages, field, text
from ._table import Column, Table, print_table


def csv_row(endpoint: dict[str, Any]) -> list[str]:
    """One flat CSV row of an endpoint as the API sends it."""
    sim = endpoint.get("sim")
    return [
        text(endpoint.get("id")),
        text(endpoint.get("name")),
        field(endpoint.get("status"), "description"),
        text(endpoint.get("tags")),
        text(endpoint.get("ip_address")),
        text(endpoint.get("imei")),
        text(endpoint.get("imei_lock")),
        field(sim, "id"),
        field(sim, "iccid"),
        field(sim, "msisdn"),
        field(endpoint.get("service_profile"), "name"),
        field(endpoint.get("tariff_profile"), "name"),
        text(endpoint.get("created")),
        text(endpoint.get("last_updated")),
    ]


CSV = CsvLayout(
    (
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
    ),
    csv_row,
)

TABLE = Table(
    (
        Column("ID", 9, ">"),
        Column("NAME", 24),
        Column("STATUS", 8),
        Column("SIM", 9, ">"),
        Column("IP", 15),
        Column("TAGS"),
    )
)


def _cells(endpoint: Endpoint) -> list[object]:
    status = endpoint.status.description if endpoint.status else None
    sim_id = endpoint.sim.id if endpoint.sim else None
    return [
        endpoint.id,
        endpoint.name or "",
        status or "",
        sim_id or "",
        endpoint.ip_address or "",
        endpoint.tags or "",
    ]


async def list_endpoints(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Print endpoints as a table under a header row."""
    endpoints = client.endpoints.list(q=filters(args.filter), sort=args.sort)
    await print_table(TABLE, (_cells(e) async for e in endpoints), limit=args.limit)
    return 0


async def export_endpoints(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Write every endpoint as CSV or JSON lines, straight from the decoded pages (no models)."""
    pager = client.endpoints.list(q=filters(args.filter), sort=args.sort, per_page=args.per_page)
    return await export_pages(pager, args, noun="endpoints", layout=CSV)


ENABLE = BulkChange("endpoint", lambda client: client.endpoints.bulk_enable)
DISABLE = BulkChange("endpoint", lambda client: client.endpoints.bulk_disable)
