"""Event configurations: custom events and their templates, system events
(`/api/v1/event/custom/...`, `/api/v1/event/system/...`).

Documented only by emnify's newer docs (`source="newer-docs"`), whose operationIds these
carry. None of the lists takes `page`/`per_page`: each is one array.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from .._body import Ref, checked, reference, text
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import ref_id
from .._types import NOT_GIVEN, NotGiven
from ..models import CustomEvent, CustomEventTemplate, SystemEvent
from ._params import UUID

__all__ = [
    "CREATE_CUSTOM",
    "DELETE_CUSTOM",
    "GET_CUSTOM",
    "GET_SYSTEM",
    "GET_TEMPLATE",
    "LIST_CUSTOM",
    "LIST_SYSTEM",
    "LIST_TEMPLATES",
    "CustomEventCreate",
    "property_values",
]

_CUSTOM = "/api/v1/event/custom/configuration"
_TEMPLATES = "/api/v1/event/custom/template"
_SYSTEM = "/api/v1/event/system/configuration"


def _scalar(value: Any, name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{name} must be text or a number, got {value!r:.60}")


def property_values(value: Any, name: str) -> list[dict[str, Any]]:
    """`{"threshold_mb": 100, "endpoint": [1, 2]}` as the wire's property list: a single value
    is sent as `value` (text), a list as `value_array` (each as text)."""
    if not isinstance(value, Mapping):
        raise InputError(f"{name} must be a mapping of property names to values, got {value!r:.60}")
    items: list[dict[str, Any]] = []
    for key, given in value.items():
        if not isinstance(key, str) or not key:
            raise InputError(f"{name} must have non-empty text keys, got {key!r:.60}")
        where = f"{name}[{key!r}]"
        if isinstance(given, Sequence) and not isinstance(given, (str, bytes)):
            values = [_scalar(item, where) for item in given]
            items.append({"property": key, "value": "", "value_array": values})
        else:
            items.append({"property": key, "value": _scalar(given, where), "value_array": []})
    return items


@attrs.frozen(kw_only=True)
class CustomEventCreate:
    """The body of POST /api/v1/event/custom/configuration (every field is required)."""

    organisation: Ref | NotGiven = checked(lambda v, n: Ref(ref_id(v, n)), shown_as="org")
    template: Ref | NotGiven = reference()
    configuration_properties: list[dict[str, Any]] | NotGiven = checked(
        property_values, shown_as="properties"
    )
    name: str | NotGiven = text(non_empty=True)

    def __attrs_post_init__(self) -> None:
        missing = [f.name for f in attrs.fields(type(self)) if getattr(self, f.name) is NOT_GIVEN]
        if missing:
            raise InputError(f"a custom event needs {', '.join(missing)}")


LIST_CUSTOM = Operation(
    "get-custom-events", "GET", _CUSTOM, Returns.ARRAY, CustomEvent, source="newer-docs"
)
# Deploys a new custom event each time: never repeated once sent.
CREATE_CUSTOM = Operation(
    "create-custom-event-instance",
    "POST",
    _CUSTOM,
    Returns.OBJECT,
    CustomEvent,
    body=CustomEventCreate,
    success=frozenset({201}),
    source="newer-docs",
)
GET_CUSTOM = Operation(
    "get-custom-event",
    "GET",
    f"{_CUSTOM}/{{custom_event_id}}",
    Returns.OBJECT,
    CustomEvent,
    path_params={"custom_event_id": UUID},
    source="newer-docs",
)
# Documented as 200 with an empty object: nothing to read.
DELETE_CUSTOM: Operation[None] = Operation(
    "delete-custom-event",
    "DELETE",
    f"{_CUSTOM}/{{custom_event_id}}",
    Returns.NOTHING,
    path_params={"custom_event_id": UUID},
    success=frozenset({200, 204}),
    source="newer-docs",
)
LIST_TEMPLATES = Operation(
    "get-custom-event-templates",
    "GET",
    _TEMPLATES,
    Returns.ARRAY,
    CustomEventTemplate,
    source="newer-docs",
)
# Template ids are numbers (a custom event names its template as `{"id": n}`), sent as text.
GET_TEMPLATE = Operation(
    "get-custom-event-template",
    "GET",
    f"{_TEMPLATES}/{{template_id}}",
    Returns.OBJECT,
    CustomEventTemplate,
    source="newer-docs",
)
LIST_SYSTEM = Operation(
    "get-system-events", "GET", _SYSTEM, Returns.ARRAY, SystemEvent, source="newer-docs"
)
GET_SYSTEM = Operation(
    "get-system-event",
    "GET",
    f"{_SYSTEM}/{{system_event_id}}",
    Returns.OBJECT,
    SystemEvent,
    path_params={"system_event_id": UUID},
    source="newer-docs",
)
