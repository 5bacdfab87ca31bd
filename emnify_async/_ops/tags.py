"""Tags (v2): the organisation's tags, their colours and their assignment to endpoints.

Documented only by emnify's newer docs (`source="newer-docs"`), whose operationIds these
carry. The tag list is paged its own way: `page` and `page_size` in the query, and an answer
that is an object `{total, page, page_size, last_page, data}` (no pagination headers), so it
is declared as an object and paged by `resources/tags.py`. The bulk calls answer nothing but
success; `resources/endpoint_tags.py` and `resources/tags.py` read back the truth when one
fails.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from .._body import Ref, checked, reference, require_any, text
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import MAX_ID, ref_id
from .._types import NOT_GIVEN, NotGiven
from ..models import Tag, TagColor

__all__ = [
    "ASSIGN",
    "ASSIGN_MANY",
    "COLORS",
    "CREATE",
    "DELETE",
    "DELETE_MANY",
    "ENDPOINT_TAGS",
    "LIST",
    "UNASSIGN",
    "UNASSIGN_MANY",
    "UPDATE",
    "EndpointTags",
    "NewTag",
    "TagAssignments",
    "TagIds",
    "TagPage",
    "TagRef",
    "TagUpdate",
    "tag_ids",
]

_TAGS = "/api/v2/tags"
_ENDPOINT_TAGS = "/api/v2/endpoint/{endpoint_id}/tags"
_BULK = "/api/v2/bulk-operations"


def _name(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be a non-empty string, got {value!r}")
    return value


def _positive(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise InputError(f"{name} must be a positive integer, got {value!r}")
    return str(int(value))


def tag_ids(values: Any, name: str) -> list[int]:
    """Tag ids (or models with an `id`), each once, in order; at least one (InputError)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InputError(f"{name} must be an iterable of tag ids, got {values!r:.60}")
    ids = list(dict.fromkeys(ref_id(value, name) for value in values))
    if not ids:
        raise InputError(f"{name} needs at least one tag")
    return ids


@attrs.frozen(kw_only=True)
class TagPage:
    """One page of the tag list, as the API answers it (the pager unwraps it)."""

    data: list[Any]
    """The tags on this page, as JSON (the pager structures them)."""
    total: int | None = None
    """Tags in the whole listing."""
    page: int | None = None
    """This page's number, from 1."""
    page_size: int | None = None
    """Tags per page, as the API applied it."""
    last_page: int | None = None
    """The number of the last page."""


@attrs.frozen(kw_only=True)
class NewTag:
    """The body of POST /api/v2/tags: a `name`, and a `color` by id (else a random one)."""

    name: str | NotGiven = text(non_empty=True)
    color: Ref | NotGiven = reference()

    def __attrs_post_init__(self) -> None:
        if self.name is NOT_GIVEN:
            raise InputError("a tag needs a name")


@attrs.frozen(kw_only=True)
class TagUpdate:
    """The body of PATCH /api/v2/tags/{tag_id}: a new `name`, a new `color`, or both."""

    name: str | NotGiven = text(non_empty=True)
    color: Ref | NotGiven = reference()

    def __attrs_post_init__(self) -> None:
        require_any(self, "a tag update")


@attrs.frozen(kw_only=True)
class TagRef:
    """The body of POST /api/v2/endpoint/{endpoint_id}/tags: the tag's id, `{"id": n}`."""

    id: int | NotGiven = checked(ref_id, shown_as="tag_id")

    def __attrs_post_init__(self) -> None:
        if self.id is NOT_GIVEN:
            raise InputError("assigning a tag needs its id")


@attrs.frozen(kw_only=True)
class EndpointTags:
    """One item of a bulk assignment: an endpoint and the tags it gains (or loses)."""

    endpoint: Ref
    """The endpoint, as `{"id": n}`."""
    tags: list[Ref]
    """The tags, each as `{"id": n}`."""


@attrs.frozen(kw_only=True)
class TagAssignments:
    """The body of the bulk add-tags and remove-tags calls: `{"items": [...]}`."""

    items: list[EndpointTags]
    """One entry per endpoint."""

    @classmethod
    def of(cls, endpoint_ids: list[int], tags: list[int]) -> TagAssignments:
        """The same tags for every endpoint (ids checked by the caller)."""
        refs = [Ref(tag) for tag in tags]
        return cls(items=[EndpointTags(endpoint=Ref(e), tags=list(refs)) for e in endpoint_ids])


@attrs.frozen(kw_only=True)
class TagIds:
    """The body of the bulk tag delete: `{"tags": [{"id": n}, ...]}`."""

    tags: list[Ref]
    """The tags to delete."""


LIST = Operation(
    "list-tags",
    "GET",
    _TAGS,
    Returns.OBJECT,
    TagPage,
    query={"name": _name, "page": _positive, "page_size": _positive},
    source="newer-docs",
)
# Creates a tag each time (a repeat would answer 409, the name taken): never repeated once sent.
CREATE = Operation(
    "create-tag",
    "POST",
    _TAGS,
    Returns.OBJECT,
    Tag,
    body=NewTag,
    success=frozenset({201}),
    source="newer-docs",
)
UPDATE: Operation[None] = Operation(
    "update-tag",
    "PATCH",
    f"{_TAGS}/{{tag_id}}",
    Returns.NOTHING,
    body=TagUpdate,
    source="newer-docs",
)
DELETE: Operation[None] = Operation(
    "delete-tag", "DELETE", f"{_TAGS}/{{tag_id}}", Returns.NOTHING, source="newer-docs"
)
COLORS = Operation(
    "list-tag-colors", "GET", "/api/v2/tag-colors", Returns.ARRAY, TagColor, source="newer-docs"
)
ENDPOINT_TAGS = Operation(
    "list-endpoint-tags", "GET", _ENDPOINT_TAGS, Returns.ARRAY, Tag, source="newer-docs"
)
# Answers 201 with an empty object. A repeat of an assignment that was made answers 409 (the
# tag is assigned), so it is never repeated once sent.
ASSIGN: Operation[None] = Operation(
    "assign-tag-to-endpoint",
    "POST",
    _ENDPOINT_TAGS,
    Returns.NOTHING,
    body=TagRef,
    success=frozenset({201}),
    source="newer-docs",
)
# Answers 200 with an empty object.
UNASSIGN: Operation[None] = Operation(
    "unassign-endpoint-tag",
    "DELETE",
    f"{_ENDPOINT_TAGS}/{{tag_id}}",
    Returns.NOTHING,
    success=frozenset({200}),
    source="newer-docs",
)
# The bulk calls answer 200 with an empty object. Each only sets memberships (or deletes), so
# repeating it leaves the state one request would: it is repeated where that is safe; a repeat
# that finds its work done may be refused (409 for an assigned tag), and the resource then
# reads the state back instead of trusting that answer.
ASSIGN_MANY: Operation[None] = Operation(
    "assign-tag-to-endpoints-in-bulk",
    "POST",
    f"{_BULK}/endpoint/add-tags",
    Returns.NOTHING,
    body=TagAssignments,
    success=frozenset({200}),
    safe=True,
    source="newer-docs",
)
UNASSIGN_MANY: Operation[None] = Operation(
    "unassign-tags-from-endpoints-in-bulk",
    "POST",
    f"{_BULK}/endpoint/remove-tags",
    Returns.NOTHING,
    body=TagAssignments,
    success=frozenset({200}),
    safe=True,
    source="newer-docs",
)
DELETE_MANY: Operation[None] = Operation(
    "delete-tags-in-bulk",
    "POST",
    f"{_BULK}/tag/delete-tags",
    Returns.NOTHING,
    body=TagIds,
    success=frozenset({200}),
    safe=True,
    source="newer-docs",
)
