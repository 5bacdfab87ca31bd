"""An answer counts only when it is what the operation documents (issue: nothing lost).

Blank or garbled 200s, JSON of the wrong kind and 3xx answers are errors, retried where the
request is safe to repeat, and never an empty page, a short listing or a write's success.
"""

from __future__ import annotations

from typing import Any

import pytest

from emnify_async import (
    APIRedirectError,
    APIResponseValidationError,
    AsyncEmnify,
    SimStatusId,
)
from emnify_async.testing import Emulator

SIMS = "/api/v1/sim"
BLANK = b""
HTML = "<html><body><h1>200 OK</h1>maintenance</body></html>"


def _status(emulator: Emulator, sim_id: int) -> int:
    sim = emulator.state.sim(sim_id)
    assert sim is not None
    status: int = sim["status"]["id"]
    return status


def _activated(emulator: Emulator, count: int) -> list[int]:
    ids = [i for i in emulator.state.sim_ids() if _status(emulator, i) == SimStatusId.ACTIVATED]
    assert len(ids) >= count
    return ids[:count]


def _all_ids(emulator: Emulator) -> list[int]:
    return list(emulator.state.sim_ids())


class TestListPages:
    @pytest.mark.parametrize(
        "body", [BLANK, HTML, {"ok": True}, "null"], ids=["blank", "html", "object", "null"]
    )
    async def test_bad_first_page_is_fetched_again(
        self, body: Any, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A blank or garbled first page is not an empty listing: it is fetched again."""
        emnify_emulator.inject("GET", SIMS, status=200, body=body)

        ids = [sim.id async for sim in client.sims.list(per_page=50)]

        assert ids == _all_ids(emnify_emulator)

    async def test_blank_page_mid_listing_is_fetched_again(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A blank 200 for page 2 does not drop that page's 50 SIMs."""
        ids: list[int] = []
        async for page in client.sims.list(per_page=50).iter_pages():
            if page.page == 1:
                emnify_emulator.inject("GET", SIMS, status=200, body=BLANK)
            ids.extend(sim.id for sim in page.items)

        assert ids == _all_ids(emnify_emulator)

    async def test_blank_raw_page_is_fetched_again(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """Raw pages are checked the same way as typed ones."""
        ids: list[int] = []
        async for rows in client.sims.list(per_page=50).iter_raw_pages():
            if not ids:
                emnify_emulator.inject("GET", SIMS, status=200, body=BLANK)
            ids.extend(row["id"] for row in rows)

        assert ids == _all_ids(emnify_emulator)

    async def test_page_short_of_its_headers_is_fetched_again(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A page holding fewer items than its own headers announce is not accepted."""
        emnify_emulator.inject(
            "GET",
            SIMS,
            status=200,
            body=[{"id": 1}],
            headers={"X-Current-Page": "1", "X-Total-Pages": "5", "X-Total-Count": "250"},
        )

        ids = [sim.id async for sim in client.sims.list(per_page=50)]

        assert ids == _all_ids(emnify_emulator)

    async def test_persistent_blank_page_raises(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """If the blank page stays blank, the listing raises instead of ending early."""
        emnify_emulator.inject("GET", SIMS, status=200, body=BLANK, times=10)

        with pytest.raises(APIResponseValidationError, match="empty body"):
            await client.sims.list(per_page=50).to_list()

    async def test_redirect_on_a_list_is_retried_never_followed(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A 302 is neither an empty listing nor followed (the token must not travel)."""
        elsewhere = {"Location": "http://127.0.0.1:9/steal"}
        emnify_emulator.inject("GET", SIMS, status=302, headers=elsewhere)

        ids = [sim.id async for sim in client.sims.list(per_page=50)]

        assert ids == _all_ids(emnify_emulator)

    async def test_persistent_redirect_raises(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A redirect that stays is raised as APIRedirectError with its Location."""
        emnify_emulator.inject("GET", SIMS, status=302, headers={"Location": "/x"}, times=10)

        with pytest.raises(APIRedirectError) as caught:
            await client.sims.list().to_list()

        assert (caught.value.status, caught.value.location) == (302, "/x")

    async def test_blank_200_is_not_an_object(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A blank 200 where one SIM is documented is retried, then raised."""
        emnify_emulator.inject("GET", f"{SIMS}/5", status=200, body=BLANK, times=10)

        with pytest.raises(APIResponseValidationError):
            await client.sims.get(5)


class TestWrites:
    @pytest.mark.parametrize(
        ("status", "body", "error"),
        [
            (200, BLANK, APIResponseValidationError),
            (200, HTML, APIResponseValidationError),
            (307, BLANK, APIRedirectError),
        ],
        ids=["blank-200", "html-200", "307"],
    )
    async def test_undocumented_answer_to_a_write_is_not_success(
        self,
        status: int,
        body: bytes | str,
        error: type[Exception],
        client: AsyncEmnify,
        emnify_emulator: Emulator,
    ) -> None:
        """PATCH documents 204: a blank 200, an HTML 200 or a 307 is an error, not a success."""
        (sim_id,) = _activated(emnify_emulator, 1)
        emnify_emulator.inject("PATCH", f"{SIMS}/{sim_id}", status=status, body=body, times=10)

        with pytest.raises(error):
            await client.sims.suspend(sim_id)

        assert _status(emnify_emulator, sim_id) == SimStatusId.ACTIVATED

    async def test_blank_200_to_a_delete_is_not_success(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """DELETE documents 204: the SIM is not reported deleted when it still exists."""
        state = emnify_emulator.state
        sim_id = next(i for i in state.sim_ids() if not (state.sim(i) or {}).get("endpoint"))
        emnify_emulator.inject("DELETE", f"{SIMS}/{sim_id}", status=200, body=BLANK, times=10)

        with pytest.raises(APIResponseValidationError):
            await client.sims.delete(sim_id)

        assert emnify_emulator.state.sim(sim_id) is not None

    async def test_created_without_location_is_not_success(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A create answered 200 (or 201 without the new id) is an error, and not repeated."""
        emnify_emulator.inject("POST", "/api/v1/tariff", status=201, body=BLANK)

        with pytest.raises(APIResponseValidationError, match="Location"):
            await client.tariffs.create(name="no-location", currency=1)

        posts = [r for r in emnify_emulator.requests if r.method == "POST" and "tariff" in r.path]
        assert len(posts) == 1


class TestBulkTruth:
    async def test_bulk_never_reports_an_unapplied_change_as_done(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A blank 200 that never reached the server makes its id failed, not done."""
        ids = _activated(emnify_emulator, 4)
        emnify_emulator.inject("PATCH", f"{SIMS}/{ids[1]}", status=200, body=BLANK, times=10)

        result = await client.sims.bulk_suspend(ids)

        assert result.succeeded == [ids[0], ids[2], ids[3]]
        assert [item.id for item in result.failed] == [ids[1]]
        assert _status(emnify_emulator, ids[1]) == SimStatusId.ACTIVATED

    @pytest.mark.parametrize("action", ["replace", "reset_after"])
    async def test_change_applied_but_answer_lost_is_done(
        self, action: Any, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """The server applied the PATCH, the answer was a 502 or a reset: the id is done."""
        ids = _activated(emnify_emulator, 3)
        emnify_emulator.inject(
            "PATCH", f"{SIMS}/{ids[0]}", status=502, body=HTML, action=action, times=10
        )

        result = await client.sims.bulk_suspend(ids)

        assert result.ok
        assert [item.outcome for item in result.items] == ["done"] * 3
        assert all(_status(emnify_emulator, i) == SimStatusId.SUSPENDED for i in ids)

    async def test_unverifiable_outcome_is_unknown_not_failed(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """When the change's answer is lost and reading back fails too, nobody can tell."""
        (sim_id,) = _activated(emnify_emulator, 1)
        path = f"{SIMS}/{sim_id}"
        emnify_emulator.inject("PATCH", path, status=502, body=HTML, action="replace", times=10)
        emnify_emulator.inject("GET", path, status=503, times=10)

        result = await client.sims.bulk_suspend([sim_id])

        (item,) = result.items
        assert item.outcome == "unknown"
        assert result.unknown == [item]
        assert result.failed == []
        assert not result.ok


class TestFieldsOfTheWrongKind:
    async def test_object_for_a_text_field_is_retried_then_named(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """`iccid` as an object is not turned into the text of a dict: the answer is fetched
        again, and if it stays wrong the error names the model, the field and the value."""
        garbled = {"id": 5, "iccid": {"value": "898"}}
        emnify_emulator.inject("GET", f"{SIMS}/5", status=200, body=garbled)

        assert (await client.sims.get(5)).iccid == emnify_emulator.state.sim(5)["iccid"]  # type: ignore[index]

        emnify_emulator.inject("GET", f"{SIMS}/5", status=200, body=garbled, times=10)
        with pytest.raises(APIResponseValidationError) as caught:
            await client.sims.get(5)

        assert (caught.value.model, caught.value.field) == ("Sim", "iccid")
        assert "{'value': '898'}" in str(caught.value)

    async def test_registration_of_the_wrong_shape_is_not_an_empty_batch(
        self, client: AsyncEmnify, emnify_emulator: Emulator
    ) -> None:
        """A registration answer without its `sim` list is an error, never `[]`."""
        bic = "ABCDEFGHIJ123456"
        path = f"/api/v1/sim_batch/bic/{bic}"
        emnify_emulator.inject("PATCH", path, status=200, body={"sims": []}, times=10)

        with pytest.raises(APIResponseValidationError) as caught:
            await client.sim_batches.register(bic, status=SimStatusId.ISSUED)

        assert (caught.value.model, caught.value.field) == ("SimBatchRegistration", "sim")
