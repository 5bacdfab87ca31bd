"""Tariff profiles over plain HTTP (no SDK code): their state agrees with endpoints and billing."""

from __future__ import annotations

import pytest

from emnify_async.testing._device_data import DERIVED_COUNTS, DERIVED_FIELDS

from .conftest import Api, token_for

PROFILES = "/api/v1/tariff_profile"


async def _profile(api: Api, profile_id: int) -> dict[str, object]:
    answer = await api.call("GET", f"{PROFILES}/{profile_id}")
    assert answer.status == 200, answer.body
    body: dict[str, object] = answer.body
    return body


async def _countries(api: Api, profile_id: int) -> dict[str, int]:
    answer = await api.call("GET", f"{PROFILES}/{profile_id}/coverage")
    assert answer.status == 200
    return {item["country"]["name"]: item["redundancy_count"] for item in answer.body}


@pytest.mark.parametrize("field", sorted(DERIVED_COUNTS))
@pytest.mark.parametrize("seeded", [0, 1, 2, 3, 10, 167])
def test_derived_counts_are_what_deriving_every_endpoint_gives(field: str, seeded: int) -> None:
    """The closed forms behind `used_count` agree with the fields they count."""
    values = [DERIVED_FIELDS[field](0, i) for i in range(1, seeded + 1)]
    for value in {*values, 0, 1, 2, 3}:
        assert DERIVED_COUNTS[field](seeded, value) == values.count(value), (field, value)


async def test_used_count_follows_the_endpoints(api: Api) -> None:
    """`used_count` is the number of endpoints with the profile; in use it cannot be deleted,
    once the last endpoint moved away it can, and then it is no reference any more."""
    state = api.emu.state

    def on(profile_id: int) -> list[int]:
        return [
            i
            for i in state.endpoint_ids()
            if getattr(state.endpoints.get(i), "tariff_profile_id", None) == profile_id
        ]

    listed = {p["id"]: p["used_count"] for p in (await api.call("GET", PROFILES)).body}
    assert listed == {1: str(len(on(1))), 2: str(len(on(2)))}
    refused = await api.call("DELETE", f"{PROFILES}/1")
    assert (refused.status, refused.body["error_token"]) == (409, "CannotBeDeleted")

    created = await api.call("POST", PROFILES, json={"name": "Spare", "tariff": {"id": 54}})
    new_id = int(created.headers["Location"].rsplit("/", 1)[1])
    endpoint = next(i for i in on(1) if state.endpoints.sim_of(i) is None)  # deletable
    moved = {"tariff_profile": {"id": new_id}}
    assert (await api.call("PATCH", f"/api/v1/endpoint/{endpoint}", json=moved)).status == 204
    assert (await _profile(api, new_id))["used_count"] == "1"
    assert (await _profile(api, 1))["used_count"] == str(len(on(1)))
    assert (await api.call("DELETE", f"{PROFILES}/{new_id}")).status == 409

    assert (await api.call("DELETE", f"/api/v1/endpoint/{endpoint}")).status == 204
    assert (await _profile(api, new_id))["used_count"] == "0"
    assert (await api.call("DELETE", f"{PROFILES}/{new_id}")).status == 204
    assert (await api.call("GET", f"{PROFILES}/{new_id}")).status == 404
    new_endpoint = {
        "name": "x",
        "status": {"id": 0},
        "service_profile": {"id": 1},
        "tariff_profile": {"id": new_id},
    }
    assert (await api.call("POST", "/api/v1/endpoint", json=new_endpoint)).status == 422


async def test_a_new_profile_covers_what_its_selected_ratezones_cover(api: Api) -> None:
    """Created with none selected; coverage is the countries of the selected active ratezones."""
    created = await api.call(
        "POST", PROFILES, json={"name": "Pick", "description": None, "tariff": {"id": 54}}
    )
    assert created.status == 201
    new_id = int(created.headers["Location"].rsplit("/", 1)[1])
    assert await _countries(api, new_id) == {}

    assert (await api.call("PUT", f"{PROFILES}/{new_id}/ratezone_selection/2")).status == 204
    assert await _countries(api, new_id) == {"Afghanistan": 3, "Albania": 1}
    again = await api.call("PUT", f"{PROFILES}/{new_id}/ratezone_selection/2")
    assert (again.status, again.body["error_token"]) == (409, "Duplicated")
    inactive = await api.call("PUT", f"{PROFILES}/{new_id}/ratezone_selection/3")
    assert (inactive.status, inactive.body["error_token"]) == (422, "NotAllowed")
    other_tariff = await api.call("PUT", f"{PROFILES}/{new_id}/ratezone_selection/11")
    assert other_tariff.status == 404

    assert (await api.call("DELETE", f"{PROFILES}/{new_id}/ratezone_selection/2")).status == 204
    assert await _countries(api, new_id) == {}
    assert (await api.call("DELETE", f"{PROFILES}/{new_id}/ratezone_selection/2")).status == 404


async def test_changing_the_tariff_drops_selections_and_volume(api: Api) -> None:
    """PATCH with another tariff removes the ratezone selections (documented) and the volume
    of the old tariff; only the organisation's own tariffs can be chosen."""
    headers = {"Authorization": f"Bearer {await token_for(api, 105)}"}
    async with api.session.post(
        PROFILES, json={"name": "R", "tariff": {"id": 1}}, headers=headers
    ) as resp:
        assert resp.status == 201
        new_id = int(resp.headers["Location"].rsplit("/", 1)[1])
    async with api.session.put(
        f"{PROFILES}/{new_id}/ratezone_selection/11", headers=headers
    ) as resp:
        assert resp.status == 204
    async with api.session.patch(
        f"{PROFILES}/{new_id}", json={"tariff": {"id": 2}}, headers=headers
    ) as resp:
        assert resp.status == 204
    profile = api.emu.state.billing.profile(105, new_id)
    assert profile is not None and (profile.tariff_id, profile.ratezones) == (2, set())
    async with api.session.patch(
        f"{PROFILES}/{new_id}", json={"tariff": {"id": 3}}, headers=headers
    ) as resp:
        body = await resp.json()
    assert resp.status == 422 and body["errors"][0]["error_token"] == "InvalidReference"


async def test_inclusive_volume_rules(api: Api) -> None:
    """The volume must be the organisation's, unexpired and of the profile's tariff; one per
    profile; it shows in the profile until it is unassigned."""
    headers = {"Authorization": f"Bearer {await token_for(api, 102)}"}

    async def call(method: str, path: str) -> tuple[int, object]:
        async with api.session.request(method, path, headers=headers) as resp:
            return resp.status, await resp.json(content_type=None)

    assert (await call("PUT", f"{PROFILES}/11/inclusive_volume/503"))[0] == 409  # 501 is there
    assert (await call("DELETE", f"{PROFILES}/11/inclusive_volume/503"))[0] == 400
    assert (await call("DELETE", f"{PROFILES}/11/inclusive_volume/501"))[0] == 204
    status, profile = await call("GET", f"{PROFILES}/11")
    assert status == 200 and "inclusive_volume" not in profile  # type: ignore[operator]
    assert (await call("PUT", f"{PROFILES}/11/inclusive_volume/502"))[0] == 404  # 104's
    api.emu.state.billing.volumes[501].expired = True
    assert (await call("PUT", f"{PROFILES}/11/inclusive_volume/501"))[0] == 400
    assert (await call("PUT", f"{PROFILES}/11/inclusive_volume/503"))[0] == 204
    status, profile = await call("GET", f"{PROFILES}/11")
    assert profile["inclusive_volume"]["ratezone"] == {"id": 12, "name": "Global Zone 2"}  # type: ignore[index]


async def test_an_organisation_tariff_change_moves_the_profiles(api: Api) -> None:
    """After PATCH /organisation/{id}/tariff the profiles are on the new tariff with all its
    ratezones selected, and without their volume (it expired)."""
    async with api.patch("/api/v1/organisation/102/tariff", json={"id": 2}) as resp:
        assert resp.status == 200
    profile = api.emu.state.billing.profile(102, 11)
    assert profile is not None
    assert (profile.tariff_id, profile.ratezones, profile.volume_id) == (2, {21, 22}, None)
