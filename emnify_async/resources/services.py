"""Services and their traffic limits, read-only lookups cached per client (`client.services`)."""

from __future__ import annotations

import builtins

from .._ops import services as ops
from .._types import IdLike
from ..models import Service, TrafficLimit
from ._base import AsyncResource

__all__ = ["AsyncServices"]


class AsyncServices(AsyncResource):
    """The services endpoints may use and the traffic limits a service profile can give them.

    These are lookups, awaited for a plain list like `client.lookups`: the first call asks the
    API, later calls answer from the client's cache (shared with its `with_options()` views)
    until one passes `refresh=True`; concurrent first calls share one request.
    """

    async def list(self, *, refresh: bool = False) -> builtins.list[Service]:
        """Every service: data, SMS MT, SMS MO, USSD, voice (GET /api/v1/service; ServiceGet).

        Cached per client; `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return await self._cached(ops.LIST, refresh)

    async def traffic_limits(
        self, service_id: IdLike, *, refresh: bool = False
    ) -> builtins.list[TrafficLimit]:
        """The traffic limits of one service (GET .../{service_id}/traffic_limit).

        GET /api/v1/service/{service_id}/traffic_limit (ServiceTrafficLimitByIdGet): the limits
        a service profile can give the service. Cached per client and service; `refresh=True`
        asks the API again.

        Args:
            service_id: The service: 0 USSD, 3 voice, 6 SMS MT, 32 SMS MO, 38 data, or a
                `Service`.

        Raises:
            InputError: `service_id` is not a service id (nothing is sent).
            NotFoundError: No such service.
        """
        return await self._cached(ops.TRAFFIC_LIMITS, refresh, service_id=service_id)

    async def all_traffic_limits(self, *, refresh: bool = False) -> builtins.list[TrafficLimit]:
        """Every traffic limit, naming its service (GET /api/v1/traffic_limit; TrafficLimitGet).

        Cached per client; `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return await self._cached(ops.ALL_TRAFFIC_LIMITS, refresh)
