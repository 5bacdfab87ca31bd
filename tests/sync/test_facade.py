"""The generated facade: up to date, same surface as the async core, no async types leaking."""

from __future__ import annotations

import collections.abc
import inspect
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import emnify_async
import emnify_sync
from emnify_sync import Emnify, Organisations, Pager, SimBatches, Sims, Tariffs

ROOT = Path(__file__).resolve().parents[2]
PAIRS = [
    (emnify_async.AsyncEmnify, Emnify),
    (emnify_async.AsyncSims, Sims),
    (emnify_async.AsyncSimBatches, SimBatches),
    (emnify_async.AsyncOrganisations, Organisations),
    (emnify_async.AsyncTariffs, Tariffs),
]
ASYNC_MARKERS = (
    collections.abc.Coroutine,
    collections.abc.Awaitable,
    collections.abc.AsyncIterator,
    collections.abc.AsyncIterable,
    collections.abc.AsyncGenerator,
    emnify_async.AsyncPager,
    emnify_async.AsyncEmnify,
)


def _public(cls: type) -> dict[str, object]:
    return {
        name: value
        for klass in cls.__mro__
        if klass.__module__.startswith(("emnify_async", "emnify_sync"))
        for name, value in vars(klass).items()
        if not name.startswith("_") and (inspect.isfunction(value) or isinstance(value, property))
    }


def _walk(hint: object) -> typing.Iterator[object]:
    yield hint
    for arg in typing.get_args(hint):
        yield from _walk(arg)


def test_checked_in_facade_matches_the_generator() -> None:
    """`scripts/generate_sync.py --check` passes: the facade is regenerated with every change."""
    result = subprocess.run(
        [sys.executable, "scripts/generate_sync.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("async_cls", "sync_cls"), PAIRS, ids=lambda c: c.__name__)
def test_same_methods_and_parameters(async_cls: type, sync_cls: type) -> None:
    """Every public method of the async class exists in the sync one, with the same parameters."""
    async_members = _public(async_cls)
    sync_members = _public(sync_cls)

    assert set(async_members) <= set(sync_members)
    for name, member in async_members.items():
        if inspect.isfunction(member):
            sync_params = list(inspect.signature(sync_members[name]).parameters)  # type: ignore[arg-type]
            assert list(inspect.signature(member).parameters) == sync_params, name


@pytest.mark.parametrize("cls", [Emnify, Sims, SimBatches, Pager], ids=lambda c: c.__name__)
def test_no_async_type_leaks_into_the_sync_api(cls: type) -> None:
    """No sync method is a coroutine function or is annotated with an async type."""
    for name, member in _public(cls).items():
        func = member.fget if isinstance(member, property) else member
        assert not inspect.iscoroutinefunction(func), name
        assert not inspect.isasyncgenfunction(func), name
        hints = typing.get_type_hints(func, vars(sys.modules[cls.__module__]))
        for hint in hints.values():
            for part in _walk(hint):
                origin = typing.get_origin(part) or part
                assert not (isinstance(origin, type) and issubclass(origin, ASYNC_MARKERS)), (
                    name,
                    hint,
                )


def test_models_and_errors_are_the_same_objects() -> None:
    """emnify_sync re-exports the very classes of emnify_async, so either import catches."""
    for name in ("Sim", "NotFoundError", "EmnifyError", "SimStatusId", "Page", "RetryPolicy"):
        assert getattr(emnify_sync, name) is getattr(emnify_async, name)


def test_docstrings_are_copied() -> None:
    """Method docstrings come from the async core."""
    assert Sims.get.__doc__ is not None
    assert emnify_async.AsyncSims.get.__doc__ is not None
    assert inspect.cleandoc(emnify_async.AsyncSims.get.__doc__) == inspect.cleandoc(
        Sims.get.__doc__
    )


def test_every_export_resolves() -> None:
    """Every name in emnify_sync.__all__ exists."""
    for name in emnify_sync.__all__:
        assert hasattr(emnify_sync, name), name
