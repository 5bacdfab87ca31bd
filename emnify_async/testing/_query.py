"""Parsing of the ``q=field:value,...`` filter and ``sort=-field,...`` parameters."""

from __future__ import annotations

from collections.abc import Collection

from emnify_async.testing._errors import INVALID_QUERY, INVALID_SORT, ApiError

Filters = tuple[tuple[str, str], ...]
SortKeys = tuple[tuple[str, bool], ...]
"""``(field, descending)`` pairs, most significant first."""


def _has_control(text: str) -> bool:
    # A line break or another control character is never part of a criterion (and would
    # break the X-Filter/X-Sort echo).
    return any(ord(char) < 32 or ord(char) == 127 for char in text)


def parse_filter(q: str | None, allowed: Collection[str]) -> Filters:
    """Split ``q`` into ``(field, value)`` pairs; unknown fields give 422 InvalidQueryCriteria.

    Values may contain colons (``from:2020-07-20T08:00:00Z``): only the first one separates.
    """
    if not q:
        return ()
    if _has_control(q):
        raise invalid_query(f"Invalid query criteria {q!r}")
    pairs: list[tuple[str, str]] = []
    for part in q.split(","):
        field, sep, value = part.partition(":")
        field = field.strip()
        if not sep or not value or field not in allowed:
            raise invalid_query(f"Invalid query criteria '{part}'")
        pairs.append((field, value.strip()))
    return tuple(pairs)


def parse_sort(sort: str | None, allowed: Collection[str]) -> SortKeys:
    """Split ``sort`` into ``(field, descending)``; unknown fields give 422 InvalidSortCriteria."""
    if not sort:
        return ()
    if _has_control(sort):
        raise ApiError.of(INVALID_SORT, f"Invalid sort criteria {sort!r}")
    keys: list[tuple[str, bool]] = []
    for part in sort.split(","):
        part = part.strip()
        descending = part.startswith("-")
        field = part[1:] if part[:1] in "-+" and part else part
        if field not in allowed:
            raise ApiError.of(INVALID_SORT, f"Invalid sort criteria '{part}'")
        keys.append((field, descending))
    return tuple(keys)


def invalid_query(message: str) -> ApiError:
    return ApiError.of(INVALID_QUERY, message)


def int_value(field: str, value: str) -> int:
    """The integer of a filter value, or 422 InvalidQueryCriteria."""
    try:
        return int(value)
    except ValueError:
        raise invalid_query(f"Invalid value '{value}' for query criteria '{field}'") from None
