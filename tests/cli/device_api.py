"""A small device area of the API (endpoints, their SMS, operators) on a FakeAPI in a thread.

The emulator does not serve these routes yet; this is just enough of them, shaped as the API
documents them, for the `emnify endpoints|sms|operators` commands to run over real HTTP.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from aiohttp import web

from ..fakes import FakeAPI, json_response

T = TypeVar("T")

MAX_PER_PAGE = 1000
STATUSES = {0: "Enabled", 1: "Disabled", 2: "Deleted"}

OPERATORS = [
    {
        "id": 1,
        "name": "Telekom",
        "country": {"id": 74, "name": "Germany", "iso_code": "de", "mcc": "262"},
        "mnc": [{"id": 1, "mnc": "01", "operator_id": 1}, {"id": 2, "mnc": "06", "operator_id": 1}],
        "tapcode": [{"id": 1, "tapcode": "DEUD1", "operator_id": 1}],
    },
    {
        "id": 2,
        "name": "Vodafone",
        "country": {"id": 74, "name": "Germany", "iso_code": "de", "mcc": "262"},
        "mnc": [{"id": 3, "mnc": "02", "operator_id": 2}],
    },
    {
        "id": 3,
        "name": "Vodafone UK",
        "country": {"id": 205, "name": "United Kingdom", "iso_code": "gb", "mcc": "234"},
        "mnc": [{"id": 4, "mnc": "15", "operator_id": 3}],
    },
]


def make_endpoint(endpoint_id: int) -> dict[str, Any]:
    """Endpoint `endpoint_id` as `GET /api/v1/endpoint` sends it; every third has no SIM."""
    endpoint: dict[str, Any] = {
        "id": endpoint_id,
        "name": f"meter-{endpoint_id:04d}",
        "tags": "meter,berlin" if endpoint_id % 2 else None,
        "created": "2024-01-15T08:30:00.000Z",
        "last_updated": "2024-02-01T12:00:00.000Z",
        "status": {"id": endpoint_id % 2, "description": STATUSES[endpoint_id % 2]},
        "service_profile": {"id": 11, "name": "Smart Meter"},
        "tariff_profile": {"id": 22, "name": "EU Basic"},
        "ip_address": f"10.0.{endpoint_id // 256}.{endpoint_id % 256}",
        "ip_address_space": {"id": 3},
        "imei": f"35{endpoint_id:013d}",
        "imei_lock": endpoint_id % 4 == 0,
    }
    if endpoint_id % 3:
        endpoint["sim"] = {
            "id": 5000 + endpoint_id,
            "iccid": f"8988303{endpoint_id:012d}",
            "imsi": f"29505{endpoint_id:010d}",
            "msisdn": f"4236{endpoint_id:08d}",
            "status": {"id": 1, "description": "Activated"},
        }
    return endpoint


class DeviceAPI:
    """`endpoints` (by id) and `sms` (sent, per endpoint) behind the routes of a FakeAPI."""

    def __init__(self, api: FakeAPI, endpoints: int) -> None:
        self.api = api
        self.endpoints = {i: make_endpoint(i) for i in range(1, endpoints + 1)}
        self.sms: dict[int, list[dict[str, Any]]] = {}
        api.route("GET", "/api/v1/endpoint", self._list)
        api.route("GET", "/api/v1/operator", self._operators)
        for endpoint_id in self.endpoints:
            path = f"/api/v1/endpoint/{endpoint_id}"
            api.route("GET", path, self._get)
            api.route("PATCH", path, self._patch)
            api.route("POST", f"{path}/sms", self._send_sms)

    def ids_with_status(self, status: int) -> list[int]:
        return [i for i, e in self.endpoints.items() if e["status"]["id"] == status]

    def sent(self) -> list[tuple[str, str]]:
        """The requests other than authentication, as (method, path)."""
        return [(m, p) for m, p, *_ in self.api.calls if p != "/api/v1/authenticate"]

    async def _list(self, request: web.Request) -> web.Response:
        query = request.query
        per_page = min(int(query.get("per_page", MAX_PER_PAGE)), MAX_PER_PAGE)
        page = int(query.get("page", "1"))
        items = list(self.endpoints.values())
        for pair in filter(None, query.get("q", "").split(",")):
            field, _, value = pair.partition(":")
            if field == "status":
                items = [e for e in items if str(e["status"]["id"]) == value]
            else:
                items = [e for e in items if str(e.get(field)) == value]
        if query.get("sort") == "-id":
            items.reverse()
        pages = max(1, math.ceil(len(items) / per_page))
        headers = {
            "X-Current-Page": str(page),
            "X-Total-Pages": str(pages),
            "X-Total-Count": str(len(items)),
            "X-Count-Per-Page": str(per_page),
        }
        return json_response(items[(page - 1) * per_page : page * per_page], headers=headers)

    async def _get(self, request: web.Request) -> web.Response:
        return json_response(self.endpoints[_endpoint_id(request)])

    async def _patch(self, request: web.Request) -> web.Response:
        endpoint = self.endpoints[_endpoint_id(request)]
        status = (await request.json())["status"]["id"]
        endpoint["status"] = {"id": status, "description": STATUSES[status]}
        return web.Response(status=204)

    async def _send_sms(self, request: web.Request) -> web.Response:
        endpoint_id = _endpoint_id(request)
        sent = self.sms.setdefault(endpoint_id, [])
        sent.append({"id": 900 + len(sent), **await request.json()})
        location = f"/api/v1/endpoint/{endpoint_id}/sms/{sent[-1]['id']}"
        return web.Response(status=201, headers={"Location": location})

    async def _operators(self, request: web.Request) -> web.Response:
        return json_response(OPERATORS)


def _endpoint_id(request: web.Request) -> int:
    return int(request.path.split("/")[4])


class ThreadedDeviceAPI:
    """A DeviceAPI served from a private event loop in a daemon thread (the CLI runs its own)."""

    def __init__(self, endpoints: int) -> None:
        self._endpoints = endpoints
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def __enter__(self) -> DeviceAPI:
        self._thread.start()
        self.devices = self._call(self._start())
        return self.devices

    def __exit__(self, *exc: object) -> None:
        self._call(self.devices.api.__aexit__(None, None, None))
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    async def _start(self) -> DeviceAPI:
        api = await FakeAPI().__aenter__()
        return DeviceAPI(api, self._endpoints)

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(30)
