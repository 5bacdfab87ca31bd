"""Application tokens (``_routes/application_tokens.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import call, case, undocumented_status

TOKENS = "/api/v1/application_token"
TOKEN = TOKENS + "/{app_token_id}"

CASES = [
    case(
        "create application token 200",
        lambda emu, s, t: call(
            s,
            "POST",
            TOKENS,
            json={
                "description": "My Application Token",
                "expiry_date": "2027-05-29T13:04:49.000Z",
                "ip": "10.203.23.78/32",
            },
            token=t,
        ),
    ),
    case(
        "create application token bad ip 422",
        lambda emu, s, t: call(
            s, "POST", TOKENS, json={"description": "x", "ip": "10.203.23.78"}, token=t
        ),
    ),
    case(
        "update application token 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            TOKEN,
            {"app_token_id": 2},
            json={"description": "new use for the token", "status": {"id": 1}},
            token=t,
        ),
    ),
    case(
        "update unknown application token 404",
        lambda emu, s, t: call(
            s, "PATCH", TOKEN, {"app_token_id": 999}, json={"description": "x"}, token=t
        ),
        undocumented_status(
            404, "S1 documents only 204; an unknown token is 404 like every unknown object"
        ),
    ),
    case("list application tokens 200", lambda emu, s, t: call(s, "GET", TOKENS, token=t)),
]
