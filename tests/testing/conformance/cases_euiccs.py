"""eUICCs: list, details, lookups, unlinked validation (``_routes/euiccs.py``; newer docs)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case, undocumented_status
from tests.testing.conformance.seeded import advance, eid, euicc

EUICC = "/api/v1/euicc"
ONE = EUICC + "/{euicc_id}"
VALIDATION = EUICC + "/unlinked_validation"


async def _validate_linked(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    """Link an eSIM of product 1 to an EID, let the operation run, then validate both EIDs."""
    linked = eid(emu, 0)
    body = {"action": {"id": 1}, "product": {"id": 1}, "target": [{"eid": linked}]}
    await call(s, "POST", "/api/v1/sim/operation", json=body, token=t)
    advance(emu, 6)
    targets = [{"eid": linked}, {"eid": eid(emu, 1)}]
    return await call(s, "POST", VALIDATION, json={"target": targets}, token=t)


CASES = [
    case("list euiccs 200", lambda emu, s, t: call(s, "GET", EUICC, token=t)),
    case(
        "list euiccs paged 200",
        lambda emu, s, t: call(
            s, "GET", EUICC, query={"page": "2", "per_page": "3", "sort": "-id"}, token=t
        ),
    ),
    case(
        "list euiccs filtered 200",
        lambda emu, s, t: call(
            s, "GET", EUICC, query={"q": "supported_profile_type:5", "sort": "eid"}, token=t
        ),
    ),
    case(
        "list euiccs bad filter 400",
        lambda emu, s, t: call(s, "GET", EUICC, query={"q": "colour:red"}, token=t),
    ),
    case(
        "euicc details 200",
        lambda emu, s, t: call(s, "GET", ONE, {"euicc_id": euicc(emu)}, token=t),
    ),
    case(
        "euicc details unknown 404",
        lambda emu, s, t: call(s, "GET", ONE, {"euicc_id": 999999}, token=t),
    ),
    case("euicc statuses 200", lambda emu, s, t: call(s, "GET", EUICC + "/status", token=t)),
    case(
        "euicc profile statuses 200",
        lambda emu, s, t: call(s, "GET", EUICC + "/profile/status", token=t),
    ),
    case("unlinked validation 200", _validate_linked),
    case(
        "unlinked validation bad body 400",
        lambda emu, s, t: call(s, "POST", VALIDATION, json={"eids": ["89"]}, token=t),
        undocumented_status(
            400,
            "the docs list no 400 for the validation; the service answers a malformed body "
            "400 as its other operations document (a choice, docs/emulator.md)",
        ),
        invalid_request=True,
    ),
]
