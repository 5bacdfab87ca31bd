"""Request bodies: attrs models whose fields validate on construction and default to NOT_GIVEN.

A body model is built from a method's arguments (`SimUpdate(status=..., customer_org=...)`);
each field checks its value as it is set (raising `InputError` before anything is sent) and
keeps it in its wire form. `body_json()` then sends only the fields the caller gave.

    @attrs.frozen(kw_only=True)
    class SimUpdate:
        status: Ref | NotGiven = lookup()
        customer_org: Ref | NotGiven = reference(nullable=True)
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from ._exceptions import InputError
from ._query import check_bool, check_lookup_id, check_number, encode_date, ref_id
from ._types import NOT_GIVEN, NotGiven
from .models import Secret

__all__ = [
    "Midnight",
    "Moment",
    "Ref",
    "body_json",
    "checked",
    "date",
    "flag",
    "lookup",
    "lookup_value",
    "moment",
    "number",
    "password",
    "reference",
    "reference_id",
    "require_any",
    "text",
    "timestamp_date",
]

T = TypeVar("T")


@attrs.frozen
class Ref:
    """A reference on the wire: `{"id": n}`, or `{"id": null}` to empty it."""

    id: int | None


@attrs.frozen
class Midnight:
    """A date sent as the midnight UTC timestamp the API documents (`2026-11-01T00:00:00.000Z`)."""

    day: datetime.date


@attrs.frozen
class Moment:
    """An instant sent as a UTC timestamp (`2026-11-01T08:00:00.000Z`)."""

    at: datetime.datetime


def checked(
    check: Callable[[Any, str], Any], *, shown_as: str | None = None, key: str | None = None
) -> Any:
    """A field that runs `check(value, name)` when set (unless NOT_GIVEN) and keeps its result.

    `shown_as` names the field in error messages when the caller knows it by another name;
    `key` is its JSON key when that is not a Python name (`"ussd-begin"`).
    """

    def convert(value: Any, field: attrs.Attribute[Any]) -> Any:
        return value if value is NOT_GIVEN else check(value, shown_as or field.name)

    return attrs.field(
        default=NOT_GIVEN,
        converter=attrs.Converter(convert, takes_field=True),
        metadata={"key": key} if key else {},
    )


def reference(*, nullable: bool = False) -> Any:
    """An id, or a model with an `id`, sent as `{"id": n}`; with `nullable`, None empties it."""

    def check(value: Any, name: str) -> Ref:
        if value is None and nullable:
            return Ref(None)
        return Ref(ref_id(value, name))

    return checked(check)


def reference_id(*, shown_as: str | None = None) -> Any:
    """An id, or a model with an `id`, sent as the bare number."""
    return checked(ref_id, shown_as=shown_as)


def lookup() -> Any:
    """A lookup id (statuses start at 0) or a model with one, sent as `{"id": n}`."""
    return checked(lambda value, name: Ref(check_lookup_id(value, name)))


def lookup_value() -> Any:
    """A lookup id sent as a bare number."""
    return checked(check_lookup_id)


def number(*, positive: bool) -> Any:
    """A finite number within 64 bits: positive, or at least 0."""
    return checked(lambda value, name: check_number(value, name, positive=positive))


def flag() -> Any:
    """`True` or `False`."""
    return checked(check_bool)


def text(*, nullable: bool = False, non_empty: bool = False) -> Any:
    """A string; with `non_empty`, one that is not blank; with `nullable`, None empties it."""

    def check(value: Any, name: str) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or (non_empty and not value.strip()):
            wanted = "a non-empty string" if non_empty else "a string"
            raise InputError(f"{name} must be {wanted}, got {value!r}")
        return value

    return checked(check)


def date(*, nullable: bool = False) -> Any:
    """A `date` or `"YYYY-MM-DD"`, sent as `"YYYY-MM-DD"`; with `nullable`, None empties it."""

    def check(value: Any, name: str) -> datetime.date | None:
        return None if value is None and nullable else encode_date(value, name)

    return checked(check)


def _moment(value: Any, name: str) -> Moment:
    if isinstance(value, datetime.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=datetime.timezone.utc)
        return Moment(aware.astimezone(datetime.timezone.utc))
    if isinstance(value, datetime.date):
        return Moment(
            datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc)
        )
    raise InputError(f"{name} must be a datetime or a date, got {value!r}")


def moment() -> Any:
    """A `datetime` (naive means UTC) or a `date` (its midnight UTC), sent as a UTC timestamp."""
    return checked(_moment)


def timestamp_date(*, nullable: bool = False) -> Any:
    """A date sent as its midnight UTC timestamp; with `nullable`, None empties it."""

    def check(value: Any, name: str) -> Midnight | None:
        return None if value is None and nullable else Midnight(encode_date(value, name))

    return checked(check)


def _password_sha1(value: Any, name: str) -> Secret:
    # Never quote the value: a wrong type may still be someone's password.
    if isinstance(value, Secret):
        value = value.get_secret_value()
    if not isinstance(value, str) or not value:
        kind = type(value).__name__
        raise InputError(f"{name} must be a non-empty string or Secret, got a {kind}")
    return Secret(hashlib.sha1(value.encode("utf-8")).hexdigest())


def password() -> Any:
    """A plain password (`str` or `Secret`), sent as the SHA-1 hex digest emnify's logins take.

    Only the digest is kept, as a `Secret`: no repr, log or error shows either.
    """
    return checked(_password_sha1)


def _secret_text(value: Any, name: str) -> Secret:
    # Never quote the value: a wrong one may still be a working secret.
    if isinstance(value, Secret):
        value = value.get_secret_value()
    if not isinstance(value, str) or not value.strip():
        raise InputError(
            f"{name} must be a non-empty string or Secret, got a {type(value).__name__}"
        )
    return Secret(value)


def secret_text(*, key: str | None = None) -> Any:
    """A secret string (`str` or `Secret`), kept as a `Secret` and sent as it is; `key` as for
    `checked`."""
    return checked(_secret_text, key=key)


def require_any(body: Any, what: str) -> None:
    """InputError unless at least one field of `body` was given."""
    if all(getattr(body, f.name) is NOT_GIVEN for f in attrs.fields(type(body))):
        raise InputError(f"{what} needs at least one of {', '.join(_names(body))}")


def _names(body: Any) -> list[str]:
    return [f.name for f in attrs.fields(type(body))]


def _keyed(cls: Any) -> bool:
    return attrs.has(cls) and any("key" in f.metadata for f in attrs.fields(cls))


def _keyed_unstructure(cls: Any, conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    renames: dict[str, Any] = {
        f.name: override(rename=f.metadata["key"]) for f in attrs.fields(cls) if "key" in f.metadata
    }
    return make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **renames)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(omit_if_default=True)
    conv.register_unstructure_hook(datetime.date, lambda day: day.isoformat())
    conv.register_unstructure_hook(Midnight, lambda value: f"{value.day.isoformat()}T00:00:00.000Z")
    conv.register_unstructure_hook(
        Moment,
        lambda value: (
            value.at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.at.microsecond // 1000:03d}Z"
        ),
    )
    conv.register_unstructure_hook(NotGiven, lambda _: None)
    # Only here, on its way into a request body, is a secret written out.
    conv.register_unstructure_hook(Secret, lambda secret: secret.get_secret_value())
    conv.register_unstructure_hook_factory(_keyed, lambda cls: _keyed_unstructure(cls, conv))
    return conv


_converter = _make_converter()


def body_json(body: Any) -> dict[str, Any]:
    """The JSON of a body model: only the fields given, each in its wire form."""
    data: dict[str, Any] = _converter.unstructure(body)
    return data
