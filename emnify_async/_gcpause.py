"""Pausing the cyclic garbage collector while one page is decoded or structured.

Decoding a 2,500-SIM page allocates some 30,000 dicts, and structuring it a few thousand
models; each 700 allocations start a collection, which walks every young object, and every few
pages a full one walks the whole heap. None of that can find garbage: a page is a tree, freed by
reference counting. So the SDK pauses the collector for the duration of one synchronous call
(never across an ``await``), and restores exactly the state it found:

* a collector the application switched off stays off (nothing is touched);
* pauses that overlap in several threads share one pause, and only the last one to finish
  switches the collector back on, so threads never leave it off;
* a process forked during a pause gets its collector back in the child.

The one thing no save-and-restore can tell apart: if another thread switches the collector off
for good in the middle of a page, it finds the collector on again when that page is done.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Iterator

__all__ = ["gc_paused"]

_lock = threading.Lock()
_depth = 0
"""Pauses in progress, in all threads."""
_resume = False
"""Whether the first of the pauses in progress found the collector enabled."""


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector from running inside the block."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            if _resume:
                gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                _resume = False
                gc.enable()


def _after_fork_in_child() -> None:
    # The pausing threads do not exist in the child, and the lock may have been held.
    global _lock, _depth, _resume
    _lock = threading.Lock()
    if _depth:
        _depth = 0
        if _resume:
            _resume = False
            gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
