"""SIM statistics: ``/api/v1/sim/{sim_id}/stats`` and ``/stats/daily``."""

from __future__ import annotations

import calendar
import datetime as dt

from aiohttp import web

from emnify_async.testing._errors import INVALID_FORMAT, OUT_OF_RANGE, ApiError, json_response
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route
from emnify_async.testing._sims import owned_sim

MAX_DAILY_RANGE = 366


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _parse_date(name: str, raw: str) -> dt.date:
    # The spec's examples use full timestamps ("2020-02-01T00:00:00.000Z"); the date part counts.
    try:
        return dt.date.fromisoformat(raw[:10]) if len(raw) >= 10 else dt.date.fromisoformat(raw)
    except ValueError:
        raise ApiError.of(INVALID_FORMAT, f"Invalid {name} '{raw}', expected YYYY-MM-DD") from None


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def daily_range(
    start_raw: str | None, end_raw: str | None, today: dt.date
) -> tuple[dt.date, dt.date]:
    """Documented defaults: this month up to today; a lone start_date runs to its month's end."""
    start = _parse_date("start_date", start_raw) if start_raw else None
    end = _parse_date("end_date", end_raw) if end_raw else None
    if start is None and end is None:
        start, end = today.replace(day=1), today
    elif end is None:
        assert start is not None
        end = _month_end(start)
    elif start is None:
        start = end.replace(day=1)
    if end < start:
        raise ApiError.of(OUT_OF_RANGE, "end_date must not be before start_date")
    if (end - start).days >= MAX_DAILY_RANGE:
        raise ApiError.of(OUT_OF_RANGE, f"Date range exceeds {MAX_DAILY_RANGE} days")
    return start, end


async def sim_stats(request: web.Request) -> web.Response:
    state, sim_id = owned_sim(request)
    return json_response(200, state.render.stats(sim_id, _utcnow()))


async def sim_daily_stats(request: web.Request) -> web.Response:
    state, sim_id = owned_sim(request)
    query = request.query
    start, end = daily_range(query.get("start_date"), query.get("end_date"), _utcnow().date())
    return json_response(200, state.render.daily(sim_id, start, end))


ROUTES = [
    Route("GET", "/api/v1/sim/{sim_id}/stats", sim_stats, limit=Limit(10, 5)),
    Route("GET", "/api/v1/sim/{sim_id}/stats/daily", sim_daily_stats),
]
