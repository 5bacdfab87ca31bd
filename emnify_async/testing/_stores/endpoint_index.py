"""Filtering and sorting of endpoint ids (``GET /api/v1/endpoint``'s ``q`` and ``sort``).

``id``, ``status``, ``service_profile``, ``tariff_profile`` and ``sim_status`` match whole
numbers; ``name`` and ``tags`` a part of the text (any case); ``ip_address``, ``imei``,
``iccid``, ``created`` and ``last_updated`` a prefix (a complete value matches exactly).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

from emnify_async.testing import _data as d
from emnify_async.testing._query import Filters, SortKeys, int_value
from emnify_async.testing._stores.endpoints import EndpointStore

FILTER_FIELDS = frozenset(
    {
        "status",
        "service_profile",
        "tariff_profile",
        "id",
        "name",
        "created",
        "last_updated",
        "tags",
        "ip_address",
        "imei",
        "iccid",
        "sim_status",
    }
)
SORT_FIELDS = frozenset(
    {
        "id",
        "name",
        "status",
        "last_updated",
        "created",
        "tags",
        "ip_address",
        "imei",
        "service_profile",
        "tariff_profile",
    }
)
_NUMBERS = frozenset({"id", "status", "service_profile", "tariff_profile", "sim_status"})
_TEXT = frozenset({"name", "tags"})
# Field -> the endpoint attribute it reads (and how to show it, for timestamps).
_ATTRIBUTES = {
    "status": "status_id",
    "service_profile": "service_profile_id",
    "tariff_profile": "tariff_profile_id",
    "name": "name",
    "tags": "tags",
    "ip_address": "ip_address",
    "imei": "imei",
    "created": "created_ts",
    "last_updated": "last_updated_ts",
}


def _reader(store: EndpointStore, field: str) -> Callable[[int], Any]:
    """The value of ``field`` for an endpoint id."""
    if field == "id":
        return lambda i: i
    if field == "iccid":
        return lambda i: None if (s := store.sim_of(i)) is None else d.iccid(s)
    if field == "sim_status":
        return lambda i: None if (s := store.sim_of(i)) is None else store.sims.table.status[s - 1]
    read = store.records.reader(_ATTRIBUTES[field])
    if field in ("created", "last_updated"):
        return lambda i: d.format_ts(read(i))
    return read


def _matcher(field: str, value: str) -> Callable[[Any], bool]:
    if field in _NUMBERS:
        wanted = int_value(field, value)
        return lambda v: v == wanted
    if field in _TEXT:
        needle = value.lower()
        return lambda v: v is not None and needle in v.lower()
    return lambda v: v is not None and str(v).startswith(value)


def _sortable(value: Any) -> tuple[int, Any]:
    return (0, "") if value is None else (1, value)


def select(store: EndpointStore, org_id: int, filters: Filters, keys: SortKeys) -> array[int]:
    """The organisation's endpoint ids matching ``filters``, sorted by ``keys`` then id."""
    if keys and keys[-1] == ("id", False):
        keys = keys[:-1]
    if not filters and not keys:
        return store.ids(org_id)
    cache_key = ("select", org_id, filters, keys)
    cached = store.cached_index(cache_key)
    if cached is not None:
        return cached
    ids = list(store.ids(org_id))
    for field, value in filters:
        read, match = _reader(store, field), _matcher(field, value)
        ids = [i for i in ids if match(read(i))]
    for field, descending in reversed(keys):
        read = _reader(store, field)
        ids.sort(key=lambda i, r=read: _sortable(r(i)), reverse=descending)  # type: ignore[misc]
    result = array("i", ids)
    store.store_index(cache_key, result)
    return result
