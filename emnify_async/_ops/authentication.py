"""Authentication: `POST /api/v1/authenticate`, which the client's transport runs to log in."""

from __future__ import annotations

from .._constants import AUTHENTICATE_PATH
from .._operation import Operation, Returns

AUTHENTICATE: Operation[None] = Operation(
    "Authenticate",
    "POST",
    AUTHENTICATE_PATH,
    Returns.OBJECT,
    safe=True,  # logging in creates nothing on the server, so repeating it is harmless
    sensitive=True,
    public=True,  # sent without a token, of course
)
"""The login the transport runs before a call needs a token, and `client.authenticate()`."""
