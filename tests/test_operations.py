"""The declarations of the operation layer, held against the official spec (and supplement)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from emnify_async import _constants
from emnify_async._operation import Operation, Returns
from emnify_async._ops import ALL

SPEC_DIR = Path(__file__).parent / "testing" / "spec"


def _paths() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for name in ("enterprise.yaml", "mno_supplement.yaml"):
        spec = yaml.safe_load((SPEC_DIR / name).read_text())
        paths.update(spec["paths"])
    return paths


PATHS = _paths()


def _documented(op: Operation[Any]) -> dict[str, Any]:
    entry = PATHS.get(op.path, {}).get(op.method.lower())
    assert entry is not None, f"{op.method} {op.path} is in no spec"
    return dict(entry)


@pytest.mark.parametrize("op", ALL, ids=lambda op: op.id)
def test_declaration_matches_the_spec(op: Operation[Any]) -> None:
    """Method, path, operationId and the documented success statuses agree with the spec."""
    documented = _documented(op)
    successes = {int(code) for code in documented["responses"] if str(code).startswith("2")}

    assert documented["operationId"] == op.id
    assert successes <= op.success, f"{op.id} refuses a documented success {successes}"
    assert all(200 <= status < 300 for status in op.success)


@pytest.mark.parametrize("op", ALL, ids=lambda op: op.id)
def test_paged_exactly_where_the_spec_documents_paging(op: Operation[Any]) -> None:
    """An operation is paged when its 200 answer documents `X-Total-Pages`."""
    answer = _documented(op)["responses"].get("200", {})
    headers = {name.lower() for name in answer.get("headers") or {}}

    assert (op.returns is Returns.PAGE) == ("x-total-pages" in headers)


@pytest.mark.parametrize("op", ALL, ids=lambda op: op.id)
def test_public_exactly_where_the_spec_needs_no_token(op: Operation[Any]) -> None:
    """An operation is sent without logging in when the spec says `security: []`."""
    assert op.public == (_documented(op).get("security") == [])


def test_every_declaration_is_unique() -> None:
    """No operation is declared twice."""
    keys = [(op.method, op.path) for op in ALL]

    assert len(keys) == len(set(keys))
    assert len({op.id for op in ALL}) == len(ALL)


def test_page_maxima_are_the_documented_ones() -> None:
    """Paged operations take at most the per_page emnify documents for them."""
    maxima = {op.path: op.max_per_page for op in ALL if op.returns is Returns.PAGE}

    assert maxima == {
        "/api/v1/sim": _constants.SIM_MAX_PER_PAGE,
        "/api/v1/sim/{sim_id}/event": _constants.EVENT_MAX_PER_PAGE,
        "/api/v1/endpoint": _constants.ENDPOINT_MAX_PER_PAGE,
        "/api/v1/endpoint/{endpoint_id}/event": _constants.EVENT_MAX_PER_PAGE,
        "/api/v1/event": _constants.EVENT_MAX_PER_PAGE,
        "/api/v1/user": _constants.USER_MAX_PER_PAGE,
        "/api/v1/user/{user_id}/event": _constants.EVENT_MAX_PER_PAGE,
    }


def test_coverage_document_is_current() -> None:
    """`docs/api-coverage.md` is what `scripts/generate_coverage.py` makes of the code."""
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "scripts/generate_coverage.py", "--check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
