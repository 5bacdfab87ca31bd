"""Fixtures of the command-line tests: the environment a user of `emnify` would set."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

import pytest

from emnify_async.testing import Emulator


@pytest.fixture
def env(threaded_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Emulator:
    """Credentials for the threaded emulator in the environment, as a user would set them."""
    monkeypatch.setenv("EMNIFY_APPLICATION_TOKEN", threaded_emulator.application_token)
    monkeypatch.setenv("EMNIFY_BASE_URL", threaded_emulator.base_url)
    return threaded_emulator


def emnify_process(args: Sequence[str], **kwargs: object) -> subprocess.Popen[bytes]:
    """`emnify ARGS` in a child process (`python -m emnify_async`), without EMNIFY_* variables."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("EMNIFY_")}
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "emnify_async", *args], env=environ, **kwargs
    )
