"""Generated structure functions: one plain Python function per model class, built on first use.

cattrs' generated hooks call one hook per field and then the frozen class's ``__init__``, which
sets every field through ``object.__setattr__``. The functions built here instead test each value
for the exact JSON type its field expects and keep it as it is (the common case), hand anything
else to the lenient coercer of `_coerce` (which converts it or raises, exactly as before), fill
the slots of a mutable twin of the class and then give the instance its real class. Keys a model
does not declare go to its ``extra``.

A function takes ``(value, memo)``. With a memo (one dict per page), nested objects whose JSON
text is identical become one shared instance: models are immutable, and a page of SIMs then
builds each status, organisation and SIM model once instead of once per SIM.
"""

from __future__ import annotations

import datetime as _dt
import sys
import threading
import types
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._coerce import (
    _OPTIONAL_SCALARS,
    _UTC,
    _as_utc,
    _optional_bool,
    _optional_datetime,
    _optional_float,
    _optional_inner,
    _optional_int,
    _optional_json_object,
    _optional_str,
    _parse_datetime_compat,
    _parse_datetime_fallback,
    _to_int,
)

try:
    import orjson
except ImportError:  # pragma: no cover - exercised only without the speed extra
    _dumps: Callable[..., bytes] | None = None
    _loads: Callable[[bytes], Any] | None = None
    _OPTIONS = 0
else:
    _dumps = orjson.dumps
    _loads = orjson.loads
    # Subclasses, datetimes and dataclasses raise instead of passing as their JSON look-alikes.
    _OPTIONS = (
        orjson.OPT_PASSTHROUGH_SUBCLASS
        | orjson.OPT_PASSTHROUGH_DATETIME
        | orjson.OPT_PASSTHROUGH_DATACLASS
    )


__all__ = ["CAN_SHARE", "Compiler", "Memo", "StructureFn"]

Memo = dict[tuple[type, bytes], tuple[Any, Any, bool]]
"""Per page: the instances built so far, their values and whether their JSON text has a null,
by class and JSON text of the value."""
StructureFn = Callable[[Any, "Memo | None"], Any]
Hook = Callable[[Any, Any], Any]

CAN_SHARE = _dumps is not None
"""Whether equal nested objects can be shared (it needs orjson to key them cheaply)."""

_MISSING = object()
_FACTORY: type = type(attrs.Factory(list))
_NULL = b"null"
# At most this many instances are kept per page (they are all alive in the page anyway).
_SHARE_LIMIT = 4096


def _extra_of(value: dict[str, Any], known: frozenset[str]) -> Mapping[str, Any] | None:
    extra = {k: v for k, v in value.items() if k not in known}
    return types.MappingProxyType(extra) if extra else None


def _remember(built: Any, cls: type[Any], key: bytes, value: Any, memo: Memo) -> Any:
    """Keep `built` in `memo` for the JSON text `key` of `value`, and return it."""
    if len(memo) < _SHARE_LIMIT:
        # orjson writes NaN and infinities as null: where the text has a null, a later hit
        # compares the values too.
        memo[(cls, key)] = (built, value, key.find(_NULL) >= 0)
    return built


def _decoder_key(key: str) -> str:
    """The str object orjson gives for `key`: it caches the keys it decodes, so a lookup with
    that very object matches by identity instead of comparing text (only faster, either way)."""
    if _dumps is None or _loads is None:  # pragma: no cover - without the speed extra
        return key
    decoded: dict[str, Any] = _loads(_dumps({key: 0}))
    return next(iter(decoded))


def _field_key(field: attrs.Attribute[Any]) -> str:
    # `class_` is sent as `class`.
    return field.name[:-1] if field.name.endswith("_") else field.name


def _twin(cls: type[Any]) -> type[Any]:
    """A subclass of `cls` with the same slots whose instances can be written to."""
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": cls.__module__,
    }
    return type(f"_{cls.__name__}Builder", (cls,), namespace)


class Compiler:
    """Builds and caches the structure function of each attrs model class.

    Args:
        hook_for: The cattrs hook for a field type the generator does not handle itself.
    """

    def __init__(self, hook_for: Callable[[Any], Hook]) -> None:
        self._hook_for = hook_for
        self._lock = threading.RLock()
        self._building: dict[type, StructureFn] = {}
        self._functions: dict[type, StructureFn] = {}
        self._shared: dict[type, StructureFn] = {}
        self._custom: dict[type, tuple[Callable[[StructureFn], StructureFn], frozenset[str]]] = {}

    def customize(
        self,
        cls: type[Any],
        wrap: Callable[[StructureFn], StructureFn],
        also_known: tuple[str, ...] = (),
    ) -> None:
        """Structure `cls` with `wrap(generated)`; `also_known` are wire keys `wrap` consumes."""
        self._custom[cls] = (wrap, frozenset(also_known))

    def function(self, cls: type[Any]) -> StructureFn:
        """The structure function of `cls`."""
        fn = self._functions.get(cls)
        if fn is not None:
            return fn
        with self._lock:  # one thread generates; the others wait for the finished function
            fn = self._functions.get(cls) or self._building.get(cls)
            if fn is not None:
                return fn
            # Seen by this thread only, should a model refer back to itself.
            self._building[cls] = lambda value, memo: self._functions[cls](value, memo)
            try:
                wrap, also_known = self._custom.get(cls, (None, frozenset()))
                fn = self._generate(cls, also_known)
                if wrap is not None:
                    fn = wrap(fn)
                self._functions[cls] = fn
            finally:
                del self._building[cls]
        return fn

    def shared(self, cls: type[Any]) -> StructureFn:
        """Like `function`, but returns the instance already built for equal JSON in `memo`."""
        fn = self._shared.get(cls)
        if fn is None:
            with self._lock:
                fn = self._shared.get(cls)
                if fn is None:
                    fn = self._shared[cls] = self._sharing(cls, self.function(cls))
        return fn

    def optional(self, cls: type[Any]) -> StructureFn:
        """The lenient structure function of an optional `cls` field given a non-dict value."""
        fn = self.shared(cls)
        has_id = "id" in attrs.fields_dict(cls)

        def structure_optional_model(value: Any, memo: Memo | None) -> Any:
            if type(value) is dict:
                return fn(value, memo)
            if value is None or value == "":
                return None
            if isinstance(value, Mapping):
                return fn(dict(value), memo)
            if has_id and (type(value) is int or (isinstance(value, str) and value.isdigit())):
                return fn({"id": value}, memo)
            raise TypeError(f"expected an object, got {type(value).__name__}")

        return structure_optional_model

    @staticmethod
    def _sharing(cls: type[Any], build: StructureFn) -> StructureFn:
        dumps, options = _dumps, _OPTIONS
        if dumps is None or not _looks_shared(cls):
            return build

        def structure_shared(value: Any, memo: Memo | None) -> Any:
            if memo is None:
                return build(value, memo)
            try:
                key = dumps(value, None, options)
            except TypeError:  # not plain JSON (or too big an int): build it on its own
                return build(value, memo)
            entry = memo.get((cls, key))
            if entry is None or (entry[2] and entry[1] != value):
                return _remember(build(value, memo), cls, key, value, memo)
            return entry[0]

        return structure_shared

    def _generate(self, cls: type[Any], also_known: frozenset[str]) -> StructureFn:
        # Annotations can be text (`from __future__ import annotations`): evaluate them first.
        fields = attrs.fields(attrs.resolve_types(cls))
        name = cls.__name__
        env: dict[str, Any] = {
            "type": type,
            "dict": dict,
            "str": str,
            "int": int,
            "float": float,
            "new": object.__new__,
            "Twin": _twin(cls),
            "Class": cls,
            "MISSING": _MISSING,
            "extra_of": _extra_of,
            "UTC": _UTC,
            "as_utc": _as_utc,
            "fromisoformat": _dt.datetime.fromisoformat,
            "timestamp_fallback": _parse_datetime_fallback,
            "parse_timestamp": _parse_datetime_compat,
            "to_int": _to_int,
        }
        lines: list[str] = []
        stores: list[str] = []
        required: list[str] = []
        optional: list[str] = []
        for index, field in enumerate(fields):
            key = _field_key(field)
            var = f"v{index}"
            (required if field.default is attrs.NOTHING else optional).append(key)
            lines += self._field_lines(field, key, var, index, env)
            stores.append(f"    x.{field.name} = {var}")
        known = frozenset(map(_decoder_key, [*required, *optional, *also_known]))
        env["KNOWN"] = known
        env["FIELDS"] = len(fields)
        env["REQUIRED"] = tuple(required)
        env["OPTIONAL"] = tuple(optional)
        source = "\n".join(
            [
                f"def structure_{name}(o, m):",
                "    if type(o) is not dict:",
                "        return from_other(o, m)",
                "    g = o.get",
                "    a = 0  # declared keys missing from o",
                *lines,
                "    x = new(Twin)",
                *stores,
                "    if len(o) + a > FIELDS:  # o has keys besides the declared ones",
                "        e = extra_of(o, KNOWN)",
                "        if e is not None:",
                "            x._extra = e",
                "    x.__class__ = Class",
                "    return x",
                "",
                "def from_other(o, m):",
                "    # What cattrs does with a value that is not a dict: look each key up in it.",
                "    if isinstance(o, Mapping):",
                f"        return structure_{name}(dict(o), m)",
                "    picked = {key: o[key] for key in OPTIONAL if key in o}",
                "    for key in REQUIRED:",
                "        picked[key] = o[key]",
                f"    return structure_{name}(picked, m)",
            ]
        )
        env["Mapping"] = Mapping
        code = compile(source + "\n", f"<emnify structure {cls.__module__}.{name}>", "exec")
        exec(code, env)
        fn: StructureFn = env[f"structure_{name}"]
        return fn

    def _field_lines(
        self, field: attrs.Attribute[Any], key: str, var: str, index: int, env: dict[str, Any]
    ) -> list[str]:
        """Statements that leave the structured value of `field` in `var`."""
        type_: Any = field.type
        hook = f"h{index}"
        env[f"k{index}"] = _decoder_key(key)
        inner = _optional_inner(type_)
        if inner is not None and field.default is None:
            # Optional with a None default: a missing key and null both give None.
            head = f"    {var} = g(k{index})"
            return [head, *self._optional_lines(inner, type_, var, f"k{index}", hook, env)]
        if field.default is attrs.NOTHING:
            lines = [f"    {var} = o[k{index}]"]
            indent = "    "
        else:
            default: Any = field.default
            factory = isinstance(default, _FACTORY)
            env[f"d{index}"] = default.factory if factory else default
            call = "()" if factory else ""
            lines = [
                f"    {var} = g(k{index}, MISSING)",
                f"    if {var} is MISSING:",
                "        a += 1",
                f"        {var} = d{index}{call}",
                "    else:",
            ]
            indent = "        "
        if type_ is int:
            lines.append(f"{indent}if type({var}) is not int: {var} = to_int({var})")
        elif attrs.has(type_):
            env[hook] = self.function(type_)
            lines.append(f"{indent}{var} = {hook}({var}, m)")
        else:
            env[hook] = self._hook_for(type_)
            env[f"t{index}"] = type_
            lines.append(f"{indent}{var} = {hook}({var}, t{index})")
        return lines

    def _optional_lines(
        self, inner: Any, type_: Any, var: str, key: str, hook: str, env: dict[str, Any]
    ) -> list[str]:
        """Statements for an `inner | None` field whose raw value (maybe None) is in `var`.

        None is null or a missing key: only then is `key` looked up, to count it in `a` when
        missing; that count tells whether `o` has keys besides the declared ones.
        """
        v = var

        def none(indent: str) -> list[str]:
            return [f"{indent}if {v} is None:", f"{indent}    if {key} not in o: a += 1"]

        if inner is int or inner is float:
            env[hook] = _optional_int if inner is int else _optional_float
            return [
                f"    if type({v}) is not {inner.__name__}:",
                *none("        "),
                f"        else: {v} = {hook}({v}, None)",
            ]
        if inner is str:
            env[hook] = _optional_str
            return [
                f"    if type({v}) is not str:",
                *none("        "),
                f"        elif type({v}) is int: {v} = str({v})",
                f"        else: {v} = {hook}({v}, None)",
            ]
        if inner is bool:
            env[hook] = _optional_bool
            return [
                f"    if {v} is not True and {v} is not False:",
                *none("        "),
                f"        else: {v} = {hook}({v}, None)",
            ]
        if inner is _dt.datetime:
            env[hook] = _optional_datetime
            if sys.version_info >= (3, 11):
                parse = [
                    f"        try: {v} = fromisoformat({v})",
                    f"        except ValueError: {v} = timestamp_fallback({v})",
                    "        else:",
                    f"            if {v}.tzinfo is not UTC: {v} = as_utc({v})",
                ]
            else:  # pragma: no cover - Python 3.10
                parse = [f"        {v} = parse_timestamp({v})"]
            return [
                f"    if type({v}) is str and {v}:",
                *parse,
                f"    elif {v} is None:",
                f"        if {key} not in o: a += 1",
                f"    else: {v} = {hook}({v}, None)",
            ]
        if _OPTIONAL_SCALARS.get(inner) is _optional_json_object:
            env[hook] = _optional_json_object
            return [
                f"    if type({v}) is not dict:",
                *none("        "),
                f"        else: {v} = {hook}({v}, None)",
            ]
        if attrs.has(inner):
            env[hook] = self.optional(inner)
            if _dumps is None or not _looks_shared(inner):
                env[f"s{hook}"] = self.function(inner)
                return [
                    *none("    "),
                    f"    elif type({v}) is dict: {v} = s{hook}({v}, m)",
                    f"    else: {v} = {hook}({v}, m)",
                ]
            # The shared path of `structure_shared`, inline: a call less per nested object.
            env.update(dumps=_dumps, OPTIONS=_OPTIONS, remember=_remember)
            env[f"b{hook}"] = self.function(inner)
            env[f"c{hook}"] = inner
            return [
                *none("    "),
                f"    elif type({v}) is dict and m is not None:",
                f"        try: key = dumps({v}, None, OPTIONS)",
                f"        except TypeError: {v} = b{hook}({v}, m)",
                "        else:",
                f"            e = m.get((c{hook}, key))",
                f"            if e is not None and (not e[2] or e[1] == {v}): {v} = e[0]",
                f"            else: {v} = remember(b{hook}({v}, m), c{hook}, key, {v}, m)",
                f"    else: {v} = {hook}({v}, m)",
            ]
        # Anything else (dates, lists, enums...): the converter's hook, which maps None to None.
        env[hook] = _OPTIONAL_SCALARS.get(inner) or self._hook_for(type_)
        env[f"t{hook}"] = type_
        return [*none("    "), f"    else: {v} = {hook}({v}, t{hook})"]


def _looks_shared(cls: type[Any]) -> bool:
    """Whether objects of `cls` repeat within a page: lookup values (a status, an organisation,
    a SIM model), not records with timestamps of their own (a SIM's endpoint)."""
    for field in attrs.fields(attrs.resolve_types(cls)):
        inner = _optional_inner(field.type) or field.type
        if inner in (_dt.datetime, _dt.date) or (attrs.has(inner) and not _looks_shared(inner)):
            return False
    return True
