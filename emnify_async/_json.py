"""JSON encoding and decoding: orjson when installed, else the standard library."""

from __future__ import annotations

from typing import Any

__all__ = ["dumps", "loads"]

try:
    import orjson
except ImportError:  # pragma: no cover - exercised only without the speed extra
    import json

    _encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

    def loads(data: bytes | str) -> Any:
        """Decode JSON text or UTF-8 bytes."""
        return json.loads(data)

    def dumps(obj: Any) -> bytes:
        """Encode ``obj`` as compact UTF-8 JSON bytes."""
        return _encoder.encode(obj).encode("utf-8")

else:

    def loads(data: bytes | str) -> Any:
        """Decode JSON text or UTF-8 bytes."""
        return orjson.loads(data)

    def dumps(obj: Any) -> bytes:
        """Encode ``obj`` as compact UTF-8 JSON bytes."""
        return orjson.dumps(obj)
