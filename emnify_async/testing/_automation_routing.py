"""Helpers of the automation area's routes (custom and system events, automations).

The newer docs document no error of these services: the emulator answers emnify's usual ones
(404 ``1201 NotFound`` for unknown or others' objects, 422 ``1400`` listing each bad field).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._errors import INVALID_FORMAT, REQUIRED, not_found
from emnify_async.testing._routing import principal, state
from emnify_async.testing._stores.automations import AutomationStore, CustomEventRecord

PROPERTY_KEYS = frozenset({"property", "value", "value_array"})


def store(request: web.Request) -> AutomationStore:
    return state(request).automations


def visible_orgs(request: web.Request) -> set[int]:
    """The caller's organisation and its direct children (whose objects it may address)."""
    caller = principal(request).org_id
    return {caller} | {org.id for org in state(request).organisations.children(caller)}


def own_custom_event(request: web.Request) -> CustomEventRecord:
    wanted = request.match_info["custom_event_id"]
    record = store(request).custom_events.get(wanted)
    if record is None or record.org_id not in visible_orgs(request):
        raise not_found("Custom event", wanted)
    return record


def text_field(check: FieldErrors, body: dict[str, Any], key: str) -> str:
    """A required string (it may be empty; the caller checks more)."""
    value = body.get(key)
    if not isinstance(value, str):
        check.add(REQUIRED, f"{key} is required as a string")
        return ""
    return value


def unknown_keys(check: FieldErrors, body: dict[str, Any], known: frozenset[str]) -> None:
    for key in sorted(set(body) - known):
        check.add(INVALID_FORMAT, f"Unknown field '{key}'")


def properties(check: FieldErrors, body: dict[str, Any], key: str) -> list[JsonObj]:
    """A required list of ``{property, value, value_array}`` (all three required, as the
    docs' ``ConfigurationInputPropertiesDto``)."""
    value = body.get(key)
    if not isinstance(value, list):
        check.add(REQUIRED, f"{key} is required as an array")
        return []
    items: list[JsonObj] = []
    for index, item in enumerate(value):
        where = f"{key}[{index}]"
        if (
            not isinstance(item, dict)
            or set(item) != PROPERTY_KEYS
            or not isinstance(item["property"], str)
            or not item["property"]
            or not isinstance(item["value"], str)
            or not isinstance(item["value_array"], list)
            or not all(isinstance(v, str) for v in item["value_array"])
        ):
            check.add(
                INVALID_FORMAT,
                f"{where} must be {{property, value, value_array}} with text values",
            )
            continue
        items.append(
            {
                "property": item["property"],
                "value": item["value"],
                "value_array": list(item["value_array"]),
            }
        )
    return items


def uuid_ref(check: FieldErrors, body: dict[str, Any], key: str) -> str | None:
    """An optional ``{"id": "<text>"}``; None when absent."""
    if key not in body or body[key] is None:
        return None
    value = body[key]
    ref = value.get("id") if isinstance(value, dict) else None
    if not isinstance(ref, str) or not ref:
        check.add(INVALID_FORMAT, f'{key} must be {{"id": "<uuid>"}}')
        return None
    return ref
