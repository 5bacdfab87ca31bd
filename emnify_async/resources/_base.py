"""What every resource shares: calls of declared operations, decoded into models."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .._converter import ShapeError, structure, structure_list
from .._exceptions import APIResponseValidationError
from .._operation import Operation
from .._pagination import AsyncPager
from .._transport import Response, Transport

__all__ = ["AsyncResource"]

T = TypeVar("T")
R = TypeVar("R")

PathParams = Mapping[str, int | str]


class AsyncResource:
    """Base of the API areas (`client.sims`, `client.sim_batches`, ...)."""

    def __init__(self, transport: Transport, *, page_prefetch: int) -> None:
        self._transport = transport
        self._page_prefetch = page_prefetch

    async def _call(
        self,
        op: Operation,
        decode: Callable[[Response], R],
        path_params: PathParams | None = None,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
    ) -> R:
        path = op.url_path(path_params)
        return await self._transport.call(
            op, path, _decoding(op, path, decode), params=params, json=json
        )

    async def _model(
        self,
        op: Operation,
        cls: type[T],
        path_params: PathParams | None = None,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
    ) -> T:
        """Call `op`, documented to answer one object, and build `cls` from it."""
        return await self._call(
            op, lambda r: structure(r.data, cls), path_params, params=params, json=json
        )

    async def _models(
        self,
        op: Operation,
        cls: type[T],
        path_params: PathParams | None = None,
        *,
        params: Mapping[str, str] | None = None,
    ) -> list[T]:
        """Call `op`, documented to answer an (un-paged) array, and build a `cls` per item."""
        return await self._call(
            op, lambda r: structure_list(r.data, cls), path_params, params=params
        )

    async def _create(self, op: Operation, json: Any, path_params: PathParams | None = None) -> int:
        """Call `op`, documented to answer `201` with a `Location`; return the new id."""
        created: int = await self._call(op, _created_id, path_params, json=json)
        return created

    async def _send(
        self,
        op: Operation,
        path_params: PathParams | None = None,
        *,
        json: Any = None,
    ) -> None:
        """Call `op`, documented to answer with no content."""
        await self._call(op, _nothing, path_params, json=json)

    def _pager(
        self,
        op: Operation,
        cls: type[T],
        params: Mapping[str, str],
        path_params: PathParams | None = None,
    ) -> AsyncPager[T]:
        """A pager over `op`, a paged list; `params` must hold `per_page`."""
        path = op.url_path(path_params)
        transport = self._transport

        async def fetch(page: int, decode: Callable[[Response], Any]) -> Any:
            return await transport.call(
                op, path, _decoding(op, path, decode), params={**params, "page": str(page)}
            )

        return AsyncPager(
            fetch,
            lambda items: structure_list(items, cls),
            prefetch=self._page_prefetch,
            per_page=int(params["per_page"]),
            path=path,
        )


def _created_id(response: Response) -> int:
    created = response.created_id
    assert created is not None  # the transport accepts a 201 only with the id
    return created


def _nothing(response: Response) -> None:
    return None


def _decoding(op: Operation, path: str, decode: Callable[[Response], R]) -> Callable[[Response], R]:
    """`decode`, with a model that does not fit the answer reported as a validation error."""

    def run(response: Response) -> R:
        try:
            return decode(response)
        except ShapeError as exc:
            error = APIResponseValidationError(
                f"{op.method} {path} answered {response.status} with {exc}",
                method=op.method,
                path=path,
                status=response.status,
                request_id=response.request_id,
                model=exc.model,
                field=exc.field,
            )
        raise error

    return run
