"""Endpoint statistics: ``/api/v1/endpoint/{endpoint_id}/stats`` and ``/stats/daily``.

An endpoint's traffic is its SIM's (an endpoint without a SIM has none), reported under
``endpoint_id``; months, days and the last hour follow the emulator's clock.
"""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._dates import daily_range
from emnify_async.testing._device_routing import ENDPOINT_PATH, own_endpoint
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route, now, ok, state, today


async def endpoint_stats(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    emu = state(request)
    sim_id = emu.endpoints.sim_of(endpoint_id)
    return ok(emu.sims.render.stats(sim_id, now(request), ("endpoint_id", endpoint_id)))


async def endpoint_daily_stats(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    emu = state(request)
    query = request.query
    start, end = daily_range(query.get("start_date"), query.get("end_date"), today(request))
    return ok(emu.sims.render.daily(emu.endpoints.sim_of(endpoint_id), start, end))


ROUTES = [
    Route("GET", ENDPOINT_PATH + "/stats", endpoint_stats, limit=Limit(100, 50)),
    Route("GET", ENDPOINT_PATH + "/stats/daily", endpoint_daily_stats, limit=Limit(100, 50)),
]
