"""Run one call per id with bounded concurrency, and account for every id truthfully."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from typing import Literal

import attrs

from ._exceptions import APIError, InputError, NotFoundError, OutcomeUnknownError
from ._query import check_id

__all__ = [
    "BulkItem",
    "BulkResult",
    "OnResult",
    "Outcome",
    "Progress",
    "check_concurrency",
    "read_back",
    "run_bulk",
    "unique_ids",
    "verified",
]

Progress = Callable[[int, "int | None"], None]
"""Called as `progress(done, total)` after each item (on the event loop's thread)."""

Outcome = Literal["done", "failed", "unknown"]


@attrs.frozen
class BulkItem:
    """The outcome for one id of a bulk call."""

    id: int
    error: Exception | None = None
    """None when the change holds on the server; else why it does not (or may not)."""

    @property
    def ok(self) -> bool:
        """True when the change holds on the server."""
        return self.error is None

    @property
    def outcome(self) -> Outcome:
        """`"done"`: the change holds. `"failed"`: it does not (checked where the answer was
        ambiguous). `"unknown"`: the answer was lost and reading back failed too."""
        if self.error is None:
            return "done"
        return "unknown" if isinstance(self.error, OutcomeUnknownError) else "failed"


OnResult = Callable[[BulkItem], None]
"""Called with each item's outcome as soon as it is known, e.g. to write a result file."""


@attrs.frozen
class BulkResult:
    """The outcome of a bulk call: one `BulkItem` per distinct id, in input order."""

    items: list[BulkItem]

    @property
    def succeeded(self) -> list[int]:
        """Ids whose change holds on the server."""
        return [item.id for item in self.items if item.ok]

    @property
    def failed(self) -> list[BulkItem]:
        """Items whose change does not hold, with their errors."""
        return [item for item in self.items if item.outcome == "failed"]

    @property
    def unknown(self) -> list[BulkItem]:
        """Items whose outcome could not be verified (`OutcomeUnknownError`); safe to rerun."""
        return [item for item in self.items if item.outcome == "unknown"]

    @property
    def ok(self) -> bool:
        """True when every item succeeded."""
        return all(item.ok for item in self.items)


def unique_ids(ids: Iterable[int], name: str) -> list[int]:
    """Validate every id before anything is sent; drop repeats, keeping the first position."""
    if isinstance(ids, (str, bytes)) or not isinstance(ids, Iterable):
        raise InputError(f"{name} must be an iterable of ids, got {ids!r:.60}")
    seen: dict[int, None] = {}
    for value in ids:
        seen.setdefault(check_id(value, name), None)
    return list(seen)


def check_concurrency(concurrency: int | None, default: int) -> int:
    """`concurrency` as given (a positive integer), or `default` when it is None."""
    if concurrency is None:
        return default
    if type(concurrency) is not int or concurrency < 1:
        raise InputError(f"concurrency must be a positive integer, got {concurrency!r}")
    return concurrency


async def run_bulk(
    ids: list[int],
    call: Callable[[int], Awaitable[None]],
    *,
    concurrency: int,
    progress: Progress | None = None,
    on_result: OnResult | None = None,
) -> BulkResult:
    """Run `call(id)` for every id, at most `concurrency` at a time.

    A failing item is recorded and never stops the others. Cancelling the job cancels the calls
    in flight; outcomes already passed to `on_result` stand.
    """
    concurrency = check_concurrency(concurrency, concurrency)
    outcomes: dict[int, BulkItem] = {}
    pending = iter(ids)
    total = len(ids)

    async def worker() -> None:
        for item_id in pending:
            try:
                await call(item_id)
            except Exception as exc:  # every failure is reported on its item
                item = BulkItem(item_id, exc)
            else:
                item = BulkItem(item_id)
            outcomes[item_id] = item
            if on_result is not None:
                on_result(item)
            if progress is not None:
                progress(len(outcomes), total)

    workers = [asyncio.ensure_future(worker()) for _ in range(min(concurrency, total))]
    try:
        await asyncio.gather(*workers)
    finally:
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
    return BulkResult([outcomes[item_id] for item_id in ids])


async def verified(
    write: Callable[[], Awaitable[None]],
    holds: Callable[[], Awaitable[bool]],
    *,
    method: str,
    path: str,
) -> None:
    """Run `write`; if it fails, tell the truth about the object by reading it back.

    A write whose answer is an error may still have been applied: the server acted and the
    answer was lost (a 502 or a reset after forwarding, a garbled body), or an earlier attempt
    of it was. So on any API error the object is read back: if the wanted state holds, the
    write counts as done; if not (or the object is gone), its error stands; if reading back
    fails too, `OutcomeUnknownError` says that nobody can tell.
    """
    try:
        await write()
        return
    except APIError as exc:
        error = exc
    unknown: OutcomeUnknownError | None = None
    try:
        if await holds():
            return
    except NotFoundError:
        pass  # the object is gone, so the change cannot hold
    except APIError as verify_error:
        unknown = OutcomeUnknownError(
            f"{method} {path} failed ({error}) and reading it back failed too "
            f"({verify_error}); the change may or may not have been applied",
            method=method,
            path=path,
            error=error,
            verify_error=verify_error,
        )
    raise unknown or error


async def read_back(
    ids: list[int],
    error: APIError,
    holds: Callable[[int], Awaitable[bool]],
    *,
    concurrency: int,
    method: str,
    path: str,
) -> BulkResult:
    """The truth about each object of one request that changed many and failed with `error`.

    The request may still have been applied (its answer was lost, or a repeat of it was
    refused because the first attempt had acted), so each object is read back: where
    `holds(id)` the change is done; where not, it failed with `error`; where reading back
    fails, the item is `OutcomeUnknownError`.
    """

    async def check(item_id: int) -> None:
        try:
            if await holds(item_id):
                return
        except APIError as verify_error:
            raise OutcomeUnknownError(
                f"{method} {path} failed ({error}) and reading back {item_id} failed too "
                f"({verify_error}); the change may or may not have been applied to it",
                method=method,
                path=path,
                error=error,
                verify_error=verify_error,
            ) from None
        raise error

    return await run_bulk(ids, check, concurrency=concurrency)
