"""CloudConnect: attachments (``/api/v1/cnc/breakout``), breakout types, regions and prices.

Lists are whole (not paged). Refusals the spec does not document get the emulator's usual
answers: 404 ``1201 NotFound`` for unknown or others' attachments, 422 ``1406 NotAllowed``
for a delete or retry the attachment's state forbids, 422 ``1400`` listing every bad field.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._errors import (
    FORBIDDEN,
    INVALID_FORMAT,
    INVALID_QUERY,
    INVALID_REFERENCE,
    NOT_ALLOWED,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    not_found,
)
from emnify_async.testing._keys import AUTH
from emnify_async.testing._routing import (
    Route,
    created_at,
    ok,
    path_id,
    principal,
    state,
)
from emnify_async.testing._stores.cloud_connect import (
    AVAILABLE_REGIONS,
    BREAKOUT_TYPES,
    CLASSIC,
    DEACTIVATED,
    DEACTIVATING,
    PENDING_AWS,
    ROLLING_BACK,
    STATUSES,
    TGW,
    TYPES,
    VPN,
    VPN_BGP,
    Attachment,
)

PATH = "/api/v1/cnc/breakout"
ONE = PATH + "/{cloudconnect_attachment_id}"
MAX_CIDRS = 3
_AWS_ACCOUNT = re.compile(r"[0-9]{12}")
_PSK = re.compile(r"[A-Za-z1-9._][A-Za-z0-9._]{7,63}")
_MAX_ASN = 4_294_967_294
_LINK_LOCAL = ipaddress.IPv4Network("169.254.0.0/16")
TGW_FIELDS = frozenset({"type", "name", "description", "vpc_cidr", "region", "aws_account_id"})
VPN_FIELDS = TGW_FIELDS - {"vpc_cidr", "aws_account_id"} | {
    "public_ip",
    "psk",
    "asn",
    "on_prem_cidr",
    "inside_cidr",
}


# --- reads -------------------------------------------------------------------------------------


def _query_id(request: web.Request, name: str, allowed: range | tuple[int, ...]) -> int | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    if not raw.isdigit() or int(raw) not in allowed:
        raise ApiError.of(INVALID_QUERY, f"Invalid {name} '{raw}'")
    return int(raw)


def _attachment(request: web.Request) -> Attachment:
    attachment_id = path_id(request, "cloudconnect_attachment_id")
    attachment = state(request).cloud_connect.visible(principal(request).org_id, attachment_id)
    if attachment is None:
        raise not_found("CloudConnect attachment", attachment_id)
    return attachment


async def list_attachments(request: web.Request) -> web.Response:
    store = state(request).cloud_connect
    caller_id = principal(request).org_id
    status = _query_id(request, "status", range(1, 9))
    type_id = _query_id(request, "type", range(1, 9))
    orgs = store.visible_orgs(caller_id)
    raw_org = request.query.get("organisation")
    if raw_org:
        if not raw_org.isdigit() or int(raw_org) not in orgs:
            raise ApiError.of(FORBIDDEN, f"Organisation '{raw_org}' is not accessible.")
        orgs = [int(raw_org)]
    found = []
    for attachment in store.listed(orgs):
        current = store.status(attachment)
        # Deleted attachments are left out unless asked for by status.
        if status is None and current in (DEACTIVATING, DEACTIVATED):
            continue
        if (status is None or current == status) and type_id in (None, attachment.type_id):
            found.append(store.render(attachment, details=False))
    return ok(found)


async def get_attachment(request: web.Request) -> web.Response:
    return ok(state(request).cloud_connect.render(_attachment(request), details=True))


async def delete_attachment(request: web.Request) -> web.Response:
    attachment = _attachment(request)
    store = state(request).cloud_connect
    current = store.status(attachment)
    if attachment.type_id in CLASSIC or current in (DEACTIVATED, ROLLING_BACK):
        why = "a Classic attachment" if attachment.type_id in CLASSIC else STATUSES[current]
        raise ApiError.of(
            NOT_ALLOWED,
            f"CloudConnect attachment with Id '{attachment.id}' cannot be deleted: {why}.",
        )
    store.delete(attachment)
    return web.Response(status=200)


async def retry_attachment(request: web.Request) -> web.Response:
    attachment = _attachment(request)
    store = state(request).cloud_connect
    if (
        attachment.type_id != TGW
        or store.status(attachment) != PENDING_AWS
        or not store.offer_expired(attachment)
    ):
        raise ApiError.of(
            NOT_ALLOWED,
            f"CloudConnect attachment with Id '{attachment.id}' cannot be retried: only a "
            "Transit Gateway pending AWS activation whose acceptance expired can.",
        )
    store.retry(attachment)
    return web.Response(status=200)


def _regions(type_id: int) -> list[dict[str, str]]:
    out = []
    for attachment_region, breakout_region in AVAILABLE_REGIONS[type_id]:
        item = {"attachment_region": attachment_region}
        if breakout_region is not None:
            item["device_breakout_region"] = breakout_region
        out.append(item)
    return out


async def breakout_types(request: web.Request) -> web.Response:
    return ok([{"id": key, "description": TYPES[key]} for key in BREAKOUT_TYPES])


async def available_regions(request: web.Request) -> web.Response:
    type_id = path_id(request, "breakout_type_id")
    if type_id not in AVAILABLE_REGIONS:
        raise not_found("Breakout type", type_id)
    return ok(_regions(type_id))


async def regions(request: web.Request) -> web.Response:
    """The deprecated form: the same items, for one type or (deduplicated) for every type."""
    type_id = _query_id(request, "type", range(1, 9))
    if type_id is not None:
        return ok(_regions(type_id) if type_id in AVAILABLE_REGIONS else [])
    seen: dict[str, dict[str, str]] = {}
    for key in AVAILABLE_REGIONS:
        for item in _regions(key):
            seen.setdefault(item["attachment_region"], item)
    return ok(list(seen.values()))


async def prices(request: web.Request) -> web.Response:
    return ok(state(request).cloud_connect.prices(principal(request).org_id))


# --- creation ----------------------------------------------------------------------------------


def _type(check: FieldErrors, body: dict[str, Any], allowed: tuple[int, ...]) -> int:
    """``type`` as ``{"id": n}`` (the spec's examples) or a bare ``n`` (S1's schema)."""
    value = body.get("type")
    ident = value.get("id") if isinstance(value, dict) else value
    if value is None:
        check.add(REQUIRED, "type is required")
    elif not is_int(ident) or ident not in allowed:
        check.add(INVALID_FORMAT, f"type must be {' or '.join(map(str, allowed))}")
    else:
        return ident
    return allowed[0]


def _text(check: FieldErrors, body: dict[str, Any], key: str, *, required: bool) -> str | None:
    value = body.get(key)
    if value is None:
        if required:
            check.add(REQUIRED, f"{key} is required")
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        check.add(INVALID_FORMAT, f"{key} must be a non-empty string")
        return None
    return value


def _networks(
    check: FieldErrors, body: dict[str, Any], key: str, *, required: bool, inside: bool = False
) -> list[str]:
    value = body.get(key)
    if value is None:
        if required:
            check.add(REQUIRED, f"{key} is required")
        return []
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_CIDRS:
        check.add(INVALID_FORMAT, f"{key} must be a list of 1 to {MAX_CIDRS} networks")
        return []
    networks = []
    for item in value:
        try:
            network = ipaddress.IPv4Network(item) if isinstance(item, str) and "/" in item else None
        except ValueError:
            network = None
        if network is None:
            check.add(INVALID_FORMAT, f"{key} holds '{item}', not an IPv4 network (CIDR)")
        elif inside and not (network.prefixlen == 30 and network.subnet_of(_LINK_LOCAL)):
            check.add(OUT_OF_RANGE, f"{key} holds '{item}', not a /30 within 169.254.0.0/16")
        else:
            networks.append(str(network))
    return networks


def _region(check: FieldErrors, body: dict[str, Any], type_id: int, *, required: bool) -> str:
    available = [region for region, _ in AVAILABLE_REGIONS.get(type_id, ())]
    region = _text(check, body, "region", required=required)
    if region is None:
        return available[0]
    if region not in available:
        check.add(
            INVALID_REFERENCE,
            f"Region '{region}' is not available for breakout type {type_id} "
            f"({', '.join(available)}).",
        )
    return region


def _unknown(check: FieldErrors, body: dict[str, Any], known: frozenset[str]) -> None:
    for key in body:
        if key not in known:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")


def _user_id(request: web.Request) -> int:
    # An application token acts for the user who made it: the emulator's one user.
    return principal(request).user_id or request.app[AUTH].user_id


async def create_tgw(request: web.Request) -> web.Response:
    what = "Create CloudConnect attachment validation error"
    body = await json_object(request, what)
    check = FieldErrors(what)
    _unknown(check, body, TGW_FIELDS)
    _type(check, body, (TGW,))
    name = _text(check, body, "name", required=True)
    description = _text(check, body, "description", required=False)
    cidrs = _networks(check, body, "vpc_cidr", required=True)
    region = _region(check, body, TGW, required=True)
    account = body.get("aws_account_id")
    if account is None:
        check.add(REQUIRED, "aws_account_id is required")
    elif not isinstance(account, str) or not _AWS_ACCOUNT.fullmatch(account):
        check.add(INVALID_FORMAT, "aws_account_id must be the 12 digits of an AWS account")
    check.raise_if_any()
    store = state(request).cloud_connect
    now = store.now()
    attachment = Attachment(
        0,
        principal(request).org_id,
        _user_id(request),
        TGW,
        name or "",
        region,
        now,
        cidrs,
        description=description,
        aws_account_id=account,
        offered_ts=now,
    )
    store.create(attachment)
    return created_at(request, f"{PATH}/{attachment.id}")


async def create_vpn(request: web.Request) -> web.Response:
    what = "Create CloudConnect attachment validation error"
    body = await json_object(request, what)
    check = FieldErrors(what)
    _unknown(check, body, VPN_FIELDS)
    type_id = _type(check, body, (VPN, VPN_BGP))
    name = _text(check, body, "name", required=True)
    description = _text(check, body, "description", required=False)
    region = _region(check, body, type_id, required=False)
    public_ip = _public_ip(check, body.get("public_ip"))
    psk = body.get("psk")
    if psk is not None and not (isinstance(psk, str) and _PSK.fullmatch(psk)):
        check.add(INVALID_FORMAT, "psk must be 8-64 letters, digits, '.' or '_', not starting 0")
    asn = body.get("asn")
    if type_id == VPN_BGP and asn is None:
        check.add(REQUIRED, "asn is required for a dynamic (BGP) VPN, type 3")
    elif asn is not None and type_id != VPN_BGP:
        check.add(INVALID_FORMAT, "asn is for a dynamic (BGP) VPN, type 3, only")
    elif asn is not None and not (is_int(asn) and 1 <= asn <= _MAX_ASN):
        check.add(OUT_OF_RANGE, f"asn must be from 1 to {_MAX_ASN}")
    cidrs = _networks(check, body, "on_prem_cidr", required=True)
    inside = _networks(check, body, "inside_cidr", required=False, inside=True)
    if inside and type_id != VPN_BGP:
        check.add(INVALID_FORMAT, "inside_cidr is for a dynamic (BGP) VPN, type 3, only")
    check.raise_if_any()
    store = state(request).cloud_connect
    attachment = Attachment(
        0,
        principal(request).org_id,
        _user_id(request),
        type_id,
        name or "",
        region,
        store.now(),
        cidrs,
        description=description,
        public_ip=public_ip,
        asn=asn if type_id == VPN_BGP else None,
        inside_cidr=inside,
    )
    store.create(attachment)
    attachment.psk = psk if isinstance(psk, str) else store.generated_psk(attachment.id)
    return created_at(request, f"{PATH}/{attachment.id}")


def _public_ip(check: FieldErrors, value: Any) -> str | None:
    if value is None:
        check.add(REQUIRED, "public_ip is required")
        return None
    try:
        address = ipaddress.IPv4Address(value) if isinstance(value, str) else None
    except ValueError:
        address = None
    if address is None or not address.is_global:
        check.add(INVALID_FORMAT, "public_ip must be a public IPv4 address")
        return None
    return str(address)


ROUTES = [
    Route("GET", PATH, list_attachments),
    Route("POST", PATH + "/tgw", create_tgw),
    Route("POST", PATH + "/vpn", create_vpn),
    Route("GET", ONE, get_attachment),
    Route("DELETE", ONE, delete_attachment),
    Route("PATCH", ONE, retry_attachment),
    Route("GET", "/api/v1/cnc/breakout_type", breakout_types),
    Route(
        "GET",
        "/api/v1/cnc/breakout_type/{breakout_type_id}/available_region",
        available_regions,
    ),
    Route("GET", "/api/v1/cnc/region", regions),
    Route("GET", "/api/v1/cnc/pricing", prices),
]
