"""Events of the whole organisation (`client.events`)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from .._constants import EVENT_MAX_PER_PAGE
from .._ops import events as ops
from .._pagination import AsyncPager
from .._types import QueryValue
from ..models import Event, Status
from ._base import AsyncResource
from .event_configurations import AsyncCustomEvents, AsyncSystemEvents

__all__ = ["AsyncEvents"]


class AsyncEvents(AsyncResource):
    """The event API: everything that happened in your organisation."""

    @functools.cached_property
    def custom(self) -> AsyncCustomEvents:
        """Custom events, deployed from templates, that automations can be triggered by."""
        return AsyncCustomEvents(self._transport, self._options, page_prefetch=self._page_prefetch)

    @functools.cached_property
    def system(self) -> AsyncSystemEvents:
        """System events: the platform's events that automations can be triggered by."""
        return AsyncSystemEvents(self._transport, self._options, page_prefetch=self._page_prefetch)

    def list(
        self,
        *,
        q: Mapping[str, QueryValue] | str | None = None,
        sort: str | Sequence[str] | None = None,
        per_page: int = EVENT_MAX_PER_PAGE,
    ) -> AsyncPager[Event]:
        """The organisation's events, across all pages (GET /api/v1/event; GetEvents).

        Args:
            q: Filters, e.g. `{"type": 8, "severity": 1}`, or `{"from": ..., "until": ...}`
                (both, as `YYYY-MM-DDTHH:mm:ssZ`).
            sort: Sort keys, e.g. `"-timestamp"`.
            per_page: Page size, 1 to 1000 (the default).

        Raises:
            InputError: A filter, sort key or page size is malformed (nothing is sent).
        """
        return self._many(ops.LIST, q=q, sort=sort, per_page=per_page)

    def types(self, *, refresh: bool = False) -> AsyncPager[Status]:
        """The event types the API knows (GET /api/v1/event/type; EventTypeGet).

        `await` it for the list.

        A lookup: asked once per client (and its `with_options()` views); `refresh=True` asks
        again.
        """
        return self._cached_many(ops.TYPES, refresh)
