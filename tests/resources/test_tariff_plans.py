"""The organisations' tariff plans (`client.organisations.tariff_plans()` and
`.active_tariff_plan()`) over real HTTP against the emulator."""

from __future__ import annotations

import datetime

import pytest

import emnify_sync
from emnify_async import (
    AsyncEmnify,
    Currency,
    InputError,
    NamedRef,
    NotFoundError,
    Organisation,
    TariffPlanAssignment,
    TariffPlanPriceLine,
)
from emnify_async.testing import Emulator
from emnify_async.testing._catalog import ACTIVATED

UTC = datetime.timezone.utc


async def test_history_of_plans(client: AsyncEmnify, emnify_emulator: Emulator) -> None:
    """Every plan the organisation had, typed from the API's strings and flags."""
    plans = await client.organisations.tariff_plans()

    assert all(isinstance(p, TariffPlanAssignment) for p in plans)
    assert [(p.id, p.active, p.price_model) for p in plans] == [
        (9001, False, "fixed"),
        (9002, True, "scale"),
    ]
    evaluation = plans[0]
    assert evaluation.organisation_id == 101
    assert (evaluation.start_date, evaluation.expiry_date) == (
        datetime.datetime(2019, 1, 1, tzinfo=UTC),
        datetime.datetime(2019, 3, 31, tzinfo=UTC),
    )
    plan = evaluation.tariff_plan
    assert plan is not None
    assert (plan.id, plan.name, plan.evaluation, plan.billing_disabled, plan.expiry_time) == (
        18,
        "Evaluation",
        True,
        True,
        60,
    )
    assert plans[1].expiry_date is None and plans[1].applied_rate == 299
    assert emnify_emulator.requests[-1].path == "/api/v1/organisation/my/tariff_plan"


async def test_a_childs_plans(client: AsyncEmnify) -> None:
    """`org` as an id or a model, first."""
    by_id = await client.organisations.tariff_plans(103)
    by_model = await client.organisations.tariff_plans(Organisation(id=103))

    assert by_id == by_model and [p.tariff_plan.name for p in by_id if p.tariff_plan] == [
        "Evaluation"
    ]


async def test_active_plan_is_priced_for_the_activated_sims(
    client: AsyncEmnify, emnify_emulator: Emulator
) -> None:
    """Volume pricing: all activated SIMs at the rate of the highest scale they reach."""
    active = await client.organisations.active_tariff_plan(102)
    activated = emnify_emulator.state.sim_counts(102)[ACTIVATED]

    assert (active.id, active.active, active.sim_activated_amount) == (9003, True, activated)
    assert 10 <= activated < 100
    assert active.applied_price is not None
    assert active.applied_price.sim_activated_rate == [
        TariffPlanPriceLine(scale_start=10, rate=0.8, volume=activated)
    ]
    plan = active.tariff_plan
    assert plan is not None and plan.price is not None
    assert [line.scale_start for line in plan.price.sim_activated_rate] == [1, 10, 100, 1000]
    assert plan.currency == Currency(id=1, code="EUR", symbol="€")
    assert active.service_level == NamedRef(id=1, name="Basic")
    assert active.tariff_plan_runtime is not None and active.tariff_plan_runtime.id == 1


async def test_no_active_plan_is_not_found(client: AsyncEmnify) -> None:
    """Documented: 404 when the organisation has no active plan (104's ended)."""
    with pytest.raises(NotFoundError) as caught:
        await client.organisations.active_tariff_plan(104)
    assert (caught.value.error_code, caught.value.error_token) == (1201, "NotFound")
    assert len(await client.organisations.tariff_plans(104)) == 1


@pytest.mark.parametrize("org", [0, -1, "me", True, 1.5])
async def test_bad_org_is_sent_nowhere(
    client: AsyncEmnify, emnify_emulator: Emulator, org: object
) -> None:
    with pytest.raises(InputError):
        await client.organisations.tariff_plans(org)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        await client.organisations.active_tariff_plan(org)  # type: ignore[arg-type]
    assert emnify_emulator.requests == []


async def test_my_active_plan_is_the_callers(
    client: AsyncEmnify, emnify_emulator: Emulator
) -> None:
    """GET /api/v1/tariff_plan/active (newer docs) answers what `active_tariff_plan("my")`
    does, for whichever organisation calls."""
    mine = await client.organisations.my_active_tariff_plan()

    assert mine == await client.organisations.active_tariff_plan("my")
    assert (mine.id, mine.organisation_id) == (9002, 101)
    assert emnify_emulator.requests[1].path == "/api/v1/tariff_plan/active"
    async with AsyncEmnify(
        emnify_emulator.application_token_for(102), base_url=emnify_emulator.base_url
    ) as acme:
        theirs = await acme.organisations.my_active_tariff_plan()
    assert theirs == await client.organisations.active_tariff_plan(102)


async def test_my_active_plan_when_there_is_none(emnify_emulator: Emulator) -> None:
    """Documented: 404 when the caller has no active plan (104's ended)."""
    async with AsyncEmnify(
        emnify_emulator.application_token_for(104), base_url=emnify_emulator.base_url
    ) as ended:
        with pytest.raises(NotFoundError) as caught:
            await ended.organisations.my_active_tariff_plan()

    assert (caught.value.error_code, caught.value.error_token) == (1201, "NotFound")


def test_my_active_plan_blocking(threaded_emulator: Emulator) -> None:
    with emnify_sync.Emnify(
        threaded_emulator.application_token, base_url=threaded_emulator.base_url
    ) as client:
        plan = client.organisations.my_active_tariff_plan()

    assert (plan.id, plan.active) == (9002, True)
