"""CloudConnect: private links from the devices' network into your AWS (`client.cloud_connect`).

An attachment (breakout) is a Transit Gateway attachment or an IPSec VPN connection; it is
created pending and becomes active once AWS (and, for a Transit Gateway, your account) has
done its part. `breakout_types()`, `available_regions()` and `prices()` say what can be
created where and at what monthly price.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._ops import cloud_connect as ops
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, IdLike, NotGiven, StatusLike
from ..models import (
    CloudConnectAttachment,
    CloudConnectPrice,
    CloudConnectRegion,
    CloudConnectTypeId,
    Secret,
    Status,
)
from ._base import AsyncResource

__all__ = ["AsyncCloudConnect"]


class AsyncCloudConnect(AsyncResource):
    """The CloudConnect API: attachments, breakout types, regions and prices."""

    def list(
        self,
        org: IdLike | None = None,
        *,
        status: StatusLike | None = None,
        type: StatusLike | None = None,
    ) -> AsyncPager[CloudConnectAttachment]:
        """Your organisation's attachments (GET /api/v1/cnc/breakout).

        operationId: GetCloudConnectAttachments. A master organisation gets those of its
        direct child organisations. Deleted attachments are left out unless `status` asks
        for them. The API answers with the whole list at once; `await` the pager for it.

        Args:
            org: Only the attachments of this child organisation (master organisations).
            status: Only attachments in this status (`CloudConnectStatusId`, 1 to 8).
            type: Only attachments of this type (`CloudConnectTypeId`, 1 to 8).

        Raises:
            InputError: An argument is invalid (nothing is sent).
            PermissionDeniedError: `org` is not one of your organisations.
        """
        return self._many(ops.LIST, organisation=org, status=status, type=type)

    async def get(self, attachment_id: int) -> CloudConnectAttachment:
        """One attachment with its networks, and an active VPN's tunnels and their metrics.

        GET /api/v1/cnc/breakout/{cloudconnect_attachment_id}
        (operationId: GetCloudConnectAttachmentById). A tunnel's pre-shared key is a
        `Secret`: masked when printed, read with `psk.get_secret_value()`.

        Raises:
            NotFoundError: No such attachment of your organisation.
        """
        return await self._one(ops.GET, cloudconnect_attachment_id=attachment_id)

    async def create_tgw(
        self,
        *,
        name: str,
        vpc_cidr: Sequence[str],
        region: str,
        aws_account_id: str,
        description: str | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create a Transit Gateway attachment to your AWS account.

        POST /api/v1/cnc/breakout/tgw (operationId: CreateCloudConnectAttachmentTGW). Then,
        in your AWS account, accept the resource share of the CloudConnect Transit Gateway and
        attach your VPC to it within 7 days (else `retry()` the attachment).

        Args:
            name: Display name.
            vpc_cidr: Your VPC's networks, one to three, e.g. `["172.16.1.0/24"]`.
            region: The AWS region, one of `available_regions(CloudConnectTypeId.TRANSIT_GATEWAY)`.
            aws_account_id: Your AWS account id: 12 digits, as a string.
            description: Optional description.

        Returns:
            The new attachment's id.

        Raises:
            InputError: A value is invalid (nothing is sent).
            UnprocessableEntityError: The API refused a value, e.g. an unavailable region.
        """
        return await self._created(
            ops.CREATE_TGW,
            type=CloudConnectTypeId.TRANSIT_GATEWAY,
            name=name,
            description=description,
            vpc_cidr=vpc_cidr,
            region=region,
            aws_account_id=aws_account_id,
        )

    async def create_vpn(
        self,
        *,
        name: str,
        public_ip: str,
        on_prem_cidr: Sequence[str],
        region: str | NotGiven = NOT_GIVEN,
        psk: str | Secret | NotGiven = NOT_GIVEN,
        asn: int | NotGiven = NOT_GIVEN,
        inside_cidr: Sequence[str] | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create an IPSec VPN attachment to your VPN server; it is active within minutes.

        POST /api/v1/cnc/breakout/vpn (operationId: CreateCloudConnectAttachmentVPN). With
        `asn` it is a dynamic VPN routed by BGP (type 3, `IPSEC_VPN_BGP`), else a static one
        (type 2, `IPSEC_VPN`).

        Args:
            name: Display name.
            public_ip: The public IPv4 address of your VPN server.
            on_prem_cidr: The networks behind your VPN server, one to three.
            region: The AWS region, one of `available_regions()` of the type.
            psk: The pre-shared key: 8 to 64 letters, digits, periods or underscores, not
                starting with 0; generated when left out (read it with `get()`).
            asn: Your BGP autonomous system number: makes the VPN dynamic.
            inside_cidr: For a dynamic VPN, one to three /30 networks within
                169.254.0.0/16 for the tunnels' inside addresses; generated when left out.
            description: Optional description.

        Returns:
            The new attachment's id.

        Raises:
            InputError: A value is invalid (nothing is sent; a bad `psk` is never echoed).
            UnprocessableEntityError: The API refused a value, e.g. an unavailable region.
        """
        vpn_type = (
            CloudConnectTypeId.IPSEC_VPN if asn is NOT_GIVEN else CloudConnectTypeId.IPSEC_VPN_BGP
        )
        # Sensitive: an error keeps no body and repeats no string the request sent (the key).
        return await self._created(
            ops.CREATE_VPN,
            type=vpn_type,
            name=name,
            description=description,
            region=region,
            public_ip=public_ip,
            psk=psk,
            asn=asn,
            on_prem_cidr=on_prem_cidr,
            inside_cidr=inside_cidr,
        )

    async def delete(self, attachment_id: int) -> None:
        """Delete an attachment (DELETE /api/v1/cnc/breakout/{cloudconnect_attachment_id}).

        operationId: DeleteCloudConnectAttachment. It is deactivated, then left out of
        `list()` unless asked for by status.

        Raises:
            NotFoundError: No such attachment of your organisation.
            UnprocessableEntityError: It is deactivated or rolling back already, or a Classic
                attachment.
        """
        await self._nothing(ops.DELETE, cloudconnect_attachment_id=attachment_id)

    async def retry(self, attachment_id: int) -> None:
        """Offer an expired Transit Gateway attachment to your AWS account again.

        PATCH /api/v1/cnc/breakout/{cloudconnect_attachment_id}
        (operationId: RetryCloudConnectAttachment). Allowed for a Transit Gateway attachment
        pending AWS activation whose 7 days to accept it have passed.

        Raises:
            NotFoundError: No such attachment of your organisation.
            UnprocessableEntityError: Not such an expired Transit Gateway attachment.
        """
        await self._nothing(ops.RETRY, cloudconnect_attachment_id=attachment_id)

    def breakout_types(self, *, refresh: bool = False) -> AsyncPager[Status]:
        """The types of attachment (GET /api/v1/cnc/breakout_type).

        operationId: GetCloudConnectBreakoutTypes. Ids as in `CloudConnectTypeId`; `await`
        the pager for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return self._cached_many(ops.BREAKOUT_TYPES, refresh)

    def available_regions(
        self, breakout_type: IdLike, *, refresh: bool = False
    ) -> AsyncPager[CloudConnectRegion]:
        """Where attachments of a type can be created, and where their traffic is peered to.

        GET /api/v1/cnc/breakout_type/{breakout_type_id}/available_region
        (operationId: GetCloudConnectAvailableRegionsByBreakoutType). `await` the pager for
        the list. A lookup: asked once per client and type.

        Args:
            breakout_type: A breakout type id (`CloudConnectTypeId`).
            refresh: Ask the API again instead of the client's cache.

        Raises:
            InputError: Not a positive id (nothing is sent).
            NotFoundError: No such breakout type.
        """
        return self._cached_many(ops.AVAILABLE_REGIONS, refresh, breakout_type_id=breakout_type)

    def regions(
        self, *, type: StatusLike | None = None, refresh: bool = False
    ) -> AsyncPager[CloudConnectRegion]:
        """Deprecated by emnify: use `available_regions()` (GET /api/v1/cnc/region).

        operationId: GetCloudConnectRegions. The regions where attachments can be created,
        of one type or of any. A lookup: asked once per client and type.

        Args:
            type: Only regions of this breakout type (`CloudConnectTypeId`, 1 to 8).
            refresh: Ask the API again instead of the client's cache.

        Raises:
            InputError: `type` is not from 1 to 8 (nothing is sent).
        """
        return self._cached_many(ops.REGIONS, refresh, type=type)

    def prices(self) -> AsyncPager[CloudConnectPrice]:
        """Monthly prices of the breakout types (GET /api/v1/cnc/pricing).

        operationId: ListCloudConnectCustomPrices. An enterprise organisation gets the prices
        that apply to it; a master organisation those it set for its child organisations.
        `await` the pager for the list.
        """
        return self._many(ops.PRICES)
