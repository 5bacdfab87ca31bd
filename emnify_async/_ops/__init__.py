"""The declarations of every operation the SDK calls, one module per API area.

Each module declares its request-body models and one `Operation` per API operation; the
resources in `emnify_async.resources` run them. `ALL` lists every declaration (for the tests
that hold them against the official spec and the emulator).
"""

from __future__ import annotations

from .._operation import Operation
from . import (
    application_tokens,
    authentication,
    automations,
    cloud_connect,
    dns,
    endpoints,
    euiccs,
    event_configurations,
    events,
    integrations,
    ip_address_spaces,
    lookups,
    operators,
    organisations,
    service_profiles,
    services,
    sim_batches,
    sim_operations,
    sims,
    tags,
    tariff_profiles,
    tariffs,
    user_mfa,
    users,
    workspaces,
)

__all__ = ["ALL"]


def _declared(*modules: object) -> tuple[Operation[object], ...]:
    return tuple(
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, Operation)
    )


ALL = _declared(
    application_tokens,
    authentication,
    automations,
    cloud_connect,
    dns,
    endpoints,
    euiccs,
    event_configurations,
    events,
    integrations,
    ip_address_spaces,
    lookups,
    operators,
    organisations,
    service_profiles,
    services,
    sim_batches,
    sim_operations,
    sims,
    tags,
    tariff_profiles,
    tariffs,
    user_mfa,
    users,
    workspaces,
)
"""Every operation declared, in module order."""
