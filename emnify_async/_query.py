"""Validate and encode the arguments that become query parameters."""

from __future__ import annotations

import calendar
import datetime
import math
import re
from collections.abc import Mapping, Sequence

from ._exceptions import InputError
from ._types import DateLike, IdLike, OrgLike, QueryValue

MAX_ID = 2**63 - 1
"""Ids and integers in bodies are signed 64-bit on the wire; larger ones are refused."""

__all__ = [
    "MAX_ID",
    "check_bool",
    "check_date_range",
    "check_id",
    "check_lookup_id",
    "check_month_range",
    "check_number",
    "check_org",
    "check_per_page",
    "encode_date",
    "encode_filter",
    "encode_sort",
    "ref_id",
]

# fullmatch everywhere: `$` would let a trailing newline through.
_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")
_SORT_KEY = re.compile(r"[+-]?[A-Za-z_][A-Za-z0-9_.]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _plain_int(value: object) -> int | None:
    """`value` as a plain `int` (never a subclass, whose formatting could be anything)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return int.__index__(value)


def check_id(value: object, name: str = "id") -> int:
    """A positive integer id (at most `MAX_ID`) as a plain `int`, or InputError."""
    number = _plain_int(value)
    if number is None or not 1 <= number <= MAX_ID:
        raise InputError(f"{name} must be a positive integer id, got {value!r}")
    return number


def ref_id(value: IdLike, name: str) -> int:
    """The id of a reference given as an int or as a model with `.id`."""
    if isinstance(value, int):
        return check_id(value, name)
    return check_id(getattr(value, "id", None), f"{name}.id")


def check_org(value: OrgLike, name: str = "org") -> int | str:
    """The path segment of an organisation: a positive id, or `"my"`; InputError otherwise."""
    if type(value) is str and value == "my":
        return "my"
    if isinstance(value, str):
        raise InputError(f"{name} must be a positive organisation id or 'my', got {value!r}")
    return ref_id(value, name)


def check_lookup_id(value: IdLike, name: str) -> int:
    """The id of a lookup value (statuses start at 0), given as an int or a model with `.id`."""
    number = _plain_int(value if isinstance(value, int) else getattr(value, "id", None))
    if number is None or not 0 <= number <= MAX_ID:
        raise InputError(f"{name} must be a non-negative integer id, got {value!r}")
    return number  # a plain int, also for IntEnum members such as SimStatusId


def check_bool(value: object, name: str) -> bool:
    """`True` or `False` (not 0/1 or strings), or InputError."""
    if not isinstance(value, bool):
        raise InputError(f"{name} must be True or False, got {value!r}")
    return value


def check_number(value: object, name: str, *, positive: bool) -> float:
    """A finite number that is positive (`positive=True`) or at least 0; InputError otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{name} must be a number, got {value!r}")
    number: float = int.__index__(value) if isinstance(value, int) else float(value)
    if not math.isfinite(number) or abs(number) > MAX_ID:
        raise InputError(f"{name} must be a finite number within ±2**63, got {value!r}")
    if number < 0 or (positive and number == 0):
        raise InputError(
            f"{name} must be {'positive' if positive else 'at least 0'}, got {value!r}"
        )
    return number


def _filter_value(key: str, value: QueryValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, int):
        text = str(int.__index__(value))
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InputError(f"filter {key!r}: a number must be finite, got {value!r}")
        text = repr(value)
    elif isinstance(value, str):
        text = value
    else:
        raise InputError(
            f"filter {key!r}: values are text, numbers, booleans, dates or None, got {value!r}"
        )
    if "," in text:
        raise InputError(
            f"filter {key!r}: a value cannot contain ',' (emnify separates filters with commas)"
        )
    if _CONTROL.search(text):
        raise InputError(f"filter {key!r}: a value cannot contain control characters")
    return text


def encode_filter(q: Mapping[str, QueryValue] | str | None) -> str | None:
    """`{"status": 1, "customer_org": 7}` -> `"status:1,customer_org:7"`."""
    if q is None:
        return None
    if isinstance(q, str):
        if _CONTROL.search(q):
            raise InputError("q cannot contain control characters")
        return q or None
    if not isinstance(q, Mapping):
        raise InputError(f"q must be a mapping of field to value, or a string, got {q!r}")
    parts = []
    for key, value in q.items():
        if not isinstance(key, str) or not _FIELD.fullmatch(key):
            raise InputError(f"filter field names are identifiers, got {key!r}")
        parts.append(f"{key}:{_filter_value(key, value)}")
    return ",".join(parts) or None


def encode_sort(sort: str | Sequence[str] | None) -> str | None:
    """`"-status,id"` or `["-status", "id"]` -> `"-status,id"`; `-` means descending."""
    if sort is None:
        return None
    if isinstance(sort, str):
        keys = sort.split(",")
    elif isinstance(sort, Sequence) and all(isinstance(key, str) for key in sort):
        keys = list(sort)
    else:
        raise InputError(f"sort must be a string or a sequence of strings, got {sort!r}")
    keys = [key.strip() for key in keys if key.strip()]
    for key in keys:
        if not _SORT_KEY.fullmatch(key):
            raise InputError(f"sort keys look like 'id' or '-status', got {key!r}")
    return ",".join(keys) or None


def check_per_page(per_page: int, maximum: int) -> int:
    """`per_page` within 1..maximum, or InputError."""
    number = _plain_int(per_page)
    if number is None or not 1 <= number <= maximum:
        raise InputError(f"per_page must be an integer from 1 to {maximum}, got {per_page!r}")
    return number


def encode_date(value: DateLike, name: str) -> datetime.date:
    """A `date`, or a `YYYY-MM-DD` string, as a date; InputError otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise InputError(f"{name} must be a datetime.date or a 'YYYY-MM-DD' string, got {value!r}")


def _date_pair(
    start_date: DateLike | None, end_date: DateLike | None
) -> tuple[datetime.date | None, datetime.date | None]:
    start = encode_date(start_date, "start_date") if start_date is not None else None
    end = encode_date(end_date, "end_date") if end_date is not None else None
    if start is not None and end is not None and end < start:
        raise InputError(f"end_date {end} is before start_date {start}")
    return start, end


def check_date_range(start_date: DateLike | None, end_date: DateLike | None) -> dict[str, str]:
    """Query parameters for a start/end date pair; the end may not come before the start."""
    start, end = _date_pair(start_date, end_date)
    params: dict[str, str] = {}
    if start is not None:
        params["start_date"] = start.isoformat()
    if end is not None:
        params["end_date"] = end.isoformat()
    return params


def check_month_range(
    start_date: DateLike | None, end_date: DateLike | None
) -> tuple[datetime.date | None, datetime.date | None]:
    """A billing period: the start on a month's first day, the end on a month's last day.

    Raises:
        InputError: A date is malformed or off its month boundary, or the end is before the
            start.
    """
    start, end = _date_pair(start_date, end_date)
    if start is not None and start.day != 1:
        raise InputError(f"start_date must be the first day of a month, got {start}")
    if end is not None and end.day != calendar.monthrange(end.year, end.month)[1]:
        raise InputError(f"end_date must be the last day of a month, got {end}")
    return start, end
