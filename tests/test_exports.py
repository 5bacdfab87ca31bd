"""One source for the public names: everything public is importable from the top level."""

from __future__ import annotations

import inspect
import typing

import pytest

import emnify_async
import emnify_sync
from emnify_async import (
    _bulk,
    _exceptions,
    _network,
    _pagination,
    _ratelimit,
    _retry,
    _types,
    models,
    resources,
)

# The modules whose `__all__` is public API (the rest are internal helpers).
PUBLIC_SOURCES = [models, _exceptions, resources]
PUBLIC_PICKS = {
    _pagination: {"AsyncPager", "Page"},
    _bulk: {"BulkItem", "BulkResult", "OnResult", "Outcome", "Progress"},
    _ratelimit: {"DOCUMENTED_LIMITS", "PathLimit", "RateLimits"},
    _retry: {"RetryPolicy"},
    _network: {"EventHook", "RequestEvent"},
    _types: set(_types.__all__),
}


def _public_names() -> list[tuple[str, object]]:
    names = [(name, getattr(module, name)) for module in PUBLIC_SOURCES for name in module.__all__]
    names += [
        (name, getattr(module, name)) for module, picks in PUBLIC_PICKS.items() for name in picks
    ]
    return names


@pytest.mark.parametrize(
    ("name", "obj"), _public_names(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_public_name_is_exported_at_the_top(name: str, obj: object) -> None:
    """Every public model, exception, resource and type is `emnify_async.<name>`."""
    assert name in emnify_async.__all__
    assert getattr(emnify_async, name) is obj


def test_top_level_all_has_nothing_undefined() -> None:
    """`__all__` lists only names that exist, each once."""
    assert len(emnify_async.__all__) == len(set(emnify_async.__all__))
    for name in emnify_async.__all__:
        assert hasattr(emnify_async, name), name


def test_sync_package_reexports_the_same_objects() -> None:
    """Every shared name of emnify_async is in emnify_sync, as the very same object."""
    shared = [n for n in emnify_async.__all__ if not n.startswith("Async") and n != "__version__"]

    for name in shared:
        assert name in emnify_sync.__all__, name
        assert getattr(emnify_sync, name) is getattr(emnify_async, name)


@pytest.mark.parametrize(
    "cls",
    [
        getattr(emnify_async, n)
        for n in emnify_async.__all__
        if inspect.isclass(getattr(emnify_async, n))
    ]
    + [
        getattr(emnify_sync, n)
        for n in emnify_sync.__all__
        if inspect.isclass(getattr(emnify_sync, n))
    ],
    ids=lambda cls: f"{cls.__module__.split('.')[0]}.{cls.__name__}",
)
def test_type_hints_resolve_on_every_public_class(cls: type) -> None:
    """`typing.get_type_hints` works on each public class and its public methods."""
    typing.get_type_hints(cls)
    for name, member in vars(cls).items():
        if inspect.isfunction(member) and not name.startswith("_"):
            typing.get_type_hints(member)


def test_help_lists_the_api_areas() -> None:
    """The API areas are declared on the class, so `help()` and IDEs show them."""
    text = inspect.getdoc(emnify_async.AsyncEmnify.sims) or ""
    areas = [
        name
        for name, value in vars(emnify_async.AsyncEmnify).items()
        if "cached_property" in type(value).__name__
    ]

    assert "SIMs" in text
    assert {"sims", "sim_batches", "organisations", "tariffs"} <= set(areas)
    assert {"sims", "sim_batches", "organisations", "tariffs"} <= set(vars(emnify_sync.Emnify))
