"""eUICC models (SGP.32 IoT eSIMs): ``/api/v1/euicc`` and its operations.

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec.
"""

import datetime

import attrs

from ._base import Model
from ._common import OrganisationSummary, Status
from .endpoints import NamedRef

__all__ = ["Euicc", "EuiccOperation", "EuiccOperationError", "EuiccProfile", "OperationUser"]


@attrs.frozen(kw_only=True)
class EuiccProfile(Model):
    """One eSIM profile on an eUICC."""

    iccid_with_luhn: str | None = None
    """The profile's ICCID, including the Luhn check digit."""
    status: Status | None = None
    """Profile status; the ids are listed by `AsyncEuiccs.profile_statuses()`."""
    customer_org: OrganisationSummary | None = None
    """The organisation using the profile, if any."""
    name: str | None = None
    """Profile name, e.g. ``"emnify IoT eSIM profile"``."""
    operator: NamedRef | None = None
    """The connectivity provider of the profile, if known."""
    preloaded: bool | None = None
    """Whether the profile came installed on the eUICC."""
    fallback_allowed: bool | None = None
    """Whether the profile may be made the fallback profile."""
    fallback_attribute: bool | None = None
    """Whether the profile is the fallback: used when the active one loses the network."""
    profile_type: Status | None = None
    """Profile type, e.g. ``{5, "IoT eUICC Profile"}``."""
    endpoint: NamedRef | None = None
    """The endpoint (device) using the profile, if any."""


@attrs.frozen(kw_only=True)
class Euicc(Model):
    """An eUICC (embedded SIM chip), as listed by ``GET /api/v1/euicc``."""

    id: int
    """eUICC id (used in the paths, not the EID)."""
    eid: str | None = None
    """The eUICC identifier: 32 digits starting with 89."""
    created: datetime.datetime | None = None
    """When emnify registered the eUICC (UTC)."""
    issuer_org: OrganisationSummary | None = None
    """The organisation that issued the eUICC."""
    customer_org: OrganisationSummary | None = None
    """The organisation using the eUICC."""
    supported_profile_type: Status | None = None
    """The profile type it supports; operations need an IoT eUICC (SGP.32)."""
    status: Status | None = None
    """eUICC status; the ids are listed by `AsyncEuiccs.statuses()`."""
    last_audited: datetime.datetime | None = None
    """The last audit of its profiles (UTC), if any."""
    last_polled: datetime.datetime | None = None
    """When it last asked the eIM for pending operations (UTC), if ever."""
    last_synced: datetime.datetime | None = None
    """When emnify last synchronised its state with the eIM (UTC), if ever."""
    eim: Status | None = None
    """The eSIM IoT manager (eIM) serving it."""
    profile: list[EuiccProfile] = attrs.field(factory=list)
    """Its profiles."""


@attrs.frozen(kw_only=True)
class OperationUser(Model):
    """Who scheduled an operation."""

    id: int | None = None
    """User id."""
    name: str | None = None
    """User name."""


@attrs.frozen(kw_only=True)
class EuiccOperationError(Model):
    """Why an eUICC operation failed."""

    reason: int | None = None
    """A reason code."""
    message: str | None = None
    """What went wrong."""


@attrs.frozen(kw_only=True)
class EuiccOperation(Model):
    """A profile operation scheduled on an eUICC; it runs when the eUICC next polls."""

    id: str
    """Operation id, a UUID."""
    action: Status | None = None
    """What it does; the ids are listed by `AsyncEuiccOperations.actions()`."""
    status: Status | None = None
    """Where it stands (Scheduled first); listed by `AsyncEuiccOperations.statuses()`."""
    creation_date: datetime.datetime | None = None
    """When it was scheduled (UTC)."""
    expiry_date: datetime.datetime | None = None
    """When it expires unless the eUICC has run it (UTC)."""
    finalization_date: datetime.datetime | None = None
    """When it finished (UTC); absent while it is pending."""
    last_updated_at: datetime.datetime | None = None
    """Its last change (UTC)."""
    user: OperationUser | None = None
    """Who scheduled it."""
    error: EuiccOperationError | None = None
    """Why it failed, if it did."""
    iccid_with_luhn: str | None = None
    """The profile it acts on, if any."""
