"""Services and their traffic limits, read-only lookups cached per client (`client.services`)."""

from __future__ import annotations

from .._ops import services as ops
from .._pagination import AsyncPager
from .._types import IdLike
from ..models import Service, TrafficLimit
from ._base import AsyncResource

__all__ = ["AsyncServices"]


class AsyncServices(AsyncResource):
    """The services endpoints may use and the traffic limits a service profile can give them.

    These are lookups: the first call asks the API, later calls answer from the client's cache
    (shared with its `with_options()` views) until one passes `refresh=True`.
    """

    def list(self, *, refresh: bool = False) -> AsyncPager[Service]:
        """Every service: data, SMS MT, SMS MO, USSD, voice (GET /api/v1/service; ServiceGet).

        Cached per client; `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._lookup(ops.LIST, refresh=refresh)

    def traffic_limits(
        self, service_id: IdLike, *, refresh: bool = False
    ) -> AsyncPager[TrafficLimit]:
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
        return self._lookup(ops.TRAFFIC_LIMITS, refresh=refresh, service_id=service_id)

    def all_traffic_limits(self, *, refresh: bool = False) -> AsyncPager[TrafficLimit]:
        """Every traffic limit, naming its service (GET /api/v1/traffic_limit; TrafficLimitGet).

        Cached per client; `refresh=True` asks the API again.

        Raises:
            InputError: `refresh` is not a bool (nothing is sent).
        """
        return self._lookup(ops.ALL_TRAFFIC_LIMITS, refresh=refresh)
