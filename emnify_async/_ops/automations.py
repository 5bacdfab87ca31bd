"""Automations, their actions and action logs, and e-mail recipient verification:
`/api/v1/automation`.

Documented only by emnify's newer docs (`source="newer-docs"`), whose operationIds these
carry. No list takes `page`/`per_page`: each is one array. The docs name the path parameter
`{id}` for both automations and actions.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .._body import checked, text
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._types import NOT_GIVEN, NotGiven
from ..models import ActionLog, Automation, AutomationAction, Secret
from ._params import UUID
from .event_configurations import property_values

__all__ = [
    "ACTION",
    "ACTIONS",
    "CREATE",
    "DELETE",
    "GET",
    "LIST",
    "LOGS",
    "UPDATE",
    "VERIFY_EMAIL",
    "ActionConfig",
    "AutomationCreate",
    "AutomationUpdate",
    "EmailVerification",
    "actionable_event",
]

_PATH = "/api/v1/automation"


def _uuid_of(value: Any, name: str) -> str:
    """A UUID, as text or `uuid.UUID`, or a model whose `id` is one."""
    ident = getattr(value, "id", value)
    return UUID(ident, name)


@attrs.frozen(kw_only=True)
class ActionConfig:
    """One action of an automation, as configured (an item of `actions=`).

    `action`: an id of `client.automations.actions()` (or the `AutomationAction` itself);
    `properties`: its configuration by name, e.g. `{"recipients": ["ops@example.org"]}` for
    e-mails or `{"url": "https://..."}`; a list is sent as the property's `value_array`.
    """

    action: str | uuid.UUID | AutomationAction
    """The action (a UUID, or an `AutomationAction`)."""
    properties: Mapping[str, str | int | float | Sequence[str | int | float]] = attrs.field(
        factory=dict
    )
    """Its configuration, by property name."""

    def wire(self, name: str) -> dict[str, Any]:
        """The item as sent (InputError if malformed)."""
        reference: dict[str, Any] = {"id": _uuid_of(self.action, f"{name}.action")}
        kind = getattr(self.action, "type", None)
        if isinstance(kind, str) and kind:
            reference["type"] = kind
        return {
            "action": reference,
            "properties": property_values(self.properties, f"{name}.properties"),
        }


def _actions(value: Any, name: str) -> list[dict[str, Any]]:
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be an iterable of ActionConfig, got {value!r:.60}")
    items = list(value)
    if not items or not all(isinstance(item, ActionConfig) for item in items):
        raise InputError(f"{name} must be one or more ActionConfig, got {items!r:.80}")
    return [item.wire(f"{name}[{index}]") for index, item in enumerate(items)]


def actionable_event(custom_event: Any, system_event: Any) -> dict[str, Any]:
    """`{"custom_event": {"id": ...}}` or `{"system_event": {"id": ...}}`: exactly one."""
    given = [
        (key, value)
        for key, value in (("custom_event", custom_event), ("system_event", system_event))
        if value is not NOT_GIVEN
    ]
    if len(given) != 1:
        raise InputError("an automation is triggered by exactly one custom_event or system_event")
    ((key, value),) = given
    return {key: {"id": _uuid_of(value, key)}}


def _as_given(value: Any, name: str) -> Any:
    return value


def _status(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{name} must be a status such as 'ACTIVE', got {value!r:.60}")
    return value


@attrs.frozen(kw_only=True)
class AutomationCreate:
    """The body of POST /api/v1/automation (every field is required by the docs)."""

    name: str | NotGiven = text(non_empty=True)
    description: str | NotGiven = text()
    status: str | NotGiven = checked(_status)
    actionable_event: dict[str, Any] | NotGiven = checked(_as_given)
    configured_actions: list[dict[str, Any]] | NotGiven = checked(_actions, shown_as="actions")
    targeting_properties: list[dict[str, Any]] | NotGiven = checked(
        property_values, shown_as="targeting"
    )

    def __attrs_post_init__(self) -> None:
        _require_all(self, "an automation")


@attrs.frozen(kw_only=True)
class AutomationUpdate:
    """The body of PATCH /api/v1/automation/{id} (every field is required by the docs: an
    update replaces them all; the event cannot change)."""

    name: str | NotGiven = text(non_empty=True)
    description: str | NotGiven = text()
    status: str | NotGiven = checked(_status)
    configured_actions: list[dict[str, Any]] | NotGiven = checked(_actions, shown_as="actions")
    targeting_properties: list[dict[str, Any]] | NotGiven = checked(
        property_values, shown_as="targeting"
    )

    def __attrs_post_init__(self) -> None:
        _require_all(self, "an automation update")


def _require_all(body: Any, what: str) -> None:
    missing = [f.name for f in attrs.fields(type(body)) if getattr(body, f.name) is NOT_GIVEN]
    if missing:
        raise InputError(f"{what} needs {', '.join(missing)}")


def _token(value: Any, name: str) -> Secret:
    raw = value.get_secret_value() if isinstance(value, Secret) else value
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(f"{name} must be the non-empty token of the verification e-mail")
    return value if isinstance(value, Secret) else Secret(raw)


@attrs.frozen(kw_only=True)
class EmailVerification:
    """The body of POST /api/v1/automation/recipient/email/verification."""

    token: Secret | NotGiven = checked(_token)


def _execution(value: Any, name: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"{name} must be an execution number from 1, got {value!r}")
    return str(value)


def _automation_id(value: Any, name: str) -> str:
    return _uuid_of(value, name)


LIST = Operation("list-automations", "GET", _PATH, Returns.ARRAY, Automation, source="newer-docs")
# Creates a new automation each time: never repeated once sent.
CREATE = Operation(
    "create-automation",
    "POST",
    _PATH,
    Returns.OBJECT,
    Automation,
    body=AutomationCreate,
    success=frozenset({201}),
    source="newer-docs",
)
GET = Operation(
    "get-automation",
    "GET",
    f"{_PATH}/{{id}}",
    Returns.OBJECT,
    Automation,
    path_params={"id": UUID},
    source="newer-docs",
)
UPDATE = Operation(
    "update-automation",
    "PATCH",
    f"{_PATH}/{{id}}",
    Returns.OBJECT,
    Automation,
    path_params={"id": UUID},
    body=AutomationUpdate,
    source="newer-docs",
)
DELETE: Operation[None] = Operation(
    "delete-automation",
    "DELETE",
    f"{_PATH}/{{id}}",
    Returns.NOTHING,
    path_params={"id": UUID},
    source="newer-docs",
)
ACTIONS = Operation(
    "list-action",
    "GET",
    f"{_PATH}/action",
    Returns.ARRAY,
    AutomationAction,
    source="newer-docs",
)
ACTION = Operation(
    "get-action-by-id",
    "GET",
    f"{_PATH}/action/{{id}}",
    Returns.OBJECT,
    AutomationAction,
    path_params={"id": UUID},
    source="newer-docs",
)
# Both query parameters are required by the docs: one execution of one automation.
LOGS = Operation(
    "list-action-logs",
    "GET",
    f"{_PATH}/log",
    Returns.ARRAY,
    ActionLog,
    query={"automationId": _automation_id, "automationExecutionNumber": _execution},
    source="newer-docs",
)
# The token is used up by the first verification: never repeated once sent, and sensitive
# (no error keeps it).
VERIFY_EMAIL: Operation[None] = Operation(
    "verify-automation-recipient-email",
    "POST",
    f"{_PATH}/recipient/email/verification",
    Returns.NOTHING,
    body=EmailVerification,
    success=frozenset({200}),
    sensitive=True,
    source="newer-docs",
)
