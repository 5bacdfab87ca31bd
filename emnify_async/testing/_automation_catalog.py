"""The fixed lists of the automation area (newer docs): custom event templates, system events
and actions, as the emulator chooses them (the docs show no values; docs/emulator.md).

System events are event types of ``GET /api/v1/event/type`` that the emulator records (so an
automation of one runs); their names are those of the Portal's Automations where the docs give
one ("Device blocked"). Ids are UUIDs derived from a fixed name, the same in every emulator.
"""

from __future__ import annotations

import uuid

from emnify_async.testing._catalog import EVENT_TYPES, JsonObj

_NAMESPACE = uuid.UUID("6f1c2b1e-8c1d-4d8e-9a51-3a7e0c6d2f10")


def stable_id(name: str) -> str:
    """A UUID derived from ``name``."""
    return str(uuid.uuid5(_NAMESPACE, name))


def _key(kind: str, name: str, part: str) -> str:
    return f"{kind}.{name.lower().replace(' ', '_')}.{part}"


EMAIL_ACTION = stable_id("action email")
WEBHOOK_ACTION = stable_id("action webhook")
ACTIONS: dict[str, JsonObj] = {
    EMAIL_ACTION: {
        "id": EMAIL_ACTION,
        "status": "ACTIVE",
        "type": "EMAIL",
        "configurationProperties": ["recipients"],
        "name": "Send email",
        "translationKeyName": _key("action", "email", "name"),
        "description": "Sends an email about the event to verified recipients.",
        "translationKeyDescription": _key("action", "email", "description"),
        "requiredEventOutputParameters": [],
    },
    WEBHOOK_ACTION: {
        "id": WEBHOOK_ACTION,
        "status": "ACTIVE",
        "type": "WEBHOOK",
        "configurationProperties": ["url"],
        "name": "Send webhook",
        "translationKeyName": _key("action", "webhook", "name"),
        "description": "Posts the event's device to a URL.",
        "translationKeyDescription": _key("action", "webhook", "description"),
        "requiredEventOutputParameters": ["endpoint_id"],
    },
}
ACTION_PROPERTIES = {"recipients": EMAIL_ACTION, "url": WEBHOOK_ACTION}
"""Each action's one configuration property (a list of e-mail addresses; one URL)."""

TARGETING = "endpoint"
"""The one targeting option: ``value_array`` of endpoint ids (none: every device)."""

_OUTPUT = [
    {"parameter": "endpoint_id", "type": "number", "description": "The device's id."},
    {"parameter": "iccid", "type": "string", "description": "The SIM's ICCID."},
]
# Event type id -> the Portal's name of the event.
SYSTEM_EVENT_TYPES = {
    8: "SIM activated",
    9: "SIM suspended",
    11: "Device blocked",
    42: "Device enabled",
    43: "Device disabled",
    49: "Device offline",
    50: "SIM released",
    51: "SIM assigned",
    65: "Monthly threshold",
}


def system_event_id(type_id: int) -> str:
    return stable_id(f"system event {type_id}")


def system_events(parent_id: int) -> dict[str, JsonObj]:
    """The system events, by id, as offered by ``parent_id``."""
    events: dict[str, JsonObj] = {}
    for type_id, name in SYSTEM_EVENT_TYPES.items():
        ident = system_event_id(type_id)
        events[ident] = {
            "id": ident,
            "parentOrg": {"id": parent_id},
            "eventType": {"id": type_id},
            "name": name,
            "translationKeyName": _key("system_event", name, "name"),
            "description": f"emnify event type {type_id}: {EVENT_TYPES[type_id]}.",
            "translationKeyDescription": _key("system_event", name, "description"),
            "supportedTargetingParameters": [TARGETING],
            "eventOutputParameters": [dict(item) for item in _OUTPUT],
            "supportedActions": list(ACTIONS),
        }
    return events


def _property(name: str, default: str, description: str, *validators: tuple[str, str]) -> JsonObj:
    return {
        "property": name,
        "type": "number",
        "default": default,
        "required": True,
        "description": description,
        "validators": [{"validator_type": k, "validator_value": v} for k, v in validators],
    }


def templates(parent_id: int) -> dict[int, JsonObj]:
    """The custom event templates, by id, as offered by ``parent_id``."""
    targeting = {
        "parameter": TARGETING,
        "type": "number[]",
        "description": "The devices, by id (none: every device).",
        "validators": [],
    }
    rows = [
        (
            1,
            "Data usage threshold",
            "A device used more data in a day than its threshold.",
            _property("threshold_mb", "100", "Megabytes a day.", ("min", "1")),
        ),
        (
            2,
            "Device inactivity",
            "A device sent no data for a number of hours.",
            _property("inactive_hours", "24", "Hours without data.", ("min", "1"), ("max", "720")),
        ),
    ]
    return {
        ident: {
            "id": str(ident),
            "parent_organisation": {"id": parent_id},
            "name": name,
            "translationKeyName": _key("custom_event_template", name, "name"),
            "status": "ACTIVE",
            "description": description,
            "translationKeyDescription": _key("custom_event_template", name, "description"),
            "configuration_properties": [prop],
            "supported_targeting_parameters": [dict(targeting)],
        }
        for ident, name, description, prop in rows
    }
