"""Tag models: `/api/v2/tags`, `/api/v2/tag-colors` and an endpoint's tags.

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec. These
tags (v2) are objects of the organisation, assigned to endpoints; they are not the free-text
`tags` field of an endpoint (v1).
"""

import attrs

from ._base import Model

__all__ = ["Tag", "TagColor"]


@attrs.frozen(kw_only=True)
class TagColor(Model):
    """A colour a tag can have (an item of `client.tags.colors()`, or a tag's `tag_color`).

    A tag names its colour by `id` only; the colour list adds `hex_color` and `description`.
    """

    id: int | None = None
    """The colour's id (what `create()` and `update()` take as `color`)."""
    hex_color: str | None = None
    """The colour as hex text, e.g. `"#E53935"` (the colour list only)."""
    description: str | None = None
    """The colour's name, e.g. `"Red"` (the colour list only)."""


@attrs.frozen(kw_only=True)
class Tag(Model):
    """A tag of the organisation (an item of `client.tags.list()` or of an endpoint's tags)."""

    id: int
    """The tag's id."""
    name: str | None = None
    """The tag's name, unique in the organisation."""
    resource_count: int | None = None
    """How many resources (endpoints) carry the tag; not in the answer of `create()`."""
    tag_color: TagColor | None = None
    """The tag's colour (its `id`)."""
