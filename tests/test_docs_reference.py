"""The API reference of the docs site covers every public name, each with a docstring.

docs/hooks/api_reference.py generates the reference pages from ``__all__`` on every
``mkdocs build`` and warns (which ``--strict`` makes fatal) for each public class, function,
method or property without a docstring. These tests run the same code without building the
site: on the real packages, and on a small package made for the test.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOOK = ROOT / "docs" / "hooks" / "api_reference.py"
PUBLIC = ("emnify_async", "emnify_sync", "emnify_async.webhooks", "emnify_async.testing")


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_reference", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


hook = _hook()


@pytest.fixture(scope="module")
def layout() -> list[Any]:
    pages = hook.pages()
    return hook.plan(hook.load([page.package for page in pages]), pages)


def test_every_public_name_is_on_a_reference_page(layout: list[Any]) -> None:
    """Each name of a public ``__all__`` is documented once: on a page, or as what it re-exports."""
    modules = hook.load(list(PUBLIC))
    placed = [path for page in layout for path in page.members]
    targets = {
        modules[path].final_target.path if modules[path].is_alias else path for path in placed
    }

    assert len(placed) == len(set(placed))
    for package in PUBLIC:
        for name in modules[package].exports:
            obj = modules[f"{package}.{name}"]
            assert (obj.final_target.path if obj.is_alias else obj.path) in targets, name
    assert (
        "emnify_async.AsyncSims"
        in next(p for p in layout if p.uri.endswith("resources.md")).members
    )
    assert "emnify_sync.Emnify" in next(p for p in layout if p.uri.endswith("sync.md")).members
    assert "emnify_sync.NotFoundError" not in placed  # documented as emnify_async's


def test_every_public_object_has_a_docstring(layout: list[Any]) -> None:
    """What `mkdocs build --strict` checks: no public class, method or property is undocumented."""
    modules = hook.load([page.package for page in layout])

    assert hook.undocumented(modules, [path for page in layout for path in page.members]) == []


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))


def test_a_new_area_is_placed_and_its_missing_docstrings_reported(tmp_path: Path) -> None:
    """A class added to ``__all__`` lands on its page; each undocumented member is named."""
    _write(
        tmp_path,
        {
            "sdk/__init__.py": """
                from ._core import Client, helper
                from .resources import AsyncThings

                __all__ = ["AsyncThings", "Client", "helper"]
            """,
            "sdk/_core.py": '''
                class Transport:
                    """How the client talks to the API."""

                class Client:
                    """The client."""

                def helper() -> None:
                    pass
            ''',
            "sdk/resources/__init__.py": """
                from .things import AsyncThings

                __all__ = ["AsyncThings"]
            """,
            "sdk/resources/things.py": '''
                from .._core import Transport


                class AsyncThings:
                    """The things."""

                    def __init__(self, transport: Transport) -> None:
                        self._transport = transport

                    async def list(self) -> None:
                        """List them."""

                    async def get(self) -> None:
                        pass

                    @property
                    def count(self) -> int:
                        return 0

                    def _private(self) -> None:
                        pass
            ''',
        },
    )
    layout = [
        hook.Page("r/resources.md", "Resources", "", "sdk", ("sdk.resources",)),
        hook.Page("r/other.md", "Other", "", "sdk"),
    ]
    modules = hook.load(["sdk"], tmp_path)

    hook.plan(modules, layout)
    missing = hook.undocumented(modules, [path for page in layout for path in page.members])

    assert [page.members for page in layout] == [["sdk.AsyncThings"], ["sdk.Client", "sdk.helper"]]
    public = hook.public_targets(modules, layout)
    assert hook.render(layout[0], modules, public).endswith(
        "::: sdk.AsyncThings\n    options:\n      merge_init_into_class: false\n\n"
    )  # built by the SDK from a private class: no constructor shown
    assert "::: sdk.Client\n\n" in hook.render(layout[1], modules, public)
    assert missing == ["sdk.AsyncThings.get", "sdk.AsyncThings.count", "sdk.helper"]
