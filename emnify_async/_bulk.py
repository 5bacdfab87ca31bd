"""Run one call per id with bounded concurrency, and account for every id."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable

import attrs

from ._exceptions import InputError
from ._query import check_id

__all__ = ["BulkItem", "BulkResult", "OnResult", "Progress", "run_bulk"]

Progress = Callable[[int, "int | None"], None]
"""Called as `progress(done, total)` after each item (on the event loop's thread)."""


@attrs.frozen
class BulkItem:
    """The outcome for one id of a bulk call."""

    id: int
    error: Exception | None = None
    """None when the change was applied (or the item was already in the wanted state)."""

    @property
    def ok(self) -> bool:
        return self.error is None


OnResult = Callable[[BulkItem], None]
"""Called with each item's outcome as soon as it is known, e.g. to write a result file."""


@attrs.frozen
class BulkResult:
    """The outcome of a bulk call: one `BulkItem` per distinct id, in input order."""

    items: list[BulkItem]

    @property
    def succeeded(self) -> list[int]:
        """Ids whose change was applied."""
        return [item.id for item in self.items if item.ok]

    @property
    def failed(self) -> list[BulkItem]:
        """Items that failed, with their errors."""
        return [item for item in self.items if not item.ok]

    @property
    def ok(self) -> bool:
        """True when every item succeeded."""
        return all(item.ok for item in self.items)


def unique_ids(ids: Iterable[int], name: str) -> list[int]:
    """Validate every id before anything is sent; drop repeats, keeping the first position."""
    if isinstance(ids, (str, bytes)):
        raise InputError(f"{name} must be an iterable of ids, not a string")
    seen: dict[int, None] = {}
    for value in ids:
        seen.setdefault(check_id(value, name), None)
    return list(seen)


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
    if concurrency < 1:
        raise InputError("concurrency must be at least 1")
    outcomes: dict[int, BulkItem] = {}
    pending = iter(ids)
    total = len(ids)

    async def worker() -> None:
        for sim_id in pending:
            try:
                await call(sim_id)
            except Exception as exc:  # every failure is reported on its item
                item = BulkItem(sim_id, exc)
            else:
                item = BulkItem(sim_id)
            outcomes[sim_id] = item
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
    return BulkResult([outcomes[sim_id] for sim_id in ids])
