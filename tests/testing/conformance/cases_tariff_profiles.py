"""Tariff profiles (``_routes/tariff_profiles.py``)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import (
    Deviation,
    Exchange,
    call,
    case,
    org_token,
    undocumented_status,
)
from tests.testing.conformance.recorded import Twin
from tests.testing.conformance.seeded import newest_tariff_profile

PROFILES = "/api/v1/tariff_profile"
PROFILE = PROFILES + "/{tariff_profile_id}"
COVERAGE = PROFILE + "/coverage"
RATEZONE = PROFILE + "/ratezone_selection/{ratezone_id}"
VOLUME = PROFILE + "/inclusive_volume/{inclusive_volume_id}"


TWINS = [
    Twin(
        ("GET", PROFILES, "[*]"),
        ("GET", PROFILE, ""),
        "the list's items and the details are the same TariffProfile (one schema title); the "
        "list example shows a profile without inclusive_volume",
    )
]

_EXAMPLE_NULL = "null in the spec's own example of the operation; the schema forgets nullable"


def _nulls(*where: str) -> tuple[Deviation, ...]:
    return tuple(Deviation("response", at, "type", _EXAMPLE_NULL) for at in where)


# The tariff's ids the emulated tariffs leave empty, as in the spec's examples.
TARIFF_NULLS = ("data_throttle_id", "tariff_category_id", "tariff_currency_category_id")
CURRENCY_ID = "the schema types the tariff's currency id an object; the examples show 1"


def _tariff(prefix: str) -> tuple[Deviation, ...]:
    return (
        *_nulls(*(f"{prefix}.tariff.{key}" for key in TARIFF_NULLS)),
        Deviation("response", f"{prefix}.tariff.currency.id", "type", CURRENCY_ID),
    )


OPTIONAL_FIELDS = (
    "the description lists name, description and tariff each as optional; only the schema "
    "requires all three (as for PATCH /sim)"
)
OTHERS_404 = "another organisation's (or no) object: 404 NotFound, as elsewhere in the API"


async def _as_102(emu: Emulator, s: aiohttp.ClientSession) -> Exchange:
    return await call(s, "GET", PROFILES, token=await org_token(emu, s, 102))


CASES = [
    case(
        "list tariff profiles 200",
        lambda emu, s, t: call(s, "GET", PROFILES, token=t),
        *_nulls("body[*].description"),
        *_tariff("body[*]"),
    ),
    case(
        "list tariff profiles with inclusive volume 200",
        lambda emu, s, t: _as_102(emu, s),
        *_nulls("body[*].inclusive_volume.end_date"),
        *_tariff("body[*]"),
    ),
    case(
        "tariff profile details 200",
        lambda emu, s, t: call(s, "GET", PROFILE, {"tariff_profile_id": 2}, token=t),
        *_tariff("body"),
    ),
    case(
        "tariff profile details foreign 404",
        lambda emu, s, t: call(s, "GET", PROFILE, {"tariff_profile_id": 99}, token=t),
        undocumented_status(404, OTHERS_404),
    ),
    case(
        "create tariff profile 201",
        lambda emu, s, t: call(
            s,
            "POST",
            PROFILES,
            json={"name": "Conformance", "description": "a test profile", "tariff": {"id": 54}},
            token=t,
        ),
    ),
    case(
        "create tariff profile foreign tariff 422",
        lambda emu, s, t: call(
            s,
            "POST",
            PROFILES,
            json={"name": "Conformance", "description": "x", "tariff": {"id": 9}},
            token=t,
        ),
        undocumented_status(422, "a tariff not assigned to the organisation: 1400 with 1401"),
    ),
    case(
        "update tariff profile 204",
        lambda emu, s, t: call(
            s,
            "PATCH",
            PROFILE,
            {"tariff_profile_id": 2},
            json={"name": "Roaming", "description": "renamed", "tariff": {"id": 54}},
            token=t,
        ),
    ),
    case(
        "update tariff profile name only 204",
        lambda emu, s, t: call(
            s, "PATCH", PROFILE, {"tariff_profile_id": 2}, json={"name": "Roaming 2"}, token=t
        ),
        Deviation("request", "request.body.description", "required", OPTIONAL_FIELDS),
        Deviation("request", "request.body.tariff", "required", OPTIONAL_FIELDS),
    ),
    case(
        "delete tariff profile in use 409",
        lambda emu, s, t: call(s, "DELETE", PROFILE, {"tariff_profile_id": 1}, token=t),
        undocumented_status(
            409,
            "documented: a profile used by an endpoint cannot be deleted; 1407 CannotBeDeleted "
            "as the spec's example for an IP address space still referenced by endpoints",
        ),
    ),
    case(
        "delete tariff profile 204",
        lambda emu, s, t: call(
            s, "DELETE", PROFILE, {"tariff_profile_id": newest_tariff_profile(emu)}, token=t
        ),
    ),
    case(
        "tariff profile coverage 200",
        lambda emu, s, t: call(s, "GET", COVERAGE, {"tariff_profile_id": 2}, token=t),
    ),
    case(
        "select ratezone 204",
        lambda emu, s, t: call(
            s, "PUT", RATEZONE, {"tariff_profile_id": 1, "ratezone_id": 2}, token=t
        ),
    ),
    case(
        "select inactive ratezone 422",
        lambda emu, s, t: call(
            s, "PUT", RATEZONE, {"tariff_profile_id": 1, "ratezone_id": 3}, token=t
        ),
        undocumented_status(422, "documented: only active ratezones can be selected (1406)"),
    ),
    case(
        "deselect ratezone 204",
        lambda emu, s, t: call(
            s, "DELETE", RATEZONE, {"tariff_profile_id": 1, "ratezone_id": 2}, token=t
        ),
    ),
    case(
        "deselect unselected ratezone 404",
        lambda emu, s, t: call(
            s, "DELETE", RATEZONE, {"tariff_profile_id": 1, "ratezone_id": 2}, token=t
        ),
        undocumented_status(404, "a ratezone that is not selected, as for operator blacklists"),
    ),
    case(
        "assign inclusive volume to tariff profile 204",
        lambda emu, s, t: call(
            s, "PUT", VOLUME, {"tariff_profile_id": 1, "inclusive_volume_id": 504}, token=t
        ),
    ),
    case(
        "assign a second inclusive volume to tariff profile 409",
        lambda emu, s, t: call(
            s, "PUT", VOLUME, {"tariff_profile_id": 1, "inclusive_volume_id": 504}, token=t
        ),
    ),
    case(
        "assign unknown inclusive volume to tariff profile 404",
        lambda emu, s, t: call(
            s, "PUT", VOLUME, {"tariff_profile_id": 1, "inclusive_volume_id": 501}, token=t
        ),
    ),
    case(
        "unassign inclusive volume not assigned 400",
        lambda emu, s, t: call(
            s, "DELETE", VOLUME, {"tariff_profile_id": 2, "inclusive_volume_id": 504}, token=t
        ),
    ),
    case(
        "unassign inclusive volume 204",
        lambda emu, s, t: call(
            s, "DELETE", VOLUME, {"tariff_profile_id": 1, "inclusive_volume_id": 504}, token=t
        ),
    ),
]
