"""Where a command's client comes from: the environment, or the built-in emulator."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import AsyncIterator

from .._client import AsyncEmnify
from .._constants import ENV_APPLICATION_TOKEN, ENV_USERNAME
from .._exceptions import MissingCredentialsError

DEMO_SIMS = 20_000


@contextlib.asynccontextmanager
async def open_client(
    *, emulator: bool, emulator_sims: int = DEMO_SIMS
) -> AsyncIterator[AsyncEmnify]:
    """A client from EMNIFY_* variables, or of an in-process emulator with demo data."""
    if not emulator:
        if not (os.environ.get(ENV_APPLICATION_TOKEN) or os.environ.get(ENV_USERNAME)):
            raise MissingCredentialsError(
                "set EMNIFY_APPLICATION_TOKEN (or EMNIFY_USERNAME and EMNIFY_PASSWORD), "
                "or add --emulator to try the command against the built-in emulator"
            )
        async with AsyncEmnify() as client:
            yield client
        return
    from ..testing import Emulator, EmulatorConfig  # only emulator runs need it

    async with Emulator(EmulatorConfig(sims=emulator_sims)) as server:
        print(
            f"using the built-in emulator at {server.base_url} ({emulator_sims} demo SIMs)",
            file=sys.stderr,
        )
        # In-process: a proxy from the environment could not reach it.
        async with AsyncEmnify(
            server.application_token, base_url=server.base_url, trust_env=False
        ) as client:
            yield client
