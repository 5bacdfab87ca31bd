"""The errors of the receiving side."""

from __future__ import annotations

from .._exceptions import EmnifyError

__all__ = ["WebhookPayloadError", "WebhookVerificationError"]


class WebhookVerificationError(EmnifyError):
    """A callback request's `Authorization` token is missing, malformed, signed with another
    key or algorithm, or expired: answer 401 and ignore the request.

    The message says which; it never holds the token or the secret.
    """


class WebhookPayloadError(EmnifyError, ValueError):
    """A pushed body is not what emnify documents: not JSON, not an object (or an array of
    objects), or a record with a value of the wrong kind (the message names record and field)."""
