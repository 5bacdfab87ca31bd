"""The one executor of declared operations, shared by every resource.

A resource method checks nothing itself: it hands its arguments to `_one`, `_many`,
`_created` or `_nothing` with the operation's declaration. Path arguments are validated by the
declaration's checks, query arguments encoded by its encoders, the rest build its body model
(which validates each field), all before anything is sent; then the transport makes the call
and the answer is decoded into the declared model inside the call's retry attempt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from .._body import Ref, body_json
from .._bulk import (
    BulkResult,
    OnResult,
    Progress,
    check_concurrency,
    run_bulk,
    unique_ids,
    verified,
)
from .._converter import ShapeError, structure, structure_list
from .._exceptions import APIResponseValidationError
from .._lookup_cache import cache_for
from .._operation import Operation, Returns
from .._pagination import AsyncPager
from .._query import check_bool, check_per_page
from .._transport import CallOptions, Response, Transport
from .._types import NotGiven

__all__ = ["AsyncResource", "matches"]

M = TypeVar("M")
R = TypeVar("R")


@attrs.frozen
class _Prepared:
    path: str
    params: dict[str, str]
    json: Any


class AsyncResource:
    """Base of the API areas (`client.sims`, `client.sim_batches`, ...)."""

    def __init__(
        self, transport: Transport, options: CallOptions | None = None, *, page_prefetch: int
    ) -> None:
        self._transport = transport
        self._options = options
        self._page_prefetch = page_prefetch

    # -- the executors, one per kind of answer -------------------------------------------------

    async def _one(self, op: Operation[M], /, **args: Any) -> M:
        """Call `op`, documented to answer one object, and build its model."""
        model = _model_of(op, Returns.OBJECT)
        return await self._run(op, args, lambda r: structure(r.data, model))

    def _many(self, op: Operation[M], /, **args: Any) -> AsyncPager[M]:
        """A pager over `op`'s items: a paged list, or an un-paged array as one page."""
        return self._pager(op, args)

    def _cached_many(self, op: Operation[M], refresh: bool, /, **args: Any) -> AsyncPager[M]:
        """A pager over an un-paged lookup whose answer comes from the client's cache unless
        `refresh` or first asked (`_lookup_cache.py`)."""
        check_bool(refresh, "refresh")
        if op.returns is not Returns.ARRAY:
            raise TypeError(f"{op.id} is paged; only an un-paged lookup can be cached")
        return self._pager(op, args, refresh=refresh)

    async def _cached(self, op: Operation[M], refresh: bool, /, **args: Any) -> list[M]:
        """`op`'s whole list (a lookup), as `_cached_many` keeps it; a new list each call."""
        check_bool(refresh, "refresh")
        self._transport.check_open()
        return await self._cached_many(op, refresh, **args).to_list()

    def _pager(
        self, op: Operation[M], args: dict[str, Any], *, refresh: bool | None = None
    ) -> AsyncPager[M]:
        model = _model_of(op, Returns.PAGE, Returns.ARRAY)
        paged = op.returns is Returns.PAGE
        per_page = check_per_page(args.pop("per_page"), op.max_per_page or 0) if paged else None
        prepared = self._prepare(op, args)
        transport, options = self._transport, self._options

        async def fetch(page: int, decode: Callable[[Response], Any]) -> Any:
            params = prepared.params
            if per_page is not None:
                params = {**params, "per_page": str(per_page), "page": str(page)}
            return await transport.call(
                op,
                prepared.path,
                _decoding(op, prepared.path, decode),
                params=params,
                options=options,
            )

        async def fetch_cached(page: int, decode: Callable[[Response], Any]) -> Any:
            # A lookup: the accepted answer is kept and decoded afresh for each pager, so no
            # caller holds a list another caller may change.
            loaded: list[Any] = []

            def checked(response: Response) -> tuple[Response]:
                # Garbled: fails inside the call's retries, and is not kept.
                loaded.append(decode(response))
                return (response,)

            transport.check_open()
            key = (op.id, prepared.path, tuple(sorted(prepared.params.items())))
            (response,) = await cache_for(transport).get(
                key, lambda: fetch(page, checked), refresh=bool(refresh)
            )
            # This call loaded it: its decoding is at hand; else decode the kept answer.
            return loaded[-1] if loaded else _decoding(op, prepared.path, decode)(response)

        return AsyncPager(
            fetch if refresh is None else fetch_cached,
            lambda items: structure_list(items, model),
            prefetch=self._page_prefetch,
            per_page=per_page,
            path=prepared.path,
            paged=paged,
        )

    async def _created(self, op: Operation[Any], /, **args: Any) -> int:
        """Call `op`, documented to answer `201` with a `Location`; return the new id."""
        _model_of(op, Returns.CREATED_ID)
        created: int = await self._run(op, args, _created_id)
        return created

    async def _value(
        self, op: Operation[Any], decode: Callable[[Response], R], /, **args: Any
    ) -> R:
        """Call `op` and read its answer with `decode` (for answers that are no model)."""
        return await self._run(op, args, decode)

    async def _nothing(self, op: Operation[Any], /, **args: Any) -> None:
        """Call `op`, documented to answer with no content."""
        _model_of(op, Returns.NOTHING)
        await self._run(op, args, _no_content)

    async def _bulk_update(
        self,
        update: Operation[Any],
        get: Operation[Any],
        item_ids: Any,
        body: Any,
        *,
        concurrency: int | None,
        progress: Progress | None,
        on_result: OnResult | None,
    ) -> BulkResult:
        """Run `update` with the same `body` for many ids, each outcome verified by `get`.

        Every id is validated first and run once, `concurrency` at a time; a failed change is
        read back with `get`, and counts as done if the object has every value `body` sets.
        """
        (placeholder,) = update.placeholders
        ids = unique_ids(item_ids, f"{placeholder}s")
        workers = check_concurrency(concurrency, self._transport.max_concurrency)

        async def holds(item_id: int) -> bool:
            return matches(await self._one(get, **{placeholder: item_id}), body)

        async def apply(item_id: int) -> None:
            await verified(
                lambda: self._nothing(update, body=body, **{placeholder: item_id}),
                lambda: holds(item_id),
                method=update.method,
                path=update.url_path({placeholder: item_id}),
            )

        return await run_bulk(
            ids, apply, concurrency=workers, progress=progress, on_result=on_result
        )

    # -- shared steps -----------------------------------------------------------------------------

    async def _run(
        self, op: Operation[Any], args: dict[str, Any], decode: Callable[[Response], R]
    ) -> R:
        prepared = self._prepare(op, args)
        return await self._transport.call(
            op,
            prepared.path,
            _decoding(op, prepared.path, decode),
            params=prepared.params or None,
            json=prepared.json,
            options=self._options,
        )

    @staticmethod
    def _prepare(op: Operation[Any], args: dict[str, Any]) -> _Prepared:
        """Validate and encode every argument before anything is sent (InputError if bad)."""
        path = op.url_path({name: op.check_path(name, args.pop(name)) for name in op.placeholders})
        params: dict[str, str] = {}
        for name, encode in op.query.items():
            if name in args:
                encoded = encode(args.pop(name), name)
                if encoded is not None:
                    params[name] = encoded
        if op.query_check is not None:
            op.query_check(params)
        body = args.pop("body", None)
        if op.body is not None and body is None:
            body = op.make_body(**args)
            args = {}
        if args:
            raise TypeError(f"{op.id} takes no arguments {sorted(args)}")
        # A body with no field given is not sent at all (the API then applies its defaults).
        return _Prepared(path, params, None if body is None else body_json(body) or None)


def _model_of(op: Operation[M], *kinds: Returns) -> type[M]:
    if op.returns not in kinds:
        raise TypeError(f"{op.id} answers {op.returns.name}, not {'/'.join(k.name for k in kinds)}")
    if op.model is None and kinds[0] in (Returns.OBJECT, Returns.PAGE):
        raise TypeError(f"{op.id} declares no model")
    return op.model  # type: ignore[return-value]


def _created_id(response: Response) -> int:
    created = response.created_id
    assert created is not None  # the transport accepts a 201 only with the id
    return created


def _no_content(response: Response) -> None:
    return None


def _decoding(
    op: Operation[Any], path: str, decode: Callable[[Response], R]
) -> Callable[[Response], R]:
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


def matches(model: Any, body: Any) -> bool:
    """Whether `model` has every value the update `body` sets (to verify a bulk change)."""
    for name, wanted in attrs.asdict(body, recurse=False).items():
        if isinstance(wanted, NotGiven):
            continue
        have = getattr(model, name)
        if isinstance(wanted, Ref):
            if (None if have is None else have.id) != wanted.id:
                return False
        elif have != wanted and not (wanted is None and have in ("", None)):
            return False
    return True
