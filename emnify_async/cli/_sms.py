"""`emnify sms send`: one SMS to an endpoint."""

from __future__ import annotations

import argparse

from .._client import AsyncEmnify
from .._types import NOT_GIVEN
from ._args import sdk_id
from ._output import stdout_sink


async def send_sms(client: AsyncEmnify, args: argparse.Namespace) -> int:
    """Send `args.text` to endpoint `args.endpoint_id`; print the new SMS's id.

    The SDK checks the id and the text before sending: a bad one is its InputError (exit 2).
    """
    sms_id = await client.endpoints.send_sms(
        sdk_id(args.endpoint_id),
        payload=args.text,
        source_address=NOT_GIVEN if args.source_address is None else args.source_address,
    )
    with stdout_sink() as out:
        print(sms_id, file=out)
    return 0
