"""The SIM resource: list, details, update, delete, statuses (``_routes/sims.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case, undocumented_status
from tests.testing.conformance.recorded import Fix, Twin
from tests.testing.conformance.seeded import first_sim

SIM = "/api/v1/sim/{sim_id}"

# A SIM without an endpoint has no "endpoint" key, one never activated no "activation_date"
# (the real API omits keys it has no value for; shared/notes/emnify_api.md section 7).
SIM_OPTIONAL = {
    "body[*].endpoint": "omitted for a SIM without an endpoint",
    "body[*].activation_date": "omitted for a SIM never activated",
}

TWINS = [
    Twin(
        ("GET", "/api/v1/sim", "[*]"),
        ("GET", SIM, ""),
        "an item of the SIM list is the SIM object of GET /sim/{id} (emnify_api.md section 7)",
    )
]
EXAMPLE_FIXES = [
    Fix(
        "GET",
        SIM,
        "imsi",
        "S1's SIM example writes the IMSI as a number; its SIM list example and the recorded "
        "endpoint's SIM (recorded_examples.md) send a string",
        value="123451234567811",
    )
]

CASES = [
    case(
        "list sims 200",
        lambda emu, s, t: call(
            s,
            "GET",
            "/api/v1/sim",
            query={"page": "2", "per_page": "20", "sort": "-status,id"},
            token=t,
        ),
        optional=SIM_OPTIONAL,
    ),
    case(
        "list sims filtered 200",
        lambda emu, s, t: call(
            s, "GET", "/api/v1/sim", query={"q": "status:1,endpoint:null"}, token=t
        ),
        optional=SIM_OPTIONAL,
    ),
    case("sim statuses 200", lambda emu, s, t: call(s, "GET", "/api/v1/sim/status", token=t)),
    case(
        "sim details 200",
        lambda emu, s, t: call(s, "GET", SIM, {"sim_id": first_sim(emu, 1, True)}, token=t),
    ),
    case(
        "update sim 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            SIM,
            {"sim_id": 2},
            json={
                "issuer_org": {"id": 101},
                "reseller_org": {},
                "customer_org": {"id": 102},
                "status": {"id": emu.state.table.status[1]},
            },
            token=t,
        ),
    ),
    case(
        "update sim minimal body 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            SIM,
            {"sim_id": first_sim(emu, 1, True)},
            json={"status": {"id": 2}},
            token=t,
        ),
        *(
            Deviation(
                "request",
                f"request.body.{key}",
                "required",
                "S1 marks issuer_org/reseller_org/customer_org/status all required on PATCH "
                "/sim/{id}; that is wrong: clients send only the changed fields (notes section "
                "7; martinjlowm patched the spec the same way).",
            )
            for key in ("issuer_org", "reseller_org", "customer_org")
        ),
    ),
    case(
        "update sim not allowed 422",
        lambda emu, s, t: call(
            s,
            "PATCH",
            SIM,
            {"sim_id": first_sim(emu, 1, True)},
            json={
                "issuer_org": {"id": 101},
                "reseller_org": {},
                "customer_org": {"id": 102},
                "status": {"id": 0},
            },
            token=t,
        ),
        undocumented_status(
            422,
            "S1 documents only 204/400 for PATCH /sim/{id}; the real API also answers 422 for "
            "NotAllowed/InputValidationFailed (notes section 7: 'Errors: 400 or 422').",
        ),
    ),
    case(
        "delete sim 204",
        lambda emu, s, t: call(s, "DELETE", SIM, {"sim_id": first_sim(emu, 0, False)}, token=t),
    ),
]
