"""The exceptions the SDK raises.

EmnifyError
├── InputError                  bad arguments, raised before any request is sent
├── MissingCredentialsError     no application token and no username/password
├── ClientClosedError           the client was used after `close()`
└── APIError                    something went wrong talking to the API
    ├── APIConnectionError      the request did not get an HTTP response
    │   └── APITimeoutError
    ├── APIResponseValidationError   a response that is not what the operation documents
    │   ├── APIRedirectError         a 3xx (redirects are never followed)
    │   └── ResponseTooLargeError    a body over the client's `max_response_bytes`
    ├── OutcomeUnknownError     a write failed ambiguously and reading back failed too
    └── APIStatusError          the API answered with an error status
        ├── BadRequestError             400
        ├── AuthenticationError         401, and a login the API refused
        ├── PermissionDeniedError       403
        ├── NotFoundError               404
        ├── ConflictError               409
        ├── UnprocessableEntityError    422
        ├── RateLimitError              429 (`retry_after`)
        └── InternalServerError         5xx
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIRedirectError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "EmnifyError",
    "ErrorDetail",
    "InputError",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "OutcomeUnknownError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "UnprocessableEntityError",
]


def _restore(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Rebuild an exception from its args and attributes (pickle), bypassing `__init__`."""
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


# Error bodies are kept for inspection, but never without bound.
_MAX_KEPT_BODY = 64 * 1024


class EmnifyError(Exception):
    """Base class of every exception this SDK raises."""


class InputError(EmnifyError, ValueError):
    """An argument is invalid; no request was sent."""


class MissingCredentialsError(EmnifyError):
    """A request needs authentication but no credentials were configured."""


class ClientClosedError(EmnifyError):
    """The client was used after it was closed."""


class APIError(EmnifyError):
    """A request to the emnify API failed.

    Attributes:
        method: The HTTP method of the failed request.
        path: The request path (no query string, no host).
    """

    def __init__(self, message: str, *, method: str, path: str) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors defeat the default pickling (`cls(*args)`): restore the
        # attributes directly, so errors cross process pools and job queues intact.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class APIConnectionError(APIError):
    """The request got no HTTP response (connection refused, reset, DNS failure, ...).

    Attributes:
        sent: False when the request provably never reached the server (the connection
            could not be opened), so even a POST is safe to repeat.
    """

    def __init__(self, message: str, *, method: str, path: str, sent: bool = True) -> None:
        super().__init__(message, method=method, path=path)
        self.sent = sent


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIResponseValidationError(APIError):
    """A response that is not what the operation documents: an undocumented status or shape.

    A blank or garbled body, a JSON value of the wrong kind, a field of the wrong type or a
    status the operation does not document. Retried where the request is safe to repeat.

    Attributes:
        status: The HTTP status of the response.
        body: The raw body (at most the first 64 KiB).
        request_id: The `x-amzn-RequestId` header, to quote to emnify support.
        model: The model being built when a field had the wrong type, e.g. `"Sim"`.
        field: The path of that field inside the answer, e.g. `"customer_org.name"`.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str,
        path: str,
        status: int,
        body: bytes = b"",
        request_id: str | None = None,
        model: str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, method=method, path=path)
        self.status = status
        self.body = body[:_MAX_KEPT_BODY]
        self.request_id = request_id
        self.model = model
        self.field = field


class APIRedirectError(APIResponseValidationError):
    """A 3xx answer. Redirects are never followed, so the token never travels elsewhere.

    Attributes:
        location: The `Location` header of the redirect, if any.
    """

    def __init__(self, message: str, *, location: str | None, **details: Any) -> None:
        super().__init__(message, **details)
        self.location = location


class ResponseTooLargeError(APIResponseValidationError):
    """A response body grew past the client's `max_response_bytes`; reading was stopped.

    Attributes:
        limit: The bound in bytes.
    """

    def __init__(self, message: str, *, limit: int, **details: Any) -> None:
        super().__init__(message, **details)
        self.limit = limit


class OutcomeUnknownError(APIError):
    """A change failed ambiguously (its answer was lost) and reading it back failed too.

    The change may or may not have been applied; repeating it is safe for the bulk calls
    that report this.

    Attributes:
        error: The error of the change itself.
        verify_error: The error of reading the object back.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str,
        path: str,
        error: APIError,
        verify_error: APIError,
    ) -> None:
        super().__init__(message, method=method, path=path)
        self.error = error
        self.verify_error = verify_error


class ErrorDetail:
    """One entry of the nested `errors` list of an emnify error body."""

    __slots__ = ("error_code", "error_token", "message")

    def __init__(
        self, error_code: int | None, error_token: str | None, message: str | None
    ) -> None:
        self.error_code = error_code
        self.error_token = error_token
        self.message = message

    def __repr__(self) -> str:
        return (
            f"ErrorDetail(error_code={self.error_code!r}, error_token={self.error_token!r}, "
            f"message={self.message!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ErrorDetail):
            return NotImplemented
        return (self.error_code, self.error_token, self.message) == (
            other.error_code,
            other.error_token,
            other.message,
        )

    __hash__ = None  # type: ignore[assignment]


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status.

    Attributes:
        status: The HTTP status code.
        error_code: emnify's numeric error code (e.g. 1201), when the body had one.
        error_token: emnify's error token (e.g. "NotFound"), when the body had one.
        message: emnify's message, or a description of the status when the body had none.
        errors: The nested errors of a validation failure.
        body: The raw response body (at most the first 64 KiB).
        request_id: The `x-amzn-RequestId` header, to quote to emnify support.
        headers: The response headers.
        retry_after: Seconds the server asked to wait (`Retry-After`), when it said so.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str,
        path: str,
        status: int,
        error_code: int | None = None,
        error_token: str | None = None,
        errors: list[ErrorDetail] | None = None,
        body: bytes = b"",
        request_id: str | None = None,
        headers: dict[str, str] | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, method=method, path=path)
        self.status = status
        self.retry_after = retry_after
        self.error_code = error_code
        self.error_token = error_token
        self.errors = errors or []
        self.body = body[:_MAX_KEPT_BODY]
        self.request_id = request_id
        self.headers = headers or {}

    def __str__(self) -> str:
        code = " ".join(
            str(part) for part in (self.error_code, self.error_token) if part is not None
        )
        text = f"HTTP {self.status}" + (f" {code}" if code else "") + f": {self.message}"
        details = "; ".join(e.message for e in self.errors if e.message)
        if details:
            text += f" ({details})"
        text += f" [{self.method} {self.path}"
        if self.request_id:
            text += f", request id {self.request_id}"
        return text + "]"


class BadRequestError(APIStatusError):
    """400: the request was malformed."""


class AuthenticationError(APIStatusError):
    """401, or a login the API refused: the credentials were not accepted.

    A login that failed for a transient reason (an outage, a 5xx, a lost connection) is
    reported as that error (`InternalServerError`, `APIConnectionError`, ...), not as this.
    """


class PermissionDeniedError(APIStatusError):
    """403: the organisation may not do this."""


class NotFoundError(APIStatusError):
    """404: no such resource, or it is not visible to this organisation."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(APIStatusError):
    """422: the API refused the input (see `errors` for the fields)."""


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` says how long to wait when the server said so."""


class InternalServerError(APIStatusError):
    """5xx: the API or its gateway failed."""
