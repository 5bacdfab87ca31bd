"""The v2 operator blocklist of a tariff profile (``_routes/tariff_profile_blocklists.py``;
newer docs)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Deviation, Exchange, call, case, undocumented_status

LIST = "/api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator"
ONE = LIST + "/{operator_id}"
RAT_TYPES = ONE + "/rat_type"
RAT_TYPE = RAT_TYPES + "/{rate_type_id}"
OPERATOR = 2  # Vodafone, Germany
_ARRAY = (
    "the docs give the list the schema of one operator's entry (operator, tariff_profile, "
    "blocklist); the list names every blocked operator, so it is an array of those entries"
)
LIST_IS_AN_ARRAY = (
    Deviation("response", "body", "type", _ARRAY),
    Deviation("closed", "body[*].*", "unknown key", _ARRAY),
)
UNDOCUMENTED_404 = undocumented_status(
    404, "the docs list no error; an unknown operator or tariff profile: 404, as in v1"
)


def _profile(emu: Emulator) -> int:
    return min(p.id for p in emu.state.billing.profiles_of(emu.state.org_id))


def _ids(emu: Emulator, operator_id: int = OPERATOR) -> dict[str, int]:
    return {"tariff_profile_id": _profile(emu), "operator_id": operator_id}


async def _blocked_then_listed(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    await call(s, "PUT", ONE, _ids(emu, 3), token=t)
    body = {"rat_types": [{"id": 1}]}
    await call(s, "POST", RAT_TYPES, _ids(emu, 5), json=body, token=t)
    return await call(s, "GET", LIST, {"tariff_profile_id": _profile(emu)}, token=t)


CASES = [
    case("block operator 204", lambda emu, s, t: call(s, "PUT", ONE, _ids(emu), token=t)),
    case(
        "block rat types 204",
        lambda emu, s, t: call(
            s, "POST", RAT_TYPES, _ids(emu), json={"rat_types": [{"id": 6}, {"id": 8}]}, token=t
        ),
    ),
    case("blocked operator 200", lambda emu, s, t: call(s, "GET", ONE, _ids(emu), token=t)),
    case("blocked operators 200", _blocked_then_listed, *LIST_IS_AN_ARRAY),
    case(
        "blocked operators of unknown profile 404",
        lambda emu, s, t: call(s, "GET", LIST, {"tariff_profile_id": 99999}, token=t),
        UNDOCUMENTED_404,
    ),
    case(
        "blocked unknown operator 404",
        lambda emu, s, t: call(s, "GET", ONE, _ids(emu, 99999), token=t),
        UNDOCUMENTED_404,
    ),
    case(
        "block rat types without any 400",
        lambda emu, s, t: call(s, "POST", RAT_TYPES, _ids(emu), json={"rat": []}, token=t),
        undocumented_status(400, "the docs list no error; a malformed body: 400, as elsewhere"),
        invalid_request=True,
    ),
    case(
        "block a rat type that cannot be 422",
        lambda emu, s, t: call(
            s, "POST", RAT_TYPES, _ids(emu), json={"rat_types": [{"id": 3}]}, token=t
        ),
        undocumented_status(
            422, "the docs list no error; WLAN is not blacklistable (/api/v1/rat_type): 422"
        ),
    ),
    case(
        "unblock rat type 204",
        lambda emu, s, t: call(s, "DELETE", RAT_TYPE, {**_ids(emu), "rate_type_id": 6}, token=t),
    ),
    case(
        "unblock unknown rat type 404",
        lambda emu, s, t: call(s, "DELETE", RAT_TYPE, {**_ids(emu), "rate_type_id": 99}, token=t),
        UNDOCUMENTED_404,
    ),
    case("unblock operator 204", lambda emu, s, t: call(s, "DELETE", ONE, _ids(emu), token=t)),
]
