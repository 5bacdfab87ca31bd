"""Automations, their actions and action logs, and e-mail recipient verification (newer docs).

An automation belongs to the caller's organisation and is triggered by exactly one custom or
system event (the docs' schema marks both required; see docs/emulator.md). Each configured
action must be one the event supports, configured by its one property (``recipients``: e-mail
addresses; ``url``: an http(s) URL); the one targeting option is ``endpoint`` (endpoint ids).
A PATCH replaces every field but the event, all required as documented. Runs and action logs:
``_stores/automations.py``.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._automation_catalog import ACTION_PROPERTIES, ACTIONS, TARGETING
from emnify_async.testing._automation_routing import (
    properties,
    store,
    text_field,
    unknown_keys,
    uuid_ref,
    visible_orgs,
)
from emnify_async.testing._body import FieldErrors, json_object
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._errors import (
    BAD_REQUEST,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    REQUIRED,
    ApiError,
    not_found,
)
from emnify_async.testing._routing import Route, ok, principal
from emnify_async.testing._stores.automations import STATUSES, AutomationRecord

PATH = "/api/v1/automation"
WHAT = "Automation validation error"
UPDATE_KEYS = frozenset(
    {"name", "description", "status", "configured_actions", "targeting_properties"}
)
CREATE_KEYS = UPDATE_KEYS | {"actionable_event"}
ACTION_KEYS = frozenset({"action", "properties"})


def _own(request: web.Request) -> AutomationRecord:
    wanted = request.match_info["id"]
    record = store(request).automations.get(wanted)
    if record is None or record.org_id not in visible_orgs(request):
        raise not_found("Automation", wanted)
    return record


def _settings(check: FieldErrors, body: dict[str, Any]) -> dict[str, Any]:
    """The fields both create and update require, checked in shape."""
    name = text_field(check, body, "name")
    if "name" in body and not name.strip():
        check.add(REQUIRED, "name must not be empty")
    status = text_field(check, body, "status")
    if "status" in body and status not in STATUSES:
        check.add(INVALID_FORMAT, f"status must be one of {', '.join(sorted(STATUSES))}")
    return {
        "name": name,
        "description": text_field(check, body, "description"),
        "status": status,
        "actions": _actions(check, body),
        "targeting": properties(check, body, "targeting_properties"),
    }


def _actions(check: FieldErrors, body: dict[str, Any]) -> list[JsonObj]:
    value = body.get("configured_actions")
    if not isinstance(value, list) or not value:
        check.add(REQUIRED, "configured_actions is required as a non-empty array")
        return []
    actions: list[JsonObj] = []
    for index, item in enumerate(value):
        where = f"configured_actions[{index}]"
        if not isinstance(item, dict) or set(item) != ACTION_KEYS:
            check.add(INVALID_FORMAT, f"{where} must be {{action, properties}}")
            continue
        action = item["action"]
        ident = action.get("id") if isinstance(action, dict) else None
        kind = action.get("type") if isinstance(action, dict) else None
        if (
            not isinstance(ident, str)
            or set(action) - {"id", "type"}
            or (kind is not None and (not isinstance(kind, str)))
        ):
            check.add(INVALID_FORMAT, f'{where}.action must be {{"id": "<uuid>", "type"?}}')
            continue
        actions.append({"action": ident, "properties": properties(check, item, "properties")})
    return actions


def _check_actions(check: FieldErrors, actions: list[JsonObj], supported: list[str]) -> None:
    """Each action known, supported by the event, and configured by its one property."""
    for index, action in enumerate(actions):
        ident = action["action"]
        if ident not in ACTIONS:
            check.add(INVALID_REFERENCE, f"Action '{ident}' not found")
            continue
        if ident not in supported:
            check.add(INVALID_REFERENCE, f"Action '{ident}' is not supported by the event")
        given = {p["property"]: p for p in action["properties"]}
        wanted = next(name for name, owner in ACTION_PROPERTIES.items() if owner == ident)
        where = f"configured_actions[{index}]"
        if set(given) != {wanted}:
            check.add(REQUIRED, f"{where} is configured by exactly '{wanted}'")
        elif wanted == "recipients":
            addresses = given[wanted]["value_array"]
            if not addresses or not all("@" in a and " " not in a for a in addresses):
                check.add(INVALID_FORMAT, f"{where}: recipients must be e-mail addresses")
        elif not given[wanted]["value"].startswith(("https://", "http://")):
            check.add(INVALID_FORMAT, f"{where}: url must be an http(s) URL")


def _check_targeting(check: FieldErrors, targeting: list[JsonObj], supported: list[str]) -> None:
    for item in targeting:
        name = item["property"]
        if name not in supported:
            check.add(INVALID_REFERENCE, f"Targeting parameter '{name}' is not supported")
        elif name == TARGETING and not all(v.isdigit() for v in item["value_array"]):
            check.add(INVALID_FORMAT, "endpoint targets must be endpoint ids")


def _event(check: FieldErrors, body: dict[str, Any]) -> tuple[str, str]:
    """``("custom_event" | "system_event", id)`` of the body's ``actionable_event``."""
    value = body.get("actionable_event")
    if not isinstance(value, dict) or set(value) - {"custom_event", "system_event"}:
        check.add(REQUIRED, "actionable_event is required as {custom_event} or {system_event}")
        return "", ""
    given = [(key, uuid_ref(check, value, key)) for key in ("custom_event", "system_event")]
    named = [(key, ident) for key, ident in given if ident is not None]
    if len(named) != 1:
        check.add(INVALID_FORMAT, "actionable_event names exactly one custom or system event")
        return "", ""
    return named[0]


def _supported(request: web.Request, kind: str, ident: str) -> tuple[list[str], list[str]]:
    """The actions and targeting options of the event (404 if it is unknown or others')."""
    automations = store(request)
    if kind == "custom_event":
        custom = automations.custom_events.get(ident)
        if custom is None or custom.org_id not in visible_orgs(request):
            raise not_found("Custom event", ident)
        rendered = custom.render()
    else:
        rendered = automations.system_events.get(ident) or {}
        if not rendered:
            raise not_found("System event", ident)
    return rendered["supportedActions"], rendered["supportedTargetingParameters"]


async def list_automations(request: web.Request) -> web.Response:
    automations = store(request)
    orgs = visible_orgs(request)
    return ok([automations.render(a) for a in automations.automations.values() if a.org_id in orgs])


async def create(request: web.Request) -> web.Response:
    body = await json_object(request, WHAT)
    check = FieldErrors(WHAT)
    unknown_keys(check, body, CREATE_KEYS)
    kind, ident = _event(check, body)
    settings = _settings(check, body)
    check.raise_if_any()
    actions, targeting = _supported(request, kind, ident)
    _check_actions(check, settings["actions"], actions)
    _check_targeting(check, settings["targeting"], targeting)
    check.raise_if_any()
    automations = store(request)
    record = automations.create(
        principal(request).org_id,
        name=settings["name"],
        description=settings["description"],
        status=settings["status"],
        custom_event=ident if kind == "custom_event" else None,
        system_event=ident if kind == "system_event" else None,
        actions=settings["actions"],
        targeting=settings["targeting"],
    )
    return ok(automations.render(record), status=201)


async def get_automation(request: web.Request) -> web.Response:
    return ok(store(request).render(_own(request)))


async def update(request: web.Request) -> web.Response:
    record = _own(request)
    body = await json_object(request, WHAT)
    check = FieldErrors(WHAT)
    unknown_keys(check, body, UPDATE_KEYS)
    settings = _settings(check, body)
    check.raise_if_any()
    kind = "custom_event" if record.custom_event else "system_event"
    actions, targeting = _supported(request, kind, record.custom_event or record.system_event or "")
    _check_actions(check, settings["actions"], actions)
    _check_targeting(check, settings["targeting"], targeting)
    check.raise_if_any()
    automations = store(request)
    automations.update(
        record,
        name=settings["name"],
        description=settings["description"],
        status=settings["status"],
        actions=settings["actions"],
        targeting=settings["targeting"],
    )
    return ok(automations.render(record))


async def delete(request: web.Request) -> web.Response:
    store(request).delete(_own(request).id)
    return web.Response(status=204)


async def list_actions(request: web.Request) -> web.Response:
    return ok(list(ACTIONS.values()))


async def get_action(request: web.Request) -> web.Response:
    wanted = request.match_info["id"]
    action = ACTIONS.get(wanted)
    if action is None:
        raise not_found("Action", wanted)
    return ok(action)


async def list_logs(request: web.Request) -> web.Response:
    ident = request.query.get("automationId", "")
    raw = request.query.get("automationExecutionNumber", "")
    if not ident or not raw.isdigit():
        raise ApiError.of(
            BAD_REQUEST, "automationId and automationExecutionNumber (a number) are required"
        )
    automations = store(request)
    record = automations.automations.get(ident)
    if record is None or record.org_id not in visible_orgs(request):
        raise not_found("Automation", ident)
    return ok(automations.logs_of(ident, int(raw)))


async def verify_email(request: web.Request) -> web.Response:
    body = await json_object(request, WHAT, status=400)
    token = body.get("token")
    if set(body) != {"token"} or not isinstance(token, str) or not token:
        raise ApiError.of(BAD_REQUEST, 'The body must be {"token": "..."}')
    if not store(request).verify(token):
        raise ApiError.of(BAD_REQUEST, "Unknown or used verification token")
    return web.Response(status=200)  # the docs' "Empty response body": no body, as tags


ROUTES = [
    Route("GET", PATH, list_automations),
    Route("POST", PATH, create),
    Route("GET", PATH + "/action", list_actions),
    Route("GET", PATH + "/action/{id}", get_action),
    Route("GET", PATH + "/log", list_logs),
    Route("POST", PATH + "/recipient/email/verification", verify_email),
    Route("GET", PATH + "/{id}", get_automation),
    Route("PATCH", PATH + "/{id}", update),
    Route("DELETE", PATH + "/{id}", delete),
]
