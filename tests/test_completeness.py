"""Every operation of emnify's official spec is in the SDK: declared, a method in both packages,
served by the emulator, and a row of the coverage table.

The list comes from `enterprise.yaml` itself (146 operations), not from the SDK, so an operation
nobody declared fails here by its operationId.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml

import emnify_sync
from emnify_async._operation import Operation
from emnify_async._ops import ALL
from emnify_async.testing._app import ALL_ROUTES

ROOT = Path(__file__).resolve().parent.parent
SPEC = Path(__file__).parent / "testing" / "spec" / "enterprise.yaml"
COVERAGE = (ROOT / "docs" / "api-coverage.md").read_text(encoding="utf-8")
_METHODS = ("get", "post", "put", "patch", "delete")


def _spec_operations() -> list[tuple[str, str, str]]:
    with SPEC.open(encoding="utf-8") as handle:
        paths = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["paths"]
    return [
        (entry["operationId"], method.upper(), path)
        for path, item in paths.items()
        for method, entry in item.items()
        if method in _METHODS
    ]


SPEC_OPERATIONS = _spec_operations()


def _shape(path: str) -> str:
    """The path with its parameter names dropped: `/api/v1/sim/{}`."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def _load_coverage_generator() -> Any:
    path = ROOT / "scripts" / "generate_coverage.py"
    spec = importlib.util.spec_from_file_location("generate_coverage", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Which methods run which declaration: the coverage table's own reading of the code.
CALLS: dict[str, list[tuple[str, str, Any]]] = _load_coverage_generator()._calls_by_operation()


def _sync_attribute(area: str, name: str) -> Any:
    cls: Any = emnify_sync.Emnify
    for part in area.split(".")[1:]:
        cls = typing.get_type_hints(vars(cls)[part].func)["return"]
    return getattr(cls, name, None)


def test_the_spec_has_its_146_operations() -> None:
    assert len(SPEC_OPERATIONS) == 146
    assert len({op_id for op_id, _, _ in SPEC_OPERATIONS}) == 146


@pytest.mark.parametrize(("op_id", "method", "path"), SPEC_OPERATIONS, ids=lambda v: str(v))
def test_every_spec_operation_is_covered(op_id: str, method: str, path: str) -> None:
    declared = [op for op in ALL if (op.method, _shape(op.path)) == (method, _shape(path))]
    assert [op.id for op in declared] == [op_id], f"{op_id}: {method} {path} is not declared"
    (op,) = declared

    methods = [(area, name) for area, name, _ in CALLS.get(op.id, [])]
    assert methods, f"{op_id}: no method of AsyncEmnify runs it"
    for area, name in methods:
        assert callable(_sync_attribute(area, name)), f"{op_id}: Emnify has no {area}.{name}"

    routes = [r for r in ALL_ROUTES if (r.method, _shape(r.path)) == (method, _shape(path))]
    assert routes, f"{op_id}: the emulator serves no {method} {path}"

    (row,) = [line for line in COVERAGE.splitlines() if line.startswith(f"| {op_id} ")]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    area, name = methods[0]
    assert f"{area}.{name}(" in cells[2] and f"{area}.{name}(" in cells[3]


def _names_the_operation(doc: str, op: Operation[Any]) -> bool:
    """Whether a docstring names the operation's whole path (a line may break after a `/`)
    and its operationId."""
    joined = re.sub(r"/\s*\n\s*", "/", doc)
    paths = {_shape(path) for path in re.findall(r"/api/v\d[^\s;),`]*", joined)}
    return _shape(op.path) in paths and re.search(rf"\b{re.escape(op.id)}\b", joined) is not None


@pytest.mark.parametrize("op", ALL, ids=lambda op: op.id)
def test_a_method_documents_each_operations_path_and_id(op: Operation[Any]) -> None:
    """`help()` and the reference tell which HTTP call a method makes, by its spec's names."""
    docs = [inspect.getdoc(func) or "" for _, _, func in CALLS.get(op.id, [])]
    assert any(_names_the_operation(doc, op) for doc in docs), (op.method, op.path)
