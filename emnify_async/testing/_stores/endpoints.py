"""Endpoints (emnify's devices): their answers, their writes, and the events those cause.

The fields live in :class:`EndpointRecords`; an endpoint's SIM is the SIM ↔ endpoint link,
changed only through it so that the SIM's ``endpoint`` and the endpoint's ``sim`` agree.
"""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from emnify_async.testing import _data as d
from emnify_async.testing._cache import SizedLRU
from emnify_async.testing._catalog import (
    ACTIVATED,
    ENDPOINT_DISABLED,
    ENDPOINT_ENABLED,
    ENDPOINT_STATUSES,
    FACTORY_TEST,
    ISSUED,
    SIM_STATUSES,
    JsonObj,
)
from emnify_async.testing._clock import Clock
from emnify_async.testing._device_data import Endpoint
from emnify_async.testing._render import EventKind
from emnify_async.testing._stores.device_profiles import DeviceProfiles
from emnify_async.testing._stores.endpoint_records import EndpointRecords
from emnify_async.testing._stores.events import EventStore
from emnify_async.testing._stores.links import OneToOne
from emnify_async.testing._stores.sims import SimStore

INDEX_CACHE_BYTES = 32 * 1024 * 1024
_API_EVENT = (0, 2, 0)  # Generic, source API, severity INFO


class Dependent(Protocol):
    """A store holding per-endpoint state that goes when the endpoint is deleted."""

    def forget(self, endpoint_id: int) -> None: ...


class EndpointStore:
    """Reads and writes of endpoints; every write calls ``on_change`` and records events."""

    def __init__(
        self,
        records: EndpointRecords,
        sims: SimStore,
        link: OneToOne,
        profiles: DeviceProfiles,
        events: EventStore,
        clock: Clock,
        on_change: Callable[[], None],
    ) -> None:
        self.records = records
        self.sims = sims
        self.link = link
        """The SIM ↔ endpoint link (SIMs are its left side)."""
        self.profiles = profiles
        self.events = events
        self.dependents: list[Dependent] = []
        """Stores that forget an endpoint's state when it is deleted."""
        self._clock = clock
        self._on_change = on_change
        self._indexes: SizedLRU[array[int]] = SizedLRU(INDEX_CACHE_BYTES)

    # --- reads ----------------------------------------------------------------------------

    def get(self, endpoint_id: int) -> Endpoint | None:
        return self.records.get(endpoint_id)

    def owns(self, org_id: int, endpoint_id: int) -> bool:
        endpoint = self.records.get(endpoint_id)
        return endpoint is not None and endpoint.org_id == org_id

    def ids(self, org_id: int) -> array[int]:
        return self.records.ids(org_id)

    def sim_of(self, endpoint_id: int) -> int | None:
        return self.link.left_of(endpoint_id)

    def cached_index(self, key: Hashable) -> array[int] | None:
        return self._indexes.get(key)

    def store_index(self, key: Hashable, ids: array[int]) -> None:
        self._indexes.put(key, ids, len(ids) * ids.itemsize + 64)

    def clear_indexes(self) -> None:
        self._indexes.clear()
        self.records.clear_indexes()

    def render(self, endpoint_id: int, details: bool = False) -> JsonObj:
        """The ``Endpoint`` object, in a list and alone alike (``details`` is kept for the
        callers): ``sim`` is omitted when it has none, ``ip_address_space`` is ``{id}``, as
        recorded."""
        endpoint = self.records.get(endpoint_id)
        assert endpoint is not None, endpoint_id
        out: JsonObj = {
            "id": endpoint.id,
            "name": endpoint.name,
            "tags": endpoint.tags,
            "created": d.format_ts(endpoint.created_ts),
            "last_updated": d.format_ts(endpoint.last_updated_ts),
            "status": {
                "id": endpoint.status_id,
                "description": ENDPOINT_STATUSES[endpoint.status_id],
            },
            "service_profile": {
                "id": endpoint.service_profile_id,
                "name": self._service_profile_name(endpoint.service_profile_id),
            },
            "tariff_profile": {
                "id": endpoint.tariff_profile_id,
                "name": self.profiles.tariff_profile_name(endpoint.tariff_profile_id),
            },
        }
        sim_id = self.link.left_of(endpoint_id)
        if sim_id is not None:
            out["sim"] = self.sim_brief(sim_id)
        out["imei"] = endpoint.imei
        out["ip_address"] = endpoint.ip_address
        out["ip_address_space"] = {"id": endpoint.ip_space_id}
        out["imei_lock"] = endpoint.imei_lock
        return out

    def sim_brief(self, sim_id: int) -> JsonObj:
        status = self.sims.table.status[sim_id - 1]
        return {
            "id": sim_id,
            "iccid": d.iccid(sim_id),
            "imsi": d.imsi(sim_id),
            "msisdn": d.msisdn(sim_id),
            "status": {"id": status, "description": SIM_STATUSES[status]},
        }

    def _service_profile_name(self, profile_id: int) -> str:
        profile = self.profiles.service_profiles.get(profile_id)
        return profile.name if profile is not None else ""

    def events_of(self, endpoint_id: int) -> list[JsonObj]:
        """The endpoint's events, oldest first: its SIM's seeded history (rendered with the
        endpoint it has now) and every event recorded for the endpoint."""
        sim_id = self.link.left_of(endpoint_id)
        history = self.sims.history(sim_id) if sim_id is not None else []
        return sorted(history + self.events.of_endpoint(endpoint_id), key=lambda e: e["id"])

    # --- writes ---------------------------------------------------------------------------

    def create(self, endpoint: Endpoint, sim_id: int | None, activate: bool) -> Endpoint:
        """Store ``endpoint`` (its ``id`` is replaced by a new one), then assign the SIM."""
        now = int(self._clock())
        new = self.records.add(dataclasses.replace(endpoint, created_ts=now, last_updated_ts=now))
        self.record_event(new.id, _API_EVENT, f"Endpoint '{new.name}' created.")
        if sim_id is not None:
            self.assign_sim(new.id, sim_id, activate)
        self._on_change()
        return new

    def update(self, endpoint_id: int, fields: dict[str, Any]) -> None:
        """Set ``Endpoint`` attributes (not the address: :meth:`move_address`)."""
        endpoint = self.records.editable(endpoint_id)
        before = endpoint.status_id
        for key, value in fields.items():
            setattr(endpoint, key, value)
        endpoint.last_updated_ts = int(self._clock())
        self.record_event(endpoint_id, _API_EVENT, f"Endpoint '{endpoint.name}' updated.")
        if endpoint.status_id != before:
            if endpoint.status_id == ENDPOINT_ENABLED:
                self.record_event(endpoint_id, (42, 2, 0), "Endpoint enabled.")
            elif endpoint.status_id == ENDPOINT_DISABLED:
                self.record_event(endpoint_id, (43, 2, 0), "Endpoint disabled.")
        self._on_change()

    def move_address(self, endpoint_id: int, space_id: int, address: str) -> None:
        endpoint = self.records.editable(endpoint_id)
        self.records.move_address(endpoint, space_id, address)
        self._on_change()

    def assign_sim(self, endpoint_id: int, sim_id: int | None, activate: bool = False) -> None:
        """Give the endpoint ``sim_id`` (``None`` releases its SIM); the SIM's previous
        endpoint and the endpoint's previous SIM lose their link. ``activate`` activates an
        Issued or Factory Test SIM."""
        current = self.link.left_of(endpoint_id)
        if current == sim_id:
            return
        self.records.editable(endpoint_id).last_updated_ts = int(self._clock())
        if current is not None:
            self.link.link(current, None)
            self._sim_event(endpoint_id, current, 50, f"SIM {current} released from endpoint")
        if sim_id is not None:
            previous = self.link.right_of(sim_id)
            if previous is not None:
                self._sim_event(previous, sim_id, 50, f"SIM {sim_id} released from endpoint")
            self.link.link(sim_id, endpoint_id)
            if activate and self.sims.table.status[sim_id - 1] in (ISSUED, FACTORY_TEST):
                self.sims.set_status(sim_id, ACTIVATED)
            self._sim_event(endpoint_id, sim_id, 51, f"SIM {sim_id} assigned to endpoint")
        self._on_change()

    def delete(self, endpoint_id: int) -> None:
        """Remove the endpoint and its state (it must have no SIM)."""
        endpoint = self.records.get(endpoint_id)
        assert endpoint is not None and self.link.left_of(endpoint_id) is None
        self.record_event(endpoint_id, _API_EVENT, f"Endpoint '{endpoint.name}' deleted.")
        self.records.remove(endpoint_id)
        for dependent in self.dependents:
            dependent.forget(endpoint_id)
        self._on_change()

    # --- events -----------------------------------------------------------------------------

    def record_event(
        self,
        endpoint_id: int,
        kind: tuple[int, int, int],
        description: str,
        detail: JsonObj | None = None,
    ) -> None:
        """Record an event about the endpoint (and the SIM it has), as the API would show it."""
        endpoint = self.records.get(endpoint_id)
        assert endpoint is not None, endpoint_id
        sim_id = self.link.left_of(endpoint_id)
        event = self.sims.render.event(
            self.events.new_id(),
            sim_id,
            int(self._clock()),
            _kind(kind, description),
            endpoint_id=endpoint_id,
            org_id=endpoint.org_id,
            detail=detail,
        )
        self.events.add(event, sim_id=sim_id, endpoint_id=endpoint_id)
        self._on_change()

    def _sim_event(self, endpoint_id: int, sim_id: int, type_id: int, text: str) -> None:
        endpoint = self.records.get(endpoint_id)
        assert endpoint is not None, endpoint_id
        event = self.sims.render.event(
            self.events.new_id(),
            sim_id,
            int(self._clock()),
            _kind((type_id, 2, 0), f"{text} {endpoint_id}"),
            endpoint_id=endpoint_id,
            org_id=endpoint.org_id,
            detail={},
        )
        self.events.add(event, sim_id=sim_id, endpoint_id=endpoint_id)


def _kind(kind: tuple[int, int, int], description: str) -> EventKind:
    """An event kind whose description is taken literally (names may contain braces)."""
    return (*kind, description.replace("{", "{{").replace("}", "}}"))
