"""`emnify org stats`: the organisation's monthly statistics as JSON."""

from __future__ import annotations

import argparse
import json

from .._client import AsyncEmnify
from .._converter import unstructure
from ._output import stdout_sink


async def org_stats(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Print this and last month's traffic, costs and SIM counts (`args.org`: an id or "my")."""
    stats = await client.organisations.monthly_stats(args.org)
    with stdout_sink() as out:
        print(json.dumps(unstructure(stats), indent=2, default=str), file=out)
    return 0
