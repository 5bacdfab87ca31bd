"""SIM batches: validate (``GET``) and register (``PATCH``) ``/api/v1/sim_batch/bic/{bic}``."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._catalog import ACTIVATED, FACTORY_TEST, ISSUED
from emnify_async.testing._errors import (
    INPUT_VALIDATION,
    INVALID_FORMAT,
    NOT_ALLOWED,
    NOT_FOUND,
    ApiError,
    error_body,
    json_response,
)
from emnify_async.testing._keys import STATE
from emnify_async.testing._routing import Route, json_body, principal

REGISTRABLE_STATUSES = (ISSUED, ACTIVATED, FACTORY_TEST)


async def validate_batch(request: web.Request) -> web.Response:
    state = request.app[STATE]
    bic = request.match_info["bic"]
    batch = state.batch(bic)
    if batch is None:
        raise ApiError.of(NOT_FOUND, f"SIM batch with BIC '{bic}' not found.")
    if batch.registered:
        raise ApiError.of(NOT_ALLOWED, "SIM batch is already registered.", status=400)
    if state.batch_is_foreign(batch, principal(request).org_id):
        raise ApiError.of(
            NOT_ALLOWED, "SIM batch contains SIMs registered to another organisation."
        )
    return json_response(200, state.render.batch(batch))


def _requested_status(body: Any) -> int:
    sim_status = body.get("sim_status") if isinstance(body, dict) else None
    status = sim_status.get("id") if isinstance(sim_status, dict) else None
    if (
        not isinstance(status, int)
        or isinstance(status, bool)
        or status not in REGISTRABLE_STATUSES
    ):
        raise ApiError.of(
            INPUT_VALIDATION,
            "Register SIM batch validation error",
            [error_body(INVALID_FORMAT, "sim_status.id must be one of 0, 1 or 4")],
        )
    return status


async def register_batch(request: web.Request) -> web.Response:
    state = request.app[STATE]
    status = _requested_status(await json_body(request))
    caller = principal(request).org_id
    batch = state.batch(request.match_info["bic"])
    # The real API answers all three refusals with a bare 422 and no body.
    if batch is None or batch.registered or state.batch_is_foreign(batch, caller):
        raise ApiError(422)
    sim_ids = state.register_batch(batch, caller, status)
    return json_response(200, {"sim": [state.render.sim(sim_id) for sim_id in sim_ids]})


ROUTES = [
    Route("GET", "/api/v1/sim_batch/bic/{bic}", validate_batch),
    Route("PATCH", "/api/v1/sim_batch/bic/{bic}", register_batch),
]
