"""The lookups: countries, currencies, data sizes, regions, ESME and RAT types, service levels
(``_routes/lookups.py``)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Exchange, call, case, org_token
from tests.testing.conformance.recorded import Fix

_STRING_CODES = (
    "S1 types a country's country_code and mcc as strings but writes them as numbers in its "
    "example; emnify's recorded operator countries send strings (recorded_examples.md, GET "
    "/api/v1/operator), as the emulator does"
)
_STRING_OCTETS = (
    "S1 (and S2) type a data size's octets as a string but S1's example writes a number; "
    "the emulator follows the schema, as for the country codes of the same lookups"
)
NO_ISO_CODE = {
    "body[*].iso_code": "a non-terrestrial network (NonTerrestrial 883, MCC 901) has no ISO "
    "3166 code; the emulator's organisation countries leave it out too"
}

EXAMPLE_FIXES = [
    Fix("GET", "/api/v1/country", "[*].country_code", _STRING_CODES, value="49"),
    Fix("GET", "/api/v1/country", "[*].mcc", _STRING_CODES, value="262"),
    Fix("GET", "/api/v1/data_blocksize", "[*].octets", _STRING_OCTETS, value="1"),
    Fix("GET", "/api/v1/data_throttle", "[*].octets", _STRING_OCTETS, value="128000"),
]

CASES = [
    case(
        "countries 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/country", token=t),
        optional=NO_ISO_CODE,
    ),
    case(
        "geographic countries 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/country", query={"geographic": "true"}, token=t),
    ),
    case("currencies 200", lambda emu, s, t: call(s, "GET", "/api/v1/currency", token=t)),
    case(
        "data blocksizes 200", lambda emu, s, t: call(s, "GET", "/api/v1/data_blocksize", token=t)
    ),
    case("data throttles 200", lambda emu, s, t: call(s, "GET", "/api/v1/data_throttle", token=t)),
    case(
        "breakout regions 200", lambda emu, s, t: call(s, "GET", "/api/v1/breakout_region", token=t)
    ),
    case(
        "esme interface types 200",
        lambda emu, s, t: call(s, "GET", "/api/v1/esme_interface_type", token=t),
    ),
    case("rat types 200", lambda emu, s, t: call(s, "GET", "/api/v1/rat_type", token=t)),
    case(
        "blacklistable rat types 200",
        lambda emu, s, t: call(
            s, "GET", "/api/v1/rat_type", query={"blacklistable": "true"}, token=t
        ),
    ),
    case("service levels 200", lambda emu, s, t: call(s, "GET", "/api/v1/service_level", token=t)),
    case(
        "enterprise service levels 200",
        lambda emu, s, t: _enterprise_levels(emu, s),
    ),
]


async def _enterprise_levels(emu: Emulator, s: aiohttp.ClientSession) -> Exchange:
    return await call(s, "GET", "/api/v1/service_level", token=await org_token(emu, s, 102))
