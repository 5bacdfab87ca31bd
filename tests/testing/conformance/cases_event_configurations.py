"""Custom events, templates and system events (``_routes/event_configurations.py``; newer
docs). The newer docs document no error: the 404, 409 and 422 are emnify's usual ones."""

from __future__ import annotations

import json

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case, undocumented_status

CUSTOM = "/api/v1/event/custom/configuration"
CUSTOM_ONE = CUSTOM + "/{custom_event_id}"
TEMPLATES = "/api/v1/event/custom/template"
SYSTEM = "/api/v1/event/system/configuration"
UNKNOWN = "00000000-0000-4000-8000-000000000000"
NO_ERRORS = (
    "The newer docs document no error of the custom/system event services; emnify's usual one."
)


def _body(emu: Emulator, hours: str = "48") -> dict[str, object]:
    return {
        "organisation": {"id": emu.state.org_id},
        "template": {"id": 2},
        "configuration_properties": [
            {"property": "inactive_hours", "value": hours, "value_array": []}
        ],
        "name": "Idle for two days",
    }


def _seeded(emu: Emulator) -> str:
    store = emu.state.automations
    return next(e.id for e in store.custom_events.values() if e.org_id == emu.state.org_id)


def _system(emu: Emulator) -> str:
    return next(iter(emu.state.automations.system_events))


async def _deleted(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    created = json.loads((await call(s, "POST", CUSTOM, json=_body(emu), token=t)).body)
    return await call(s, "DELETE", CUSTOM_ONE, {"custom_event_id": created["id"]}, token=t)


async def _in_use(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    """An automation triggered by the seeded custom event: it cannot be deleted."""
    emu.state.automations.create(
        emu.state.org_id,
        name="Idle",
        description="",
        status="ACTIVE",
        custom_event=_seeded(emu),
        system_event=None,
        actions=[],
        targeting=[],
    )
    return await call(s, "DELETE", CUSTOM_ONE, {"custom_event_id": _seeded(emu)}, token=t)


CASES = [
    case("custom events 200", lambda emu, s, t: call(s, "GET", CUSTOM, token=t)),
    case(
        "create custom event 201",
        lambda emu, s, t: call(s, "POST", CUSTOM, json=_body(emu), token=t),
    ),
    case(
        "create custom event out of range 422",
        lambda emu, s, t: call(s, "POST", CUSTOM, json=_body(emu, "721"), token=t),
        undocumented_status(422, NO_ERRORS),
    ),
    case(
        "custom event 200",
        lambda emu, s, t: call(s, "GET", CUSTOM_ONE, {"custom_event_id": _seeded(emu)}, token=t),
    ),
    case(
        "custom event unknown 404",
        lambda emu, s, t: call(s, "GET", CUSTOM_ONE, {"custom_event_id": UNKNOWN}, token=t),
        undocumented_status(404, NO_ERRORS),
    ),
    case("delete custom event 200", _deleted),
    case("delete custom event in use 409", _in_use, undocumented_status(409, NO_ERRORS)),
    case("custom event templates 200", lambda emu, s, t: call(s, "GET", TEMPLATES, token=t)),
    case(
        "custom event template 200",
        lambda emu, s, t: call(
            s, "GET", TEMPLATES + "/{template_id}", {"template_id": "1"}, token=t
        ),
    ),
    case("system events 200", lambda emu, s, t: call(s, "GET", SYSTEM, token=t)),
    case(
        "system event 200",
        lambda emu, s, t: call(
            s, "GET", SYSTEM + "/{system_event_id}", {"system_event_id": _system(emu)}, token=t
        ),
    ),
]
