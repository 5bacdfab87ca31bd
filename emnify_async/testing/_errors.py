"""The one place for error answers: emnify's error bodies and the gateway's ``{"message"}``.

emnify's application errors carry ``{"error_code", "error_token", "message", "errors"?}``
(:func:`error_body`, :meth:`ApiError.of`); answers of the AWS gateway in front of it (missing
or malformed tokens, unknown routes, 5xx) carry only ``{"message": ...}`` (:func:`gateway_error`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import web

from emnify_async.testing._json import dumps

ErrorBody = dict[str, Any]

# (HTTP status, error_code, error_token) as in emnify's error table.
INVALID_CREDENTIALS = (401, 1101, "InvalidCredentials")
INVALID_TOKEN = (401, 1102, "InvalidToken")
TOKEN_EXPIRED = (401, 1103, "TokenExpired")
FORBIDDEN = (403, 1104, "Forbidden")
TOO_MANY_REQUESTS = (429, 1105, "TooManyRequests")
NOT_FOUND = (404, 1201, "NotFound")
INVALID_QUERY = (422, 1301, "InvalidQueryCriteria")
INVALID_SORT = (422, 1302, "InvalidSortCriteria")
INPUT_VALIDATION = (422, 1400, "InputValidationFailed")
INVALID_REFERENCE = (422, 1401, "InvalidReference")
REQUIRED = (422, 1402, "Required")
INVALID_FORMAT = (422, 1403, "InvalidFormat")
OUT_OF_RANGE = (422, 1404, "OutOfRange")
DUPLICATED = (409, 1405, "Duplicated")
NOT_ALLOWED = (422, 1406, "NotAllowed")
CANNOT_BE_DELETED = (409, 1407, "CannotBeDeleted")  # the spec's service profile examples
BAD_REQUEST = (400, 1000, "BadRequest")
UNAVAILABLE = (404, 1601, "Unavailable")
UNKNOWN_SUBSCRIBER = (404, 1901, "UnknownSubscriber")
UNKNOWN_LOCATION = (404, 1904, "UnknownLocation")

ErrorKind = tuple[int, int, str]


def error_body(kind: ErrorKind, message: str, errors: list[ErrorBody] | None = None) -> ErrorBody:
    """``{"error_code", "error_token", "message", "errors"?}`` for ``kind``."""
    _, code, token = kind
    body: ErrorBody = {"error_code": code, "error_token": token, "message": message}
    if errors is not None:
        body["errors"] = errors
    return body


def json_response(status: int, body: Any, headers: Mapping[str, str] | None = None) -> web.Response:
    """A response with a JSON body serialized by :func:`dumps`."""
    return web.Response(
        status=status, body=dumps(body), content_type="application/json", headers=headers
    )


class ApiError(Exception):
    """Raised by handlers; the error middleware turns it into a response.

    ``body=None`` sends an empty body (the real API does that on some 401s and 422s).
    """

    def __init__(
        self,
        status: int,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(status, body)
        self.status = status
        self.body = body
        self.headers = dict(headers or {})

    @classmethod
    def of(
        cls,
        kind: ErrorKind,
        message: str,
        errors: list[ErrorBody] | None = None,
        status: int | None = None,
    ) -> ApiError:
        """An error with the standard body for ``kind`` (``status`` overrides its HTTP status)."""
        return cls(kind[0] if status is None else status, error_body(kind, message, errors))

    def response(self) -> web.Response:
        """The error as an HTTP response (an empty body when ``body`` is ``None``)."""
        if self.body is None:
            return web.Response(status=self.status, headers=self.headers)
        return json_response(self.status, self.body, self.headers)


def gateway_error(status: int, message: str, headers: Mapping[str, str] | None = None) -> ApiError:
    """An answer of the API gateway rather than of emnify: ``{"message": ...}``."""
    return ApiError(status, {"message": message}, headers)


def not_found(what: str, ident: object, key: str = "Id") -> ApiError:
    """404 NotFound with emnify's wording: ``"SIM with Id '5' not found."``."""
    return ApiError.of(NOT_FOUND, f"{what} with {key} '{ident}' not found.")


def status_error(status: int, message: str, **extra: Any) -> ApiError:
    """An error of the newer services (eUICCs, SIM operations), as their docs define it:
    ``{"status_code": <the HTTP status>, "message": ...}`` and any documented extras."""
    return ApiError(status, {"status_code": status, "message": message, **extra})
