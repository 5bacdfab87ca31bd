"""Tags (v2) over plain HTTP (no SDK code): the list's envelope, per-organisation tags, the
bulk calls' all-or-nothing, and what other areas leave alone."""

from __future__ import annotations

from typing import Any

from .conftest import Api, token_for

TAGS = "/api/v2/tags"
BULK = "/api/v2/bulk-operations"


async def _call(api: Api, method: str, path: str, token: str | None = None, **kw: Any) -> Any:
    headers = {"Authorization": f"Bearer {token or api.token}"}
    async with api.session.request(method, path, headers=headers, **kw) as resp:
        body = await resp.read()
        return resp.status, (await resp.json() if body else None)


async def _create(api: Api, *names: str) -> list[int]:
    ids = []
    for name in names:
        status, tag = await _call(api, "POST", TAGS, json={"name": name})
        assert status == 201
        ids.append(tag["id"])
    return ids


async def test_the_list_envelope_pages_and_clamps(api: Api) -> None:
    """`page_size` is clamped to 100, a page past the end is empty, a bad page is 400."""
    await _create(api, *(f"t{n:03}" for n in range(105)))

    status, first = await _call(api, "GET", TAGS, params={"page_size": "500"})
    _, last = await _call(api, "GET", TAGS, params={"page": "2", "page_size": "100"})
    _, past = await _call(api, "GET", TAGS, params={"page": "9", "page_size": "100"})
    _, default = await _call(api, "GET", TAGS)
    bad, _ = await _call(api, "GET", TAGS, params={"page": "x"})

    assert status == 200
    assert (first["total"], first["page"], first["page_size"], first["last_page"]) == (
        105,
        1,
        100,
        2,
    )
    assert len(first["data"]) == 100 and [t["name"] for t in last["data"]][-1] == "t104"
    assert (past["page"], past["data"]) == (9, [])
    assert default["page_size"] == 20 and len(default["data"]) == 20
    assert bad == 400


async def test_tags_belong_to_their_organisation(api: Api) -> None:
    """Another organisation sees none of them and may reuse the name."""
    (tag_id,) = await _create(api, "shared")
    other = await token_for(api, 102)

    listed = await _call(api, "GET", TAGS, other)
    created = await _call(api, "POST", TAGS, other, json={"name": "shared"})
    renamed = await _call(api, "PATCH", f"{TAGS}/{tag_id}", other, json={"name": "mine"})

    assert listed[1]["total"] == 0
    assert created[0] == 201
    assert renamed[0] == 404


async def test_bulk_calls_change_all_or_nothing(api: Api) -> None:
    """A refused add changes no endpoint; removing a tag an endpoint lacks is no error."""
    first, second = list(api.emu.state.endpoint_ids())[:2]
    red, blue = await _create(api, "red", "blue")
    store = api.emu.state.tags
    store.assign([(second, red)])

    def items(tag_id: int) -> dict[str, Any]:
        return {
            "items": [{"endpoint": {"id": e}, "tags": [{"id": tag_id}]} for e in (first, second)]
        }

    refused = await _call(api, "POST", f"{BULK}/endpoint/add-tags", json=items(red))
    added = await _call(api, "POST", f"{BULK}/endpoint/add-tags", json=items(blue))
    removed = await _call(api, "POST", f"{BULK}/endpoint/remove-tags", json=items(red))

    assert refused[0] == 409 and refused[1]["error_token"] == "Duplicated"
    assert added == (200, None) and removed == (200, None)
    assert [[t.name for t in store.of_endpoint(e)] for e in (first, second)] == [["blue"], ["blue"]]


async def test_the_v1_tags_text_is_another_field(api: Api) -> None:
    """Assigning a v2 tag leaves the endpoint object, and its `tags` text, as they were."""
    endpoint_id = next(iter(api.emu.state.endpoint_ids()))
    before = api.emu.state.endpoint(endpoint_id)
    (tag_id,) = await _create(api, "red")

    assigned = await _call(api, "POST", f"/api/v2/endpoint/{endpoint_id}/tags", json={"id": tag_id})

    assert assigned == (201, None)
    assert api.emu.state.endpoint(endpoint_id) == before
