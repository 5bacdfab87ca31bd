"""Bad input gets a clear InputError before anything is sent; paths come from validated ids."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from emnify_async import AsyncEmnify, InputError, SimStatusId
from emnify_async.testing import Emulator


class Sneaky(int):
    """An int whose text is something else: it must never reach a path as text."""

    def __format__(self, spec: str) -> str:
        return "1/../../tariff/5"

    def __str__(self) -> str:
        return "1/../../tariff/5"

    __repr__ = __str__

    def __index__(self) -> int:
        return 5

    def __int__(self) -> int:
        return 5

    def __lt__(self, other: object) -> bool:
        return False


def _sent(emulator: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emulator.requests if r.path != "/api/v1/authenticate"]


class TestPathsFromValidatedIds:
    async def test_int_subclass_cannot_steer_the_path(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The path is built from the id's integer value, whatever its class makes of it."""
        sim_id = next(
            i
            for i in emnify_emulator.state.sim_ids()
            if not (emnify_emulator.state.sim(i) or {}).get("endpoint")
        )

        await client.sims.delete(Sneaky(sim_id))

        assert _sent(emnify_emulator) == [("DELETE", f"/api/v1/sim/{sim_id}")]
        assert emnify_emulator.state.sim(sim_id) is None

    async def test_status_enum_is_sent_as_its_number(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """IntEnum members become plain numbers in bodies and filters."""
        pager = client.sims.list(q={"status": SimStatusId.SUSPENDED}, per_page=10)

        await pager.first_page()

        (request,) = [r for r in emnify_emulator.requests if r.method == "GET"]
        assert request.query["q"] == "status:2"


BAD_CALLS: list[Any] = [
    pytest.param(lambda c: c.sims.bulk_activate(None), id="bulk-ids-none"),
    pytest.param(lambda c: c.sims.bulk_activate(5), id="bulk-ids-int"),
    pytest.param(lambda c: c.sims.bulk_activate([1, 2**63]), id="bulk-id-over-64-bit"),
    pytest.param(lambda c: c.sims.bulk_activate([1, 2], concurrency=0), id="concurrency-0"),
    pytest.param(lambda c: c.sims.bulk_activate([1], concurrency=2.5), id="concurrency-float"),
    pytest.param(lambda c: c.sims.list(sort=5).to_list(), id="sort-int"),
    pytest.param(lambda c: c.sims.list(sort=[1, 2]).to_list(), id="sort-ints"),
    pytest.param(lambda c: c.sims.list(q=5).to_list(), id="q-int"),
    pytest.param(lambda c: c.sims.list(q={"status": [1, 2]}).to_list(), id="q-list-value"),
    pytest.param(lambda c: c.sims.list(q={"iccid": "89\n88"}).to_list(), id="q-newline"),
    pytest.param(lambda c: c.sims.list(q="status:1\n").to_list(), id="q-string-newline"),
    pytest.param(lambda c: c.sims.list(sort="i\nd").to_list(), id="sort-newline"),
    pytest.param(lambda c: c.sims.get(2**63), id="id-over-64-bit"),
    pytest.param(lambda c: c.sims.get(True), id="id-bool"),
    pytest.param(lambda c: c.sim_batches.validate("ABCDEFGHIJ123456\n"), id="bic-trailing-newline"),
    pytest.param(lambda c: c.sim_batches.validate("abcdefghij123456"), id="bic-lower-case"),
    pytest.param(
        lambda c: c.sims.daily_stats(1, start_date="2026-01-01\n"), id="date-trailing-newline"
    ),
    pytest.param(
        lambda c: c.tariffs.create(name="t", currency=1, sim_activated_rate=2**64),
        id="rate-over-64-bit",
    ),
    pytest.param(
        lambda c: c.tariffs.create(name="t", currency=1, sim_activated_rate=float("nan")),
        id="rate-nan",
    ),
    pytest.param(
        lambda c: c.organisations.create_inclusive_volume(
            2**64, currency=1, rate=1, volume=1, ratezone=1
        ),
        id="org-id-over-64-bit",
    ),
    pytest.param(lambda c: c.organisations.monthly_stats("my\n"), id="org-my-with-newline"),
]


class TestRefusedBeforeSending:
    @pytest.mark.parametrize("call", BAD_CALLS)
    async def test_input_error_and_nothing_sent(
        self,
        call: Callable[[AsyncEmnify], Awaitable[Any]],
        client: AsyncEmnify,
        emnify_emulator: Emulator,
    ) -> None:
        """Each bad argument is an InputError (a ValueError) and no request leaves."""
        with pytest.raises(InputError):
            await call(client)

        assert emnify_emulator.requests == []
