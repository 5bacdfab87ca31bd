"""Request helpers of the eSIM route modules (eUICCs, their operations, SIM operations).

These services answer errors as their docs define them, ``{"status_code", "message"}``
(:func:`~emnify_async.testing._errors.status_error`): a bad filter or page is a 400, an unknown
or foreign object a 404. Their lists are filtered and sorted here, over the rendered objects.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Collection, Mapping
from typing import Any

from aiohttp import web

from emnify_async.testing._body import json_body
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._errors import ApiError, status_error
from emnify_async.testing._pagination import ListQuery, list_query
from emnify_async.testing._routing import principal, state
from emnify_async.testing._state import EmulatorState

EUICC = "/api/v1/euicc"
EUICC_PATH = EUICC + "/{euicc_id}"
Reader = Callable[[JsonObj], Any]


def settled(request: web.Request) -> EmulatorState:
    """The state, with every eUICC and SIM operation due by now run."""
    emu = state(request)
    emu.esim_operations.settle()
    return emu


def esim_list_query(
    request: web.Request, filters: Collection[str], sorts: Collection[str]
) -> ListQuery:
    """``list_query``, its errors answered as these services do (400)."""
    try:
        return list_query(request, filters, sorts)
    except ApiError as exc:
        message = exc.body.get("message", "Bad Request") if isinstance(exc.body, dict) else ""
        raise status_error(400, message or "Bad Request") from None


def own_euicc(request: web.Request, *, iot: bool = False) -> int:
    """The path's eUICC if the caller owns it (and, with ``iot``, it is an IoT eUICC: the
    operation routes answer others 404, as documented), else 404."""
    raw = request.match_info["euicc_id"]
    euiccs = settled(request).euiccs
    euicc_id = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 12 else 0
    if not euiccs.owns(principal(request).org_id, euicc_id) or (
        iot and not euiccs.is_iot(euicc_id)
    ):
        what = "IoT eUICC" if iot else "eUICC"
        raise status_error(404, f"{what} with id '{raw}' not found")
    return euicc_id


def operation_id(request: web.Request) -> str:
    """The path's operation id (a UUID in its canonical form), else 404."""
    raw = request.match_info["operation_id"]
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise status_error(404, f"Operation with id '{raw}' not found") from None


def _matches(value: Any, wanted: str) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int):
        return str(value) == wanted
    return isinstance(value, str) and value.startswith(wanted)


def select(items: list[JsonObj], query: ListQuery, readers: Mapping[str, Reader]) -> list[JsonObj]:
    """``items`` filtered by ``query`` (numbers exactly, text by prefix) and sorted."""
    items = list(items)
    for field, wanted in query.filters:
        read = readers[field]
        items = [item for item in items if _matches(read(item), wanted)]
    for field, descending in reversed(query.keys):
        items.sort(key=functools.partial(_sort_value, readers[field]), reverse=descending)
    return items


def _sort_value(read: Reader, item: JsonObj) -> tuple[int, Any]:
    return _sort_key(read(item))


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    return (1, value) if isinstance(value, int) else (2, str(value))


def nested(*path: str) -> Reader:
    """A reader of a nested value (``nested("status", "id")``)."""

    def read(item: JsonObj) -> Any:
        value: Any = item
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    return read


async def esim_body(request: web.Request) -> object:
    """The parsed JSON body; not JSON is a 400 as these services answer it."""
    try:
        return await json_body(request)
    except ApiError:
        raise status_error(400, "Request body is not valid JSON") from None


def user_of(request: web.Request) -> JsonObj:
    """Who scheduled an operation: the user, or the application token for token logins."""
    who = principal(request)
    if who.user_id is not None:
        return {"id": who.user_id, "name": f"User {who.user_id}"}
    app_id = who.app_id or 0
    return {"id": app_id, "name": f"Application token {app_id}"}
