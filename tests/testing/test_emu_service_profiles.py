"""Service profiles over HTTP: one source of truth with the endpoints that use them.

``used_count`` must always be what the endpoint list says (it is counted without deriving the
seeded endpoints), a profile created over the API is usable by endpoints, and one in use cannot
be deleted; the organisation's statistics count the profiles too.
"""

from __future__ import annotations

from .conftest import Api, token_for

PROFILES = "/api/v1/service_profile"
ENDPOINT = "/api/v1/endpoint"


async def _counts_agree(api: Api) -> dict[int, int]:
    """Each profile's used_count, after checking it against the endpoint list's total."""
    listed = await api.call("GET", PROFILES)
    assert listed.status == 200
    counts = {p["id"]: p["used_count"] for p in listed.body}
    for profile_id, used in counts.items():
        query = {"q": f"service_profile:{profile_id}", "per_page": "1"}
        endpoints = await api.call("GET", ENDPOINT, params=query)
        assert int(endpoints.headers["X-Total-Count"]) == used, profile_id
    return counts


async def test_used_count_follows_every_write(api: Api) -> None:
    """Moving, creating and deleting endpoints changes the counts, derived endpoints included."""
    before = await _counts_agree(api)
    endpoints = api.emu.state.endpoints
    profile_of = endpoints.records.reader("service_profile_id")
    seeded = next(i for i in api.emu.state.endpoint_ids() if profile_of(i) == 1)
    spare = next(i for i in api.emu.state.endpoint_ids() if endpoints.sim_of(i) is None)
    spare_profile = profile_of(spare)

    moved = await api.call("PATCH", f"{ENDPOINT}/{seeded}", json={"service_profile": {"id": 3}})
    deleted = await api.call("DELETE", f"{ENDPOINT}/{spare}")
    new = {
        "name": "counted",
        "status": {"id": 0},
        "service_profile": {"id": 2},
        "tariff_profile": {"id": 1},
    }
    made = await api.call("POST", ENDPOINT, json=new)

    assert (moved.status, deleted.status, made.status) == (204, 204, 201)
    after = await _counts_agree(api)
    expected = dict(before)
    expected[1] -= 1
    expected[3] += 1
    expected[spare_profile] -= 1
    expected[2] += 1
    assert after == expected


async def test_created_profile_is_listed_used_and_then_protected(api: Api) -> None:
    made = await api.call("POST", PROFILES, json={"name": "fleet-2030", "allowed_4g": False})
    profile_id = int(made.headers["Location"].rsplit("/", 1)[1])
    stats_before = await api.call("GET", "/api/v1/organisation/my/stats")
    endpoint = {
        "name": "on fleet-2030",
        "status": {"id": 0},
        "service_profile": {"id": profile_id},
        "tariff_profile": {"id": 1},
    }
    created = await api.call("POST", ENDPOINT, json=endpoint)
    endpoint_id = int(created.headers["Location"].rsplit("/", 1)[1])

    refused = await api.call("DELETE", f"{PROFILES}/{profile_id}")
    shown = await api.call("GET", f"{ENDPOINT}/{endpoint_id}")

    assert created.status == 201
    assert shown.body["service_profile"] == {"id": profile_id, "name": "fleet-2030"}
    assert (await _counts_agree(api))[profile_id] == 1
    assert refused.status == 409
    assert refused.body["error_token"] == "CannotBeDeleted"

    assert (await api.call("DELETE", f"{ENDPOINT}/{endpoint_id}")).status == 204
    assert (await api.call("DELETE", f"{PROFILES}/{profile_id}")).status == 204
    stats_after = await api.call("GET", "/api/v1/organisation/my/stats")
    assert stats_after.body["service_profiles"] == stats_before.body["service_profiles"] - 1
    assert (await api.call("GET", f"{PROFILES}/{profile_id}")).status == 404


async def test_profiles_are_the_organisations_own(api: Api) -> None:
    """An enterprise sees and changes only its own profiles and DNS configurations."""
    token = await token_for(api, 102)
    acme = Api(api.emu, api.session, token)

    listed = await acme.call("GET", PROFILES)
    foreign = await acme.call("PATCH", f"{PROFILES}/1", json={"name": "mine now"})
    dns = await acme.call("GET", "/api/v1/dns")

    assert [p["id"] for p in listed.body] == [21]
    assert foreign.status == 404
    assert [d["id"] for d in dns.body] == [21]
    assert api.emu.state.profiles.service_profiles[1].name == "Default Service Profile"


async def test_renaming_shows_on_cached_endpoint_pages(api: Api) -> None:
    """A profile's new name reaches endpoint pages served before (the page cache is dropped)."""
    query = {"q": "service_profile:2", "per_page": "2"}
    first = await api.call("GET", ENDPOINT, params=query)
    renamed = await api.call("PATCH", f"{PROFILES}/2", json={"name": "Meter v2"})
    again = await api.call("GET", ENDPOINT, params=query)

    assert renamed.status == 201
    assert renamed.body == {"name": "Meter v2", "service_profile_id": "2"}
    assert {e["service_profile"]["name"] for e in first.body} == {"Smart Meter"}
    assert {e["service_profile"]["name"] for e in again.body} == {"Meter v2"}
