"""SIM operation and eSIM product models: ``/api/v1/sim/operation``, unlinked eSIM stock.

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec.
"""

import datetime

import attrs

from ._base import Model
from ._common import Status
from .endpoints import NamedRef

__all__ = [
    "IdRef",
    "SimOperation",
    "SimOperationFailure",
    "SimOperationTarget",
    "UnlinkedProductStats",
]


@attrs.frozen(kw_only=True)
class IdRef(Model):
    """A reference by id only, e.g. ``{"id": 7}``."""

    id: int | None = None
    """The referenced object's id."""


@attrs.frozen(kw_only=True)
class SimOperationTarget(Model):
    """One SIM (and eUICC) a SIM operation acts on."""

    sim: IdRef | None = None
    """The SIM (an eSIM profile)."""
    eid: str | None = None
    """The eUICC identifier (EID) involved, if any."""


@attrs.frozen(kw_only=True)
class SimOperationFailure(Model):
    """A target of a SIM operation that failed."""

    eid: str | None = None
    """The EID of the failed target."""
    message: str | None = None
    """What went wrong."""


@attrs.frozen(kw_only=True)
class SimOperation(Model):
    """An operation on eSIMs (say, linking profiles to EIDs), run asynchronously."""

    id: str
    """Operation id, a UUID."""
    action: Status | None = None
    """What it does; the ids are listed by `AsyncSimOperations.actions()`."""
    status: Status | None = None
    """Where it stands; the ids are listed by `AsyncSimOperations.statuses()`."""
    product: IdRef | None = None
    """The eSIM product it took profiles from, if any."""
    creation_date: datetime.datetime | None = None
    """When it was triggered (UTC)."""
    last_updated_at: datetime.datetime | None = None
    """Its last change (UTC)."""
    finalization_date: datetime.datetime | None = None
    """When it finished (UTC); ``None`` while it runs."""
    target: list[SimOperationTarget] = attrs.field(factory=list)
    """What it acts on."""
    total_count: int | None = None
    """Targets in all."""
    failed_count: int | None = None
    """Targets that failed so far."""
    success_count: int | None = None
    """Targets that succeeded so far."""
    error: list[SimOperationFailure] = attrs.field(factory=list)
    """The failed targets, with why."""


@attrs.frozen(kw_only=True)
class UnlinkedProductStats(Model):
    """How many eSIM profiles of one product are unlinked (available for an EID)."""

    product: NamedRef | None = None
    """The eSIM product."""
    quantity: int | None = None
    """Unlinked (available) profiles of it."""
