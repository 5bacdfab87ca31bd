"""Mobile network operators (`client.operators`)."""

from __future__ import annotations

from .._ops import operators as ops
from .._pagination import AsyncPager
from ..models import Operator
from ._base import AsyncResource

__all__ = ["AsyncOperators"]


class AsyncOperators(AsyncResource):
    """The operator API."""

    def list(self) -> AsyncPager[Operator]:
        """Every mobile network operator, with countries, MNCs and TAP codes.

        GET /api/v1/operator (OperatorGet). The API answers with the whole list at once;
        iterate the pager, or `await` it for the list.
        """
        return self._many(ops.LIST)
