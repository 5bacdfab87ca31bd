"""Malformed input to every route: the emulator answers 4xx with an emnify error body (or,
where the newer docs document it, the eSIM services' ``{status_code, message}``).

The real API answers malformed input with 4xx; the emulator never answers 5xx (nor drops the
connection) unless a fault was injected. Hypothesis draws malformed path ids, query strings,
dates and bodies per route, derandomized (the same examples every run) and few of them, so
the whole file takes a few seconds. The requests go over a raw ``http.client`` connection, so
nothing is normalised on the way.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import http.client
import json
import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing._app import ALL_ROUTES
from emnify_async.testing._routing import Route
from tests.testing.conformance import spec
from tests.testing.conformance.checks import (
    documents_status_code,
    error_body_problems,
    status_error_problems,
)

FUZZ = settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PARAM = re.compile(r"\{([^}]+)\}")
# Answers the real API sends without a body (recorded): the failed logins before the lock,
# and the refusals of a SIM batch registration.
EMPTY_ERRORS = {
    ("POST", "/api/v1/authenticate", 401),
    ("PATCH", "/api/v1/sim_batch/bic/{bic}", 422),
}
# The event lists of an unknown SIM or endpoint are empty, not 404 (documented quirk).
EMPTY_FOR_UNKNOWN = {
    "/api/v1/sim/{sim_id}/event",
    "/api/v1/endpoint/{endpoint_id}/event",
    "/api/v1/user/{user_id}/event",
}


class Server:
    """An emulator served from its own thread and event loop, for a synchronous client."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.emu = Emulator(seed=3, sims=40, clock=ManualClock("2026-03-14T12:00:00Z"))
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self._run(self.emu.start())
        self.host = urlsplit(self.emu.base_url).netloc
        self.token = self._login()

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=30)

    def _login(self) -> str:
        status, body = self.send(
            "POST",
            "/api/v1/authenticate",
            json.dumps({"application_token": self.emu.application_token}).encode(),
            token=None,
        )
        assert status == 200
        token: str = json.loads(body)["auth_token"]
        return token

    def send(
        self, method: str, target: str, body: bytes | None = None, token: str | None = ""
    ) -> tuple[int, bytes]:
        """One request on a fresh connection; a dropped connection fails the test."""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token or self.token}"
        connection = http.client.HTTPConnection(self.host, timeout=30)
        try:
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        except (ConnectionError, http.client.HTTPException) as exc:
            pytest.fail(f"{method} {target!r}: the connection dropped ({exc!r})")
        finally:
            connection.close()

    def close(self) -> None:
        self._run(self.emu.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    served = Server()
    yield served
    served.close()


def _valid(server: Server, name: str) -> str:
    """A path parameter that exists, so that the other parts of a request are what fails."""
    emu = server.emu
    values = {
        "sim_id": "1",
        "endpoint_id": "1",
        "sms_id": "1",
        "operator_id": "942",
        "org_id": "102",
        "org_id_or_my": "my",
        "inclusive_volume_id": "1102",
        "tariff_id": "5",
        "bic": next(iter(emu.state.batches)),
        "user_id": "4715",  # not the emulator's login: a fuzzed write may change it
        "role_id": "3",
        "key_id": "12",
        "device_id": "16",
        "app_token_id": "1",
        "profile_id": "2",
        "quota_type": "sms",
        "service_id": "38",
        "limit_id": "234",
        "dns_id": "2",
        "data_stream_id": "689d97ba",
        "api_callback_id": "2",
        "api_secret_id": "1",
        "cloudconnect_attachment_id": "75",
        "breakout_type_id": "1",
        "tariff_profile_id": "2",
        "ratezone_id": "1",
        "address_space_id": "150",
        "euicc_id": str(emu.state.euiccs.ids(emu.state.org_id)[0]),
        "operation_id": "00000000-0000-4000-8000-000000000000",
        "rate_type_id": "6",
        "custom_event_id": _first(emu.state.automations.custom_events),
        "template_id": "1",
        "system_event_id": _first(emu.state.automations.system_events),
        # Automations and actions share `{id}`: an automation fits both kinds of route.
        "id": _first(emu.state.automations.automations),
        "workspace_id": "101",
    }
    if name == "tag_id":  # the emulator starts without tags: one is made (again) as needed
        tags, org_id = emu.state.tags, emu.state.org_id
        return str((tags.named(org_id, "fuzz") or tags.create(org_id, "fuzz", None)).id)
    return values[name]


def _first(ids: Iterable[str]) -> str:
    return next(iter(ids))


def _target(path: str, params: dict[str, str], query: list[tuple[str, str]]) -> str:
    target = PARAM.sub(lambda m: quote(params[m.group(1)], safe=""), path)
    return f"{target}?{urlencode(query)}" if query else target


def _check(route: Route, status: int, body: bytes, target: str) -> None:
    assert status < 500, f"{route.method} {target!r} answered {status}: {body[:200]!r}"
    if status < 400:
        return
    if not body:
        assert (route.method, route.path, status) in EMPTY_ERRORS, f"{target!r}: empty {status}"
        return
    decoded = json.loads(body)
    if documents_status_code(route.method, route.path, status):
        problems = status_error_problems(decoded, status)
    else:
        problems = error_body_problems(decoded)
    assert not problems, f"{route.method} {target!r} answered {status} {body[:200]!r}: {problems}"


def _takes_body(route: Route) -> bool:
    operation = spec.operation(route.method, route.path) or {}
    return "requestBody" in operation


# --- what is drawn --------------------------------------------------------------------------

_NOT_A_NUMBER = st.text(min_size=1).filter(lambda text: not text.strip().lstrip("+-").isdigit())
_MALFORMED_ID = st.one_of(
    _NOT_A_NUMBER,
    st.sampled_from(["-1", "0", "99999999999999999999999", "1.5", "1e3", " ", "%", "my/../1"]),
)


def _not_a_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return True
    return False


_DATES = st.one_of(
    st.text().filter(_not_a_date),
    st.dates().map(dt.date.isoformat),
    st.sampled_from(
        ["0001-01-01", "9999-12-31", "2024-02-30", "2024-13-01", "9999-12-31T23:59:59Z"]
    ),
)
_QUERY = st.lists(
    st.tuples(
        st.sampled_from(
            ["page", "per_page", "q", "sort", "start_date", "end_date", "subscriber", "ussd"]
        ),
        st.one_of(
            st.text(), _DATES, st.sampled_from(["id:1\n", "status:1,\r\n", "-id,\x00", "\u2028"])
        ),
    ),
    max_size=4,
)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=8,
)
_BODY = st.one_of(
    _JSON.map(lambda value: json.dumps(value).encode()),
    st.binary(max_size=40),
    st.sampled_from(
        [b"{", b"[1,", b"\xff\xfe", b"null", b'{"id": 1e999}', b'{"sim": {"id": "1"}}']
    ),
)
_MALFORMED_JSON = st.one_of(
    st.sampled_from([b"{", b"[1,", b"\xff\xfe{}", b"{'a': 1}", b'{"a": }', b"nul"]),
    st.text(min_size=1).map(lambda text: ("{" + text).encode()),
)

ROUTES = [pytest.param(route, id=f"{route.method} {route.path}") for route in ALL_ROUTES]

# Drawn "malformed" values that are valid for one parameter: service 0 is USSD.
_VALID = {"service_id": {"0"}}


@pytest.mark.parametrize("route", [r for r in ROUTES if PARAM.search(r.values[0].path)])
def test_malformed_path_ids_are_4xx(server: Server, route: Route) -> None:
    names = PARAM.findall(route.path)

    @FUZZ
    @given(data=st.data())
    def fuzz(data: st.DataObject) -> None:
        params = {name: _valid(server, name) for name in names}
        bad = data.draw(st.sampled_from(names))
        params[bad] = data.draw(_MALFORMED_ID.filter(lambda v: v not in _VALID.get(bad, ())))
        target = _target(route.path, params, [])
        body = b"{}" if _takes_body(route) else None
        status, answer = server.send(route.method, target, body)
        _check(route, status, answer, target)
        if (status, answer) == (200, b"[]") and route.path in EMPTY_FOR_UNKNOWN:
            return
        assert 400 <= status < 500, f"{route.method} {target!r} answered {status}"

    fuzz()


@pytest.mark.parametrize("route", ROUTES)
def test_malformed_queries_and_bodies_never_fail_the_server(server: Server, route: Route) -> None:
    names = PARAM.findall(route.path)

    @FUZZ
    @given(query=_QUERY, body=st.one_of(st.none(), _BODY))
    def fuzz(query: list[tuple[str, str]], body: bytes | None) -> None:
        target = _target(route.path, {name: _valid(server, name) for name in names}, query)
        status, answer = server.send(route.method, target, body)
        _check(route, status, answer, target)

    fuzz()


@pytest.mark.parametrize("route", [r for r in ROUTES if _takes_body(r.values[0])])
def test_malformed_json_bodies_are_4xx(server: Server, route: Route) -> None:
    names = PARAM.findall(route.path)

    @FUZZ
    @given(body=_MALFORMED_JSON)
    def fuzz(body: bytes) -> None:
        target = _target(route.path, {name: _valid(server, name) for name in names}, [])
        status, answer = server.send(route.method, target, body, token=None if route.public else "")
        _check(route, status, answer, target)
        assert 400 <= status < 500, f"{route.method} {target!r} answered {status}"

    fuzz()


# The inputs the issue reports, pinned (each crashed the emulator before).
@pytest.mark.parametrize(
    ("target", "status"),
    [
        ("/api/v1/sim?q=status%3A1%0Aendpoint%3Anull", 422),
        ("/api/v1/endpoint?q=name%3Aa%0D%0Ab", 422),
        ("/api/v1/sim/1/event?sort=id%0A", 422),
        ("/api/v1/organisation/my/stats/daily?start_date=0001-01-01", 200),
        ("/api/v1/organisation/my/stats/daily?end_date=9999-12-31", 200),
        ("/api/v1/sim/1/stats/daily?start_date=0001-01-01", 200),
        ("/api/v1/organisation/my/stats/hourly?end_date=9999-12-31", 200),
    ],
)
def test_the_reported_inputs(server: Server, target: str, status: int) -> None:
    answered, _ = server.send("GET", target)
    assert answered == status
