"""Cases, deviations and exchanges: what a ``cases_<area>.py`` module is written with.

A case is one request to the emulator (and any set-up requests before it), named after what it
does and the status it must get (``"list sims 200"``). Every answer is checked strictly (see
``checks``): any finding fails the case unless one of the case's ``Deviation``s names it, and
each deviation must still match a finding, so a fixed spec or a changed emulator shows up.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from openapi_core.testing import MockRequest, MockResponse

from emnify_async.testing import Emulator

SPEC_HOST = "https://cdn.emnify.net"
NOW = "2026-03-14T12:00:00Z"
"""The emulator's pinned clock: no case depends on the real date."""


@dataclass
class Exchange:
    """One request/response pair, in the form openapi-core validates."""

    method: str
    path: str
    pattern: str
    path_params: dict[str, Any]
    query: dict[str, str]
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    headers: Mapping[str, str]
    body: bytes

    def mock_request(self) -> MockRequest:
        return MockRequest(
            SPEC_HOST,
            self.method,
            self.path,
            path_pattern=self.pattern,
            args=self.query,
            # Path parameters arrive as text, whatever the schema casts them to.
            view_args={name: str(value) for name, value in self.path_params.items()},
            headers=self.request_headers,
            data=self.request_body,
        )

    def mock_response(self) -> MockResponse:
        content_type = self.headers.get("Content-Type", "application/json").split(";")[0]
        return MockResponse(self.body, self.status, dict(self.headers), content_type=content_type)


Run = Callable[[Emulator, aiohttp.ClientSession, str], Awaitable[Exchange]]
"""``(emulator, session bound to it, auth token of the parent organisation) -> exchange``."""


@dataclass(frozen=True)
class Finding:
    """One way an answer (or request) differs from what is known of the real API.

    ``check``: ``"request"`` or ``"response"`` (the spec), ``"closed"`` (a key neither the spec
    nor a recording knows), ``"shape"`` (the recorded answers), ``"headers"``, ``"error"``
    (an error body that is not emnify's). ``where``: ``"body.sim[*].id"``, ``"status"``,
    ``"header:X-Sort"``... ``rule``: the failed rule (``"type"``, ``"required"``,
    ``"unknown key"``, ``"missing key"``...).
    """

    check: str
    where: str
    rule: str
    message: str = ""

    def __str__(self) -> str:
        return f"{self.check} {self.where}: {self.rule} ({self.message})"


def path_matches(pattern: str, where: str) -> bool:
    """Whether ``where`` (``"body[*].imei"``) matches ``pattern``: ``[*]`` is literal, another
    ``*`` matches any text."""
    parts = (re.escape(part).replace(r"\*", ".*") for part in pattern.split("[*]"))
    return re.fullmatch(r"\[\*\]".join(parts), where) is not None


@dataclass(frozen=True)
class Deviation:
    """A known, documented difference: the findings it names are expected, and must occur.

    ``where`` is a pattern over ``Finding.where`` (``"body[*].dcs"``, ``[*]`` meaning a list
    item as in findings; ``*`` elsewhere matches anything); ``rule`` is matched exactly.
    ``reason`` is the evidence, for the reader and the test report.
    """

    check: str
    where: str
    rule: str
    reason: str

    def matches(self, finding: Finding) -> bool:
        return (
            finding.check == self.check
            and finding.rule == self.rule
            and path_matches(self.where, finding.where)
        )


@dataclass(frozen=True)
class Case:
    """One conformance case: ``name`` ends with the status it must get."""

    name: str
    run: Run
    deviations: tuple[Deviation, ...] = ()
    optional: Mapping[str, str] = field(default_factory=dict)
    """Recorded keys this answer may leave out or send as null (``"body[*].endpoint"``), each
    with the reason (the real API omits a key it has no value for)."""
    invalid_request: bool = False
    """The request is deliberately invalid (to check the error answer): only the response is
    validated, and a separate test proves the spec refuses the request."""


def case(name: str, run: Run, *deviations: Deviation, **options: Any) -> Case:
    """``Case(name, run, deviations, **options)`` written flat."""
    return Case(name, run, tuple(deviations), **options)


def undocumented_status(status: int, reason: str) -> Deviation:
    """The spec does not list ``status`` for the operation (the body is still checked as an
    emnify error body)."""
    return Deviation("response", "status", f"undocumented {status}", reason)


# --- requests ---------------------------------------------------------------------------------


async def call(
    session: aiohttp.ClientSession,
    method: str,
    pattern: str,
    path_params: dict[str, Any] | None = None,
    query: dict[str, str] | None = None,
    json: Any = None,
    token: str | None = None,
    headers: dict[str, str] | None = None,
) -> Exchange:
    """Sends one request and records the exchange; ``pattern`` is the spec's path template;
    ``headers`` are sent besides the token's (``{"Accept": ...}``)."""
    path = pattern.format(**(path_params or {}))
    headers = {**({"Authorization": f"Bearer {token}"} if token else {}), **(headers or {})}
    body = b"" if json is None else aiohttp.JsonPayload(json)._value
    if body:
        headers["Content-Type"] = "application/json"
    async with session.request(method, path, params=query, data=body, headers=headers) as resp:
        return Exchange(
            method=method,
            path=path,
            pattern=pattern,
            path_params=path_params or {},
            query=query or {},
            request_headers=headers,
            request_body=body,
            status=resp.status,
            headers=resp.headers.copy(),
            body=await resp.read(),
        )


async def org_token(emu: Emulator, session: aiohttp.ClientSession, org_id: int) -> str:
    """An auth token of ``org_id`` (e.g. an enterprise child), via its application token."""
    body = {"application_token": emu.application_token_for(org_id)}
    async with session.post("/api/v1/authenticate", json=body) as resp:
        token: str = (await resp.json())["auth_token"]
        return token


async def user_token(emu: Emulator, session: aiohttp.ClientSession) -> str:
    """An auth token of the emulator's user (a user login, not an application token)."""
    password = hashlib.sha1(emu.password.encode()).hexdigest()
    body = {"username": emu.username, "password": password}
    async with session.post("/api/v1/authenticate", json=body) as resp:
        token: str = (await resp.json())["auth_token"]
        return token


async def then(first: Awaitable[Any], second: Callable[[], Awaitable[Exchange]]) -> Exchange:
    """Runs ``first`` (a set-up request), then answers ``second``'s exchange."""
    await first
    return await second()
