"""`Secret`: a value that must never show in reprs, logs or error messages."""

from __future__ import annotations

import hmac
from typing import Any, final

__all__ = ["Secret"]

_MASK = "Secret('********')"


@final
class Secret:
    """A secret (a pre-shared key, a password, a token) whose `repr` and `str` are masked.

    Read it with `get_secret_value()` where it is really needed; everything else (printing a
    model, logging it, an error message) shows `Secret('********')`. Two secrets are equal
    when their values are (compared in constant time).
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"a Secret holds a string, got {type(value).__name__}")
        self._value = value

    def get_secret_value(self) -> str:
        """The secret itself."""
        return self._value

    def __repr__(self) -> str:
        return _MASK

    __str__ = __repr__

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash((Secret, self._value))
