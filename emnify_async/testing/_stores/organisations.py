"""Organisations: the parent (the tokens' organisation), its children and a foreign one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from emnify_async.testing._data import Organisation


class Organisations(Mapping[int, Organisation]):
    """Organisations by id, with the hierarchy questions routes ask."""

    def __init__(self, root_id: int, organisations: dict[int, Organisation]) -> None:
        self.root_id = root_id
        """The parent organisation: the one the default tokens act as."""
        self._orgs = organisations

    def __getitem__(self, org_id: int) -> Organisation:
        return self._orgs[org_id]

    def __iter__(self) -> Iterator[int]:
        return iter(self._orgs)

    def __len__(self) -> int:
        return len(self._orgs)

    def children(self, org_id: int) -> list[Organisation]:
        """The direct child organisations of ``org_id``."""
        return [org for org in self._orgs.values() if org.parent_id == org_id]

    def family(self, org_id: int) -> list[int]:
        """``org_id`` and its direct children (whose traffic a parent's statistics include)."""
        return [org_id, *(child.id for child in self.children(org_id))]

    def in_scope(self, caller_id: int, org_id: int) -> bool:
        """Whether ``caller_id`` may address ``org_id``: itself or one of its direct children."""
        org = self._orgs.get(org_id)
        return org is not None and caller_id in (org.id, org.parent_id)
