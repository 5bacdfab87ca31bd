"""Wiring: builds the aiohttp application from the route modules and middlewares."""

from __future__ import annotations

import random
import re
import uuid

from aiohttp import web

from emnify_async.testing._auth import Authenticator
from emnify_async.testing._config import EmulatorConfig
from emnify_async.testing._errors import ApiError, gateway_error
from emnify_async.testing._faults import FAULTS, FaultInjector, Handler, ResetResponse
from emnify_async.testing._json import CONTENT_TYPE
from emnify_async.testing._keys import (
    AUTH,
    CONFIG,
    PRINCIPAL,
    RATE_LIMITER,
    REQUEST_ID,
    REQUESTS,
    STATE,
)
from emnify_async.testing._ratelimit import RateLimiter
from emnify_async.testing._recording import RecordedRequest
from emnify_async.testing._routes import (
    application_tokens,
    authenticate,
    automations,
    cloud_connect,
    endpoint_bulk,
    endpoint_connectivity,
    endpoint_settings,
    endpoint_sms,
    endpoint_stats,
    endpoints,
    euicc_operations,
    euiccs,
    event_configurations,
    events,
    inclusive_volumes,
    integrations,
    ip_address_spaces,
    lookups,
    operators,
    org_stats,
    organisations,
    service_profile_data_limits,
    service_profiles,
    services,
    sim_batches,
    sim_bulk,
    sim_events,
    sim_installation_code,
    sim_operations,
    sim_stats,
    sims,
    tags,
    tariff_plans,
    tariff_profile_blocklists,
    tariff_profiles,
    tariffs,
    traffic_limits,
    user_mfa,
    user_passwords,
    users,
    workspaces,
)
from emnify_async.testing._routing import ROUTE, Route
from emnify_async.testing._state import EmulatorState

# Add a module here to serve its ROUTES; order matters where literal paths shadow templates.
ROUTE_MODULES = (
    authenticate,
    sim_operations,  # before sims: /api/v1/sim/operation shadows /api/v1/sim/{sim_id}
    sim_bulk,  # before sims: /api/v1/sim/multi and /unlinked_product_stats likewise
    sims,
    sim_events,
    sim_stats,
    sim_installation_code,
    sim_batches,
    organisations,
    org_stats,
    inclusive_volumes,
    tariff_plans,
    tariffs,
    tariff_profiles,
    tariff_profile_blocklists,
    endpoints,  # before the others: /api/v1/endpoint/status shadows /{endpoint_id}
    endpoint_connectivity,
    endpoint_sms,
    endpoint_stats,
    endpoint_settings,
    events,
    operators,
    service_profiles,
    service_profile_data_limits,
    services,
    integrations,  # /api/v2/data_stream/status (and type, ...) before /{data_stream_id}
    lookups,
    cloud_connect,
    ip_address_spaces,
    user_mfa,  # before users: /api/v1/user/mfa/... shadows /api/v1/user/{user_id}/...
    user_passwords,  # before users too: /api/v1/user/password, /activation
    users,
    application_tokens,
    traffic_limits,
    endpoint_bulk,
    euiccs,
    euicc_operations,
    tags,
    event_configurations,
    automations,
    workspaces,
)
ALL_ROUTES: list[Route] = [route for module in ROUTE_MODULES for route in module.ROUTES]

_PARAM = re.compile(r"\{(\w+)\}")

ROUTE_TABLE = web.AppKey[dict[tuple[str, str], Route]]("emnify_routes")
REQUEST_IDS = web.AppKey[random.Random]("emnify_request_ids")


def _route_of(request: web.Request) -> Route | None:
    resource = request.match_info.route.resource
    if resource is None:
        return None
    return request.app[ROUTE_TABLE].get((request.method, resource.canonical))


@web.middleware
async def record_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Outermost: the matched route, request id, request log, and errors turned into bodies."""
    app = request.app
    route = _route_of(request)
    if route is not None:
        request[ROUTE] = route
    request_id = str(uuid.UUID(int=app[REQUEST_IDS].getrandbits(128), version=4))
    request[REQUEST_ID] = request_id
    body = await request.read()
    record = RecordedRequest(
        request.method,
        request.path,
        dict(request.query),
        dict(request.headers),
        body,
        request_id=request_id,
    )
    app[REQUESTS].append(record)
    try:
        response = await handler(request)
    except ApiError as exc:
        response = exc.response()
    except web.HTTPException as exc:
        response = gateway_error(exc.status, exc.reason).response()
    record.status = 0 if isinstance(response, ResetResponse) else response.status
    if not response.prepared:
        response.headers["x-amzn-RequestId"] = request_id
        _set_content_type(response)
    return response


def _set_content_type(response: web.StreamResponse) -> None:
    """emnify's ``application/json; charset=UTF-8`` on JSON answers, 204s and empty errors
    (as recorded); a bodiless 201 or 200 keeps none, and so does a verbatim fault body."""
    if not isinstance(response, web.Response) or isinstance(response, ResetResponse):
        return
    if response.body:
        if response.content_type == "application/json":
            response.headers["Content-Type"] = CONTENT_TYPE
    elif response.status == 204 or response.status >= 400:
        response.headers["Content-Type"] = CONTENT_TYPE


@web.middleware
async def scripted_fault_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Scripted faults fire after the request is recorded, before authentication."""
    injector = request.app[FAULTS]
    fault = injector.take(request.method, request.path) if injector.scripted else None
    if fault is None:
        return await handler(request)
    return await injector.run_scripted(fault, request, handler)


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every route but the public ones needs a valid token; so does an unknown route, which
    the real API authenticates before it answers 404 (or 405)."""
    route = request.get(ROUTE)
    if route is None or not route.public:
        request[PRINCIPAL] = request.app[AUTH].verify(request.headers.get("Authorization"))
    return await handler(request)


@web.middleware
async def rate_limit_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    limiter = request.app[RATE_LIMITER]
    route = request.get(ROUTE)
    if limiter is not None and route is not None:
        caller: object = request[PRINCIPAL].org_id if PRINCIPAL in request else request.remote
        limiter.check(caller, route.method, route.path)
    return await handler(request)


@web.middleware
async def random_fault_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    injector = request.app[FAULTS]
    route = request.get(ROUTE)
    if route is None or not injector.active or not injector.applies_to(request.path):
        return await handler(request)
    return await injector.run_random(request, handler, route.paged)


def _any_segment(path: str) -> str:
    """The route's template with each ``{name}`` matching any one segment: aiohttp's default
    refuses ``{`` and ``}``, which the API gateway passes to emnify like any other character."""
    return _PARAM.sub(r"{\1:[^/]+}", path)


def create_app(config: EmulatorConfig | None = None) -> web.Application:
    """The emulator as an ``aiohttp.web.Application`` (state is built here, synchronously)."""
    config = config or EmulatorConfig()
    app = web.Application(
        middlewares=[
            record_middleware,
            scripted_fault_middleware,
            auth_middleware,
            rate_limit_middleware,
            random_fault_middleware,
        ]
    )
    state = EmulatorState(
        config.seed, config.sims, clock=config.clock, page_cache_bytes=config.page_cache_bytes
    )
    parent = state.organisations[state.org_id]
    app[CONFIG] = config
    app[STATE] = state
    app[AUTH] = Authenticator(
        seed=config.seed,
        org_id=parent.id,
        org_name=parent.name,
        token_lifetime=config.token_lifetime,
        refresh_token_lifetime=config.refresh_token_lifetime,
        lockout_seconds=config.lockout_seconds,
        clock=config.clock,
        users=state.users,
        tokens=state.application_tokens,
    )
    app[FAULTS] = FaultInjector(config.faults, config.seed)
    limits = {(r.method, r.path): r.limit for r in ALL_ROUTES if r.limit is not None}
    app[RATE_LIMITER] = (
        RateLimiter(limits, config.rate_limit_retry_after) if config.rate_limits else None
    )
    app[REQUESTS] = []
    app[REQUEST_IDS] = random.Random(f"{config.seed}:request-ids")
    app[ROUTE_TABLE] = {(r.method, r.path): r for r in ALL_ROUTES}
    for route in ALL_ROUTES:
        app.router.add_route(route.method, _any_segment(route.path), route.handler)
    return app
