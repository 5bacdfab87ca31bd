"""Tariff profiles: list, details, create, update, delete, coverage, ratezones, inclusive
volume and operator blocklist (`client.tariff_profiles`).

A tariff profile is built on one of your organisation's tariffs; its endpoints roam in the
ratezones selected for it (its coverage), except on the operators (or their RAT types) it
blocks, and may be rated by one inclusive volume.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._ops import tariff_profiles as ops
from .._pagination import AsyncPager
from .._types import NOT_GIVEN, IdLike, NotGiven
from ..models import TariffProfile, TariffProfileCoverage, TariffProfileOperatorBlock
from ._base import AsyncResource

__all__ = ["AsyncTariffProfiles"]


class AsyncTariffProfiles(AsyncResource):
    """The tariff profile API."""

    def list(self) -> AsyncPager[TariffProfile]:
        """Your organisation's tariff profiles (GET /api/v1/tariff_profile).

        operationId: TariffProfileGet. The API answers with the whole list at once (it is
        not paged); like every list call this returns a pager: iterate it, or `await` it.
        """
        return self._many(ops.LIST)

    async def get(self, tariff_profile_id: int) -> TariffProfile:
        """One tariff profile (GET /api/v1/tariff_profile/{tariff_profile_id}).

        operationId: TariffProfileByIdGet.

        Raises:
            NotFoundError: No such tariff profile of your organisation.
        """
        return await self._one(ops.GET, tariff_profile_id=tariff_profile_id)

    async def create(
        self,
        *,
        name: str,
        tariff: IdLike,
        description: str | NotGiven | None = NOT_GIVEN,
    ) -> int:
        """Create a tariff profile (POST /api/v1/tariff_profile).

        operationId: TariffProfilePost. It starts with no ratezone selected: select some
        with `select_ratezone()` for its endpoints to connect anywhere.

        Args:
            name: Short name.
            tariff: One of your organisation's tariffs, as an id or a model with an `id`.
            description: Long description.

        Returns:
            The new tariff profile's id (from the `Location` header).

        Raises:
            InputError: The name is blank or the tariff is not an id (nothing is sent).
            UnprocessableEntityError: The tariff is not one of your organisation's.
        """
        return await self._created(ops.CREATE, name=name, tariff=tariff, description=description)

    async def update(
        self,
        tariff_profile_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        tariff: IdLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a tariff profile (PATCH /api/v1/tariff_profile/{tariff_profile_id}).

        operationId: TariffProfileByIdPatch. Only the fields passed are sent;
        `description=None` empties it. Another tariff removes every ratezone selection.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such tariff profile of your organisation.
            UnprocessableEntityError: The tariff is not one of your organisation's.
        """
        await self._nothing(
            ops.UPDATE,
            tariff_profile_id=tariff_profile_id,
            name=name,
            description=description,
            tariff=tariff,
        )

    async def delete(self, tariff_profile_id: int) -> None:
        """Delete a tariff profile (DELETE /api/v1/tariff_profile/{tariff_profile_id}).

        operationId: TariffProfileByIdDelete.

        Raises:
            NotFoundError: No such tariff profile of your organisation.
            ConflictError: Endpoints still use it (its `used_count` is not 0).
        """
        await self._nothing(ops.DELETE, tariff_profile_id=tariff_profile_id)

    def coverage(self, tariff_profile_id: int) -> AsyncPager[TariffProfileCoverage]:
        """The countries where the profile's endpoints can connect.

        `GET /api/v1/tariff_profile/{tariff_profile_id}/coverage`
        (operationId `TariffProfileCoverageByTpIdGet`).

        `await` it for the list.

        Raises:
            NotFoundError: No such tariff profile of your organisation.
        """
        return self._many(ops.COVERAGE, tariff_profile_id=tariff_profile_id)

    async def select_ratezone(self, tariff_profile_id: int, ratezone_id: int) -> None:
        """Select a ratezone of the profile's tariff.

        `PUT /api/v1/tariff_profile/{tariff_profile_id}/ratezone_selection/{ratezone_id}`
        (operationId `TariffProfileRatezoneSelectionByTpIdAndRzIdPut`).

        Only currently valid
        and active ratezones can be selected.

        Raises:
            NotFoundError: No such tariff profile, or the ratezone is not its tariff's.
            UnprocessableEntityError: The ratezone is not active.
            ConflictError: The ratezone is selected already.
        """
        await self._nothing(
            ops.SELECT_RATEZONE, tariff_profile_id=tariff_profile_id, ratezone_id=ratezone_id
        )

    async def deselect_ratezone(self, tariff_profile_id: int, ratezone_id: int) -> None:
        """Remove a ratezone from the profile.

        `DELETE /api/v1/tariff_profile/{tariff_profile_id}/ratezone_selection/{ratezone_id}`
        (operationId `TariffProfileRatezoneSelectionByTpIdAndRzIdDelete`).

        Raises:
            NotFoundError: No such tariff profile, or the ratezone is not selected.
        """
        await self._nothing(
            ops.DESELECT_RATEZONE, tariff_profile_id=tariff_profile_id, ratezone_id=ratezone_id
        )

    async def assign_inclusive_volume(
        self, tariff_profile_id: int, inclusive_volume_id: int
    ) -> None:
        """Rate the profile's traffic with an inclusive volume.

        `PUT /api/v1/tariff_profile/{tariff_profile_id}/inclusive_volume/{inclusive_volume_id}`
        (operationId `TariffProfileInclusiveVolumeAssignment`).

        The volume is one of your
        organisation's (as listed by `client.organisations.active_inclusive_volumes()`); it
        must not be expired and its ratezone must be of the profile's tariff. Without one,
        when your organisation has several active volumes, the profile's traffic is rated
        "pay as you go".

        Raises:
            NotFoundError: No such tariff profile or inclusive volume.
            BadRequestError: The volume is expired, or of another tariff.
            ConflictError: The profile has an inclusive volume already.
        """
        await self._nothing(
            ops.ASSIGN_INCLUSIVE_VOLUME,
            tariff_profile_id=tariff_profile_id,
            inclusive_volume_id=inclusive_volume_id,
        )

    async def unassign_inclusive_volume(
        self, tariff_profile_id: int, inclusive_volume_id: int
    ) -> None:
        """Remove the profile's inclusive volume.

        `DELETE /api/v1/tariff_profile/{tariff_profile_id}/inclusive_volume/{inclusive_volume_id}`
        (operationId `TariffProfileInclusiveVolumeRemoveAssignment`).

        Raises:
            NotFoundError: No such tariff profile or inclusive volume.
            BadRequestError: That volume is not the profile's.
        """
        await self._nothing(
            ops.UNASSIGN_INCLUSIVE_VOLUME,
            tariff_profile_id=tariff_profile_id,
            inclusive_volume_id=inclusive_volume_id,
        )

    # -- the operator blocklist (v2, from the newer docs) -------------------------------------

    def blocked_operators(self, tariff_profile_id: int) -> AsyncPager[TariffProfileOperatorBlock]:
        """The operators the profile blocks, wholly or some RAT types (GET .../operator).

        GET /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator
        (tariff-profile-operator-block-list-operator-get, newer docs). One item per operator
        with anything blocked. `await` it for the list.

        Raises:
            NotFoundError: No such tariff profile of your organisation.
        """
        return self._many(ops.BLOCKED_OPERATORS, tariff_profile_id=tariff_profile_id)

    async def blocked_operator(
        self, tariff_profile_id: int, operator_id: int
    ) -> TariffProfileOperatorBlock:
        """What the profile blocks of one operator (GET .../operator/{operator_id}).

        GET /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id} (tariff-profile-operator-block-operator-by-id-get, newer docs). An
        operator with nothing blocked answers `blocklist.operator=False` and no RAT types.

        Raises:
            NotFoundError: No such tariff profile of your organisation, or no such operator.
        """
        return await self._one(
            ops.BLOCKED_OPERATOR, tariff_profile_id=tariff_profile_id, operator_id=operator_id
        )

    async def block_operator(self, tariff_profile_id: int, operator_id: int) -> None:
        """Block an operator completely for the profile (PUT .../operator/{operator_id}).

        PUT /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id} (tariff-profile-operator-block-operator-by-id-put, newer docs). RAT
        types blocked on their own stay blocked. Blocking a blocked operator changes nothing.

        Raises:
            NotFoundError: No such tariff profile of your organisation, or no such operator.
        """
        await self._nothing(
            ops.BLOCK_OPERATOR, tariff_profile_id=tariff_profile_id, operator_id=operator_id
        )

    async def unblock_operator(self, tariff_profile_id: int, operator_id: int) -> None:
        """Lift the complete block of an operator (DELETE .../operator/{operator_id}).

        DELETE /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id} (tariff-profile-operator-block-operator-by-id-delete, newer docs). RAT
        types blocked on their own stay blocked (`unblock_rat_type()` lifts them).

        Raises:
            NotFoundError: No such tariff profile of your organisation, or no such operator.
        """
        await self._nothing(
            ops.UNBLOCK_OPERATOR, tariff_profile_id=tariff_profile_id, operator_id=operator_id
        )

    async def block_rat_types(
        self,
        tariff_profile_id: int,
        operator_id: int,
        *,
        rat_types: IdLike | Iterable[IdLike],
    ) -> None:
        """Block some RAT types of an operator for the profile (POST .../rat_type).

        POST /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id}/rat_type (tariff-profile-operator-block-operator-by-id-rat-type-post,
        newer docs). Also while the operator is blocked completely; ones blocked already stay
        so (which makes a repeat harmless: it is retried).

        Args:
            rat_types: RAT type ids or models (`client.lookups.rat_types(blacklistable=True)`),
                sent as `[{"id": n}, ...]`.

        Raises:
            InputError: No RAT type, or one is not an id (nothing is sent).
            NotFoundError: No such tariff profile of your organisation, or no such operator.
            UnprocessableEntityError: A RAT type cannot be blocked.
        """
        await self._nothing(
            ops.BLOCK_RAT_TYPES,
            tariff_profile_id=tariff_profile_id,
            operator_id=operator_id,
            rat_types=rat_types,
        )

    async def unblock_rat_type(
        self, tariff_profile_id: int, operator_id: int, rat_type_id: IdLike
    ) -> None:
        """Lift the block of one RAT type of an operator (DELETE .../rat_type/{rat_type_id}).

        DELETE /api/v2/tariff_profile/{tariff_profile_id}/operator_blocklist/operator/
        {operator_id}/rat_type/{rate_type_id}
        (tariff-profile-operator-block-operator-by-id-rat-type-by-id-delete, newer docs). A
        complete block of the operator stays.

        Raises:
            InputError: `rat_type_id` is not an id (nothing is sent).
            NotFoundError: No such tariff profile of your organisation, operator or RAT type.
        """
        await self._nothing(
            ops.UNBLOCK_RAT_TYPE,
            tariff_profile_id=tariff_profile_id,
            operator_id=operator_id,
            rate_type_id=rat_type_id,
        )
