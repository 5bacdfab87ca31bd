"""Validate and encode the arguments that become query parameters."""

from __future__ import annotations

import calendar
import datetime
import math
import re
from collections.abc import Mapping, Sequence

from ._exceptions import InputError
from ._types import DateLike, IdLike, OrgLike, QueryValue

__all__ = [
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

_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_SORT_KEY = re.compile(r"^[+-]?[A-Za-z_][A-Za-z0-9_.]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_id(value: object, name: str = "id") -> int:
    """A positive integer id, or InputError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"{name} must be a positive integer, got {value!r}")
    return value


def ref_id(value: IdLike, name: str) -> int:
    """The id of a reference given as an int or as a model with `.id`."""
    if isinstance(value, int):
        return check_id(value, name)
    return check_id(getattr(value, "id", None), f"{name}.id")


def check_org(value: OrgLike, name: str = "org") -> str:
    """The path segment of an organisation: a positive id, or `"my"`; InputError otherwise."""
    if value == "my":
        return "my"
    if isinstance(value, str):
        raise InputError(f"{name} must be a positive organisation id or 'my', got {value!r}")
    return str(ref_id(value, name))


def check_lookup_id(value: IdLike, name: str) -> int:
    """The id of a lookup value (statuses start at 0), given as an int or a model with `.id`."""
    number = value if isinstance(value, int) else getattr(value, "id", None)
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        raise InputError(f"{name} must be a non-negative integer id, got {value!r}")
    return int(number)  # a plain int, also for IntEnum members such as SimStatusId


def check_bool(value: object, name: str) -> bool:
    """`True` or `False` (not 0/1 or strings), or InputError."""
    if not isinstance(value, bool):
        raise InputError(f"{name} must be True or False, got {value!r}")
    return value


def check_number(value: object, name: str, *, positive: bool) -> float:
    """A finite number that is positive (`positive=True`) or at least 0; InputError otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(f"{name} must be a number, got {value!r}")
    if value < 0 or (positive and value == 0):
        raise InputError(
            f"{name} must be {'positive' if positive else 'at least 0'}, got {value!r}"
        )
    return value


def _filter_value(key: str, value: QueryValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    text = str(value)
    if "," in text:
        raise InputError(
            f"filter {key!r}: a value cannot contain ',' (emnify separates filters with commas)"
        )
    return text


def encode_filter(q: Mapping[str, QueryValue] | str | None) -> str | None:
    """`{"status": 1, "customer_org": 7}` -> `"status:1,customer_org:7"`."""
    if q is None:
        return None
    if isinstance(q, str):
        return q or None
    parts = []
    for key, value in q.items():
        if not isinstance(key, str) or not _FIELD.match(key):
            raise InputError(f"filter field names are identifiers, got {key!r}")
        parts.append(f"{key}:{_filter_value(key, value)}")
    return ",".join(parts) or None


def encode_sort(sort: str | Sequence[str] | None) -> str | None:
    """`"-status,id"` or `["-status", "id"]` -> `"-status,id"`; `-` means descending."""
    if sort is None:
        return None
    keys = sort.split(",") if isinstance(sort, str) else list(sort)
    keys = [key.strip() for key in keys if key.strip()]
    for key in keys:
        if not _SORT_KEY.match(key):
            raise InputError(f"sort keys look like 'id' or '-status', got {key!r}")
    return ",".join(keys) or None


def check_per_page(per_page: int, maximum: int) -> int:
    """`per_page` within 1..maximum, or InputError."""
    if isinstance(per_page, bool) or not isinstance(per_page, int) or not 1 <= per_page <= maximum:
        raise InputError(f"per_page must be an integer from 1 to {maximum}, got {per_page!r}")
    return per_page


def encode_date(value: DateLike, name: str) -> datetime.date:
    """A `date`, or a `YYYY-MM-DD` string, as a date; InputError otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and _DATE.match(value):
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
