"""Automations, actions, action logs and recipient verification (``_routes/automations.py``;
newer docs). The newer docs document no error: the 400, 404 and 422 are emnify's usual ones."""

from __future__ import annotations

import json

import aiohttp

from emnify_async.testing import Emulator
from emnify_async.testing._automation_catalog import (
    EMAIL_ACTION,
    WEBHOOK_ACTION,
    system_event_id,
)
from tests.testing.conformance.harness import (
    Deviation,
    Exchange,
    call,
    case,
    undocumented_status,
)

PATH = "/api/v1/automation"
ONE = PATH + "/{id}"
UNKNOWN = "00000000-0000-4000-8000-000000000000"
NO_ERRORS = "The newer docs document no error of the automation service; emnify's usual one."
ONE_EVENT = (
    "An automation is triggered by one event: the docs' ActionableEvent*Dto mark both "
    "custom_event and system_event required (non-null), while the create's description and "
    "the Portal speak of 'the configured event'. The emulator sends and takes exactly one."
)
NEVER_RAN = (
    "last_execution is typed a required string; an automation that never ran has none: "
    "null (a choice; the docs show no example)."
)


def _settings() -> dict[str, object]:
    return {
        "name": "Device back",
        "description": "Posts re-enabled devices.",
        "status": "ACTIVE",
        "configured_actions": [
            {
                "action": {"id": WEBHOOK_ACTION, "type": "WEBHOOK"},
                "properties": [
                    {"property": "url", "value": "https://hooks.example.org", "value_array": []}
                ],
            }
        ],
        "targeting_properties": [{"property": "endpoint", "value": "", "value_array": ["1"]}],
    }


def _create_body() -> dict[str, object]:
    return {**_settings(), "actionable_event": {"system_event": {"id": system_event_id(42)}}}


def _seeded(emu: Emulator) -> str:
    store = emu.state.automations
    return next(a.id for a in store.automations.values() if a.org_id == emu.state.org_id)


async def _ran(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    """The seeded automation after a device was disabled: executed once, logged."""
    automation = _seeded(emu)
    patch = "/api/v1/endpoint/{endpoint_id}"
    for status in (0, 1):  # enabled (if it was not), then disabled: event 43
        body = {"status": {"id": status}}
        await call(s, "PATCH", patch, {"endpoint_id": 1}, json=body, token=t)
    query = {"automationId": automation, "automationExecutionNumber": "1"}
    return await call(s, "GET", PATH + "/log", query=query, token=t)


async def _deleted(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    created = json.loads((await call(s, "POST", PATH, json=_create_body(), token=t)).body)
    return await call(s, "DELETE", ONE, {"id": created["id"]}, token=t)


async def _verified(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    body = {
        **_create_body(),
        "configured_actions": [
            {
                "action": {"id": EMAIL_ACTION},
                "properties": [
                    {"property": "recipients", "value": "", "value_array": ["new@example.org"]}
                ],
            }
        ],
    }
    await call(s, "POST", PATH, json=body, token=t)
    token = emu.state.automations.verification_token("new@example.org")
    return await call(
        s, "POST", PATH + "/recipient/email/verification", json={"token": token}, token=t
    )


ACTIONABLE = Deviation("response", "body*.actionable_event.custom_event", "required", ONE_EVENT)
NULL_RUN = Deviation("response", "body*.last_execution", "type", NEVER_RAN)

CASES = [
    case("automations 200", lambda emu, s, t: call(s, "GET", PATH, token=t), ACTIONABLE, NULL_RUN),
    case(
        "create automation 201",
        lambda emu, s, t: call(s, "POST", PATH, json=_create_body(), token=t),
        ACTIONABLE,
        NULL_RUN,
        Deviation("request", "request.body.actionable_event.custom_event", "required", ONE_EVENT),
    ),
    case(
        "create automation unsupported action config 422",
        lambda emu, s, t: call(
            s,
            "POST",
            PATH,
            json={
                **_create_body(),
                "configured_actions": [{"action": {"id": EMAIL_ACTION}, "properties": []}],
            },
            token=t,
        ),
        undocumented_status(422, NO_ERRORS),
        Deviation("request", "request.body.actionable_event.custom_event", "required", ONE_EVENT),
    ),
    case(
        "automation 200",
        lambda emu, s, t: call(s, "GET", ONE, {"id": _seeded(emu)}, token=t),
        ACTIONABLE,
        NULL_RUN,
    ),
    case(
        "automation unknown 404",
        lambda emu, s, t: call(s, "GET", ONE, {"id": UNKNOWN}, token=t),
        undocumented_status(404, NO_ERRORS),
    ),
    case(
        "update automation 200",
        lambda emu, s, t: call(s, "PATCH", ONE, {"id": _seeded(emu)}, json=_settings(), token=t),
        ACTIONABLE,
        NULL_RUN,
    ),
    case("delete automation 204", _deleted),
    case("automation actions 200", lambda emu, s, t: call(s, "GET", PATH + "/action", token=t)),
    case(
        "automation action 200",
        lambda emu, s, t: call(s, "GET", PATH + "/action/{id}", {"id": EMAIL_ACTION}, token=t),
    ),
    case("action logs 200", _ran),
    case(
        "action logs without query 400",
        lambda emu, s, t: call(s, "GET", PATH + "/log", token=t),
        undocumented_status(400, NO_ERRORS),
        invalid_request=True,
    ),
    case("verify recipient email 200", _verified),
    case(
        "verify recipient email unknown token 400",
        lambda emu, s, t: call(
            s, "POST", PATH + "/recipient/email/verification", json={"token": "used"}, token=t
        ),
        undocumented_status(400, NO_ERRORS),
    ),
]
