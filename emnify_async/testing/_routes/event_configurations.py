"""Custom events, their templates and system events (newer docs): what automations are
triggered by (``_stores/automations.py``, ``_automation_catalog.py``).

A custom event is deployed from a template for the caller's organisation or a direct child;
each required template property must be set, numbers within the template's ``min``/``max``.
A custom event that an automation is triggered by cannot be deleted (409 ``1407``).
"""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._automation_routing import (
    own_custom_event,
    properties,
    store,
    text_field,
    unknown_keys,
    visible_orgs,
)
from emnify_async.testing._body import FieldErrors, json_object
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._errors import (
    CANNOT_BE_DELETED,
    INVALID_FORMAT,
    INVALID_REFERENCE,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    not_found,
)
from emnify_async.testing._routing import Route, ok

CUSTOM = "/api/v1/event/custom/configuration"
TEMPLATES = "/api/v1/event/custom/template"
SYSTEM = "/api/v1/event/system/configuration"
WHAT = "Custom event validation error"
CREATE_KEYS = frozenset({"organisation", "template", "configuration_properties", "name"})


async def list_custom(request: web.Request) -> web.Response:
    orgs = visible_orgs(request)
    return ok([e.render() for e in store(request).custom_events_of(orgs)])


def _check_values(check: FieldErrors, template: JsonObj, given: list[JsonObj]) -> None:
    """Every property known, set once, required ones present, numbers within the validators."""
    specs = {p["property"]: p for p in template["configuration_properties"]}
    seen: set[str] = set()
    for item in given:
        name = item["property"]
        spec = specs.get(name)
        if spec is None or name in seen:
            check.add(INVALID_REFERENCE, f"Unknown or repeated property '{name}'")
            continue
        seen.add(name)
        if spec["type"] != "number":
            continue
        try:
            number = float(item["value"])
        except ValueError:
            check.add(INVALID_FORMAT, f"Property '{name}' must be a number")
            continue
        for rule in spec["validators"]:
            bound = float(rule["validator_value"])
            kind = rule["validator_type"]
            if (kind == "min" and number < bound) or (kind == "max" and number > bound):
                check.add(OUT_OF_RANGE, f"Property '{name}': {kind} {rule['validator_value']}")
    for name, spec in specs.items():
        if spec["required"] and name not in seen:
            check.add(REQUIRED, f"Property '{name}' is required")


async def create_custom(request: web.Request) -> web.Response:
    body = await json_object(request, WHAT)
    check = FieldErrors(WHAT)
    unknown_keys(check, body, CREATE_KEYS)
    org_id = check.reference(body, "organisation")
    template_id = check.reference(body, "template")
    name = text_field(check, body, "name")
    if not name.strip():
        check.add(REQUIRED, "name must not be empty")
    given = properties(check, body, "configuration_properties")
    check.raise_if_any()
    automations = store(request)
    if org_id not in visible_orgs(request):
        raise not_found("Organisation", org_id)
    template = automations.templates.get(template_id)
    if template is None:
        raise not_found("Custom event template", template_id)
    _check_values(check, template, given)
    check.raise_if_any()
    record = automations.create_custom_event(org_id, template_id, name, given)
    return ok(record.render(), status=201)


async def get_custom(request: web.Request) -> web.Response:
    return ok(own_custom_event(request).render())


async def delete_custom(request: web.Request) -> web.Response:
    record = own_custom_event(request)
    automations = store(request)
    if automations.automations_of_event(record.id):
        raise ApiError.of(
            CANNOT_BE_DELETED, f"Custom event '{record.id}' is used by an automation."
        )
    automations.delete_custom_event(record.id)
    return web.Response(status=200)  # the docs' "Empty response body": no body, as tags


async def list_templates(request: web.Request) -> web.Response:
    return ok(list(store(request).templates.values()))


async def get_template(request: web.Request) -> web.Response:
    raw = request.match_info["template_id"]
    template = store(request).templates.get(int(raw)) if raw.isdigit() else None
    if template is None:
        raise not_found("Custom event template", raw)
    return ok(template)


async def list_system(request: web.Request) -> web.Response:
    return ok(list(store(request).system_events.values()))


async def get_system(request: web.Request) -> web.Response:
    wanted = request.match_info["system_event_id"]
    event = store(request).system_events.get(wanted)
    if event is None:
        raise not_found("System event", wanted)
    return ok(event)


ROUTES = [
    Route("GET", CUSTOM, list_custom),
    Route("POST", CUSTOM, create_custom),
    Route("GET", CUSTOM + "/{custom_event_id}", get_custom),
    Route("DELETE", CUSTOM + "/{custom_event_id}", delete_custom),
    Route("GET", TEMPLATES, list_templates),
    Route("GET", TEMPLATES + "/{template_id}", get_template),
    Route("GET", SYSTEM, list_system),
    Route("GET", SYSTEM + "/{system_event_id}", get_system),
]
