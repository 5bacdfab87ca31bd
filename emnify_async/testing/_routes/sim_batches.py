"""SIM batches: validate (``GET``) and register (``PATCH``) ``/api/v1/sim_batch/bic/{bic}``."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._body import invalid, is_int, json_body
from emnify_async.testing._catalog import ACTIVATED, FACTORY_TEST, ISSUED
from emnify_async.testing._data import iccid
from emnify_async.testing._errors import INVALID_FORMAT, NOT_ALLOWED, ApiError, not_found
from emnify_async.testing._routing import Route, ok, principal, state

REGISTRABLE_STATUSES = (ISSUED, ACTIVATED, FACTORY_TEST)


async def validate_batch(request: web.Request) -> web.Response:
    batches = state(request).batches
    bic = request.match_info["bic"]
    batch = batches.get(bic)
    if batch is None:
        raise not_found("SIM batch", bic, key="BIC")
    if batch.registered:
        raise ApiError.of(NOT_ALLOWED, "SIM batch is already registered.", status=400)
    if batches.is_foreign(batch, principal(request).org_id):
        raise ApiError.of(
            NOT_ALLOWED, "SIM batch contains SIMs registered to another organisation."
        )
    return ok(state(request).sims.render.batch(batch))


def _requested_status(body: Any) -> int:
    sim_status = body.get("sim_status") if isinstance(body, dict) else None
    status = sim_status.get("id") if isinstance(sim_status, dict) else None
    if not is_int(status) or status not in REGISTRABLE_STATUSES:
        raise invalid(
            "Register SIM batch validation error",
            INVALID_FORMAT,
            "sim_status.id must be one of 0, 1 or 4",
        )
    return status


async def register_batch(request: web.Request) -> web.Response:
    batches = state(request).batches
    status = _requested_status(await json_body(request))
    caller = principal(request).org_id
    batch = batches.get(request.match_info["bic"])
    # The real API answers all three refusals with a bare 422 and no body.
    if batch is None or batch.registered or batches.is_foreign(batch, caller):
        raise ApiError(422)
    sim_ids = batches.register(batch, caller, status)
    # Only id and iccid of each SIM, as recorded (the spec's schema lists more).
    return ok({"sim": [{"id": sim_id, "iccid": iccid(sim_id)} for sim_id in sim_ids]})


ROUTES = [
    Route("GET", "/api/v1/sim_batch/bic/{bic}", validate_batch),
    Route("PATCH", "/api/v1/sim_batch/bic/{bic}", register_batch),
]
