"""JSON encoding and decoding: orjson when installed, else the standard library."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._gcpause import gc_paused

__all__ = ["dumps", "loads"]

# Bodies from this size on (a page of SIMs is about 2 MB) decode with the cyclic GC paused:
# the decoded tree holds no cycles, and collections during decoding only walk it over and over.
_PAUSE_GC_FROM = 32 * 1024

_decode: Callable[[bytes | str], Any]

try:
    import orjson
except ImportError:  # pragma: no cover - exercised only without the speed extra
    import json

    _encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    _decode = json.loads

    def dumps(obj: Any) -> bytes:
        """Encode ``obj`` as compact UTF-8 JSON bytes."""
        return _encoder.encode(obj).encode("utf-8")

else:
    _decode = orjson.loads

    def dumps(obj: Any) -> bytes:
        """Encode ``obj`` as compact UTF-8 JSON bytes."""
        return orjson.dumps(obj)


def loads(data: bytes | str) -> Any:
    """Decode JSON text or UTF-8 bytes."""
    if len(data) < _PAUSE_GC_FROM:
        return _decode(data)
    with gc_paused():
        return _decode(data)
