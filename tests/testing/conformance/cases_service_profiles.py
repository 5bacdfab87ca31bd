"""Service profiles, their services and traffic limits (``_routes/service_profiles.py``).

No recording covers these operations: the answers are held to the spec's schemas and examples.
"""

from __future__ import annotations

from typing import Any

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import (
    Deviation,
    Exchange,
    call,
    case,
    undocumented_status,
)
from tests.testing.conformance.seeded import service_profile, traffic_limit

PROFILES = "/api/v1/service_profile"
PROFILE = PROFILES + "/{profile_id}"
QUOTA = PROFILE + "/quota/{quota_type}"
SERVICE = PROFILE + "/service/{service_id}"
LIMIT = SERVICE + "/traffic_limit/{limit_id}"
DATA, SMS_MO = 38, 32

FULL_PROFILE = {
    "name": "Conformance meter",
    "description": "Data + SMS - 1G limit",
    "allowed_3g": True,
    "allowed_4g": False,
    "allowed_nb_iot": False,
    "apply_sms_quota": False,
    "apply_data_quota": False,
    "retail": False,
    "sms_p2p_int": True,
    "sms_p2p_ext": True,
    "prepaid": False,
    "nipdp": False,
    "api_callback": {"id": 1},
    "api_secret": {"id": 2},
    "moc_callback": {"id": 2},
    "esme_interface_type": {"id": 3},
    "breakout_region": {"id": 3},
    "dns": {"id": 2},
}
USED_COUNT_AS_NUMBER = Deviation(
    "response",
    "body[*].used_count",
    "type",
    "S1 types the list's used_count as a string, but its own example of the list sends numbers "
    "(2, 7) and the details type used_count as an integer; the emulator sends the number",
)
NO_CALLBACKS = {
    f"body.{key}": "left out while the profile has none (the spec's example has all three set)"
    for key in ("api_callback", "api_secret", "moc_callback")
}
DNS_IN_DETAILS = tuple(
    Deviation(
        check,
        "body.dns",
        rule,
        "the details schema and example predate DNS configurations, which create and update "
        "document (dns {id}) and the update's example answer echoes; the emulator shows the "
        "profile's DNS configuration as GET /api/v1/dns lists it (a choice)",
    )
    for check, rule in (("closed", "unknown key"), ("shape", "extra key"))
)
NOT_FOUND_REASON = (
    "the spec documents no error for the operation; an unknown or foreign profile (or "
    "service) is 404 NotFound as for every object of another organisation"
)


async def _new_profile(s: aiohttp.ClientSession, t: str, **extra: Any) -> int:
    """Creates a service profile (no endpoint uses it) and returns its id."""
    body = {"name": "conformance scratch", **extra}
    async with s.post(PROFILES, json=body, headers={"Authorization": f"Bearer {t}"}) as resp:
        assert resp.status == 201, await resp.text()
        return int(resp.headers["Location"].rsplit("/", 1)[1])


async def _send(
    s: aiohttp.ClientSession, t: str, method: str, path: str, params: dict[str, Any]
) -> None:
    async with s.request(
        method, path.format(**params), headers={"Authorization": f"Bearer {t}"}
    ) as resp:
        assert resp.status < 300, await resp.text()


async def _with_service(
    s: aiohttp.ClientSession, t: str, *limits: int, service_id: int = DATA
) -> dict[str, Any]:
    """A new profile with the service (and traffic limits): the path parameters of ``LIMIT``
    but ``limit_id``."""
    params = {"profile_id": await _new_profile(s, t), "service_id": service_id}
    await _send(s, t, "PUT", SERVICE, params)
    for limit_id in limits:
        await _send(s, t, "PUT", LIMIT, {**params, "limit_id": limit_id})
    return params


async def _delete_new(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    return await call(s, "DELETE", PROFILE, {"profile_id": await _new_profile(s, t)}, token=t)


async def _add_service(emu: Emulator, s: aiohttp.ClientSession, t: str, twice: bool) -> Exchange:
    params = {"profile_id": await _new_profile(s, t), "service_id": DATA}
    if twice:
        await _send(s, t, "PUT", SERVICE, params)
    return await call(s, "PUT", SERVICE, params, token=t)


async def _remove_service(
    emu: Emulator, s: aiohttp.ClientSession, t: str, limited: bool
) -> Exchange:
    limits = (traffic_limit(DATA),) if limited else ()
    params = await _with_service(s, t, *limits)
    return await call(s, "DELETE", SERVICE, params, token=t)


async def _add_limit(
    emu: Emulator, s: aiohttp.ClientSession, t: str, limit_id: int, in_profile: bool = True
) -> Exchange:
    params = await _with_service(s, t, service_id=DATA if in_profile else SMS_MO)
    params["service_id"] = DATA
    return await call(s, "PUT", LIMIT, {**params, "limit_id": limit_id}, token=t)


async def _remove_limit(
    emu: Emulator, s: aiohttp.ClientSession, t: str, assigned: bool
) -> Exchange:
    limit_id = traffic_limit(DATA)
    params = await _with_service(s, t, *((limit_id,) if assigned else ()))
    return await call(s, "DELETE", LIMIT, {**params, "limit_id": limit_id}, token=t)


CASES = [
    case(
        "list service profiles 200",
        lambda emu, s, t: call(s, "GET", PROFILES, token=t),
        USED_COUNT_AS_NUMBER,
    ),
    case(
        "create service profile 201",
        lambda emu, s, t: call(s, "POST", PROFILES, json=FULL_PROFILE, token=t),
    ),
    case(
        "create service profile without name 422",
        lambda emu, s, t: call(s, "POST", PROFILES, json={"allowed_3g": False}, token=t),
        undocumented_status(
            422,
            "the spec requires a name in prose only; a body without one is refused like every "
            "invalid body (422 InputValidationFailed listing the problems)",
        ),
    ),
    case(
        "service profile details 200",
        lambda emu, s, t: call(
            s, "GET", PROFILE, {"profile_id": service_profile(emu, used=True, dns=True)}, token=t
        ),
        *DNS_IN_DETAILS,
        optional=NO_CALLBACKS,
    ),
    case(
        "service profile details unknown 404",
        lambda emu, s, t: call(s, "GET", PROFILE, {"profile_id": 4711}, token=t),
        undocumented_status(404, NOT_FOUND_REASON),
    ),
    case(
        "update service profile 201",
        lambda emu, s, t: call(
            s,
            "PATCH",
            PROFILE,
            {"profile_id": service_profile(emu, used=True)},
            json={"dns": {"id": 2}},
            token=t,
        ),
    ),
    case("delete service profile 204", _delete_new),
    case(
        "delete service profile in use 409",
        lambda emu, s, t: call(
            s, "DELETE", PROFILE, {"profile_id": service_profile(emu, used=True)}, token=t
        ),
    ),
    case(
        "remove profile quotas 204",
        lambda emu, s, t: call(
            s,
            "DELETE",
            QUOTA,
            {"profile_id": service_profile(emu, used=True), "quota_type": "data"},
            token=t,
        ),
    ),
    case(
        "remove profile quotas unknown 404",
        lambda emu, s, t: call(
            s, "DELETE", QUOTA, {"profile_id": 4711, "quota_type": "sms"}, token=t
        ),
    ),
    case("add service 204", lambda emu, s, t: _add_service(emu, s, t, twice=False)),
    case("add service twice 409", lambda emu, s, t: _add_service(emu, s, t, twice=True)),
    case("remove service 204", lambda emu, s, t: _remove_service(emu, s, t, limited=False)),
    case(
        "remove service with traffic limits 409",
        lambda emu, s, t: _remove_service(emu, s, t, limited=True),
    ),
    case(
        "add traffic limit 200",
        lambda emu, s, t: _add_limit(emu, s, t, traffic_limit(DATA)),
    ),
    case("add traffic limit unknown 404", lambda emu, s, t: _add_limit(emu, s, t, 4711)),
    case(
        "add traffic limit service not in profile 422",
        lambda emu, s, t: _add_limit(emu, s, t, traffic_limit(DATA), in_profile=False),
    ),
    case("remove traffic limit 200", lambda emu, s, t: _remove_limit(emu, s, t, assigned=True)),
    case(
        "remove traffic limit not assigned 422",
        lambda emu, s, t: _remove_limit(emu, s, t, assigned=False),
    ),
]
