"""``python -m emnify_async.testing``: its export lines point the CLI at the served emulator."""

from __future__ import annotations

import os
import queue
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import IO

import pytest


@pytest.fixture
def served() -> Iterator[list[str]]:
    """The stdout lines the server prints before it waits, with the server still running."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "emnify_async.testing", "--port", "0", "--sims", "20"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    received: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_read_lines, args=(proc.stdout, received), daemon=True).start()
    try:
        lines: list[str] = []
        while not any("EMNIFY_PASSWORD=" in line for line in lines):
            line = received.get(timeout=30)  # Empty: the lines never came
            assert line, f"the server exited early: {lines}"
            lines.append(line.rstrip("\n"))
        yield lines
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def _read_lines(stream: IO[str] | None, received: queue.Queue[str]) -> None:
    assert stream is not None
    for line in stream:
        received.put(line)
    received.put("")  # end of output


def _exported(line: str) -> dict[str, str]:
    words = shlex.split(line.removeprefix("# "))
    assert words[0] == "export"
    return dict(word.split("=", 1) for word in words[1:])


def _cli(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "emnify_async", "sims", "list", "--limit", "3"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_pasted_export_lines_run_the_cli(served: list[str]) -> None:
    """The printed export line (token) and the commented one (user login) both work."""
    token_line = next(line for line in served if line.startswith("export "))
    login_line = next(line for line in served if line.startswith("# export "))
    with_token, with_login = _exported(token_line), _exported(login_line)

    results = [_cli(with_token), _cli(with_login)]

    assert set(with_token) == {"EMNIFY_BASE_URL", "EMNIFY_APPLICATION_TOKEN"}
    assert set(with_login) == {"EMNIFY_BASE_URL", "EMNIFY_USERNAME", "EMNIFY_PASSWORD"}
    for result in results:
        assert result.returncode == 0, result.stderr
        assert [line.split()[0] for line in result.stdout.splitlines()] == ["ID", "1", "2", "3"]
