"""Every endpoint's own fields: seeded ones derived from the id until first written.

The SIM store renders a SIM's ``endpoint`` from here and the endpoint store builds on it, so
both always show the same name, tags or address. Which SIM an endpoint has is not a field
but the SIM ↔ endpoint link (``_stores/links.py``).
"""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Callable, Iterable
from typing import Any

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._device_data import (
    DERIVED_COUNTS,
    DERIVED_FIELDS,
    SEEDED_SPACE_ID,
    Endpoint,
    derive_endpoint,
    seeded_ip_owner,
)


class EndpointRecords:
    """Endpoints by id: ``1..seeded`` derived from the seed (those of the seeded SIMs, owned by
    the parent organisation), others stored; an endpoint is stored from its first write on."""

    def __init__(self, seed: int, root_id: int, seeded: int, stored: Iterable[Endpoint]) -> None:
        self.seed = seed
        self.root_id = root_id
        self.seeded = seeded
        self._stored = {endpoint.id: endpoint for endpoint in stored}
        self._deleted: set[int] = set()
        self._next_id = max([seeded, *self._stored]) + 1
        self._addresses = {(e.ip_space_id, e.ip_address): e.id for e in self._stored.values()}
        self._ids: dict[int, array[int]] = {}

    # --- reads ----------------------------------------------------------------------------

    @property
    def next_id(self) -> int:
        """The id :meth:`add` gives the next endpoint."""
        return self._next_id

    def get(self, endpoint_id: int) -> Endpoint | None:
        """The endpoint (do not modify it: use :meth:`editable`), or ``None`` if there is none."""
        stored = self._stored.get(endpoint_id)
        if stored is not None:
            return stored
        if 0 < endpoint_id <= self.seeded and endpoint_id not in self._deleted:
            return derive_endpoint(self.seed, endpoint_id, self.root_id)
        return None

    def ids(self, org_id: int) -> array[int]:
        """The organisation's endpoint ids, ascending (cached until the next write)."""
        ids = self._ids.get(org_id)
        if ids is None:
            if org_id == self.root_id:
                deleted = self._deleted
                every = range(1, self.seeded + 1)
                ids = array("i", [i for i in every if i not in deleted] if deleted else every)
            else:
                ids = array("i")
            ids.extend(
                sorted(
                    e.id for e in self._stored.values() if e.org_id == org_id and e.id > self.seeded
                )
            )
            self._ids[org_id] = ids
        return ids

    def reader(self, attribute: str) -> Callable[[int], Any]:
        """``lambda endpoint_id: endpoint.<attribute>`` for existing endpoints, fast for
        seeded ones (one field is derived, not the whole record)."""
        stored, seed = self._stored, self.seed
        derive = DERIVED_FIELDS[attribute]

        def read(endpoint_id: int) -> Any:
            endpoint = stored.get(endpoint_id)
            if endpoint is None:
                return derive(seed, endpoint_id)
            return getattr(endpoint, attribute)

        return read

    def count(self, attribute: str, value: Any) -> int:
        """How many endpoints have ``attribute == value`` (one of ``DERIVED_COUNTS``): the
        stored ones are read, the derived ones counted without deriving them."""
        derive = DERIVED_FIELDS[attribute]
        derived = DERIVED_COUNTS[attribute](self.seeded, value)
        # Seeded endpoints that were written or deleted no longer have their derived value.
        changed = [i for i in self._stored if i <= self.seeded] + list(self._deleted)
        derived -= sum(1 for i in changed if derive(self.seed, i) == value)
        return derived + sum(1 for e in self._stored.values() if getattr(e, attribute) == value)

    def holder(self, space_id: int, address: str) -> int | None:
        """The endpoint that has ``address`` in the space, if any."""
        held = self._addresses.get((space_id, address))
        if held is not None:
            return held
        if space_id == SEEDED_SPACE_ID:
            candidate = seeded_ip_owner(address)
            if (
                candidate is not None
                and candidate <= self.seeded
                and candidate not in self._stored
                and candidate not in self._deleted
            ):
                return candidate
        return None

    def sim_view(self, endpoint_id: int) -> JsonObj:
        """The ``endpoint`` object nested in a SIM."""
        endpoint = self.get(endpoint_id)
        assert endpoint is not None, endpoint_id
        return {
            "id": endpoint.id,
            "name": endpoint.name,
            "imei": endpoint.imei,
            "imei_lock": endpoint.imei_lock,
            "created": d.format_ts(endpoint.created_ts),
            "last_updated": d.format_ts(endpoint.last_updated_ts),
            "organisation_id": endpoint.org_id,
            "service_profile_id": endpoint.service_profile_id,
            "tariff_profile_id": endpoint.tariff_profile_id,
            "tags": endpoint.tags,
            "ip_address": endpoint.ip_address,
            "ip_address_space_id": endpoint.ip_space_id,
        }

    def event_view(self, endpoint_id: int) -> JsonObj:
        """The ``endpoint`` object of an event."""
        endpoint = self.get(endpoint_id)
        assert endpoint is not None, endpoint_id
        return {
            "id": endpoint.id,
            "name": endpoint.name,
            "tags": endpoint.tags,
            "ip_address": endpoint.ip_address,
            "imei": endpoint.imei,
        }

    # --- writes (the endpoint store calls these and reports the change) --------------------

    def clear_indexes(self) -> None:
        self._ids.clear()

    def editable(self, endpoint_id: int) -> Endpoint:
        """The stored record of an existing endpoint, created from the derived one if needed."""
        stored = self._stored.get(endpoint_id)
        if stored is None:
            derived = self.get(endpoint_id)
            assert derived is not None, endpoint_id
            stored = self._stored[endpoint_id] = derived
            self._addresses[(derived.ip_space_id, derived.ip_address)] = endpoint_id
        return stored

    def add(self, endpoint: Endpoint) -> Endpoint:
        """Store a new endpoint under the next free id (``endpoint.id`` is replaced)."""
        new = dataclasses.replace(endpoint, id=self._next_id)
        self._next_id += 1
        self._stored[new.id] = new
        self._addresses[(new.ip_space_id, new.ip_address)] = new.id
        return new

    def move_address(self, endpoint: Endpoint, space_id: int, address: str) -> None:
        """Give a stored endpoint another address (the caller checked it is free)."""
        self._addresses.pop((endpoint.ip_space_id, endpoint.ip_address), None)
        endpoint.ip_space_id, endpoint.ip_address = space_id, address
        self._addresses[(space_id, address)] = endpoint.id

    def remove(self, endpoint_id: int) -> None:
        endpoint = self.get(endpoint_id)
        if endpoint is None:
            return
        self._addresses.pop((endpoint.ip_space_id, endpoint.ip_address), None)
        self._stored.pop(endpoint_id, None)
        if endpoint_id <= self.seeded:
            self._deleted.add(endpoint_id)
