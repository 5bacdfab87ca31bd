"""The declarations of the operation layer, held against the spec that documents each.

Operations of emnify's official spec are held against `enterprise.yaml` (plus the project's
MNO supplement); those marked `source="newer-docs"` against the vendored assembly of the newer
public docs, `emnify-api-openapi.yml`, which drops every response header: there, an operation
is taken as paged where it takes `page` and `per_page`, the API's convention for lists that
answer with the `X-Total-Pages` headers.
"""

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
NEWER_DOCS = "emnify-api-openapi.yml"
# The 730 KB assembly loads in a fraction of a second with libyaml, in seconds without.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _paths(*names: str) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for name in names:
        with (SPEC_DIR / name).open(encoding="utf-8") as handle:
            paths.update(yaml.load(handle, Loader=_LOADER)["paths"])
    return paths


PATHS = _paths("enterprise.yaml", "mno_supplement.yaml")
NEWER_PATHS = _paths(NEWER_DOCS)
NEWER = [op for op in ALL if op.source == "newer-docs"]


def _documented(op: Operation[Any]) -> dict[str, Any]:
    paths = NEWER_PATHS if op.source == "newer-docs" else PATHS
    entry = paths.get(op.path, {}).get(op.method.lower())
    where = NEWER_DOCS if op.source == "newer-docs" else "the official spec"
    assert entry is not None, f"{op.method} {op.path} is not in {where}"
    return dict(entry)


def _query_parameters(entry: dict[str, Any]) -> set[str]:
    return {p["name"] for p in entry.get("parameters") or () if p.get("in") == "query"}


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
    """An operation is paged when its 200 answer documents `X-Total-Pages`; in the newer docs,
    which drop every header, when it takes `page` and `per_page` (assumed from the API's
    conventions: every such list answers with the pagination headers)."""
    documented = _documented(op)
    if op.source == "newer-docs":
        paged = {"page", "per_page"} <= _query_parameters(documented)
    else:
        answer = documented["responses"].get("200", {})
        paged = "x-total-pages" in {name.lower() for name in answer.get("headers") or {}}

    assert (op.returns is Returns.PAGE) == paged


@pytest.mark.parametrize("op", NEWER, ids=lambda op: op.id)
def test_newer_docs_only_where_the_official_spec_is_silent(op: Operation[Any]) -> None:
    """An operation the official spec documents is declared against it, not the newer docs."""
    assert op.method.lower() not in PATHS.get(op.path, {})


@pytest.mark.parametrize("op", NEWER, ids=lambda op: op.id)
def test_newer_docs_queries_are_documented(op: Operation[Any]) -> None:
    """Every query parameter a newer-docs declaration sends is one the docs list."""
    assert set(op.query) <= _query_parameters(_documented(op))


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
        # The newer docs: 1-1000 for eUICC lists (docs.emnify.com); only the default (100) is
        # documented for SIM operations, the same maximum is assumed.
        "/api/v1/euicc": _constants.EUICC_MAX_PER_PAGE,
        "/api/v1/euicc/{euicc_id}/operation": _constants.EUICC_MAX_PER_PAGE,
        "/api/v1/sim/operation": _constants.SIM_OPERATION_MAX_PER_PAGE,
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
