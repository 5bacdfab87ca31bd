"""IP address spaces (``_routes/ip_address_spaces.py``)."""

from __future__ import annotations

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import call, case
from tests.testing.conformance.seeded import unassigned_space

SPACES = "/api/v1/ip_address_space"
AVAILABLE = SPACES + "/available"
SPACE = SPACES + "/{address_space_id}"


def _taken(emu: Emulator) -> int:
    """The space the parent took in "assign ip address space 204" (its newest)."""
    return max(s.id for s in emu.state.profiles.spaces_of(emu.state.org_id))


CASES = [
    case("ip address spaces 200", lambda emu, s, t: call(s, "GET", SPACES, token=t)),
    case("available ip address spaces 200", lambda emu, s, t: call(s, "GET", AVAILABLE, token=t)),
    case(
        "available ipv6 address spaces 200",
        lambda emu, s, t: call(s, "GET", AVAILABLE, query={"ip_address_version": "6"}, token=t),
    ),
    case(
        "assign ip address space 204",
        lambda emu, s, t: call(
            s, "PUT", SPACE, {"address_space_id": unassigned_space(emu)}, token=t
        ),
    ),
    case(
        "assign an assigned ip address space 409",
        lambda emu, s, t: call(s, "PUT", SPACE, {"address_space_id": 1}, token=t),
    ),
    case(
        "assign unknown ip address space 404",
        lambda emu, s, t: call(s, "PUT", SPACE, {"address_space_id": 99999}, token=t),
    ),
    case(
        "create ip address space 201",
        lambda emu, s, t: call(
            s,
            "POST",
            SPACES,
            json={"ip_address_space": "100.80.1.0/24", "ip_address_version": 4},
            token=t,
        ),
    ),
    case(
        "create an overlapping ip address space 409",
        lambda emu, s, t: call(
            s,
            "POST",
            SPACES,
            json={"ip_address_space": "10.192.0.0/24", "ip_address_version": 4},
            token=t,
        ),
    ),
    case(
        "create a reserved ip address space 422",
        lambda emu, s, t: call(
            s,
            "POST",
            SPACES,
            json={"ip_address_space": "100.64.0.0/26", "ip_address_version": 4},
            token=t,
        ),
    ),
    case(
        "create a malformed ip address space 400",
        lambda emu, s, t: call(
            s,
            "POST",
            SPACES,
            json={"ip_address_space": "10.192.0.1/24", "ip_address_version": 4},
            token=t,
        ),
    ),
    case(
        "release ip address space 204",
        lambda emu, s, t: call(s, "DELETE", SPACE, {"address_space_id": _taken(emu)}, token=t),
    ),
    case(
        "release a used ip address space 409",
        lambda emu, s, t: call(s, "DELETE", SPACE, {"address_space_id": 2}, token=t),
    ),
    case(
        "release foreign ip address space 404",
        lambda emu, s, t: call(s, "DELETE", SPACE, {"address_space_id": 9}, token=t),
    ),
]
