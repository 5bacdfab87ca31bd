"""Lenient coercion of the API's loose scalar values: numbers, booleans, text and timestamps.

Each coercer returns the value in the type a model field declares, or raises ``TypeError`` or
``ValueError`` for a value of the wrong kind. The ``_optional_*`` functions add ``None`` (and
``""``) for optional fields; they take a second, ignored argument to serve as cattrs hooks.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["parse_date", "parse_datetime"]

Hook = Callable[[Any, Any], Any]
"""A cattrs structure hook: ``hook(value, type)``."""

_UTC = _dt.timezone.utc
_NONE_TYPE = type(None)
_UNION_TYPES: tuple[Any, ...] = (typing.Union, types.UnionType)
_datetime_fromisoformat = _dt.datetime.fromisoformat
_date_fromisoformat = _dt.date.fromisoformat


# --- scalars -------------------------------------------------------------------------------------


def _to_int(value: Any) -> int:
    """Coerce an int, an integral float or a numeric string to ``int``."""
    if type(value) is int:
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            number = float(value)
    elif isinstance(value, float):
        number = value
    elif isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    else:
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    if not number.is_integer():
        raise ValueError(f"expected an integer, got {value!r}")
    return int(number)


def _to_float(value: Any) -> float:
    """Coerce a number or a numeric string to ``float``."""
    if type(value) is float:
        return value
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"expected a number, got {type(value).__name__}")


def _to_decimal(value: Any) -> decimal.Decimal:
    """Coerce a number or a numeric string to a finite ``Decimal`` (floats by their repr)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, decimal.Decimal)):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    try:
        number = decimal.Decimal(repr(value) if isinstance(value, float) else value)
    except decimal.InvalidOperation:
        raise ValueError(f"expected a number, got {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"expected a finite number, got {value!r}")
    return number


_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})


def _to_bool(value: Any) -> bool:
    """Coerce ``true``/``false``, ``0``/``1`` or their string forms to ``bool``."""
    if value is True or value is False:
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValueError(f"expected a boolean, got {value!r}")


def _to_str(value: Any) -> str:
    """Return strings as they are and render numbers as text (``"imsi": 901430000000114``)."""
    if type(value) is str:
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"expected text, got {type(value).__name__}")


# --- timestamps ----------------------------------------------------------------------------------

_DATETIME_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r" ?([Zz]|[+-]\d{2}(?::?\d{2})?)?"
)


def _parse_datetime_fallback(text: str) -> _dt.datetime:
    """Parse an ISO 8601-like timestamp with a regular expression; any Python version."""
    match = _DATETIME_RE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"invalid timestamp: {text!r}")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    value = _dt.datetime(
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        micro,
        tzinfo=_UTC,
    )
    if zone and zone not in "Zz":
        digits = zone[1:].replace(":", "")
        offset = _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        value = value - offset if zone[0] == "+" else value + offset
    return value


def _as_utc(value: _dt.datetime) -> _dt.datetime:
    """Attach UTC to a naive datetime, or convert an aware one to UTC."""
    tz = value.tzinfo
    if tz is _UTC:
        return value
    if tz is None:
        return value.replace(tzinfo=_UTC)
    return value.astimezone(_UTC)


def _parse_datetime_fast(text: str) -> _dt.datetime:
    """Parse a timestamp with ``datetime.fromisoformat`` (Python 3.11+), else the fallback."""
    try:
        value = _datetime_fromisoformat(text)
    except ValueError:
        return _parse_datetime_fallback(text)
    return _as_utc(value)


def _parse_datetime_compat(text: str) -> _dt.datetime:
    """Parse a timestamp on Python 3.10: rewrite ``Z``/``+0000`` for ``fromisoformat`` first."""
    last = text[-1:]
    if last in ("Z", "z"):
        text = text[:-1] + "+00:00"
    elif len(text) > 16 and text[-5] in "+-" and text[-4:].isdigit():
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        value = _datetime_fromisoformat(text)
    except ValueError:
        return _parse_datetime_fallback(text)
    return _as_utc(value)


_parse_datetime_str = (
    _parse_datetime_fast if sys.version_info >= (3, 11) else _parse_datetime_compat
)


def parse_datetime(value: Any) -> _dt.datetime:
    """Parse any emnify timestamp (string, datetime or epoch seconds) into an aware UTC datetime."""
    if isinstance(value, str):
        return _parse_datetime_str(value)
    if isinstance(value, _dt.datetime):
        return _as_utc(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _dt.datetime.fromtimestamp(value, _UTC)
    raise TypeError(f"expected a timestamp, got {value!r}")


def parse_date(value: Any) -> _dt.date:
    """Parse ``YYYY-MM-DD``, or take the date part of a timestamp."""
    if isinstance(value, str):
        return _date_fromisoformat(value[:10])
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    raise TypeError(f"expected a date, got {value!r}")


# --- optional fields -----------------------------------------------------------------------------


def _optional_int(value: Any, _: Any) -> int | None:
    if type(value) is int or value is None:
        return value
    if value == "":
        return None
    return _to_int(value)


def _optional_float(value: Any, _: Any) -> float | None:
    if type(value) is float or value is None:
        return value
    if value == "":
        return None
    return _to_float(value)


def _optional_str(value: Any, _: Any) -> str | None:
    if type(value) is str or value is None:
        return value
    return _to_str(value)


def _optional_bool(value: Any, _: Any) -> bool | None:
    if value is None or value == "":
        return None
    return _to_bool(value)


def _optional_datetime(value: Any, _: Any) -> _dt.datetime | None:
    if type(value) is str and value:
        return _parse_datetime_str(value)
    if value is None or value == "":
        return None
    return parse_datetime(value)


def _optional_date(value: Any, _: Any) -> _dt.date | None:
    if value is None or value == "":
        return None
    return parse_date(value)


def _optional_json_object(value: Any, _: Any) -> dict[str, Any] | None:
    if type(value) is dict:
        return value
    if isinstance(value, Mapping):
        return dict(value)
    if value is None or value == "":
        return None
    raise TypeError(f"expected an object, got {type(value).__name__}")


_OPTIONAL_SCALARS: dict[Any, Hook] = {
    int: _optional_int,
    float: _optional_float,
    str: _optional_str,
    bool: _optional_bool,
    _dt.datetime: _optional_datetime,
    _dt.date: _optional_date,
    dict[str, Any]: _optional_json_object,
}


def _optional_inner(type_: Any) -> Any:
    """Return ``X`` for ``X | None``, else ``None``."""
    if typing.get_origin(type_) not in _UNION_TYPES:
        return None
    args = typing.get_args(type_)
    if len(args) != 2 or _NONE_TYPE not in args:
        return None
    return args[0] if args[1] is _NONE_TYPE else args[1]
