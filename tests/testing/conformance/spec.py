"""The vendored specs: emnify's official ``enterprise.yaml`` plus the project's MNO supplement,
and the assembly of emnify's newer public docs for what the official spec lacks.

Operations that no published spec covers (tariff CRUD and creating a child organisation's
inclusive volume, from emnify's MNO and reseller API) come from ``mno_supplement.yaml``, a
small schema written from emnify's docs and merged into the official spec's paths; it is not
an emnify document, so ``from_supplement`` marks the operations validated against it.

Operations in neither (eUICCs, SIM operations, bulk endpoints...) are validated against
``emnify-api-openapi.yml`` (``from_newer_docs``), a third-party OpenAPI 3.1 assembly of
docs.emnify.com (see its header). Only those operations are taken from it, with the schemas
they use (``newer_spec``), and three artefacts of the assembly are undone on load: component
names with spaces (invalid in OpenAPI) get underscores, every component name gets the prefix
``newer.`` (so that ``resolve`` never confuses it with the supplement's), and the ``content``
of a 204 (a ``{}`` schema: a 204 has no body by definition) or of an answer whose schema the
assembly marks "Empty response body" (a 201 whose docs show none) is dropped.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from openapi_core import Config, OpenAPI

SPEC_DIR = Path(__file__).parents[1] / "spec"
SPEC_PATH = SPEC_DIR / "enterprise.yaml"
SUPPLEMENT_PATH = SPEC_DIR / "mno_supplement.yaml"
NEWER_DOCS_PATH = SPEC_DIR / "emnify-api-openapi.yml"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_METHODS = ("get", "put", "post", "patch", "delete")
_COMPONENT_REF = "#/components/schemas/"
_NEWER_PREFIX = "newer."

# Known deviation applied to every operation: the real API (spec examples, recorded
# cassettes; notes section 2) writes timestamps as "2019-08-01T11:49:46.000+0000", an offset
# without a colon, which RFC 3339 "date-time" rejects. Only that offset form is relaxed;
# test_timestamp_deviation_is_real proves the strict check rejects it.
_EMNIFY_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)")


def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True  # a format constrains strings only (the newer docs allow null: type [..])
    if not _EMNIFY_DATE_TIME.fullmatch(value):
        return False
    dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@functools.cache
def raw_spec() -> dict[str, Any]:
    """The merged spec as plain data (do not modify: it is shared)."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        spec: dict[str, Any] = yaml.safe_load(handle)
    with SUPPLEMENT_PATH.open(encoding="utf-8") as handle:
        supplement = yaml.safe_load(handle)
    assert not set(supplement["paths"]) & set(spec["paths"]), "the supplement must only add"
    spec["paths"].update(supplement["paths"])
    for section, entries in supplement["components"].items():
        spec["components"].setdefault(section, {}).update(entries)
    return spec


@functools.cache
def supplement_paths() -> frozenset[str]:
    with SUPPLEMENT_PATH.open(encoding="utf-8") as handle:
        return frozenset(yaml.safe_load(handle)["paths"])


def from_supplement(pattern: str) -> bool:
    """Whether the operation is validated against the project's supplement, not emnify's spec."""
    return pattern in supplement_paths()


def load(relaxed: bool = True) -> OpenAPI:
    spec = copy.deepcopy(raw_spec())
    if not relaxed:
        return OpenAPI.from_dict(spec)
    return OpenAPI.from_dict(spec, config=Config(extra_format_validators={"date-time": _date_time}))


# --- the newer docs -----------------------------------------------------------------------------


@functools.cache
def _newer_document() -> dict[str, Any]:
    with NEWER_DOCS_PATH.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.load(handle, Loader=_LOADER)
        return document


def _component_name(name: str) -> str:
    return _NEWER_PREFIX + re.sub(r"[^a-zA-Z0-9._-]", "_", name)


def _renamed(node: Any) -> Any:
    """``node`` (a part of the newer docs) with its component references renamed."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_COMPONENT_REF):
            node = {**node, "$ref": _COMPONENT_REF + _component_name(ref[len(_COMPONENT_REF) :])}
        return {key: _renamed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_renamed(value) for value in node]
    return node


def _references(node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_COMPONENT_REF):
            found.add(ref[len(_COMPONENT_REF) :])
        for value in node.values():
            _references(value, found)
    elif isinstance(node, list):
        for value in node:
            _references(value, found)


def _empty_body(response: dict[str, Any], document: dict[str, Any]) -> bool:
    """A response whose schema the assembly wrote for "no body": ``{type: object, properties:
    {}, description: "Empty response body"}`` (a 201 whose docs show nothing)."""
    schema = (response.get("content") or {}).get("application/json", {}).get("schema") or {}
    ref = schema.get("$ref", "")
    if ref.startswith(_COMPONENT_REF):
        schema = document["components"]["schemas"].get(ref[len(_COMPONENT_REF) :], {})
    return schema.get("description") == "Empty response body" and not schema.get("properties")


def _without_empty_content(operation_: dict[str, Any], document: dict[str, Any]) -> dict[str, Any]:
    responses = dict(operation_.get("responses") or {})
    for status, response in responses.items():
        if status == "204" or _empty_body(response, document):
            responses[status] = {k: v for k, v in response.items() if k != "content"}
    return {**operation_, "responses": responses}


@functools.cache
def newer_spec() -> dict[str, Any]:
    """The newer docs' operations that the official spec (and supplement) lack, with the
    component schemas they use (do not modify: it is shared)."""
    document = _newer_document()
    official = raw_spec()["paths"]
    paths: dict[str, Any] = {}
    for pattern, item in document["paths"].items():
        known = official.get(pattern, {})
        added = {
            method: _without_empty_content(op, document)
            for method, op in item.items()
            if method in _METHODS and method not in known
        }
        if added:
            paths[pattern] = added
    schemas = document["components"]["schemas"]
    needed: set[str] = set()
    pending: set[str] = set()
    _references(paths, pending)
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            _references(schemas[name], pending)
    return {
        "openapi": document["openapi"],
        "info": document["info"],
        "servers": document["servers"],
        "paths": _renamed(paths),
        "components": {
            "schemas": {_component_name(name): _renamed(schemas[name]) for name in needed},
            "securitySchemes": document["components"]["securitySchemes"],
        },
    }


def from_newer_docs(method: str, pattern: str) -> bool:
    """Whether the operation is validated against the newer docs, not the official spec."""
    return method.lower() in newer_spec()["paths"].get(pattern, {})


def load_newer() -> OpenAPI:
    """The newer docs' operations as an ``OpenAPI`` (with emnify's relaxed ``date-time``).

    Not checked as a spec first: that takes seconds, and the assembly's known flaw there (its
    component names) is repaired by ``newer_spec``; a schema openapi-core cannot read still
    fails the cases that use it.
    """
    return OpenAPI.from_dict(
        copy.deepcopy(newer_spec()),
        config=Config(extra_format_validators={"date-time": _date_time}, spec_validator_cls=None),
    )


# --- lookups in either ----------------------------------------------------------------------------


def resolve(node: Any) -> Any:
    """``node`` with its ``$ref`` (to ``#/components/...``) followed, repeatedly, in the spec
    it comes from (the newer docs' components carry the prefix ``newer.``)."""
    while isinstance(node, dict) and "$ref" in node:
        ref: str = node["$ref"]
        newer = ref.startswith(_COMPONENT_REF + _NEWER_PREFIX)
        target: Any = newer_spec() if newer else raw_spec()
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operation(method: str, pattern: str) -> dict[str, Any] | None:
    """The operation in the official spec (and supplement), else in the newer docs."""
    for spec in (raw_spec(), newer_spec()):
        item = spec["paths"].get(pattern)
        if item is not None and method.lower() in item:
            found: dict[str, Any] = item[method.lower()]
            return found
    return None


def response(method: str, pattern: str, status: int) -> dict[str, Any] | None:
    """The documented response of ``status`` (or ``default``), ``None`` when undocumented."""
    op = operation(method, pattern)
    if op is None:
        return None
    responses = op.get("responses", {})
    entry = responses.get(str(status), responses.get(status, responses.get("default")))
    return None if entry is None else resolve(entry)


def error_schemas(method: str, pattern: str) -> list[Any]:
    """The schemas of every error answer (4xx, 5xx) the operation documents."""
    op = operation(method, pattern)
    found = []
    for status in (op or {}).get("responses", {}):
        if str(status)[:1] in ("4", "5"):
            schema = response_schema(method, pattern, int(status))
            if schema is not None:
                found.append(schema)
    return found


def response_schema(method: str, pattern: str, status: int) -> Any:
    entry = response(method, pattern, status)
    content = (entry or {}).get("content") or {}
    media = content.get("application/json") or next(iter(content.values()), None)
    return None if media is None else media.get("schema")


def examples(method: str, pattern: str) -> Iterator[tuple[str, int, Any]]:
    """``(example id, status, value)`` of each example the spec gives for the operation's
    JSON answers (``example`` and ``examples`` of the media type, ``example`` of its schema)."""
    op = operation(method, pattern)
    if op is None:
        return
    for status, entry in op.get("responses", {}).items():
        if not str(status).isdigit():
            continue
        for media in (resolve(entry).get("content") or {}).values():
            schema = resolve(media.get("schema"))
            if isinstance(schema, dict) and "example" in schema:
                yield (
                    f"spec:{op.get('operationId')} {status} schema",
                    int(status),
                    schema["example"],
                )
            if "example" in media:
                yield f"spec:{op.get('operationId')} {status}", int(status), media["example"]
            for name, example in (media.get("examples") or {}).items():
                value = resolve(example).get("value")
                yield f"spec:{op.get('operationId')} {status} {name}", int(status), value
