"""Checks and encoders of path and query parameters that several declarations share."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any

from .._exceptions import InputError
from .._query import check_bool, check_org, encode_date, encode_filter, encode_sort, ref_id

__all__ = ["BIC", "BOOL", "DATE", "FILTER", "ORG", "ORG_ID", "SORT", "UUID", "date_range"]

_BIC = re.compile(r"[0-9A-Z]{16}")


def ORG(value: Any, name: str) -> int | str:
    """An organisation (the `org` argument): a positive id, a model with an `id`, or `"my"`."""
    return check_org(value, "org")


def ORG_ID(value: Any, name: str) -> int:
    """An organisation (the `org` argument) where `"my"` is not accepted: an id or a model."""
    return ref_id(value, "org")


def BIC(value: Any, name: str) -> str:
    """A SIM batch's BIC: 16 digits and capital letters."""
    if type(value) is not str or not _BIC.fullmatch(value):
        raise InputError(f"a BIC is 16 characters of digits and capital letters, got {value!r}")
    return value


def UUID(value: Any, name: str) -> str:
    """A UUID (an operation id of the newer APIs), as a `uuid.UUID` or its text."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if type(value) is str:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    raise InputError(f"{name} must be a UUID, got {value!r}")


def FILTER(value: Any, name: str) -> str | None:
    """`{"status": 1, "customer_org": 7}` as emnify's `q` (`status:1,customer_org:7`)."""
    return encode_filter(value)


def SORT(value: Any, name: str) -> str | None:
    """`"-status,id"` or `["-status", "id"]`."""
    return encode_sort(value)


def DATE(value: Any, name: str) -> str | None:
    """A `date` or `"YYYY-MM-DD"`, or None to leave it out."""
    return None if value is None else encode_date(value, name).isoformat()


def BOOL(value: Any, name: str) -> str | None:
    """`True` or `False` as `"true"`/`"false"`, or None to leave it out."""
    return None if value is None else ("true" if check_bool(value, name) else "false")


def date_range(params: Mapping[str, str]) -> None:
    """InputError when `end_date` comes before `start_date`."""
    start, end = params.get("start_date"), params.get("end_date")
    if start is not None and end is not None and end < start:
        raise InputError(f"end_date {end} is before start_date {start}")
