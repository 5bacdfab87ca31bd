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
    which the left store filters and sorts on at a million rows; the right-to-left direction is
    another ``array`` indexed by ``right_id - 1``, built on first use and then maintained.
    """

    def __init__(self, column: array[int], on_change: Callable[[], None]) -> None:
        self.column = column
        self._on_change = on_change
        self._reverse: array[int] | None = None

    def right_of(self, left_id: int) -> int | None:
        right = self.column[left_id - 1]
        return right or None

    def left_of(self, right_id: int) -> int | None:
        reverse = self._index()
        if 0 < right_id <= len(reverse):
            return reverse[right_id - 1] or None
        return None

    def link(self, left_id: int, right_id: int | None) -> None:
        """Pair ``left_id`` with ``right_id`` (``None`` unlinks); previous partners of either
        side lose their link."""
        reverse = self._index()
        old_right = self.column[left_id - 1]
        if old_right:
            reverse[old_right - 1] = 0
        if right_id:
            if right_id > len(reverse):
                reverse.extend(array("i", [0]) * (right_id - len(reverse)))
            old_left = reverse[right_id - 1]
            if old_left:
                self.column[old_left - 1] = 0
            reverse[right_id - 1] = left_id
        self.column[left_id - 1] = right_id or 0
        self._on_change()

    def _index(self) -> array[int]:
        if self._reverse is None:
            column = self.column
            reverse = array("i", [0]) * max(column, default=0)
            for index, right in enumerate(column):
                if right:
                    reverse[right - 1] = index + 1
            self._reverse = reverse
        return self._reverse


@dataclass
class Links:
    """Every cross-area relation of the emulator."""

    sim_endpoint: OneToOne
    """SIM id ↔ endpoint id; the SIM table's ``endpoint`` column is its left-to-right side."""
