"""Type aliases and the `NOT_GIVEN` sentinel shared by the resources."""

from __future__ import annotations

import datetime
from typing import Final, Literal, Protocol

from .models import SimStatusId, Status

__all__ = [
    "NOT_GIVEN",
    "DateLike",
    "HasId",
    "IdLike",
    "NotGiven",
    "OrgLike",
    "QueryValue",
    "StatusLike",
]


class NotGiven:
    """Marks an argument the caller did not pass, as distinct from an explicit `None`."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


class HasId(Protocol):
    """Any model with an integer `id`, accepted wherever a reference is sent."""

    @property
    def id(self) -> int | None:
        """The id the reference is sent as."""
        ...


IdLike = int | HasId
DateLike = datetime.date | str
OrgLike = int | HasId | Literal["my"]
"""An organisation: its id, a model with an `id`, or `"my"` for the caller's own."""
QueryValue = str | int | float | bool | datetime.date | None
StatusLike = int | SimStatusId | Status
