"""`Secret`: a value that is shown masked everywhere and revealed only on purpose."""

from __future__ import annotations

import hmac
from typing import Any, NoReturn, final

__all__ = ["Secret"]

_MASK = "Secret('********')"


@final
class Secret:
    """A secret the API answered or the SDK sends: a token, a password, an MFA seed.

    `repr()`, `str()` and f-strings show `Secret('********')`, so a model holding one can be
    logged or printed safely; `get_secret_value()` returns the value, for the one place that
    needs it.
    Secrets compare by value (in constant time) and all hash alike, so no hash tells anything
    about the value. They are immutable and cannot be pickled: a pickle is bytes that end up
    in caches, queues and logs with the secret in clear, so storing one is a deliberate
    `get_secret_value()`.

    >>> token = Secret("abc")
    >>> token
    Secret('********')
    >>> token.get_secret_value()
    'abc'
    """

    __slots__ = ("_value",)

    _value: str

    def __init__(self, value: str) -> None:
        if type(value) is not str:
            raise TypeError(f"a Secret holds text, got {type(value).__name__}")
        object.__setattr__(self, "_value", value)

    def get_secret_value(self) -> str:
        """The secret value itself."""
        return self._value

    def __repr__(self) -> str:
        return _MASK

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return format(_MASK, spec)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        # Equal secrets must hash alike; a constant says nothing about any of them.
        return hash(Secret)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError("a Secret is immutable")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError("a Secret is immutable")

    def __reduce_ex__(self, protocol: object) -> NoReturn:
        raise TypeError(
            "a Secret is not pickled (the pickle would hold it in clear); store "
            "secret.get_secret_value() deliberately where it is safe"
        )

    def __copy__(self) -> Secret:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Secret:
        return self
