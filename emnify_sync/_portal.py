"""The private event loop the sync facade runs the async core on.

One loop in one daemon thread per process, started on first use. Every sync call submits its
coroutine with `run_coroutine_threadsafe` and blocks on the result. At interpreter exit the
clients still open are closed on the loop, then the loop stops. After `os.fork()` the child
forgets the parent's loop (its thread does not exist in the child) and starts its own.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import os
import sys
import threading
import warnings
from collections.abc import Callable, Coroutine
from typing import Any, Generic, Protocol, TypeVar

import emnify_async
from emnify_async import EmnifyError

__all__ = ["AsyncUsageWarning", "Portal", "portal"]

T = TypeVar("T")

# Seconds to wait, at exit or on close, for the loop to finish closing sessions.
_SHUTDOWN_TIMEOUT = 5.0


class _Closeable(Protocol):
    def close(self) -> Coroutine[Any, Any, None]: ...


class AsyncUsageWarning(UserWarning):
    """The sync client was called from a thread that runs an event loop; it blocks that loop."""


class Portal:
    """Runs coroutines on a private loop thread and hands their results back."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._pid = os.getpid()
        self._warned = False
        self._stopped = False
        # Async clients opened on the loop and not closed yet; closed there at exit.
        self._open: set[_Closeable] = set()

    # -- lifecycle -----------------------------------------------------------------------------

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        if self._pid != os.getpid():
            self.forget()
        loop = self._loop
        if loop is not None:
            return loop
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()
                thread = threading.Thread(
                    target=self._serve, args=(loop, ready), name="emnify-sync-loop", daemon=True
                )
                thread.start()
                ready.wait()
                self._loop, self._thread = loop, thread
            return self._loop

    @staticmethod
    def _serve(loop: asyncio.AbstractEventLoop, ready: threading.Event) -> None:
        asyncio.set_event_loop(loop)
        loop.call_soon(ready.set)
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def forget(self) -> None:
        """Drop the loop without touching it (after fork, where its thread does not exist)."""
        # Keep the parent's loop and sessions referenced so they are never finalized here:
        # their finalizers would unregister the parent's sockets from the epoll instance
        # that parent and child share, stalling the parent.
        _INHERITED.extend([self._loop, *self._open])
        self._loop = None
        self._thread = None
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._open = set()

    def adopt(self, client: _Closeable) -> None:
        """Track an async client so it is closed on the loop at exit if nobody closes it."""
        self._open.add(client)

    def close(self, client: _Closeable) -> None:
        """Close an async client on the loop and wait for it."""
        if client in self._open:
            self._open.discard(client)
            if self._loop is not None:
                self.run(client.close)

    def close_later(self, client: _Closeable) -> None:
        """Close an async client on the loop without waiting (for garbage-collected clients)."""
        loop = self._loop
        if client not in self._open or loop is None or loop.is_closed():
            return
        self._open.discard(client)
        with contextlib.suppress(RuntimeError):  # the loop is stopping at interpreter exit
            asyncio.run_coroutine_threadsafe(client.close(), loop)

    def shutdown(self) -> None:
        """Close the registered clients on the loop, stop it and join its thread."""
        self._stopped = True
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or self._pid != os.getpid():
            return
        clients, self._open = list(self._open), set()
        if clients and loop.is_running():
            future = asyncio.run_coroutine_threadsafe(_close_all(clients), loop)
            with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError):
                future.result(_SHUTDOWN_TIMEOUT)
        if loop.is_running():
            loop.call_soon_threadsafe(loop.stop)
        thread.join(_SHUTDOWN_TIMEOUT)
        self._loop = None
        self._thread = None

    # -- calls ---------------------------------------------------------------------------------

    @property
    def stopped(self) -> bool:
        """True once the interpreter is exiting and the loop has been shut down."""
        return self._stopped

    def in_loop_thread(self) -> bool:
        return self._thread is not None and threading.current_thread() is self._thread

    def run(self, make: Callable[[], Coroutine[Any, Any, T]]) -> T:
        """Run the coroutine made by `make` on the private loop and return its result.

        Raises:
            EmnifyError: Called from the private loop itself, where waiting would deadlock.
        """
        if self.in_loop_thread():
            raise EmnifyError(
                "a sync emnify call was made from the SDK's own event loop thread, which would "
                "deadlock; await the emnify_async client there instead"
            )
        if self._stopped:
            raise EmnifyError("the interpreter is exiting; emnify_sync can make no more calls")
        self._warn_if_loop_running()
        loop = self._ensure_loop()
        call = _Call(loop, make())
        try:
            return call.result.result()
        except KeyboardInterrupt:
            # Ctrl-C: cancel the task on the loop and wait (bounded) until it has unwound, so
            # that cleanup which follows (a pager's aclose) never meets it still running.
            call.cancel()
            with contextlib.suppress(BaseException):  # the interrupt is what matters
                call.result.result(_SHUTDOWN_TIMEOUT)
            raise

    def _warn_if_loop_running(self) -> None:
        if self._warned:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        self._warned = True
        warnings.warn(
            "emnify_sync.Emnify was called from a thread that runs an event loop; the call "
            "blocks that loop until it finishes. In async code use emnify_async.AsyncEmnify.",
            AsyncUsageWarning,
            stacklevel=_caller_stacklevel(),
        )


_INHERITED: list[object] = []

# Frames in these directories are the SDK's; a warning points at the first frame outside them.
_SDK_DIRS = tuple(
    os.path.dirname(path) + os.sep for path in (__file__, emnify_async.__file__ or "") if path
)


def _caller_stacklevel() -> int:
    """The `stacklevel` that makes a warning raised by our caller point at the user's line.

    The depth differs between a plain call and a pager's generators, so it is counted rather
    than fixed (`skip_file_prefixes` would do this, but only exists from Python 3.12).
    """
    frame = sys._getframe(1)  # the function that calls warnings.warn: stacklevel 1
    level = 1
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_SDK_DIRS):
        frame = frame.f_back
        level += 1
    return level


class _Call(Generic[T]):
    """One coroutine run as a task on the loop; `result` completes only once the task is done.

    Unlike `run_coroutine_threadsafe`, whose future reports "cancelled" the moment it is asked
    to cancel, this waits for the task itself to finish unwinding.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T]) -> None:
        self.result: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._loop = loop
        self._coro = coro
        self._task: asyncio.Task[T] | None = None
        loop.call_soon_threadsafe(self._start)

    def cancel(self) -> None:
        """Ask the task to cancel; callbacks run in order, so it always exists by then."""
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            self._loop.call_soon_threadsafe(self._cancel)

    def _start(self) -> None:
        self._task = self._loop.create_task(self._coro)
        self._task.add_done_callback(self._finish)

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _finish(self, task: asyncio.Task[T]) -> None:
        if task.cancelled():
            self.result.set_exception(concurrent.futures.CancelledError())
            return
        exc = task.exception()
        if exc is not None:
            self.result.set_exception(exc)
        else:
            self.result.set_result(task.result())


async def _close_all(clients: list[_Closeable]) -> None:
    await asyncio.gather(*(client.close() for client in clients), return_exceptions=True)
    # Let aiohttp's transports see their connections closed before the loop stops.
    await asyncio.sleep(0)


portal = Portal()
"""The process-wide portal every sync client uses."""

atexit.register(portal.shutdown)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=portal.forget)
