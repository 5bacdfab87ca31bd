"""SIMs: the columnar SIM table, its id indexes, and the SIM writes."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Hashable

from emnify_async.testing import _data as d
from emnify_async.testing._cache import SizedLRU
from emnify_async.testing._catalog import ACTIVATED, DELETED, SUSPENDED, JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._render import Renderer, clone
from emnify_async.testing._stores.endpoint_records import EndpointRecords
from emnify_async.testing._stores.events import EventStore
from emnify_async.testing._stores.links import OneToOne
from emnify_async.testing._stores.organisations import Organisations

INDEX_CACHE_BYTES = 64 * 1024 * 1024
_STATUS_EVENTS = {
    ACTIVATED: (8, 2, 0, "SIM activated."),
    SUSPENDED: (9, 2, 0, "SIM suspended."),
}


class SimStore:
    """The SIM table (``table``, a few bytes per SIM) and everything derived from it.

    Writes go through the methods here: they record the SIM's events and call ``on_change``,
    which drops the cached pages and (through :meth:`clear_indexes`) the id indexes.
    """

    def __init__(
        self,
        seed: int,
        table: d.SimTable,
        organisations: Organisations,
        events: EventStore,
        endpoints: OneToOne,
        endpoint_records: EndpointRecords,
        clock: Clock,
        on_change: Callable[[], None],
    ) -> None:
        self.seed = seed
        self.table = table
        self.events = events
        self.endpoints = endpoints
        """The SIM ↔ endpoint link (its left side is ``table.endpoint``)."""
        self.activations: dict[int, int] = {}
        self.render = Renderer(seed, organisations, table, self.activations, endpoint_records)
        self._clock = clock
        self._on_change = on_change
        self._indexes: SizedLRU[array[int]] = SizedLRU(INDEX_CACHE_BYTES)

    # --- reads ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.table)

    def exists(self, sim_id: int) -> bool:
        """True for any SIM that exists and is not deleted (whoever owns it)."""
        return 0 < sim_id <= len(self.table) and self.table.status[sim_id - 1] != DELETED

    def owns(self, org_id: int, sim_id: int) -> bool:
        """True when ``sim_id`` is a live SIM of ``org_id``."""
        return self.exists(sim_id) and self.table.owner[sim_id - 1] == org_id

    def get(self, sim_id: int) -> JsonObj | None:
        """The SIM as the API renders it (a copy), or ``None`` if missing or deleted."""
        return clone(self.render.sim(sim_id)) if self.exists(sim_id) else None

    def ids(self, org_id: int) -> array[int]:
        """Ids of the organisation's live SIMs, ascending (cached until the next write)."""
        key = ("ids", org_id)
        ids = self._indexes.get(key)
        if ids is None:
            owner, status = self.table.owner, self.table.status
            ids = array(
                "i",
                [i + 1 for i, o in enumerate(owner) if o == org_id and status[i] != DELETED],
            )
            self._indexes.put(key, ids, len(ids) * ids.itemsize)
        return ids

    def cached_index(self, key: Hashable) -> array[int] | None:
        return self._indexes.get(key)

    def store_index(self, key: Hashable, ids: array[int]) -> None:
        self._indexes.put(key, ids, len(ids) * ids.itemsize + 64)

    def counts(self, org_id: int) -> dict[int, int]:
        """Live, registered SIMs per status that ``org_id`` owns, issued or is the customer of.

        SIMs of batches not registered yet have no owner and are not counted: they are in no
        SIM list either.
        """
        counts: dict[int, int] = {}
        table = self.table
        for status, owner, customer, issuer in zip(
            table.status, table.owner, table.customer_org, table.issuer_org, strict=True
        ):
            if owner and org_id in (owner, customer, issuer) and status != DELETED:
                counts[status] = counts.get(status, 0) + 1
        return counts

    def events_of(self, sim_id: int) -> list[JsonObj]:
        """The SIM's events, oldest first (generated history plus events caused by writes)."""
        return self.render.seeded_events(sim_id) + self.events.of_sim(sim_id)

    def history(self, sim_id: int) -> list[JsonObj]:
        """The SIM's generated history (before any write)."""
        return self.render.seeded_events(sim_id)

    # --- writes ---------------------------------------------------------------------------

    def clear_indexes(self) -> None:
        self._indexes.clear()

    def set_status(self, sim_id: int, status: int) -> None:
        """Change the status; activations and suspensions are recorded as events."""
        index = sim_id - 1
        if self.table.status[index] == status:
            return
        ts = int(self._clock())
        if status == ACTIVATED and self.render.activation_ts(sim_id) is None:
            self.activations[sim_id] = ts
        self.table.status[index] = status
        kind = _STATUS_EVENTS.get(status)
        if kind is not None:
            event = self.render.event(self.events.new_id(), sim_id, ts, kind)
            self.events.add(event, sim_id=sim_id, endpoint_id=self.endpoints.right_of(sim_id))
        self._on_change()

    def set_orgs(self, sim_id: int, orgs: dict[str, int]) -> None:
        """Set ``issuer_org``/``reseller_org``/``customer_org`` ids (0 clears; a cleared
        customer is the owner again: an assigned SIM always names its customer)."""
        index = sim_id - 1
        for key, org_id in orgs.items():
            if key == "customer_org" and not org_id:
                org_id = self.table.owner[index]
            getattr(self.table, key)[index] = org_id
        self._on_change()

    def delete(self, sim_id: int) -> None:
        self.table.status[sim_id - 1] = DELETED
        self.table.owner[sim_id - 1] = 0
        self._on_change()

    def assign(self, sim_ids: list[int], org_id: int, status: int) -> None:
        """Make ``org_id`` owner and customer of the SIMs, with ``status``."""
        for sim_id in sim_ids:
            self.table.owner[sim_id - 1] = org_id
            self.table.customer_org[sim_id - 1] = org_id
            self.set_status(sim_id, status)
        self._on_change()
