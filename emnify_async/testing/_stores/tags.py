"""Tags (v2, newer docs): each organisation's tags and their assignment to endpoints.

A tag belongs to one organisation and has a name (unique there, ignoring case) and a colour of
:data:`TAG_COLORS`. Assignments are kept per endpoint, in the order made; an endpoint's go when
it is deleted (``forget``) and a tag's when the tag is. The v1 ``tags`` text of an endpoint is
another field, which these never change.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from emnify_async.testing._catalog import JsonObj

TAG_COLORS: tuple[tuple[int, str, str], ...] = (
    (1, "#E53935", "Red"),
    (2, "#FB8C00", "Orange"),
    (3, "#FDD835", "Yellow"),
    (4, "#43A047", "Green"),
    (5, "#00ACC1", "Cyan"),
    (6, "#1E88E5", "Blue"),
    (7, "#3949AB", "Indigo"),
    (8, "#8E24AA", "Purple"),
    (9, "#D81B60", "Pink"),
    (10, "#757575", "Grey"),
)
"""The colours a tag can have: ``(id, hex_color, description)`` (the docs show none)."""
COLOR_IDS = frozenset(color for color, _, _ in TAG_COLORS)


@dataclass
class StoredTag:
    id: int
    org_id: int
    name: str
    color_id: int


class TagStore:
    """Tags by id, and each endpoint's assigned tag ids (in assignment order)."""

    def __init__(self, seed: int, on_change: Callable[[], None]) -> None:
        self._tags: dict[int, StoredTag] = {}
        self._by_endpoint: dict[int, dict[int, None]] = {}
        self._counts: dict[int, int] = {}
        self._random = random.Random(f"tags-{seed}")
        self._next_id = 1
        self._on_change = on_change

    # --- tags ----------------------------------------------------------------------------------

    def of_org(self, org_id: int, name: str | None = None) -> list[StoredTag]:
        """The organisation's tags by id; with ``name``, those whose name contains it (any case)."""
        part = None if name is None else name.casefold()
        return [
            tag
            for tag in self._tags.values()
            if tag.org_id == org_id and (part is None or part in tag.name.casefold())
        ]

    def get(self, org_id: int, tag_id: int) -> StoredTag | None:
        """The organisation's tag, or None (also for another organisation's)."""
        tag = self._tags.get(tag_id)
        return tag if tag is not None and tag.org_id == org_id else None

    def named(self, org_id: int, name: str) -> StoredTag | None:
        """The organisation's tag of that name, ignoring case."""
        wanted = name.casefold()
        return next((t for t in self.of_org(org_id) if t.name.casefold() == wanted), None)

    def create(self, org_id: int, name: str, color_id: int | None) -> StoredTag:
        """A new tag; without a colour, one at random (as documented)."""
        if color_id is None:
            color_id = self._random.choice(sorted(COLOR_IDS))
        tag = StoredTag(self._next_id, org_id, name, color_id)
        self._next_id += 1
        self._tags[tag.id] = tag
        self._on_change()
        return tag

    def update(self, tag: StoredTag, name: str | None, color_id: int | None) -> None:
        if name is not None:
            tag.name = name
        if color_id is not None:
            tag.color_id = color_id
        self._on_change()

    def delete(self, tag_ids: Iterable[int]) -> None:
        """Delete the tags and every assignment of them."""
        gone = set(tag_ids)
        for tag_id in gone:
            self._tags.pop(tag_id, None)
            self._counts.pop(tag_id, None)
        for assigned in self._by_endpoint.values():
            for tag_id in gone & assigned.keys():
                del assigned[tag_id]
        self._on_change()

    # --- assignments -------------------------------------------------------------------------

    def of_endpoint(self, endpoint_id: int) -> list[StoredTag]:
        """The endpoint's tags, in the order they were assigned."""
        return [self._tags[t] for t in self._by_endpoint.get(endpoint_id, {})]

    def has(self, endpoint_id: int, tag_id: int) -> bool:
        return tag_id in self._by_endpoint.get(endpoint_id, {})

    def assign(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Give each ``(endpoint_id, tag_id)``'s endpoint the tag (no-op if it has it)."""
        for endpoint_id, tag_id in pairs:
            assigned = self._by_endpoint.setdefault(endpoint_id, {})
            if tag_id not in assigned:
                assigned[tag_id] = None
                self._counts[tag_id] = self._counts.get(tag_id, 0) + 1
        self._on_change()

    def unassign(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Take each ``(endpoint_id, tag_id)``'s tag off its endpoint (no-op if it has none)."""
        for endpoint_id, tag_id in pairs:
            assigned = self._by_endpoint.get(endpoint_id, {})
            if tag_id in assigned:
                del assigned[tag_id]
                self._counts[tag_id] -= 1
        self._on_change()

    def forget(self, endpoint_id: int) -> None:
        """The endpoint was deleted: its assignments go."""
        for tag_id in self._by_endpoint.pop(endpoint_id, {}):
            self._counts[tag_id] -= 1

    # --- rendering -----------------------------------------------------------------------------

    def render(self, tag: StoredTag, *, count: bool = True) -> JsonObj:
        """The tag as the lists answer it (``resource_count``: its endpoints), or as created."""
        body: JsonObj = {"id": tag.id, "name": tag.name}
        if count:
            body["resource_count"] = self._counts.get(tag.id, 0)
        body["tag_color"] = {"id": tag.color_id}
        return body


def render_colors() -> list[JsonObj]:
    """``GET /api/v2/tag-colors``."""
    return [{"id": i, "hex_color": hex_color, "description": d} for i, hex_color, d in TAG_COLORS]
