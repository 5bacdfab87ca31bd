"""The one cattrs converter: lenient structuring of responses, None-omitting request bodies.

The emnify API is loose about types, so structuring accepts:

* numbers as strings (``"29.166235"``, ``"5"``) for ``int``, ``float`` and ``Decimal`` fields
  (a float becomes the ``Decimal`` of its shortest repr, never its binary expansion);
* ``true``/``false``, ``0``/``1`` and their string forms for ``bool`` fields;
* timestamps as ``2019-08-01T11:49:46.000+0000``, ``2020-03-01T12:07:09.000Z`` or
  ``2014-10-20 00:00:00`` (naive means UTC); every ``datetime`` comes back aware, in UTC;
* dates as ``YYYY-MM-DD`` or as a timestamp (its date part is used);
* numbers for ``str`` fields (``"imsi": 901430000000114``);
* ``null``, ``""`` or a missing key for any optional field, a bare id (``5``) where an
  object is expected (``{"id": 5}``), and ``null`` for a list (``[]``).

Unknown keys are ignored so that new API fields never break old clients. A value of the wrong
kind (an object where text is documented, text where an object or list is, a boolean where a
number is) is not guessed at: structuring fails, and `structure` raises `ShapeError` naming the
model, the field and the value.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, override

from .models import (
    AutomationAction,
    CustomEvent,
    CustomEventTemplate,
    DailyStats,
    HourlyPoint,
    Organisation,
    Secret,
    SimCounts,
    SimStats,
    SystemEvent,
)

__all__ = [
    "ShapeError",
    "converter",
    "parse_date",
    "parse_datetime",
    "structure",
    "structure_list",
    "unstructure",
]

T = TypeVar("T")
_Hook = Callable[[Any, Any], Any]
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


_OPTIONAL_SCALARS: dict[Any, _Hook] = {
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


def _is_optional(type_: Any) -> bool:
    return _optional_inner(type_) is not None


def _make_optional_hook(type_: Any, conv: cattrs.Converter) -> _Hook:
    """Build one specialised hook for ``X | None``: a single call per field on the hot path."""
    inner = _optional_inner(type_)
    scalar = _OPTIONAL_SCALARS.get(inner)
    if scalar is not None:
        return scalar
    inner_hook = conv.get_structure_hook(inner)
    if not attrs.has(inner):

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else inner_hook(value, inner)

        return structure_optional

    has_id = "id" in attrs.fields_dict(inner)

    def structure_optional_attrs(value: Any, _: Any) -> Any:
        if type(value) is dict:
            return inner_hook(value, inner)
        if value is None or value == "":
            return None
        if isinstance(value, Mapping):
            return inner_hook(dict(value), inner)
        if has_id and (type(value) is int or (isinstance(value, str) and value.isdigit())):
            return inner_hook({"id": value}, inner)
        raise TypeError(f"expected an object, got {type(value).__name__}")

    return structure_optional_attrs


def _is_list(type_: Any) -> bool:
    return typing.get_origin(type_) is list


def _make_list_hook(type_: Any, conv: cattrs.Converter) -> _Hook:
    """``list[X]``: a JSON array (``null`` reads as empty); anything else is an error."""
    args = typing.get_args(type_)
    item_type = args[0] if args else Any
    item_hook = conv.get_structure_hook(item_type)

    def structure_list(value: Any, _: Any) -> list[Any]:
        if type(value) is list:
            return [item_hook(item, item_type) for item in value]
        if value is None:
            return []
        raise TypeError(f"expected a list, got {type(value).__name__}")

    return structure_list


def _to_secret(value: Any, _: Any) -> Secret:
    """Text the API answers as a token, key or seed (numbers as their text, like other text
    fields), wrapped so that no repr shows it; an error names only the type."""
    return Secret(_to_str(value))


# --- shape quirks --------------------------------------------------------------------------------


def _hourly_time(value: Any) -> str:
    """Return ``"HH:mm"``; an int counts minutes after midnight (600 -> ``"10:00"``)."""
    if type(value) is str:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        hours, minutes = divmod(value, 60)
        return f"{hours % 24:02d}:{minutes:02d}"
    raise TypeError(f"expected a time of day, got {type(value).__name__}")


def _structure_hourly_point(value: Any, _: Any) -> HourlyPoint:
    if isinstance(value, dict):
        time, number = value.get("time"), value.get("value")
    elif isinstance(value, list) and len(value) == 2:
        time, number = value
    else:
        raise TypeError(f"expected a [time, value] pair, got {value!r:.60}")
    return HourlyPoint(time=_hourly_time(time), value=0.0 if number is None else _to_float(number))


def _make_sim_stats_hook(conv: cattrs.Converter) -> _Hook:
    base = make_dict_structure_fn(SimStats, conv)

    def structure_sim_stats(value: Any, cls: Any) -> SimStats:
        # The official spec declares an array; the API sends an object. Accept both.
        if isinstance(value, list) and len(value) <= 1:
            value = value[0] if value else {}
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {type(value).__name__}")
        return base(value, cls)

    return structure_sim_stats


def _make_daily_stats_hook(conv: cattrs.Converter) -> _Hook:
    base = make_dict_structure_fn(DailyStats, conv)

    def structure_daily_stats(value: Any, cls: Any) -> DailyStats:
        day = value.get("date")
        if isinstance(day, str) and day.strip().upper() == "TOTAL":
            value = {**value, "date": None, "is_total": True}
        return base(value, cls)

    return structure_daily_stats


# The official schema of /organisation/my is flat (``organisation_type_id``: "4"); the API and
# the spec's example nest (``type: {id, description}``). A flat id fills the nested field.
_ORGANISATION_FLAT_IDS = (
    ("type", "organisation_type_id"),
    ("class", "organisation_class_id"),
    ("country", "country_id"),
    ("status", "organisation_status_id"),
    ("currency", "currency_id"),
    ("verification_type", "verification_type_id"),
)


def _make_organisation_hook(conv: cattrs.Converter) -> _Hook:
    base = make_dict_structure_fn(Organisation, conv, class_=override(rename="class"))

    def structure_organisation(value: Any, cls: Any) -> Organisation:
        flat = {
            nested: {"id": value[key]}
            for nested, key in _ORGANISATION_FLAT_IDS
            if value.get(nested) is None and value.get(key) is not None
        }
        return base({**value, **flat} if flat else value, cls)

    return structure_organisation


def _make_sim_counts_hook(conv: cattrs.Converter) -> _Hook:
    base = make_dict_structure_fn(SimCounts, conv)

    def structure_sim_counts(value: Any, cls: Any) -> SimCounts:
        # The schema says factory_mode, the example and the API factory_test.
        if "factory_test" not in value and "factory_mode" in value:
            value = {**value, "factory_test": value["factory_mode"]}
        return base(value, cls)

    return structure_sim_counts


# The newer services' camelCase keys, named in snake case by the models (the newer docs).
_CAMEL_CASE_KEYS: dict[type, tuple[str, ...]] = {
    CustomEvent: ("supported_targeting_parameters", "supported_actions"),
    CustomEventTemplate: ("translation_key_name", "translation_key_description"),
    SystemEvent: (
        "parent_org",
        "event_type",
        "translation_key_name",
        "translation_key_description",
        "supported_targeting_parameters",
        "event_output_parameters",
        "supported_actions",
    ),
    AutomationAction: (
        "configuration_properties",
        "translation_key_name",
        "translation_key_description",
        "required_event_output_parameters",
    ),
}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _camel_case_hook(cls: type, conv: cattrs.Converter) -> _Hook:
    renames = {name: override(rename=_camel(name)) for name in _CAMEL_CASE_KEYS[cls]}
    return make_dict_structure_fn(cls, conv, **renames)  # type: ignore[arg-type]


# --- the converter -------------------------------------------------------------------------------


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(
        detailed_validation=False,
        forbid_extra_keys=False,
        omit_if_default=True,
    )
    # Subclasses (IntEnum, StrEnum) dispatch here too: build them from the coerced value.
    conv.register_structure_hook(int, lambda v, cls: _to_int(v) if cls is int else cls(_to_int(v)))
    conv.register_structure_hook(
        float, lambda v, cls: _to_float(v) if cls is float else cls(_to_float(v))
    )
    conv.register_structure_hook(decimal.Decimal, lambda v, _: _to_decimal(v))
    conv.register_structure_hook(bool, lambda v, _: _to_bool(v))
    conv.register_structure_hook(str, lambda v, cls: _to_str(v) if cls is str else cls(v))
    conv.register_structure_hook(_dt.datetime, lambda v, _: parse_datetime(v))
    conv.register_structure_hook(_dt.date, lambda v, _: parse_date(v))
    conv.register_structure_hook_factory(_is_optional, lambda t: _make_optional_hook(t, conv))
    conv.register_structure_hook_factory(_is_list, lambda t: _make_list_hook(t, conv))
    conv.register_structure_hook(Secret, _to_secret)
    conv.register_structure_hook(HourlyPoint, _structure_hourly_point)
    conv.register_structure_hook(SimStats, _make_sim_stats_hook(conv))
    conv.register_structure_hook(DailyStats, _make_daily_stats_hook(conv))
    conv.register_structure_hook(Organisation, _make_organisation_hook(conv))
    conv.register_structure_hook(SimCounts, _make_sim_counts_hook(conv))
    for cls in _CAMEL_CASE_KEYS:
        conv.register_structure_hook(cls, _camel_case_hook(cls, conv))
    conv.register_unstructure_hook(_dt.datetime, lambda v: v.isoformat())
    conv.register_unstructure_hook(_dt.date, lambda v: v.isoformat())
    return conv


converter: cattrs.Converter = _make_converter()
"""The shared converter; register hooks for new models here."""


# What structuring raises on a value of the wrong kind (detailed validation is off, for speed).
_STRUCTURE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError)


class ShapeError(ValueError):
    """A response did not have the documented shape: which model, which field, what value."""

    def __init__(self, model: str, field: str, value: Any, reason: str) -> None:
        self.model = model
        self.field = field
        self.value = value
        self.reason = reason
        where = model + ("." if field and not field.startswith("[") else "") + field
        super().__init__(f"{where} = {_short(value)}: {reason}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing key {exc.args[0]!r}" if exc.args else "missing key"
    return str(exc) or type(exc).__name__


def _field_key(field: attrs.Attribute[Any]) -> str:
    # `class_` is sent as `class` (the renames of the converter's hooks).
    return field.name[:-1] if field.name.endswith("_") else field.name


def _locate(obj: Any, type_: Any, path: str) -> tuple[str, Any, str]:
    """Find the innermost field of `obj` that fails to structure as `type_` (the slow path)."""
    try:
        converter.structure(obj, type_)
    except _STRUCTURE_ERRORS as exc:
        failure = (path, obj, _reason(exc))
    else:
        return (path, obj, "")
    type_ = _optional_inner(type_) or type_
    if attrs.has(type_) and isinstance(obj, dict):
        for field in attrs.fields(type_):
            key = _field_key(field)
            if key in obj:
                found = _locate(obj[key], field.type, f"{path}.{key}" if path else key)
                if found[2]:
                    return found
            elif field.default is attrs.NOTHING:
                return (f"{path}.{key}" if path else key, None, "missing")
    elif typing.get_origin(type_) is list and isinstance(obj, list):
        (item_type,) = typing.get_args(type_) or (Any,)
        for index, item in enumerate(obj):
            found = _locate(item, item_type, f"{path}[{index}]")
            if found[2]:
                return found
    return failure


def _holds_secret(type_: Any, seen: frozenset[Any] = frozenset()) -> bool:
    """Whether `type_` has a `Secret` anywhere (its fields, their items, their fields)."""
    if type_ is Secret:
        return True
    if type_ in seen:
        return False
    args = typing.get_args(type_)
    if args:
        return any(_holds_secret(arg, seen | {type_}) for arg in args)
    if attrs.has(type_):
        hints = typing.get_type_hints(type_)
        return any(_holds_secret(hint, seen | {type_}) for hint in hints.values())
    return False


def _shape_error(obj: Any, cls: Any, name: str | None = None) -> ShapeError:
    field, value, reason = _locate(obj, cls, "")
    if _holds_secret(cls):
        # An answer that carries a secret is never quoted, not even the part that was wrong.
        value = Secret("")
    model = name if name is not None else str(getattr(cls, "__name__", cls))
    return ShapeError(model, field, value, reason or "invalid")


def structure(obj: Any, cls: type[T]) -> T:
    """Structure decoded JSON into ``cls``.

    Args:
        obj: Decoded JSON (dicts, lists, scalars).
        cls: The model class to build.

    Returns:
        An instance of ``cls``.

    Raises:
        ShapeError: A value has the wrong kind for its field.
    """
    try:
        return converter.structure(obj, cls)
    except _STRUCTURE_ERRORS:
        error = _shape_error(obj, cls)
    raise error


def structure_list(items: Iterable[Any], cls: type[T]) -> list[T]:
    """Structure a JSON array (one page of a listing) into a list of ``cls``.

    Args:
        items: Decoded JSON array.
        cls: The model class of each item.

    Returns:
        A list of ``cls`` instances, in order.

    Raises:
        ShapeError: ``items`` is not an array, or an item does not fit ``cls``.
    """
    if type(items) is not list:
        raise ShapeError(cls.__name__, "", items, "expected a JSON array")
    hook = converter.get_structure_hook(cls)
    try:
        return [hook(item, cls) for item in items]
    except _STRUCTURE_ERRORS:
        error = _shape_error(items, list[cls], cls.__name__)  # type: ignore[valid-type]
    raise error


def unstructure(obj: Any) -> Any:
    """Turn a request model into JSON-ready data, leaving out every field left at its default."""
    return converter.unstructure(obj)
