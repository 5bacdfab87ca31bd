"""The emulator against everything known of the real API, strictly.

Each case (``tests/testing/conformance/cases_<route module>.py``) sends one request; its
exchange is checked by ``conformance.checks``: openapi-core validation against the vendored
spec (the assembly of emnify's newer docs for operations the official spec lacks), closed
keys (no key that neither the spec nor a recording knows), the recorded shape
(``tests/recorded/`` and the spec's own examples), emnify's content type and error bodies.
A finding fails the case unless one of the case's ``Deviation``s names it, and every
deviation must still match a finding. See docs/emulator.md, "Adding a route".
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import functools
import importlib
import json
import pkgutil
from collections.abc import Callable
from types import ModuleType

import aiohttp
import pytest
from openapi_core import OpenAPI

from emnify_async.testing import Emulator, ManualClock
from tests.testing import conformance
from tests.testing.conformance import recorded, spec
from tests.testing.conformance.checks import (
    all_findings,
    closed_findings,
    error_findings,
    shape_findings,
)
from tests.testing.conformance.harness import NOW, Case, Exchange, Finding
from tests.testing.conformance.recorded import Fix, Shape, Twin


def _area_modules() -> list[ModuleType]:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(conformance.__path__)
        if info.name.startswith("cases_")
    )
    return [importlib.import_module(f"{conformance.__name__}.{name}") for name in names]


AREAS = _area_modules()
CASES: dict[str, Case] = {}
for _area in AREAS:
    for _case in _area.CASES:
        assert _case.name not in CASES, f"two cases named {_case.name!r}"
        CASES[_case.name] = _case
FIXES: list[Fix] = [
    *recorded.recorded_fixes(),
    *(fix for area in AREAS for fix in getattr(area, "EXAMPLE_FIXES", ())),
]
SUPERSEDED: dict[str, str] = {
    source: reason for area in AREAS for source, reason in getattr(area, "SUPERSEDED", {}).items()
}
TWINS: list[Twin] = [twin for area in AREAS for twin in getattr(area, "TWINS", ())]


def _own_examples(method: str, pattern: str, status: int) -> list[object]:
    return [v for _, v in recorded.examples(method, pattern, status, FIXES, SUPERSEDED)]


@functools.cache
def known_shape(method: str, pattern: str, status: int) -> Shape | None:
    """The merged shape of every known real answer of the operation (and of its twins' at the
    twinned places), ``None`` without any."""
    shape = Shape.of(_own_examples(method, pattern, status))
    known = bool(shape.types)
    wanted = (method, recorded.template(pattern))
    for twin in TWINS:
        for (m, p, at), (other_m, other_p, other_at) in ((twin.a, twin.b), (twin.b, twin.a)):
            if (m, recorded.template(p)) != wanted:
                continue
            values = [
                found
                for example in _own_examples(other_m, other_p, status)
                for found in recorded.values_at(example, other_at)
            ]
            node = shape.at(at)
            for value in values:
                node.add(value)
            known = known or bool(values)
    return shape if known else None


@pytest.fixture(scope="session")
def openapi() -> OpenAPI:
    """The parsed spec; loading the 640 KB file is slow, so once per session (and not async)."""
    return spec.load(relaxed=True)


@pytest.fixture(scope="session")
def newer_openapi() -> OpenAPI:
    """The newer docs' operations that the official spec lacks, parsed once per session."""
    return spec.load_newer()


@pytest.fixture(scope="session")
def specs(openapi: OpenAPI, newer_openapi: OpenAPI) -> Callable[[Exchange], OpenAPI]:
    """The spec that documents an exchange's operation."""

    def documenting(exchange: Exchange) -> OpenAPI:
        newer = spec.from_newer_docs(exchange.method, exchange.pattern)
        return newer_openapi if newer else openapi

    return documenting


async def _run_area(area: ModuleType) -> dict[str, Exchange]:
    """The area's cases in order, against a fresh emulator of their own."""
    emu = Emulator(seed=5, sims=120, clock=ManualClock(NOW))
    async with emu, aiohttp.ClientSession(emu.base_url) as s:
        async with s.post(
            "/api/v1/authenticate", json={"application_token": emu.application_token}
        ) as resp:
            token = (await resp.json())["auth_token"]
        return {case.name: await case.run(emu, s, token) for case in area.CASES}


@pytest.fixture(scope="module")
def exchanges() -> dict[str, Exchange]:
    """Every case run once (a synchronous fixture, its own loop)."""

    async def collect() -> dict[str, Exchange]:
        found: dict[str, Exchange] = {}
        for area in AREAS:
            found.update(await _run_area(area))
        return found

    return asyncio.run(collect())


def findings_of(openapi: OpenAPI, case: Case, exchange: Exchange) -> list[Finding]:
    return all_findings(
        openapi,
        exchange,
        check_request=not case.invalid_request,
        shape=known_shape(exchange.method, exchange.pattern, exchange.status),
        optional=case.optional,
    )


@pytest.mark.parametrize("name", list(CASES))
def test_conforms(
    specs: Callable[[Exchange], OpenAPI], exchanges: dict[str, Exchange], name: str
) -> None:
    case = CASES[name]
    exchange = exchanges[name]
    findings = findings_of(specs(exchange), case, exchange)
    unexpected = [f for f in findings if not any(d.matches(f) for d in case.deviations)]
    unused = [d for d in case.deviations if not any(d.matches(f) for f in findings)]
    assert not unexpected, "\n".join(map(str, unexpected))
    assert not unused, "deviations that no longer occur:\n" + "\n".join(
        f"{d.check} {d.where}: {d.rule}" for d in unused
    )


def test_cases_answer_the_status_in_their_name(exchanges: dict[str, Exchange]) -> None:
    """A case named "... 404" must get 404: validating a wrong answer proves nothing."""
    assert all(name[-3:].isdigit() for name in CASES)
    wrong = {
        name: exchange.status
        for name, exchange in exchanges.items()
        if exchange.status != int(name[-3:])
    }
    assert not wrong


def test_timestamp_deviation_is_real(exchanges: dict[str, Exchange]) -> None:
    from openapi_core.validation.response.exceptions import InvalidData

    strict = spec.load(relaxed=False)
    exchange = exchanges["sim details 200"]
    with pytest.raises(InvalidData, match="is not a 'date-time'"):
        strict.validate_response(exchange.mock_request(), exchange.mock_response())


def test_every_served_operation_is_covered(exchanges: dict[str, Exchange]) -> None:
    from emnify_async.testing._app import ALL_ROUTES

    covered = {(e.method, e.pattern) for e in exchanges.values()}
    assert {(route.method, route.path) for route in ALL_ROUTES} <= covered


def test_every_sdk_operation_has_a_nonempty_case(exchanges: dict[str, Exchange]) -> None:
    """Each operation the SDK declares has a successful case, with content where it answers
    any: an empty page or ``{}`` would validate nothing."""
    from emnify_async._ops import ALL

    def nonempty(exchange: Exchange) -> bool:
        if not 200 <= exchange.status < 300:
            return False
        if not exchange.body:  # fine where the spec documents no content
            documented = spec.response(exchange.method, exchange.pattern, exchange.status)
            return not (documented or {}).get("content")
        data = json.loads(exchange.body)
        if data == {}:  # content only where the spec documents an object with no properties
            schema = spec.resolve(
                spec.response_schema(exchange.method, exchange.pattern, exchange.status)
            )
            return isinstance(schema, dict) and schema.get("properties") == {}
        return data not in (None, [])

    missing = [
        f"{op.id} ({op.method} {op.path})"
        for op in ALL
        if not any(
            nonempty(e)
            for e in exchanges.values()
            if (e.method, recorded.template(e.pattern)) == (op.method, recorded.template(op.path))
        )
    ]
    assert not missing


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case.invalid_request])
def test_invalid_requests_are_refused_by_the_spec(
    specs: Callable[[Exchange], OpenAPI], exchanges: dict[str, Exchange], name: str
) -> None:
    """The requests exempted from request validation really do break the spec."""
    from openapi_core.exceptions import OpenAPIError

    exchange = exchanges[name]
    with pytest.raises(OpenAPIError):
        specs(exchange).validate_request(exchange.mock_request())


def test_every_recording_is_compared(exchanges: dict[str, Exchange]) -> None:
    """Each recorded answer is compared with at least one case of its operation and status."""
    answered = {(e.method, recorded.template(e.pattern), e.status) for e in exchanges.values()}
    unused = [
        r.source
        for r in recorded.recordings()
        if (r.method, recorded.template(r.path), r.status) not in answered
    ]
    assert not unused


def test_superseded_examples_exist() -> None:
    """Each superseded example is one of the spec's (else the spec changed: review it)."""
    known = {
        source
        for pattern, item in spec.raw_spec()["paths"].items()
        for method in item
        if method in ("get", "put", "post", "patch", "delete")
        for source, _, _ in spec.examples(method, pattern)
    }
    assert set(SUPERSEDED) <= known


def test_example_fixes_still_apply() -> None:
    """Each correction of a spec example changes it (else the spec changed: review the fix)."""
    assert not [f"{f.method} {f.path} {f.at}" for f in recorded.stale_fixes(FIXES)]


# --- the checks catch what they must ------------------------------------------------------------


def _body(exchanges: dict[str, Exchange], name: str) -> object:
    return json.loads(exchanges[name].body)


def _shape_and_schema(exchange: Exchange) -> tuple[Shape, list[object]]:
    shape = known_shape(exchange.method, exchange.pattern, exchange.status)
    assert shape is not None
    schema = spec.response_schema(exchange.method, exchange.pattern, exchange.status)
    return shape, [schema]


def test_an_invented_key_is_found(exchanges: dict[str, Exchange]) -> None:
    exchange = exchanges["sim details 200"]
    shape, schemas = _shape_and_schema(exchange)
    body = copy.deepcopy(_body(exchanges, "sim details 200"))
    assert isinstance(body, dict)
    body["status"]["colour"] = "green"
    assert Finding("closed", "body.status.colour", "unknown key", "neither spec nor recording") in (
        closed_findings(body, schemas, shape, "body")
    )
    assert any(f.where == "body.status.colour" for f in shape_findings(body, shape, "body", ()))


def test_a_renamed_key_is_found(exchanges: dict[str, Exchange]) -> None:
    exchange = exchanges["events 200"]
    shape, _ = _shape_and_schema(exchange)
    events = copy.deepcopy(_body(exchanges, "events 200"))
    assert isinstance(events, list) and events
    source = events[0]["event_source"]
    source["name"] = source.pop("description")
    rules = {(f.where, f.rule) for f in shape_findings(events, shape, "body", ())}
    assert {("body[*].event_source.name", "extra key")} <= rules
    assert {("body[*].event_source.description", "missing key")} <= rules


def test_a_number_sent_as_a_string_is_found(exchanges: dict[str, Exchange]) -> None:
    exchange = exchanges["register batch 200"]
    shape, _ = _shape_and_schema(exchange)
    body = copy.deepcopy(_body(exchanges, "register batch 200"))
    assert isinstance(body, dict)
    body["sim"][0]["id"] = str(body["sim"][0]["id"])
    assert [f.rule for f in shape_findings(body, shape, "body", ())] == ["type"]


def test_newer_docs_answers_are_checked_against_the_newer_docs(
    specs: Callable[[Exchange], OpenAPI], exchanges: dict[str, Exchange]
) -> None:
    """An operation only the newer docs document is validated against them: a required key
    left out and an invented key are both found."""
    exchange = exchanges["euicc details 200"]
    assert spec.from_newer_docs(exchange.method, exchange.pattern)
    assert not spec.from_newer_docs("GET", "/api/v1/sim/{sim_id}")
    body = json.loads(exchange.body)
    del body["created"]
    body["colour"] = "green"
    broken = dataclasses.replace(exchange, body=json.dumps(body).encode())

    case = CASES["euicc details 200"]
    found = {(f.check, f.where, f.rule) for f in findings_of(specs(broken), case, broken)}

    assert ("response", "body.created", "required") in found
    assert ("closed", "body.colour", "unknown key") in found


def test_newer_docs_error_form_is_checked(exchanges: dict[str, Exchange]) -> None:
    """The eUICC services' errors are `{status_code, message}` with the answer's status."""
    exchange = exchanges["euicc details unknown 404"]
    body = json.loads(exchange.body)
    assert body["status_code"] == 404
    body["status_code"] = 500
    broken = dataclasses.replace(exchange, body=json.dumps(body).encode())

    assert [f.where for f in error_findings(broken)] == ["body.status_code"]
