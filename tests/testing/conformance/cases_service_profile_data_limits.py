"""Data limits of a service profile (``_routes/service_profile_data_limits.py``; newer docs)."""

from __future__ import annotations

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Deviation, call, case, undocumented_status
from tests.testing.conformance.seeded import service_profile

LIMITS = "/api/v1/service_profile/{profile_id}/traffic_limit"
LIMIT = LIMITS + "/{limit_id}"
_AS_NUMBERS = (
    "the docs' enum writes the ids as strings ('38', '2'); the API's references, and the "
    "list's answer of these limits, are numbers: the SDK sends numbers, the emulator takes both"
)
IDS_AS_NUMBERS = tuple(
    Deviation("request", f"request.body.{key}.id", rule, _AS_NUMBERS)
    for key in ("service", "period")
    for rule in ("type", "enum")
)
DATA_LIMIT = {"service": {"id": 38}, "period": {"id": 2}, "volume": 1_000_000_000}


def _profile(emu: Emulator) -> int:
    return service_profile(emu, used=True)


def _newest(emu: Emulator) -> int:
    profile = emu.state.profiles.service_profiles[_profile(emu)]
    return profile.data_limits[-1].id


CASES = [
    case(
        "add data limit 201",
        lambda emu, s, t: call(
            s, "POST", LIMITS, {"profile_id": _profile(emu)}, json=DATA_LIMIT, token=t
        ),
        *IDS_AS_NUMBERS,
    ),
    case(
        "add data limit as documented 201",
        lambda emu, s, t: call(
            s,
            "POST",
            LIMITS,
            {"profile_id": _profile(emu)},
            json={"service": {"id": "38"}, "satellite_only": True, "volume": 1024},
            token=t,
        ),
    ),
    case(
        "add data limit again 409",
        lambda emu, s, t: call(
            s, "POST", LIMITS, {"profile_id": _profile(emu)}, json=DATA_LIMIT, token=t
        ),
        *IDS_AS_NUMBERS,
    ),
    case(
        "add data limit without volume 400",
        lambda emu, s, t: call(
            s,
            "POST",
            LIMITS,
            {"profile_id": _profile(emu)},
            json={"service": {"id": "38"}},
            token=t,
        ),
        invalid_request=True,
    ),
    case(
        "add data limit to foreign profile 403",
        lambda emu, s, t: call(s, "POST", LIMITS, {"profile_id": 99999}, json=DATA_LIMIT, token=t),
        *IDS_AS_NUMBERS,
    ),
    case(
        "data limits 200",
        lambda emu, s, t: call(s, "GET", LIMITS, {"profile_id": _profile(emu)}, token=t),
    ),
    case(
        "data limits of foreign profile 403",
        lambda emu, s, t: call(s, "GET", LIMITS, {"profile_id": 99999}, token=t),
    ),
    case(
        "remove data limit 204",
        lambda emu, s, t: call(
            s, "DELETE", LIMIT, {"profile_id": _profile(emu), "limit_id": _newest(emu)}, token=t
        ),
    ),
    case(
        "remove unknown data limit 404",
        lambda emu, s, t: call(
            s, "DELETE", LIMIT, {"profile_id": _profile(emu), "limit_id": 99999}, token=t
        ),
        undocumented_status(
            404, "the docs list only 403 (the profile); a limit the profile lacks: 404 NotFound"
        ),
    ),
    case(
        "remove data limits 204",
        lambda emu, s, t: call(s, "DELETE", LIMITS, {"profile_id": _profile(emu)}, token=t),
    ),
    case(
        "remove data limits of foreign profile 403",
        lambda emu, s, t: call(s, "DELETE", LIMITS, {"profile_id": 99999}, token=t),
    ),
]
