"""Event models: ``/api/v1/event``, ``/api/v1/sim/{id}/event``, ``/api/v1/endpoint/{id}/event``."""

import datetime
from typing import Any

import attrs

from ._base import Model
from ._common import OrganisationSummary, Status

__all__ = ["Event", "EventEndpoint", "EventImsi", "EventSim", "EventSource", "EventUser"]


@attrs.frozen(kw_only=True)
class EventSource(Model):
    """Where an event came from (network, policy control, API...)."""

    id: int | None = None
    """Source id."""
    name: str | None = None
    """Source name, e.g. ``"Network"``."""
    description: str | None = None
    """Source label; some responses send this instead of ``name``."""


@attrs.frozen(kw_only=True)
class EventUser(Model):
    """The user who triggered an event."""

    id: int | None = None
    """User id."""
    username: str | None = None
    """Login name (an e-mail address)."""
    name: str | None = None
    """Display name."""


@attrs.frozen(kw_only=True)
class EventEndpoint(Model):
    """The endpoint an event refers to."""

    id: int | None = None
    """Endpoint id."""
    name: str | None = None
    """Endpoint name."""
    tags: str | None = None
    """Comma-separated tags."""
    ip_address: str | None = None
    """Assigned IP address."""
    imei: str | None = None
    """Device IMEI."""


@attrs.frozen(kw_only=True)
class EventSim(Model):
    """The SIM an event refers to."""

    id: int | None = None
    """SIM id."""
    iccid: str | None = None
    """ICCID."""
    production_date: datetime.datetime | None = None
    """Production time (UTC)."""


@attrs.frozen(kw_only=True)
class EventImsi(Model):
    """The IMSI an event refers to."""

    id: int | None = None
    """IMSI record id."""
    imsi: str | None = None
    """The IMSI."""
    import_date: datetime.datetime | None = None
    """Import time (UTC)."""


@attrs.frozen(kw_only=True)
class Event(Model):
    """An event, as returned by the event listing endpoints."""

    id: int
    """Event id."""
    timestamp: datetime.datetime | None = None
    """When the event happened (UTC)."""
    alert: bool | None = None
    """Whether the event is flagged as an alert."""
    description: str | None = None
    """Human-readable description."""
    event_type: Status | None = None
    """Event type, see ``GET /api/v1/event/type``."""
    event_source: EventSource | None = None
    """Event source."""
    event_severity: Status | None = None
    """Severity: 0 info, 1 warning, 2 critical."""
    organisation: OrganisationSummary | None = None
    """Organisation the event belongs to."""
    user: EventUser | None = None
    """User who triggered the event, if any."""
    endpoint: EventEndpoint | None = None
    """Endpoint involved, if any."""
    sim: EventSim | None = None
    """SIM involved, if any."""
    imsi: EventImsi | None = None
    """IMSI involved, if any."""
    detail: dict[str, Any] | None = None
    """Free-form, event-type-specific details, kept as decoded JSON."""
