"""What one API operation documents: method, path, success statuses, answer shape, retry safety.

The transport accepts an answer only when it is what the operation documents: a documented
success status and a body of the documented kind. Anything else (a blank or garbled 200, a
JSON value of the wrong kind, a 3xx, an undocumented 2xx) is an error, never a success or an
empty result.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from urllib.parse import quote

import attrs

__all__ = ["Operation", "Returns"]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class Returns(enum.Enum):
    """The kind of body an operation answers with."""

    OBJECT = "a JSON object"
    ARRAY = "a JSON array"
    PAGE = "a JSON array with pagination headers"
    CREATED_ID = "a Location header naming the new id"
    NOTHING = "no content"


_DEFAULT_SUCCESS = {
    Returns.OBJECT: frozenset({200}),
    Returns.ARRAY: frozenset({200}),
    Returns.PAGE: frozenset({200}),
    Returns.CREATED_ID: frozenset({201}),
    Returns.NOTHING: frozenset({204}),
}
# Repeating these leaves the server as one request would; the rest (POST) are retried only
# when the request provably never reached the server.
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "PATCH"})


def _path_value(name: str, value: object) -> str:
    # Only values the validators produced: plain ints (never subclasses, whose formatting
    # could be anything) and strings, percent-encoded so they cannot leave their segment.
    if type(value) is int:
        return str(value)
    if type(value) is str and value:
        return quote(value, safe="")
    raise TypeError(f"path parameter {name} must be a validated int or str, got {value!r}")


@attrs.frozen
class Operation:
    """One operation of the emnify API, as its documentation describes it."""

    method: str
    """HTTP method, upper case."""
    path: str
    """Path template, e.g. `/api/v1/sim/{sim_id}`."""
    returns: Returns
    """The documented kind of answer."""
    success: frozenset[int] = attrs.field()
    """Statuses that mean success; defaults by `returns` (200, 201 for creates, 204)."""
    safe: bool = attrs.field()
    """Whether repeating the request is harmless (retries); defaults by method."""
    sensitive: bool = False
    """Its answers carry secrets (tokens): they are never kept in errors."""

    @success.default
    def _default_success(self) -> frozenset[int]:
        return _DEFAULT_SUCCESS[self.returns]

    @safe.default
    def _default_safe(self) -> bool:
        return self.method in _IDEMPOTENT_METHODS

    def url_path(self, params: Mapping[str, object] | None = None) -> str:
        """The path with its placeholders filled from validated `params`."""
        values = params or {}
        names = _PLACEHOLDER.findall(self.path)
        if set(names) != set(values):
            raise TypeError(f"{self.path} takes {names}, got {sorted(values)}")
        return _PLACEHOLDER.sub(lambda m: _path_value(m.group(1), values[m.group(1)]), self.path)
