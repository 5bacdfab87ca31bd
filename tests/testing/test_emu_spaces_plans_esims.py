"""IP address spaces, tariff plans and eSIM installation codes over plain HTTP (no SDK code)."""

from __future__ import annotations

import json

from emnify_async.testing import ManualClock
from emnify_async.testing._catalog import ACTIVATED, ESIM_MODEL
from emnify_async.testing.pytest_plugin import EmulatorFactory

from .conftest import Api, connect, token_for

SPACES = "/api/v1/ip_address_space"


async def test_a_taken_space_serves_endpoints_and_is_released_once_empty(api: Api) -> None:
    """103 has no space (creating an endpoint is 404 Unavailable); after taking a free one its
    endpoints get addresses there, and it can be released only once they moved away."""
    headers = {"Authorization": f"Bearer {await token_for(api, 103)}"}

    async def call(method: str, path: str, **kwargs: object) -> tuple[int, object]:
        async with api.session.request(method, path, headers=headers, **kwargs) as resp:  # type: ignore[arg-type]
            return resp.status, await resp.json(content_type=None)

    endpoint = {
        "name": "meter",
        "status": {"id": 0},
        "service_profile": {"id": 31},
        "tariff_profile": {"id": 12},
    }
    assert (await call("POST", "/api/v1/endpoint", json=endpoint))[0] == 404
    status, offered = await call("GET", f"{SPACES}/available")
    assert status == 200 and len(offered) == 10  # type: ignore[arg-type]
    space = offered[0]  # type: ignore[index]
    assert (await call("PUT", f"{SPACES}/{space['id']}"))[0] == 204
    taken_again = await call("PUT", f"{SPACES}/{space['id']}")
    assert taken_again == (
        409,
        {
            "error_code": 1405,
            "error_token": "Duplicated",
            "message": f"IP Address Space with Id '{space['id']}' already assigned.",
        },
    )

    async with api.session.post("/api/v1/endpoint", json=endpoint, headers=headers) as resp:
        assert resp.status == 201
        endpoint_id = int(resp.headers["Location"].rsplit("/", 1)[1])
    created = api.emu.state.endpoint(endpoint_id)
    assert created is not None and created["ip_address_space"] == {"id": space["id"]}
    status, listed = await call("GET", SPACES)
    assert listed == [{**space, "used_count": 1, "available_count": 16381}]

    assert (await call("DELETE", f"{SPACES}/{space['id']}"))[0] == 409
    assert (await call("DELETE", f"/api/v1/endpoint/{endpoint_id}"))[0] == 204
    assert (await call("DELETE", f"{SPACES}/{space['id']}"))[0] == 204
    assert (await call("GET", SPACES)) == (200, [])
    assert (await call("DELETE", f"{SPACES}/{space['id']}"))[0] == 404


async def test_available_spaces_are_unassigned_and_differ_between_calls(api: Api) -> None:
    """Ten random free spaces of the asked version, another sample each time; 4 by default."""
    first = (await api.call("GET", f"{SPACES}/available")).body
    second = (await api.call("GET", f"{SPACES}/available")).body
    v6 = (await api.call("GET", f"{SPACES}/available", params={"ip_address_version": 6})).body
    spaces = api.emu.state.profiles.ip_spaces

    assert first != second
    assert {s["ip_address_version"] for s in first + second} == {4}
    assert {s["ip_address_version"] for s in v6} == {6} and len(v6) == 10
    assert all(spaces[s["id"]].org_id is None for s in first + second + v6)
    bad = await api.call("GET", f"{SPACES}/available", params={"ip_address_version": 5})
    assert bad.status == 400


async def test_plans_history_and_the_active_plans_price(api: Api) -> None:
    """The history lists every plan, the active one priced by the scale the activated SIMs
    reach (volume pricing); an organisation without an active plan is 404."""
    history = (await api.call("GET", "/api/v1/organisation/my/tariff_plan")).body
    active = (await api.call("GET", "/api/v1/organisation/my/tariff_plan/active")).body
    activated = api.emu.state.sim_counts(101)[ACTIVATED]

    assert [(p["id"], p["tariff_plan"]["name"], p["active"]) for p in history] == [
        (9001, "Evaluation", False),
        (9002, "Professional", True),
    ]
    assert (active["id"], active["sim_activated_amount"]) == (9002, activated)
    assert active["applied_price"] == {
        "sim_activated_rate": [{"scale_start": 100, "rate": 0.6, "volume": activated}]
    }
    assert (await api.call("GET", "/api/v1/organisation/104/tariff_plan/active")).status == 404
    assert (await api.call("GET", "/api/v1/organisation/999/tariff_plan")).status == 404


async def test_an_evaluation_plan_starts_this_month(
    emnify_emulator_factory: EmulatorFactory,
) -> None:
    """103's evaluation started on the first of the emulator's current month (its clock)."""
    emu = await emnify_emulator_factory(sims=10, clock=ManualClock("2031-07-15T10:00:00Z"))
    api = await connect(emu)
    async with api.session:
        plans = (await api.call("GET", "/api/v1/organisation/103/tariff_plan")).body
    assert [(p["start_date"], p["price_model"]) for p in plans] == [
        ("2031-07-01T00:00:00.000Z", "fixed")
    ]


async def test_installation_codes_of_esims_only(api: Api) -> None:
    """An eSIM's code in the form the Accept header asks for (SVG by default), the same each
    time; a physical SIM's is 404; an unknown media type 415; another organisation's SIM 404."""
    table = api.emu.state.table
    esim = next(i for i in api.emu.state.sim_ids() if table.model[i - 1] == ESIM_MODEL)
    physical = next(i for i in api.emu.state.sim_ids() if table.model[i - 1] != ESIM_MODEL)

    async def get(sim_id: int, accept: str | None) -> tuple[int, str, str]:
        headers = {**api.auth, **({"Accept": accept} if accept else {})}
        path = f"/api/v1/sim/{sim_id}/installation_code"
        async with api.session.get(path, headers=headers, skip_auto_headers=["Accept"]) as resp:
            return resp.status, resp.content_type, await resp.text()

    status, kind, raw = await get(esim, "application/json")
    code = json.loads(raw)
    assert (status, kind) == (200, "application/json")
    assert code["iccid"] == api.emu.state.sim(esim)["iccid"]  # type: ignore[index]
    assert code["payload"].startswith("LPA:1$smdp.emulator.invalid$")
    assert await get(esim, "application/text") == (200, "application/text", code["payload"])
    for accept in (None, "*/*", "image/svg+xml", "text/html;q=0.9, image/*"):
        status, kind, raw = await get(esim, accept)
        assert (status, kind) == (200, "image/svg+xml") and raw.startswith("<svg"), accept
    assert json.loads((await get(esim, "application/json"))[2]) == code
    assert (await get(esim, "text/html"))[0] == 415
    assert (await get(esim, "application/json;q=0"))[0] == 415
    assert (await get(physical, "application/json"))[0] == 404
    foreign = max(api.emu.state.sim_ids(999))
    assert (await get(foreign, "application/json"))[0] == 404
