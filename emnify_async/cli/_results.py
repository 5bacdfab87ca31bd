"""The JSON-lines results file of a bulk run: what is already done, and appending to it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from .._exceptions import InputError
from .._query import MAX_ID
from ._output import OutputError, Sink


class ResultsFile:
    """A results file read once: the ids done so far, and where appending may start."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done: set[int] = set()
        self._keep = 0  # bytes of complete records; a broken last line beyond is cut off
        self._size = 0
        self._newline = False  # the last record lacks its newline
        self._read()

    def _read(self) -> None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise InputError(f"cannot read {self.path}: {exc.strerror or exc}") from exc
        self._size = self._keep = len(data)
        lines = data.split(b"\n")
        last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
        offset = 0
        for index, line in enumerate(lines):
            start, offset = offset, offset + len(line) + 1
            if not line.strip():
                continue
            record = _parse(line)
            if record is None and index == last:
                # The run that wrote it was killed mid-line: that id's outcome is unknown.
                print(
                    f"emnify: {self.path}, line {index + 1}: ignoring an incomplete last line "
                    "(an interrupted write); its id is tried again",
                    file=sys.stderr,
                )
                self._keep = start
                return
            if record is None:
                raise InputError(f"{self.path}, line {index + 1}: not a results record")
            if record.get("result") == "done":
                self.done.add(record["id"])
        self._newline = bool(data) and not data.endswith(b"\n")

    def open_for_append(self) -> Sink:
        """Append from a fresh line: a broken last line is cut off, a missing newline added."""
        name = str(self.path)
        try:
            if self._keep < self._size:
                os.truncate(self.path, self._keep)
            stream: IO[str] = self.path.open("a", encoding="utf-8")
        except OSError as exc:
            raise OutputError(name, exc) from exc
        sink = Sink(stream, name)
        if self._newline:
            sink.write("\n")
        return sink


def _parse(line: bytes) -> dict[str, Any] | None:
    """A record `{"id": <id>, "result": ...}`, or None for anything else."""
    try:
        record = json.loads(line)
    except ValueError:  # also bytes that are not UTF-8
        return None
    if not isinstance(record, dict):
        return None
    item_id = record.get("id")
    if isinstance(item_id, bool) or not isinstance(item_id, int) or not 1 <= item_id <= MAX_ID:
        return None
    return record if isinstance(record.get("result"), str) else None
