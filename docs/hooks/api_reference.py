"""MkDocs hook: the API reference pages, and a build warning for each missing docstring.

The pages under ``reference/`` are generated on every build from the ``__all__`` of the public
packages (`PACKAGES`), so a resource, model or exception added to ``__all__`` shows up in the
reference with no edit to the docs. Each exported object goes to the first page of its package
whose ``where`` prefixes match the module that defines it, else to its package's catch-all page
(``where=()``). An object re-exported from an earlier package (the sync facade re-exports the
models and exceptions of ``emnify_async``) is documented once, on that package's page.

Every public class, function, method and property of those objects must have a docstring: each
one without is logged as a warning naming it, which ``mkdocs build --strict`` turns into a
failed build.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import griffe

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Page:
    """One generated page of the reference."""

    uri: str
    title: str
    intro: str
    package: str
    """The module whose exports the page draws from."""
    where: tuple[str, ...] = ()
    """Prefixes of the defining modules it takes; empty: whatever its package's others do not."""
    members: list[str] = field(default_factory=list, compare=False)
    """The public paths placed on it (``emnify_async.AsyncSims``), filled by `plan`."""


def pages() -> list[Page]:
    """The reference's generated pages, in the order a name is matched against them."""
    return [
        Page(
            "reference/client.md",
            "The client",
            "`AsyncEmnify`, the asyncio client: its options, its API areas and `request()`.",
            "emnify_async",
            ("emnify_async._client",),
        ),
        Page(
            "reference/resources.md",
            "API areas",
            "The API areas of `AsyncEmnify`, one class each (`client.sims` is an `AsyncSims`).",
            "emnify_async",
            ("emnify_async.resources",),
        ),
        Page(
            "reference/models.md",
            "Models",
            "The frozen attrs models the calls return, and the named status ids.",
            "emnify_async",
            ("emnify_async.models",),
        ),
        Page(
            "reference/errors.md",
            "Errors",
            "Every exception the SDK raises derives from `EmnifyError`.",
            "emnify_async",
            ("emnify_async._exceptions",),
        ),
        Page(
            "reference/pagination-and-bulk.md",
            "Pagination and bulk results",
            "What list calls return (`AsyncPager`, `Page`) and what bulk changes report.",
            "emnify_async",
            ("emnify_async._pagination", "emnify_async._bulk"),
        ),
        Page(
            "reference/options.md",
            "Options and types",
            "Retry and rate-limit settings, event hooks, and the types of arguments.",
            "emnify_async",
        ),
        Page(
            "reference/sync.md",
            "emnify_sync",
            "The blocking facade, generated from `emnify_async`: the same areas, methods, "
            "arguments and docstrings. Its models, exceptions and option types are those of "
            "`emnify_async`, re-exported (see the other pages of this reference).",
            "emnify_sync",
        ),
        Page(
            "reference/webhooks.md",
            "emnify_async.webhooks",
            "Receiving what emnify pushes: Data Streamer records and MO SMS callbacks, parsed; "
            "callback tokens verified (see the [webhooks guide](../guides/webhooks.md)).",
            "emnify_async.webhooks",
        ),
        Page(
            "reference/testing.md",
            "emnify_async.testing",
            "The emulator of the emnify API, for your tests and demos "
            "(see the [emulator guide](../emulator.md)).",
            "emnify_async.testing",
        ),
        Page(
            "reference/pytest-plugin.md",
            "pytest plugin",
            'Enable it with `pytest_plugins = ["emnify_async.testing.pytest_plugin"]`; '
            "its fixtures:",
            "emnify_async.testing.pytest_plugin",
        ),
    ]


def load(packages: Sequence[str], search_path: Path = ROOT) -> griffe.ModulesCollection:
    """Load the packages statically, as mkdocstrings does, with their aliases resolved."""
    loader = griffe.GriffeLoader(search_paths=[search_path], docstring_parser="google")
    for package in dict.fromkeys(name.split(".")[0] for name in packages):
        loader.load(package)
    loader.resolve_aliases(external=True)
    return loader.modules_collection


def exports(module: griffe.Module) -> list[str]:
    """The public names of a module: its ``__all__``, else what it defines (not imports).

    Without ``__all__`` (the pytest plugin), pytest's hook implementations are left out.
    """
    if module.exports is not None:
        return [name if isinstance(name, str) else name.name for name in module.exports]
    return [
        name
        for name, member in module.members.items()
        if not name.startswith("_")
        and not member.is_alias
        and not member.is_module
        and not name.startswith("pytest_")
        and member.is_function
    ]


def plan(modules: griffe.ModulesCollection, layout: list[Page]) -> list[Page]:
    """Place every exported object of the pages' packages on one page; returns `layout`."""
    placed: set[str] = set()
    for package in dict.fromkeys(page.package for page in layout):
        module = modules[package]
        own = [page for page in layout if page.package == package]
        for name in exports(module):
            target = _target(module[name])
            if target.path in placed:
                continue
            placed.add(target.path)
            page = next((p for p in own if p.where and _within(target, p.where)), None)
            page = page or next(p for p in own if not p.where)
            page.members.append(f"{package}.{name}")
    return layout


def render(page: Page, modules: griffe.ModulesCollection, public: set[str]) -> str:
    """The Markdown of a page: a title, its intro and one mkdocstrings block per object.

    A class that only the SDK builds (its constructor takes a class of the SDK that is not
    `public`, as the API areas take the transport) is shown without its constructor, and
    without bases that are not public either.
    """
    blocks = ""
    for path in page.members:
        blocks += f"::: {path}\n"
        target = _target(modules[path])
        if target.is_class and _built_by_the_sdk(target, public):
            blocks += "    options:\n      merge_init_into_class: false\n"
            bases = [name for base in target.bases for name in _names(base)]
            if any(_private_class(name, modules, public) for name in bases):
                blocks += "      show_bases: false\n"
        blocks += "\n"
    return (
        "<!-- Generated by docs/hooks/api_reference.py from __all__; do not edit. -->\n"
        f"# {page.title}\n\n{page.intro}\n\n{blocks}"
    )


def public_targets(modules: griffe.ModulesCollection, layout: list[Page]) -> set[str]:
    """The objects on the pages: where they are defined, and their public paths."""
    placed = [path for page in layout for path in page.members]
    return {*placed, *(_target(modules[path]).path for path in placed)}


def undocumented(modules: griffe.ModulesCollection, paths: Sequence[str]) -> list[str]:
    """The public classes, functions, methods and properties among `paths` with no docstring."""
    missing: list[str] = []
    seen: set[str] = set()
    for path in paths:
        missing.extend(_undocumented(modules[path], path, seen))
    return missing


def _undocumented(obj: griffe.Object | griffe.Alias, path: str, seen: set[str]) -> Iterator[str]:
    target = _target(obj)
    if target.path in seen or not _needs_docstring(target):
        return
    seen.add(target.path)
    if not (target.docstring and target.docstring.value.strip()):
        yield path
    if target.is_class:
        for name, member in target.members.items():
            if not name.startswith("_") and not member.is_alias:
                yield from _undocumented(member, f"{path}.{name}", seen)


def _needs_docstring(obj: griffe.Object) -> bool:
    if obj.is_class or obj.is_function:
        return True
    return obj.is_attribute and bool({"property", "cached_property"} & obj.labels)


def _built_by_the_sdk(cls: griffe.Object, public: set[str]) -> bool:
    init = cls.all_members.get("__init__")
    if init is None:
        return False
    return any(
        _private_class(name, cls.modules_collection, public)
        for parameter in _target(init).parameters
        if parameter.annotation is not None
        for name in _names(parameter.annotation)
    )


def _names(annotation: object) -> Iterator[str]:
    """The canonical paths of the names an annotation (or a base class) mentions."""
    if isinstance(annotation, griffe.ExprName):
        yield annotation.canonical_path
    elif isinstance(annotation, griffe.Expr):
        for part in annotation.iterate(flat=True):
            if isinstance(part, griffe.ExprName):
                yield part.canonical_path


def _private_class(path: str, modules: griffe.ModulesCollection, public: set[str]) -> bool:
    """Whether `path` names a class of the SDK that is in no public ``__all__``."""
    if path in public or path.split(".")[0] not in {p.split(".")[0] for p in public}:
        return False
    try:
        obj = _target(modules[path])
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return False
    return obj.is_class and obj.path not in public


def _target(obj: griffe.Object | griffe.Alias) -> griffe.Object:
    return obj.final_target if isinstance(obj, griffe.Alias) else obj


def _within(obj: griffe.Object, prefixes: tuple[str, ...]) -> bool:
    return any(obj.path == p or obj.path.startswith(p + ".") for p in prefixes)


# -- MkDocs events ---------------------------------------------------------------------------


def on_files(files: Any, config: Any) -> Any:
    """Add the generated reference pages; warn about each missing docstring."""
    from mkdocs.structure.files import File

    layout = pages()
    modules = load([page.package for page in layout])
    plan(modules, layout)
    public = public_targets(modules, layout)
    for page in layout:
        files.append(File.generated(config, page.uri, content=render(page, modules, public)))
    for path in undocumented(modules, [p for page in layout for p in page.members]):
        log.warning("%s has no docstring: the API reference needs one", path)
    return files
