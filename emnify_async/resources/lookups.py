"""The platform's lookup lists, cached per client (`client.lookups`).

Lookups rarely change, so each list is fetched once per client and then answered from memory:
see `AsyncLookups`. Unlike the other list calls, which return a pager, a lookup is awaited
for a plain `list`: the list is small, never paged and usually already in memory, and an
eager call makes plain when the cache is read or refreshed.
"""

from __future__ import annotations

from .._lookup_cache import cache_for
from .._ops import lookups as ops
from ..models import BreakoutRegion, Country, Currency, DataSize, NamedRef, Status
from ._base import AsyncResource

__all__ = ["AsyncLookups"]


class AsyncLookups(AsyncResource):
    """Countries, currencies, data sizes, regions and other lookups, cached per client.

    The first call of each lookup fetches it; later calls answer from memory without a
    request, for the client and every `with_options()` view of it. `refresh=True` fetches a
    lookup again, and `refresh()` forgets them all. Concurrent first calls share one request.
    Each call returns a new list of frozen models, so changing it changes no other caller's.
    """

    async def countries(
        self, *, geographic: bool | None = None, refresh: bool = False
    ) -> list[Country]:
        """Every country, with its dialling code, MCC and ISO code (GET /api/v1/country).

        operationId: CountryGet. Cached per client (see the class).

        Args:
            geographic: Only geographic countries: without the duplicates that exist for
                further MCCs (`"United States (311)"`) and non-terrestrial networks.
            refresh: Fetch the list again instead of answering from the cache.

        Raises:
            InputError: An argument is not True or False (nothing is sent).
        """
        return await self._cached(ops.COUNTRIES, refresh, geographic=geographic)

    async def currencies(self, *, refresh: bool = False) -> list[Currency]:
        """Every currency (GET /api/v1/currency).

        operationId: CurrencyGet. Cached per client (see the class).

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return await self._cached(ops.CURRENCIES, refresh)

    async def data_blocksizes(self, *, refresh: bool = False) -> list[DataSize]:
        """The data block sizes a tariff can round traffic to (GET /api/v1/data_blocksize).

        operationId: DataBlocksizeGet. Cached per client (see the class).

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return await self._cached(ops.DATA_BLOCKSIZES, refresh)

    async def data_throttles(self, *, refresh: bool = False) -> list[DataSize]:
        """The data throttles a tariff can apply (GET /api/v1/data_throttle).

        operationId: DataThrottleGet. Cached per client (see the class). A throttle's
        `octets` is its rate in bits per second.

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return await self._cached(ops.DATA_THROTTLES, refresh)

    async def breakout_regions(self, *, refresh: bool = False) -> list[BreakoutRegion]:
        """The regions where device traffic breaks out (GET /api/v1/breakout_region).

        operationId: BreakoutRegionGet. Cached per client (see the class).

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return await self._cached(ops.BREAKOUT_REGIONS, refresh)

    async def esme_interface_types(self, *, refresh: bool = False) -> list[Status]:
        """The ESME interface types SMS pass through (GET /api/v1/esme_interface_type).

        operationId: EsmeInterfaceTypeGet. Cached per client (see the class).

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return await self._cached(ops.ESME_INTERFACE_TYPES, refresh)

    async def rat_types(
        self, *, blacklistable: bool = False, limitable: bool = False, refresh: bool = False
    ) -> list[Status]:
        """The radio access technologies (2G, 3G, 4G, NB-IoT...) (GET /api/v1/rat_type).

        operationId: RatType. Cached per client (see the class), per combination of filters.

        Args:
            blacklistable: Only those that can be blacklisted for network coverage.
            limitable: Only those a PDP context definition can be limited to.
            refresh: Fetch the list again instead of answering from the cache.

        Raises:
            InputError: An argument is not True or False (nothing is sent).
        """
        return await self._cached(
            ops.RAT_TYPES, refresh, blacklistable=blacklistable, limitable=limitable
        )

    async def service_levels(self, *, refresh: bool = False) -> list[NamedRef]:
        """The service levels a tariff plan can have (GET /api/v1/service_level).

        operationId: ListServiceLevels. Cached per client (see the class). An enterprise
        organisation gets its parent organisation's levels, others their own.

        Args:
            refresh: Fetch the list again instead of answering from the cache.
        """
        return await self._cached(ops.SERVICE_LEVELS, refresh)

    async def refresh(self) -> None:
        """Forget every cached lookup of this client (and its views): each is fetched again
        on its next call."""
        cache_for(self._transport).clear()
