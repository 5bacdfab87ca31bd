"""Parsing what emnify pushes: Data Streamer records and MO SMS callbacks."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from .._converter import ShapeError, structure
from ..models import Event, MoSms, UnknownRecord, UsageRecord
from ._errors import WebhookPayloadError

__all__ = ["DataStreamRecord", "dedupe_key", "parse_data_stream", "parse_mo_sms"]

DataStreamRecord = Event | UsageRecord | UnknownRecord
"""One record of a data stream: an `Event`, a `UsageRecord`, or an `UnknownRecord` (kept raw)."""


def _decode(body: bytes | bytearray | str | Any) -> Any:
    """Decoded JSON; bytes and text are parsed with numbers that have a fraction as `Decimal`
    (emnify's volumes and costs are decimals), anything else is taken as decoded already."""
    if isinstance(body, (bytes, bytearray, memoryview)):
        try:
            body = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            raise WebhookPayloadError("the body is not UTF-8 text") from None
    if isinstance(body, str):
        try:
            return json.loads(body, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            error = WebhookPayloadError(
                f"the body is not valid JSON (line {exc.lineno} column {exc.colno})"
            )
        raise error
    return body


def _record(item: Any, index: int) -> DataStreamRecord:
    if not isinstance(item, dict):
        raise WebhookPayloadError(f"record [{index}] is a {type(item).__name__}, not an object")
    model: type[Event] | type[UsageRecord] | None = (
        Event if "event_type" in item else UsageRecord if "traffic_type" in item else None
    )
    if model is None:
        ident = item.get("id")
        return UnknownRecord(data=item, id=ident if type(ident) is int else None)
    try:
        return structure(item, model)
    except ShapeError as exc:
        error = WebhookPayloadError(f"record [{index}]: {exc}")
    raise error


def parse_data_stream(body: bytes | str | Any) -> list[DataStreamRecord]:
    """The records of one Data Streamer webhook request, in the order sent.

    emnify sends one record as a JSON object when the stream's `size` is 1, else a JSON array
    of records; both come back as a list. A record with `event_type` is an `Event` (the object
    of ``GET /api/v1/event``), one with `traffic_type` a `UsageRecord`, any other object an
    `UnknownRecord` kept as decoded JSON (so that a new kind of record does not fail your
    receiver). Delivery may repeat records: drop those whose `dedupe_key()` you have seen.

    Args:
        body: The request body (bytes or text), or JSON decoded already.

    Raises:
        WebhookPayloadError: Not JSON, not an object or array of objects, or a record with a
            value of the wrong kind.
    """
    data = _decode(body)
    if isinstance(data, dict):
        return [_record(data, 0)]
    if isinstance(data, list):
        return [_record(item, index) for index, item in enumerate(data)]
    raise WebhookPayloadError(f"the body is a JSON {type(data).__name__}, not an object or array")


def parse_mo_sms(body: bytes | str | Any) -> MoSms:
    """The mobile-originated SMS of one API callback request (one JSON object).

    Verify the request's token first (`verify_callback_token`); `dedupe_key()` of the SMS
    drops a repeated delivery.

    Args:
        body: The request body (bytes or text), or JSON decoded already.

    Raises:
        WebhookPayloadError: Not JSON, not one object, or a value of the wrong kind.
    """
    data = _decode(body)
    if not isinstance(data, dict):
        raise WebhookPayloadError(f"the body is a JSON {type(data).__name__}, not an SMS object")
    if data.get("submit_date") == {}:  # emnify's own example sends an empty object
        data = {**data, "submit_date": None}
    try:
        return structure(data, MoSms)
    except ShapeError as exc:
        error = WebhookPayloadError(f"the SMS: {exc}")
    raise error


def dedupe_key(record: DataStreamRecord | MoSms) -> str | None:
    """A key that is the same for every delivery of one record, to drop repeats.

    `"event:<id>"`, `"usage:<id>"`, `"sms:<id>"` (the ids are 64-bit and unique per kind),
    `"unknown:<id>"`; None for an unknown record without an integer id.
    """
    if isinstance(record, Event):
        return f"event:{record.id}"
    if isinstance(record, UsageRecord):
        return f"usage:{record.id}"
    if isinstance(record, MoSms):
        return f"sms:{record.id}"
    return None if record.id is None else f"unknown:{record.id}"
