"""The web-app guide's example apps, as written, serve SIMs from the emulator.

docs/guides/web-apps.md holds them as ``<!-- readme-test: module -->`` blocks: each is loaded
as a module (its ``__main__`` guard, which would serve forever, does not run) and served
in-process, reading its credentials from the environment as the guide says.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from aiohttp.test_utils import TestClient, TestServer

from emnify_async import AsyncEmnify, ClientClosedError
from emnify_async.testing import Emulator

from .docblocks import extract_file

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guides" / "web-apps.md"
LOGIN = "/api/v1/authenticate"


def _example(framework: str) -> ModuleType:
    """The guide's module block that imports `framework`, loaded as a module."""
    (block,) = [
        block
        for block in extract_file(GUIDE, ROOT)
        if block.mode == "module" and f"from {framework} import" in block.code
    ]
    module = ModuleType(f"web_apps_{framework}")
    module.__file__ = str(GUIDE)
    exec(compile(block.padded(), str(GUIDE), "exec"), module.__dict__)
    return module


@pytest.fixture
def emnify_env(emnify_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    """The emulator, reached through the environment as the examples expect."""
    monkeypatch.setenv("EMNIFY_BASE_URL", emnify_emulator.base_url)
    monkeypatch.setenv("EMNIFY_APPLICATION_TOKEN", emnify_emulator.application_token)
    return emnify_emulator


def _logins(emu: Emulator) -> int:
    return sum(request.path == LOGIN for request in emu.requests)


async def _assert_closed(client: Any) -> None:
    assert isinstance(client, AsyncEmnify)
    with pytest.raises(ClientClosedError):
        await client.sims.get(1)


async def test_the_aiohttp_app_shares_one_client_and_closes_it(emnify_env: Emulator) -> None:
    """Requests share the client made at start-up (one login); cleanup closes it."""
    example = _example("aiohttp")
    app = example.create_app()
    iccid = (emnify_env.state.sim(1) or {})["iccid"]

    async with TestClient(TestServer(app)) as http:
        found = await http.get("/sims/1")
        body = await found.json()
        again = await http.get("/sims/2")
        missing = await http.get("/sims/999999999")
        reason = await missing.text()
        client = app[example.EMNIFY]

    assert (found.status, again.status, missing.status) == (200, 200, 404)
    assert body["id"] == 1
    assert body["iccid"] == iccid
    assert reason == "no such SIM"
    assert _logins(emnify_env) == 1
    await _assert_closed(client)


async def test_the_fastapi_app_shares_one_client_and_closes_it(emnify_env: Emulator) -> None:
    """Requests share the client the lifespan made (one login); leaving it closes it."""
    example = _example("fastapi")
    app = example.app
    iccid = (emnify_env.state.sim(1) or {})["iccid"]

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app") as http:
            found = await http.get("/sims/1")
            again = await http.get("/sims/2")
            missing = await http.get("/sims/999999999")
            invalid = await http.get("/sims/0")
        client = app.state.emnify

    assert (found.status_code, again.status_code, missing.status_code) == (200, 200, 404)
    assert found.json()["id"] == 1
    assert found.json()["iccid"] == iccid
    assert missing.json() == {"detail": "no such SIM"}
    assert invalid.status_code == 422  # refused by the route, never sent to emnify
    assert _logins(emnify_env) == 1
    await _assert_closed(client)
