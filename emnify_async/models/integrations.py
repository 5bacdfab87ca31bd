"""Integration models: API callbacks and secrets (``/api/v1/api_callback``,
``/api/v1/api_secret``) and Data Streamer v2 (``/api/v2/data_stream``)."""

import datetime
import enum
from typing import Any

import attrs

from ._base import Model
from ._common import Status
from ._secret import Secret

__all__ = [
    "ApiCallback",
    "ApiSecret",
    "DataStream",
    "DataStreamDestination",
    "DataStreamFilter",
    "DataStreamFilterField",
    "DataStreamStatusId",
    "DataStreamTypeId",
    "NewApiSecret",
]

_MASK = "********"
# Keys of destination credentials that are secrets (API keys, write keys, connection strings
# with an access key, custom headers that usually carry `Authorization`).
SECRET_CREDENTIALS = frozenset({"api_key", "write_key", "connection_string", "headers"})


class DataStreamStatusId(enum.IntEnum):
    """Data stream statuses, as listed by ``GET /api/v2/data_stream/status``."""

    RUNNING = 1
    PAUSED = 2
    """Not sending; data is kept for up to 7 days and sent on resuming."""
    ERROR = 3
    """Misconfigured, or retries exhausted: `restart()` it."""
    PENDING = 4
    """Not initialised yet (briefly, after creation or a restart)."""


class DataStreamTypeId(enum.IntEnum):
    """Data stream types, as listed by ``GET /api/v2/data_stream/type``."""

    USAGE = 1
    EVENTS = 2


@attrs.frozen(kw_only=True)
class ApiCallback(Model):
    """A callback URL emnify sends MO SMS and delivery receipts to (via a service profile)."""

    id: int
    """Callback id (referenced by service profiles as ``api_callback``)."""
    url: str | None = None
    """Where emnify sends the requests."""
    purpose: str | None = None
    """Free-text purpose."""
    created: datetime.datetime | None = None
    """When it was created (UTC)."""
    organisation_id: int | None = None
    """The owning organisation."""


@attrs.frozen(kw_only=True)
class ApiSecret(Model):
    """An API callback secret; the API never returns its value."""

    id: int
    """Secret id (referenced by service profiles as ``api_secret``)."""
    purpose: str | None = None
    """Free-text purpose."""
    organisation_id: int | None = None
    """The owning organisation."""


@attrs.frozen(kw_only=True)
class NewApiSecret(Model):
    """A secret just created: its id, and its value (masked; `secret.get_secret_value()`)."""

    id: int
    """Secret id (from the `Location` header)."""
    secret: Secret
    """The signing key of the callbacks' JWTs; store `secret.get_secret_value()` in your
    receiver: the API never returns it again."""
    purpose: str | None = None
    """Free-text purpose, as sent."""


def mask_credentials(credentials: Any) -> str:
    """The repr of destination credentials with their secret values masked."""
    if not isinstance(credentials, dict):
        return repr(credentials)
    shown = {
        key: (_MASK if key in SECRET_CREDENTIALS and value else value)
        for key, value in credentials.items()
    }
    return repr(shown)


@attrs.frozen(kw_only=True)
class DataStreamDestination(Model):
    """Where a data stream sends its records."""

    connection_type: str | None = None
    """``AwsKinesis``, ``S3``, ``RestAPI``, ``KeenIO``, ``Datadog``, ``EventHubs``,
    ``PubSub``..."""
    format: str | None = None
    """``Json`` or ``Csv``."""
    credentials: dict[str, Any] | None = attrs.field(default=None, repr=mask_credentials)
    """The destination's settings as the API returns them (emnify masks some secrets; the
    repr masks keys, write keys, connection strings and headers)."""


@attrs.frozen(kw_only=True)
class DataStreamFilter(Model):
    """A filter of an event stream: which records are sent."""

    field: str | None = None
    """``event_type_id`` or ``alert``."""
    value: Any = None
    """The values to keep: event type ids, or ``true`` for alerts only."""


@attrs.frozen(kw_only=True)
class DataStream(Model):
    """A Data Streamer v2 configuration, with its status."""

    id: str
    """Stream id, e.g. ``"a1b2c3d4"`` (a string, unlike most emnify ids)."""
    name: str | None = None
    """Descriptive name."""
    data_stream_type: Status | None = None
    """1 Usage or 2 Events (`DataStreamTypeId`)."""
    destination: DataStreamDestination | None = None
    """Where records go."""
    filters: list[DataStreamFilter] = attrs.field(factory=list)
    """Filters of an event stream (none: every record)."""
    relation_resolution: Status | None = None
    """Whose records are streamed: 1 Own, 3 Both (as the API's examples show)."""
    status: Status | None = None
    """1 Running, 2 Paused, 3 Error, 4 Pending (`DataStreamStatusId`)."""


@attrs.frozen(kw_only=True)
class DataStreamFilterField(Model):
    """A field data streams can filter on (its id is a name, not a number)."""

    id: str
    """The field, e.g. ``"event_type_id"``."""
    description: str | None = None
    """What filtering on it does."""
