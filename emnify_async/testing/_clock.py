"""The emulator's notion of "now": one injectable clock, and a manual one for tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], float]
"""Returns the current time as Unix epoch seconds (like ``time.time``)."""


def utc_datetime(clock: Clock) -> dt.datetime:
    """The clock's current time as an aware UTC ``datetime``."""
    return dt.datetime.fromtimestamp(clock(), dt.timezone.utc)


def epoch(when: float | str | dt.datetime) -> float:
    """Epoch seconds of ``when``: a number, an ISO 8601 string (``Z`` allowed) or a datetime.

    Naive datetimes and strings without an offset are taken as UTC.
    """
    if isinstance(when, int | float):
        return float(when)
    if isinstance(when, str):
        when = dt.datetime.fromisoformat(when.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.timestamp()


class ManualClock:
    """A clock that stands still until moved: ``EmulatorConfig(clock=ManualClock(...))``.

    >>> clock = ManualClock("2026-01-31T23:59:59.5Z")
    >>> clock.advance(1)
    >>> clock.isoformat()
    '2026-02-01T00:00:00.500000+00:00'
    """

    def __init__(self, start: float | str | dt.datetime = 0.0) -> None:
        self.now = epoch(start)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move forward by ``seconds``."""
        self.now += seconds

    def set(self, when: float | str | dt.datetime) -> None:
        """Jump to ``when`` (epoch seconds, ISO 8601 text or a datetime)."""
        self.now = epoch(when)

    def isoformat(self) -> str:
        """The clock's time as an ISO 8601 UTC timestamp."""
        return utc_datetime(self).isoformat()

    def __repr__(self) -> str:
        return f"ManualClock({self.isoformat()!r})"
