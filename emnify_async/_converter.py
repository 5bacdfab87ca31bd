"""The one converter: lenient structuring of responses, None-omitting request bodies.

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

Keys a model does not declare are kept in its ``extra`` mapping, so that new API fields never
break old clients and stay readable. A value of the wrong kind (an object where text is
documented, text where an object or list is, a boolean where a number is) is not guessed at:
structuring fails, and `structure` raises `ShapeError` naming the model, the field and the value.

Models are built by functions generated per class (`_codegen`): each value of the expected JSON
type is taken as it is, anything else goes through the lenient coercers of `_coerce`. Only after
a failure does the slow path (`_locate`) walk the value to name the field.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import cattrs

from ._codegen import CAN_SHARE, Compiler, Memo, StructureFn
from ._coerce import (
    _OPTIONAL_SCALARS,
    Hook,
    _optional_inner,
    _to_bool,
    _to_decimal,
    _to_float,
    _to_int,
    _to_str,
    parse_date,
    parse_datetime,
)
from ._gcpause import gc_paused
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

# Lists from this length on are structured with the cyclic GC paused (see `_gcpause`).
_PAUSE_GC_FROM = 64


# --- generic types -------------------------------------------------------------------------------


def _is_optional(type_: Any) -> bool:
    return _optional_inner(type_) is not None


def _make_optional_hook(type_: Any, conv: cattrs.Converter) -> Hook:
    """Build one specialised hook for ``X | None``: a single call per field."""
    inner = _optional_inner(type_)
    scalar = _OPTIONAL_SCALARS.get(inner)
    if scalar is not None:
        return scalar
    if attrs.has(inner):
        optional_model = _compiler.optional(inner)
        return lambda value, _: optional_model(value, None)
    inner_hook = conv.get_structure_hook(inner)

    def structure_optional(value: Any, _: Any) -> Any:
        return None if value is None else inner_hook(value, inner)

    return structure_optional


def _is_list(type_: Any) -> bool:
    return typing.get_origin(type_) is list


def _make_list_hook(type_: Any, conv: cattrs.Converter) -> Hook:
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


def _make_model_hook(cls: Any) -> Hook:
    structure_model = _compiler.function(cls)
    return lambda value, _: structure_model(value, None)


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


_HOURLY_POINT_KEYS = frozenset({"time", "value"})


def _hourly_point(base: StructureFn) -> StructureFn:
    def structure_hourly_point(value: Any, memo: Memo | None) -> HourlyPoint:
        if isinstance(value, dict):
            time, number = value.get("time"), value.get("value")
        elif isinstance(value, list) and len(value) == 2:
            time, number = value
        else:
            raise TypeError(f"expected a [time, value] pair, got {value!r:.60}")
        point = HourlyPoint(
            time=_hourly_time(time), value=0.0 if number is None else _to_float(number)
        )
        if isinstance(value, dict) and not _HOURLY_POINT_KEYS.issuperset(value):
            extra = {k: v for k, v in value.items() if k not in _HOURLY_POINT_KEYS}
            object.__setattr__(point, "_extra", types.MappingProxyType(extra))
        return point

    return structure_hourly_point


def _sim_stats(base: StructureFn) -> StructureFn:
    def structure_sim_stats(value: Any, memo: Memo | None) -> SimStats:
        # The official spec declares an array; the API sends an object. Accept both.
        if isinstance(value, list) and len(value) <= 1:
            value = value[0] if value else {}
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {type(value).__name__}")
        stats: SimStats = base(value, memo)
        return stats

    return structure_sim_stats


def _daily_stats(base: StructureFn) -> StructureFn:
    def structure_daily_stats(value: Any, memo: Memo | None) -> DailyStats:
        day = value.get("date")
        if isinstance(day, str) and day.strip().upper() == "TOTAL":
            value = {**value, "date": None, "is_total": True}
        stats: DailyStats = base(value, memo)
        return stats

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


def _organisation(base: StructureFn) -> StructureFn:
    def structure_organisation(value: Any, memo: Memo | None) -> Organisation:
        flat = {
            nested: {"id": value[key]}
            for nested, key in _ORGANISATION_FLAT_IDS
            if value.get(nested) is None and value.get(key) is not None
        }
        organisation: Organisation = base({**value, **flat} if flat else value, memo)
        return organisation

    return structure_organisation


def _sim_counts(base: StructureFn) -> StructureFn:
    def structure_sim_counts(value: Any, memo: Memo | None) -> SimCounts:
        # The schema says factory_mode, the example and the API factory_test.
        if "factory_test" not in value and "factory_mode" in value:
            value = {**value, "factory_test": value["factory_mode"]}
        counts: SimCounts = base(value, memo)
        return counts

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


def _camel_case(names: tuple[str, ...]) -> Callable[[StructureFn], StructureFn]:
    """Read each of `names` from its camelCase key when the snake-case one is absent."""
    pairs = tuple((name, _camel(name)) for name in names)

    def wrap(base: StructureFn) -> StructureFn:
        def structure_camel_case(value: Any, memo: Memo | None) -> Any:
            renamed = {
                name: value[camel] for name, camel in pairs if camel in value and name not in value
            }
            return base({**value, **renamed} if renamed else value, memo)

        return structure_camel_case

    return wrap


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
    conv.register_structure_hook_factory(attrs.has, _make_model_hook)
    conv.register_unstructure_hook(_dt.datetime, lambda v: v.isoformat())
    conv.register_unstructure_hook(_dt.date, lambda v: v.isoformat())
    return conv


converter: cattrs.Converter = _make_converter()
"""The shared converter; it structures every attrs model with the generated functions."""

_compiler = Compiler(converter.get_structure_hook)
_compiler.customize(HourlyPoint, _hourly_point)
_compiler.customize(SimStats, _sim_stats)
_compiler.customize(DailyStats, _daily_stats)
_compiler.customize(
    Organisation, _organisation, also_known=tuple(key for _, key in _ORGANISATION_FLAT_IDS)
)
_compiler.customize(SimCounts, _sim_counts, also_known=("factory_mode",))
for _cls, _names in _CAMEL_CASE_KEYS.items():
    _compiler.customize(_cls, _camel_case(_names), also_known=tuple(map(_camel, _names)))


# What structuring raises on a value of the wrong kind (detailed validation is off, for speed);
# OverflowError: an epoch timestamp out of range (2**70).
_STRUCTURE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError)


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
        if attrs.has(cls):
            built: T = _compiler.function(cls)(obj, None)
            return built
        return converter.structure(obj, cls)
    except _STRUCTURE_ERRORS:
        error = _shape_error(obj, cls)
    raise error


def structure_list(items: Iterable[Any], cls: type[T]) -> list[T]:
    """Structure a JSON array (one page of a listing) into a list of ``cls``.

    Nested objects with the same JSON text become one shared (immutable) instance, so the items
    must be decoded JSON: dicts, lists, strings, numbers, booleans and None.

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
    if attrs.has(cls):
        fn = _compiler.function(cls)
    else:
        hook = converter.get_structure_hook(cls)
        fn = lambda item, _: hook(item, cls)  # noqa: E731
    memo: Memo | None = {} if CAN_SHARE else None
    try:
        if len(items) < _PAUSE_GC_FROM:
            return [fn(item, memo) for item in items]
        with gc_paused():
            return [fn(item, memo) for item in items]
    except _STRUCTURE_ERRORS:
        error = _shape_error(items, list[cls], cls.__name__)  # type: ignore[valid-type]
    raise error


def unstructure(obj: Any) -> Any:
    """Turn a request model into JSON-ready data, leaving out every field left at its default."""
    return converter.unstructure(obj)
