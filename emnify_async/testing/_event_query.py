"""Filtering and sorting of event lists (``q`` and ``sort`` of every event route).

``filter_events`` takes any iterable, so an organisation's whole feed is filtered as it is
rendered, one SIM at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._query import Filters, SortKeys, int_value, invalid_query
from emnify_async.testing._routing import Paging

Extractor = Callable[[JsonObj], Any]

EVENT_PAGING = Paging(
    default=100,
    maximum=1000,
    lower_case=True,
    default_sort="id",
    link="empty",
    filter_when_given=True,
)
"""Every event list (SIM, endpoint, organisation): default 100, at most 1000, and as recorded
lower-case ``x-*`` headers, ``x-sort: id`` when no sort is given and ``link: ""``."""


def _nested(*path: str) -> Extractor:
    def extract(event: JsonObj) -> Any:
        value: Any = event
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    return extract


# Field -> how to read it from an event (shared by filters and sort keys).
FIELDS: dict[str, Extractor] = {
    "id": _nested("id"),
    "timestamp": _nested("timestamp"),
    "type": _nested("event_type", "id"),
    "source": _nested("event_source", "id"),
    "severity": _nested("event_severity", "id"),
    "alert": _nested("alert"),
    "description": _nested("description"),
    "organisation": _nested("organisation", "name"),
    "user": _nested("user", "name"),
    "endpoint": _nested("endpoint", "name"),
    "tags": _nested("endpoint", "tags"),
    "ip_address": _nested("endpoint", "ip_address"),
    "imei": _nested("endpoint", "imei"),
    "iccid": _nested("sim", "iccid"),
    "imsi": _nested("imsi", "imsi"),
}
FILTER_FIELDS = frozenset(FIELDS) - {"id"} | {"from", "until"}
SORT_FIELDS = frozenset(FIELDS) - {"description", "imei"}
_NUMERIC = frozenset({"type", "source", "severity"})
_SUBSTRING = frozenset({"description", "organisation", "user", "endpoint", "tags"})


def _parse_time(field: str, value: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        raise invalid_query(
            f"Invalid date '{value}' for '{field}', expected YYYY-MM-DDTHH:mm:ssZ"
        ) from None


def _event_time(event: JsonObj) -> dt.datetime:
    return dt.datetime.strptime(event["timestamp"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=dt.timezone.utc
    )


def _matcher(field: str, value: str) -> Callable[[JsonObj], bool]:
    extract = FIELDS[field]
    if field in _NUMERIC:
        wanted = int_value(field, value)
        return lambda e: extract(e) == wanted
    if field == "alert":
        if value.lower() not in ("true", "false"):
            raise invalid_query(f"Invalid value '{value}' for query criteria 'alert'")
        flag = value.lower() == "true"
        return lambda e: extract(e) is flag
    if field in _SUBSTRING:
        needle = value.lower()
        return lambda e: needle in str(extract(e) or "").lower()
    if field == "timestamp":
        day = _parse_time(field, value).date()
        return lambda e: _event_time(e).date() == day
    if field in ("iccid", "imsi") and len(value) < 19:
        return lambda e: str(extract(e) or "").startswith(value)
    return lambda e: str(extract(e)) == value


def filter_events(events: Iterable[JsonObj], filters: Filters) -> list[JsonObj]:
    """The events matching every filter, in their order (one pass over ``events``)."""
    given = dict(filters)
    if ("from" in given) != ("until" in given):
        raise invalid_query("'from' and 'until' must be used together")
    matchers = [
        _matcher(field, value) for field, value in filters if field not in ("from", "until")
    ]
    if "from" in given:
        start, end = _parse_time("from", given["from"]), _parse_time("until", given["until"])
        matchers.insert(0, lambda e: start <= _event_time(e) <= end)
    return [e for e in events if all(match(e) for match in matchers)]


def sort_events(events: list[JsonObj], keys: SortKeys) -> list[JsonObj]:
    ordered = sorted(events, key=lambda e: e["id"])
    for field, descending in reversed(keys):
        extract = FIELDS[field]
        ordered.sort(key=lambda e: _sortable(extract(e)), reverse=descending)
    return ordered


def _sortable(value: Any) -> tuple[int, Any]:
    # None sorts first and values of one field share a type, so tuples always compare.
    return (0, "") if value is None else (1, value)
