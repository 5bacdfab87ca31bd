"""`emnify org stats`: the organisation's monthly statistics as JSON."""

from __future__ import annotations

import argparse
import json
from typing import Literal

from .._client import AsyncEmnify
from .._converter import unstructure


async def org_stats(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Print this and last month's traffic, costs and SIM counts."""
    org: int | Literal["my"] = int(args.org) if args.org.isdigit() else "my"
    stats = await client.organisations.monthly_stats(org)
    print(json.dumps(unstructure(stats), indent=2, default=str))
    return 0
