"""``GET /api/v1/sim/{sim_id}/event``: paged events, with the headers of every event list."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._event_query import (
    EVENT_PAGING,
    FILTER_FIELDS,
    SORT_FIELDS,
    filter_events,
    sort_events,
)
from emnify_async.testing._pagination import list_query, paged
from emnify_async.testing._routing import Route, path_id, principal, state


async def list_sim_events(request: web.Request) -> web.Response:
    sim_id = path_id(request, "sim_id")
    query = list_query(request, FILTER_FIELDS, SORT_FIELDS)
    sims = state(request).sims
    # Unknown or foreign SIMs give an empty list, not 404 (documented quirk).
    events = sims.events_of(sim_id) if sims.owns(principal(request).org_id, sim_id) else []
    return paged(request, query, sort_events(filter_events(events, query.filters), query.keys))


ROUTES = [
    Route(
        "GET",
        "/api/v1/sim/{sim_id}/event",
        list_sim_events,
        paging=EVENT_PAGING,
    ),
]
