"""Calendar helpers shared by the statistics and billing routes: months, day ranges, formats."""

from __future__ import annotations

import calendar
import datetime as dt

from emnify_async.testing._errors import INVALID_FORMAT, OUT_OF_RANGE, ApiError

MAX_DAILY_RANGE = 366


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def next_month(day: dt.date) -> dt.date:
    """The first day of the month after ``day``'s."""
    return month_end(day) + dt.timedelta(days=1)


def previous_month(day: dt.date) -> dt.date:
    """The first day of the month before ``day``'s."""
    return month_start(month_start(day) - dt.timedelta(days=1))


def newest_first(start: dt.date, end: dt.date) -> list[dt.date]:
    """The days from ``end`` back to ``start``; safe at ``date.min`` (no day before it)."""
    return [dt.date.fromordinal(n) for n in range(end.toordinal(), start.toordinal() - 1, -1)]


def day_timestamp(day: dt.date) -> str:
    """``2024-01-01T00:00:00.000Z``: how the API writes billing and statistics dates."""
    return f"{day.isoformat()}T00:00:00.000Z"


def zulu(ts: float) -> str:
    """``2025-08-26T09:31:51.000Z`` for epoch seconds: the newer services' form (the eSIM
    docs' examples)."""
    when = dt.datetime.fromtimestamp(int(ts), tz=dt.timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def parse_date(name: str, raw: str) -> dt.date:
    """A ``YYYY-MM-DD`` query value (a longer timestamp counts by its date), else 422."""
    try:
        return dt.date.fromisoformat(raw[:10]) if len(raw) >= 10 else dt.date.fromisoformat(raw)
    except ValueError:
        raise ApiError.of(INVALID_FORMAT, f"Invalid {name} '{raw}', expected YYYY-MM-DD") from None


def daily_range(
    start_raw: str | None, end_raw: str | None, today: dt.date
) -> tuple[dt.date, dt.date]:
    """``start_date``/``end_date`` with the documented defaults: this month up to today; a lone
    ``start_date`` runs to its month's end. Reversed or over 366 days: 422 OutOfRange."""
    start = parse_date("start_date", start_raw) if start_raw else None
    end = parse_date("end_date", end_raw) if end_raw else None
    if start is None and end is None:
        start, end = month_start(today), today
    elif end is None:
        assert start is not None
        end = month_end(start)
    elif start is None:
        start = month_start(end)
    if end < start:
        raise ApiError.of(OUT_OF_RANGE, "end_date must not be before start_date")
    if (end - start).days >= MAX_DAILY_RANGE:
        raise ApiError.of(OUT_OF_RANGE, f"Date range exceeds {MAX_DAILY_RANGE} days")
    return start, end


def parse_timestamp(raw: object) -> int | None:
    """Epoch seconds of a body timestamp in any of emnify's forms (``...000Z``, ``...+0000``,
    ``YYYY-MM-DD HH:MM:SS``, taken as UTC when it has no zone), or ``None`` if it is none."""
    if not isinstance(raw, str) or len(raw) < 10:
        return None
    text = raw.strip().replace(" ", "T", 1)
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    elif len(text) > 5 and text[-5] in "+-" and text[-4:].isdigit():
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return int(when.timestamp())
