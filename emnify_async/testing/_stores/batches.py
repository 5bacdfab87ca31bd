"""SIM batches, validated and registered by their BIC."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from emnify_async.testing import _data as d
from emnify_async.testing._stores.sims import SimStore


class SimBatches(Mapping[str, d.SimBatch]):
    """Batches by BIC, in seeding order."""

    def __init__(self, batches: list[d.SimBatch], sims: SimStore) -> None:
        self._batches = {batch.bic: batch for batch in batches}
        self._sims = sims

    def __getitem__(self, bic: str) -> d.SimBatch:
        return self._batches[bic]

    def __iter__(self) -> Iterator[str]:
        return iter(self._batches)

    def __len__(self) -> int:
        return len(self._batches)

    def is_foreign(self, batch: d.SimBatch, org_id: int) -> bool:
        """Whether the batch holds SIMs that belong to an organisation other than ``org_id``."""
        owner = self._sims.table.owner
        owners = {owner[sim_id - 1] for sim_id in batch.sim_ids}
        return bool(owners - {0, org_id})

    def register(self, batch: d.SimBatch, org_id: int, status: int) -> list[int]:
        """Assign the batch's SIMs to ``org_id`` with ``status``; returns their ids."""
        self._sims.assign(batch.sim_ids, org_id, status)
        batch.registered = True
        return list(batch.sim_ids)
