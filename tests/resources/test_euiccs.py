"""eUICCs and their profile operations (newer docs) over real HTTP against the emulator."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from emnify_async import (
    APIStatusError,
    AsyncEmnify,
    ConflictError,
    EuiccOperationRequest,
    InputError,
    NotFoundError,
    SimTarget,
)
from emnify_async.testing import Emulator, ManualClock

from ..conftest import FAST_RETRY

NOW = "2026-03-14T12:00:00Z"
CODE = "LPA:1$smdp.example.com$MATCHING-ID-1"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
async def emu(emnify_emulator_factory: Any, clock: ManualClock) -> Emulator:
    emulator: Emulator = await emnify_emulator_factory(sims=250, clock=clock)
    return emulator


@pytest.fixture
async def api(emu: Emulator) -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(
        emu.application_token, base_url=emu.base_url, retry=FAST_RETRY, rate_limits=False
    ) as client:
        yield client


def _iot(emu: Emulator, index: int = 0) -> int:
    euiccs = emu.state.euiccs
    return [i for i in euiccs.ids(emu.state.org_id) if euiccs.is_iot(i)][index]


def _status(operation: Any) -> str | None:
    return None if operation.status is None else operation.status.description


def _sent(emu: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emu.requests if r.path != "/api/v1/authenticate"]


class TestEuiccs:
    async def test_list_and_details_agree_with_the_sims(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """Every eUICC once across pages; its preloaded profile is its SIM, in its device."""
        listed = await api.euiccs.list(per_page=7)
        one = await api.euiccs.get(listed[3].id)
        host = emu.state.euiccs.host_sim(one.id)
        assert host is not None
        sim = await api.sims.get(host)
        (preloaded,) = one.profile

        assert len({e.id for e in listed}) == len(listed) == len(emu.state.euiccs) > 7
        assert one == listed[3]
        assert one.eid is not None and len(one.eid) == 32 and one.eid.startswith("89")
        assert preloaded.iccid_with_luhn is not None
        assert preloaded.iccid_with_luhn[:19] == sim.iccid
        assert preloaded.preloaded and preloaded.fallback_attribute
        assert preloaded.status is not None and preloaded.status.description == "Enabled"
        assert preloaded.endpoint is not None and sim.endpoint is not None
        assert preloaded.endpoint.id == sim.endpoint.id
        assert one.customer_org is not None and sim.customer_org is not None
        assert one.customer_org.id == sim.customer_org.id

    async def test_filters_and_lookups(self, api: AsyncEmnify) -> None:
        """q and sort reach the API; the lookups list the statuses."""
        m2m = await api.euiccs.list(q={"supported_profile_type": 4}, sort="-id")
        statuses = [s.description for s in await api.euiccs.statuses()]
        profile_statuses = [s.description for s in await api.euiccs.profile_statuses()]

        assert m2m and all(
            e.supported_profile_type is not None and e.supported_profile_type.id == 4 for e in m2m
        )
        assert [e.id for e in m2m] == sorted((e.id for e in m2m), reverse=True)
        assert statuses == ["Active", "Inactive"]
        assert {"Enabled", "Disabled", "Linked"} <= set(profile_statuses)

    async def test_unknown_euicc_is_not_found(self, api: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError) as caught:
            await api.euiccs.get(999_999)
        assert "not found" in caught.value.message

    @pytest.mark.parametrize(
        "call",
        [
            lambda api: api.euiccs.get(0),
            lambda api: api.euiccs.list(per_page=1001).to_list(),
            lambda api: api.euiccs.linked(["8904"]),
            lambda api: api.euiccs.linked([]),
            lambda api: api.euiccs.linked("89" + "0" * 30),
            lambda api: api.euiccs.operations.get(1, "not-a-uuid"),
            lambda api: api.euiccs.operations.schedule(1, []),
            lambda api: api.euiccs.operations.schedule(1, [{"action": {"id": 7}}]),
            lambda api: api.euiccs.operations.list(1, per_page=0).to_list(),
            lambda api: api.euiccs.operations.cancel(-1, str(uuid.uuid4())),
        ],
        ids=[
            "id-0",
            "per-page",
            "short-eid",
            "no-eids",
            "eid-as-string",
            "operation-id",
            "no-operations",
            "raw-dict",
            "operations-per-page",
            "negative-euicc",
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, call: Any, api: AsyncEmnify, emu: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await call(api)
        assert _sent(emu) == []

    @pytest.mark.parametrize(
        "fields",
        [
            {},
            {"action": 7, "validity_period": 0},
            {"action": 7, "validity_period": 86_401},
            {"action": 1, "iccid_with_luhn": "8988303000000000013"},
            {"action": 1, "activation_code": " "},
            {"action": 2, "enable": "yes"},
            {"action": -1},
        ],
        ids=["no-action", "validity-0", "validity-long", "iccid-19", "blank-code", "flag", "id"],
    )
    def test_bad_operation_requests_are_refused(self, fields: dict[str, Any]) -> None:
        with pytest.raises(InputError):
            EuiccOperationRequest(**fields)


class TestEuiccOperations:
    async def test_scheduled_then_run_when_the_euicc_polls(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """Scheduled at once; run at the poll 10 s later: an audit, a download enabled."""
        euicc_id = _iot(emu)
        audit, download = await api.euiccs.operations.schedule(
            euicc_id,
            [
                EuiccOperationRequest(action=7),
                EuiccOperationRequest(action=1, activation_code=CODE, enable=True),
            ],
        )
        assert [_status(audit), _status(download)] == ["Scheduled"] * 2
        assert audit.finalization_date is None and audit.user is not None

        clock.advance(9)
        assert _status(await api.euiccs.operations.get(euicc_id, audit.id)) == "Scheduled"
        clock.advance(1)
        done = {op.id: op for op in await api.euiccs.operations.list(euicc_id)}
        euicc = await api.euiccs.get(euicc_id)

        assert _status(done[audit.id]) == _status(done[download.id]) == "Succeeded"
        assert done[download.id].finalization_date is not None
        assert euicc.last_audited == euicc.last_polled == done[audit.id].finalization_date
        statuses = {p.iccid_with_luhn: p.status.description for p in euicc.profile if p.status}
        assert statuses[done[download.id].iccid_with_luhn] == "Enabled"
        assert statuses[euicc.profile[0].iccid_with_luhn] == "Disabled"

    async def test_a_failed_operation_says_why(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """Enabling a profile the eUICC does not have fails when it runs."""
        euicc_id = _iot(emu)
        (operation,) = await api.euiccs.operations.schedule(
            euicc_id, [EuiccOperationRequest(action=2, iccid_with_luhn="89" + "1" * 18)]
        )
        clock.advance(10)
        failed = await api.euiccs.operations.get(euicc_id, uuid.UUID(operation.id))

        assert _status(failed) == "Failed"
        assert failed.error is not None and failed.error.message
        assert "not installed" in failed.error.message

    async def test_expired_and_cancelled(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """An operation whose validity ends before the poll expires; one cancelled stays so
        (a repeated cancel too); an operation that has run cannot be cancelled."""
        euicc_id = _iot(emu)
        short, cancelled = await api.euiccs.operations.schedule(
            euicc_id,
            [EuiccOperationRequest(action=7, validity_period=5), EuiccOperationRequest(action=7)],
        )
        await api.euiccs.operations.cancel(euicc_id, cancelled.id)
        await api.euiccs.operations.cancel(euicc_id, cancelled.id)
        clock.advance(10)
        (ran,) = await api.euiccs.operations.schedule(euicc_id, [EuiccOperationRequest(action=7)])
        clock.advance(10)

        assert _status(await api.euiccs.operations.get(euicc_id, short.id)) == "Expired"
        assert _status(await api.euiccs.operations.get(euicc_id, cancelled.id)) == "Cancelled"
        with pytest.raises(ConflictError):
            await api.euiccs.operations.cancel(euicc_id, ran.id)

    async def test_a_non_iot_euicc_has_no_operations(self, api: AsyncEmnify, emu: Emulator) -> None:
        euiccs = emu.state.euiccs
        m2m = next(i for i in euiccs.ids(emu.state.org_id) if not euiccs.is_iot(i))

        with pytest.raises(NotFoundError):
            await api.euiccs.operations.schedule(m2m, [EuiccOperationRequest(action=7)])
        with pytest.raises(NotFoundError):
            await api.euiccs.operations.list(m2m).to_list()

    async def test_scheduling_is_not_repeated_after_a_lost_answer(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """The API scheduled it, the answer was lost: the SDK does not schedule it twice."""
        euicc_id = _iot(emu)
        path = f"/api/v1/euicc/{euicc_id}/operation"
        emu.inject("POST", path, status=502, action="replace")

        with pytest.raises(APIStatusError):
            await api.euiccs.operations.schedule(euicc_id, [EuiccOperationRequest(action=7)])

        assert [r.method for r in emu.requests if r.path == path] == ["POST"]
        assert len(await api.euiccs.operations.list(euicc_id)) == 1

    async def test_a_profile_linked_to_the_eid_is_downloaded_by_its_iccid(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """A SIM operation links a stock eSIM to the EID; the eUICC then downloads it."""
        euicc_id = _iot(emu)
        euicc = await api.euiccs.get(euicc_id)
        assert euicc.eid is not None
        await api.sim_operations.trigger(action=1, product=1, targets=[SimTarget(eid=euicc.eid)])
        clock.advance(5)
        linked = [p for p in (await api.euiccs.get(euicc_id)).profile if not p.preloaded]
        assert [p.status.description for p in linked if p.status] == ["Linked"]
        assert linked[0].iccid_with_luhn is not None

        await api.euiccs.operations.schedule(
            euicc_id,
            [EuiccOperationRequest(action=1, iccid_with_luhn=linked[0].iccid_with_luhn)],
        )
        clock.advance(10)
        after = {p.iccid_with_luhn: p for p in (await api.euiccs.get(euicc_id)).profile}

        installed = after[linked[0].iccid_with_luhn]
        assert installed.status is not None and installed.status.description == "Disabled"
        assert installed.operator is not None and installed.operator.name == "emnify"
