"""Events caused by writes, and the organisation's whole event feed.

A SIM's seeded history is derived from the seed when read; events caused by writes are
recorded here with ids above every seeded one, indexed by SIM, endpoint and organisation.
"""

from __future__ import annotations

import bisect
import itertools
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

from emnify_async.testing._catalog import JsonObj


class EventStore:
    """Recorded events, oldest first, with ids that never collide with the seeded ones."""

    def __init__(self, after: int) -> None:
        """New events get ids above ``after`` (above every seeded event id)."""
        self._last_id = after
        self._by_sim: dict[int, list[JsonObj]] = {}
        self._by_endpoint: dict[int, list[JsonObj]] = {}
        self._by_org: dict[int, list[JsonObj]] = {}
        self.listeners: list[Callable[[JsonObj], None]] = []
        """Called with every event recorded (automations run on them)."""

    def new_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def add(
        self, event: JsonObj, *, sim_id: int | None = None, endpoint_id: int | None = None
    ) -> None:
        """Record ``event`` for its organisation and, if given, its SIM and endpoint."""
        self._by_org.setdefault(event["organisation"]["id"], []).append(event)
        if sim_id:
            self._by_sim.setdefault(sim_id, []).append(event)
        if endpoint_id:
            self._by_endpoint.setdefault(endpoint_id, []).append(event)
        for listener in self.listeners:
            listener(event)

    def of_sim(self, sim_id: int) -> list[JsonObj]:
        """The SIM's recorded events, oldest first."""
        return self._by_sim.get(sim_id, [])

    def of_endpoint(self, endpoint_id: int) -> list[JsonObj]:
        return self._by_endpoint.get(endpoint_id, [])

    def of_org(self, org_id: int) -> list[JsonObj]:
        return self._by_org.get(org_id, [])


class EventFeed(Sequence[JsonObj]):
    """An organisation's events in id order, rendered only when read.

    The seeded histories of its SIMs come first (their ids grow with the SIM id), then the
    recorded events (whose ids are above every seeded one). Only the running counts of the
    SIMs' histories are kept, so a page of a million SIMs' events renders just that page.
    """

    def __init__(
        self,
        sim_ids: Sequence[int],
        counts: Iterable[int],
        history: Callable[[int], list[JsonObj]],
        recorded: list[JsonObj],
    ) -> None:
        self._sims = sim_ids
        self._history = history
        self._ends = array("q", itertools.accumulate(counts))
        self._seeded = self._ends[-1] if self._ends else 0
        self._recorded = recorded

    def __len__(self) -> int:
        return self._seeded + len(self._recorded)

    @overload
    def __getitem__(self, index: int) -> JsonObj: ...

    @overload
    def __getitem__(self, index: slice) -> list[JsonObj]: ...

    def __getitem__(self, index: int | slice) -> JsonObj | list[JsonObj]:
        if isinstance(index, int):
            found = self[index : index + 1] if index >= 0 else self[len(self) + index :][:1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            return list(self)[index]
        return self._range(start, stop)

    def _range(self, start: int, stop: int) -> list[JsonObj]:
        out: list[JsonObj] = []
        position = start
        if position < self._seeded:
            k = bisect.bisect_right(self._ends, position)
            while position < min(stop, self._seeded):
                first = self._ends[k - 1] if k else 0
                events = self._history(self._sims[k])
                out.extend(events[position - first : stop - first])
                position = self._ends[k]
                k += 1
        if stop > self._seeded:
            out.extend(
                self._recorded[max(start, self._seeded) - self._seeded : stop - self._seeded]
            )
        return out

    def __iter__(self) -> Iterator[JsonObj]:
        for sim_id in self._sims:
            yield from self._history(sim_id)
        yield from self._recorded
