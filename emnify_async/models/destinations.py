"""Data stream destinations, as passed to `client.data_streams.create()` and `update()`.

One class per ``connection_type`` of Data Streamer v2; each checks its settings when built
(`InputError`, before anything is sent) and masks its secrets in `repr`. A plain mapping
(``{"connection_type": ..., "credentials": {...}, "format": ...}``) is accepted too, for
destinations this SDK does not know yet.
"""

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import attrs
from yarl import URL

from .._exceptions import InputError
from ._base import Model

__all__ = [
    "DatadogDestination",
    "Destination",
    "EventHubsDestination",
    "KeenIODestination",
    "KinesisDestination",
    "PubSubDestination",
    "S3Destination",
    "WebhookDestination",
]

_MASK = "'********'"


def _secret_repr(value: Any) -> str:
    return _MASK if value else repr(value)


def _text(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{attribute.name} must be a non-empty string")


def _int_range(low: int, high: int) -> Any:
    def check(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value is None:
            return
        if type(value) is not int or not low <= value <= high:
            raise InputError(f"{attribute.name} must be an integer from {low} to {high}")

    return check


def _one_of(*choices: str) -> Any:
    def check(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if value not in choices:
            raise InputError(f"{attribute.name} must be one of {', '.join(choices)}")

    return check


def _http_url(instance: Any, attribute: "attrs.Attribute[Any]", value: Any) -> None:
    _text(instance, attribute, value)
    try:
        url = URL(value)
    except ValueError:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise InputError(f"{attribute.name} must be an absolute http(s) URL")


def _headers(value: Any) -> tuple[str, ...]:
    """`{"Authorization": "Basic ..."}` or `["Authorization:Basic ..."]` as `"name:value"`s."""
    items = (
        [f"{name}:{text}" for name, text in value.items()] if isinstance(value, Mapping) else value
    )
    if isinstance(items, (str, bytes)) or not isinstance(items, Sequence):
        raise InputError("headers must be a mapping of names to values, or 'name:value' strings")
    for item in items:
        name = item.partition(":")[0] if isinstance(item, str) else ""
        if not name.strip() or ":" not in item or "\n" in item or "\r" in item:
            # The header itself may be a secret: never in the message.
            raise InputError("each header must be 'name:value' with a name and no line break")
    return tuple(items)


def _payload(destination: Any, **credentials: Any) -> dict[str, Any]:
    return {
        "connection_type": destination.connection_type,
        "format": destination.format,
        "credentials": {k: v for k, v in credentials.items() if v is not None},
    }


@attrs.frozen(kw_only=True)
class KinesisDestination(Model):
    """Amazon Kinesis Data Streams (``AwsKinesis``)."""

    connection_type: ClassVar[str] = "AwsKinesis"
    region: str = attrs.field(validator=_text)
    """AWS region of the stream, e.g. ``"eu-west-1"``."""
    stream_name: str = attrs.field(validator=_text)
    """Name of the Kinesis stream."""
    role_arn: str = attrs.field(validator=_text)
    """ARN of an IAM role that may write to it."""
    format: str = attrs.field(default="Json", validator=_text)
    """Record format (``Json``)."""

    def to_json(self) -> dict[str, Any]:
        """The ``destination`` object the API takes."""
        return _payload(
            self, region=self.region, stream_name=self.stream_name, role_arn=self.role_arn
        )


@attrs.frozen(kw_only=True)
class S3Destination(Model):
    """Amazon S3 (``S3``), written as CSV files."""

    connection_type: ClassVar[str] = "S3"
    region: str = attrs.field(validator=_text)
    """AWS region of the bucket."""
    bucket_name: str = attrs.field(validator=_text)
    """Name of the bucket."""
    role_arn: str = attrs.field(validator=_text)
    """ARN of an IAM role that may write to it."""
    flush_size: int | None = attrs.field(default=None, validator=_int_range(10, 100_000))
    """Most records in one file, 10 to 100000 (emnify's default 10000)."""
    rotate_interval: int | None = attrs.field(default=None, validator=_int_range(10_000, 900_000))
    """Most milliseconds between file writes, 10000 to 900000 (default 10000)."""
    format: str = attrs.field(default="Csv", validator=_text)
    """Record format (``Csv``)."""

    def to_json(self) -> dict[str, Any]:
        """The ``destination`` object the API takes."""
        return _payload(
            self,
            region=self.region,
            bucket_name=self.bucket_name,
            role_arn=self.role_arn,
            flush_size=self.flush_size,
            rotate_interval=self.rotate_interval,
        )


@attrs.frozen(kw_only=True)
class WebhookDestination(Model):
    """An HTTPS endpoint of yours (``RestAPI``): see `emnify_async.webhooks` to receive it."""

    connection_type: ClassVar[str] = "RestAPI"
    url: str = attrs.field(validator=_http_url)
    """Where records are sent."""
    method: str = attrs.field(default="POST", validator=_one_of("POST", "PUT", "PATCH"))
    """``POST`` (the default), ``PUT`` or ``PATCH``."""
    headers: tuple[str, ...] = attrs.field(default=(), converter=_headers, repr=_secret_repr)
    """Headers sent with every request (e.g. ``{"Authorization": "Bearer ..."}``), as a
    mapping or ``"name:value"`` strings; masked in `repr` (emnify masks them in answers)."""
    size: int | None = attrs.field(default=None, validator=_int_range(1, 10_000))
    """Records per request, 1 to 10000 (default 3000); 1 sends single objects, more sends
    arrays."""
    format: str = attrs.field(default="Json", validator=_text)
    """Record format (``Json``)."""

    def to_json(self) -> dict[str, Any]:
        """The ``destination`` object the API takes."""
        return _payload(
            self,
            url=self.url,
            method=self.method,
            headers=list(self.headers) or None,
            size=self.size,
        )


@attrs.frozen(kw_only=True)
class KeenIODestination(Model):
    """KeenIO (``KeenIO``)."""

    connection_type: ClassVar[str] = "KeenIO"
    project_id: str = attrs.field(validator=_text)
    """The KeenIO project id."""
    write_key: str = attrs.field(validator=_text, repr=_secret_repr)
    """The project's write key (masked in `repr`)."""
    collection_name: str = attrs.field(validator=_text)
    """Collection to stream into."""
    size: int | None = attrs.field(default=None, validator=_int_range(1, 10_000))
    """Records per request, 1 to 10000 (default 3000)."""
    format: str = attrs.field(default="Json", validator=_text)
    """Record format (``Json``)."""

    def to_json(self) -> dict[str, Any]:
        """The ``destination`` object the API takes."""
        return _payload(
            self,
            project_id=self.project_id,
            write_key=self.write_key,
            collection_name=self.collection_name,
            size=self.size,
        )


@attrs.frozen(kw_only=True)
class DatadogDestination(Model):
    """Datadog (``Datadog``)."""

    connection_type: ClassVar[str] = "Datadog"
    api_key: str = attrs.field(validator=_text, repr=_secret_repr)
    """Datadog API key (masked in `repr`)."""
    region: str | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(_one_of("US", "US3", "EU", "US1FED")),
    )
    """``US`` (emnify's default), ``US3``, ``EU`` or ``US1FED``."""
    format: str = attrs.field(default="Json", validator=_text)
    """Record format (``Json``)."""

    def to_json(self) -> dict[str, Any]:
        """The ``destination`` object the API takes."""
        return _payload(self, api_key=self.api_key, region=self.region)


@attrs.frozen(kw_only=True)
class EventHubsDestination(Model):
    """Microsoft Azure Event Hubs (``EventHubs``)."""

    connection_type: ClassVar[str] = "EventHubs"
    connection_string: str = attrs.field(validator=_text, repr=_secret_repr)
    """Connection string with the access key (masked in `repr`)."""
    format: str = attrs.field(default="Json", validator=_text)
    """Record format (``Json``)."""

    def to_json(self) -> dict[str, Any]:
        """The ``destination`` object the API takes."""
        return _payload(self, connection_string=self.connection_string)


@attrs.frozen(kw_only=True)
class PubSubDestination(Model):
    """Google Cloud Pub/Sub (``PubSub``); emnify's service account must be allowed to write."""

    connection_type: ClassVar[str] = "PubSub"
    cps_topic: str = attrs.field(validator=_text)
    """Topic name."""
    cps_project: str = attrs.field(validator=_text)
    """Project id of the topic."""
    format: str = attrs.field(default="Json", validator=_text)
    """Record format (``Json``)."""

    def to_json(self) -> dict[str, Any]:
        """The ``destination`` object the API takes."""
        return _payload(self, cps_topic=self.cps_topic, cps_project=self.cps_project)


Destination = (
    KinesisDestination
    | S3Destination
    | WebhookDestination
    | KeenIODestination
    | DatadogDestination
    | EventHubsDestination
    | PubSubDestination
)
"""Any of the destination classes."""
