"""What is known of the real answers: recordings, the spec's examples, and their merged shape.

Sources, most trusted first:

- ``tests/recorded/answers.json``: whole answers recorded from emnify's production API
  (emnify's own SDK cassettes, ``shared/notes/recorded_examples.md``);
- ``tests/recorded/issue_answers.json``: the recorded shapes quoted by the issue "The emulator,
  as faithful as a recording": whole answers, and ``fragments`` (the value at one path of an
  operation's answer, or keys it never has);
- the spec's own response examples, corrected where a recording contradicts them: by the
  fragments, and by each area's ``EXAMPLE_FIXES`` (with the evidence).

Their merged :class:`Shape` is what an emulator answer is compared with (``checks``).
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.testing.conformance import spec

RECORDED_DIR = Path(__file__).parents[2] / "recorded"
RECORDING_FILES = ("answers.json", "issue_answers.json")


def template(path: str) -> str:
    """A path template with its parameter names dropped: ``/api/v1/sim/{}``."""
    return re.sub(r"\{[^}]*\}", "{}", path)


@dataclass(frozen=True)
class Recording:
    source: str
    method: str
    path: str
    status: int
    body: Any


@dataclass(frozen=True)
class Fix:
    """A correction of the spec's examples of one operation: the value at ``at`` (``"sim[*].id"``,
    ``"[*].event_source"``) is replaced by ``value``, or removed when ``remove``.

    It must apply to at least one example (else the spec changed and the fix is stale)."""

    method: str
    path: str
    at: str
    reason: str
    value: Any = None
    remove: bool = False
    status: int = 200


@dataclass(frozen=True)
class Twin:
    """Two places that hold the same object, so that what is recorded of one is evidence of
    the other: ``(method, path, at)`` each, ``at`` a path into the answer (``""`` the whole
    answer, ``"[*]"`` each item, ``"[*].sms"``...). E.g. the items of ``GET /api/v1/sim`` and
    the answer of ``GET /api/v1/sim/{sim_id}``."""

    a: tuple[str, str, str]
    b: tuple[str, str, str]
    reason: str


@functools.cache
def _files() -> tuple[dict[str, Any], ...]:
    return tuple(
        json.loads((RECORDED_DIR / name).read_text(encoding="utf-8")) for name in RECORDING_FILES
    )


def recordings() -> list[Recording]:
    """Every whole recorded answer."""
    found = []
    for name, data in zip(RECORDING_FILES, _files(), strict=True):
        for index, answer in enumerate(data.get("answers", [])):
            found.append(
                Recording(
                    f"{name}#{index}",
                    answer["method"],
                    answer["path"],
                    answer["status"],
                    answer["body"],
                )
            )
    return found


def recorded_fixes() -> list[Fix]:
    """The fragments of ``issue_answers.json`` as corrections of the spec's examples."""
    fixes = []
    for data in _files():
        for fragment in data.get("fragments", []):
            reason = fragment.get("evidence", data.get("source", ""))
            for key in fragment.get("absent", []):
                at = f"{fragment['at']}.{key}" if fragment["at"] else key
                fixes.append(Fix(fragment["method"], fragment["path"], at, reason, remove=True))
            if "value" in fragment:
                fixes.append(
                    Fix(
                        fragment["method"],
                        fragment["path"],
                        fragment["at"],
                        reason,
                        fragment["value"],
                    )
                )
    return fixes


def _tokens(at: str) -> list[str]:
    return [token for token in re.split(r"\.|(?=\[\*\])", at) if token]


def apply(fix: Fix, value: Any) -> int:
    """Applies ``fix`` to ``value`` in place; returns how many places it changed."""
    tokens = _tokens(fix.at)

    def walk(node: Any, rest: list[str]) -> int:
        token, rest = rest[0], rest[1:]
        if token == "[*]":
            if not isinstance(node, list):
                return 0
            if not rest:
                raise ValueError(f"{fix.at}: a fix must end with a key")
            return sum(walk(item, rest) for item in node)
        if not isinstance(node, dict) or token not in node:
            return 0
        if rest:
            return walk(node[token], rest)
        if fix.remove:
            del node[token]
        else:
            node[token] = copy.deepcopy(fix.value)
        return 1

    return walk(value, tokens)


def values_at(value: Any, at: str) -> list[Any]:
    """The values at ``at`` (``"[*].sms"``: the ``sms`` of every item) in ``value``."""
    found = [value]
    for token in _tokens(at):
        if token == "[*]":
            found = [item for node in found if isinstance(node, list) for item in node]
        else:
            found = [node[token] for node in found if isinstance(node, dict) and token in node]
    return found


def examples(
    method: str,
    pattern: str,
    status: int,
    fixes: Sequence[Fix],
    superseded: Mapping[str, str] | None = None,
) -> list[tuple[str, Any]]:
    """``(source, value)`` of every known real answer of the operation with ``status``, but
    the ``superseded`` spec examples (source -> why a recording contradicts it)."""
    wanted = template(pattern)
    found: list[tuple[str, Any]] = [
        (r.source, r.body)
        for r in recordings()
        if r.method == method and template(r.path) == wanted and r.status == status
    ]
    for source, example_status, value in spec.examples(method, pattern):
        if example_status != status or source in (superseded or {}):
            continue
        value = copy.deepcopy(value)
        for fix in fixes:
            if fix.method == method and template(fix.path) == wanted and fix.status == status:
                apply(fix, value)
        found.append((source, value))
    return found


def stale_fixes(fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes that change none of the spec's examples."""
    stale = []
    for fix in fixes:
        changed = 0
        for pattern in spec.raw_spec()["paths"]:
            if template(pattern) != template(fix.path):
                continue
            for _, status, value in spec.examples(fix.method, pattern):
                if status == fix.status:
                    changed += apply(fix, copy.deepcopy(value))
        if not changed:
            stale.append(fix)
    return stale


# --- shapes -----------------------------------------------------------------------------------


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


@dataclass
class Shape:
    """The merged shape of some JSON values: their types, and for objects the keys seen in any
    (``keys``) and in all of them (``required``); for arrays the merged shape of the items."""

    types: set[str] = field(default_factory=set)
    keys: dict[str, Shape] = field(default_factory=dict)
    required: set[str] | None = None
    items: Shape | None = None

    def add(self, value: Any) -> None:
        kind = json_type(value)
        self.types.add(kind)
        if kind == "object":
            present = set(value)
            self.required = present if self.required is None else self.required & present
            for key, item in value.items():
                self.keys.setdefault(key, Shape()).add(item)
        elif kind == "array":
            for item in value:
                if self.items is None:
                    self.items = Shape()
                self.items.add(item)

    @classmethod
    def of(cls, values: Iterable[Any]) -> Shape:
        shape = cls()
        for value in values:
            shape.add(value)
        return shape

    def at(self, at: str) -> Shape:
        """The shape of the values at ``at`` (created empty where nothing is known yet)."""
        node = self
        for token in _tokens(at):
            if token == "[*]":
                node.types.add("array")
                if node.items is None:
                    node.items = Shape()
                node = node.items
            else:
                node.types.add("object")
                node = node.keys.setdefault(token, Shape())
        return node
