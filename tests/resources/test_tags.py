"""Tags (v2, newer docs): `client.tags` and `client.endpoints.tags`, over real HTTP against
the emulator."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest

import emnify_sync
from emnify_async import (
    AsyncEmnify,
    ConflictError,
    InputError,
    NotFoundError,
    OutcomeUnknownError,
    UnprocessableEntityError,
)
from emnify_async.testing import Emulator

from ..conftest import FAST_RETRY

BULK = "/api/v2/bulk-operations"


@pytest.fixture
async def emu(emnify_emulator_factory: Any) -> Emulator:
    emulator: Emulator = await emnify_emulator_factory(sims=30)
    return emulator


@pytest.fixture
async def api(emu: Emulator) -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(
        emu.application_token, base_url=emu.base_url, retry=FAST_RETRY, rate_limits=False
    ) as client:
        yield client


def _sent(emu: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emu.requests if r.path != "/api/v1/authenticate"]


def _endpoints(emu: Emulator, count: int) -> list[int]:
    return list(emu.state.endpoint_ids())[:count]


def _tags_of(emu: Emulator, endpoint_id: int) -> list[str]:
    return [tag.name for tag in emu.state.tags.of_endpoint(endpoint_id)]


class TestTags:
    async def test_create_list_update_delete(self, api: AsyncEmnify, emu: Emulator) -> None:
        """A created tag is listed with its colour, renamed and recoloured, then deleted."""
        colors = [color.id for color in await api.tags.colors() if color.id is not None]
        berlin = await api.tags.create(name="berlin", color=colors[3])
        munich = await api.tags.create(name="munich")

        await api.tags.update(berlin.id, name="Berlin", color=colors[0])
        listed = await api.tags.list()
        found = await api.tags.list(name="BER")
        await api.tags.delete(munich.id)

        assert berlin.name == "berlin" and berlin.tag_color is not None
        assert berlin.tag_color.id == colors[3]
        assert munich.tag_color is not None and munich.tag_color.id in colors
        assert [(t.name, t.resource_count) for t in listed] == [("Berlin", 0), ("munich", 0)]
        assert listed[0].tag_color is not None and listed[0].tag_color.id == colors[0]
        assert [t.id for t in found] == [berlin.id]
        assert [t.name for t in emu.state.tags.of_org(emu.state.org_id)] == ["Berlin"]

    async def test_the_list_pages_through_its_own_envelope(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """`page`/`page_size` and `{total, page, page_size, last_page, data}`: every tag once."""
        for number in range(5):
            await api.tags.create(name=f"t{number}")
        emu.requests.clear()

        pager = api.tags.list(per_page=2)
        listed = await pager
        asked = sorted(
            (r.query["page"], r.query["page_size"])
            for r in emu.requests
            if r.path == "/api/v2/tags"
        )

        assert [t.name for t in listed] == [f"t{n}" for n in range(5)]
        assert pager.total_count == 5 and pager.total_pages == 3
        assert asked == [("1", "2"), ("2", "2"), ("3", "2")]

    async def test_a_taken_name_is_a_conflict(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Names are unique in the organisation, ignoring case (409 1405 Duplicated)."""
        await api.tags.create(name="berlin")

        with pytest.raises(ConflictError) as caught:
            await api.tags.create(name="BERLIN")

        assert (caught.value.error_code, caught.value.error_token) == (1405, "Duplicated")
        assert len(emu.state.tags.of_org(emu.state.org_id)) == 1

    async def test_bad_input_is_sent_nowhere(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Blank names, empty updates, bad ids and page sizes are refused before sending."""
        attempts: list[Any] = [
            lambda: api.tags.create(name=" "),
            lambda: api.tags.create(name="x", color=0),
            lambda: api.tags.update(1),
            lambda: api.tags.update(0, name="x"),
            lambda: api.tags.delete(-1),
            lambda: api.tags.delete_many([]),
            lambda: api.tags.delete_many([1, "2"]),  # type: ignore[list-item]
            lambda: api.tags.colors(refresh=1),  # type: ignore[arg-type]
            lambda: api.tags.list(per_page=0).to_list(),
            lambda: api.tags.list(name="").to_list(),
            lambda: api.endpoints.tags.assign(1, 0),
            lambda: api.endpoints.tags.unassign(0, 1),
            lambda: api.endpoints.tags.assign_many([1], []),
            lambda: api.endpoints.tags.unassign_many("12", [1]),  # type: ignore[arg-type]
        ]
        for attempt in attempts:
            with pytest.raises(InputError):
                await attempt()

        assert emu.requests == []

    async def test_colours_are_cached_until_refresh(self, api: AsyncEmnify, emu: Emulator) -> None:
        """The colour lookup is fetched once per client; `refresh=True` fetches it again."""
        first = await api.tags.colors()
        again = await api.tags.colors()
        refreshed = await api.tags.colors(refresh=True)

        assert first == again == refreshed and first[0].hex_color is not None
        assert _sent(emu) == [("GET", "/api/v2/tag-colors")] * 2

    async def test_unknown_tag_is_not_found(self, api: AsyncEmnify) -> None:
        with pytest.raises(NotFoundError):
            await api.tags.update(987_654, name="x")
        with pytest.raises(NotFoundError):
            await api.tags.delete(987_654)


class TestDeleteMany:
    async def test_deletes_and_unassigns(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Deleting tags takes them off every endpoint too."""
        (endpoint,) = _endpoints(emu, 1)
        tags = [await api.tags.create(name=name) for name in ("a", "b", "c")]
        await api.endpoints.tags.assign(endpoint, tags[0].id)

        result = await api.tags.delete_many([tags[0].id, tags[1].id, tags[0].id])

        assert result.ok and result.succeeded == [tags[0].id, tags[1].id]
        assert [t.name for t in await api.tags.list()] == ["c"]
        assert await api.endpoints.tags.list(endpoint) == []

    async def test_a_refused_request_deletes_nothing(self, api: AsyncEmnify, emu: Emulator) -> None:
        """An unknown tag refuses the request (422): the others are reported failed, as they
        are still there; the unknown one is absent, as asked."""
        kept = await api.tags.create(name="kept")

        result = await api.tags.delete_many([kept.id, 987_654])

        assert [item.outcome for item in result.items] == ["failed", "done"]
        assert isinstance(result.items[0].error, UnprocessableEntityError)
        assert [t.name for t in await api.tags.list()] == ["kept"]

    async def test_a_lost_answer_is_read_back(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Deleted, but the answer was a 502 and the repeat found the tags gone (422): done."""
        tags = [await api.tags.create(name=name) for name in ("a", "b")]
        emu.inject("POST", f"{BULK}/tag/delete-tags", status=502, action="replace")

        result = await api.tags.delete_many([t.id for t in tags])

        assert [item.outcome for item in result.items] == ["done", "done"]
        assert await api.tags.list() == []
        assert [m for m, p in _sent(emu) if p.endswith("delete-tags")] == ["POST", "POST"]


class TestEndpointTags:
    async def test_assign_list_unassign(self, api: AsyncEmnify, emu: Emulator) -> None:
        """An endpoint's tags are listed with their counts; the v1 `tags` text stays as it was."""
        first, second = _endpoints(emu, 2)
        before = (await api.endpoints.get(first)).tags
        red = await api.tags.create(name="red")
        blue = await api.tags.create(name="blue")

        await api.endpoints.tags.assign(first, red.id)
        await api.endpoints.tags.assign(first, blue.id)
        await api.endpoints.tags.assign(second, red.id)
        listed = await api.endpoints.tags.list(first)
        await api.endpoints.tags.unassign(first, red.id)

        assert [(t.name, t.resource_count) for t in listed] == [("red", 2), ("blue", 1)]
        assert _tags_of(emu, first) == ["blue"] and _tags_of(emu, second) == ["red"]
        assert (await api.endpoints.get(first)).tags == before

    async def test_assigning_twice_is_a_conflict(self, api: AsyncEmnify, emu: Emulator) -> None:
        (endpoint,) = _endpoints(emu, 1)
        red = await api.tags.create(name="red")
        await api.endpoints.tags.assign(endpoint, red.id)

        with pytest.raises(ConflictError) as caught:
            await api.endpoints.tags.assign(endpoint, red.id)

        assert caught.value.error_token == "Duplicated"
        assert [m for m, p in _sent(emu) if p.startswith("/api/v2/endpoint/")].count("POST") == 2

    async def test_errors(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Unknown tags and endpoints, and a tag the endpoint lacks."""
        (endpoint,) = _endpoints(emu, 1)
        red = await api.tags.create(name="red")

        with pytest.raises(UnprocessableEntityError) as unknown_tag:
            await api.endpoints.tags.assign(endpoint, 987_654)
        with pytest.raises(NotFoundError):
            await api.endpoints.tags.unassign(endpoint, red.id)
        with pytest.raises(NotFoundError) as unknown_endpoint:
            await api.endpoints.tags.list(987_654)

        assert unknown_tag.value.error_code == 1401
        assert unknown_endpoint.value.error_token == "InvalidReference"

    async def test_a_deleted_endpoint_loses_its_tags(self, api: AsyncEmnify, emu: Emulator) -> None:
        endpoints = emu.state.endpoints
        spare = next(i for i in emu.state.endpoint_ids() if endpoints.sim_of(i) is None)
        red = await api.tags.create(name="red")
        await api.endpoints.tags.assign(spare, red.id)

        await api.endpoints.delete(spare)

        assert [t.resource_count for t in await api.tags.list()] == [0]


class TestAssignMany:
    async def test_assign_and_unassign_many(self, api: AsyncEmnify, emu: Emulator) -> None:
        """One request each; the body names every endpoint once with every tag, in order."""
        ids = _endpoints(emu, 3)
        red = await api.tags.create(name="red")
        blue = await api.tags.create(name="blue")
        emu.requests.clear()

        added = await api.endpoints.tags.assign_many([*ids, ids[0]], [blue.id, red.id, blue.id])
        removed = await api.endpoints.tags.unassign_many(ids[:2], [red.id])
        (sent, _) = [json.loads(r.body) for r in emu.requests if r.path.startswith(BULK)]

        assert added.ok and added.succeeded == ids
        assert removed.ok and removed.succeeded == ids[:2]
        assert [_tags_of(emu, i) for i in ids] == [["blue"], ["blue"], ["blue", "red"]]
        assert sent["items"][0] == {
            "endpoint": {"id": ids[0]},
            "tags": [{"id": blue.id}, {"id": red.id}],
        }
        assert len(sent["items"]) == 3

    async def test_a_refused_request_reports_each_endpoint_truly(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """One endpoint has the tag already: the API refuses all (409). That endpoint has it,
        so it is done; the others are failed and unchanged."""
        ids = _endpoints(emu, 3)
        red = await api.tags.create(name="red")
        await api.endpoints.tags.assign(ids[1], red.id)

        result = await api.endpoints.tags.assign_many(ids, [red.id])

        assert [item.outcome for item in result.items] == ["failed", "done", "failed"]
        assert isinstance(result.items[0].error, ConflictError)
        assert [_tags_of(emu, i) for i in ids] == [[], ["red"], []]

    async def test_a_lost_answer_is_read_back(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Applied, but answered 502; the repeat is refused (409, assigned): every endpoint
        has the tag, so every one is done."""
        ids = _endpoints(emu, 2)
        red = await api.tags.create(name="red")
        emu.inject("POST", f"{BULK}/endpoint/add-tags", status=502, action="replace")

        result = await api.endpoints.tags.assign_many(ids, [red.id])

        assert [item.outcome for item in result.items] == ["done", "done"]
        assert [_tags_of(emu, i) for i in ids] == [["red"], ["red"]]

    async def test_unknown_when_nothing_can_be_read(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Every answer lost and the endpoints unreadable: nobody can tell, so `unknown`."""
        ids = _endpoints(emu, 2)
        red = await api.tags.create(name="red")
        emu.inject("POST", f"{BULK}/endpoint/remove-tags", status=502, action="replace", times=9)
        emu.inject("GET", re.compile(r"/api/v2/endpoint/\d+/tags"), status=503, times=99)

        result = await api.endpoints.tags.unassign_many(ids, [red.id])

        assert [item.outcome for item in result.items] == ["unknown", "unknown"]
        assert all(isinstance(item.error, OutcomeUnknownError) for item in result.items)


class TestSync:
    def test_the_blocking_facade(self, threaded_emulator: Emulator) -> None:
        """`emnify_sync.Emnify` has both areas, the nested `endpoints.tags` included."""
        (endpoint,) = _endpoints(threaded_emulator, 1)
        with emnify_sync.Emnify(
            threaded_emulator.application_token, base_url=threaded_emulator.base_url
        ) as client:
            red = client.tags.create(name="red")
            result = client.endpoints.tags.assign_many([endpoint], [red.id])
            listed = client.endpoints.tags.list(endpoint).to_list()
            tags = client.tags.list().to_list()

        assert result.ok
        assert [t.name for t in listed] == ["red"]
        assert [(t.name, t.resource_count) for t in tags] == [("red", 1)]
