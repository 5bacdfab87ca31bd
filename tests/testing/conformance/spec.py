"""The vendored spec: emnify's official ``enterprise.yaml`` plus the project's MNO supplement.

Operations that no published spec covers (tariff CRUD and creating a child organisation's
inclusive volume, from emnify's MNO and reseller API) come from ``mno_supplement.yaml``, a
small schema written from emnify's docs and merged into the official spec's paths; it is not
an emnify document, so ``from_supplement`` marks the operations validated against it.
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

# Known deviation applied to every operation: the real API (spec examples, recorded
# cassettes; notes section 2) writes timestamps as "2019-08-01T11:49:46.000+0000", an offset
# without a colon, which RFC 3339 "date-time" rejects. Only that offset form is relaxed;
# test_timestamp_deviation_is_real proves the strict check rejects it.
_EMNIFY_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)")


def _date_time(value: str) -> bool:
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


def resolve(node: Any) -> Any:
    """``node`` with its ``$ref`` (to ``#/components/...``) followed, repeatedly."""
    spec = raw_spec()
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operation(method: str, pattern: str) -> dict[str, Any] | None:
    item = raw_spec()["paths"].get(pattern)
    return None if item is None else item.get(method.lower())


def response(method: str, pattern: str, status: int) -> dict[str, Any] | None:
    """The documented response of ``status`` (or ``default``), ``None`` when undocumented."""
    op = operation(method, pattern)
    if op is None:
        return None
    responses = op.get("responses", {})
    entry = responses.get(str(status), responses.get(status, responses.get("default")))
    return None if entry is None else resolve(entry)


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
