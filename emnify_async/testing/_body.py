"""Request bodies the emnify way: malformed JSON is 400, bad fields are one 422 listing each.

In a handler: ``body = await json_object(request, WHAT)``, then
``check = FieldErrors(WHAT)``, read the fields with ``check.number(body, "rate")`` and the
like, and ``check.raise_if_any()`` answers 422 1400 InputValidationFailed with every problem.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeGuard

from aiohttp import web

from emnify_async.testing._errors import (
    BAD_REQUEST,
    INPUT_VALIDATION,
    INVALID_FORMAT,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    ErrorBody,
    ErrorKind,
    error_body,
)
from emnify_async.testing._json import loads

NOT_AN_OBJECT = "Request body must be a JSON object"


def is_int(value: object) -> TypeGuard[int]:
    """An integer that is not a bool (JSON ``true`` is not an id)."""
    return isinstance(value, int) and not isinstance(value, bool)


async def json_body(request: web.Request) -> object:
    """The parsed request body (``None`` when empty), or 400 BadRequest when it is not JSON."""
    raw = await request.read()
    try:
        return loads(raw) if raw else None
    except ValueError:
        raise ApiError.of(BAD_REQUEST, "Request body is not valid JSON") from None


async def json_object(
    request: web.Request, what: str, *, status: int = 422, optional: bool = False
) -> dict[str, Any]:
    """The body as a JSON object; anything else answers ``status``.

    422 (the default) is InputValidationFailed with ``what`` as the message and one nested
    InvalidFormat; 400 is BadRequest. ``optional`` lets an empty body stand for ``{}``.
    """
    body = await json_body(request)
    if body is None and optional:
        return {}
    if isinstance(body, dict):
        return body
    if status == 400:
        raise ApiError.of(BAD_REQUEST, NOT_AN_OBJECT)
    raise invalid(what, INVALID_FORMAT, NOT_AN_OBJECT)


def invalid(what: str, kind: ErrorKind, message: str) -> ApiError:
    """422 1400 InputValidationFailed ``what`` with one nested error."""
    return ApiError.of(INPUT_VALIDATION, what, [error_body(kind, message)])


class FieldErrors:
    """Collects the nested errors of one body; :meth:`raise_if_any` answers them together.

    The readers record a problem and return a harmless fallback, so that one answer lists
    every bad field, as emnify's ``InputValidationFailed`` does.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self.errors: list[ErrorBody] = []

    def add(self, kind: ErrorKind, message: str) -> None:
        self.errors.append(error_body(kind, message))

    def raise_if_any(self) -> None:
        """422 1400 InputValidationFailed with ``what`` and the nested errors, if there are any."""
        if self.errors:
            raise ApiError.of(INPUT_VALIDATION, self.what, self.errors)

    def flag(self, body: dict[str, Any], key: str, default: bool) -> bool:
        value = body.get(key, default)
        if not isinstance(value, bool):
            self.add(INVALID_FORMAT, f"{key} must be a boolean")
            return default
        return value

    def number(self, body: dict[str, Any], key: str, *, positive: bool = False) -> float:
        """A required number, ``>= 0`` (``> 0`` when ``positive``)."""
        value = body.get(key)
        if value is None:
            self.add(REQUIRED, f"{key} is required")
        elif isinstance(value, bool) or not isinstance(value, int | float):
            self.add(INVALID_FORMAT, f"{key} must be a number")
        elif value < 0 or (positive and value == 0):
            self.add(OUT_OF_RANGE, f"{key} must be {'positive' if positive else '>= 0'}")
        else:
            return float(value)
        return 0.0

    def reference(self, body: dict[str, Any], key: str) -> int:
        """A required reference written ``{"id": n}``."""
        value = body.get(key)
        ref = value.get("id") if isinstance(value, dict) else None
        if is_int(ref):
            return ref
        self.add(REQUIRED, f'{key} is required as {{"id": n}}')
        return 0

    def date(self, body: dict[str, Any], key: str) -> dt.date | None:
        """An optional ``YYYY-MM-DD`` (a longer timestamp counts by its date)."""
        raw = body.get(key)
        if raw is None:
            return None
        if isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw[:10])
            except ValueError:
                pass
        self.add(INVALID_FORMAT, f"{key} must look like YYYY-MM-DD")
        return None
