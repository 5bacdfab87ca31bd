"""Mobile network operators: `/api/v1/operator`."""

from __future__ import annotations

from .._operation import Operation, Returns
from ..models import Operator

__all__ = ["LIST"]

# The whole list at once: not paged (no pagination headers, as recorded).
LIST = Operation("OperatorGet", "GET", "/api/v1/operator", Returns.ARRAY, Operator)
