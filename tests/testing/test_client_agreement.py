"""The emulator and the SDK state emnify's documented limits once each; here they must agree.

Rate limits: the client paces itself by ``DOCUMENTED_LIMITS`` (``emnify_async/_ratelimit.py``)
and the emulator enforces ``Route(limit=...)``; for every path the emulator serves, the first
client rule matching it (as the client matches: method, then the whole path) has the route's
rate and burst, and a route without a limit matches no client rule. Page maxima: every paged
route clamps ``per_page`` to the client's constant for that endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from emnify_async._constants import (
    ENDPOINT_MAX_PER_PAGE,
    EUICC_MAX_PER_PAGE,
    EVENT_MAX_PER_PAGE,
    SIM_MAX_PER_PAGE,
    SIM_OPERATION_MAX_PER_PAGE,
    USER_MAX_PER_PAGE,
)
from emnify_async._ratelimit import DOCUMENTED_LIMITS, PathLimit
from emnify_async.testing._app import ALL_ROUTES
from emnify_async.testing._routing import Route

from .conftest import Api

# A value for each path parameter; `my` is tried too where the route accepts it.
SAMPLES = {
    "sim_id": ["1"],
    "bic": ["8AZ2Q7T0000000AB"],
    "org_id": ["102"],
    "org_id_or_my": ["102", "my"],
    "inclusive_volume_id": ["1101"],
    "tariff_id": ["1"],
    "endpoint_id": ["1"],
    "sms_id": ["4"],
    "operator_id": ["3"],
    "user_id": ["4711", "my"],
    "role_id": ["1"],
    "key_id": ["12"],
    "device_id": ["16"],
    "app_token_id": ["1"],
    "profile_id": ["1"],
    "quota_type": ["data"],
    "service_id": ["38"],
    "limit_id": ["111"],
    "dns_id": ["1"],
    "data_stream_id": ["a1b2c3d4"],
    "api_callback_id": ["2"],
    "api_secret_id": ["1"],
    "cloudconnect_attachment_id": ["75"],
    "breakout_type_id": ["1"],
    "tariff_profile_id": ["1"],
    "ratezone_id": ["1"],
    "address_space_id": ["1"],
    "euicc_id": ["1"],
    "operation_id": ["00000000-0000-4000-8000-000000000000"],
    "tag_id": ["1"],
    "rate_type_id": ["6"],
    "custom_event_id": ["00000000-0000-4000-8000-000000000000"],
    "template_id": ["1"],
    "system_event_id": ["00000000-0000-4000-8000-000000000000"],
    "id": ["00000000-0000-4000-8000-000000000000"],
    "workspace_id": ["102"],
}
PARAMETER = re.compile(r"\{(\w+)\}")

# Disagreements where the emulator follows emnify's documentation and the client does not;
# each must still be a disagreement (so a fixed client makes this test fail until removed).
CLIENT_DEVIATIONS: dict[tuple[str, str], str] = {}

# The client's per_page maximum of each paged endpoint.
CLIENT_MAXIMA = {
    ("GET", "/api/v1/sim"): SIM_MAX_PER_PAGE,
    ("GET", "/api/v1/sim/{sim_id}/event"): EVENT_MAX_PER_PAGE,
    ("GET", "/api/v1/endpoint"): ENDPOINT_MAX_PER_PAGE,
    ("GET", "/api/v1/endpoint/{endpoint_id}/event"): EVENT_MAX_PER_PAGE,
    ("GET", "/api/v1/event"): EVENT_MAX_PER_PAGE,
    ("GET", "/api/v1/euicc"): EUICC_MAX_PER_PAGE,
    ("GET", "/api/v1/euicc/{euicc_id}/operation"): EUICC_MAX_PER_PAGE,
    ("GET", "/api/v1/sim/operation"): SIM_OPERATION_MAX_PER_PAGE,
    ("GET", "/api/v1/user"): USER_MAX_PER_PAGE,
    ("GET", "/api/v1/user/{user_id}/event"): EVENT_MAX_PER_PAGE,
}


def _paths(template: str) -> Iterator[str]:
    names = PARAMETER.findall(template)
    choices: list[dict[str, str]] = [{}]
    for name in names:
        choices = [{**chosen, name: value} for chosen in choices for value in SAMPLES[name]]
    for chosen in choices:
        yield PARAMETER.sub(lambda m, c=chosen: c[m.group(1)], template)  # type: ignore[misc]


def _client_rule(method: str, path: str) -> PathLimit | None:
    """The rule the client applies to a request (its own matching: the first one wins)."""
    for rule in DOCUMENTED_LIMITS:
        if rule.method.upper() == method and re.fullmatch(rule.pattern + "/?", path):
            return rule
    return None


def _disagreements() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for route in ALL_ROUTES:
        emulator = None if route.limit is None else (route.limit.rate, route.limit.burst)
        for path in _paths(route.path):
            rule = _client_rule(route.method, path)
            client = None if rule is None else (rule.rate, rule.burst)
            if client != emulator:
                found[(route.method, route.path)] = (
                    f"{route.method} {path}: emulator {emulator}, client {client}"
                    f" ({rule.pattern if rule else 'no rule'})"
                )
    return found


def test_rate_limits_agree_with_the_client() -> None:
    found = _disagreements()
    unexpected = {key: text for key, text in found.items() if key not in CLIENT_DEVIATIONS}
    assert not unexpected, "\n".join(unexpected.values())
    fixed = set(CLIENT_DEVIATIONS) - set(found)
    assert not fixed, f"no longer a disagreement, remove from CLIENT_DEVIATIONS: {fixed}"


def test_every_limited_route_is_seen_by_the_check() -> None:
    """The samples reach every route, and the client knows every path the emulator limits."""
    limited = [route for route in ALL_ROUTES if route.limit is not None]
    assert len(limited) >= 5
    for route in limited:
        for path in _paths(route.path):
            assert _client_rule(route.method, path) is not None, path


def _paged() -> list[Route]:
    return [route for route in ALL_ROUTES if route.paging is not None]


def test_every_paged_route_has_the_clients_maximum() -> None:
    served = {(route.method, route.path): route.paging.maximum for route in _paged()}  # type: ignore[union-attr]
    assert served == CLIENT_MAXIMA


@pytest.mark.parametrize("key", sorted(CLIENT_MAXIMA))
async def test_per_page_is_clamped_to_the_clients_maximum(api: Api, key: tuple[str, str]) -> None:
    """Over HTTP: asking for more than the client's maximum gets exactly that maximum."""
    method, template = key
    path = next(_paths(template))
    async with api.session.request(
        method, path, params={"per_page": str(10**6)}, headers=api.auth
    ) as resp:
        assert resp.status == 200
        assert resp.headers["X-Count-Per-Page"] == str(CLIENT_MAXIMA[key])  # any case
