"""Generate `emnify_sync/_generated.py`, the blocking facade, from the `emnify_async` classes.

    python scripts/generate_sync.py            # rewrite the file
    python scripts/generate_sync.py --check    # exit 1 if the checked-in file is stale

Every public coroutine method becomes a blocking method that runs it on the private loop;
every method returning `AsyncPager[X]` returns `Pager[X]`; properties delegate. Signatures,
annotations, defaults and docstrings are copied from the async code, so the facade cannot
drift from the core without this check failing.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import inspect
import keyword
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import emnify_async  # noqa: E402
from emnify_async import AsyncEmnify  # noqa: E402
from emnify_async.resources._base import AsyncResource  # noqa: E402

TARGET = ROOT / "emnify_sync" / "_generated.py"
PACKAGE_INIT = ROOT / "emnify_sync" / "__init__.py"
HEADER = "# Generated from emnify_async by scripts/generate_sync.py; do not edit.\n"

# Docstring wording that only makes sense for the async API.
_DOC_REWRITES = [
    ("async for ", "for "),
    ("await ", ""),
    ("AsyncPager", "Pager"),
    ("AsyncEmnify", "Emnify"),
    ("`async with ", "`with "),
]


def sync_name(cls: type) -> str:
    """`AsyncSims` -> `Sims`."""
    return cls.__name__.removeprefix("Async")


SYNC_CLIENT_INTRO = """Blocking client for the emnify REST API, over the async core.

Use it as `with Emnify() as client:`, or call `client.close()` when done. Calls run on a
private event loop in a background thread, so it works in scripts, threads and notebooks;
one client may be shared by many threads. In async code use `emnify_async.AsyncEmnify`."""


def sync_doc(doc: str | None) -> str:
    text = inspect.cleandoc(doc or "")
    for old, new in _DOC_REWRITES:
        text = text.replace(old, new)
    return text


def sync_annotation(text: str) -> str:
    return re.sub(r"\bAsyncPager\[", "Pager[", text)


class Imports:
    """Resolves every name an emitted annotation or default uses to an explicit import."""

    SKIP = frozenset(dir(builtins)) | frozenset(keyword.kwlist) | {"Pager", "builtins"}

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def scan(self, text: str, home: ModuleType) -> None:
        """Record the names an annotation or default expression refers to (not its strings)."""
        tree = ast.parse(text, mode="eval")
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id not in self.SKIP | self.names.keys():
                self.names[node.id] = self._module_of(node.id, home)

    @staticmethod
    def _module_of(name: str, home: ModuleType) -> str:
        obj = getattr(home, name, None)
        if obj is None:
            raise SystemExit(f"generate_sync: cannot resolve {name!r} used in {home.__name__}")
        for candidate in (getattr(obj, "__module__", None), "emnify_async", "emnify_async._types"):
            if candidate is None or candidate not in sys.modules:
                continue
            module = sys.modules[candidate]
            exported = getattr(module, "__all__", None)
            if getattr(module, name, None) is obj and (exported is None or name in exported):
                return candidate
        if name in getattr(home, "__all__", ()):
            return home.__name__
        raise SystemExit(f"generate_sync: {name!r} is exported by no module; add it to __all__")

    def render(self) -> str:
        by_module: dict[str, list[str]] = {}
        for name, module in self.names.items():
            by_module.setdefault(module, []).append(name)
        lines = [
            f"from {module} import {', '.join(sorted(names))}"
            for module, names in sorted(by_module.items())
        ]
        return "\n".join(lines)


def render_params(func: Any, imports: Imports, home: ModuleType) -> tuple[str, str]:
    """The parameter list of the sync method, and the arguments to forward to the async one."""
    signature = inspect.signature(func)
    params: list[str] = []
    forward: list[str] = []
    star_done = False
    for param in signature.parameters.values():
        if param.name == "self":
            params.append("self")
            continue
        text = param.name
        if param.annotation is not inspect.Parameter.empty:
            annotation = sync_annotation(str(param.annotation))
            imports.scan(annotation, home)
            text += f": {annotation}"
        if param.default is not inspect.Parameter.empty:
            default = repr(param.default)
            imports.scan(default, home)
            text += f" = {default}"
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            if not star_done:
                params.append("*")
                star_done = True
            forward.append(f"{param.name}={param.name}")
        elif param.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            forward.append(param.name)
        else:
            raise SystemExit(f"generate_sync: unsupported parameter kind in {func.__qualname__}")
        params.append(text)
    return ", ".join(params), ", ".join(forward)


def render_method(name: str, func: Any, target: str, imports: Imports, indent: str = "    ") -> str:
    home = sys.modules[func.__module__]
    params, forward = render_params(func, imports, home)
    returns = sync_annotation(str(inspect.signature(func).return_annotation))
    imports.scan(returns, home)
    call = f"{target}.{name}({forward})"
    if inspect.iscoroutinefunction(func):
        body = f"return self._handle.run(lambda client: client.{call})"
    elif returns.startswith("Pager["):
        body = f"return Pager(self._handle, self._handle.client.{call})"
    else:
        raise SystemExit(f"generate_sync: don't know how to wrap {func.__qualname__}")
    doc = textwrap.indent(f'"""{sync_doc(func.__doc__)}\n"""', indent * 2)
    return f"{indent}def {name}({params}) -> {returns}:\n{doc}\n{indent * 2}{body}\n"


def public_methods(cls: type) -> list[tuple[str, Any]]:
    methods = []
    for klass in reversed(cls.__mro__):
        if klass in (object, AsyncResource):
            continue
        for name, value in vars(klass).items():
            if not name.startswith("_") and inspect.isfunction(value):
                methods.append((name, value))
    return methods


def render_resource(attribute: str, cls: type, imports: Imports) -> str:
    methods = "\n".join(
        render_method(name, func, attribute, imports) for name, func in public_methods(cls)
    )
    doc = textwrap.indent(f'"""{sync_doc(cls.__doc__)}"""', "    ")
    return (
        f"class {sync_name(cls)}:\n{doc}\n\n"
        "    def __init__(self, handle: ClientHandle) -> None:\n"
        "        self._handle = handle\n\n"
        f"{methods}"
    )


def resources() -> list[tuple[str, type]]:
    probe = AsyncEmnify("probe", base_url="http://127.0.0.1:1")
    return [
        (name, type(value))
        for name, value in vars(probe).items()
        if isinstance(value, AsyncResource)
    ]


def render_client(found: list[tuple[str, type]], imports: Imports) -> str:
    # The defining module: `AsyncEmnify.__module__` reads "emnify_async" (see its __init__).
    home = sys.modules[AsyncEmnify.__init__.__module__]
    params, forward = render_params(AsyncEmnify.__init__, imports, home)
    args = sync_doc(AsyncEmnify.__doc__).split("\n\nArgs:", 1)[1]
    doc = textwrap.indent(f'"""{SYNC_CLIENT_INTRO}\n\nArgs:{args}\n"""', "    ")
    attributes = "\n".join(
        f"        self.{name} = {sync_name(cls)}(self._handle)\n"
        f'        """{sync_doc(cls.__doc__)}"""'
        for name, cls in found
    )
    properties = []
    methods = []
    for name, value in vars(AsyncEmnify).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            returns = str(inspect.signature(value.fget).return_annotation)  # type: ignore[arg-type]
            imports.scan(returns, home)
            properties.append(
                f"    @property\n    def {name}(self) -> {returns}:\n"
                f'        """{sync_doc(value.__doc__)}"""\n'
                f"        return self._handle.client.{name}\n"
            )
        elif name == "close":
            methods.append(
                "    def close(self) -> None:\n"
                f'        """{sync_doc(value.__doc__)}"""\n'
                "        self._handle.close()\n"
            )
        elif inspect.iscoroutinefunction(value):
            methods.append(render_method(name, value, "", imports).replace("client..", "client."))
    return (
        f"class Emnify:\n{doc}\n\n"
        f"    def __init__({params}) -> None:\n"
        f"        self._handle = ClientHandle(lambda: AsyncEmnify({forward}))\n"
        "        self._handle.release_on_collect(self)\n"
        f"{attributes}\n\n" + "\n".join(properties + methods) + "\n"
        "    def __enter__(self) -> Emnify:\n"
        "        return self\n\n"
        "    def __exit__(\n"
        "        self,\n"
        "        exc_type: type[BaseException] | None,\n"
        "        exc: BaseException | None,\n"
        "        tb: TracebackType | None,\n"
        "    ) -> None:\n"
        "        self.close()\n\n"
        "    def __repr__(self) -> str:\n"
        '        return repr(self._handle.client).replace("AsyncEmnify", "Emnify", 1)\n'
    )


def generate() -> str:
    imports = Imports()
    found = resources()
    classes = [render_resource(name, cls, imports) for name, cls in found]
    client = render_client(found, imports)
    exported = sorted(["Emnify", *(sync_name(cls) for _, cls in found)])
    source = (
        HEADER
        + '"""The blocking facade over emnify_async: same resources, methods and docstrings."""\n\n'
        "from __future__ import annotations\n\n"
        "import builtins\n"
        "from types import TracebackType\n\n"
        "from emnify_async import AsyncEmnify\n"
        f"{imports.render()}\n\n"
        "from ._bridge import ClientHandle, Pager\n\n"
        f"__all__ = {exported!r}\n\n\n" + "\n\n".join([*classes, client])
    )
    return format_source(source)


def generate_init(found: list[tuple[str, type]]) -> str:
    # Async-only classes (AsyncEmnify, AsyncPager, the Async* resources) stay behind.
    shared = sorted(
        name
        for name in emnify_async.__all__
        if not name.startswith("Async") and name != "__version__"
    )
    own = ["AsyncUsageWarning", "Emnify", "Pager", *(sync_name(cls) for _, cls in found)]
    exported = sorted([*shared, *own, "__version__"])
    generated = [name for name in own if name not in ("Pager", "AsyncUsageWarning")]
    lines = "\n".join(f"    {name}," for name in shared)
    source = (
        HEADER + '"""emnify_sync: the blocking facade over emnify_async.\n\n'
        "    from emnify_sync import Emnify\n\n"
        "    with Emnify() as client:          # EMNIFY_APPLICATION_TOKEN from the environment\n"
        "        for sim in client.sims.list():\n"
        "            print(sim.iccid)\n\n"
        "Models and exceptions are the very objects of emnify_async, re-exported.\n"
        '"""\n\n'
        f"from emnify_async import (\n{lines}\n    __version__,\n)\n\n"
        f"from ._bridge import Pager\n"
        f"from ._generated import {', '.join(sorted(generated))}\n"
        "from ._portal import AsyncUsageWarning\n\n"
        f"__all__ = {exported!r}\n"
    )
    return format_source(source)


def format_source(source: str) -> str:
    ruff = [sys.executable, "-m", "ruff"]
    fixed = (
        subprocess.run(
            [*ruff, "check", "--fix", "--quiet", "--stdin-filename", str(TARGET), "-"],
            input=source,
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
        or source
    )
    formatted = subprocess.run(
        [*ruff, "format", "--quiet", "--stdin-filename", str(TARGET), "-"],
        input=fixed,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return formatted.stdout


def outputs() -> dict[Path, str]:
    """Every generated file and its expected content."""
    return {TARGET: generate(), PACKAGE_INIT: generate_init(resources())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args()
    stale = 0
    for path, source in outputs().items():
        name = path.relative_to(ROOT)
        if args.check:
            if not path.exists() or path.read_text() != source:
                print(f"{name} is stale: run python scripts/generate_sync.py")
                stale += 1
        else:
            path.write_text(source)
            print(f"wrote {name}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
