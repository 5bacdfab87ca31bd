"""Generate `emnify_sync/_generated.py`, the blocking facade, from the `emnify_async` classes.

    python scripts/generate_sync.py            # rewrite the files
    python scripts/generate_sync.py --check    # exit 1 if a checked-in file is stale

What it wraps, and nothing else (anything public it cannot wrap stops it with an error):
- the API areas: every `functools.cached_property` of `AsyncEmnify` whose annotation is an
  `AsyncResource`, and the same on those resources (nested areas), recursively;
- every public coroutine method becomes a blocking method that runs it on the private loop;
- every public method returning exactly `AsyncPager[X]` returns `Pager[X]`;
- properties delegate; `with_options()` returns a blocking view; `close()` closes;
- methods decorated with `legacy_arguments(ADAPTER)` get the same adapter, so both packages
  accept the same old spellings.
Signatures, annotations, defaults and docstrings are copied from the async code, so the facade
cannot drift from the core without this check failing.
"""

from __future__ import annotations

import argparse
import ast
import builtins
import datetime
import enum
import functools
import inspect
import keyword
import re
import subprocess
import sys
import textwrap
import typing
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import emnify_async  # noqa: E402
from emnify_async import AsyncEmnify  # noqa: E402
from emnify_async._types import NotGiven  # noqa: E402
from emnify_async.resources import _legacy  # noqa: E402
from emnify_async.resources._base import AsyncResource  # noqa: E402

TARGET = ROOT / "emnify_sync" / "_generated.py"
PACKAGE_INIT = ROOT / "emnify_sync" / "__init__.py"
HEADER = "# Generated from emnify_async by scripts/generate_sync.py; do not edit.\n"

# Docstring wording that only makes sense for the async API.
_DOC_REWRITES = [
    ("async for ", "for "),
    ("`await` it", "call `.to_list()`"),
    ("await ", ""),
    ("AsyncPager", "Pager"),
    ("AsyncEmnify", "Emnify"),
    ("`async with ", "`with "),
]
_PAGER = re.compile(r"^AsyncPager\[(.+)\]$")

SYNC_CLIENT_INTRO = """Blocking client for the emnify REST API, over the async core.

Use it as `with Emnify() as client:`, or call `client.close()` when done. Calls run on a
private event loop in a background thread, so it works in scripts, threads and notebooks;
one client may be shared by many threads. In async code use `emnify_async.AsyncEmnify`."""


class GenerateError(SystemExit):
    """Something public the generator cannot wrap faithfully."""

    def __init__(self, what: str) -> None:
        super().__init__(f"generate_sync: {what}")


def sync_name(cls: type) -> str:
    """`AsyncSims` -> `Sims`."""
    return cls.__name__.removeprefix("Async")


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
        try:
            tree = ast.parse(text, mode="eval")
        except SyntaxError as exc:
            raise GenerateError(f"cannot parse {text!r} from {home.__name__}: {exc}") from None
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id not in self.SKIP | self.names.keys():
                self.names[node.id] = self._module_of(node.id, home)

    def add(self, name: str, module: str) -> None:
        self.names[name] = module

    @staticmethod
    def _module_of(name: str, home: ModuleType) -> str:
        obj = getattr(home, name, None)
        if obj is None:
            raise GenerateError(f"cannot resolve {name!r} used in {home.__name__}")
        if isinstance(obj, ModuleType):
            return f"import {obj.__name__}"
        for candidate in (getattr(obj, "__module__", None), "emnify_async", "emnify_async._types"):
            if candidate is None or candidate not in sys.modules:
                continue
            module = sys.modules[candidate]
            exported = getattr(module, "__all__", None)
            if getattr(module, name, None) is obj and (exported is None or name in exported):
                return candidate
        if name in getattr(home, "__all__", ()):
            return home.__name__
        raise GenerateError(f"{name!r} is exported by no module; add it to an __all__")

    def render(self) -> str:
        by_module: dict[str, list[str]] = {}
        plain: list[str] = []
        for name, module in self.names.items():
            if module.startswith("import "):
                plain.append(module)
            else:
                by_module.setdefault(module, []).append(name)
        lines = sorted(set(plain)) + [
            f"from {module} import {', '.join(sorted(names))}"
            for module, names in sorted(by_module.items())
        ]
        return "\n".join(lines)


def render_default(value: Any, imports: Imports, where: str) -> str:
    """A default value as source; only values that round-trip exactly."""
    plain = isinstance(value, (bool, int, float, str)) and not isinstance(value, enum.Enum)
    if value is None or plain:
        return repr(value)
    if isinstance(value, NotGiven):
        imports.add("NOT_GIVEN", "emnify_async")
        return "NOT_GIVEN"
    if isinstance(value, enum.Enum):
        cls = type(value)
        imports.scan(cls.__name__, sys.modules[cls.__module__])
        return f"{cls.__name__}.{value.name}"
    if type(value) is datetime.date:
        imports.add("datetime", "import datetime")
        return f"datetime.date({value.year}, {value.month}, {value.day})"
    if isinstance(value, tuple) and all(isinstance(v, (int, str, float)) for v in value):
        return repr(value)
    raise GenerateError(f"cannot render the default {value!r} of {where}")


def render_annotation(annotation: Any, where: str) -> str:
    """An annotation as source: the string itself, or a rendering of a live type."""
    if isinstance(annotation, str):
        return annotation
    if annotation is None or annotation is type(None):
        return "None"
    if isinstance(annotation, type) and typing.get_origin(annotation) is None:
        return annotation.__name__
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Union or (origin is not None and "UnionType" in type(annotation).__name__):
        return " | ".join(render_annotation(arg, where) for arg in args)
    if origin is not None and args:
        name = getattr(origin, "__name__", None)
        if name is None:
            raise GenerateError(f"cannot render the annotation {annotation!r} of {where}")
        return f"{name}[{', '.join(render_annotation(arg, where) for arg in args)}]"
    raise GenerateError(f"cannot render the annotation {annotation!r} of {where}")


def render_params(func: Any, imports: Imports, home: ModuleType) -> tuple[str, str]:
    """The parameter list of the sync method, and the arguments to forward to the async one."""
    signature = inspect.signature(func)
    params: list[str] = []
    forward: list[str] = []
    star_done = False
    where = func.__qualname__
    for param in signature.parameters.values():
        if param.name == "self":
            params.append("self")
            continue
        text = param.name
        if param.annotation is not inspect.Parameter.empty:
            annotation = sync_annotation(render_annotation(param.annotation, where))
            imports.scan(annotation, home)
            text += f": {annotation}"
        if param.default is not inspect.Parameter.empty:
            text += f" = {render_default(param.default, imports, where)}"
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            if not star_done:
                params.append("*")
                star_done = True
            forward.append(f"{param.name}={param.name}")
        elif param.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            forward.append(param.name)
        else:
            raise GenerateError(f"unsupported kind of parameter {param.name!r} in {where}")
        params.append(text)
    return ", ".join(params), ", ".join(forward)


def _legacy_adapter(func: Any, imports: Imports) -> str:
    adapter = getattr(func, "__emnify_legacy__", None)
    if adapter is None:
        return ""
    for name, value in vars(_legacy).items():
        if value is adapter and name.isupper():
            imports.add(name, _legacy.__name__)
            imports.add("legacy_arguments", _legacy.__name__)
            return f"    @legacy_arguments({name})\n"
    raise GenerateError(f"the legacy adapter of {func.__qualname__} has no name in _legacy")


def render_method(name: str, func: Any, target: Callable[[str], str], imports: Imports) -> str:
    """A blocking method that runs (or pages) the async method `name`.

    `target(client)` is the source of the async object that has the method, given the source
    of the async client (`client` inside the loop, `self._handle.client` outside).
    """
    home = sys.modules[func.__module__]
    params, forward = render_params(func, imports, home)
    raw_returns = render_annotation(inspect.signature(func).return_annotation, func.__qualname__)
    returns = sync_annotation(raw_returns)
    imports.scan(returns, home)
    if inspect.iscoroutinefunction(func):
        if "AsyncPager" in raw_returns:
            raise GenerateError(f"{func.__qualname__} is async and returns a pager")
        body = f"return self._handle.run(lambda client: {target('client')}.{name}({forward}))"
    elif _PAGER.match(raw_returns):
        pager = f"{target('self._handle.client')}.{name}({forward})"
        body = f"return Pager(self._handle, {pager})"
    else:
        raise GenerateError(
            f"don't know how to wrap {func.__qualname__} -> {raw_returns} (a public method "
            "must be a coroutine or return exactly AsyncPager[...])"
        )
    doc = textwrap.indent(f'"""{sync_doc(func.__doc__)}\n"""', " " * 8)
    decorator = _legacy_adapter(func, imports)
    return f"{decorator}    def {name}({params}) -> {returns}:\n{doc}\n        {body}\n"


def areas(cls: type) -> list[tuple[str, type, str]]:
    """The API areas of `cls`: (attribute, resource class, docstring)."""
    found = []
    hints = typing.get_type_hints
    for name, value in vars(cls).items():
        if not isinstance(value, functools.cached_property):
            continue
        try:
            returns = hints(value.func)["return"]
        except Exception as exc:
            raise GenerateError(
                f"cannot resolve the type of {cls.__name__}.{name}: {exc}"
            ) from None
        if not (isinstance(returns, type) and issubclass(returns, AsyncResource)):
            raise GenerateError(f"{cls.__name__}.{name} is a cached property but not an area")
        found.append((name, returns, value.__doc__ or ""))
    return found


def public_members(cls: type) -> list[tuple[str, Any]]:
    """Public methods of a resource class (its own and inherited, not AsyncResource's)."""
    members = []
    for klass in reversed(cls.__mro__):
        if klass in (object, AsyncResource):
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or isinstance(value, functools.cached_property):
                continue
            if not inspect.isfunction(value):
                raise GenerateError(f"cannot wrap {klass.__name__}.{name} ({type(value).__name__})")
            members.append((name, value))
    return members


def render_area_attributes(found: list[tuple[str, type, str]], owner: str) -> str:
    return "".join(
        "\n    @functools.cached_property\n"
        f"    def {name}(self) -> {sync_name(cls)}:\n"
        f'        """{sync_doc(doc)}"""\n'
        f"        return {sync_name(cls)}(self._handle, lambda client: {owner}.{name})\n"
        for name, cls, doc in found
    )


def render_resource(cls: type, imports: Imports, rendered: dict[type, str]) -> None:
    """Render `cls` (and its nested areas first) into `rendered`."""
    if cls in rendered:
        return
    nested = areas(cls)
    for _, sub, _ in nested:
        render_resource(sub, imports, rendered)
    methods = "\n".join(
        render_method(name, func, lambda client: f"self._area({client})", imports)
        for name, func in public_members(cls)
    )
    doc = textwrap.indent(f'"""{sync_doc(cls.__doc__)}"""', "    ")
    rendered[cls] = (
        f"class {sync_name(cls)}:\n{doc}\n\n"
        "    def __init__(\n"
        f"        self, handle: ClientHandle, area: Callable[[AsyncEmnify], {cls.__name__}]\n"
        "    ) -> None:\n"
        "        self._handle = handle\n"
        "        self._area = area\n"
        f"{render_area_attributes(nested, 'self._area(client)')}\n"
        f"{methods}"
    )
    imports.scan(cls.__name__, sys.modules[cls.__module__])


def render_client(found: list[tuple[str, type, str]], imports: Imports) -> str:
    home = sys.modules[AsyncEmnify.__init__.__module__]
    params, forward = render_params(AsyncEmnify.__init__, imports, home)
    args = sync_doc(AsyncEmnify.__doc__).split("\n\nArgs:", 1)[1]
    doc = textwrap.indent(f'"""{SYNC_CLIENT_INTRO}\n\nArgs:{args}\n"""', "    ")
    members = []
    for name, value in vars(AsyncEmnify).items():
        if name.startswith("_") or isinstance(value, functools.cached_property):
            continue
        if isinstance(value, property):
            returns = render_annotation(
                inspect.signature(value.fget).return_annotation,  # type: ignore[arg-type]
                f"AsyncEmnify.{name}",
            )
            imports.scan(returns, home)
            members.append(
                f"    @property\n    def {name}(self) -> {returns}:\n"
                f'        """{sync_doc(value.__doc__)}"""\n'
                f"        return self._handle.client.{name}\n"
            )
        elif name == "close":
            members.append(
                "    def close(self) -> None:\n"
                f'        """{sync_doc(value.__doc__)}"""\n'
                "        self._handle.close()\n"
            )
        elif name == "with_options":
            params_view, forward_view = render_params(value, imports, home)
            view_doc = textwrap.indent(f'"""{sync_doc(value.__doc__)}\n"""', " " * 8)
            members.append(
                f"    def with_options({params_view}) -> Emnify:\n{view_doc}\n"
                "        return Emnify._view(\n"
                "            self._handle.derive(\n"
                f"                lambda client: client.with_options({forward_view})\n"
                "            )\n"
                "        )\n"
            )
        elif inspect.isfunction(value):
            members.append(render_method(name, value, lambda client: client, imports))
        else:
            raise GenerateError(f"cannot wrap AsyncEmnify.{name} ({type(value).__name__})")
    return (
        f"class Emnify:\n{doc}\n\n"
        f"    def __init__({params}) -> None:\n"
        f"        self._handle = ClientHandle(lambda: AsyncEmnify({forward}))\n"
        "        self._handle.release_on_collect(self)\n\n"
        "    @classmethod\n"
        "    def _view(cls, handle: ClientHandle) -> Emnify:\n"
        "        view = cls.__new__(cls)\n"
        "        view._handle = handle\n"
        "        return view\n"
        f"{render_area_attributes(found, 'client')}\n" + "\n".join(members) + "\n"
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


def all_areas() -> list[type]:
    """Every resource class reachable from the client, nested ones included."""
    seen: dict[type, None] = {}
    todo = [cls for _, cls, _ in areas(AsyncEmnify)]
    while todo:
        cls = todo.pop(0)
        if cls not in seen:
            seen[cls] = None
            todo.extend(sub for _, sub, _ in areas(cls))
    return list(seen)


def generate() -> str:
    imports = Imports()
    rendered: dict[type, str] = {}
    found = areas(AsyncEmnify)
    for _, cls, _ in found:
        render_resource(cls, imports, rendered)
    client = render_client(found, imports)
    exported = sorted(["Emnify", *(sync_name(cls) for cls in rendered)])
    source = (
        HEADER
        + '"""The blocking facade over emnify_async: same resources, methods and docstrings."""\n\n'
        "from __future__ import annotations\n\n"
        "import builtins\n"
        "import functools\n"
        "from collections.abc import Callable\n"
        "from types import TracebackType\n\n"
        "from emnify_async import AsyncEmnify\n"
        f"{imports.render()}\n\n"
        "from ._bridge import ClientHandle, Pager\n\n"
        f"__all__ = {exported!r}\n\n\n" + "\n\n".join([*rendered.values(), client])
    )
    try:
        compile(source, str(TARGET), "exec")
    except SyntaxError as exc:
        line = source.splitlines()[(exc.lineno or 1) - 1]
        raise GenerateError(f"generated code does not compile: {exc.msg}: {line!r}") from None
    return format_source(source)


def generate_init() -> str:
    # Async-only classes (AsyncEmnify, AsyncPager, the Async* resources) stay behind.
    shared = sorted(
        name
        for name in emnify_async.__all__
        if not name.startswith("Async") and name != "__version__"
    )
    own = ["AsyncUsageWarning", "Emnify", "Pager", *(sync_name(cls) for cls in all_areas())]
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
    return {TARGET: generate(), PACKAGE_INIT: generate_init()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
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
