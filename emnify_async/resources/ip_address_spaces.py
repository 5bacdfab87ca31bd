"""IP address spaces: yours, free ones, take, create and release (`client.ip_address_spaces`).

Your endpoints get their IP addresses from your organisation's address spaces.
"""

from __future__ import annotations

from .._ops import ip_address_spaces as ops
from .._pagination import AsyncPager
from ..models import IpAddressSpace
from ._base import AsyncResource

__all__ = ["AsyncIpAddressSpaces"]


class AsyncIpAddressSpaces(AsyncResource):
    """The IP address space API."""

    def list(self) -> AsyncPager[IpAddressSpace]:
        """Your organisation's address spaces, with their counts (GET /api/v1/ip_address_space).

        operationId: IpAddressSpaceGet. `await` it for the list.
        """
        return self._many(ops.LIST)

    def available(self, *, ip_address_version: int | None = None) -> AsyncPager[IpAddressSpace]:
        """Ten random address spaces no organisation has.

        `GET /api/v1/ip_address_space/available`
        (operationId `IpAddressSpaceAvailableByIpAddressVersionGet`).

        Each call offers another
        sample. `await` it for the list.

        Args:
            ip_address_version: 4 or 6; default: the API's (IPv4).

        Raises:
            InputError: The version is neither 4 nor 6 (nothing is sent).
        """
        return self._many(ops.AVAILABLE, ip_address_version=ip_address_version)

    async def create(self, *, ip_address_space: str, ip_address_version: int) -> IpAddressSpace:
        """Allocate an address space of your choice (POST /api/v1/ip_address_space).

        operationId: ip-address-space-post (newer docs). The API checks that it is free and
        allowed: IPv4 spaces within `10.192.0.0/12`, `100.64.0.0/10`, `10.112.0.0/12` or
        `10.176.0.0/12`, outside the reserved `100.64.0.0/24`. Not retried once sent.

        Args:
            ip_address_space: The network in CIDR notation, e.g. `"10.192.0.0/24"`.
            ip_address_version: 4 or 6, the network's version.

        Returns:
            The new space, with its id.

        Raises:
            InputError: Not a network in CIDR notation, or not of the version given (nothing
                is sent).
            ConflictError: It overlaps an address space already allocated.
            UnprocessableEntityError: It is outside the allowed ranges, or overlaps the
                reserved one.
        """
        return await self._one(
            ops.CREATE,
            ip_address_space=ip_address_space,
            ip_address_version=ip_address_version,
        )

    async def assign(self, address_space_id: int) -> None:
        """Take an address space for your organisation.

        `PUT /api/v1/ip_address_space/{address_space_id}` (operationId `IpAddressSpaceByIdPut`).

        Raises:
            NotFoundError: No such address space.
            ConflictError: It is assigned already (to yours or another organisation).
        """
        await self._nothing(ops.ASSIGN, address_space_id=address_space_id)

    async def release(self, address_space_id: int) -> None:
        """Give an address space back.

        `DELETE /api/v1/ip_address_space/{address_space_id}`
        (operationId `IpAddressSpaceByIdDelete`).

        Raises:
            NotFoundError: No such address space of your organisation.
            ConflictError: Endpoints still have addresses from it.
        """
        await self._nothing(ops.RELEASE, address_space_id=address_space_id)
