"""What every resource shares: typed GETs and pagers over the client's transport."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from .._converter import structure, structure_list
from .._exceptions import APIResponseValidationError
from .._pagination import AsyncPager
from .._transport import Response, Transport

__all__ = ["AsyncResource"]

T = TypeVar("T")


class AsyncResource:
    """Base of the API areas (`client.sims`, `client.sim_batches`, ...)."""

    def __init__(self, transport: Transport, *, page_prefetch: int) -> None:
        self._transport = transport
        self._page_prefetch = page_prefetch

    async def _get(self, path: str, cls: type[T], params: Mapping[str, str] | None = None) -> T:
        return await self._request_model("GET", path, cls, params=params)

    async def _request_model(
        self,
        method: str,
        path: str,
        cls: type[T],
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
    ) -> T:
        response = await self._transport.request(method, path, params=params, json=json)
        body = self._body(response, path, method)
        return _shaped(response, path, lambda: structure(body, cls), method)

    async def _create(self, path: str, json: Any) -> int:
        """POST a new object and return its id, from the `Location` header of the 201."""
        response = await self._transport.request("POST", path, json=json)
        created = response.created_id
        if created is None:
            raise _shape_error(response, path, "a Location header naming the new id", "POST")
        return created

    async def _get_list(
        self, path: str, cls: type[T], params: Mapping[str, str] | None = None
    ) -> list[T]:
        response = await self._transport.request("GET", path, params=params)
        data = self._body(response, path)
        if not isinstance(data, list):
            raise _shape_error(response, path, "a list")
        return _shaped(response, path, lambda: structure_list(data, cls))

    def _pager(self, path: str, cls: type[T], params: Mapping[str, str]) -> AsyncPager[T]:
        async def fetch(page: int) -> Response:
            return await self._transport.request("GET", path, params={**params, "page": str(page)})

        def parse(items: list[Any]) -> list[T]:
            try:
                return structure_list(items, cls)
            except _SHAPE_ERRORS as exc:
                raise _shape_error(
                    None, path, f"items shaped like {cls.__name__} ({exc!r})"
                ) from exc

        return AsyncPager(fetch, parse, prefetch=self._page_prefetch)

    @staticmethod
    def _body(response: Response, path: str, method: str = "GET") -> Any:
        if response.data is None:
            raise _shape_error(response, path, "a JSON body", method)
        return response.data


# What structuring raises when a body has an unexpected shape (detailed validation is off).
_SHAPE_ERRORS = (ValueError, TypeError, KeyError, AttributeError)


def _shaped(response: Response, path: str, build: Callable[[], T], method: str = "GET") -> T:
    try:
        return build()
    except _SHAPE_ERRORS as exc:
        raise _shape_error(response, path, f"the documented shape ({exc!r})", method) from exc


def _shape_error(
    response: Response | None, path: str, wanted: str, method: str = "GET"
) -> APIResponseValidationError:
    status = response.status if response is not None else 200
    return APIResponseValidationError(
        f"{method} {path} answered {status} without {wanted}",
        method=method,
        path=path,
        status=status,
        body=b"",
        request_id=response.request_id if response is not None else None,
    )
