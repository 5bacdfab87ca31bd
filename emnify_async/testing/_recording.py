"""The log of requests an emulator received (``Emulator.requests``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RecordedRequest:
    """One received request and the status it got (0 when the connection was reset)."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    status: int = 0
    request_id: str = ""
