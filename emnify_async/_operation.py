"""Operations declared as data: what each emnify API operation takes and documents.

One `Operation` per operation of the API: its operationId, method and path template, how each
path and query parameter is checked and encoded, its request-body model, the model and kind
of its answer, the statuses that mean success, and whether repeating it is harmless. One
executor (`resources/_base.py`) runs them all; the transport accepts an answer only when it is
what the declaration documents.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import quote

import attrs

from ._query import check_id

__all__ = ["Operation", "PathCheck", "QueryEncoder", "Returns"]

M = TypeVar("M")

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

PathCheck = Callable[[Any, str], "int | str"]
"""Validates a path argument and returns it as a plain `int` or a `str` (never a subclass)."""
QueryEncoder = Callable[[Any, str], "str | None"]
"""Validates a query argument and returns its text, or None to leave it out."""


class Returns(enum.Enum):
    """The kind of answer an operation documents."""

    OBJECT = "a JSON object"
    ARRAY = "a JSON array"
    PAGE = "a JSON array with pagination headers"
    CREATED_ID = "a Location header naming the new id"
    NOTHING = "no content"
    ANY = "any JSON, no content, or a Location header"
    """Only for `client.request()`, which does not know the operation it calls."""


_DEFAULT_SUCCESS = {
    Returns.OBJECT: frozenset({200}),
    Returns.ARRAY: frozenset({200}),
    Returns.PAGE: frozenset({200}),
    Returns.CREATED_ID: frozenset({201}),
    Returns.NOTHING: frozenset({204}),
    Returns.ANY: frozenset({200, 201, 202, 204}),
}
# Repeating these leaves the server as one request would; the rest (POST) are retried only
# when the request provably was not processed.
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "PATCH"})


def _path_text(name: str, value: object) -> str:
    # Only plain ints (never subclasses, whose formatting could be anything) and strings,
    # percent-encoded so they cannot leave their segment.
    if type(value) is int:
        return str(value)
    if type(value) is str and value:
        return quote(value, safe="")
    raise TypeError(f"path parameter {name} must be a validated int or str, got {value!r}")


def _placeholders(path: str) -> tuple[str, ...]:
    return tuple(_PLACEHOLDER.findall(path))


@attrs.frozen
class Operation(Generic[M]):
    """One operation of the emnify API, as its documentation describes it."""

    id: str
    """The operationId of the official spec (or a name of ours for undocumented ones)."""
    method: str
    """HTTP method, upper case."""
    path: str
    """Path template, e.g. `/api/v1/sim/{sim_id}`."""
    returns: Returns
    """The documented kind of answer."""
    model: type[M] | None = None
    """The model of the answer (of each item for arrays and pages)."""
    path_params: Mapping[str, PathCheck] = attrs.field(factory=dict)
    """Checks of path parameters; a placeholder not named here is a positive integer id."""
    query: Mapping[str, QueryEncoder] = attrs.field(factory=dict)
    """Encoders of the query parameters the operation takes (paging is the pager's)."""
    query_check: Callable[[Mapping[str, str]], None] | None = None
    """A check across the encoded query parameters (say, an end date after the start)."""
    body: type | None = None
    """The attrs model of the request body; the arguments not in the path or query fill it."""
    max_per_page: int | None = None
    """For pages: the largest `per_page` the operation accepts (also the default)."""
    success: frozenset[int] = attrs.field()
    """Statuses that mean success; defaults by `returns` (200, 201 for creates, 204)."""
    safe: bool = attrs.field()
    """Whether repeating the request is harmless (retries); defaults by method."""
    sensitive: bool = False
    """Its requests or answers carry secrets (tokens, keys): an error keeps no body and repeats
    no string the request sent."""
    public: bool = False
    """It needs no login (the spec's `security: []`): sent without a token, so a client with
    no credentials can call it."""
    source: Literal["official", "newer-docs"] = "official"
    """Where it is documented: emnify's official spec (`enterprise.yaml`), or only the newer
    public docs (docs.emnify.com, as assembled in `emnify-api-openapi.yml`), whose
    operationIds it then carries."""

    @success.default
    def _default_success(self) -> frozenset[int]:
        return _DEFAULT_SUCCESS[self.returns]

    @safe.default
    def _default_safe(self) -> bool:
        return self.method in _IDEMPOTENT_METHODS

    def __attrs_post_init__(self) -> None:
        unknown = set(self.path_params) - set(_placeholders(self.path))
        if unknown:
            raise TypeError(f"{self.id}: {sorted(unknown)} are not placeholders of {self.path}")
        if (self.returns is Returns.PAGE) != (self.max_per_page is not None):
            raise TypeError(f"{self.id}: max_per_page goes with (and only with) pages")

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The path parameters' names, in order."""
        return _placeholders(self.path)

    def check_path(self, name: str, value: object) -> int | str:
        """Validate one path argument (InputError if it is bad)."""
        return self.path_params.get(name, check_id)(value, name)

    def make_body(self, **fields: Any) -> Any:
        """The body model built from `fields` (each validated: InputError if one is bad)."""
        if self.body is None:
            raise TypeError(f"{self.id} takes no body")
        return self.body(**fields)

    def url_path(self, params: Mapping[str, object] | None = None) -> str:
        """The path with its placeholders filled from validated `params`."""
        values = params or {}
        names = self.placeholders
        if set(names) != set(values):
            raise TypeError(f"{self.path} takes {list(names)}, got {sorted(values)}")
        return _PLACEHOLDER.sub(lambda m: _path_text(m.group(1), values[m.group(1)]), self.path)
