"""Links between objects of two areas, kept consistent in both directions.

Each cross-area relation lives here, not in either store: both stores hold the same link
object, read it, and change it only through :meth:`OneToOne.link`, so a SIM's ``endpoint``
and that endpoint's ``sim`` can never disagree.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass


class OneToOne:
    """A one-to-one relation between "left" ids (e.g. SIMs) and "right" ids (e.g. endpoints).

    The left-to-right direction is an ``array`` column indexed by ``left_id - 1`` (0 = none),
    which the left store filters and sorts on at a million rows; the right-to-left index is
    built on first use and then maintained.
    """

    def __init__(self, column: array[int], on_change: Callable[[], None]) -> None:
        self.column = column
        self._on_change = on_change
        self._reverse: dict[int, int] | None = None

    def right_of(self, left_id: int) -> int | None:
        right = self.column[left_id - 1]
        return right or None

    def left_of(self, right_id: int) -> int | None:
        return self._index().get(right_id)

    def link(self, left_id: int, right_id: int | None) -> None:
        """Pair ``left_id`` with ``right_id`` (``None`` unlinks); previous partners of either
        side lose their link."""
        reverse = self._index()
        old_right = self.column[left_id - 1]
        if old_right:
            reverse.pop(old_right, None)
        if right_id:
            old_left = reverse.get(right_id)
            if old_left is not None:
                self.column[old_left - 1] = 0
            reverse[right_id] = left_id
        self.column[left_id - 1] = right_id or 0
        self._on_change()

    def _index(self) -> dict[int, int]:
        if self._reverse is None:
            self._reverse = {right: i + 1 for i, right in enumerate(self.column) if right}
        return self._reverse


@dataclass
class Links:
    """Every cross-area relation of the emulator."""

    sim_endpoint: OneToOne
    """SIM id ↔ endpoint id; the SIM table's ``endpoint`` column is its left-to-right side."""
