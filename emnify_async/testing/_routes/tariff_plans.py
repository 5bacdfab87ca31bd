"""Tariff plans of an organisation: its history of plans and the active one (also the
caller's own at ``/api/v1/tariff_plan/active``, newer docs: the same answer as ``my``'s)."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._catalog import ACTIVATED
from emnify_async.testing._data import Organisation
from emnify_async.testing._errors import NOT_FOUND, ApiError
from emnify_async.testing._routing import Route, caller, ok, org_in_scope, state, today

ORG = "/api/v1/organisation"


async def list_plans(request: web.Request) -> web.Response:
    """Every plan the organisation (the caller or a direct child; ``my`` too) had or has."""
    org = org_in_scope(request, "org_id")
    plans, day = state(request).billing.plans, today(request)
    return ok([plans.list_json(assignment, day) for assignment in plans.of(org.id)])


async def active_plan(request: web.Request) -> web.Response:
    """The plan running today, priced for the organisation's activated SIMs; 404 without one."""
    return _active(request, org_in_scope(request, "org_id_or_my"))


async def my_active_plan(request: web.Request) -> web.Response:
    return _active(request, caller(request))


def _active(request: web.Request, org: Organisation) -> web.Response:
    emu = state(request)
    assignment = emu.billing.plans.active(org.id, today(request))
    if assignment is None:
        raise ApiError.of(NOT_FOUND, f"Organisation with Id '{org.id}' has no active tariff plan.")
    activated = emu.sims.counts(org.id).get(ACTIVATED, 0)
    return ok(emu.billing.plans.active_json(assignment, activated))


ROUTES = [
    Route("GET", ORG + "/{org_id}/tariff_plan", list_plans),
    Route("GET", ORG + "/{org_id_or_my}/tariff_plan/active", active_plan),
    Route("GET", "/api/v1/tariff_plan/active", my_active_plan),
]
