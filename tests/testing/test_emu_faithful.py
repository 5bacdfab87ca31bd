"""The differences from emnify's recorded answers that the issue "The emulator, as faithful as
a recording" lists, each pinned (the recorded shapes themselves are in
``tests/recorded/issue_answers.json`` and checked by ``test_conformance.py``)."""

from __future__ import annotations

from emnify_async.testing import Emulator
from tests.testing.conftest import Api

CONTENT_TYPE = "application/json; charset=UTF-8"


async def test_sims_name_their_organisations_as_recorded(api: Api) -> None:
    """Difference 2: nested organisations carry country {id, name}; no seeded SIM has a
    reseller, and every assigned SIM names its customer."""
    answer = await api.call("GET", "/api/v1/sim", params={"per_page": "250"})
    assert answer.status == 200 and len(answer.body) == 250
    for sim in answer.body:
        assert "reseller_org" not in sim
        for key in ("customer_org", "issuer_org"):
            assert set(sim[key]) == {"id", "name", "country"}
            assert set(sim[key]["country"]) == {"id", "name"}


async def test_events_as_recorded(api: Api) -> None:
    """Difference 3: event_source {id, description}, severities "Info", "Warn", "Critical",
    and the organisation, SIM and IMSI objects."""
    answer = await api.call("GET", "/api/v1/event", params={"per_page": "200"})
    severities = {
        e["event_severity"]["id"]: e["event_severity"]["description"] for e in answer.body
    }
    assert severities == {0: "Info", 1: "Warn"}  # the seeded events have no critical one
    sources = {e["event_source"]["id"]: e["event_source"] for e in answer.body}
    assert sources[0] == {"id": 0, "description": "Network"}
    assert sources[2] == {"id": 2, "description": "API"}
    for event in answer.body:
        assert set(event["organisation"]) == {"id", "name"}
        assert set(event["sim"]) == {"id", "iccid", "production_date"}
        assert set(event["imsi"]) == {"id", "imsi", "import_date"}


async def test_list_and_answer_headers_as_recorded(api: Api) -> None:
    """Difference 4: the SIM list without sort or q; emnify's content type on every answer,
    on 204 and on an empty 422."""
    answer = await api.call("GET", "/api/v1/sim", params={"per_page": "2500"})
    assert answer.headers["X-Sort"] == "id"
    assert "Link" not in answer.headers and "X-Filter" not in answer.headers
    assert answer.headers["Content-Type"] == CONTENT_TYPE
    filtered = await api.call("GET", "/api/v1/sim", params={"q": "status:1", "per_page": "10"})
    assert filtered.headers["X-Filter"] == "status:1" and "Link" in filtered.headers
    patched = await api.call("PATCH", "/api/v1/sim/1", json={"status": {"id": 1}})
    assert patched.status == 204 and patched.headers["Content-Type"] == CONTENT_TYPE
    refused = await api.call(
        "PATCH", "/api/v1/sim_batch/bic/0000000000000000", json={"sim_status": {"id": 1}}
    )
    assert (refused.status, refused.body) == (422, None)
    assert refused.headers["Content-Type"] == CONTENT_TYPE


async def test_msisdns_have_15_digits(emnify_emulator: Emulator) -> None:
    """Difference 5: like the recorded 423663999900095."""
    msisdn = emnify_emulator.state.sim(95)["msisdn"]  # type: ignore[index]
    assert len(msisdn) == 15 and msisdn.isdigit() and msisdn.startswith("423663")


async def test_statistics_count_the_listed_sims(api: Api) -> None:
    """Difference 6: SIMs of batches not registered yet are in no list and no count."""
    listed = await api.call("GET", "/api/v1/sim", params={"per_page": "1"})
    stats = await api.call("GET", "/api/v1/organisation/my/stats")
    assert stats.body["sim"]["total"] == int(listed.headers["X-Total-Count"]) == 250


async def test_unknown_routes_authenticate_first(api: Api) -> None:
    """Difference 8: without a token an unknown route is a 401, with one a 404."""
    async with api.session.get("/api/v1/nothing/here") as resp:
        assert resp.status == 401
    answer = await api.call("GET", "/api/v1/nothing/here")
    assert (answer.status, answer.body) == (404, {"message": "Not Found"})
