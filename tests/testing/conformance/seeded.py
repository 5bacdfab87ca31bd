"""Pickers of seeded objects for the cases: chosen by what they are, never by a fixed id."""

from __future__ import annotations

import datetime as dt
from typing import Any

from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing._catalog import TRAFFIC_LIMITS
from tests.testing.conformance.harness import NOW


def first_sim(emu: Emulator, status: int, endpoint: bool) -> int:
    """The first SIM of the parent with ``status`` and (or without) an endpoint."""
    table = emu.state.table
    return next(
        i
        for i in emu.state.sim_ids()
        if table.status[i - 1] == status and bool(table.endpoint[i - 1]) == endpoint
    )


def traffic_sim(emu: Emulator) -> int:
    """A SIM that has used the network (its statistics have months)."""
    return next(i for i in emu.state.sim_ids() if emu.state.render.has_traffic(i))


def bic(emu: Emulator, index: int) -> str:
    """BIC of seeded batch ``index``: 0, 1 registrable, 2 registered, 3 foreign SIMs."""
    return list(emu.state.batches)[index]


def month(offset: int = 0, last: bool = False) -> str:
    """First (or last) day of the month ``offset`` months from now, as a spec date-time."""
    first = dt.date.fromisoformat(NOW[:10]).replace(day=1)
    for _ in range(offset + int(last)):
        first = (first + dt.timedelta(days=32)).replace(day=1)
    day = first - dt.timedelta(days=1) if last else first
    return f"{day.isoformat()}T00:00:00.000Z"


def endpoint(emu: Emulator, *, status: str | None = None, complete: bool = True) -> int:
    """A seeded endpoint of the parent with a SIM; ``complete``: with an IMEI and tags (the
    spec types them as non-null strings); ``status``: its connectivity status."""
    endpoints, connectivity = emu.state.endpoints, emu.state.connectivity
    for endpoint_id in emu.state.endpoint_ids():
        found = endpoints.get(endpoint_id)
        assert found is not None
        if endpoints.sim_of(endpoint_id) is None:
            continue
        if complete and (found.imei is None or found.tags is None):
            continue
        if status is not None and connectivity.state(endpoint_id).status != status:
            continue
        return endpoint_id
    raise AssertionError("no such endpoint")


def spare(emu: Emulator, index: int = 0) -> int:
    """One of the parent's seeded endpoints without a SIM."""
    endpoints = emu.state.endpoints
    spares = [i for i in emu.state.endpoint_ids() if endpoints.sim_of(i) is None]
    return spares[index]


def free_sim(emu: Emulator) -> int:
    """An Issued SIM of the parent without an endpoint (creating an endpoint activates it)."""
    return first_sim(emu, 0, False)


def new_endpoint(name: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "status": {"id": 0},
        "service_profile": {"id": 1},
        "tariff_profile": {"id": 1},
        **extra,
    }


def service_profile(emu: Emulator, *, used: bool, dns: bool = False) -> int:
    """A service profile of the parent that endpoints use (or not), with a DNS config or not."""
    profiles = emu.state.profiles
    return next(
        p.id
        for p in profiles.service_profiles_of(emu.state.org_id)
        if bool(profiles.used_count(p)) == used and (p.dns_id is not None) == dns
    )


def dns_config(emu: Emulator, *, used: bool) -> int:
    """A DNS configuration of the parent that a service profile uses (or not)."""
    state = emu.state
    return next(
        c.id for c in state.dns.of_org(state.org_id) if state.profiles.uses_dns(c.id) == used
    )


def traffic_limit(service_id: int, index: int = 0) -> int:
    """One of the seeded traffic limits of a service."""
    return sorted(i for i, (service, _, _) in TRAFFIC_LIMITS.items() if service == service_id)[
        index
    ]


def esim(emu: Emulator, physical: bool = False) -> int:
    """The first eSIM of the parent (with ``physical``: its first SIM that is not one)."""
    from emnify_async.testing._catalog import ESIM_MODEL

    table = emu.state.table
    return next(i for i in emu.state.sim_ids() if (table.model[i - 1] == ESIM_MODEL) != physical)


def unassigned_space(emu: Emulator, version: int = 4) -> int:
    """An IP address space no organisation has."""
    spaces = emu.state.profiles.ip_spaces.values()
    return next(s.id for s in spaces if s.org_id is None and s.version == version)


def newest_tariff_profile(emu: Emulator) -> int:
    """The tariff profile the parent created last."""
    return max(p.id for p in emu.state.billing.profiles_of(emu.state.org_id))


def euicc(emu: Emulator, *, iot: bool = True, index: int = 0) -> int:
    """One of the parent's eUICCs: an IoT one (operations are served) or not."""
    euiccs = emu.state.euiccs
    return [i for i in euiccs.ids(emu.state.org_id) if euiccs.is_iot(i) == iot][index]


def eid(emu: Emulator, index: int = 0) -> str:
    """The EID of one of the parent's IoT eUICCs."""
    return emu.state.euiccs.eid(euicc(emu, index=index))


def stock_sim(emu: Emulator, index: int = 0) -> int:
    """An unlinked eSIM profile (a SIM of the eSIM stock) of the parent."""
    return emu.state.euiccs.unlinked(emu.state.org_id)[index]


def advance(emu: Emulator, seconds: float) -> None:
    """Move the emulator's (manual) clock on: operations run by it."""
    clock = emu.config.clock
    assert isinstance(clock, ManualClock)
    clock.advance(seconds)
