"""When a failed request is repeated, and how long to wait first (tenacity)."""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable

import attrs
from tenacity import AsyncRetrying, RetryCallState, stop_after_attempt, stop_before_delay
from tenacity.retry import retry_base
from tenacity.wait import wait_base

from ._constants import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
    RETRY_JITTER,
)
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    InputError,
    ResponseTooLargeError,
)
from ._network import ATTEMPT

__all__ = ["RETRYABLE_STATUSES", "RetryPolicy", "is_retryable", "new_retrying"]

logger = logging.getLogger("emnify")

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How the client repeats requests that failed for a transient reason.

    Only requests that are safe to repeat are retried: GET, PUT, DELETE and PATCH, and a
    POST only when it provably was not processed (its connection could not be opened, logging
    in failed before it was sent, or it was refused with 429). Logging in counts against the
    same attempts and deadline as the call that needed it.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    """Retries after the first attempt; 0 disables retrying."""
    deadline: float = DEFAULT_DEADLINE
    """Seconds a call may take across all attempts and waits."""
    initial_delay: float = INITIAL_RETRY_DELAY
    """Backoff before the first retry; doubles on each further retry."""
    max_delay: float = MAX_RETRY_DELAY
    """Upper bound of the exponential backoff."""
    jitter: float = RETRY_JITTER
    """Random seconds (0 to this) added to each backoff."""
    max_retry_after: float = MAX_RETRY_AFTER
    """A `Retry-After` longer than this is not waited for; the error is raised at once."""

    def __attrs_post_init__(self) -> None:
        if type(self.max_retries) is not int or self.max_retries < 0:
            raise InputError(f"max_retries must be an integer, 0 or more, got {self.max_retries!r}")
        _check_seconds(self.deadline, "deadline", positive=True)
        for name in ("initial_delay", "max_delay", "jitter", "max_retry_after"):
            _check_seconds(getattr(self, name), name, positive=False)


def _check_seconds(value: object, name: str, *, positive: bool) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or value < 0
        or (positive and value == 0)
    ):
        wanted = "positive" if positive else "0 or more"
        raise InputError(f"{name} must be a finite number of seconds, {wanted}, got {value!r}")


def is_retryable(exc: BaseException, *, safe: bool, max_retry_after: float) -> bool:
    """Whether `exc` is transient and repeating the request can do no harm."""
    if isinstance(exc, APIStatusError):
        # A 429 was refused before it was processed, so even a POST may be sent again.
        if exc.status not in RETRYABLE_STATUSES or not (safe or exc.status == 429):
            return False
        return exc.retry_after is None or exc.retry_after <= max_retry_after
    if isinstance(exc, APIConnectionError):
        return safe or not exc.sent
    if isinstance(exc, ResponseTooLargeError):
        return False  # asking again would read the same flood
    if isinstance(exc, APIResponseValidationError):
        # A blank, truncated or garbled answer, or a redirect: harmless to ask again only
        # where the request is safe to repeat (the server may have acted on a write).
        return safe
    return False


class _RetryIf(retry_base):
    def __init__(self, *, safe: Callable[[], bool], max_retry_after: float) -> None:
        self._safe = safe
        self._max_retry_after = max_retry_after

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        if outcome is None or not outcome.failed:
            return False
        exc = outcome.exception()
        return exc is not None and is_retryable(
            exc, safe=self._safe(), max_retry_after=self._max_retry_after
        )


class _Wait(wait_base):
    """`Retry-After` when the server sent one, else exponential backoff with jitter."""

    def __init__(self, policy: RetryPolicy, rng: Callable[[], float]) -> None:
        self._policy = policy
        self._rng = rng

    def __call__(self, retry_state: RetryCallState) -> float:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None and outcome.failed else None
        if isinstance(exc, APIStatusError) and exc.retry_after is not None:
            return min(exc.retry_after, self._policy.max_retry_after)
        policy = self._policy
        backoff = policy.initial_delay * 2 ** (retry_state.attempt_number - 1)
        return float(min(backoff, policy.max_delay) + policy.jitter * self._rng())


def _describe(exc: BaseException | None) -> str:
    if isinstance(exc, APIStatusError):
        request_id = f", request id {exc.request_id}" if exc.request_id else ""
        return f"HTTP {exc.status}{request_id}"
    return type(exc).__name__ if exc is not None else "unknown error"


def new_retrying(
    policy: RetryPolicy,
    *,
    method: str,
    path: str,
    safe: Callable[[], bool],
    rng: Callable[[], float] = random.random,
) -> AsyncRetrying:
    """A fresh tenacity retrier for one call (tenacity objects must not be shared).

    `safe()` tells, after a failed attempt, whether repeating it is harmless: always for an
    idempotent operation, and for any operation whose attempt failed before sending it.
    """

    def log_retry(retry_state: RetryCallState) -> None:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None and outcome.failed else None
        delay = retry_state.next_action.sleep if retry_state.next_action else 0.0
        logger.info(
            "retrying %s %s in %.2f s (attempt %d of %d) after %s",
            method,
            path,
            delay,
            retry_state.attempt_number + 1,
            policy.max_retries + 1,
            _describe(exc),
        )

    def mark_attempt(retry_state: RetryCallState) -> None:
        # Runs in the caller's task before each attempt, so its requests (and the login
        # they need) can tell event hooks which attempt they belong to.
        ATTEMPT.set(retry_state.attempt_number)

    return AsyncRetrying(
        before=mark_attempt,
        stop=stop_after_attempt(policy.max_retries + 1) | stop_before_delay(policy.deadline),
        wait=_Wait(policy, rng),
        retry=_RetryIf(safe=safe, max_retry_after=policy.max_retry_after),
        before_sleep=log_retry,
        reraise=True,
    )
