"""`client.sims` over real HTTP against the emulator."""

from __future__ import annotations

import asyncio
import datetime

import pytest

from emnify_async import (
    APIResponseValidationError,
    AsyncEmnify,
    AuthenticationError,
    ConflictError,
    DailyStats,
    EsimInstallationCode,
    Event,
    InputError,
    NotFoundError,
    Sim,
    SimStats,
    SimStatusId,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator

from ..conftest import FAST_RETRY


async def _find(client: AsyncEmnify, **q: object) -> Sim:
    page = await client.sims.list(q=q, per_page=5).first_page()  # type: ignore[arg-type]
    assert page.items, f"the emulator has no SIM matching {q}"
    return page.items[0]


class TestList:
    async def test_lists_the_whole_fleet_once(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Every SIM of the organisation comes back exactly once, in id order, typed."""
        expected = len(emnify_emulator.state.sim_ids())

        sims = [sim async for sim in client.sims.list(per_page=17)]

        assert len(sims) == expected
        assert [s.id for s in sims] == sorted({s.id for s in sims})
        first = sims[0]
        assert isinstance(first, Sim)
        assert first.iccid is not None and 19 <= len(first.iccid) <= 20
        assert first.production_date is not None and first.production_date.tzinfo is not None
        assert first.status is not None and first.status.description

    async def test_pages_report_totals(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Pages carry the totals from X-Total-Count and X-Total-Pages."""
        total = len(emnify_emulator.state.sim_ids())

        pages = [page async for page in client.sims.list(per_page=100).iter_pages()]

        assert pages[0].total_count == total
        assert len(pages) == pages[0].total_pages == -(-total // 100)

    async def test_filter_by_status(self, client: AsyncEmnify) -> None:
        """`q={"status": ...}` returns only SIMs in that status."""
        activated = await client.sims.list(q={"status": SimStatusId.ACTIVATED}).to_list()
        everything = await client.sims.list().to_list()

        assert activated
        assert all(s.status is not None and s.status.id == SimStatusId.ACTIVATED for s in activated)
        assert len(activated) == sum(1 for s in everything if s.status and s.status.id == 1)

    async def test_filter_without_endpoint(self, client: AsyncEmnify) -> None:
        """`q={"endpoint": None}` finds SIMs that have no device."""
        free = await client.sims.list(q={"endpoint": None}).to_list()

        assert free
        assert all(sim.endpoint is None for sim in free)

    async def test_sort_descending(self, client: AsyncEmnify) -> None:
        """`sort="-id"` reverses the order."""
        ids = [sim.id async for sim in client.sims.list(sort="-id", per_page=50)]

        assert ids == sorted(ids, reverse=True)

    async def test_unknown_filter_field_is_refused_by_the_api(self, client: AsyncEmnify) -> None:
        """A filter the API does not know comes back as 422 InvalidQueryCriteria."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await client.sims.list(q={"colour": "red"}).to_list()

        assert caught.value.error_code == 1301

    async def test_default_page_size_is_2500(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Without per_page the SIM list asks for the maximum, 2500."""
        await client.sims.list().first_page()

        assert emnify_emulator.requests[-1].query["per_page"] == "2500"


class TestGetAndUpdate:
    async def test_get_matches_the_listing(self, client: AsyncEmnify) -> None:
        """`get()` returns the same SIM the listing showed."""
        listed = await _find(client, status=SimStatusId.ACTIVATED)

        fetched = await client.sims.get(listed.id)

        assert fetched == listed

    async def test_get_missing_raises_not_found(self, client: AsyncEmnify) -> None:
        """An unknown id raises NotFoundError with emnify's code."""
        with pytest.raises(NotFoundError) as caught:
            await client.sims.get(987_654_321)

        assert caught.value.error_code == 1201
        assert caught.value.request_id

    async def test_status_lifecycle(self, client: AsyncEmnify) -> None:
        """Issued → Activated → Suspended → Activated, each visible on the next read."""
        sim = await _find(client, status=SimStatusId.ISSUED)

        await client.sims.activate(sim.id)
        activated = await client.sims.get(sim.id)
        await client.sims.suspend(sim.id)
        suspended = await client.sims.get(sim.id)
        await client.sims.update(sim.id, status=SimStatusId.ACTIVATED)
        again = await client.sims.get(sim.id)

        assert [s.status.id if s.status else None for s in (activated, suspended, again)] == [
            1,
            2,
            1,
        ]
        assert activated.activation_date is not None

    async def test_forbidden_transition_is_refused(self, client: AsyncEmnify) -> None:
        """Activated → Issued is not allowed: 422 NotAllowed."""
        sim = await _find(client, status=SimStatusId.ACTIVATED)

        with pytest.raises(UnprocessableEntityError) as caught:
            await client.sims.update(sim.id, status=SimStatusId.ISSUED)

        assert caught.value.error_token == "NotAllowed"

    async def test_customer_org_can_be_emptied(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`customer_org=None` sends `{"id": null}`: the SIM is its owner's again (an assigned
        SIM always names a customer, as recorded)."""
        sim = await _find(client, status=SimStatusId.ACTIVATED)

        await client.sims.update(sim.id, customer_org=None)

        assert emnify_emulator.requests[-1].body == b'{"customer_org":{"id":null}}'
        customer = (await client.sims.get(sim.id)).customer_org
        assert customer is not None and customer.id == emnify_emulator.state.org_id

    async def test_update_without_fields_sends_nothing(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """An empty update is refused locally."""
        before = len(emnify_emulator.requests)

        with pytest.raises(InputError):
            await client.sims.update(1)

        assert len(emnify_emulator.requests) == before

    @pytest.mark.parametrize("sim_id", [0, -3, True, "5"])
    async def test_bad_ids_fail_before_sending(
        self, sim_id: object, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Ids must be positive integers; nothing is sent otherwise."""
        with pytest.raises(InputError):
            await client.sims.get(sim_id)  # type: ignore[arg-type]

        assert emnify_emulator.requests == []


class TestDelete:
    async def test_delete_sim_without_endpoint(self, client: AsyncEmnify) -> None:
        """A SIM without a device can be deleted; afterwards it is gone."""
        sim = await _find(client, endpoint=None)

        await client.sims.delete(sim.id)

        with pytest.raises(NotFoundError):
            await client.sims.get(sim.id)

    async def test_delete_sim_with_endpoint_is_refused(self, client: AsyncEmnify) -> None:
        """A SIM with a device assigned cannot be deleted."""
        with_endpoint = next(
            s for s in await client.sims.list().to_list() if s.endpoint is not None
        )

        with pytest.raises((UnprocessableEntityError, ConflictError)) as caught:
            await client.sims.delete(with_endpoint.id)

        assert caught.value.status in (409, 422)
        assert (await client.sims.get(with_endpoint.id)).id == with_endpoint.id


class TestEventsAndStats:
    async def test_events_are_paged_and_typed(self, client: AsyncEmnify) -> None:
        """SIM events come back typed, across pages with lower-case headers."""
        sim = await _find(client, status=SimStatusId.ACTIVATED)

        events = [event async for event in client.sims.events(sim.id, per_page=2)]

        assert events
        assert all(isinstance(e, Event) for e in events)
        assert len({e.id for e in events}) == len(events)
        assert events[0].timestamp is not None and events[0].event_type is not None

    async def test_events_of_unknown_sim_are_empty(self, client: AsyncEmnify) -> None:
        """The API answers an unknown SIM's events with an empty list, not 404."""
        assert await client.sims.events(987_654_321).to_list() == []

    async def test_stats(self, client: AsyncEmnify) -> None:
        """Monthly and hourly statistics are structured, numbers as floats."""
        sim = await _find(client, status=SimStatusId.ACTIVATED)

        stats = await client.sims.stats(sim.id)

        assert isinstance(stats, SimStats)
        assert stats.last_hour is not None
        month = stats.current_month or stats.last_month
        assert month is not None and month.data is not None
        assert isinstance(month.data.volume, float)

    async def test_daily_stats_in_range(self, client: AsyncEmnify) -> None:
        """Daily statistics come back for the requested days."""
        sim = await _find(client, status=SimStatusId.ACTIVATED)
        start, end = datetime.date(2026, 3, 1), datetime.date(2026, 3, 14)

        days = await client.sims.daily_stats(sim.id, start_date=start, end_date=end.isoformat())

        assert all(isinstance(d, DailyStats) for d in days)
        assert [d.date for d in days] == [end - datetime.timedelta(days=n) for n in range(14)]

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            ("2026/01/01", None),
            ("2026-02-30", None),
            ("2026-03-10", "2026-03-01"),
            (20260101, None),
        ],
        ids=["slashes", "no-such-day", "end-before-start", "int"],
    )
    async def test_bad_dates_fail_before_sending(
        self, start: object, end: object, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Malformed or inverted dates raise InputError and send nothing."""
        with pytest.raises(InputError):
            await client.sims.daily_stats(1, start_date=start, end_date=end)  # type: ignore[arg-type]

        assert emnify_emulator.requests == []

    async def test_statuses(self, client: AsyncEmnify) -> None:
        """The five SIM statuses match the SimStatusId constants."""
        statuses = await client.sims.statuses()

        assert {s.id: s.description for s in statuses} == {
            SimStatusId.ISSUED: "Issued",
            SimStatusId.ACTIVATED: "Activated",
            SimStatusId.SUSPENDED: "Suspended",
            SimStatusId.DELETED: "Deleted",
            SimStatusId.FACTORY_TEST: "Factory Test",
        }


class TestAuthAgainstEmulator:
    async def test_revoked_token_is_renewed_transparently(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """After the server revokes every token, the next calls renew once and succeed."""
        await client.sims.statuses(refresh=True)
        emnify_emulator.revoke_tokens()

        await asyncio.gather(*(client.sims.statuses(refresh=True) for _ in range(10)))

        logins = [r for r in emnify_emulator.requests if r.path == "/api/v1/authenticate"]
        assert len(logins) == 2

    async def test_expired_token_is_renewed(self, emnify_emulator_factory: object) -> None:
        """A short-lived token is renewed before it expires: no 401 reaches the user."""
        emulator: Emulator = await emnify_emulator_factory(sims=20, token_lifetime=2.0)  # type: ignore[operator]
        async with AsyncEmnify(
            emulator.application_token, base_url=emulator.base_url, retry=FAST_RETRY
        ) as client:
            await client.sims.statuses(refresh=True)
            await asyncio.sleep(2.1)
            await client.sims.statuses(refresh=True)

        assert [r.status for r in emulator.requests if r.path == "/api/v1/sim/status"] == [200, 200]

    async def test_user_login(self, emnify_emulator: Emulator) -> None:
        """Username and plain password log in (the SDK sends the SHA-1)."""
        async with AsyncEmnify(
            username=emnify_emulator.username,
            password=emnify_emulator.password,
            base_url=emnify_emulator.base_url,
        ) as client:
            assert len(await client.sims.statuses(refresh=True)) == 5

    async def test_wrong_password(self, emnify_emulator: Emulator) -> None:
        """A wrong password raises AuthenticationError naming what to check."""
        async with AsyncEmnify(
            username=emnify_emulator.username, password="wrong", base_url=emnify_emulator.base_url
        ) as client:
            with pytest.raises(AuthenticationError, match="username and password"):
                await client.sims.statuses(refresh=True)


class TestInstallationCode:
    """`client.sims.installation_code()`: the activation code of an eSIM, a secret."""

    @staticmethod
    def _esim(emulator: Emulator, esim: bool = True) -> int:
        table = emulator.state.table
        eleven = [i for i in emulator.state.sim_ids() if table.model[i - 1] == 11]
        return eleven[0] if esim else next(i for i in emulator.state.sim_ids() if i not in eleven)

    async def test_an_esims_code(self, client: AsyncEmnify, emnify_emulator: Emulator) -> None:
        """Asked for as JSON; the payload is the LPA code, masked in the model's repr."""
        sim_id = self._esim(emnify_emulator)
        sim = await client.sims.get(sim_id)

        code = await client.sims.installation_code(sim_id)

        assert isinstance(code, EsimInstallationCode)
        assert code.iccid == sim.iccid
        assert sim.model is not None and sim.model.formfactor is not None
        assert sim.model.formfactor.name == "eSIM"
        assert code.payload is not None and code.payload.startswith("LPA:1$")
        secret = code.payload.rsplit("$", 1)[1]
        assert secret not in repr(code) and secret not in str(code)
        assert "LPA:1$smdp.emulator.invalid$********" in repr(code)
        assert emnify_emulator.requests[-1].headers["Accept"] == "application/json"

    async def test_a_physical_sim_has_none(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Documented: 404 for a SIM that is not an eSIM."""
        with pytest.raises(NotFoundError) as caught:
            await client.sims.installation_code(self._esim(emnify_emulator, esim=False))
        assert (caught.value.error_code, caught.value.error_token) == (1201, "NotFound")

    async def test_an_answer_that_does_not_fit_keeps_no_code(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """An error about the answer of this operation never holds its body (the code)."""
        sim_id = self._esim(emnify_emulator)
        leaked = "LPA:1$smdp.emulator.invalid$LEAKED-SECRET"
        emnify_emulator.inject(
            "GET",
            f"/api/v1/sim/{sim_id}/installation_code",
            status=200,
            body=[{"iccid": "1", "payload": leaked}],
            times=10,  # every attempt: a GET that does not fit is retried
        )
        with pytest.raises(APIResponseValidationError) as caught:
            await client.sims.installation_code(sim_id)
        assert caught.value.body == b""
        assert "LEAKED" not in repr(caught.value) and "LEAKED" not in str(caught.value)

    @pytest.mark.parametrize("sim_id", [0, -7, "7", True, 7.0])
    async def test_bad_id_is_sent_nowhere(
        self, client: AsyncEmnify, emnify_emulator: Emulator, sim_id: object
    ) -> None:
        with pytest.raises(InputError):
            await client.sims.installation_code(sim_id)  # type: ignore[arg-type]
        assert emnify_emulator.requests == []
