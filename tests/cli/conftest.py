"""Fixtures of the command-line tests: the environment a user of `emnify` would set."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence

import pytest

from emnify_async.testing import Emulator

from .device_api import DeviceAPI, ThreadedDeviceAPI


@pytest.fixture
def env(threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    """Credentials for the threaded emulator in the environment, as a user would set them."""
    monkeypatch.setenv("EMNIFY_APPLICATION_TOKEN", threaded_emulator.application_token)
    monkeypatch.setenv("EMNIFY_BASE_URL", threaded_emulator.base_url)
    return threaded_emulator


@pytest.fixture
def devices(monkeypatch: pytest.MonkeyPatch) -> Iterator[DeviceAPI]:
    """40 endpoints, their SMS and the operators, with credentials in the environment."""
    with ThreadedDeviceAPI(endpoints=40) as api:
        monkeypatch.setenv("EMNIFY_APPLICATION_TOKEN", api.api.token)
        monkeypatch.setenv("EMNIFY_BASE_URL", api.api.url)
        yield api


def emnify_process(
    args: Sequence[str], environ: Mapping[str, str] | None = None, **kwargs: object
) -> subprocess.Popen[bytes]:
    """`emnify ARGS` in a child process (`python -m emnify_async`), with no EMNIFY_* variables
    but those of `environ`."""
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("EMNIFY_")}
    child_env.update(environ or {})
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "emnify_async", *args], env=child_env, **kwargs
    )
