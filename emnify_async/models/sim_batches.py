"""SIM batch models: ``/api/v1/sim_batch/bic/{bic}``."""

import datetime

import attrs

from ._base import Model
from ._common import SimModel, Status
from .sims import Sim

__all__ = ["SimBatch", "SimBatchRegistration"]


@attrs.frozen(kw_only=True)
class SimBatch(Model):
    """A SIM batch, as returned when validating a BIC."""

    id: int
    """Batch id."""
    bic: str | None = None
    """Batch identification code (16 characters)."""
    bsn: str | None = None
    """Batch serial number."""
    quantity: int | None = None
    """Number of SIMs in the batch."""
    sim_batch_status_id: int | None = None
    """Batch status id; see ``status``."""
    sim_model_id: int | None = None
    """SIM model id."""
    issuer_org_id: int | None = None
    """Issuer organisation id."""
    customer_org_id: int | None = None
    """Customer organisation id, once registered."""
    reseller_org_id: int | None = None
    """Reseller organisation id, if any."""
    activated: datetime.datetime | None = None
    """Activation time of the batch (UTC)."""
    logistic_center_id: int | None = None
    """Logistic centre id."""
    article_id: int | None = None
    """Article id."""
    status: Status | None = None
    """Batch status, e.g. ``"IN STOCK"``."""
    model: SimModel | None = None
    """SIM model of the batch."""


@attrs.frozen(kw_only=True)
class SimBatchRegistration(Model):
    """Response of registering a batch: the SIMs now assigned to the caller."""

    sim: list[Sim]
    """Registered SIMs (usually only ``id`` and ``iccid`` are set)."""
