"""Services, traffic limits and DNS configurations (``_routes/services.py``).

No recording covers these operations: the answers are held to the spec's schemas and examples.
"""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case, undocumented_status
from tests.testing.conformance.seeded import dns_config

SERVICES = "/api/v1/service"
SERVICE_LIMITS = SERVICES + "/{service_id}/traffic_limit"
LIMITS = "/api/v1/traffic_limit"
DNS = "/api/v1/dns"
ONE_DNS = DNS + "/{dns_id}"
GOOGLE = {"primary": "8.8.8.8", "secondary": "8.8.4.4", "ip_address_version": 4}


async def _delete_new(emu: Emulator, s: aiohttp.ClientSession, t: str) -> Exchange:
    async with s.post(DNS, json=GOOGLE, headers={"Authorization": f"Bearer {t}"}) as resp:
        assert resp.status == 201
        dns_id = int(resp.headers["Location"].rsplit("/", 1)[1])
    return await call(s, "DELETE", ONE_DNS, {"dns_id": dns_id}, token=t)


CASES = [
    case("list services 200", lambda emu, s, t: call(s, "GET", SERVICES, token=t)),
    case(
        "service traffic limits 200",
        lambda emu, s, t: call(s, "GET", SERVICE_LIMITS, {"service_id": 38}, token=t),
    ),
    case(
        "service traffic limits unknown service 404",
        lambda emu, s, t: call(s, "GET", SERVICE_LIMITS, {"service_id": 7}, token=t),
        undocumented_status(
            404, "the spec documents no error; an unknown service is 404 NotFound (a choice)"
        ),
        invalid_request=True,
    ),
    case("list traffic limits 200", lambda emu, s, t: call(s, "GET", LIMITS, token=t)),
    case("list dns 200", lambda emu, s, t: call(s, "GET", DNS, token=t)),
    case(
        "create dns 201",
        lambda emu, s, t: call(
            s,
            "POST",
            DNS,
            json={"primary": "1.1.1.1", "secondary": "1.0.0.1", "ip_address_version": 4},
            token=t,
        ),
    ),
    case(
        "create dns missing secondary 422",
        lambda emu, s, t: call(
            s, "POST", DNS, json={"primary": "1.1.1.1", "ip_address_version": 4}, token=t
        ),
        undocumented_status(
            422, "the spec documents no error; an invalid body is 422 InputValidationFailed"
        ),
        invalid_request=True,
    ),
    case("delete dns 204", _delete_new),
    case(
        "delete dns in use 409",
        lambda emu, s, t: call(
            s, "DELETE", ONE_DNS, {"dns_id": dns_config(emu, used=True)}, token=t
        ),
        undocumented_status(
            409,
            "the spec says a DNS configuration in use by a service profile cannot be deleted "
            "but documents no status; 409 CannotBeDeleted as for a service profile in use",
        ),
    ),
    case(
        "delete dns unknown 404",
        lambda emu, s, t: call(s, "DELETE", ONE_DNS, {"dns_id": 4711}, token=t),
        undocumented_status(404, "the spec documents no error; unknown or foreign: 404 NotFound"),
    ),
]
