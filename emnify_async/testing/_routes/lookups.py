"""The lookups (``GET /api/v1/country``, ``/currency``, ``/rat_type``...): whole lists, not paged.

Numbers the spec types as strings (a country's codes, a data size's octets) are sent as
strings, as emnify's recorded operator countries send theirs.
"""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._catalog import CURRENCIES, DATA_BLOCKSIZES, DATA_THROTTLES, JsonObj
from emnify_async.testing._errors import BAD_REQUEST, ApiError
from emnify_async.testing._lookups import (
    BREAKOUT_REGIONS,
    COUNTRY_LIST,
    ESME_INTERFACE_TYPES,
    RAT_BLACKLISTABLE,
    RAT_LIMITABLE,
    RAT_TYPES,
    SERVICE_LEVELS,
)
from emnify_async.testing._routing import Route, caller, ok


def _flag(request: web.Request, name: str) -> bool:
    """A query flag: ``?name`` or ``?name=true`` sets it, ``false`` or none leaves it unset."""
    raw = request.query.get(name)
    if raw is None:
        return False
    if raw.lower() not in ("", "true", "false"):
        raise ApiError.of(BAD_REQUEST, f"Invalid value '{raw}' for parameter '{name}'")
    return raw.lower() != "false"


def _data_size(entry: JsonObj) -> JsonObj:
    return {**entry, "octets": str(entry["octets"])}


async def countries(request: web.Request) -> web.Response:
    geographic = _flag(request, "geographic")
    return ok([c.json() for c in COUNTRY_LIST if c.geographic or not geographic])


async def currencies(request: web.Request) -> web.Response:
    return ok([dict(currency) for currency in CURRENCIES.values()])


async def data_blocksizes(request: web.Request) -> web.Response:
    return ok([_data_size(entry) for entry in DATA_BLOCKSIZES.values()])


async def data_throttles(request: web.Request) -> web.Response:
    return ok([_data_size(entry) for entry in DATA_THROTTLES.values()])


async def breakout_regions(request: web.Request) -> web.Response:
    return ok([dict(region) for region in BREAKOUT_REGIONS])


async def esme_interface_types(request: web.Request) -> web.Response:
    return ok([{"id": key, "description": text} for key, text in ESME_INTERFACE_TYPES.items()])


async def rat_types(request: web.Request) -> web.Response:
    wanted = set(RAT_TYPES)
    if _flag(request, "blacklistable"):
        wanted &= RAT_BLACKLISTABLE
    if _flag(request, "limitable"):
        wanted &= RAT_LIMITABLE
    return ok([{"id": key, "description": RAT_TYPES[key]} for key in sorted(wanted)])


async def service_levels(request: web.Request) -> web.Response:
    org = caller(request)
    # An enterprise gets the service levels of its parent, any other organisation its own.
    owner = org.parent_id if org.is_enterprise else org.id
    return ok([dict(level) for level in SERVICE_LEVELS.get(owner or 0, ())])


ROUTES = [
    Route("GET", "/api/v1/country", countries),
    Route("GET", "/api/v1/currency", currencies),
    Route("GET", "/api/v1/data_blocksize", data_blocksizes),
    Route("GET", "/api/v1/data_throttle", data_throttles),
    Route("GET", "/api/v1/breakout_region", breakout_regions),
    Route("GET", "/api/v1/esme_interface_type", esme_interface_types),
    Route("GET", "/api/v1/rat_type", rat_types),
    Route("GET", "/api/v1/service_level", service_levels),
]
