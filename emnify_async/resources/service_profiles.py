"""Service profiles: list, details, create, update, delete, their services and traffic limits,
and their data limits (`client.service_profiles`)."""

from __future__ import annotations

from typing import Literal

from .._ops import service_profiles as ops
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, IdLike, NotGiven
from ..models import ServiceProfile, ServiceProfileDataLimit
from ._base import AsyncResource

__all__ = ["AsyncServiceProfiles"]


class AsyncServiceProfiles(AsyncResource):
    """The service profile (service policy) API."""

    def list(self) -> AsyncPager[ServiceProfile]:
        """Your organisation's service profiles, short view (GET /api/v1/service_profile).

        operationId: ServiceProfileGet. Each has its flags and `used_count`; `get()` one for
        its services and references. The API answers with the whole list at once; iterate the
        pager, or `await` it for the list.
        """
        return self._many(ops.LIST)

    async def get(self, profile_id: int) -> ServiceProfile:
        """One service profile in detail (GET /api/v1/service_profile/{profile_id}).

        operationId: ServiceProfileByProfileIdGet. With every flag, the references (callbacks,
        secret, ESME interface type, breakout region, DNS) and the services with their traffic
        limits.

        Raises:
            NotFoundError: No such service profile of your organisation.
        """
        return await self._one(ops.GET, profile_id=profile_id)

    async def create(
        self,
        *,
        name: str,
        description: str | NotGiven = NOT_GIVEN,
        allowed_3g: bool | NotGiven = NOT_GIVEN,
        allowed_4g: bool | NotGiven = NOT_GIVEN,
        allowed_nb_iot: bool | NotGiven = NOT_GIVEN,
        apply_sms_quota: bool | NotGiven = NOT_GIVEN,
        apply_data_quota: bool | NotGiven = NOT_GIVEN,
        retail: bool | NotGiven = NOT_GIVEN,
        sms_p2p_int: bool | NotGiven = NOT_GIVEN,
        sms_p2p_ext: bool | NotGiven = NOT_GIVEN,
        prepaid: bool | NotGiven = NOT_GIVEN,
        nipdp: bool | NotGiven = NOT_GIVEN,
        api_callback: IdLike | NotGiven = NOT_GIVEN,
        api_secret: IdLike | NotGiven = NOT_GIVEN,
        moc_callback: IdLike | NotGiven = NOT_GIVEN,
        esme_interface_type: IdLike | NotGiven = NOT_GIVEN,
        breakout_region: IdLike | NotGiven = NOT_GIVEN,
        dns: IdLike | NotGiven = NOT_GIVEN,
    ) -> int:
        """Create a service profile (POST /api/v1/service_profile).

        operationId: ServiceProfilePost. Only the fields passed are sent (the API defaults the
        others: every RAT and peer-to-peer SMS allowed, no quota applied); references are ids
        or models with an `id`, sent as `{"id": n}`. Services are added afterwards with
        `add_service()`.

        Args:
            name: Name.
            description: Description.
            allowed_3g: Whether the endpoints may use 3G.
            allowed_4g: Whether the endpoints may use 4G/LTE and LTE-M.
            allowed_nb_iot: Whether the endpoints may use NB-IoT.
            apply_sms_quota: Whether the endpoints' SMS quotas are enforced.
            apply_data_quota: Whether the endpoints' data quotas are enforced.
            retail: Retail flag.
            sms_p2p_int: Whether the endpoints may send SMS to other endpoints.
            sms_p2p_ext: Whether the endpoints may send SMS to outside numbers.
            prepaid: Prepaid flag (deprecated by emnify).
            nipdp: Non-IP data delivery flag.
            api_callback: The API callback MO SMS and delivery reports go to.
            api_secret: The API secret that signs the callbacks.
            moc_callback: The callback of mobile-originated calls.
            esme_interface_type: How SMS are handed over (ESME interface type).
            breakout_region: Where data traffic breaks out.
            dns: The DNS configuration (`client.dns`) the endpoints get.

        Returns:
            The new profile's id (from the `Location` header); endpoints can use it at once.

        Raises:
            InputError: A value is invalid, e.g. an empty name (nothing is sent).
            UnprocessableEntityError: The API refused a value, e.g. an unknown DNS
                configuration.
        """
        return await self._created(
            ops.CREATE,
            name=name,
            description=description,
            allowed_3g=allowed_3g,
            allowed_4g=allowed_4g,
            allowed_nb_iot=allowed_nb_iot,
            apply_sms_quota=apply_sms_quota,
            apply_data_quota=apply_data_quota,
            retail=retail,
            sms_p2p_int=sms_p2p_int,
            sms_p2p_ext=sms_p2p_ext,
            prepaid=prepaid,
            nipdp=nipdp,
            api_callback=api_callback,
            api_secret=api_secret,
            moc_callback=moc_callback,
            esme_interface_type=esme_interface_type,
            breakout_region=breakout_region,
            dns=dns,
        )

    async def update(
        self,
        profile_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven = NOT_GIVEN,
        allowed_3g: bool | NotGiven = NOT_GIVEN,
        allowed_4g: bool | NotGiven = NOT_GIVEN,
        allowed_nb_iot: bool | NotGiven = NOT_GIVEN,
        apply_sms_quota: bool | NotGiven = NOT_GIVEN,
        apply_data_quota: bool | NotGiven = NOT_GIVEN,
        retail: bool | NotGiven = NOT_GIVEN,
        sms_p2p_int: bool | NotGiven = NOT_GIVEN,
        sms_p2p_ext: bool | NotGiven = NOT_GIVEN,
        prepaid: bool | NotGiven = NOT_GIVEN,
        nipdp: bool | NotGiven = NOT_GIVEN,
        api_callback: IdLike | NotGiven | None = NOT_GIVEN,
        api_secret: IdLike | NotGiven | None = NOT_GIVEN,
        moc_callback: IdLike | NotGiven | None = NOT_GIVEN,
        esme_interface_type: IdLike | NotGiven = NOT_GIVEN,
        breakout_region: IdLike | NotGiven = NOT_GIVEN,
        dns: IdLike | NotGiven | None = NOT_GIVEN,
    ) -> None:
        """Change a service profile (PATCH /api/v1/service_profile/{profile_id}).

        operationId: ServiceProfileByProfileIdPatch. Only the fields passed are sent (see
        `create()` for their meaning); `None` removes a callback, the secret or the DNS
        configuration (sent as `{"id": null}`). The change applies to every endpoint using
        the profile.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such service profile of your organisation.
            UnprocessableEntityError: The API refused a value.
        """
        await self._nothing(
            ops.UPDATE,
            profile_id=profile_id,
            name=name,
            description=description,
            allowed_3g=allowed_3g,
            allowed_4g=allowed_4g,
            allowed_nb_iot=allowed_nb_iot,
            apply_sms_quota=apply_sms_quota,
            apply_data_quota=apply_data_quota,
            retail=retail,
            sms_p2p_int=sms_p2p_int,
            sms_p2p_ext=sms_p2p_ext,
            prepaid=prepaid,
            nipdp=nipdp,
            api_callback=api_callback,
            api_secret=api_secret,
            moc_callback=moc_callback,
            esme_interface_type=esme_interface_type,
            breakout_region=breakout_region,
            dns=dns,
        )

    async def delete(self, profile_id: int) -> None:
        """Delete a service profile (DELETE /api/v1/service_profile/{profile_id}).

        operationId: ServiceProfileByProfileIdDelete. Its services and traffic limits go with
        it; a profile that endpoints use (`used_count` above 0) cannot be deleted.

        Raises:
            NotFoundError: No such service profile of your organisation.
            ConflictError: Endpoints use the profile (`error_token` "CannotBeDeleted").
        """
        await self._nothing(ops.DELETE, profile_id=profile_id)

    async def remove_quotas(self, profile_id: int, quota_type: Literal["data", "sms"]) -> None:
        """Remove the data or SMS quota of every endpoint using the profile.

        DELETE /api/v1/service_profile/{profile_id}/quota/{quota_type}
        (DeleteQuotaByServiceProfileId). Succeeds when no endpoint has one too. Update the
        profile to `apply_data_quota=False` (or `apply_sms_quota=False`) first: with the quota
        applied, endpoints without a quota are blocked.

        Raises:
            InputError: `quota_type` is not "data" or "sms" (nothing is sent).
            NotFoundError: No such service profile of your organisation.
        """
        await self._nothing(ops.REMOVE_QUOTAS, profile_id=profile_id, quota_type=quota_type)

    # -- services and their traffic limits ----------------------------------------------------

    async def add_service(self, profile_id: int, service_id: IdLike) -> None:
        """Let the profile's endpoints use a service (PUT .../service/{service_id}).

        PUT /api/v1/service_profile/{profile_id}/service/{service_id}
        (ServiceProfileServiceByProfileAndServicePut). Services: 0 USSD, 3 voice (accepted but
        not enabled by the platform), 6 SMS MT, 32 SMS MO, 38 data (see `client.services`).

        Raises:
            InputError: `service_id` is not a service id (nothing is sent).
            NotFoundError: No such service profile, or no such service.
            ConflictError: The profile has the service already (`error_token` "Duplicated").
        """
        await self._nothing(ops.ADD_SERVICE, profile_id=profile_id, service_id=service_id)

    async def remove_service(self, profile_id: int, service_id: IdLike) -> None:
        """Take a service from the profile (DELETE .../service/{service_id}).

        DELETE /api/v1/service_profile/{profile_id}/service/{service_id}
        (ServiceProfileServiceByProfileAndServiceDelete). Remove its traffic limits first.

        Raises:
            NotFoundError: No such service profile, or the profile has no such service.
            ConflictError: The service still has traffic limits (`error_token`
                "CannotBeDeleted").
        """
        await self._nothing(ops.REMOVE_SERVICE, profile_id=profile_id, service_id=service_id)

    async def add_traffic_limit(self, profile_id: int, service_id: IdLike, limit_id: int) -> None:
        """Limit a service of the profile (PUT .../service/{service_id}/traffic_limit/{limit_id}).

        PUT /api/v1/service_profile/{profile_id}/service/{service_id}/traffic_limit/{limit_id}
        (AddTrafficLimit). The limit must be one of the service's
        (`client.services.traffic_limits(service_id)`), and the service part of the profile.

        Raises:
            NotFoundError: No such service profile, service or traffic limit.
            UnprocessableEntityError: The limit is not the service's, or the profile does not
                have the service.
        """
        await self._nothing(
            ops.ADD_TRAFFIC_LIMIT, profile_id=profile_id, service_id=service_id, limit_id=limit_id
        )

    async def remove_traffic_limit(
        self, profile_id: int, service_id: IdLike, limit_id: int
    ) -> None:
        """Lift a traffic limit (DELETE .../service/{service_id}/traffic_limit/{limit_id}).

        DELETE /api/v1/service_profile/{profile_id}/service/{service_id}/traffic_limit/
        {limit_id} (RemoveTrafficLimit).

        Raises:
            NotFoundError: No such service profile, service or traffic limit.
            UnprocessableEntityError: The limit is not assigned to the service of the profile.
        """
        await self._nothing(
            ops.REMOVE_TRAFFIC_LIMIT,
            profile_id=profile_id,
            service_id=service_id,
            limit_id=limit_id,
        )

    # -- data limits (from the newer docs) ----------------------------------------------------

    def data_limits(self, profile_id: int) -> AsyncPager[ServiceProfileDataLimit]:
        """The profile's data limits (GET /api/v1/service_profile/{profile_id}/traffic_limit).

        operationId: list-service-profile-traffic-limits (newer docs). A data limit has its
        own volume and may count satellite traffic only; it is separate from the traffic
        limits assigned to the profile's services (`add_traffic_limit()`), and neither
        changes the other. `await` it for the list.

        Raises:
            PermissionDeniedError: No such service profile of your organisation (the docs' 403).
        """
        return self._many(ops.DATA_LIMITS, profile_id=profile_id)

    async def add_data_limit(
        self,
        profile_id: int,
        *,
        volume: int,
        warning_percent: int | NotGiven = NOT_GIVEN,
        satellite_only: bool | NotGiven = NOT_GIVEN,
        service: IdLike = 38,
        period: IdLike | NotGiven = NOT_GIVEN,
    ) -> int:
        """Add a data limit to the profile (POST .../{profile_id}/traffic_limit).

        POST /api/v1/service_profile/{profile_id}/traffic_limit
        (add-service-profile-traffic-limit, newer docs). One limit per service and
        `satellite_only`; to change one, remove it and add another (or extend it for a while
        per endpoint: `client.endpoints.extend_traffic_limit()`). Not retried once sent.

        Args:
            volume: The limit in bytes per period.
            warning_percent: The share of `volume` (1-100) at which an event is sent.
            satellite_only: Count only traffic over satellite RAT types (the API's default:
                all traffic).
            service: The service limited: 38 Data, the only one the API supports.
            period: The period: 2 Monthly (calendar months), the only one and the default.

        Returns:
            The new data limit's id (from the `Location` header).

        Raises:
            InputError: A value is invalid, e.g. a volume that is not a positive whole
                number (nothing is sent).
            BadRequestError: The API refused a value, e.g. an unsupported service.
            PermissionDeniedError: No such service profile of your organisation.
            ConflictError: The profile has a data limit for the service and
                `satellite_only` already.
        """
        return await self._created(
            ops.ADD_DATA_LIMIT,
            profile_id=profile_id,
            service=service,
            volume=volume,
            period=period,
            satellite_only=satellite_only,
            warning_percent=warning_percent,
        )

    async def remove_data_limits(self, profile_id: int) -> None:
        """Remove every data limit of the profile (DELETE .../{profile_id}/traffic_limit).

        DELETE /api/v1/service_profile/{profile_id}/traffic_limit
        (remove-service-profile-traffic-limits, newer docs). The traffic limits assigned to
        its services stay. Succeeds when it has none, too.

        Raises:
            PermissionDeniedError: No such service profile of your organisation.
        """
        await self._nothing(ops.REMOVE_DATA_LIMITS, profile_id=profile_id)

    async def remove_data_limit(self, profile_id: int, limit_id: int) -> None:
        """Remove one data limit (DELETE .../{profile_id}/traffic_limit/{limit_id}).

        DELETE /api/v1/service_profile/{profile_id}/traffic_limit/{limit_id}
        (delete-service-profile-traffic-limit, newer docs).

        Raises:
            PermissionDeniedError: No such service profile of your organisation.
            NotFoundError: The profile has no such data limit.
        """
        await self._nothing(ops.DELETE_DATA_LIMIT, profile_id=profile_id, limit_id=limit_id)
