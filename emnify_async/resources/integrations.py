"""Integrations: data streams (`client.data_streams`), API callback URLs
(`client.api_callbacks`) and their signing secrets (`client.api_secrets`).

What emnify then pushes to you (webhook records, MO SMS) is parsed and verified by
`emnify_async.webhooks`.
"""

from __future__ import annotations

import builtins
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from .._converter import ShapeError
from .._exceptions import InputError
from .._ops import integrations as ops
from .._pagination import AsyncPager
from .._transport import Response
from .._types import NOT_GIVEN, IdLike, NotGiven
from ..models import (
    ApiCallback,
    ApiSecret,
    DataStream,
    DataStreamFilter,
    DataStreamFilterField,
    Destination,
    NewApiSecret,
    Secret,
    Status,
)
from ._base import AsyncResource

__all__ = ["AsyncApiCallbacks", "AsyncApiSecrets", "AsyncDataStreams"]


def _created_stream_id(response: Response) -> str:
    location = response.headers.get("Location") or ""
    tail = location.rstrip("/").rsplit("/", 1)[-1]
    try:
        return ops.stream_id(tail, "Location")
    except InputError:
        raise ShapeError("Location", "", location, "no header naming the new stream") from None


class AsyncDataStreams(AsyncResource):
    """Data Streamer v2: stream usage or event records to your cloud or webhook.

    The lookups (`statuses()`, `types()`, `filter_fields()`) are fetched once per client and
    then answered from memory; pass `refresh=True` to fetch them again.
    """

    def list(self) -> AsyncPager[DataStream]:
        """Your organisation's data streams, with their status (GET /api/v2/data_stream).

        operationId: ListDataStreamerV2s. Not paged: iterate the pager, or `await` it for the
        list.
        """
        return self._many(ops.STREAMS)

    async def create(
        self,
        *,
        data_stream_type: IdLike,
        destination: Destination | Mapping[str, Any],
        name: str | NotGiven = NOT_GIVEN,
        filters: Mapping[str, Any]
        | Sequence[DataStreamFilter | Mapping[str, Any]]
        | NotGiven = NOT_GIVEN,
        relation_resolution: IdLike | NotGiven = NOT_GIVEN,
    ) -> str:
        """Create a data stream (POST /api/v2/data_stream).

        operationId: CreateDataStreamer. `client.data_streams.create(data_stream_type=2,
        destination=WebhookDestination(url="https://example.com/emnify", size=100),
        filters={"alert": True})`.

        Args:
            data_stream_type: 1 usage or 2 events (`DataStreamTypeId`).
            destination: A destination (`WebhookDestination`, `KinesisDestination`,
                `S3Destination`, `KeenIODestination`, `DatadogDestination`,
                `EventHubsDestination`, `PubSubDestination`) or the API's mapping.
            name: Descriptive name.
            filters: Event streams only: `{"event_type_id": [1, 2, 3]}`, `{"alert": True}`.
            relation_resolution: Whose records: 1 own, 3 both (as emnify's examples show).

        Returns:
            The new stream's id (a string, from the `Location` header).

        Raises:
            InputError: A value is invalid, or a usage stream has filters (nothing is sent).
            UnprocessableEntityError: The API refused the configuration.
        """
        return await self._value(
            ops.CREATE_STREAM,
            _created_stream_id,
            data_stream_type=data_stream_type,
            destination=destination,
            name=name,
            filters=filters,
            relation_resolution=relation_resolution,
        )

    async def get(self, data_stream_id: str) -> DataStream:
        """One data stream and its status (GET /api/v2/data_stream/{data_stream_id}).

        operationId: GetDataStreamerByIdV2.

        Raises:
            InputError: The id is malformed (nothing is sent).
            NotFoundError: No such stream of your organisation.
        """
        return await self._one(ops.GET_STREAM, data_stream_id=data_stream_id)

    async def update(
        self,
        data_stream_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        destination: Destination | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        filters: Mapping[str, Any]
        | Sequence[DataStreamFilter | Mapping[str, Any]]
        | NotGiven = NOT_GIVEN,
        status: IdLike | NotGiven = NOT_GIVEN,
        data_stream_type: IdLike | NotGiven = NOT_GIVEN,
        relation_resolution: IdLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Change a data stream (PATCH /api/v2/data_stream/{data_stream_id}).

        operationId: PatchV2DataStream. Only the fields passed are sent; the API accepts the
        change (202) and applies it shortly after. `status=DataStreamStatusId.PAUSED` pauses
        the stream (emnify keeps its records up to 7 days), `RUNNING` resumes it;
        `filters={}` removes every filter.

        Args:
            data_stream_id: The stream.
            name: Descriptive name.
            destination: A new destination (see `create()`).
            filters: New filters (event streams only); `{}` for none.
            status: 1 running or 2 paused (`DataStreamStatusId`).
            data_stream_type: 1 usage or 2 events.
            relation_resolution: Whose records: 1 own, 3 both.

        Raises:
            InputError: No field was given, or a value is invalid (nothing is sent).
            NotFoundError: No such stream of your organisation.
            UnprocessableEntityError: The API refused the change.
        """
        await self._nothing(
            ops.UPDATE_STREAM,
            data_stream_id=data_stream_id,
            name=name,
            destination=destination,
            filters=filters,
            status=status,
            data_stream_type=data_stream_type,
            relation_resolution=relation_resolution,
        )

    async def delete(self, data_stream_id: str) -> None:
        """Delete a data stream (DELETE /api/v2/data_stream/{data_stream_id}).

        operationId: DeleteDataStreamerV2.

        Raises:
            InputError: The id is malformed (nothing is sent).
            NotFoundError: No such stream of your organisation.
            ConflictError: The stream cannot be deleted in its current state.
        """
        await self._nothing(ops.DELETE_STREAM, data_stream_id=data_stream_id)

    async def restart(self, data_stream_id: str) -> None:
        """Restart a data stream, e.g. one in error after its destination was unreachable.

        POST /api/v2/data_stream/{data_stream_id}/restart (DataStreamerV2ByIdRestart). The
        stream is pending, then running again; a misconfigured one fails again.

        Raises:
            InputError: The id is malformed (nothing is sent).
            NotFoundError: No such stream of your organisation.
            ConflictError: The stream cannot be restarted in its current state (paused:
                resume it with `update(status=1)`).
        """
        await self._nothing(ops.RESTART_STREAM, data_stream_id=data_stream_id)

    async def statuses(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The data stream statuses (GET /api/v2/data_stream/status; GetDataStreamerStatuses).

        Cached per client (shared with `with_options()` views).

        Args:
            refresh: Fetch them again.
        """
        return await self._cached(ops.STREAM_STATUSES, refresh)

    async def types(self, *, refresh: bool = False) -> builtins.list[Status]:
        """The data stream types (GET /api/v2/data_stream/type; GetDataStreamerDataStreamType).

        Cached per client (shared with `with_options()` views).

        Args:
            refresh: Fetch them again.
        """
        return await self._cached(ops.STREAM_TYPES, refresh)

    async def filter_fields(self, *, refresh: bool = False) -> builtins.list[DataStreamFilterField]:
        """The fields event streams can filter on (GET /api/v2/data_stream/filter_field_type).

        operationId: GetDataStreamerEnumFilterFieldType. Fetched once per client, then
        answered from memory (shared with `with_options()` views).

        Args:
            refresh: Fetch them again.
        """
        return await self._cached(ops.FILTER_FIELDS, refresh)


class AsyncApiCallbacks(AsyncResource):
    """API callback URLs: where emnify posts MO SMS and delivery receipts.

    A callback takes effect once a service profile names it (`api_callback`), with an
    `api_secret` to have its requests signed.
    """

    def list(self) -> AsyncPager[ApiCallback]:
        """Your organisation's callback URLs (GET /api/v1/api_callback; GetAPICallbackURLs).

        Not paged: iterate the pager, or `await` it for the list.
        """
        return self._many(ops.CALLBACKS)

    async def create(self, *, url: str, purpose: str | NotGiven = NOT_GIVEN) -> int:
        """Create a callback URL (POST /api/v1/api_callback; CreateCallbackURL).

        Args:
            url: An absolute `https://` (or `http://`) URL of your receiver.
            purpose: Free-text purpose.

        Returns:
            The new callback's id (from the `Location` header).

        Raises:
            InputError: The URL is not an absolute http(s) URL (nothing is sent).
            UnprocessableEntityError: The API refused it.
        """
        return await self._created(ops.CREATE_CALLBACK, url=url, purpose=purpose)

    async def get(self, api_callback_id: int) -> ApiCallback:
        """One callback URL (GET /api/v1/api_callback/{api_callback_id}; GetCallbackURLbyID).

        Raises:
            NotFoundError: No such callback of your organisation.
        """
        return await self._one(ops.GET_CALLBACK, api_callback_id=api_callback_id)

    async def delete(self, api_callback_id: int) -> None:
        """Delete a callback URL (DELETE /api/v1/api_callback/{api_callback_id}).

        operationId: DeleteCallbackURL.

        Raises:
            NotFoundError: No such callback of your organisation.
        """
        await self._nothing(ops.DELETE_CALLBACK, api_callback_id=api_callback_id)


class AsyncApiSecrets(AsyncResource):
    """API secrets: the keys emnify signs its callback requests' JWTs with.

    The API never returns a secret's value: keep the one `create()` returns.
    """

    def list(self) -> AsyncPager[ApiSecret]:
        """Your organisation's secrets, without their values (GET /api/v1/api_secret).

        operationId: GetAPICallbackSecret. Not paged: iterate the pager, or `await` it for
        the list.
        """
        return self._many(ops.SECRETS)

    async def create(
        self,
        *,
        purpose: str | NotGiven = NOT_GIVEN,
        secret: str | Secret | None = None,
    ) -> NewApiSecret:
        """Create a secret (POST /api/v1/api_secret; CreateCallbackSecret).

        Args:
            purpose: Free-text purpose.
            secret: The signing key; by default a random one of 64 characters (48 bytes from
                `secrets`: long enough for HS512, whose key should be at least 64 bytes).

        Returns:
            The new id and the secret's value (masked; `.secret.get_secret_value()` gives it), to
            verify callbacks with `emnify_async.webhooks.verify_callback_token`.

        Raises:
            InputError: The secret is empty or has surrounding blanks (nothing is sent).
        """
        value = secrets.token_urlsafe(48) if secret is None else secret
        new_id = await self._created(ops.CREATE_SECRET, secret=value, purpose=purpose)
        plain = value.get_secret_value() if isinstance(value, Secret) else value
        shown = None if isinstance(purpose, NotGiven) else purpose
        return NewApiSecret(id=new_id, secret=Secret(plain), purpose=shown)

    async def get(self, api_secret_id: int) -> ApiSecret:
        """One secret, without its value (GET /api/v1/api_secret/{api_secret_id}).

        operationId: GetCallbackSecretbyID.

        Raises:
            NotFoundError: No such secret of your organisation.
        """
        return await self._one(ops.GET_SECRET, api_secret_id=api_secret_id)

    async def delete(self, api_secret_id: int) -> None:
        """Delete a secret (DELETE /api/v1/api_secret/{api_secret_id}; DeleteCallbackSecret).

        Raises:
            NotFoundError: No such secret of your organisation.
        """
        await self._nothing(ops.DELETE_SECRET, api_secret_id=api_secret_id)
