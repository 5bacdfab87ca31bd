"""Receiving what emnify pushes to your web app: pure parsing and verification, no network.

- `parse_data_stream(body)`: the records of a Data Streamer webhook request (events, usage
  records), one object or an array, as a list.
- `parse_mo_sms(body)`: the MO SMS of an API callback request.
- `verify_callback_token(request.headers.get("Authorization"), secret)`: the callback's JWT,
  signed with your API secret (HS256/384/512 only; needs `emnify-async[webhooks]`).
- `dedupe_key(record)` and `RecentKeys`: drop records delivered twice.

See the webhooks guide for receivers in aiohttp.web and FastAPI.
"""

from ._dedupe import RecentKeys
from ._errors import WebhookPayloadError, WebhookVerificationError
from ._parse import DataStreamRecord, dedupe_key, parse_data_stream, parse_mo_sms
from ._verify import ALGORITHMS, verify_callback_token

__all__ = [
    "ALGORITHMS",
    "DataStreamRecord",
    "RecentKeys",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "dedupe_key",
    "parse_data_stream",
    "parse_mo_sms",
    "verify_callback_token",
]
