"""Tags (v2): the organisation's tags (`client.tags`) and an endpoint's
(`client.endpoints.tags`).

Documented only by emnify's newer docs (docs.emnify.com), not by the official spec. These
tags are objects of the organisation with a name and a colour, assigned to endpoints; the
free-text `tags` field of an endpoint (v1) is another thing, which they do not change.
"""

from __future__ import annotations

import builtins
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from multidict import CIMultiDict, CIMultiDictProxy

from .._body import Ref
from .._bulk import BulkItem, BulkResult, read_back, unique_ids
from .._converter import structure, structure_list
from .._exceptions import APIError, InputError, NotFoundError
from .._operation import Operation
from .._ops import tags as ops
from .._ops.tags import TagAssignments, TagIds, TagPage, tag_ids
from .._pagination import AsyncPager
from .._transport import Response
from .._types import NOT_GIVEN, IdLike, NotGiven
from ..models import Tag, TagColor
from ._base import AsyncResource

__all__ = ["AsyncEndpointTags", "AsyncTags"]


class AsyncTags(AsyncResource):
    """The organisation's tags: list, create, rename or recolour, delete, and their colours.

    Assign them to endpoints with `client.endpoints.tags`.
    """

    def list(self, *, name: str | None = None, per_page: int | None = None) -> AsyncPager[Tag]:
        """The organisation's tags, across all pages (GET /api/v2/tags).

        operationId: list-tags (newer docs). The API pages this list its own way (`page`,
        `page_size` and an object around each page); the pager reads it like any other.

        Args:
            name: Only tags with this name (the emulator matches a part, ignoring case).
            per_page: Tags per page (sent as `page_size`); by default the API's.

        Raises:
            InputError: `name` is blank or `per_page` not a positive integer (nothing is sent).
        """
        # Validates the arguments now, before any page is asked for.
        self._prepare(ops.LIST, {"name": name, "page_size": per_page})

        async def fetch(page: int, decode: Callable[[Response], Any]) -> Any:
            return await self._value(
                ops.LIST,
                lambda response: decode(_unwrapped(response)),
                name=name,
                page=page,
                page_size=per_page,
            )

        return AsyncPager(
            fetch,
            lambda items: structure_list(items, Tag),
            prefetch=self._page_prefetch,
            per_page=per_page,
            path=ops.LIST.path,
        )

    async def create(self, *, name: str, color: IdLike | NotGiven = NOT_GIVEN) -> Tag:
        """Create a tag (POST /api/v2/tags).

        operationId: create-tag (newer docs). Never repeated once sent: if it fails without
        an answer, `list(name=...)` shows whether the tag exists.

        Args:
            name: The tag's name, unique in the organisation.
            color: A colour of `colors()`, by id; by default the API picks one at random.

        Returns:
            The new tag (its `id`, `name` and `tag_color`).

        Raises:
            InputError: A blank name or a colour that is no id (nothing is sent).
            ConflictError: The organisation has a tag of that name.
            UnprocessableEntityError: No such colour.
        """
        return await self._one(ops.CREATE, name=name, color=color)

    async def update(
        self,
        tag_id: int,
        *,
        name: str | NotGiven = NOT_GIVEN,
        color: IdLike | NotGiven = NOT_GIVEN,
    ) -> None:
        """Rename or recolour a tag (PATCH /api/v2/tags/{tag_id}).

        operationId: update-tag (newer docs).

        Raises:
            InputError: Neither `name` nor `color`, or a bad one (nothing is sent).
            NotFoundError: No such tag in this organisation.
            UnprocessableEntityError: No such colour, or another tag has the name.
        """
        await self._nothing(ops.UPDATE, tag_id=tag_id, name=name, color=color)

    async def delete(self, tag_id: int) -> None:
        """Delete a tag, and with it every assignment of it (DELETE /api/v2/tags/{tag_id}).

        operationId: delete-tag (newer docs).

        Raises:
            NotFoundError: No such tag in this organisation.
        """
        await self._nothing(ops.DELETE, tag_id=tag_id)

    async def colors(self, *, refresh: bool = False) -> builtins.list[TagColor]:
        """The colours a tag can have (GET /api/v2/tag-colors).

        operationId: list-tag-colors (newer docs). A lookup: fetched once per client and
        then answered from memory, like `client.lookups`; `refresh=True` fetches it again.
        """
        return await self._cached(ops.COLORS, refresh)

    async def delete_many(self, tag_ids: Iterable[int]) -> BulkResult:
        """Delete many tags in one request (POST /api/v2/bulk-operations/tag/delete-tags).

        operationId: delete-tags-in-bulk (newer docs). Their assignments go with them.

        Every reported outcome is true: when the request fails, including when its answer
        was lost or a repeat of it found the tags gone, the tags are listed again; a tag that
        is gone counts as deleted, one still there failed with the request's error, and when
        the list cannot be read every tag is `"unknown"` (`OutcomeUnknownError`).

        Args:
            tag_ids: The tags; repeats are deleted once.

        Returns:
            One `BulkItem` per distinct tag, in input order.

        Raises:
            InputError: No id, or one that is not a positive integer (nothing is sent).
        """
        ids = _ids(tag_ids, "tag_ids")
        try:
            await self._nothing(ops.DELETE_MANY, body=TagIds(tags=[Ref(i) for i in ids]))
        except APIError as exc:
            return await _read_back(
                self._transport.max_concurrency, ops.DELETE_MANY, ids, exc, await self._gone()
            )
        return BulkResult([BulkItem(tag_id) for tag_id in ids])

    async def _gone(self) -> Callable[[int], Awaitable[bool]]:
        """Whether a tag is gone, by one listing of the tags (raising its error if it fails)."""
        try:
            left = {tag.id for tag in await self.list()}
        except APIError as error:
            list_error = error

            async def unknown(_: int) -> bool:
                raise list_error

            return unknown

        async def gone(tag_id: int) -> bool:
            return tag_id not in left

        return gone


class AsyncEndpointTags(AsyncResource):
    """The tags of endpoints: list, assign, unassign, one endpoint or many at once.

    The tags themselves (create, rename, delete) are `client.tags`.
    """

    def list(self, endpoint_id: int) -> AsyncPager[Tag]:
        """The tags assigned to an endpoint (GET /api/v2/endpoint/{endpoint_id}/tags).

        operationId: list-endpoint-tags (newer docs). `await` it for the list.

        Raises:
            NotFoundError: No such endpoint in this organisation (the emulator's answer; the
                docs document none).
        """
        return self._many(ops.ENDPOINT_TAGS, endpoint_id=endpoint_id)

    async def assign(self, endpoint_id: int, tag_id: int) -> None:
        """Assign a tag to an endpoint (POST /api/v2/endpoint/{endpoint_id}/tags).

        operationId: assign-tag-to-endpoint (newer docs). Never repeated once sent (a repeat
        of one that was made is refused as assigned).

        Raises:
            InputError: An id that is not a positive integer (nothing is sent).
            ConflictError: The endpoint has the tag already.
            UnprocessableEntityError: No such tag.
            NotFoundError: No such endpoint in this organisation.
        """
        await self._nothing(ops.ASSIGN, endpoint_id=endpoint_id, id=tag_id)

    async def unassign(self, endpoint_id: int, tag_id: int) -> None:
        """Take a tag off an endpoint (DELETE /api/v2/endpoint/{endpoint_id}/tags/{tag_id}).

        operationId: unassign-endpoint-tag (newer docs).

        Raises:
            NotFoundError: No such tag, or the endpoint does not have it.
        """
        await self._nothing(ops.UNASSIGN, endpoint_id=endpoint_id, tag_id=tag_id)

    async def assign_many(self, endpoint_ids: Iterable[int], tag_ids: Iterable[int]) -> BulkResult:
        """Give many endpoints the same tags (POST /api/v2/bulk-operations/endpoint/add-tags).

        operationId: assign-tag-to-endpoints-in-bulk (newer docs). One request for all; the
        API refuses it (409) when an endpoint has one of the tags already.

        Every reported outcome is true: when the request fails, each endpoint's tags are read
        back; an endpoint that has every tag counts as done (also one that had them before),
        one that does not failed with the request's error, and one whose tags cannot be read
        is `"unknown"` (`OutcomeUnknownError`; running the call again is safe).

        Args:
            endpoint_ids: The endpoints; repeats are counted once.
            tag_ids: The tags each endpoint gets.

        Returns:
            One `BulkItem` per distinct endpoint, in input order.

        Raises:
            InputError: No endpoint or no tag, or an id that is not a positive integer
                (nothing is sent).
        """
        return await self._change_many(ops.ASSIGN_MANY, endpoint_ids, tag_ids, has=True)

    async def unassign_many(
        self, endpoint_ids: Iterable[int], tag_ids: Iterable[int]
    ) -> BulkResult:
        """Take the same tags off many endpoints.

        `POST /api/v2/bulk-operations/endpoint/remove-tags`
        (operationId `unassign-tags-from-endpoints-in-bulk` (newer docs)).

        One request for all.

        Every reported outcome is true: when the request fails, each endpoint's tags are read
        back; an endpoint with none of the tags counts as done, one with any failed with the
        request's error, and one whose tags cannot be read is `"unknown"`
        (`OutcomeUnknownError`; running the call again is safe).

        Args:
            endpoint_ids: The endpoints; repeats are counted once.
            tag_ids: The tags taken off each endpoint.

        Returns:
            One `BulkItem` per distinct endpoint, in input order.

        Raises:
            InputError: No endpoint or no tag, or an id that is not a positive integer
                (nothing is sent).
        """
        return await self._change_many(ops.UNASSIGN_MANY, endpoint_ids, tag_ids, has=False)

    async def _change_many(
        self, op: Operation[None], endpoint_ids: Iterable[int], tags: Iterable[int], *, has: bool
    ) -> BulkResult:
        ids = _ids(endpoint_ids, "endpoint_ids")
        given = tag_ids(tags, "tag_ids")
        wanted = set(given)
        body = TagAssignments.of(ids, given)
        try:
            await self._nothing(op, body=body)
        except APIError as exc:

            async def holds(endpoint_id: int) -> bool:
                try:
                    have = {tag.id for tag in await self.list(endpoint_id)}
                except NotFoundError:
                    return False  # the endpoint is gone: nothing holds for it
                return wanted <= have if has else not wanted & have

            return await _read_back(self._transport.max_concurrency, op, ids, exc, holds)
        return BulkResult([BulkItem(endpoint_id) for endpoint_id in ids])


def _ids(values: Iterable[int], name: str) -> builtins.list[int]:
    ids = unique_ids(values, name)
    if not ids:
        raise InputError(f"{name} needs at least one id")
    return ids


async def _read_back(
    concurrency: int,
    op: Operation[None],
    ids: builtins.list[int],
    error: APIError,
    holds: Callable[[int], Awaitable[bool]],
) -> BulkResult:
    return await read_back(
        ids,
        error,
        holds,
        concurrency=concurrency,
        method=op.method,
        path=op.path,
    )


def _unwrapped(response: Response) -> Response:
    """A page of the tag list as the pager reads every page: the items, and the totals as the
    pagination headers (`{total, page, page_size, last_page, data}` → `X-Total-Count`, ...)."""
    page = structure(response.data, TagPage)
    headers = CIMultiDict(response.headers)
    for name, value in (
        ("X-Current-Page", page.page),
        ("X-Total-Count", page.total),
        ("X-Count-Per-Page", page.page_size),
        ("X-Total-Pages", page.last_page),
    ):
        if value is not None:
            headers[name] = str(value)
    return Response(response.status, CIMultiDictProxy(headers), page.data, response.request_id)
