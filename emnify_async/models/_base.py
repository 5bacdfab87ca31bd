"""The base of every model: the keys the API sent that a model does not declare.

A field emnify adds is readable before the SDK names it: ``sim.extra["satellite_capable"]``.
``extra`` is a read-only mapping of those keys to their decoded JSON values, empty when there
are none (nested models have their own). It is not part of ``==`` or ``hash()``: two models are
equal when their declared fields are, so comparing a listed SIM with ``Sim(id=1, ...)`` keeps
working when the API starts sending a new key. It shows in ``repr()`` when it is not empty (its
values masked in a model that holds a `Secret`: a key the SDK does not name yet may be one) and
survives ``copy`` and ``pickle``; ``attrs.evolve()`` and the constructor make models without it,
and request bodies never send it back.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from ._secret import Secret

__all__ = ["Model"]

NO_EXTRA: Mapping[str, Any] = types.MappingProxyType({})
_STATE_KEY = "__extra__"
_set = object.__setattr__
_MASKED = Secret("")


class Model:
    """Base of the response models: adds `extra` to the attrs fields."""

    __slots__ = ("_extra",)

    _extra: Mapping[str, Any]

    @property
    def extra(self) -> Mapping[str, Any]:
        """The keys the API sent that this model does not declare (read-only; often empty)."""
        try:
            return self._extra
        except AttributeError:
            return NO_EXTRA

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # attrs builds each slotted class twice; the second one carries its generated methods.
        if "__attrs_attrs__" in cls.__dict__:
            _show_and_keep_extra(cls)


def _holds_secret(cls: type[Any]) -> bool:
    """Whether a field of `cls` is a `Secret` (alone, optional or in a collection)."""

    def mentions(type_: Any) -> bool:
        return type_ is Secret or any(mentions(arg) for arg in typing.get_args(type_))

    return any(mentions(hint) for hint in typing.get_type_hints(cls).values())


def _show_and_keep_extra(cls: type[Any]) -> None:
    """Wrap attrs' `__repr__` and pickling state of `cls` so that they include `extra`."""
    attrs_repr: Callable[[Any], str] = cls.__dict__["__repr__"]
    attrs_getstate: Callable[[Any], dict[str, Any]] = cls.__dict__["__getstate__"]
    attrs_setstate: Callable[[Any, Any], None] = cls.__dict__["__setstate__"]

    secret: list[bool] = []  # whether `cls` holds a Secret, once its hints can be evaluated

    def __repr__(self: Model) -> str:
        text = attrs_repr(self)
        extra: Mapping[str, Any] = self.extra
        if not extra:
            return text
        if not secret:
            secret.append(_holds_secret(cls))
        if secret[0]:
            extra = dict.fromkeys(extra, _MASKED)
        return f"{text[:-1]}, extra={dict(extra)!r})"

    def __getstate__(self: Model) -> dict[str, Any]:
        state = attrs_getstate(self)
        if self.extra:
            state[_STATE_KEY] = dict(self.extra)
        return state

    def __setstate__(self: Model, state: Any) -> None:
        attrs_setstate(self, state)
        extra = state.get(_STATE_KEY) if isinstance(state, dict) else None
        if extra:
            _set(self, "_extra", types.MappingProxyType(dict(extra)))

    for method in (__repr__, __getstate__, __setstate__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
