"""Filtering and sorting of SIM ids over the columnar SIM table (fast enough for 1M SIMs)."""

from __future__ import annotations

from array import array
from collections.abc import Callable

from emnify_async.testing import _data as d
from emnify_async.testing._query import Filters, SortKeys, int_value, invalid_query
from emnify_async.testing._stores.sims import SimStore

FILTER_FIELDS = frozenset(
    {
        "id",
        "issuer_org",
        "reseller_org",
        "customer_org",
        "iccid",
        "status",
        "production_date",
        "imsi",
        "msisdn",
        "endpoint",
        "model",
    }
)
SORT_FIELDS = FILTER_FIELDS - {"imsi", "msisdn"}
# ICCIDs and production dates grow with the id, so these sort like the id itself.
_ID_ORDERED = frozenset({"id", "iccid", "production_date"})
_COLUMNS = {
    "issuer_org": "issuer_org",
    "reseller_org": "reseller_org",
    "customer_org": "customer_org",
    "status": "status",
    "endpoint": "endpoint",
    "model": "model",
}
_DERIVED: dict[str, Callable[[int], str]] = {
    "iccid": d.iccid,
    "imsi": d.imsi,
    "msisdn": d.msisdn,
}
_FULL_LENGTH = {"iccid": 19, "imsi": 15, "msisdn": 15}


def _apply_filter(sims: SimStore, ids: list[int], field: str, value: str) -> list[int]:
    if field == "id":
        wanted = int_value(field, value)
        return [i for i in ids if i == wanted]
    if field in _COLUMNS:
        column = getattr(sims.table, _COLUMNS[field])
        nullable = field in ("reseller_org", "customer_org", "endpoint")
        target = 0 if nullable and value.lower() == "null" else int_value(field, value)
        return [i for i in ids if column[i - 1] == target]
    if field == "production_date":
        seed = sims.seed
        return [i for i in ids if d.format_ts(d.production_ts(i, seed)).startswith(value)]
    if not value.isdigit():
        raise invalid_query(f"Invalid value '{value}' for query criteria '{field}'")
    derive = _DERIVED[field]
    # Short values match as a prefix, complete ones exactly (as documented for iccid).
    if len(value) >= _FULL_LENGTH[field]:
        return [i for i in ids if derive(i) == value]
    return [i for i in ids if derive(i).startswith(value)]


def select(sims: SimStore, org_id: int, filters: Filters, keys: SortKeys) -> array[int]:
    """The ordered SIM ids of ``org_id`` matching ``filters``, sorted by ``keys`` then id."""
    keys = _effective_keys(keys)
    if not filters and not keys:
        return sims.ids(org_id)
    cache_key = ("select", org_id, filters, keys)
    cached = sims.cached_index(cache_key)
    if cached is not None:
        return cached
    ids = list(sims.ids(org_id))
    for field, value in filters:
        ids = _apply_filter(sims, ids, field, value)
    for field, descending in reversed(keys):
        if field in _ID_ORDERED:
            ids.sort(reverse=descending)
        else:
            column = getattr(sims.table, _COLUMNS[field])
            ids.sort(key=lambda i, c=column: c[i - 1], reverse=descending)  # type: ignore[misc]
    result = array("i", ids)
    sims.store_index(cache_key, result)
    return result


def _effective_keys(keys: SortKeys) -> SortKeys:
    """Drop a trailing ascending id key, which the default order already gives."""
    if keys and keys[-1] in (("id", False), ("iccid", False), ("production_date", False)):
        keys = keys[:-1]
    return keys
