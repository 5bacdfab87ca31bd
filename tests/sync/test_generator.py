"""The sync generator wraps what it can faithfully, nested areas included, and refuses the rest."""

from __future__ import annotations

import datetime
import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from emnify_async import AsyncPager, Sim, SimStatusId
from emnify_async.resources._base import AsyncResource

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "generate_sync", ROOT / "scripts/generate_sync.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_sync"] = module
    spec.loader.exec_module(module)
    return module


gen = _generator()


class AsyncInner(AsyncResource):
    """An inner area."""

    async def ping(self, sim_id: int, *, status: int = SimStatusId.ACTIVATED) -> Sim:
        """Ping."""
        raise NotImplementedError

    def pages(self, *, day: datetime.date = datetime.date(2026, 1, 31)) -> AsyncPager[Sim]:
        """Pages."""
        raise NotImplementedError


class AsyncOuter(AsyncResource):
    """An outer area."""

    @functools.cached_property
    def inner(self) -> AsyncInner:
        """The inner area."""
        return AsyncInner(self._transport, page_prefetch=1)

    async def get(self, sim_id: int) -> Sim:
        """Get."""
        raise NotImplementedError


def _render(cls: type) -> dict[type, str]:
    rendered: dict[type, str] = {}
    gen.render_resource(cls, gen.Imports(), rendered)
    return rendered


def test_nested_areas_become_nested_blocking_areas() -> None:
    """An area's own areas are wrapped too, as cached properties of the blocking area."""
    rendered = _render(AsyncOuter)

    assert set(rendered) == {AsyncOuter, AsyncInner}
    outer = rendered[AsyncOuter]
    assert "@functools.cached_property\n    def inner(self) -> Inner:" in outer
    assert "return Inner(self._handle, lambda client: self._area(client).inner)" in outer
    assert "lambda client: self._area(client).get(sim_id)" in outer


def test_enum_and_date_defaults_render_as_source() -> None:
    """Defaults are written as code that evaluates to the same value, never as a repr."""
    inner = _render(AsyncInner)[AsyncInner]

    assert "status: int = SimStatusId.ACTIVATED" in inner
    assert "day: datetime.date = datetime.date(2026, 1, 31)" in inner
    compile(inner, "inner", "exec")


class AsyncReturnsAList(AsyncResource):
    def names(self) -> list[str]:
        return []


class AsyncAwaitsAPager(AsyncResource):
    async def sims(self) -> AsyncPager[Sim]:
        raise NotImplementedError


class AsyncMaybePager(AsyncResource):
    def sims(self) -> AsyncPager[Sim] | None:
        return None


class AsyncOddDefault(AsyncResource):
    async def get(self, marker: object = object()) -> None:
        return None


class AsyncVarArgs(AsyncResource):
    async def get(self, *ids: int) -> None:
        return None


class AsyncNotAnArea(AsyncResource):
    @functools.cached_property
    def helper(self) -> int:
        return 1


class AsyncPropertyOnArea(AsyncResource):
    @property
    def size(self) -> int:
        return 1


@pytest.mark.parametrize(
    ("cls", "why"),
    [
        (AsyncReturnsAList, "don't know how to wrap"),
        (AsyncAwaitsAPager, "async and returns a pager"),
        (AsyncMaybePager, "don't know how to wrap"),
        (AsyncOddDefault, "cannot render the default"),
        (AsyncVarArgs, "unsupported kind of parameter"),
        (AsyncNotAnArea, "not an area"),
        (AsyncPropertyOnArea, "cannot wrap"),
    ],
    ids=lambda v: v.__name__ if isinstance(v, type) else "",
)
def test_anything_it_cannot_wrap_stops_it_loudly(cls: type, why: str) -> None:
    """No silent drop, no unconditional wrapping, no repr that does not parse."""
    with pytest.raises(SystemExit, match=why):
        _render(cls)


def test_checked_in_facade_compiles_and_names_every_area() -> None:
    """The generated facade has a blocking class for every area the async client declares."""
    areas: Any = gen.all_areas()
    source = (ROOT / "emnify_sync/_generated.py").read_text()

    for cls in areas:
        assert f"class {gen.sync_name(cls)}:" in source
