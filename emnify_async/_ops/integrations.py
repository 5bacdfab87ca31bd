"""Integrations: Data Streamer v2 (`/api/v2/data_stream`), API callbacks and API secrets."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from yarl import URL

from .._body import Ref, checked, lookup, require_any, text
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_bool, check_lookup_id
from .._types import NOT_GIVEN, NotGiven
from ..models import ApiCallback, ApiSecret, DataStream, DataStreamFilterField, Secret, Status

__all__ = [
    "CALLBACKS",
    "CREATE_CALLBACK",
    "CREATE_SECRET",
    "CREATE_STREAM",
    "DELETE_CALLBACK",
    "DELETE_SECRET",
    "DELETE_STREAM",
    "FILTER_FIELDS",
    "GET_CALLBACK",
    "GET_SECRET",
    "GET_STREAM",
    "RESTART_STREAM",
    "SECRETS",
    "STREAMS",
    "STREAM_STATUSES",
    "STREAM_TYPES",
    "UPDATE_STREAM",
    "CallbackCreate",
    "SecretCreate",
    "StreamCreate",
    "StreamPatch",
    "stream_id",
]

_STREAMS = "/api/v2/data_stream"
_STREAM = f"{_STREAMS}/{{data_stream_id}}"
_CALLBACKS = "/api/v1/api_callback"
_SECRETS = "/api/v1/api_secret"
# emnify's stream ids are short hex strings ("a1b2c3d4"); accept any plain token of that kind.
_STREAM_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
_EVENTS_TYPE = 2
_EVENT_FILTER_FIELDS = ("event_type_id", "alert")


def stream_id(value: Any, name: str) -> str:
    """A data stream id (`"a1b2c3d4"`), or a `DataStream` whose id it is."""
    ident = value if type(value) is str else getattr(value, "id", None)
    if type(ident) is not str or not _STREAM_ID.fullmatch(ident):
        raise InputError(f"{name} must be a data stream id such as 'a1b2c3d4', got {value!r}")
    return ident


def _destination(value: Any, name: str) -> dict[str, Any]:
    to_json = getattr(value, "to_json", None)
    if callable(to_json) and hasattr(type(value), "connection_type"):
        payload: dict[str, Any] = to_json()
        return payload
    if isinstance(value, Mapping):
        kind = value.get("connection_type")
        if not isinstance(kind, str) or not kind.strip():
            raise InputError(f"{name} needs a connection_type")
        if not isinstance(value.get("credentials", {}), Mapping):
            raise InputError(f"{name}'s credentials must be an object")
        return dict(value)
    raise InputError(
        f"{name} must be a destination (WebhookDestination(...), KinesisDestination(...), ...) "
        f"or a mapping with a connection_type, got {type(value).__name__}"
    )


def _filter_value(field: str, value: Any, name: str) -> Any:
    if field == "alert":
        return check_bool(value, f"{name}['alert']")
    if field == "event_type_id":
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or not value:
            raise InputError(f"{name}['event_type_id'] must be a non-empty list of event type ids")
        return [check_lookup_id(item, f"{name}['event_type_id']") for item in value]
    return value


def _filters(value: Any, name: str) -> list[dict[str, Any]]:
    """`{"event_type_id": [1, 2], "alert": True}`, or filter models/objects, as the API's list."""
    if isinstance(value, Mapping):
        pairs = list(value.items())
    elif isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        pairs = []
        for item in value:
            get = item.get if isinstance(item, Mapping) else lambda key, i=item: getattr(i, key)
            pairs.append((get("field"), get("value")))
    else:
        raise InputError(f"{name} must be a mapping of field to values, e.g. {{'alert': True}}")
    filters = []
    for field, wanted in pairs:
        if not isinstance(field, str) or not field:
            raise InputError(f"{name} names a filter field that is not a string: {field!r}")
        filters.append({"field": field, "value": _filter_value(field, wanted, name)})
    return filters


def _check_filtered_type(body: Any) -> None:
    kind, filters = body.data_stream_type, body.filters
    if isinstance(kind, Ref) and kind.id != _EVENTS_TYPE and isinstance(filters, list) and filters:
        raise InputError("only event streams (data_stream_type 2) can be filtered")


@attrs.frozen(kw_only=True)
class StreamCreate:
    """The body of POST /api/v2/data_stream."""

    name: str | NotGiven = text(non_empty=True)
    data_stream_type: Ref | NotGiven = lookup()
    destination: dict[str, Any] | NotGiven = checked(_destination)
    filters: list[dict[str, Any]] | NotGiven = checked(_filters)
    relation_resolution: Ref | NotGiven = lookup()

    def __attrs_post_init__(self) -> None:
        for field in ("data_stream_type", "destination"):
            if isinstance(getattr(self, field), NotGiven):
                raise InputError(f"a data stream needs a {field}")
        _check_filtered_type(self)


@attrs.frozen(kw_only=True)
class StreamPatch:
    """The body of PATCH /api/v2/data_stream/{id}: only the fields given are sent."""

    name: str | NotGiven = text(non_empty=True)
    data_stream_type: Ref | NotGiven = lookup()
    destination: dict[str, Any] | NotGiven = checked(_destination)
    filters: list[dict[str, Any]] | NotGiven = checked(_filters)
    relation_resolution: Ref | NotGiven = lookup()
    status: Ref | NotGiven = lookup()

    def __attrs_post_init__(self) -> None:
        require_any(self, "a data stream update")
        _check_filtered_type(self)


def _callback_url(value: Any, name: str) -> str:
    try:
        url = URL(value) if isinstance(value, str) else None
    except ValueError:
        url = None
    if url is None or url.scheme not in ("http", "https") or not url.host:
        raise InputError(f"{name} must be an absolute http(s) URL, got {value!r}")
    return str(value)


def _secret(value: Any, name: str) -> str:
    plain = value.get_secret_value() if isinstance(value, Secret) else value
    if not isinstance(plain, str) or not plain or plain != plain.strip():
        # Never echo the value: it is a secret.
        raise InputError(f"{name} must be a non-empty string without surrounding blanks")
    return plain


def _secret_field(value: Any) -> str | NotGiven:
    return value if isinstance(value, NotGiven) else _secret(value, "secret")


@attrs.frozen(kw_only=True)
class CallbackCreate:
    """The body of POST /api/v1/api_callback."""

    url: str | NotGiven = checked(_callback_url)
    purpose: str | NotGiven = text()


@attrs.frozen(kw_only=True)
class SecretCreate:
    """The body of POST /api/v1/api_secret (the spec's example sends `secret`)."""

    secret: str | NotGiven = attrs.field(default=NOT_GIVEN, converter=_secret_field, repr=False)
    purpose: str | NotGiven = text()


# -- Data Streamer v2 ---------------------------------------------------------------------------

# The spec's schema says object, its example (and the API) an array; not paged.
STREAMS = Operation("ListDataStreamerV2s", "GET", _STREAMS, Returns.ARRAY, DataStream)
# 201 with the new id (a string) in `Location`: read by the resource, not as CREATED_ID
# (whose ids are integers). A retried create would make a second stream: not safe.
CREATE_STREAM: Operation[None] = Operation(
    "CreateDataStreamer",
    "POST",
    _STREAMS,
    Returns.NOTHING,
    body=StreamCreate,
    success=frozenset({201}),
)
STREAM_STATUSES = Operation(
    "GetDataStreamerStatuses", "GET", f"{_STREAMS}/status", Returns.ARRAY, Status
)
STREAM_TYPES = Operation(
    "GetDataStreamerDataStreamType", "GET", f"{_STREAMS}/type", Returns.ARRAY, Status
)
FILTER_FIELDS = Operation(
    "GetDataStreamerEnumFilterFieldType",
    "GET",
    f"{_STREAMS}/filter_field_type",
    Returns.ARRAY,
    DataStreamFilterField,
)
GET_STREAM = Operation(
    "GetDataStreamerByIdV2",
    "GET",
    _STREAM,
    Returns.OBJECT,
    DataStream,
    path_params={"data_stream_id": stream_id},
)
# Documented as 202 Accepted (the change is applied asynchronously); 204 is taken too.
UPDATE_STREAM: Operation[None] = Operation(
    "PatchV2DataStream",
    "PATCH",
    _STREAM,
    Returns.NOTHING,
    body=StreamPatch,
    path_params={"data_stream_id": stream_id},
    success=frozenset({202, 204}),
)
DELETE_STREAM: Operation[None] = Operation(
    "DeleteDataStreamerV2",
    "DELETE",
    _STREAM,
    Returns.NOTHING,
    path_params={"data_stream_id": stream_id},
    success=frozenset({202, 204}),
)
# Restarting twice leaves the stream as restarting once does (running again): safe to repeat.
RESTART_STREAM: Operation[None] = Operation(
    "DataStreamerV2ByIdRestart",
    "POST",
    f"{_STREAM}/restart",
    Returns.NOTHING,
    path_params={"data_stream_id": stream_id},
    success=frozenset({202, 204}),
    safe=True,
)

# -- API callbacks ------------------------------------------------------------------------------

CALLBACKS = Operation("GetAPICallbackURLs", "GET", _CALLBACKS, Returns.ARRAY, ApiCallback)
CREATE_CALLBACK: Operation[None] = Operation(
    "CreateCallbackURL", "POST", _CALLBACKS, Returns.CREATED_ID, body=CallbackCreate
)
GET_CALLBACK = Operation(
    "GetCallbackURLbyID", "GET", f"{_CALLBACKS}/{{api_callback_id}}", Returns.OBJECT, ApiCallback
)
# Documented as 200 with no body; 204 is taken too.
DELETE_CALLBACK: Operation[None] = Operation(
    "DeleteCallbackURL",
    "DELETE",
    f"{_CALLBACKS}/{{api_callback_id}}",
    Returns.NOTHING,
    success=frozenset({200, 204}),
)

# -- API secrets --------------------------------------------------------------------------------

SECRETS = Operation("GetAPICallbackSecret", "GET", _SECRETS, Returns.ARRAY, ApiSecret)
# The request carries the secret: sensitive, so no answer of it is ever kept in an error.
CREATE_SECRET: Operation[None] = Operation(
    "CreateCallbackSecret",
    "POST",
    _SECRETS,
    Returns.CREATED_ID,
    body=SecretCreate,
    sensitive=True,
)
GET_SECRET = Operation(
    "GetCallbackSecretbyID", "GET", f"{_SECRETS}/{{api_secret_id}}", Returns.OBJECT, ApiSecret
)
DELETE_SECRET: Operation[None] = Operation(
    "DeleteCallbackSecret",
    "DELETE",
    f"{_SECRETS}/{{api_secret_id}}",
    Returns.NOTHING,
    success=frozenset({200, 204}),
)
