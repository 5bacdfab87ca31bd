"""Traffic limit extensions of endpoints (newer docs): temporary raises of a traffic limit.

The emulator knows the two system traffic limits of the official spec's example of
``GET /api/v1/traffic_limit``: 111 (64 per 5 days) and 234 (128 per month, data). An
extension of a limit lasts until the end of that limit's current period: 5 days from its
creation for 111, the end of the month (UTC) for 234, the one used when none is named. Past its
``expiration_date`` an extension is no longer active and is not listed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._clock import Clock, utc_datetime
from emnify_async.testing._dates import month_end
from emnify_async.testing._dates import zulu as timestamp

TRAFFIC_LIMITS = {111: "5 days", 234: "1 month"}
DEFAULT_TRAFFIC_LIMIT = 234


@dataclass
class Extension:
    id: int
    endpoint_id: int
    traffic_limit_id: int
    volume: float
    created: int
    expires: int

    def render(self) -> JsonObj:
        return {
            "id": self.id,
            "endpoint_id": self.endpoint_id,
            "traffic_limit_id": self.traffic_limit_id,
            "volume": self.volume,
            "expiration_date": timestamp(self.expires),
            "created_at": timestamp(self.created),
        }


class TrafficLimitExtensions:
    """Extensions by endpoint id; an endpoint's go when it is deleted (``forget``)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._by_endpoint: dict[int, list[Extension]] = {}
        self._next_id = 1

    def active(self, endpoint_id: int) -> list[Extension]:
        now = self._clock()
        return [e for e in self._by_endpoint.get(endpoint_id, []) if e.expires > now]

    def add(self, endpoint_id: int, traffic_limit_id: int, volume: float) -> Extension:
        now = utc_datetime(self._clock)
        created = int(now.timestamp())
        if traffic_limit_id == 111:
            expires = created + 5 * 86_400
        else:
            end = month_end(now.date()) + dt.timedelta(days=1)
            expires = int(
                dt.datetime(end.year, end.month, end.day, tzinfo=dt.timezone.utc).timestamp()
            )
        extension = Extension(
            self._next_id, endpoint_id, traffic_limit_id, volume, created, expires
        )
        self._next_id += 1
        self._by_endpoint.setdefault(endpoint_id, []).append(extension)
        return extension

    def remove_all(self, endpoint_id: int) -> None:
        self._by_endpoint.pop(endpoint_id, None)

    def forget(self, endpoint_id: int) -> None:
        self.remove_all(endpoint_id)
