"""Operator models: ``/api/v1/operator`` and endpoint operator blacklists."""

import attrs

from ._base import Model
from ._common import Country

__all__ = ["Operator", "OperatorMnc", "OperatorTapcode"]


@attrs.frozen(kw_only=True)
class OperatorMnc(Model):
    """A mobile network code of an operator."""

    id: int | None = None
    """Record id."""
    mnc: str | None = None
    """The mobile network code, e.g. ``"01"`` (kept as text: leading zeros matter)."""
    operator_id: int | None = None
    """The operator's id."""


@attrs.frozen(kw_only=True)
class OperatorTapcode(Model):
    """A TAP code of an operator (used in roaming records)."""

    id: int | None = None
    """Record id."""
    tapcode: str | None = None
    """The TAP code, e.g. ``"DEUD1"``."""
    operator_id: int | None = None
    """The operator's id."""


@attrs.frozen(kw_only=True)
class Operator(Model):
    """A mobile network operator."""

    id: int
    """Operator id."""
    name: str | None = None
    """Operator name, e.g. ``"Telekom"``."""
    country: Country | None = None
    """The operator's country."""
    country_name: str | None = None
    """The country's name."""
    name_and_country: str | None = None
    """``"Country / Operator"``."""
    inbound_roamers_allowed: bool | None = None
    """Whether it admits inbound roamers."""
    mnc: list[OperatorMnc] = attrs.field(factory=list)
    """Its mobile network codes."""
    tapcode: list[OperatorTapcode] = attrs.field(factory=list)
    """Its TAP codes."""
