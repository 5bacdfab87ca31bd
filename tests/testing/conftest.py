"""Fixtures for the emulator's own tests: plain aiohttp clients, no SDK code."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest

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


async def connect(emu: Emulator) -> Api:
    """An :class:`Api` for ``emu``; close ``api.session`` when done."""
    session = aiohttp.ClientSession(emu.base_url)
    try:
        return Api(emu, session, await login(session, emu))
    except BaseException:
        await session.close()
        raise
