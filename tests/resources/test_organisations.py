"""`client.organisations` over real HTTP against the emulator."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import AsyncIterator

import pytest

from emnify_async import (
    AsyncEmnify,
    DailyStats,
    HourlyTraffic,
    InclusiveVolume,
    InclusiveVolumeAssignment,
    InputError,
    NotFoundError,
    Organisation,
    OrganisationStats,
    Tariff,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing.pytest_plugin import EmulatorFactory

from ..conftest import FAST_RETRY

NOW = "2026-03-14T12:00:00Z"  # the emulators of this module run on this pinned clock
TODAY = datetime.date.fromisoformat(NOW[:10])
THIS_MONTH = TODAY.replace(day=1)


def _month(offset: int) -> datetime.date:
    first = THIS_MONTH
    for _ in range(offset):
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return first


def _month_end(first: datetime.date) -> datetime.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


@pytest.fixture
async def emnify_emulator(emnify_emulator_factory: EmulatorFactory) -> Emulator:
    """The plugin's emulator (250 SIMs, seed 0), with its clock pinned to ``NOW``."""
    return await emnify_emulator_factory(seed=0, sims=250, clock=ManualClock(NOW))


@pytest.fixture
async def enterprise(emnify_emulator: Emulator) -> AsyncIterator[AsyncEmnify]:
    """A client logged in as the commercial enterprise child 102."""
    async with AsyncEmnify(
        emnify_emulator.application_token_for(102),
        base_url=emnify_emulator.base_url,
        retry=FAST_RETRY,
    ) as api:
        yield api


async def _client_of(emulator: Emulator, org_id: int) -> AsyncEmnify:
    return AsyncEmnify(
        emulator.application_token_for(org_id), base_url=emulator.base_url, retry=FAST_RETRY
    )


class TestDetails:
    async def test_my_organisation(self, client: AsyncEmnify) -> None:
        """The caller's organisation comes back nested and typed."""
        org = await client.organisations.my()

        assert isinstance(org, Organisation)
        assert org.id == 101
        assert org.type is not None and org.type.description == "Service Provider"
        assert org.class_ is not None and org.class_.description == "Commercial"
        assert org.country is not None and org.country.iso_code == "de"
        assert org.currency is not None and org.currency.code == "EUR"
        assert org.created is not None and org.created.tzinfo is not None

    async def test_my_organisation_of_a_child(self, enterprise: AsyncEmnify) -> None:
        """With a child's token, `my()` is the child, with its relation to the parent."""
        org = await enterprise.organisations.my()

        assert org.id == 102
        assert org.monthly_cost_limit == 2000
        assert org.relation is not None and org.relation.type is not None

    async def test_statuses(self, client: AsyncEmnify) -> None:
        """The three organisation statuses."""
        statuses = await client.organisations.statuses()

        assert {s.id: s.description for s in statuses} == {
            0: "Enabled",
            1: "Suspended",
            2: "Deleted",
        }


class TestStatistics:
    async def test_monthly_stats(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """Monthly totals, SIM counts and chargeable SIMs of the own organisation."""
        stats = await client.organisations.monthly_stats()

        assert isinstance(stats, OrganisationStats)
        assert stats.current_month is not None and stats.current_month.data is not None
        assert isinstance(stats.current_month.data.volume, float)
        assert stats.sim is not None
        counts = emnify_emulator.state.sim_counts(101)
        assert stats.sim.total == sum(counts.values())
        assert stats.sim.active == stats.active_chargeable_sims == counts[1]
        assert emnify_emulator.requests[-1].path == "/api/v1/organisation/my/stats"

    async def test_monthly_stats_of_a_prepaid_child(self, client: AsyncEmnify) -> None:
        """A child by id; the prepaid one reports its balance."""
        stats = await client.organisations.monthly_stats(103)

        assert stats.prepaid_balance is not None and stats.prepaid_balance.amount
        assert stats.inclusive_volume is None

    async def test_parent_totals_include_children(self, client: AsyncEmnify) -> None:
        """Traffic totals of the parent are at least those of any child."""
        parent = await client.organisations.monthly_stats("my")
        child = await client.organisations.monthly_stats(102)

        assert parent.last_month and parent.last_month.data and parent.last_month.data.volume
        assert child.last_month and child.last_month.data and child.last_month.data.volume
        assert parent.last_month.data.volume > child.last_month.data.volume

    async def test_monthly_stats_of_a_child_with_volumes(self, client: AsyncEmnify) -> None:
        """A child with an active inclusive volume reports its cost."""
        stats = await client.organisations.monthly_stats(102)

        assert stats.inclusive_volume is not None and stats.inclusive_volume.pooled == 5.0

    @pytest.mark.parametrize("org", [999, 987654])
    async def test_stats_of_inaccessible_organisation(self, client: AsyncEmnify, org: int) -> None:
        """A foreign or unknown organisation is a 422, as documented."""
        with pytest.raises(UnprocessableEntityError):
            await client.organisations.monthly_stats(org)
        with pytest.raises(UnprocessableEntityError):
            await client.organisations.daily_stats(org)
        with pytest.raises(UnprocessableEntityError):
            await client.organisations.hourly_stats(org)

    async def test_daily_stats_with_total(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """One row per day, newest first, then the TOTAL row summing them up."""
        rows = await client.organisations.daily_stats(
            102, start_date=datetime.date(2024, 2, 1), end_date="2024-02-10"
        )

        assert all(isinstance(row, DailyStats) for row in rows)
        days, total = rows[:-1], rows[-1]
        assert [d.date for d in days] == [datetime.date(2024, 2, 10 - i) for i in range(10)]
        assert total.is_total and total.date is None
        assert total.data is not None and total.data.volume is not None
        assert total.data.volume == pytest.approx(sum(d.data.volume for d in days if d.data))
        assert emnify_emulator.requests[-1].query == {
            "start_date": "2024-02-01",
            "end_date": "2024-02-10",
        }

    async def test_daily_stats_default_is_this_month(self, client: AsyncEmnify) -> None:
        """Without dates, the current month up to today."""
        rows = await client.organisations.daily_stats()

        assert rows[0].date == TODAY and rows[-2].date == THIS_MONTH

    async def test_hourly_stats(self, client: AsyncEmnify) -> None:
        """Series of [HH:mm, value] samples, by default around the current hour."""
        hourly = await client.organisations.hourly_stats()

        assert isinstance(hourly, HourlyTraffic)
        assert hourly.data is not None and hourly.sms is not None
        assert len(hourly.data.rx) == len(hourly.data.tx) == 5
        assert all(len(p.time) == 5 and p.time[2] == ":" for p in hourly.data.rx)

    async def test_hourly_stats_for_a_day(self, client: AsyncEmnify) -> None:
        """A one-day range gives 24 hourly samples."""
        hourly = await client.organisations.hourly_stats(
            "my", start_date="2024-03-01", end_date="2024-03-01"
        )

        assert hourly.data is not None
        assert [p.time for p in hourly.data.tx][:2] == ["00:00", "01:00"]
        assert len(hourly.data.tx) == 24

    async def test_current_month_daily_stats(self, client: AsyncEmnify) -> None:
        """The legacy endpoint: this month, with data costs for a service provider."""
        rows = await client.organisations.current_month_daily_stats()

        assert [row.date for row in rows][-1] == THIS_MONTH
        assert len(rows) == TODAY.day
        assert all(row.data is not None and row.data.cost is not None for row in rows)

    async def test_current_month_daily_stats_hide_enterprise_data_costs(
        self, enterprise: AsyncEmnify
    ) -> None:
        """An enterprise organisation with an inclusive volume gets no data costs."""
        rows = await enterprise.organisations.current_month_daily_stats()

        assert all(row.data is not None and row.data.cost is None for row in rows)
        assert all(row.sms is not None and row.sms.cost is not None for row in rows)


class TestInclusiveVolumes:
    async def test_active_volumes(self, client: AsyncEmnify) -> None:
        """The active volume of 102, with tariff and ratezone; the future one is not listed."""
        volumes = await client.organisations.active_inclusive_volumes(102)

        assert [v.id for v in volumes] == [501]
        volume = volumes[0]
        assert isinstance(volume, InclusiveVolume)
        assert (volume.volume, volume.rate, volume.pooled) == (100.0, 5.0, True)
        assert volume.start_date == datetime.date(2024, 1, 1) and volume.end_date is None
        assert volume.tariff is not None and volume.tariff.ratezone is not None
        assert volume.tariff.ratezone.id == 11

    async def test_active_volumes_of_my_organisation(self, enterprise: AsyncEmnify) -> None:
        """`"my"` is the default."""
        assert [v.id for v in await enterprise.organisations.active_inclusive_volumes()] == [501]

    @pytest.mark.parametrize("org", [999, 555])
    async def test_active_volumes_not_accessible(self, client: AsyncEmnify, org: int) -> None:
        """Foreign and unknown organisations: 404."""
        with pytest.raises(NotFoundError):
            await client.organisations.active_inclusive_volumes(org)

    async def test_assign_upgrades_the_ratezone(self, client: AsyncEmnify) -> None:
        """Assigning 500 MB in ratezone 11 from this month replaces the 100 MB volume."""
        end = _month_end(_month(2))

        assigned = await client.organisations.assign_inclusive_volume(
            102, inclusive_volume_id=1102, start_date=THIS_MONTH, end_date=end, pooled=False
        )

        assert isinstance(assigned, InclusiveVolumeAssignment)
        assert (assigned.start_date, assigned.end_date, assigned.pooled) == (
            THIS_MONTH,
            end,
            False,
        )
        active = await client.organisations.active_inclusive_volumes(102)
        assert [(v.id, v.volume) for v in active] == [(assigned.id, 500.0)]

    async def test_assign_with_defaults_sends_no_body(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """No argument: no body; the API defaults to this month, pooled, no end."""
        assigned = await client.organisations.assign_inclusive_volume(104, inclusive_volume_id=2101)

        assert emnify_emulator.requests[-1].body == b""
        assert (assigned.start_date, assigned.end_date, assigned.pooled) == (
            THIS_MONTH,
            None,
            True,
        )

    async def test_assign_sends_dates_as_timestamps(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Dates go out as the date-times the spec documents; `end_date=None` as null."""
        start = _month(1)

        await client.organisations.assign_inclusive_volume(
            102, inclusive_volume_id=1201, start_date=start, end_date=None
        )

        assert emnify_emulator.requests[-1].body == (
            b'{"start_date":"' + start.isoformat().encode() + b'T00:00:00.000Z","end_date":null}'
        )

    async def test_assign_outside_the_tariffs_is_refused(self, client: AsyncEmnify) -> None:
        """A volume of a tariff the organisation does not have: 422."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.organisations.assign_inclusive_volume(102, inclusive_volume_id=5101)

        assert caught.value.error_token == "NotAllowed"

    async def test_assign_unknown_volume_or_org(self, client: AsyncEmnify) -> None:
        """Unknown inclusive volume or a foreign organisation: 404."""
        with pytest.raises(NotFoundError):
            await client.organisations.assign_inclusive_volume(102, inclusive_volume_id=4242)
        with pytest.raises(NotFoundError):
            await client.organisations.assign_inclusive_volume(999, inclusive_volume_id=9101)

    async def test_assign_in_the_past_is_refused(self, client: AsyncEmnify) -> None:
        """Only the current or a future month."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.organisations.assign_inclusive_volume(
                102, inclusive_volume_id=1101, start_date="2020-01-01"
            )

        assert caught.value.errors and caught.value.errors[0].error_token == "OutOfRange"

    async def test_enterprise_may_only_upgrade(self, enterprise: AsyncEmnify) -> None:
        """Self-service by an enterprise with an active volume: no downgrade, upgrade is fine."""
        with pytest.raises(UnprocessableEntityError, match="upgrade"):
            await enterprise.organisations.assign_inclusive_volume(inclusive_volume_id=1101)

        upgraded = await enterprise.organisations.assign_inclusive_volume(
            "my", inclusive_volume_id=1102
        )

        assert upgraded.id > 0

    async def test_prepaid_cannot_assign_in_self_service(self, emnify_emulator: Emulator) -> None:
        """A prepaid organisation may not assign a volume itself."""
        async with await _client_of(emnify_emulator, 103) as prepaid:
            with pytest.raises(UnprocessableEntityError, match="postpaid"):
                await prepaid.organisations.assign_inclusive_volume(inclusive_volume_id=1101)

    async def test_create_for_a_child(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """POST returns the new id from Location; references are sent as {"id": n}."""
        tariff = await client.tariffs.get(1)
        new_id = await client.organisations.create_inclusive_volume(
            103,
            currency=tariff.currency or 1,
            rate=4.5,
            volume=200,
            ratezone=12,
            pooled=False,
            start_date=THIS_MONTH,
            excess_traffic=0.02,
        )

        request = emnify_emulator.requests[-1]
        assert (request.method, request.status) == ("POST", 201)
        assert request.body.startswith(b'{"currency":{"id":1},"rate":4.5,"volume":200')
        active = await client.organisations.active_inclusive_volumes(103)
        assert [(v.id, v.volume, v.pooled) for v in active] == [(new_id, 200.0, False)]
        assert emnify_emulator.state.billing.custom_rates[-1]["rate"] == 0.02

    async def test_create_expires_older_volumes_unless_multi(self, client: AsyncEmnify) -> None:
        """`multi=False` (the default) replaces the ratezone's volume; `multi=True` adds one."""
        first = await client.organisations.create_inclusive_volume(
            102, currency=1, rate=1, volume=10, ratezone=11
        )
        second = await client.organisations.create_inclusive_volume(
            102, currency=1, rate=2, volume=20, ratezone=11, multi=True
        )

        active = await client.organisations.active_inclusive_volumes(102)
        assert sorted(v.id for v in active) == [first, second]

        third = await client.organisations.create_inclusive_volume(
            102, currency=1, rate=3, volume=30, ratezone=11
        )
        assert [v.id for v in await client.organisations.active_inclusive_volumes(102)] == [third]

    async def test_create_wrong_currency_or_ratezone(self, client: AsyncEmnify) -> None:
        """The organisation's currency and a ratezone of its tariffs are required."""
        with pytest.raises(UnprocessableEntityError, match="currency"):
            await client.organisations.create_inclusive_volume(
                102, currency=2, rate=1, volume=1, ratezone=11
            )
        with pytest.raises(UnprocessableEntityError, match="ratezone"):
            await client.organisations.create_inclusive_volume(
                102, currency=1, rate=1, volume=1, ratezone=51
            )
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.organisations.create_inclusive_volume(
                102, currency=1, rate=1, volume=1, ratezone=4711
            )
        assert caught.value.error_token == "InvalidReference"

    async def test_create_only_for_direct_children(
        self, client: AsyncEmnify, enterprise: AsyncEmnify
    ) -> None:
        """Foreign organisations are not found; self-service is refused."""
        with pytest.raises(NotFoundError):
            await client.organisations.create_inclusive_volume(
                999, currency=1, rate=1, volume=1, ratezone=91
            )
        with pytest.raises(UnprocessableEntityError, match="self-service"):
            await enterprise.organisations.create_inclusive_volume(
                102, currency=1, rate=1, volume=1, ratezone=11
            )


class TestUpdateTariff:
    async def test_change_tariff_and_its_side_effects(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Profiles move, ratezones activate, active volumes expire, future ones go."""
        billing = emnify_emulator.state.billing
        tariff = await client.tariffs.get(2)

        await client.organisations.update_tariff(102, tariff)

        assert emnify_emulator.requests[-1].body == b'{"id":2}'
        assert billing.org_tariffs(102) == [2]
        assert [p.tariff_id for p in billing.profiles if p.org_id == 102] == [2]
        assert all(zone.status_id == 1 for zone in billing.tariffs[2].ratezones)
        assert await client.organisations.active_inclusive_volumes(102) == []
        assert [v.id for v in billing.org_volumes(102)] == [501]
        assert billing.volumes[501].expired
        after = await client.tariffs.get(2)
        assert (after.used_count, after.assigned_count) == (
            (tariff.used_count or 0) + 1,
            (tariff.assigned_count or 0) + 1,
        )

    @pytest.mark.parametrize(
        ("org_id", "tariff_id", "match"),
        [
            (104, 1, "must be active"),
            (105, 1, "more than one tariff"),
            (102, 4, "not active"),
            (102, 3, "currency"),
            (101, 1, "evaluation"),
        ],
        ids=["suspended-org", "two-tariffs", "inactive-tariff", "other-currency", "self-service"],
    )
    async def test_rules(
        self, client: AsyncEmnify, org_id: int, tariff_id: int, match: str
    ) -> None:
        """Each documented restriction is a 422."""
        with pytest.raises(UnprocessableEntityError, match=match):
            await client.organisations.update_tariff(org_id, tariff_id)

    async def test_unknown_tariff_or_foreign_org(self, client: AsyncEmnify) -> None:
        """An unknown tariff is an invalid reference; a foreign organisation is not found."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.organisations.update_tariff(102, 9)
        assert caught.value.error_token == "InvalidReference"
        with pytest.raises(NotFoundError):
            await client.organisations.update_tariff(999, 1)

    async def test_self_service_in_evaluation(self, emnify_emulator: Emulator) -> None:
        """An organisation in evaluation may pick a public tariff, not a private one."""
        async with await _client_of(emnify_emulator, 103) as evaluating:
            with pytest.raises(UnprocessableEntityError):
                await evaluating.organisations.update_tariff(103, 2)
            await evaluating.organisations.update_tariff(103, 5)

        assert emnify_emulator.state.billing.org_tariffs(103) == [5]


class TestValidation:
    @pytest.mark.parametrize("org", [0, -1, "me", "101", True, 1.5, None, Tariff(id=0)])
    async def test_bad_org_sends_nothing(
        self, org: object, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`org` must be a positive id (or a model with one) or "my"."""
        organisations = client.organisations
        for call in (
            lambda: organisations.monthly_stats(org),  # type: ignore[arg-type]
            lambda: organisations.daily_stats(org),  # type: ignore[arg-type]
            lambda: organisations.hourly_stats(org),  # type: ignore[arg-type]
            lambda: organisations.active_inclusive_volumes(org),  # type: ignore[arg-type]
            lambda: organisations.assign_inclusive_volume(org, inclusive_volume_id=1101),  # type: ignore[arg-type]
        ):
            with pytest.raises(InputError, match="org"):
                await call()

        assert emnify_emulator.requests == []

    async def test_org_may_be_a_model(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """Any model with an `id` stands for its organisation."""
        me = await client.organisations.my()

        await client.organisations.active_inclusive_volumes(me)

        assert (
            emnify_emulator.requests[-1].path == "/api/v1/organisation/101/inclusive_volume/active"
        )

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"start_date": "2030-01-02"},
            {"end_date": "2030-01-30"},
            {"start_date": "2030-03-01", "end_date": "2030-02-28"},
            {"start_date": "2030/01/01"},
            {"end_date": 20300131},
            {"pooled": 1},
        ],
        ids=["start-mid-month", "end-not-last", "end-before-start", "slashes", "int", "pooled"],
    )
    async def test_assign_validation(
        self, kwargs: dict[str, object], client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Month boundaries, order, formats and flags are checked before sending."""
        with pytest.raises(InputError):
            await client.organisations.assign_inclusive_volume(
                102, inclusive_volume_id=1101, **kwargs
            )  # type: ignore[arg-type]
        with pytest.raises(InputError):
            await client.organisations.create_inclusive_volume(
                102,
                currency=1,
                rate=1,
                volume=1,
                ratezone=11,
                **kwargs,  # type: ignore[arg-type]
            )

        assert emnify_emulator.requests == []

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"rate": 0},
            {"rate": -1},
            {"volume": 0},
            {"volume": float("nan")},
            {"rate": "5"},
            {"excess_traffic": -0.1},
            {"currency": 0},
            {"ratezone": None},
            {"multi": "yes"},
        ],
    )
    async def test_create_validation(
        self, kwargs: dict[str, object], client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Rates and volumes positive, excess traffic not negative, references ids."""
        arguments: dict[str, object] = {"currency": 1, "rate": 1, "volume": 1, "ratezone": 11}
        with pytest.raises(InputError):
            await client.organisations.create_inclusive_volume(102, **{**arguments, **kwargs})  # type: ignore[arg-type]

        assert emnify_emulator.requests == []

    async def test_month_range_accepts_leap_february(self, client: AsyncEmnify) -> None:
        """The last day of February is the 29th in a leap year."""
        with pytest.raises(InputError):
            await client.organisations.assign_inclusive_volume(
                inclusive_volume_id=1101, end_date="2028-02-28"
            )
        with pytest.raises(UnprocessableEntityError):
            # Valid client-side (2028-02-29); the emulator refuses volume 1101 for "my" (101).
            await client.organisations.assign_inclusive_volume(
                inclusive_volume_id=1101, end_date="2028-02-29"
            )

    @pytest.mark.parametrize(
        ("bad", "named"),
        [(("org", 0), "org"), (("tariff", -2), "tariff"), (("tariff", "1"), "tariff")],
    )
    async def test_update_tariff_validation(
        self,
        bad: tuple[str, object],
        named: str,
        client: AsyncEmnify,
        emnify_emulator: Emulator,
    ) -> None:
        """Both ids must be positive integers."""
        arguments: dict[str, object] = {"org": 102, "tariff": 2, bad[0]: bad[1]}
        with pytest.raises(InputError, match=named):
            await client.organisations.update_tariff(**arguments)  # type: ignore[arg-type]

        assert emnify_emulator.requests == []
