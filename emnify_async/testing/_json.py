"""JSON encoding with orjson when it is importable."""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is an optional speed-up
    orjson = None  # type: ignore[assignment]


CONTENT_TYPE = "application/json; charset=UTF-8"
"""emnify's ``Content-Type``: on every answer with a body, on 204 and on empty errors."""


def dumps(obj: Any) -> bytes:
    """Serialize ``obj`` to compact UTF-8 JSON bytes."""
    if orjson is not None:
        return orjson.dumps(obj)
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def loads(data: bytes | str) -> Any:
    """Parse JSON; raises ``ValueError`` on malformed input."""
    if orjson is not None:
        return orjson.loads(data)
    return json.loads(data)
