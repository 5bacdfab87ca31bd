"""Integrations: Data Streamer v2 (``/api/v2/data_stream``), API callback URLs
(``/api/v1/api_callback``) and API secrets (``/api/v1/api_secret``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiohttp import web
from yarl import URL

from emnify_async.testing._body import is_int, json_object
from emnify_async.testing._errors import (
    INVALID_FORMAT,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    ErrorKind,
    not_found,
)
from emnify_async.testing._routing import (
    Route,
    caller,
    created,
    ok,
    owned_id,
    state,
)
from emnify_async.testing._stores.integrations import (
    FILTER_FIELDS,
    PAUSED,
    PENDING,
    RELATIONS,
    RUNNING,
    STATUSES,
    TYPES,
    Integrations,
    Stream,
)

STREAMS = "/api/v2/data_stream"
CALLBACKS = "/api/v1/api_callback"
SECRETS = "/api/v1/api_secret"
CONFLICT: ErrorKind = (409, 1406, "NotAllowed")
"""A stream in a state that forbids the request (emnify documents 409; the body is ours)."""
EVENTS = 2
# connection_type -> (required credentials, optional credentials, formats)
CONNECTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "AwsKinesis": (("region", "stream_name", "role_arn"), (), ("Json",)),
    "S3": (("region", "bucket_name", "role_arn"), ("flush_size", "rotate_interval"), ("Csv",)),
    "RestAPI": (("url",), ("method", "headers", "size"), ("Json",)),
    "KeenIO": (("project_id", "write_key", "collection_name"), ("size",), ("Json",)),
    "Datadog": (("api_key",), ("region",), ("Json",)),
    "EventHubs": (("connection_string",), (), ("Json",)),
    "PubSub": (("cps_topic", "cps_project"), (), ("Json",)),
}
RANGES = {"size": (1, 10_000), "flush_size": (10, 100_000), "rotate_interval": (10_000, 900_000)}
CHOICES = {"method": ("POST", "PUT", "PATCH"), "region@Datadog": ("US", "US3", "EU", "US1FED")}


def _store(request: web.Request) -> Integrations:
    return state(request).integrations


def _lookup(values: dict[Any, str]) -> list[dict[str, Any]]:
    return [{"id": key, "description": text} for key, text in values.items()]


class _Problems:
    """The problems of one data stream body, answered as one 422 (the spec's flat error body)."""

    def __init__(self) -> None:
        self.found: list[tuple[ErrorKind, str]] = []

    def add(self, kind: ErrorKind, message: str) -> None:
        self.found.append((kind, message))

    def raise_if_any(self) -> None:
        if self.found:
            kind = self.found[0][0]
            raise ApiError.of(kind, "; ".join(message for _, message in self.found))


def _ref(body: dict[str, Any], key: str, table: dict[int, str], problems: _Problems) -> int | None:
    value = body[key]
    ref = value.get("id") if isinstance(value, dict) else None
    if not is_int(ref) or ref not in table:
        problems.add(INVALID_FORMAT, f'{key} must be {{"id": n}} with n in {sorted(table)}')
        return None
    return ref


def _credentials(kind: str, credentials: Any, problems: _Problems) -> None:
    required, optional, _ = CONNECTIONS[kind]
    if not isinstance(credentials, dict):
        problems.add(REQUIRED, f"destination.credentials are required for {kind}")
        return
    for key in required:
        if not isinstance(credentials.get(key), str) or not credentials[key].strip():
            problems.add(REQUIRED, f"destination.credentials.{key} is required for {kind}")
    for key, value in credentials.items():
        where = f"destination.credentials.{key}"
        if key not in required + optional:
            problems.add(INVALID_FORMAT, f"{where} is not a setting of {kind}")
        elif key in RANGES:
            low, high = RANGES[key]
            if not is_int(value) or not low <= value <= high:
                problems.add(OUT_OF_RANGE, f"{where} must be from {low} to {high}")
        elif key == "headers":
            if not isinstance(value, list) or not all(
                isinstance(h, str) and ":" in h for h in value
            ):
                problems.add(INVALID_FORMAT, f"{where} must be a list of 'name:value' strings")
        elif key == "url":
            url = URL(value) if isinstance(value, str) else None
            if url is None or url.scheme not in ("http", "https") or not url.host:
                problems.add(INVALID_FORMAT, f"{where} must be an absolute http(s) URL")
        elif (choices := CHOICES.get(key) or CHOICES.get(f"{key}@{kind}")) and value not in choices:
            problems.add(INVALID_FORMAT, f"{where} must be one of {', '.join(choices)}")


def _destination(value: Any, problems: _Problems) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        problems.add(REQUIRED, "destination is required")
        return None
    kind = value.get("connection_type")
    if kind not in CONNECTIONS:
        problems.add(
            INVALID_FORMAT, f"destination.connection_type must be one of {sorted(CONNECTIONS)}"
        )
        return None
    formats = CONNECTIONS[kind][2]
    fmt = value.get("format", formats[0])
    if fmt not in formats:
        problems.add(
            INVALID_FORMAT, f"destination.format must be {' or '.join(formats)} for {kind}"
        )
    _credentials(kind, value.get("credentials"), problems)
    return {"connection_type": kind, "credentials": value.get("credentials"), "format": fmt}


def _filters(value: Any, problems: _Problems) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        problems.add(INVALID_FORMAT, "filters must be a list")
        return []
    for item in value:
        field = item.get("field") if isinstance(item, dict) else None
        wanted = item.get("value") if isinstance(item, dict) else None
        if field == "alert" and isinstance(wanted, bool):
            continue
        ids = wanted if field == "event_type_id" and isinstance(wanted, list) else []
        if ids and all(is_int(v) or (isinstance(v, str) and v.isdigit()) for v in ids):
            continue
        problems.add(INVALID_FORMAT, f"filter {item!r} is not a filter on {sorted(FILTER_FIELDS)}")
    return [dict(item) for item in value]


async def _stream_fields(
    request: web.Request, *, create: bool, stream: Stream | None = None
) -> dict[str, Any]:
    """The stored attributes a create or update body sets, or 422 with every problem."""
    body = await json_object(request, "Data stream configuration is invalid")
    problems = _Problems()
    fields: dict[str, Any] = {}
    if create:
        for key in ("data_stream_type", "destination"):
            if key not in body:
                problems.add(REQUIRED, f"{key} is required")
    elif not body:
        problems.add(REQUIRED, "the update changes nothing")
    for key, value in body.items():
        if key == "name":
            if not isinstance(value, str) or not value.strip():
                problems.add(INVALID_FORMAT, "name must be a non-empty string")
            fields["name"] = value
        elif key == "data_stream_type":
            fields["type_id"] = _ref(body, key, TYPES, problems)
        elif key == "relation_resolution":
            fields["relation_id"] = _ref(body, key, RELATIONS, problems)
        elif key == "destination":
            fields["destination"] = _destination(value, problems)
        elif key == "filters":
            fields["filters"] = _filters(value, problems)
        elif key == "status" and not create:
            status = _ref(body, key, STATUSES, problems)
            if status is not None and status not in (RUNNING, PAUSED):
                problems.add(INVALID_FORMAT, "status can only be set to 1 (Running) or 2 (Paused)")
            fields["status_id"] = status
        else:
            problems.add(INVALID_FORMAT, f"{key} is not a data stream setting")
    type_id = fields.get("type_id", stream.type_id if stream else None)
    filters = fields.get("filters", stream.filters if stream else [])
    if type_id is not None and type_id != EVENTS and filters:
        problems.add(INVALID_FORMAT, "only event streams (data_stream_type 2) can be filtered")
    problems.raise_if_any()
    return fields


def _owned_stream(request: web.Request) -> Stream:
    ident = request.match_info["data_stream_id"]
    stream = _store(request).owned_stream(caller(request).id, ident)
    if stream is None:
        raise not_found("Data stream", ident)
    return stream


def _conflict(stream: Stream, doing: str, store: Integrations) -> None:
    status = store.status(stream)
    if status == PENDING:
        raise ApiError.of(
            CONFLICT, f"Data stream '{stream.id}' is still pending; {doing} it once it runs."
        )
    if status == PAUSED and doing == "restart":
        raise ApiError.of(
            CONFLICT, f"Data stream '{stream.id}' is paused; resume it instead of restarting."
        )


async def list_streams(request: web.Request) -> web.Response:
    store = _store(request)
    return ok([store.render_stream(s) for s in store.streams_of(caller(request).id)])


async def create_stream(request: web.Request) -> web.Response:
    fields = await _stream_fields(request, create=True)
    stream = _store(request).create_stream(caller(request).id, fields)
    return created(f"{STREAMS}/{stream.id}")


async def stream_statuses(request: web.Request) -> web.Response:
    return ok(_lookup(STATUSES))


async def stream_types(request: web.Request) -> web.Response:
    return ok(_lookup(TYPES))


async def filter_field_types(request: web.Request) -> web.Response:
    return ok(_lookup(FILTER_FIELDS))


async def get_stream(request: web.Request) -> web.Response:
    return ok(_store(request).render_stream(_owned_stream(request)))


async def patch_stream(request: web.Request) -> web.Response:
    stream = _owned_stream(request)
    fields = await _stream_fields(request, create=False, stream=stream)
    _store(request).update_stream(stream, fields)
    return web.Response(status=202)


async def delete_stream(request: web.Request) -> web.Response:
    stream = _owned_stream(request)
    store = _store(request)
    _conflict(stream, "delete", store)
    store.delete_stream(stream.id)
    return web.Response(status=202)


async def restart_stream(request: web.Request) -> web.Response:
    stream = _owned_stream(request)
    store = _store(request)
    _conflict(stream, "restart", store)
    store.restart_stream(stream)
    return web.Response(status=202)


# --- API callbacks and secrets ---------------------------------------------------------------


def _timestamp(epoch: float) -> str:
    when = dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def _callback_json(callback: Any) -> dict[str, Any]:
    # organisation_id is a string in emnify's examples.
    return {
        "organisation_id": str(callback.owner),
        "url": callback.url,
        "created": _timestamp(callback.created),
        "purpose": callback.purpose,
        "id": callback.id,
    }


def _secret_json(secret: Any) -> dict[str, Any]:
    return {"organisation_id": str(secret.owner), "purpose": secret.purpose, "id": secret.id}


def _purpose(body: dict[str, Any], problems: _Problems) -> str | None:
    purpose = body.get("purpose")
    if purpose is not None and not isinstance(purpose, str):
        problems.add(INVALID_FORMAT, "purpose must be a string")
        return None
    return purpose


async def list_callbacks(request: web.Request) -> web.Response:
    org = caller(request).id
    return ok([_callback_json(c) for c in _store(request).callbacks.values() if c.owner == org])


async def create_callback(request: web.Request) -> web.Response:
    body = await json_object(request, "Callback URL validation error")
    problems = _Problems()
    url = body.get("url")
    parsed = URL(url) if isinstance(url, str) else None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        problems.add(REQUIRED, "url is required as an absolute http(s) URL")
    purpose = _purpose(body, problems)
    problems.raise_if_any()
    callback = _store(request).create_callback(caller(request).id, str(url), purpose)
    return created(f"{CALLBACKS}/{callback.id}")


def _owned_callback(request: web.Request) -> int:
    store = _store(request)
    return owned_id(
        request,
        "api_callback_id",
        lambda org, ident: store.owned_callback(org, ident) is not None,
        "API Callback",
    )


async def get_callback(request: web.Request) -> web.Response:
    return ok(_callback_json(_store(request).callbacks[_owned_callback(request)]))


async def delete_callback(request: web.Request) -> web.Response:
    _store(request).delete_callback(_owned_callback(request))
    return web.Response(status=200)


async def list_secrets(request: web.Request) -> web.Response:
    org = caller(request).id
    return ok([_secret_json(s) for s in _store(request).secrets.values() if s.owner == org])


async def create_secret(request: web.Request) -> web.Response:
    body = await json_object(request, "Secret validation error")
    problems = _Problems()
    value = body.get("secret")
    if not isinstance(value, str) or not value:
        # Never echo the value.
        problems.add(REQUIRED, "secret is required as a non-empty string")
    purpose = _purpose(body, problems)
    problems.raise_if_any()
    secret = _store(request).create_secret(caller(request).id, str(value), purpose)
    return created(f"{SECRETS}/{secret.id}")


def _owned_secret(request: web.Request) -> int:
    store = _store(request)
    return owned_id(
        request,
        "api_secret_id",
        lambda org, ident: store.owned_secret(org, ident) is not None,
        "API Secret",
    )


async def get_secret(request: web.Request) -> web.Response:
    return ok(_secret_json(_store(request).secrets[_owned_secret(request)]))


async def delete_secret(request: web.Request) -> web.Response:
    _store(request).delete_secret(_owned_secret(request))
    return web.Response(status=200)


ROUTES = [
    Route("GET", STREAMS, list_streams),
    Route("POST", STREAMS, create_stream),
    Route("GET", f"{STREAMS}/status", stream_statuses),
    Route("GET", f"{STREAMS}/type", stream_types),
    Route("GET", f"{STREAMS}/filter_field_type", filter_field_types),
    Route("GET", f"{STREAMS}/{{data_stream_id}}", get_stream),
    Route("PATCH", f"{STREAMS}/{{data_stream_id}}", patch_stream),
    Route("DELETE", f"{STREAMS}/{{data_stream_id}}", delete_stream),
    Route("POST", f"{STREAMS}/{{data_stream_id}}/restart", restart_stream),
    Route("GET", CALLBACKS, list_callbacks),
    Route("POST", CALLBACKS, create_callback),
    Route("GET", f"{CALLBACKS}/{{api_callback_id}}", get_callback),
    Route("DELETE", f"{CALLBACKS}/{{api_callback_id}}", delete_callback),
    Route("GET", SECRETS, list_secrets),
    Route("POST", SECRETS, create_secret),
    Route("GET", f"{SECRETS}/{{api_secret_id}}", get_secret),
    Route("DELETE", f"{SECRETS}/{{api_secret_id}}", delete_secret),
]
