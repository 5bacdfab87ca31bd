"""Automations, their actions, action logs and recipient verification (newer docs) over real
HTTP against the emulator (`client.automations`)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from emnify_async import (
    ActionConfig,
    AsyncEmnify,
    BadRequestError,
    InputError,
    NotFoundError,
    Secret,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, ManualClock

from ..conftest import FAST_RETRY

NOW = "2026-03-14T12:00:00Z"
HOOK = "https://hooks.example.org/emnify"


@pytest.fixture
async def emu(emnify_emulator_factory: Any) -> Emulator:
    emulator: Emulator = await emnify_emulator_factory(sims=20, clock=ManualClock(NOW))
    return emulator


@pytest.fixture
async def api(emu: Emulator) -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(
        emu.application_token, base_url=emu.base_url, retry=FAST_RETRY, rate_limits=False
    ) as client:
        yield client


def _sent(emu: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emu.requests if r.path != "/api/v1/authenticate"]


async def _system_event(api: AsyncEmnify, type_id: int) -> Any:
    return next(e for e in await api.events.system.list() if e.event_type.id == type_id)  # type: ignore[union-attr]


async def _actions(api: AsyncEmnify) -> dict[str | None, Any]:
    return {a.type: a for a in await api.automations.actions()}


class TestAutomations:
    async def test_create_list_get_update_delete(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Created as sent, listed, replaced by an update, gone once deleted."""
        actions = await _actions(api)
        enabled = await _system_event(api, 42)
        created = await api.automations.create(
            name="Device back",
            status="ACTIVE",
            system_event=enabled,
            actions=[ActionConfig(action=actions["WEBHOOK"], properties={"url": HOOK})],
            targeting={"endpoint": [1, 2]},
        )
        assert created in await api.automations.list()
        assert await api.automations.get(uuid.UUID(created.id)) == created
        assert created.actionable_event is not None
        assert created.actionable_event.system_event == enabled
        assert created.actionable_event.custom_event is None
        assert created.number_of_executions == 0 and created.last_execution is None
        assert [p.value_array for p in created.targeting_properties] == [["1", "2"]]

        updated = await api.automations.update(
            created.id,
            name="Device back (muted)",
            description="",
            status="INACTIVE",
            actions=[ActionConfig(action=actions["WEBHOOK"].id, properties={"url": HOOK})],
            targeting={},
        )
        assert updated.status == "INACTIVE" and updated.targeting_properties == []
        assert updated == await api.automations.get(created.id)

        await api.automations.delete(created.id)
        with pytest.raises(NotFoundError) as caught:
            await api.automations.get(created.id)
        assert caught.value.error_token == "NotFound"

    async def test_an_event_of_its_type_runs_it_and_logs_each_action(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """Disabling a targeted device runs the automation once: one log per action; an
        untargeted device or an inactive automation runs nothing."""
        actions = await _actions(api)
        disabled = await _system_event(api, 43)
        automation = await api.automations.create(
            name="Disabled",
            status="ACTIVE",
            system_event=disabled.id,
            actions=[
                ActionConfig(
                    action=actions["EMAIL"], properties={"recipients": ["ops@example.org"]}
                ),
                ActionConfig(action=actions["WEBHOOK"], properties={"url": HOOK}),
            ],
            targeting={"endpoint": [1]},
        )
        await api.endpoints.update(2, status=1)  # not targeted
        await api.endpoints.update(1, status=1)
        ran = await api.automations.get(automation.id)
        logs = await api.automations.logs(automation.id, 1)
        (event,) = [
            e for e in await api.endpoints.events(1) if e.event_type and e.event_type.id == 43
        ]

        assert ran.number_of_executions == 1 and ran.last_execution is not None
        assert sorted((log.action.id, log.status) for log in logs if log.action) == sorted(
            [(actions["EMAIL"].id, "SUCCESS"), (actions["WEBHOOK"].id, "SUCCESS")]
        )
        assert {log.event.id for log in logs if log.event} == {str(event.id)}
        assert all(log.automation_execution_number == 1 for log in logs)
        assert await api.automations.logs(automation.id, 2) == []

    async def test_only_verified_recipients_are_emailed(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """A new address gets a token; the run fails to e-mail until it is verified."""
        actions = await _actions(api)
        automation = await api.automations.create(
            name="Enabled",
            status="ACTIVE",
            system_event=(await _system_event(api, 42)).id,
            actions=[
                ActionConfig(
                    action=actions["EMAIL"], properties={"recipients": ["new@example.org"]}
                )
            ],
        )
        token = emu.state.automations.verification_token("new@example.org")
        assert token is not None
        await api.endpoints.update(3, status=1)
        await api.endpoints.update(3, status=0)
        await api.automations.verify_recipient_email(Secret(token))
        await api.endpoints.update(3, status=1)
        await api.endpoints.update(3, status=0)

        first = await api.automations.logs(automation.id, 1)
        second = await api.automations.logs(automation.id, 2)
        assert [log.status for log in first] == ["FAILED"]
        assert [log.status for log in second] == ["SUCCESS"]
        with pytest.raises(BadRequestError) as caught:
            await api.automations.verify_recipient_email(token)
        assert token not in str(caught.value) and token not in repr(caught.value)

    async def test_an_action_the_event_does_not_take_is_refused(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """Configured by the wrong property: 422 listing it; nothing created."""
        actions = await _actions(api)
        before = len(emu.state.automations.automations)
        with pytest.raises(UnprocessableEntityError) as caught:
            await api.automations.create(
                name="bad",
                status="ACTIVE",
                system_event=(await _system_event(api, 42)).id,
                actions=[ActionConfig(action=actions["WEBHOOK"], properties={"recipients": ["x"]})],
            )
        assert caught.value.error_token == "InputValidationFailed"
        assert len(emu.state.automations.automations) == before

    async def test_another_organisations_are_not_found(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """The foreign organisation's automation and custom event: in no list, 404."""
        store = emu.state.automations
        (foreign,) = [a.id for a in store.automations.values() if a.org_id == 999]
        (custom,) = [e.id for e in store.custom_events.values() if e.org_id == 999]

        assert foreign not in {a.id for a in await api.automations.list()}
        assert custom not in {e.id for e in await api.events.custom.list()}
        with pytest.raises(NotFoundError):
            await api.automations.get(foreign)
        with pytest.raises(NotFoundError):
            await api.automations.logs(foreign, 1)
        with pytest.raises(NotFoundError):
            await api.events.custom.delete(custom)
        assert custom in store.custom_events

    async def test_actions_are_a_cached_lookup(self, api: AsyncEmnify, emu: Emulator) -> None:
        listed = await api.automations.actions()
        await api.automations.actions()
        one = await api.automations.action(listed[0].id or "")
        gets = [p for m, p in _sent(emu) if p == "/api/v1/automation/action"]

        assert one == listed[0] and len(gets) == 1
        assert {a.type for a in listed} == {"EMAIL", "WEBHOOK"}
        with pytest.raises(NotFoundError):
            await api.automations.action(uuid.uuid4())

    @pytest.mark.parametrize(
        "call",
        [
            lambda api: api.automations.get("nope"),
            lambda api: api.automations.delete(1),
            lambda api: api.automations.action(""),
            lambda api: api.automations.logs("nope", 1).to_list(),
            lambda api: api.automations.logs(str(uuid.uuid4()), 0).to_list(),
            lambda api: api.automations.verify_recipient_email(" "),
            lambda api: api.automations.create(
                name="x", status="ACTIVE", actions=[ActionConfig(action=uuid.uuid4())]
            ),
            lambda api: api.automations.create(
                name="x",
                status="ACTIVE",
                system_event=uuid.uuid4(),
                custom_event=uuid.uuid4(),
                actions=[ActionConfig(action=uuid.uuid4())],
            ),
            lambda api: api.automations.create(
                name="x", status="ACTIVE", system_event=uuid.uuid4(), actions=[]
            ),
            lambda api: api.automations.create(
                name="x",
                status="",
                system_event=uuid.uuid4(),
                actions=[ActionConfig(action=uuid.uuid4())],
            ),
            lambda api: api.automations.create(
                name="x",
                status="ACTIVE",
                system_event=uuid.uuid4(),
                actions=[ActionConfig(action="email")],
            ),
            lambda api: api.automations.update(
                str(uuid.uuid4()),
                name="x",
                description="",
                status="ACTIVE",
                actions=[{"action": {"id": str(uuid.uuid4())}}],
                targeting={},
            ),
        ],
        ids=[
            "get-id",
            "delete-int",
            "action-empty",
            "logs-id",
            "logs-execution-0",
            "blank-token",
            "no-event",
            "two-events",
            "no-actions",
            "blank-status",
            "action-not-uuid",
            "raw-dict-action",
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, call: Any, api: AsyncEmnify, emu: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await call(api)
        assert _sent(emu) == []
