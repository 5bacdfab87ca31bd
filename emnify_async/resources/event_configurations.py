"""Custom and system events: what automations are triggered by (`client.events.custom`,
`client.events.system`).

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence

from .._ops import event_configurations as ops
from .._pagination import AsyncPager
from .._types import IdLike
from ..models import CustomEvent, CustomEventTemplate, SystemEvent
from ._base import AsyncResource

__all__ = ["AsyncCustomEvents", "AsyncSystemEvents", "PropertyValues"]

PropertyValues = Mapping[str, str | int | float | Sequence[str | int | float]]
"""Property values by name: one value, or a list of them (sent as text)."""


class AsyncCustomEvents(AsyncResource):
    """Custom events, deployed from templates, that automations can be triggered by."""

    def list(self) -> AsyncPager[CustomEvent]:
        """The organisation's custom events (GET /api/v1/event/custom/configuration).

        operationId: get-custom-events (newer docs). `await` it for the list.
        """
        return self._many(ops.LIST_CUSTOM)

    async def create(
        self,
        org: IdLike,
        *,
        template: IdLike,
        name: str,
        properties: PropertyValues,
    ) -> CustomEvent:
        """Deploy a custom event from a template (POST /api/v1/event/custom/configuration).

        operationId: create-custom-event-instance (newer docs). Never repeated once sent (a
        repeat would deploy it twice): if it fails without an answer, `list()` shows whether
        it was deployed.

        Args:
            org: The organisation it belongs to (an id, or a model with one).
            template: The template, an id of `templates()` (or the template itself).
            name: Its name.
            properties: The template's properties by name, e.g. `{"threshold_mb": 100}`;
                a list is sent as the property's `value_array`.

        Raises:
            InputError: An argument is missing or malformed (nothing is sent).
            NotFoundError: No such template.
            UnprocessableEntityError: A property is unknown, missing or out of range.
        """
        return await self._one(
            ops.CREATE_CUSTOM,
            organisation=org,
            template=template,
            name=name,
            configuration_properties=properties,
        )

    async def get(self, custom_event_id: str) -> CustomEvent:
        """One custom event (GET /api/v1/event/custom/configuration/{custom_event_id}).

        operationId: get-custom-event (newer docs).

        Args:
            custom_event_id: Its id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such custom event in this organisation.
        """
        return await self._one(ops.GET_CUSTOM, custom_event_id=custom_event_id)

    async def delete(self, custom_event_id: str) -> None:
        """Delete a custom event (DELETE /api/v1/event/custom/configuration/{custom_event_id}).

        operationId: delete-custom-event (newer docs).

        Raises:
            NotFoundError: No such custom event in this organisation.
            ConflictError: An automation is triggered by it (the emulator's answer; the docs
                document none): delete the automation first.
        """
        await self._nothing(ops.DELETE_CUSTOM, custom_event_id=custom_event_id)

    async def templates(self, *, refresh: bool = False) -> builtins.list[CustomEventTemplate]:
        """The templates custom events are deployed from (GET /api/v1/event/custom/template).

        operationId: get-custom-event-templates (newer docs). A lookup: cached per client
        after the first call; `refresh=True` asks the API again.
        """
        return await self._cached(ops.LIST_TEMPLATES, refresh)

    async def template(self, template_id: int) -> CustomEventTemplate:
        """One template (GET /api/v1/event/custom/template/{template_id}).

        operationId: get-custom-event-template (newer docs).

        Raises:
            NotFoundError: No such template.
        """
        return await self._one(ops.GET_TEMPLATE, template_id=template_id)


class AsyncSystemEvents(AsyncResource):
    """System events: the platform's events that automations can be triggered by."""

    def list(self, *, refresh: bool = False) -> AsyncPager[SystemEvent]:
        """The system events (GET /api/v1/event/system/configuration).

        operationId: get-system-events (newer docs). A pager, like every `list()`, and a
        lookup: cached per client after the first call; `refresh=True` asks the API again.
        `await` it for the list.
        """
        return self._cached_many(ops.LIST_SYSTEM, refresh)

    async def get(self, system_event_id: str) -> SystemEvent:
        """One system event (GET /api/v1/event/system/configuration/{system_event_id}).

        operationId: get-system-event (newer docs).

        Args:
            system_event_id: Its id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such system event.
        """
        return await self._one(ops.GET_SYSTEM, system_event_id=system_event_id)
