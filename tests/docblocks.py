"""Fenced code blocks of the Markdown docs, and the markers that say how a test runs them.

A marker is an HTML comment (invisible when rendered) on the line directly above a block's
opening fence:

- no marker: the block runs as written. A python block is a script; a bash block is a list
  of commands, each of which must exit 0.
- ``<!-- readme-test: async-body -->``: a python fragment run as the body of
  ``async with AsyncEmnify() as client:`` inside ``asyncio.run`` (so ``client`` and top-level
  ``await``/``async for``/``async with`` work, as in ``python -m asyncio``).
- ``<!-- readme-test: emulator-body -->``: the same inside ``async with Emulator() as emu:``.
- ``<!-- readme-test: notebook -->``: a python cell run inside ``asyncio.run`` with top-level
  ``await`` allowed and nothing else around it, as Jupyter runs a cell.
- ``<!-- readme-test: module -->``: a python module that serves forever when run, so it is only
  imported (``__name__`` is not ``"__main__"``); a test of its own serves it (the web-app
  guide's apps: tests/test_docs_web_apps.py).
- ``<!-- readme-test: pytest -->``: a python test module; pytest must collect and pass it,
  with pytest-asyncio in auto mode (which such blocks must say they need).
- ``<!-- readme-test: skip (reason) -->``: not run; the reason is required.

An unknown marker, a skip without a reason, or a marker not followed by a fence is an error,
so a typo cannot silently turn a test off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MODES = ("run", "async-body", "emulator-body", "notebook", "module", "pytest", "skip")

_MARKER = re.compile(r"^<!--\s*readme-test:\s*(?P<body>.*?)\s*-->\s*$")
_MODE = re.compile(r"^(?P<mode>[a-z-]+)(?:\s*\((?P<reason>.*)\))?$")
_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)")


class MarkerError(ValueError):
    """A readme-test marker or a fence that cannot be read."""


@dataclass(frozen=True)
class Block:
    """One fenced code block."""

    source: str
    """The file's name, for messages."""
    line: int
    """1-based line of the opening fence."""
    lang: str
    code: str
    mode: str = "run"
    reason: str = ""

    @property
    def first_line(self) -> str:
        """The first non-blank line of the code."""
        return next((line.strip() for line in self.code.splitlines() if line.strip()), "")

    @property
    def label(self) -> str:
        """``README.md:37 import asyncio``: where the block is and how it starts."""
        return f"{self.source}:{self.line} {self.first_line}"

    def padded(self) -> str:
        """The code preceded by blank lines, so its line numbers are those of the file."""
        return "\n" * self.line + self.code


def _marker(text: str, source: str, number: int) -> tuple[str, str]:
    match = _MODE.match(text)
    mode, reason = (match["mode"], (match["reason"] or "").strip()) if match else ("", "")
    if mode not in MODES:
        raise MarkerError(f"{source}:{number}: unknown readme-test marker {text!r}")
    if (mode == "skip") != bool(reason):
        raise MarkerError(f"{source}:{number}: 'skip (reason)' needs a reason; others take none")
    return mode, reason


def extract(text: str, source: str = "<markdown>") -> list[Block]:
    """Every fenced block of a Markdown text, in order, with its marker applied."""
    lines = text.splitlines()
    blocks: list[Block] = []
    pending: tuple[int, str, str] | None = None  # line, mode, reason of the last marker
    index = 0
    while index < len(lines):
        number, line = index + 1, lines[index]
        marker = _MARKER.match(line)
        opening = _OPEN.match(line)
        if pending is not None and opening is None:
            raise MarkerError(f"{source}:{pending[0]}: a readme-test marker must precede a fence")
        if marker:
            pending = (number, *_marker(marker["body"], source, number))
        elif opening:
            fence = opening["fence"]
            closing = re.compile(rf"^ {{0,3}}{fence[0]}{{{len(fence)},}}\s*$")
            end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), None)
            if end is None:
                raise MarkerError(f"{source}:{number}: the code fence is never closed")
            mode, reason = pending[1:] if pending else ("run", "")
            code = "\n".join(lines[index + 1 : end]) + "\n"
            blocks.append(Block(source, number, opening["lang"], code, mode, reason))
            pending, index = None, end
        index += 1
    if pending is not None:
        raise MarkerError(f"{source}:{pending[0]}: a readme-test marker must precede a fence")
    return blocks


def extract_file(path: Path, root: Path) -> list[Block]:
    """Every fenced block of a Markdown file; messages name it relative to ``root``."""
    return extract(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
