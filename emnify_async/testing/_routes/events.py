"""Event routes: the organisation's events, an endpoint's events and the event types.

Both lists page like SIM events (``EVENT_PAGING``).
"""

from __future__ import annotations

from collections.abc import Sequence

from aiohttp import web

from emnify_async.testing._catalog import EVENT_TYPES, JsonObj
from emnify_async.testing._device_routing import ENDPOINT_PATH
from emnify_async.testing._event_query import (
    EVENT_PAGING,
    FILTER_FIELDS,
    SORT_FIELDS,
    filter_events,
    sort_events,
)
from emnify_async.testing._pagination import ListQuery, list_query, paged
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route, ok, path_id, principal, state


def _selected(events: Sequence[JsonObj], query: ListQuery) -> Sequence[JsonObj]:
    if not query.filters and not query.keys:
        return events  # already in id order; a feed stays lazy
    return sort_events(filter_events(events, query.filters), query.keys)


async def list_events(request: web.Request) -> web.Response:
    """Every event of the caller's organisation."""
    query = list_query(request, FILTER_FIELDS, SORT_FIELDS)
    feed = state(request).event_feed(principal(request).org_id)
    return paged(request, query, _selected(feed, query))


async def list_endpoint_events(request: web.Request) -> web.Response:
    """The endpoint's events; unknown or others' endpoints give ``[]`` (documented quirk)."""
    endpoint_id = path_id(request, "endpoint_id")
    query = list_query(request, FILTER_FIELDS, SORT_FIELDS)
    endpoints = state(request).endpoints
    owned = endpoints.owns(principal(request).org_id, endpoint_id)
    events = endpoints.events_of(endpoint_id) if owned else []
    return paged(request, query, _selected(events, query))


async def event_types(request: web.Request) -> web.Response:
    return ok([{"id": tid, "description": text} for tid, text in EVENT_TYPES.items()])


ROUTES = [
    Route("GET", "/api/v1/event", list_events, limit=Limit(10, 5), paging=EVENT_PAGING),
    Route("GET", "/api/v1/event/type", event_types),
    Route("GET", ENDPOINT_PATH + "/event", list_endpoint_events, paging=EVENT_PAGING),
]
