"""The emulator's layering, read from its source: route modules stand alone.

A route module (any module of ``emnify_async.testing`` with a top-level ``ROUTES``) builds on
the helpers and the stores; shared logic never lives in one route module for another to
import, so that each new API area is one more independent module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import emnify_async.testing

PACKAGE = "emnify_async.testing"
ROOT = Path(emnify_async.testing.__file__).parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


def _modules() -> dict[str, ast.Module]:
    return {
        _module_name(path): ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(ROOT.rglob("*.py"))
    }


def _is_package(name: str) -> bool:
    return ROOT.joinpath(*name.split(".")[2:]).is_dir()


def _defines_routes(tree: ast.Module) -> bool:
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == "ROUTES" for t in targets):
            return True
    return False


def _imports(name: str, tree: ast.Module, is_package: bool) -> set[str]:
    """Every module ``name`` imports, relative imports resolved; ``from x import y`` gives
    both ``x`` and ``x.y`` (y may be a module)."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_route_modules_do_not_import_each_other() -> None:
    modules = _modules()
    routes = {name for name, tree in modules.items() if _defines_routes(tree)}
    assert len(routes) >= 9, routes  # the check must see the route modules
    offences = []
    for name in sorted(routes):
        imported = _imports(name, modules[name], _is_package(name))
        offences += [f"{name} imports {other}" for other in sorted(imported & routes - {name})]
    assert not offences, "move shared logic into a helper or a store:\n" + "\n".join(offences)


def test_only_the_application_imports_route_modules() -> None:
    """Helpers and stores must not depend on a route module either."""
    modules = _modules()
    routes = {name for name, tree in modules.items() if _defines_routes(tree)}
    wiring = {f"{PACKAGE}._app"}
    offences = [
        f"{name} imports {other}"
        for name, tree in sorted(modules.items())
        if name not in routes | wiring
        for other in sorted(_imports(name, tree, _is_package(name)))
        if other in routes
    ]
    assert not offences, "\n".join(offences)


def test_import_resolution() -> None:
    """The checker itself: relative and absolute forms are all seen."""
    tree = ast.parse(
        "from . import sims\nfrom .org_stats import x\n"
        "import emnify_async.testing._routes.tariffs\n"
        "from emnify_async.testing._routes import authenticate\n"
    )
    found = _imports(f"{PACKAGE}._routes.sim_stats", tree, is_package=False)
    assert {
        f"{PACKAGE}._routes.sims",
        f"{PACKAGE}._routes.org_stats",
        f"{PACKAGE}._routes.tariffs",
        f"{PACKAGE}._routes.authenticate",
    } <= found
