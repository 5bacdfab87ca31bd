"""eUICC operation routes (newer docs): schedule, list, details, cancel, and the lookups.

Only IoT eUICCs have operations: the others are 404, as documented. Operations run by the
clock (``_stores/esim_operations.py``).
"""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from emnify_async.testing._errors import status_error
from emnify_async.testing._esim_catalog import (
    CANCELLED,
    DOWNLOAD,
    EUICC_ACTIONS,
    EUICC_OPERATION_STATUSES,
    NEEDS_ICCID,
    listing,
)
from emnify_async.testing._esim_routing import (
    EUICC,
    EUICC_PATH,
    esim_body,
    esim_list_query,
    nested,
    operation_id,
    own_euicc,
    select,
    settled,
    user_of,
)
from emnify_async.testing._json import dumps
from emnify_async.testing._pagination import paged
from emnify_async.testing._routing import Paging, Route, base_url, no_content, ok
from emnify_async.testing._stores.esim_operations import EuiccOperation

OPERATIONS = EUICC_PATH + "/operation"
OPERATION = OPERATIONS + "/{operation_id}"
MAX_VALIDITY = 86_400
ICCID_WITH_LUHN = re.compile(r"89[0-9]{18}")
FIELDS = frozenset(
    {"action", "validity_period", "iccid_with_luhn", "activation_code", "enable", "rollback"}
)
FILTER_FIELDS = frozenset({"id", "action", "status", "iccid_with_luhn"})
SORT_FIELDS = FILTER_FIELDS | {"creation_date", "expiry_date", "finalization_date"}
READERS = {
    "id": nested("id"),
    "action": nested("action", "id"),
    "status": nested("status", "id"),
    "iccid_with_luhn": nested("iccid_with_luhn"),
    "creation_date": nested("creation_date"),
    "expiry_date": nested("expiry_date"),
    "finalization_date": nested("finalization_date"),
}


def _bad(index: int, message: str) -> Exception:
    return status_error(400, f"Operation {index}: {message}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _request(index: int, item: Any) -> dict[str, Any]:
    """One checked operation request, with its defaults, or 400."""
    if not isinstance(item, dict):
        raise _bad(index, "must be an object")
    unknown = set(item) - FIELDS
    if unknown:
        raise _bad(index, f"unknown field {sorted(unknown)[0]!r}")
    action = item.get("action")
    action_id = action.get("id") if isinstance(action, dict) else None
    if not _is_int(action_id) or action_id not in EUICC_ACTIONS:
        raise _bad(index, 'action must be {"id": n} with a known action id')
    validity = item.get("validity_period", MAX_VALIDITY)
    if not _is_int(validity) or not 1 <= validity <= MAX_VALIDITY:
        raise _bad(index, f"validity_period must be whole seconds from 1 to {MAX_VALIDITY}")
    iccid = item.get("iccid_with_luhn")
    if iccid is not None and not (isinstance(iccid, str) and ICCID_WITH_LUHN.fullmatch(iccid)):
        raise _bad(index, "iccid_with_luhn must be 20 digits starting with 89")
    code = item.get("activation_code")
    if code is not None and not (isinstance(code, str) and code.strip()):
        raise _bad(index, "activation_code must be a non-empty string")
    for flag in ("enable", "rollback"):
        if flag in item and not isinstance(item[flag], bool):
            raise _bad(index, f"{flag} must be a boolean")
    if action_id == DOWNLOAD and iccid is None and code is None:
        raise _bad(index, "downloading needs an activation_code or an iccid_with_luhn")
    if action_id in NEEDS_ICCID and iccid is None:
        raise _bad(index, f"{EUICC_ACTIONS[action_id]} needs the profile's iccid_with_luhn")
    return {**item, "action": action_id, "validity_period": validity}


def _operation(request: web.Request, euicc_id: int) -> EuiccOperation:
    wanted = operation_id(request)
    operation = settled(request).esim_operations.euicc_operations.get(wanted)
    if operation is None or operation.euicc_id != euicc_id:
        raise status_error(404, f"Operation with id '{wanted}' not found")
    return operation


async def list_operations(request: web.Request) -> web.Response:
    euicc_id = own_euicc(request, iot=True)
    query = esim_list_query(request, FILTER_FIELDS, SORT_FIELDS)
    operations = settled(request).esim_operations.of_euicc(euicc_id)
    items = select([operation.render() for operation in operations], query, READERS)
    return paged(request, query, items)


async def schedule_operations(request: web.Request) -> web.Response:
    euicc_id = own_euicc(request, iot=True)
    body = await esim_body(request)
    if not isinstance(body, list) or not body:
        raise status_error(400, "The body must be a non-empty array of operations")
    requests = [_request(index, item) for index, item in enumerate(body)]
    emu = settled(request)
    scheduled = emu.esim_operations.schedule(euicc_id, requests, user_of(request))
    # docs.emnify.com: a `Link` header lists the created operations with rel="item".
    path = OPERATIONS.format(euicc_id=euicc_id)
    link = ", ".join(f'<{base_url(request)}{path}/{o["id"]}>; rel="item"' for o in scheduled)
    return web.Response(
        status=201, body=dumps(scheduled), content_type="application/json", headers={"Link": link}
    )


async def get_operation(request: web.Request) -> web.Response:
    euicc_id = own_euicc(request, iot=True)
    return ok(_operation(request, euicc_id).render())


async def cancel_operation(request: web.Request) -> web.Response:
    """A Scheduled operation is Cancelled (again: a no-op); one that has run is 409."""
    euicc_id = own_euicc(request, iot=True)
    operation = _operation(request, euicc_id)
    if not settled(request).esim_operations.cancel(operation):
        status = EUICC_OPERATION_STATUSES[operation.status]
        raise status_error(409, f"The operation is {status} and can no longer be cancelled")
    assert operation.status == CANCELLED
    return no_content()


async def actions(request: web.Request) -> web.Response:
    return ok(listing(EUICC_ACTIONS))


async def statuses(request: web.Request) -> web.Response:
    return ok(listing(EUICC_OPERATION_STATUSES))


ROUTES = [
    Route("GET", EUICC + "/operation/action", actions),
    Route("GET", EUICC + "/operation/status", statuses),
    Route("GET", OPERATIONS, list_operations, paging=Paging(default=100, maximum=1000)),
    Route("POST", OPERATIONS, schedule_operations),
    Route("GET", OPERATION, get_operation),
    Route("DELETE", OPERATION, cancel_operation),
]
