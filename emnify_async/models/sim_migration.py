"""SIM migration between workspaces: ``POST /api/v1/sim/migration/workspace``.

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec.
"""

import attrs

from ._base import Model
from ._common import Status
from .endpoints import NamedRef

__all__ = ["MigratedSim", "SimMigration"]


@attrs.frozen(kw_only=True)
class MigratedSim(Model):
    """A SIM of a migration (to be migrated, or migrated)."""

    id: int | None = None
    """SIM id."""
    iccid: str | None = None
    """ICCID without the Luhn check digit."""
    iccid_with_luhn: str | None = None
    """ICCID including the Luhn check digit."""
    endpoint: NamedRef | None = None
    """The device the SIM is attached to; ``None`` when it is attached to none."""
    status: Status | None = None
    """The SIM's status before the migration (Activated SIMs are suspended by it)."""
    source_workspace: NamedRef | None = None
    """The workspace the SIM comes from."""


@attrs.frozen(kw_only=True)
class SimMigration(Model):
    """What a migration did, or (a dry run) would do."""

    sim_count: int | None = None
    """SIMs migrated, or to be migrated."""
    dry_run: bool | None = None
    """Whether this was only a preview (nothing changed)."""
    allowed_sim_statuses: list[Status] = attrs.field(factory=list)
    """The statuses the request allowed; empty when it allowed all."""
    target_workspace: NamedRef | None = None
    """The workspace the SIMs go to."""
    auto_detach_devices: bool | None = None
    """Whether SIMs were detached from their devices first."""
    sims: list[MigratedSim] = attrs.field(factory=list)
    """The SIMs."""
