"""`client.tariffs` over real HTTP against the emulator."""

from __future__ import annotations

import json

import pytest

from emnify_async import (
    AsyncEmnify,
    ConflictError,
    Currency,
    DataSize,
    InputError,
    NotFoundError,
    PermissionDeniedError,
    Status,
    Tariff,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator

from ..conftest import FAST_RETRY


class TestRead:
    async def test_list_is_a_plain_list_of_own_tariffs(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Every tariff the organisation sells, typed, in one unpaged request."""
        tariffs = await client.tariffs.list()

        assert isinstance(tariffs, list)
        assert [t.id for t in tariffs] == [1, 2, 3, 4, 5]
        assert emnify_emulator.requests[-1].query == {}
        first = tariffs[0]
        assert isinstance(first, Tariff)
        assert first.status == Status(id=1, description="Active")
        assert first.currency == Currency(id=1, code="EUR", symbol="€")
        assert first.data_blocksize == DataSize(id=10, octets=1, description="exact")
        assert [p.apn for p in first.pdp_context_definition] == ["em", "internet"]
        assert first.created is not None and first.created.tzinfo is not None
        assert (first.used_count, first.assigned_count) == (2, 3)

    async def test_get(self, client: AsyncEmnify) -> None:
        """Details of one tariff, matching the listing."""
        listed = {t.id: t for t in await client.tariffs.list()}

        tariff = await client.tariffs.get(2)

        assert tariff == listed[2]
        assert tariff.public is False
        assert tariff.data_throttle is not None and tariff.data_throttle.octets == 256000

    @pytest.mark.parametrize("tariff_id", [9, 4711])
    async def test_get_foreign_or_unknown(self, client: AsyncEmnify, tariff_id: int) -> None:
        """Another organisation's tariff is as missing as an unknown one."""
        with pytest.raises(NotFoundError):
            await client.tariffs.get(tariff_id)

    async def test_enterprise_is_refused(self, emnify_emulator: Emulator) -> None:
        """Every tariff entry point answers 403 to an enterprise organisation."""
        async with AsyncEmnify(
            emnify_emulator.application_token_for(102),
            base_url=emnify_emulator.base_url,
            retry=FAST_RETRY,
        ) as enterprise:
            tariffs = enterprise.tariffs
            for call in (
                tariffs.list,
                lambda: tariffs.get(1),
                lambda: tariffs.create(name="x", currency=1),
                lambda: tariffs.update(1, name="y"),
                lambda: tariffs.delete(5),
            ):
                with pytest.raises(PermissionDeniedError) as caught:
                    await call()
                assert caught.value.error_token == "Forbidden"

        assert 5 in emnify_emulator.state.billing.tariffs

    async def test_reseller_sees_only_its_own(self, emnify_emulator: Emulator) -> None:
        """A reseller may use the API; it owns no tariff yet."""
        async with AsyncEmnify(
            emnify_emulator.application_token_for(105),
            base_url=emnify_emulator.base_url,
            retry=FAST_RETRY,
        ) as reseller:
            assert await reseller.tariffs.list() == []


class TestWrite:
    async def test_create_returns_the_new_id(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Only the fields passed are sent, references as {"id": n}."""
        currency = Currency(id=1, code="EUR")

        tariff_id = await client.tariffs.create(
            name="Fleet 2030",
            currency=currency,
            description="For fleets",
            sim_activated_rate=1.25,
            default_sms_mo_rate=0,
            status=Status(id=1),
            data_blocksize=11,
            data_throttle=9,
            public=True,
            tariff_category=0,
        )

        request = emnify_emulator.requests[-1]
        assert (request.method, request.path, request.status) == ("POST", "/api/v1/tariff", 201)
        assert json.loads(request.body) == {
            "name": "Fleet 2030",
            "description": "For fleets",
            "default_sms_mo_rate": 0,
            "sim_activated_rate": 1.25,
            "public": True,
            "status": {"id": 1},
            "currency": {"id": 1},
            "data_blocksize": {"id": 11},
            "data_throttle": {"id": 9},
            "tariff_category": 0,
        }
        created = await client.tariffs.get(tariff_id)
        assert created.name == "Fleet 2030" and created.sim_activated_rate == 1.25
        assert created.data_blocksize is not None and created.data_blocksize.id == 11
        assert (created.used_count, created.assigned_count) == (0, 0)

    async def test_create_duplicate_name(self, client: AsyncEmnify) -> None:
        """Names are unique per organisation: 409 Duplicated."""
        with pytest.raises(ConflictError) as caught:
            await client.tariffs.create(name="M2M Europe", currency=1)

        assert caught.value.error_code == 1405

    async def test_create_unknown_reference(self, client: AsyncEmnify) -> None:
        """An unknown lookup id is refused by the API with the field named."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.tariffs.create(name="Bad", currency=77)

        assert caught.value.errors and "currency" in (caught.value.errors[0].message or "")

    async def test_update_and_clear(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """Patch a few fields; None empties the description and removes the throttle."""
        await client.tariffs.update(2, name="Global 2", description=None, data_throttle=None)
        await client.tariffs.update(2, sim_suspended_rate=0.0, public=True)

        assert json.loads(emnify_emulator.requests[-2].body) == {
            "name": "Global 2",
            "description": None,
            "data_throttle": {"id": None},
        }
        tariff = await client.tariffs.get(2)
        assert (tariff.name, tariff.description, tariff.data_throttle) == ("Global 2", None, None)
        assert (tariff.sim_suspended_rate, tariff.public) == (0.0, True)

    async def test_update_to_a_taken_name(self, client: AsyncEmnify) -> None:
        """Renaming onto another tariff's name: 409."""
        with pytest.raises(ConflictError):
            await client.tariffs.update(5, name="M2M Europe")

    async def test_update_unknown(self, client: AsyncEmnify) -> None:
        """Updating a tariff that does not exist: 404."""
        with pytest.raises(NotFoundError):
            await client.tariffs.update(4711, name="x")

    async def test_delete_unused(self, client: AsyncEmnify) -> None:
        """An unused, unassigned tariff can be deleted; then it is gone."""
        await client.tariffs.delete(5)

        with pytest.raises(NotFoundError):
            await client.tariffs.get(5)

    @pytest.mark.parametrize("tariff_id", [1, 2], ids=["used-and-assigned", "private-in-use"])
    async def test_delete_in_use_is_refused(self, client: AsyncEmnify, tariff_id: int) -> None:
        """A tariff used by a profile or assigned to an organisation stays."""
        with pytest.raises(UnprocessableEntityError, match="cannot be deleted"):
            await client.tariffs.delete(tariff_id)

        assert (await client.tariffs.get(tariff_id)).id == tariff_id

    async def test_delete_twice(self, client: AsyncEmnify) -> None:
        """A new tariff can be deleted once; deleting it again is a 404."""
        new_id = await client.tariffs.create(name="Temp", currency=1)
        await client.tariffs.delete(new_id)

        with pytest.raises(NotFoundError):
            await client.tariffs.delete(new_id)


class TestValidation:
    @pytest.mark.parametrize(
        "kwargs",
        [
            {"sim_activated_rate": -0.01},
            {"default_sms_mt_rate": float("inf")},
            {"sim_issued_rate": "1"},
            {"name": ""},
            {"name": None},
            {"currency": None},
            {"currency": 0},
            {"status": -1},
            {"data_throttle": True},
            {"public": "yes"},
            {"tariff_category": -1},
            {"description": 5},
        ],
    )
    async def test_create_validation_sends_nothing(
        self, kwargs: dict[str, object], client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Negative rates, empty names and bad references never reach the API."""
        arguments: dict[str, object] = {"name": "T", "currency": 1, **kwargs}
        with pytest.raises(InputError):
            await client.tariffs.create(**arguments)  # type: ignore[arg-type]

        assert emnify_emulator.requests == []

    @pytest.mark.parametrize(
        "kwargs",
        [{}, {"sim_termination_rate": -1}, {"currency": None}, {"name": " "}],
        ids=["nothing", "negative", "currency-none", "blank-name"],
    )
    async def test_update_validation_sends_nothing(
        self, kwargs: dict[str, object], client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """No field, negative rates, a missing currency, blank names: refused locally."""
        with pytest.raises(InputError):
            await client.tariffs.update(1, **kwargs)  # type: ignore[arg-type]

        assert emnify_emulator.requests == []

    @pytest.mark.parametrize("tariff_id", [0, -1, True, "1"])
    async def test_bad_ids(
        self, tariff_id: object, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Tariff ids must be positive integers."""
        for call in (client.tariffs.get, client.tariffs.delete):
            with pytest.raises(InputError):
                await call(tariff_id)  # type: ignore[arg-type]

        assert emnify_emulator.requests == []
