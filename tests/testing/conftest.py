"""Fixtures for the emulator's own tests: plain aiohttp clients, no SDK code."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from multidict import CIMultiDict

from emnify_async.testing import Emulator


@dataclass
class Api:
    """A plain aiohttp session bound to an emulator, with a valid bearer token."""

    emu: Emulator
    session: aiohttp.ClientSession
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.session.get(path, headers=self.auth, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Any:
        return self.session.patch(path, headers=self.auth, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.session.delete(path, headers=self.auth, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self.session.post(path, headers=self.auth, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Any:
        return self.session.put(path, headers=self.auth, **kwargs)

    async def call(self, method: str, path: str, **kwargs: Any) -> Answer:
        """One request; the answer's status, decoded body (``None`` if empty) and headers."""
        async with self.session.request(method, path, headers=self.auth, **kwargs) as resp:
            raw = await resp.read()
            body = json.loads(raw) if raw else None
            return Answer(resp.status, body, resp.headers.copy())


@dataclass
class Answer:
    status: int
    body: Any
    headers: CIMultiDict[str]


async def login(session: aiohttp.ClientSession, emu: Emulator) -> str:
    async with session.post(
        "/api/v1/authenticate", json={"application_token": emu.application_token}
    ) as resp:
        assert resp.status == 200
        token: str = (await resp.json())["auth_token"]
        return token


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


@pytest.fixture
async def api(emnify_emulator: Emulator) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession(emnify_emulator.base_url) as session:
        yield Api(emnify_emulator, session, await login(session, emnify_emulator))


async def token_for(api: Api, org_id: int) -> str:
    """An auth token acting as ``org_id`` (e.g. the enterprise 102)."""
    body = {"application_token": api.emu.application_token_for(org_id)}
    async with api.session.post("/api/v1/authenticate", json=body) as resp:
        assert resp.status == 200
        token: str = (await resp.json())["auth_token"]
        return token


async def connect(emu: Emulator) -> Api:
    """An :class:`Api` for ``emu``; close ``api.session`` when done."""
    session = aiohttp.ClientSession(emu.base_url)
    try:
        return Api(emu, session, await login(session, emu))
    except BaseException:
        await session.close()
        raise
