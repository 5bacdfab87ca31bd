"""The GC pause around decoding and structuring a page leaves the collector as it found it."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from emnify_async import _json
from emnify_async._converter import structure_list
from emnify_async._gcpause import gc_paused
from emnify_async.models import Sim

PAGE = [{"id": i, "status": {"id": 1}, "iccid": str(i)} for i in range(1, 201)]


@pytest.fixture
def gc_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.fixture
def gc_disabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.mark.usefixtures("gc_enabled")
class TestWhenEnabled:
    def test_paused_inside_restored_after(self) -> None:
        """Inside the block the collector is off; after it, on again."""
        with gc_paused():
            assert not gc.isenabled()
            with gc_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()

    def test_restored_after_an_error(self) -> None:
        """An exception in the block (a ShapeError, a KeyboardInterrupt) restores it too."""
        with pytest.raises(KeyboardInterrupt), gc_paused():
            raise KeyboardInterrupt
        assert gc.isenabled()

    def test_page_structuring_and_decoding(self) -> None:
        """structure_list and loads of a large body leave the collector on, and run paused."""
        body = _json.dumps(PAGE * 20)

        assert len(structure_list(PAGE, Sim)) == 200
        assert len(_json.loads(body)) == 4000
        assert gc.isenabled()

    def test_overlapping_pauses_in_two_threads(self) -> None:
        """A pause that ends while another thread's is still open does not end that one; the
        last one to end switches the collector back on."""
        a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
        seen: dict[str, bool] = {}

        def first() -> None:
            with gc_paused():
                a_in.set()
                b_in.wait(10)
            a_out.set()

        def second() -> None:
            a_in.wait(10)
            with gc_paused():
                b_in.set()
                a_out.wait(10)
                seen["inside, after the other ended"] = gc.isenabled()
            seen["after both"] = gc.isenabled()

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert seen == {"inside, after the other ended": False, "after both": True}

    def test_threads_never_leave_it_off(self) -> None:
        """Pauses overlapping in many threads share one pause; the last one out restores."""
        start = threading.Barrier(8)
        errors: list[BaseException] = []

        def work() -> None:
            try:
                start.wait()
                for _ in range(300):
                    with gc_paused():
                        structure_list(PAGE, Sim)
                        if gc.isenabled():  # another thread's pause ended inside ours
                            raise AssertionError("collector on inside a pause")
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert errors == []
        assert gc.isenabled()

    def test_fork_during_a_pause(self) -> None:
        """A child forked inside a pause gets its collector back; the parent stays paused."""
        code = (
            "import gc, os\n"
            "from emnify_async._gcpause import gc_paused\n"
            "with gc_paused():\n"
            "    pid = os.fork()\n"
            "    if pid == 0:\n"
            "        os._exit(0 if gc.isenabled() else 3)\n"
            "    assert not gc.isenabled()\n"
            "    _, status = os.waitpid(pid, 0)\n"
            "assert gc.isenabled()\n"
            "raise SystemExit(os.waitstatus_to_exitcode(status))\n"
        )
        if not hasattr(__import__("os"), "fork"):
            pytest.skip("no fork() here")

        done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30)

        assert done.returncode == 0, done.stderr


@pytest.mark.usefixtures("gc_disabled")
class TestWhenDisabled:
    def test_left_off(self) -> None:
        """A collector the application switched off is never switched on, in any thread."""
        seen: list[bool] = []

        def work() -> None:
            for _ in range(200):
                with gc_paused():
                    seen.append(gc.isenabled())
                structure_list(PAGE, Sim)
                seen.append(gc.isenabled())

        threads = [threading.Thread(target=work) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert not any(seen)
        assert not gc.isenabled()

    def test_enabled_by_the_application_meanwhile(self) -> None:
        """If the application switches it on during a pause, it stays on."""
        with gc_paused():
            gc.enable()
        assert gc.isenabled()
