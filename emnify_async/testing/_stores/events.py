"""Events caused by writes (a SIM's seeded history is derived from the seed when read)."""

from __future__ import annotations

from emnify_async.testing._catalog import JsonObj


class EventStore:
    """Recorded events by SIM, with ids that never collide with the seeded ones."""

    def __init__(self, after: int) -> None:
        """New events get ids above ``after`` (above every seeded event id)."""
        self._last_id = after
        self._by_sim: dict[int, list[JsonObj]] = {}

    def new_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def add_for_sim(self, sim_id: int, event: JsonObj) -> None:
        self._by_sim.setdefault(sim_id, []).append(event)

    def of_sim(self, sim_id: int) -> list[JsonObj]:
        """The SIM's recorded events, oldest first."""
        return self._by_sim.get(sim_id, [])
