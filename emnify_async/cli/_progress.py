"""A dependency-free progress bar on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """`bar.update(done, total)`; draws at most ten times a second; silent off a terminal."""

    def __init__(
        self, label: str, *, stream: TextIO | None = None, enabled: bool | None = None
    ) -> None:
        self._stream = stream or sys.stderr
        self._enabled = self._stream.isatty() if enabled is None else enabled
        self._label = label
        self._started = time.monotonic()
        self._drawn = 0.0
        self._done = 0
        self._total: int | None = None

    def update(self, done: int, total: int | None = None) -> None:
        self._done, self._total = done, total if total is not None else self._total
        now = time.monotonic()
        if self._enabled and now - self._drawn >= 0.1:
            self._drawn = now
            self._draw(now)

    def close(self) -> None:
        if self._enabled:
            self._draw(time.monotonic())
            self._stream.write("\n")
            self._stream.flush()

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._started, 1e-9)
        rate = self._done / elapsed
        if self._total:
            share = min(self._done / self._total, 1.0)
            bar = "#" * int(share * 30)
            text = (
                f"{self._label} [{bar:<30}] {self._done}/{self._total} {share:4.0%} {rate:,.0f}/s"
            )
        else:
            text = f"{self._label} {self._done} {rate:,.0f}/s"
        self._stream.write("\r" + text)
        self._stream.flush()
