"""Old spellings of calls, kept working for one release with a DeprecationWarning.

`@legacy_arguments(ADAPTER)` rewrites a call's arguments from an old form to the current one
before the method runs. The sync facade's generator decorates the blocking twin with the same
adapter, so both packages accept (and warn about) the same old forms.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = [
    "ASSIGN_INCLUSIVE_VOLUME",
    "CREATE_INCLUSIVE_VOLUME",
    "UPDATE_TARIFF",
    "Adapter",
    "legacy_arguments",
]

F = TypeVar("F", bound=Callable[..., Any])
Adapter = Callable[[str, tuple[Any, ...], dict[str, Any]], tuple[tuple[Any, ...], dict[str, Any]]]
"""`adapter(qualname, args, kwargs) -> (args, kwargs)`, warning when it rewrites anything."""


def _deprecated(what: str) -> None:
    warnings.warn(f"{what}; the old form stops working in the next release", DeprecationWarning, 4)


def renamed(**old_to_new: str) -> Adapter:
    """An adapter for keyword arguments that were renamed."""

    def adapt(
        qualname: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> tuple[tuple[Any, ...], dict[str, Any]]:
        for old, new in old_to_new.items():
            if old in kwargs:
                if new in kwargs:
                    raise TypeError(f"{qualname}() got both {old}= and {new}=")
                _deprecated(f"{qualname}(): {old}= is now {new}=")
                kwargs[new] = kwargs.pop(old)
        return args, kwargs

    return adapt


def _assign_inclusive_volume(
    qualname: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    # Old: (inclusive_volume_id, org="my", ...). New: (org="my", *, inclusive_volume_id, ...).
    # The new form takes at most one positional argument, so two, or one without the keyword,
    # can only be the old form.
    if len(args) == 2 or (len(args) == 1 and "inclusive_volume_id" not in kwargs):
        _deprecated(
            f"{qualname}(inclusive_volume_id, org) is now {qualname}(org, inclusive_volume_id=...)"
        )
        volume, *rest = args
        org = rest[0] if rest else kwargs.pop("org", "my")
        return (org,), {**kwargs, "inclusive_volume_id": volume}
    return args, kwargs


ASSIGN_INCLUSIVE_VOLUME: Adapter = _assign_inclusive_volume
CREATE_INCLUSIVE_VOLUME: Adapter = renamed(org_id="org")
UPDATE_TARIFF: Adapter = renamed(org_id="org", tariff_id="tariff")


def legacy_arguments(adapter: Adapter) -> Callable[[F], F]:
    """Accept the old forms `adapter` knows, rewritten to the current signature."""

    def decorate(func: F) -> F:
        qualname = func.__name__
        wrapper: Any
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
                args, kwargs = adapter(qualname, args, kwargs)
                return await func(self, *args, **kwargs)

        else:

            @functools.wraps(func)
            def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
                args, kwargs = adapter(qualname, args, kwargs)
                return func(self, *args, **kwargs)

        wrapper.__emnify_legacy__ = adapter
        return wrapper  # type: ignore[no-any-return]

    return decorate
