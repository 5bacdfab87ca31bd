"""Timing, peak memory and item tallies for one benchmark case (standard library only).

Imported both by the SDK's cases and by the official SDK's runner, which runs in its own
virtual environment, so nothing here may import the SDK or a third-party package.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User plus system CPU time of this process (all its threads) so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def current_rss_mb() -> float:
    """Current resident set size of this process, in MB (from /proc; 0 if unavailable)."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / 2**20


class Tally:
    """Counts items and sums their ids, to prove every SIM was seen exactly once.

    Holding the count, the sum and the sum of squares of the ids (not the ids themselves) keeps
    the check's memory constant; a missed, repeated or foreign SIM changes at least one of them
    unless the errors cancel out exactly in both sums.

    Every case also reads each SIM's ``iccid`` and ``status.id`` (a bulk job reads fields;
    skipped work is not speed): `add` sums their lengths and values, which must agree between
    the cases of one run.
    """

    __slots__ = ("count", "iccid_chars", "id_square_sum", "id_sum", "status_sum")

    def __init__(self) -> None:
        self.count = 0
        self.id_sum = 0
        self.id_square_sum = 0
        self.iccid_chars = 0
        self.status_sum = 0

    def add(self, sim_id: int, iccid: str, status_id: int) -> None:
        self.count += 1
        self.id_sum += sim_id
        self.id_square_sum += sim_id * sim_id
        self.iccid_chars += len(iccid)
        self.status_sum += status_id

    def fields(self) -> list[int]:
        """What the case read of the SIMs' fields: total iccid length and sum of status ids."""
        return [self.iccid_chars, self.status_sum]

    def complete(self, expected: int) -> bool:
        """Whether exactly the ids ``1..expected`` were seen, each once."""
        n = expected
        return (
            self.count == n
            and self.id_sum == n * (n + 1) // 2
            and self.id_square_sum == n * (n + 1) * (2 * n + 1) // 6
        )


class Clock:
    """Wall time since construction, and a cap after which a case stops early."""

    def __init__(self, cap: float) -> None:
        self.started = time.perf_counter()
        self.cpu_started = cpu_seconds()
        self.cap = cap
        self.capped = False

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def over(self) -> bool:
        """True (and remembered) once the cap has passed; checked once per page."""
        if self.cap > 0 and self.elapsed > self.cap:
            self.capped = True
        return self.capped


def report(
    case: str,
    tally: Tally,
    clock: Clock,
    expected: int,
    *,
    rss_before: float,
    **extra: Any,
) -> None:
    """Print the case's result as one JSON line on stdout (the runner reads the last line)."""
    seconds = clock.elapsed
    result = {
        "case": case,
        "items": tally.count,
        "expected": expected,
        "complete": tally.complete(expected),
        "fields": tally.fields(),
        "capped": clock.capped,
        "seconds": seconds,
        "per_second": tally.count / seconds if seconds > 0 else 0.0,
        "cpu_s": cpu_seconds() - clock.cpu_started,
        "peak_rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_before,
        **extra,
    }
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
