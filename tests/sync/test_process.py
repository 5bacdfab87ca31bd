"""Process-level behaviour of the sync client, each in a subprocess: exit, Ctrl-C, fork."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable

import pytest

from emnify_async.testing import Emulator

PRELUDE = """
import os, sys, time
from emnify_sync import Emnify
client = Emnify(os.environ["EMU_TOKEN"], base_url=os.environ["EMU_URL"])
"""


def _spawn(code: str, emulator: Emulator) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "EMU_TOKEN": emulator.application_token,
        "EMU_URL": emulator.base_url,
        "PYTHONWARNINGS": "error",
    }
    return subprocess.Popen(
        [sys.executable, "-X", "dev", "-c", PRELUDE + textwrap.dedent(code)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str], timeout: float = 30) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def test_exit_with_an_unclosed_client_is_clean(threaded_emulator: Emulator) -> None:
    """A script that never closes its client exits promptly, with no warning on stderr."""
    proc = _spawn(
        """
        print(len(client.sims.statuses().to_list()))
        for sim in client.sims.list(per_page=100):
            break  # an abandoned page stream too
        """,
        threaded_emulator,
    )

    started = time.monotonic()
    code, out, err = _finish(proc)

    assert (code, out.strip(), err) == (0, "5", "")
    assert time.monotonic() - started < 15


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_cancels_the_call(threaded_emulator: Emulator) -> None:
    """Ctrl-C during a slow call raises KeyboardInterrupt at once and cancels the request."""
    threaded_emulator.inject("GET", "/api/v1/sim/status", action="delay", delay=20.0)
    proc = _spawn(
        """
        client.sims.get(1)  # authenticated and connected before the slow call
        print("calling", flush=True)
        started = time.monotonic()
        try:
            client.sims.statuses().to_list()
        except KeyboardInterrupt:
            print(f"interrupted after {time.monotonic() - started:.1f}", flush=True)
            sys.exit(3)
        """,
        threaded_emulator,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "calling"
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)

    code, out, err = _finish(proc)

    assert code == 3, err
    assert out.startswith("interrupted after")
    assert float(out.split()[-1]) < 5
    assert err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_while_iterating_a_pager_raises_keyboard_interrupt(
    threaded_emulator: Emulator,
) -> None:
    """Ctrl-C while a sync pager waits for a page gives KeyboardInterrupt and a clean exit."""
    threaded_emulator.inject("GET", "/api/v1/sim", action="delay", delay=0.0)  # page 1: fast
    slow = threaded_emulator.inject("GET", "/api/v1/sim", action="delay", delay=20.0, times=10)
    proc = _spawn(
        """
        try:
            for sim in client.sims.list(per_page=100):
                pass
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            raise
        """,
        threaded_emulator,
    )
    # Later pages are requested only once the child asks for page 2, blocked in the portal.
    _wait_until(lambda: slow.fired > 0, proc)
    proc.send_signal(signal.SIGINT)

    code, out, err = _finish(proc)

    assert code == -signal.SIGINT, err  # died of the re-raised KeyboardInterrupt
    assert out == "interrupted\n"
    assert err.rstrip().endswith("KeyboardInterrupt"), err
    for noise in ("RuntimeError", "Task was destroyed", "nclosed", "Exception ignored"):
        assert noise not in err


def _wait_until(condition: Callable[[], bool], proc: subprocess.Popen[str]) -> None:
    """Wait (bounded) for `condition`, failing early if the child has already exited."""
    deadline = time.monotonic() + 30
    while not condition():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_child_after_fork_gets_a_fresh_loop_and_session(threaded_emulator: Emulator) -> None:
    """After fork the child's first call works on its own loop; the parent's client still works."""
    proc = _spawn(
        """
        import warnings
        warnings.simplefilter("ignore", DeprecationWarning)  # fork() with threads, on 3.12+
        parent_ids = [s.id for s in client.sims.list(per_page=1000)]
        pid = os.fork()
        if pid == 0:
            try:
                child_ids = [s.id for s in client.sims.list(per_page=1000)]
                ok = child_ids == parent_ids and client.sims.get(3).id == 3
            except BaseException as exc:
                print("child failed:", repr(exc), flush=True)
                ok = False
            import gc
            gc.collect()
            sys.exit(0 if ok else 7)  # a normal exit: finalizers and atexit run in the child
        _, status = os.waitpid(pid, 0)
        print("child", os.waitstatus_to_exitcode(status))
        print("parent", client.sims.get(2).id, len(client.sims.list().to_list()))
        client.close()
        """,
        threaded_emulator,
    )

    code, out, err = _finish(proc, timeout=60)

    assert code == 0, err
    assert out.split("\n")[:2] == ["child 0", "parent 2 3000"]


def test_garbage_collected_client_closes_its_session(threaded_emulator: Emulator) -> None:
    """A client dropped without close() releases its session in the background, silently."""
    proc = _spawn(
        """
        import gc
        def use_once():
            other = Emnify(os.environ["EMU_TOKEN"], base_url=os.environ["EMU_URL"])
            return len(other.sims.statuses().to_list())
        print(use_once())
        gc.collect()
        time.sleep(0.3)
        print(len(client.sims.statuses().to_list()))
        """,
        threaded_emulator,
    )

    code, out, err = _finish(proc)

    assert (code, out.split(), err) == (0, ["5", "5"], "")
