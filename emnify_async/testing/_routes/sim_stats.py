"""SIM statistics: ``/api/v1/sim/{sim_id}/stats`` and ``/stats/daily``."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._dates import daily_range
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route, now, ok, owned_id, state, today


def _sim_id(request: web.Request) -> int:
    return owned_id(request, "sim_id", state(request).sims.owns, "SIM")


async def sim_stats(request: web.Request) -> web.Response:
    sim_id = _sim_id(request)
    return ok(state(request).sims.render.stats(sim_id, now(request)))


async def sim_daily_stats(request: web.Request) -> web.Response:
    sim_id = _sim_id(request)
    query = request.query
    start, end = daily_range(query.get("start_date"), query.get("end_date"), today(request))
    return ok(state(request).sims.render.daily(sim_id, start, end))


ROUTES = [
    Route("GET", "/api/v1/sim/{sim_id}/stats", sim_stats, limit=Limit(10, 5)),
    Route("GET", "/api/v1/sim/{sim_id}/stats/daily", sim_daily_stats),
]
