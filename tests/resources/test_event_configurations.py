"""Custom events, their templates and system events (newer docs) over real HTTP against the
emulator (`client.events.custom`, `client.events.system`)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from emnify_async import (
    ActionConfig,
    AsyncEmnify,
    ConflictError,
    InputError,
    NotFoundError,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, ManualClock

from ..conftest import FAST_RETRY

NOW = "2026-03-14T12:00:00Z"


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


class TestCustomEvents:
    async def test_deploy_list_get_delete(self, api: AsyncEmnify, emu: Emulator) -> None:
        """A deployed event is listed and read back as sent; deleted, it is gone."""
        (template, _) = await api.events.custom.templates()
        before = await api.events.custom.list()
        created = await api.events.custom.create(
            emu.state.org_id,
            template=int(template.id or 0),
            name="Trucks over 200 MB",
            properties={"threshold_mb": 200},
        )
        listed = await api.events.custom.list()
        read = await api.events.custom.get(uuid.UUID(created.id))

        assert read == created and created in listed and len(listed) == len(before) + 1
        assert created.organisation is not None and created.organisation.id == emu.state.org_id
        assert created.template is not None and str(created.template.id) == template.id
        assert [(p.property, p.value) for p in created.configuration_properties] == [
            ("threshold_mb", "200")
        ]
        assert created.supported_actions and created.supported_targeting_parameters == ["endpoint"]

        await api.events.custom.delete(created.id)
        with pytest.raises(NotFoundError):
            await api.events.custom.get(created.id)
        assert created.id not in emu.state.automations.custom_events

    async def test_templates_are_a_cached_lookup(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Asked once per client; `refresh=True` asks again; one template by id."""
        first = await api.events.custom.templates()
        again = await api.events.custom.templates()
        fresh = await api.events.custom.templates(refresh=True)
        one = await api.events.custom.template(2)
        gets = [p for m, p in _sent(emu) if p == "/api/v1/event/custom/template"]

        assert first == again == fresh and len(gets) == 2
        assert one == first[1] and one.name == "Device inactivity"
        (prop,) = one.configuration_properties
        assert prop.required and [(v.validator_type, v.validator_value) for v in prop.validators]

    async def test_a_property_out_of_range_is_refused(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """The template's validators apply: 422 listing the property; nothing deployed."""
        before = len(emu.state.automations.custom_events)
        with pytest.raises(UnprocessableEntityError) as caught:
            await api.events.custom.create(
                emu.state.org_id, template=2, name="idle", properties={"inactive_hours": 721}
            )
        assert caught.value.error_token == "InputValidationFailed"
        assert "inactive_hours" in str(caught.value.errors)
        assert len(emu.state.automations.custom_events) == before

    async def test_in_use_cannot_be_deleted(self, api: AsyncEmnify, emu: Emulator) -> None:
        """A custom event an automation is triggered by: 409, still there."""
        custom = await api.events.custom.create(
            emu.state.org_id, template=1, name="x", properties={"threshold_mb": 1}
        )
        (action, _) = await api.automations.actions()
        await api.automations.create(
            name="uses it",
            status="ACTIVE",
            custom_event=custom,
            actions=[ActionConfig(action=action, properties={"recipients": ["a@example.org"]})],
        )
        with pytest.raises(ConflictError) as caught:
            await api.events.custom.delete(custom.id)
        assert caught.value.error_token == "CannotBeDeleted"
        assert await api.events.custom.get(custom.id) == custom

    async def test_unknown_ones_are_not_found(self, api: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await api.events.custom.get(str(uuid.uuid4()))
        with pytest.raises(NotFoundError):
            await api.events.custom.template(99)
        with pytest.raises(NotFoundError):
            await api.events.system.get(uuid.uuid4())

    @pytest.mark.parametrize(
        "call",
        [
            lambda api: api.events.custom.get("not-a-uuid"),
            lambda api: api.events.custom.delete(""),
            lambda api: api.events.custom.template(0),
            lambda api: api.events.custom.templates(refresh="yes"),
            lambda api: api.events.custom.create(
                101, template=1, name=" ", properties={"threshold_mb": 1}
            ),
            lambda api: api.events.custom.create(
                101, template=1, name="x", properties=[("threshold_mb", 1)]
            ),
            lambda api: api.events.custom.create(
                101, template=1, name="x", properties={"threshold_mb": True}
            ),
            lambda api: api.events.custom.create(
                0, template=1, name="x", properties={"threshold_mb": 1}
            ),
            lambda api: api.events.system.get(42),
            lambda api: api.events.system.list(refresh=1),
        ],
        ids=[
            "custom-id",
            "empty-id",
            "template-0",
            "refresh",
            "blank-name",
            "properties-list",
            "property-bool",
            "org-0",
            "system-id",
            "system-refresh",
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, call: Any, api: AsyncEmnify, emu: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await call(api)
        assert _sent(emu) == []


class TestSystemEvents:
    async def test_system_events_are_event_types(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Each is one of the API's event types; a cached lookup; one by id."""
        events = await api.events.system.list()
        again = await api.events.system.list()
        types = {t.id: t.description for t in await api.events.types()}
        one = await api.events.system.get(events[0].id or "")
        gets = [p for m, p in _sent(emu) if p == "/api/v1/event/system/configuration"]

        assert events == again and len(gets) == 1 and one == events[0]
        assert all(e.event_type is not None and e.event_type.id in types for e in events)
        disabled = next(e for e in events if e.event_type and e.event_type.id == 43)
        assert disabled.name == "Device disabled" and disabled.supported_actions
        assert "endpoint_id" in [p.parameter for p in disabled.event_output_parameters]
