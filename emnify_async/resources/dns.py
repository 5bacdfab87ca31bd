"""DNS configurations that service profiles give their endpoints (`client.dns`)."""

from __future__ import annotations

from .._ops import dns as ops
from .._pagination import AsyncPager
from ..models import DnsConfig
from ._base import AsyncResource

__all__ = ["AsyncDns"]


class AsyncDns(AsyncResource):
    """The DNS configuration API."""

    def list(self) -> AsyncPager[DnsConfig]:
        """Your organisation's DNS configurations (GET /api/v1/dns; DnsGet).

        The API answers with the whole list at once; iterate the pager, or `await` it for the
        list.
        """
        return self._many(ops.LIST)

    async def create(self, *, primary: str, secondary: str, ip_address_version: int = 4) -> int:
        """Create a DNS configuration (POST /api/v1/dns; DnsPost).

        Give it to a service profile (`service_profiles.update(profile_id, dns=new_id)`); its
        endpoints use it from their next data session on.

        Args:
            primary: The primary nameserver's IP address.
            secondary: The secondary nameserver's IP address.
            ip_address_version: 4 or 6, the version of both addresses (emnify enforces IPv4
                settings only).

        Returns:
            The new configuration's id (from the `Location` header).

        Raises:
            InputError: An address is not an IP address of that version (nothing is sent).
            UnprocessableEntityError: The API refused a value.
        """
        return await self._created(
            ops.CREATE,
            primary=primary,
            secondary=secondary,
            ip_address_version=ip_address_version,
        )

    async def delete(self, dns_id: int) -> None:
        """Delete a DNS configuration (DELETE /api/v1/dns/{dns_id}; DnsByIdDelete).

        A configuration a service profile uses cannot be deleted.

        Raises:
            NotFoundError: No such configuration of your organisation.
            ConflictError: A service profile uses it.
        """
        await self._nothing(ops.DELETE, dns_id=dns_id)
