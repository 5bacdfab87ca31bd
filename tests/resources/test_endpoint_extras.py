"""Endpoint calls of the newer docs over real HTTP: traffic limit extensions and the bulk
calls of /api/v2/endpoint/multi (every endpoint accounted for truthfully, nothing created
twice)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from emnify_async import (
    APIStatusError,
    AsyncEmnify,
    EndpointChange,
    EndpointStatusId,
    InputError,
    NewEndpoint,
    NotFoundError,
    SimAssignment,
    SimStatusId,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, ManualClock

from ..conftest import FAST_RETRY

MULTI = "/api/v2/endpoint/multi"


def _sent(emu: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emu.requests if r.path != "/api/v1/authenticate"]


def _spares(emu: Emulator) -> list[int]:
    endpoints = emu.state.endpoints
    return [i for i in emu.state.endpoint_ids() if endpoints.sim_of(i) is None]


def _free_sim(emu: Emulator) -> int:
    table = emu.state.table
    return next(
        i
        for i in emu.state.sim_ids()
        if table.status[i - 1] == SimStatusId.ISSUED and not table.endpoint[i - 1]
    )


class TestTrafficLimitExtensions:
    async def test_extend_list_and_remove(self, emnify_emulator_factory: Any) -> None:
        """An extension of the monthly limit lasts to the month's end; removing ends all."""
        clock = ManualClock("2026-03-14T12:00:00Z")
        emu: Emulator = await emnify_emulator_factory(sims=20, clock=clock)
        async with AsyncEmnify(
            emu.application_token, base_url=emu.base_url, retry=FAST_RETRY, rate_limits=False
        ) as api:
            extension = await api.endpoints.extend_traffic_limit(1, volume=250)
            five_days = await api.endpoints.extend_traffic_limit(1, volume=5, traffic_limit_id=111)
            listed = await api.endpoints.traffic_limit_extensions(1)
            clock.advance(6 * 86_400)
            later = await api.endpoints.traffic_limit_extensions(1)
            await api.endpoints.remove_traffic_limit_extensions(1)
            after = await api.endpoints.traffic_limit_extensions(1)

        assert (extension.endpoint_id, extension.traffic_limit_id, extension.volume) == (
            1,
            234,
            250,
        )
        assert extension.expiration_date == datetime.datetime(
            2026, 4, 1, tzinfo=datetime.timezone.utc
        )
        assert listed == [extension, five_days]
        assert later == [extension]  # the 5-day one has ended
        assert after == []

    async def test_unknown_endpoint_and_bad_input(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        with pytest.raises(NotFoundError):
            await client.endpoints.traffic_limit_extensions(9_999_999).to_list()
        sent = len(_sent(emnify_emulator))
        for volume in (0, -5, "5", float("nan")):
            with pytest.raises(InputError):
                await client.endpoints.extend_traffic_limit(1, volume=volume)
        with pytest.raises(InputError):
            await client.endpoints.extend_traffic_limit(1, volume=1, traffic_limit_id=0)
        assert len(_sent(emnify_emulator)) == sent


class TestCreateMany:
    async def test_created_in_order_with_their_sims(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        sim_id = _free_sim(emnify_emulator)
        before = len(emnify_emulator.state.endpoint_ids())

        created = await client.endpoints.create_many(
            [
                NewEndpoint(name="bulk-a", sim=SimAssignment(sim=sim_id, activate=True)),
                NewEndpoint(name="bulk-b", imei="356938035643809", tags="bulk"),
            ],
            service_profile=1,
            tariff_profile=1,
            status=EndpointStatusId.ENABLED,
        )

        assert [e.name for e in created] == ["bulk-a", "bulk-b"]
        assert len(emnify_emulator.state.endpoint_ids()) == before + 2
        first = await client.endpoints.get(created[0].id)
        assert first.sim is not None and first.sim.id == sim_id
        assert (await client.sims.get(sim_id)).status.id == SimStatusId.ACTIVATED  # type: ignore[union-attr]
        assert (await client.endpoints.get(created[1].id)).imei == "356938035643809"

    async def test_a_refused_request_creates_none(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        before = len(emnify_emulator.state.endpoint_ids())

        with pytest.raises(UnprocessableEntityError) as caught:
            await client.endpoints.create_many(
                [NewEndpoint(name="x"), NewEndpoint(name="y")],
                service_profile=987_654,
                tariff_profile=1,
                status=0,
            )

        assert len(caught.value.errors) == 2  # one per endpoint
        assert len(emnify_emulator.state.endpoint_ids()) == before

    async def test_never_sent_twice(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """Created, but the answer was lost: the SDK does not create them again."""
        before = len(emnify_emulator.state.endpoint_ids())
        emnify_emulator.inject("POST", MULTI, status=502, action="replace")

        with pytest.raises(APIStatusError):
            await client.endpoints.create_many(
                [NewEndpoint(name="once")], service_profile=1, tariff_profile=1, status=0
            )

        assert [r.method for r in emnify_emulator.requests if r.path == MULTI] == ["POST"]
        assert len(emnify_emulator.state.endpoint_ids()) == before + 1

    @pytest.mark.parametrize(
        "endpoints",
        [
            [],
            [NewEndpoint(name="a", imei="356938035643809"), NewEndpoint(imei="356938035643809")],
            [NewEndpoint(sim=5), NewEndpoint(sim=5)],
            [NewEndpoint(ip_address="10.0.0.5")],
            [NewEndpoint()] * 2001,
            [{"name": "a"}],
        ],
        ids=["none", "imei-twice", "sim-twice", "address-without-space", "2001", "dict"],
    )
    async def test_bad_input_is_sent_nowhere(
        self, endpoints: Any, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await client.endpoints.create_many(
                endpoints, service_profile=1, tariff_profile=1, status=0
            )
        assert _sent(emnify_emulator) == []


class TestUpdateMany:
    async def test_changed_in_one_request(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        first, second = _spares(emnify_emulator)[:2]
        sim_id = _free_sim(emnify_emulator)

        result = await client.endpoints.update_many(
            [
                EndpointChange(endpoint_id=first, name="renamed", tags="t"),
                EndpointChange(endpoint_id=second, sim=sim_id, status=EndpointStatusId.ENABLED),
            ]
        )

        assert result.ok and result.succeeded == [first, second]
        assert (await client.endpoints.get(first)).name == "renamed"
        changed = await client.endpoints.get(second)
        assert changed.sim is not None and changed.sim.id == sim_id

    async def test_a_refused_request_changes_none(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        first, second = _spares(emnify_emulator)[:2]
        names = [(await client.endpoints.get(i)).name for i in (first, second)]

        result = await client.endpoints.update_many(
            [
                EndpointChange(endpoint_id=first, name="never"),
                EndpointChange(endpoint_id=second, service_profile=987_654),
            ]
        )

        assert result.succeeded == []
        assert all(isinstance(i.error, UnprocessableEntityError) for i in result.items)
        assert [(await client.endpoints.get(i)).name for i in (first, second)] == names

    async def test_a_lost_answer_is_verified(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The change was applied and its answer lost: repeated (absolute values), then all done."""
        first = _spares(emnify_emulator)[0]
        emnify_emulator.inject("PATCH", MULTI, status=502, action="replace", times=4)

        result = await client.endpoints.update_many([EndpointChange(endpoint_id=first, name="z")])

        assert result.ok
        assert [r.status for r in emnify_emulator.requests if r.path == MULTI] == [502] * 4

    @pytest.mark.parametrize(
        "changes",
        [
            [],
            [EndpointChange(endpoint_id=1, name="a"), EndpointChange(endpoint_id=1, tags="b")],
            [{"id": 1, "name": "a"}],
        ],
        ids=["none", "same-endpoint-twice", "dict"],
    )
    async def test_bad_input_is_sent_nowhere(
        self, changes: Any, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await client.endpoints.update_many(changes)
        assert _sent(emnify_emulator) == []

    @pytest.mark.parametrize(
        "fields",
        [
            {},
            {"name": " "},
            {"ip_address": "10.0.0.9"},
            {"sim": SimAssignment(sim=3, activate=True)},
            {"imei": "12"},
        ],
        ids=["nothing", "blank-name", "address-without-space", "activate", "imei"],
    )
    def test_bad_changes_are_refused(self, fields: dict[str, Any]) -> None:
        with pytest.raises(InputError):
            EndpointChange(endpoint_id=1, **fields)


class TestDeleteMany:
    async def test_deleted_their_sims_released_and_suspended(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        endpoints = emnify_emulator.state.endpoints
        with_sim = next(i for i in emnify_emulator.state.endpoint_ids() if endpoints.sim_of(i))
        sim_id = endpoints.sim_of(with_sim)
        spare = _spares(emnify_emulator)[0]

        result = await client.endpoints.delete_many([with_sim, spare])

        assert result.ok and result.succeeded == [with_sim, spare]
        assert emnify_emulator.state.endpoint(with_sim) is None
        sim = await client.sims.get(sim_id)  # type: ignore[arg-type]
        assert sim.endpoint is None

    async def test_a_lost_answer_is_no_false_failure(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        spare = _spares(emnify_emulator)[0]
        emnify_emulator.inject("DELETE", MULTI, status=502, action="replace")

        result = await client.endpoints.delete_many([spare], delete_sims=True)

        assert result.ok
        assert [r.status for r in emnify_emulator.requests if r.path == MULTI] == [502, 404]

    async def test_an_unknown_endpoint_refuses_the_request(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The API deletes none: the existing endpoint failed; the unknown one is gone."""
        spare = _spares(emnify_emulator)[0]

        result = await client.endpoints.delete_many([spare, 9_999_999])

        assert [item.outcome for item in result.items] == ["failed", "done"]
        assert isinstance(result.items[0].error, NotFoundError)
        assert emnify_emulator.state.endpoint(spare) is not None

    @pytest.mark.parametrize("ids", [[], [-1], None], ids=["empty", "negative", "none"])
    async def test_bad_input_is_sent_nowhere(
        self, ids: Any, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        with pytest.raises(InputError):
            await client.endpoints.delete_many(ids)
        assert _sent(emnify_emulator) == []
