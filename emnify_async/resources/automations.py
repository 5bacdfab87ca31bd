"""Automations: rules that run actions when an event happens (`client.automations`).

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable

from .._ops import automations as ops
from .._ops.automations import ActionConfig, actionable_event
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, NotGiven
from ..models import (
    ActionLog,
    Automation,
    AutomationAction,
    CustomEvent,
    Secret,
    SystemEvent,
)
from ._base import AsyncResource
from .event_configurations import PropertyValues

__all__ = ["AsyncAutomations"]


class AsyncAutomations(AsyncResource):
    """Automations: when their event happens (to their targets), they run their actions."""

    def list(self) -> AsyncPager[Automation]:
        """The organisation's automations (GET /api/v1/automation).

        operationId: list-automations (newer docs). `await` it for the list.
        """
        return self._many(ops.LIST)

    async def create(
        self,
        *,
        name: str,
        status: str,
        actions: Iterable[ActionConfig],
        custom_event: str | uuid.UUID | CustomEvent | NotGiven = NOT_GIVEN,
        system_event: str | uuid.UUID | SystemEvent | NotGiven = NOT_GIVEN,
        description: str = "",
        targeting: PropertyValues | None = None,
    ) -> Automation:
        """Create an automation (POST /api/v1/automation).

        operationId: create-automation (newer docs). Never repeated once sent (a repeat would
        create it twice): if it fails without an answer, `list()` shows whether it exists.

        Args:
            name: Its name.
            status: Its status, e.g. `"ACTIVE"` (only active automations run; the docs list
                no values: `"ACTIVE"` and `"INACTIVE"` are the emulator's).
            actions: What it does each time: `ActionConfig(action=..., properties=...)` each,
                actions of `actions()` that its event supports.
            custom_event: The custom event it is triggered by (`client.events.custom`), or
            system_event: the system event (`client.events.system`): exactly one of the two.
            description: Its description.
            targeting: What it is narrowed to, e.g. `{"endpoint": [1, 2]}`; none: everything.

        Raises:
            InputError: An argument is missing or malformed, or not exactly one event is given
                (nothing is sent).
            NotFoundError: No such event.
            UnprocessableEntityError: An action, its configuration or a targeting option is
                unknown or not supported by the event.
        """
        return await self._one(
            ops.CREATE,
            name=name,
            description=description,
            status=status,
            actionable_event=actionable_event(custom_event, system_event),
            configured_actions=actions,
            targeting_properties={} if targeting is None else targeting,
        )

    async def get(self, automation_id: str) -> Automation:
        """One automation (GET /api/v1/automation/{id}).

        operationId: get-automation (newer docs).

        Args:
            automation_id: Its id (a UUID, as text or `uuid.UUID`).

        Raises:
            NotFoundError: No such automation in this organisation.
        """
        return await self._one(ops.GET, id=automation_id)

    async def update(
        self,
        automation_id: str,
        *,
        name: str,
        description: str,
        status: str,
        actions: Iterable[ActionConfig],
        targeting: PropertyValues,
    ) -> Automation:
        """Replace an automation's settings (PATCH /api/v1/automation/{id}).

        operationId: update-automation (newer docs). The docs require every field: pass them
        all (its event cannot change). Repeating it is harmless.

        Raises:
            InputError: An argument is missing or malformed (nothing is sent).
            NotFoundError: No such automation in this organisation.
            UnprocessableEntityError: An action, its configuration or a targeting option is
                unknown or not supported by the automation's event.
        """
        return await self._one(
            ops.UPDATE,
            id=automation_id,
            name=name,
            description=description,
            status=status,
            configured_actions=actions,
            targeting_properties=targeting,
        )

    async def delete(self, automation_id: str) -> None:
        """Delete an automation (DELETE /api/v1/automation/{id}).

        operationId: delete-automation (newer docs).

        Raises:
            NotFoundError: No such automation in this organisation.
        """
        await self._nothing(ops.DELETE, id=automation_id)

    async def actions(self, *, refresh: bool = False) -> builtins.list[AutomationAction]:
        """The actions automations can run (GET /api/v1/automation/action).

        operationId: list-action (newer docs). A lookup: cached per client after the first
        call; `refresh=True` asks the API again.
        """
        return await self._cached(ops.ACTIONS, refresh)

    async def action(self, action_id: str) -> AutomationAction:
        """One action (GET /api/v1/automation/action/{id}).

        operationId: get-action-by-id (newer docs).

        Raises:
            NotFoundError: No such action.
        """
        return await self._one(ops.ACTION, id=action_id)

    def logs(self, automation_id: str, execution: int) -> AsyncPager[ActionLog]:
        """What each action did in one execution of an automation (GET /api/v1/automation/log).

        operationId: list-action-logs (newer docs). `await` it for the list.

        Args:
            automation_id: The automation (a UUID, or the `Automation`).
            execution: Which execution, from 1 to its `number_of_executions`.

        Raises:
            InputError: A malformed id or execution number (nothing is sent).
        """
        return self._many(ops.LOGS, automationId=automation_id, automationExecutionNumber=execution)

    async def verify_recipient_email(self, token: str | Secret) -> None:
        """Verify an automation's e-mail recipient
        (POST /api/v1/automation/recipient/email/verification).

        operationId: verify-automation-recipient-email (newer docs). Only verified recipients
        are e-mailed. Never repeated once sent (the token is used up), and never kept in an
        error.

        Args:
            token: The token of the verification e-mail.

        Raises:
            InputError: An empty token (nothing is sent).
            BadRequestError: The token is unknown or was used already.
        """
        await self._nothing(ops.VERIFY_EMAIL, token=token)
