"""The emulator's in-memory state: organisations, SIMs, batches, caches; and its mutations."""

from __future__ import annotations

import datetime as dt
import time
from array import array
from collections.abc import Hashable

from emnify_async.testing import _data as d
from emnify_async.testing._billing import Billing
from emnify_async.testing._cache import SizedLRU
from emnify_async.testing._catalog import (
    ACTIVATED,
    DELETED,
    ENTERPRISE,
    RESELLER,
    SUSPENDED,
    JsonObj,
)
from emnify_async.testing._render import Renderer, clone

CachedPage = tuple[bytes, dict[str, str]]


class EmulatorState:
    """Everything the routes read and write. Writes clear the response caches."""

    def __init__(self, seed: int, sims: int, page_cache_bytes: int = 256 * 1024 * 1024) -> None:
        self.seed = seed
        self.org_id, self.organisations = d.make_organisations(seed)
        children = [org.id for org in self.organisations.values() if org.parent_id == self.org_id]
        enterprises = [cid for cid in children if self.organisations[cid].type_id == ENTERPRISE]
        reseller = next(cid for cid in children if self.organisations[cid].type_id == RESELLER)
        self.seeded_sims = sims
        self.table = d.generate_sims(seed, sims, self.org_id, enterprises, reseller)
        self.batches = {b.bic: b for b in d.make_batches(seed, self.table, self.org_id, sims)}
        self.activations: dict[int, int] = {}
        self.extra_events: dict[int, list[JsonObj]] = {}
        self.render = Renderer(seed, self.organisations, self.table, self.activations)
        self.pages: SizedLRU[CachedPage] = SizedLRU(page_cache_bytes)
        self._indexes: SizedLRU[array[int]] = SizedLRU(64 * 1024 * 1024)
        self._next_event_id = (len(self.table) + 1) * 16
        today = dt.datetime.now(dt.timezone.utc).date()
        self.billing = Billing(d.make_billing(self.org_id, today))
        """Tariffs, tariff assignments and profiles, inclusive volumes (see docs/emulator.md)."""

    # --- reads ----------------------------------------------------------------------------

    def exists(self, sim_id: int) -> bool:
        """True for any SIM that exists and is not deleted (whoever owns it)."""
        return 0 < sim_id <= len(self.table) and self.table.status[sim_id - 1] != DELETED

    def owns(self, org_id: int, sim_id: int) -> bool:
        """True when ``sim_id`` is a live SIM of ``org_id``."""
        return self.exists(sim_id) and self.table.owner[sim_id - 1] == org_id

    def sim(self, sim_id: int) -> JsonObj | None:
        """The SIM as the API renders it, or ``None`` if it does not exist or was deleted."""
        return clone(self.render.sim(sim_id)) if self.exists(sim_id) else None

    def sim_ids(self, org_id: int | None = None) -> array[int]:
        """Ids of the organisation's live SIMs (default: the parent organisation), ascending."""
        org = self.org_id if org_id is None else org_id
        key = ("ids", org)
        ids = self._indexes.get(key)
        if ids is None:
            owner, status = self.table.owner, self.table.status
            ids = array(
                "i",
                [i + 1 for i, o in enumerate(owner) if o == org and status[i] != DELETED],
            )
            self._indexes.put(key, ids, len(ids) * ids.itemsize)
        return ids

    def cached_index(self, key: Hashable) -> array[int] | None:
        return self._indexes.get(key)

    def store_index(self, key: Hashable, ids: array[int]) -> None:
        self._indexes.put(key, ids, len(ids) * ids.itemsize + 64)

    def children(self, org_id: int) -> list[d.Organisation]:
        """The direct child organisations of ``org_id``."""
        return [org for org in self.organisations.values() if org.parent_id == org_id]

    def sim_counts(self, org_id: int) -> dict[int, int]:
        """SIMs per status where ``org_id`` is the customer or the issuer."""
        counts: dict[int, int] = {}
        table = self.table
        for status, customer, issuer in zip(
            table.status, table.customer_org, table.issuer_org, strict=True
        ):
            if (customer == org_id or issuer == org_id) and status != DELETED:
                counts[status] = counts.get(status, 0) + 1
        return counts

    def events(self, sim_id: int) -> list[JsonObj]:
        """The SIM's events, oldest first (generated history plus events caused by writes)."""
        return self.render.seeded_events(sim_id) + self.extra_events.get(sim_id, [])

    def batch(self, bic: str) -> d.SimBatch | None:
        return self.batches.get(bic)

    def batch_is_foreign(self, batch: d.SimBatch, org_id: int) -> bool:
        owners = {self.table.owner[sim_id - 1] for sim_id in batch.sim_ids}
        return bool(owners - {0, org_id})

    # --- writes ---------------------------------------------------------------------------

    def changed(self) -> None:
        """Drop cached pages and indexes after a write."""
        self.pages.clear()
        self._indexes.clear()

    def set_status(self, sim_id: int, status: int, now: float | None = None) -> None:
        index = sim_id - 1
        if self.table.status[index] == status:
            return
        ts = int(time.time() if now is None else now)
        if status == ACTIVATED and self.render.activation_ts(sim_id) is None:
            self.activations[sim_id] = ts
        self.table.status[index] = status
        if status in (ACTIVATED, SUSPENDED):
            kind = (
                (8, 2, 0, "SIM activated.") if status == ACTIVATED else (9, 2, 0, "SIM suspended.")
            )
            self._next_event_id += 1
            event = self.render.event(self._next_event_id, sim_id, ts, kind)
            self.extra_events.setdefault(sim_id, []).append(event)
        self.changed()

    def set_orgs(self, sim_id: int, orgs: dict[str, int]) -> None:
        """Set ``issuer_org``/``reseller_org``/``customer_org`` ids (0 clears)."""
        index = sim_id - 1
        for key, org_id in orgs.items():
            getattr(self.table, key)[index] = org_id
        self.changed()

    def set_sim_endpoint(self, sim_id: int, endpoint_id: int | None) -> None:
        """Attach an endpoint id to a SIM or detach it (``None``), e.g. to set up a test."""
        self.table.endpoint[sim_id - 1] = endpoint_id or 0
        self.changed()

    def delete_sim(self, sim_id: int) -> None:
        self.table.status[sim_id - 1] = DELETED
        self.table.owner[sim_id - 1] = 0
        self.changed()

    def register_batch(self, batch: d.SimBatch, org_id: int, status: int) -> list[int]:
        """Assign the batch's SIMs to ``org_id`` with ``status``; returns their ids."""
        for sim_id in batch.sim_ids:
            self.table.owner[sim_id - 1] = org_id
            self.table.customer_org[sim_id - 1] = org_id
            self.set_status(sim_id, status)
        batch.registered = True
        self.changed()
        return list(batch.sim_ids)
