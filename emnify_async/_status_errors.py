"""Turn an error response into the matching typed exception."""

from __future__ import annotations

import contextlib
import email.utils
import http
import math
import time
from collections.abc import Mapping
from typing import Any

from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    ErrorDetail,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._json import loads

__all__ = ["make_status_error", "parse_retry_after", "without_sent_values"]

_CLASS_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

REQUEST_ID_HEADER = "x-amzn-RequestId"


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Read a `Retry-After` header: delta-seconds or an HTTP date. None when absent or garbage."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds) or math.isinf(seconds):
        return None
    return max(seconds, 0.0)


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _details(raw: Any) -> list[ErrorDetail]:
    if not isinstance(raw, list):
        return []
    return [
        ErrorDetail(
            _int_or_none(item.get("error_code")),
            _str_or_none(item.get("error_token")),
            _str_or_none(item.get("message")),
        )
        for item in raw
        if isinstance(item, dict)
    ]


def _default_message(status: int) -> str:
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    return f"{phrase} (the response had no emnify error message)"


def make_status_error(
    *, method: str, path: str, status: int, headers: Mapping[str, str], body: bytes
) -> APIStatusError:
    """Build the exception for an error response.

    Accepts emnify's `{error_code, error_token, message, errors}` body, the gateway's bare
    `{"message": ...}`, an empty body, or anything else that is not JSON.
    """
    parsed: Any = None
    if body.strip():
        try:
            parsed = loads(body)
        except ValueError:
            parsed = None
    fields: Mapping[str, Any] = parsed if isinstance(parsed, dict) else {}
    message = _str_or_none(fields.get("message"))
    if not message:
        message = _default_message(status)
        if parsed is None and body.strip():
            message += f"; body: {body[:200].decode('utf-8', 'replace')!r}"
    cls = _CLASS_BY_STATUS.get(status, InternalServerError if status >= 500 else APIStatusError)
    kwargs: dict[str, Any] = {
        "method": method,
        "path": path,
        "status": status,
        "error_code": _int_or_none(fields.get("error_code")),
        "error_token": _str_or_none(fields.get("error_token")),
        "errors": _details(fields.get("errors")),
        "body": body,
        "request_id": headers.get(REQUEST_ID_HEADER),
        "headers": dict(headers),
        "retry_after": parse_retry_after(headers.get("Retry-After")),
    }
    return cls(message, **kwargs)


_MASK = "********"
_SHORTEST_MASKED = 4  # shorter strings (ids, flags, "4") are no secrets and common words


def without_sent_values(error: APIStatusError, sent: bytes | None) -> None:
    """Mask in `error` every string the request body carried, and drop the error's body.

    For operations whose requests carry secrets (logins, API secrets, pre-shared keys): an
    error message that quotes the request ("secret 'hunter2' is too short") must not repeat it.
    """
    error.body = b""
    values: list[str] = []
    if sent:
        with contextlib.suppress(ValueError):  # not JSON: nothing to mask
            _strings(loads(sent), values)
    values = sorted({v for v in values if len(v) >= _SHORTEST_MASKED}, key=len, reverse=True)
    if not values:
        return

    def mask(text: str | None) -> str | None:
        if text is None:
            return None
        for value in values:
            text = text.replace(value, _MASK)
        return text

    error.message = mask(error.message) or ""
    error.args = tuple(mask(a) if isinstance(a, str) else a for a in error.args)
    for detail in error.errors:
        detail.message = mask(detail.message)


def _strings(data: Any, into: list[str]) -> None:
    if isinstance(data, str):
        into.append(data)
    elif isinstance(data, dict):
        for value in data.values():
            _strings(value, into)
    elif isinstance(data, list):
        for value in data:
            _strings(value, into)
