"""eUICC routes (newer docs): list, details, the status lookups, the unlinked validation."""

from __future__ import annotations

import re

from aiohttp import web

from emnify_async.testing._errors import status_error
from emnify_async.testing._esim_catalog import EUICC_STATUSES, PROFILE_STATUSES, listing
from emnify_async.testing._esim_routing import (
    EUICC,
    EUICC_PATH,
    esim_body,
    esim_list_query,
    nested,
    own_euicc,
    select,
    settled,
)
from emnify_async.testing._pagination import paged
from emnify_async.testing._routing import Paging, Route, ok, principal

FILTER_FIELDS = frozenset({"id", "eid", "supported_profile_type", "status", "eim"})
SORT_FIELDS = FILTER_FIELDS | {"modified"}
EID = re.compile(r"89[0-9]{30}")
READERS = {
    "id": nested("id"),
    "eid": nested("eid"),
    "supported_profile_type": nested("supported_profile_type", "id"),
    "status": nested("status", "id"),
    "eim": nested("eim", "id"),
    "modified": nested("last_polled"),
}


async def list_euiccs(request: web.Request) -> web.Response:
    query = esim_list_query(request, FILTER_FIELDS, SORT_FIELDS)
    euiccs = settled(request).euiccs
    ids = euiccs.ids(principal(request).org_id)
    if not (query.filters or query.keys):
        return paged(request, query, ids, euiccs.render)
    return paged(request, query, select([euiccs.render(i) for i in ids], query, READERS))


async def get_euicc(request: web.Request) -> web.Response:
    euicc_id = own_euicc(request)
    return ok(settled(request).euiccs.render(euicc_id))


async def euicc_statuses(request: web.Request) -> web.Response:
    return ok(listing(EUICC_STATUSES))


async def profile_statuses(request: web.Request) -> web.Response:
    return ok(listing(PROFILE_STATUSES))


async def unlinked_validation(request: web.Request) -> web.Response:
    """The EIDs of the request that already have a profile linked (none: ``[]``)."""
    body = await esim_body(request)
    targets = body.get("target") if isinstance(body, dict) else None
    extra = set(body) - {"target"} if isinstance(body, dict) else set()
    if extra or not isinstance(targets, list) or not targets:
        raise status_error(400, 'The body must be {"target": [{"eid": ...}, ...]}')
    eids: list[str] = []
    for target in targets:
        eid = target.get("eid") if isinstance(target, dict) else None
        if not isinstance(eid, str) or set(target) != {"eid"} or not EID.fullmatch(eid):
            raise status_error(400, 'Each target must be {"eid": "<32 digits from 89>"}')
        eids.append(eid)
    euiccs = settled(request).euiccs
    linked = [eid for eid in dict.fromkeys(eids) if euiccs.linked_to(eid)]
    return ok([{"eid": eid} for eid in linked])


ROUTES = [
    Route("GET", EUICC, list_euiccs, paging=Paging(default=100, maximum=1000)),
    Route("GET", EUICC + "/status", euicc_statuses),
    Route("GET", EUICC + "/profile/status", profile_statuses),
    Route("POST", EUICC + "/unlinked_validation", unlinked_validation),
    Route("GET", EUICC_PATH, get_euicc),
]
