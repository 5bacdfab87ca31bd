"""Automations: rules that run actions when an event happens (``/api/v1/automation``).

Documented only by emnify's newer docs (docs.emnify.com). Some keys are camelCase on the wire
(`configurationProperties`); the models name them in snake case.
"""

import datetime

import attrs

from ._base import Model
from .endpoints import NamedRef
from .event_configurations import CustomEvent, PropertyValue, SystemEvent

__all__ = [
    "ActionLog",
    "ActionableEvent",
    "Automation",
    "AutomationAction",
    "ConfiguredAction",
    "Recipients",
    "TextRef",
]


@attrs.frozen(kw_only=True)
class TextRef(Model):
    """A reference by a text id (a UUID, or an event id as text): ``{"id": "..."}``."""

    id: str | None = None
    """The referenced object's id."""


@attrs.frozen(kw_only=True)
class ActionableEvent(Model):
    """The event an automation is triggered by: a custom or a system event."""

    custom_event: CustomEvent | None = None
    """The custom event, if it is one."""
    system_event: SystemEvent | None = None
    """The system event, if it is one."""


@attrs.frozen(kw_only=True)
class Recipients(Model):
    """Who an action notifies."""

    email: list[str] = attrs.field(factory=list)
    """E-mail addresses."""


@attrs.frozen(kw_only=True)
class ConfiguredAction(Model):
    """An action of an automation, as configured."""

    action: TextRef | None = None
    """The action, one of `client.automations.actions()`."""
    properties: list[PropertyValue] = attrs.field(factory=list)
    """Its configuration (e.g. ``recipients``)."""
    recipients: Recipients | None = None
    """The e-mail recipients it notifies, if any."""


@attrs.frozen(kw_only=True)
class Automation(Model):
    """An automation: when its event happens (to its targets), it runs its actions."""

    id: str | None = None
    """Automation id (a UUID)."""
    name: str | None = None
    """Its name."""
    description: str | None = None
    """Its description."""
    status: str | None = None
    """Its status, e.g. ``"ACTIVE"`` (only active ones run)."""
    organisation: NamedRef | None = None
    """The organisation it belongs to."""
    number_of_executions: int | None = None
    """How often it ran."""
    last_execution: datetime.datetime | None = None
    """When it last ran (UTC), if ever."""
    created_at: datetime.datetime | None = None
    """When it was created (UTC)."""
    modified_at: datetime.datetime | None = None
    """When it was last changed (UTC)."""
    actionable_event: ActionableEvent | None = None
    """The event it is triggered by."""
    configured_actions: list[ConfiguredAction] = attrs.field(factory=list)
    """What it does each time."""
    targeting_properties: list[PropertyValue] = attrs.field(factory=list)
    """What it is narrowed to (e.g. ``endpoint`` ids); empty: everything."""


@attrs.frozen(kw_only=True)
class AutomationAction(Model):
    """An action automations can run (``GET /api/v1/automation/action``)."""

    id: str | None = None
    """Action id (a UUID)."""
    status: str | None = None
    """Its availability, e.g. ``"ACTIVE"``."""
    type: str | None = None
    """Its kind, e.g. ``"EMAIL"``."""
    configuration_properties: list[str] = attrs.field(factory=list)
    """The properties it is configured with (``configurationProperties``)."""
    name: str | None = None
    """Its name."""
    translation_key_name: str | None = None
    """The key of the name's translations (``translationKeyName``)."""
    description: str | None = None
    """What it does."""
    translation_key_description: str | None = None
    """The key of the description's translations (``translationKeyDescription``)."""
    required_event_output_parameters: list[str] = attrs.field(factory=list)
    """What its event must report for it to run (``requiredEventOutputParameters``)."""


@attrs.frozen(kw_only=True)
class ActionLog(Model):
    """What one action did in one execution of an automation."""

    id: str | None = None
    """Log entry id (a UUID)."""
    automation: TextRef | None = None
    """The automation."""
    action: TextRef | None = None
    """The action that ran."""
    message: str | None = None
    """What happened."""
    status: str | None = None
    """The outcome, e.g. ``"SUCCESS"``."""
    event: TextRef | None = None
    """The event that triggered it (its id as text)."""
    smart_event: TextRef | None = None
    """The custom or system event configuration it matched."""
    created_at: datetime.datetime | None = None
    """When the action ran (UTC)."""
    automation_execution_number: int | None = None
    """Which execution of the automation it belongs to (from 1)."""
    organisation: NamedRef | None = None
    """The organisation."""
