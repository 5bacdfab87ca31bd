"""Event configurations: custom events, their templates, and system events.

Documented only by emnify's newer docs (docs.emnify.com): the events an automation can be
triggered by (`/api/v1/event/custom/...`, `/api/v1/event/system/...`). Some keys are camelCase
on the wire (`supportedActions`); the models name them in snake case.
"""

import attrs

from ._base import Model
from .endpoints import NamedRef

__all__ = [
    "CustomEvent",
    "CustomEventTemplate",
    "EventOutputParameter",
    "PropertyValue",
    "SystemEvent",
    "TargetingParameter",
    "TemplateProperty",
    "Validator",
]


@attrs.frozen(kw_only=True)
class PropertyValue(Model):
    """A configured value: of a custom event's template property, or a targeting option."""

    property: str | None = None
    """The property's name, e.g. ``"threshold_mb"`` or ``"endpoint"``."""
    value: str | None = None
    """Its value, as text (empty when the value is a list)."""
    value_array: list[str] = attrs.field(factory=list)
    """Its values, when it takes several (e.g. endpoint ids)."""


@attrs.frozen(kw_only=True)
class Validator(Model):
    """A rule a property's value must follow."""

    validator_type: str | None = None
    """The kind of rule, e.g. ``"min"``."""
    validator_value: str | None = None
    """Its parameter, as text, e.g. ``"1"``."""


@attrs.frozen(kw_only=True)
class TemplateProperty(Model):
    """A property a custom event template can be configured with."""

    property: str | None = None
    """The property's name."""
    type: str | None = None
    """Its type, e.g. ``"number"``."""
    default: str | None = None
    """Its default value, as text."""
    required: bool | None = None
    """Whether a custom event must set it."""
    description: str | None = None
    """What it configures."""
    validators: list[Validator] = attrs.field(factory=list)
    """The rules its value must follow."""


@attrs.frozen(kw_only=True)
class TargetingParameter(Model):
    """A targeting option of a template: what an automation may be narrowed to."""

    parameter: str | None = None
    """The option's name, e.g. ``"endpoint"``."""
    type: str | None = None
    """Its type, e.g. ``"number[]"``."""
    description: str | None = None
    """What it selects."""
    validators: list[Validator] = attrs.field(factory=list)
    """The rules its values must follow."""


@attrs.frozen(kw_only=True)
class CustomEventTemplate(Model):
    """A template custom events are deployed from (``GET /api/v1/event/custom/template``)."""

    id: str | None = None
    """Template id (numeric text); a custom event names it as a number."""
    parent_organisation: NamedRef | None = None
    """The organisation offering the template."""
    name: str | None = None
    """Template name."""
    translation_key_name: str | None = None
    """The key of the name's translations (``translationKeyName`` on the wire)."""
    status: str | None = None
    """Template status, e.g. ``"ACTIVE"``."""
    description: str | None = None
    """What events of the template report."""
    translation_key_description: str | None = None
    """The key of the description's translations (``translationKeyDescription``)."""
    configuration_properties: list[TemplateProperty] = attrs.field(factory=list)
    """The properties a custom event of the template is configured with."""
    supported_targeting_parameters: list[TargetingParameter] = attrs.field(factory=list)
    """How automations of its events may be targeted."""


@attrs.frozen(kw_only=True)
class CustomEvent(Model):
    """A deployed custom event (``GET /api/v1/event/custom/configuration``)."""

    id: str | None = None
    """Custom event id (a UUID)."""
    name: str | None = None
    """Its name."""
    organisation: NamedRef | None = None
    """The organisation it belongs to."""
    template: NamedRef | None = None
    """The template it was deployed from (`CustomEventTemplate.id` as a number)."""
    configuration_properties: list[PropertyValue] = attrs.field(factory=list)
    """The template's properties, as configured."""
    supported_targeting_parameters: list[str] = attrs.field(factory=list)
    """Targeting options automations of it may use (``supportedTargetingParameters``)."""
    supported_actions: list[str] = attrs.field(factory=list)
    """Ids of the automation actions it can trigger (``supportedActions``)."""


@attrs.frozen(kw_only=True)
class EventOutputParameter(Model):
    """A value a system event reports, which actions may use."""

    parameter: str | None = None
    """The value's name, e.g. ``"endpoint_id"``."""
    type: str | None = None
    """Its type, e.g. ``"number"``."""
    description: str | None = None
    """What it is."""


@attrs.frozen(kw_only=True)
class SystemEvent(Model):
    """An event of the platform automations can be triggered by
    (``GET /api/v1/event/system/configuration``)."""

    id: str | None = None
    """System event id (a UUID)."""
    parent_org: NamedRef | None = None
    """The organisation offering it (``parentOrg``)."""
    event_type: NamedRef | None = None
    """Its event type, one of `client.events.types()` (``eventType``)."""
    name: str | None = None
    """Its name."""
    translation_key_name: str | None = None
    """The key of the name's translations (``translationKeyName``)."""
    description: str | None = None
    """What it reports."""
    translation_key_description: str | None = None
    """The key of the description's translations (``translationKeyDescription``)."""
    supported_targeting_parameters: list[str] = attrs.field(factory=list)
    """Targeting options automations of it may use (``supportedTargetingParameters``)."""
    event_output_parameters: list[EventOutputParameter] = attrs.field(factory=list)
    """The values it reports (``eventOutputParameters``)."""
    supported_actions: list[str] = attrs.field(factory=list)
    """Ids of the automation actions it can trigger (``supportedActions``)."""
