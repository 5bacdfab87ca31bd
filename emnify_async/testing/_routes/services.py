"""Service lookups and configuration: the services, their traffic limits (seeded, read-only)
and the organisation's DNS configurations (``/api/v1/service``, ``/traffic_limit``, ``/dns``)."""

from __future__ import annotations

import ipaddress
from typing import Any

from aiohttp import web

from emnify_async.testing._body import FieldErrors, is_int, json_object
from emnify_async.testing._catalog import SERVICES, TRAFFIC_LIMITS
from emnify_async.testing._errors import (
    CANNOT_BE_DELETED,
    INVALID_FORMAT,
    OUT_OF_RANGE,
    REQUIRED,
    ApiError,
    not_found,
)
from emnify_async.testing._routing import (
    Route,
    created,
    no_content,
    ok,
    owned_id,
    path_id,
    principal,
    state,
)
from emnify_async.testing._stores.device_profiles import traffic_limit

DNS = "/api/v1/dns"
DNS_ERROR = "Create DNS validation error"
DNS_FIELDS = ("primary", "secondary", "ip_address_version")


async def list_services(request: web.Request) -> web.Response:
    return ok([SERVICES[service_id] for service_id in sorted(SERVICES)])


async def service_traffic_limits(request: web.Request) -> web.Response:
    service_id = path_id(request, "service_id")
    if service_id not in SERVICES:
        raise not_found("Service", service_id)
    limits = sorted(i for i, (service, _, _) in TRAFFIC_LIMITS.items() if service == service_id)
    return ok([traffic_limit(limit_id) for limit_id in limits])


async def list_traffic_limits(request: web.Request) -> web.Response:
    return ok([traffic_limit(limit_id, with_service=True) for limit_id in sorted(TRAFFIC_LIMITS)])


# --- DNS configurations ---------------------------------------------------------------------


async def list_dns(request: web.Request) -> web.Response:
    dns = state(request).dns
    return ok([dns.render(config) for config in dns.of_org(principal(request).org_id)])


def _nameserver(check: FieldErrors, body: dict[str, Any], key: str, version: object) -> str:
    value = body.get(key)
    if value is None:
        check.add(REQUIRED, f"{key} is required")
        return ""
    try:
        address = ipaddress.ip_address(value) if isinstance(value, str) else None
    except ValueError:
        address = None
    if address is None:
        check.add(INVALID_FORMAT, f"{key} must be an IP address")
    elif version in (4, 6) and address.version != version:
        check.add(INVALID_FORMAT, f"{key} is not an IPv{version} address")
    return str(value)


async def create_dns(request: web.Request) -> web.Response:
    """Both nameservers and the IP version (4 or 6) are required; the addresses must be of
    that version."""
    emu = state(request)
    body = await json_object(request, DNS_ERROR)
    check = FieldErrors(DNS_ERROR)
    for key in body:
        if key not in DNS_FIELDS:
            check.add(INVALID_FORMAT, f"Unknown field '{key}'")
    version = body.get("ip_address_version")
    if version is None:
        check.add(REQUIRED, "ip_address_version is required")
    elif not is_int(version):
        check.add(INVALID_FORMAT, "ip_address_version must be 4 or 6")
    elif version not in (4, 6):
        check.add(OUT_OF_RANGE, "ip_address_version must be 4 or 6")
    primary = _nameserver(check, body, "primary", version)
    secondary = _nameserver(check, body, "secondary", version)
    check.raise_if_any()
    assert isinstance(version, int)
    config = emu.dns.create(principal(request).org_id, primary, secondary, version)
    return created(f"{DNS}/{config.id}")


async def delete_dns(request: web.Request) -> web.Response:
    """204; a configuration a service profile uses cannot be deleted (409 CannotBeDeleted)."""
    emu = state(request)
    dns_id = owned_id(request, "dns_id", emu.dns.owns, "DNS")
    if emu.profiles.uses_dns(dns_id):
        raise ApiError.of(CANNOT_BE_DELETED, "DNS still referenced by Service Profile.")
    emu.dns.delete(dns_id)
    return no_content()


ROUTES = [
    Route("GET", "/api/v1/service", list_services),
    Route("GET", "/api/v1/service/{service_id}/traffic_limit", service_traffic_limits),
    Route("GET", "/api/v1/traffic_limit", list_traffic_limits),
    Route("GET", DNS, list_dns),
    Route("POST", DNS, create_dns),
    Route("DELETE", DNS + "/{dns_id}", delete_dns),
]
