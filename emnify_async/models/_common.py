"""Small types shared by several API areas."""

import enum

import attrs

from ._base import Model

__all__ = [
    "Country",
    "Currency",
    "FormFactor",
    "Manufacturer",
    "OrganisationSummary",
    "SimModel",
    "SimStatusId",
    "Status",
    "TrafficType",
]


@attrs.frozen(kw_only=True)
class Status(Model):
    """A generic ``{id, description}`` lookup value (SIM status, event type, severity...)."""

    id: int | None = None
    """Numeric id; unknown ids from the server are kept as plain ints."""
    description: str | None = None
    """Human-readable label, e.g. ``"Activated"``."""


class SimStatusId(enum.IntEnum):
    """Known SIM status ids, as listed by ``GET /api/v1/sim/status``."""

    ISSUED = 0
    ACTIVATED = 1
    SUSPENDED = 2
    DELETED = 3
    FACTORY_TEST = 4


@attrs.frozen(kw_only=True)
class Country(Model):
    """A country."""

    id: int | None = None
    """Country id."""
    name: str | None = None
    """English country name."""
    country_code: str | None = None
    """International dialling code, e.g. ``"49"``."""
    mcc: str | None = None
    """Mobile country code, e.g. ``"262"``."""
    iso_code: str | None = None
    """ISO 3166 alpha-2 code, e.g. ``"de"``."""
    latitude: float | None = None
    """Latitude of the country's centre."""
    longitude: float | None = None
    """Longitude of the country's centre."""


@attrs.frozen(kw_only=True)
class Currency(Model):
    """A currency."""

    id: int | None = None
    """Currency id."""
    code: str | None = None
    """ISO 4217 code, e.g. ``"EUR"``."""
    symbol: str | None = None
    """Display symbol, e.g. ``"€"``."""


@attrs.frozen(kw_only=True)
class TrafficType(Model):
    """A traffic type: 5 is data (MB), 6 is SMS."""

    id: int | None = None
    """Traffic type id."""
    description: str | None = None
    """Label, e.g. ``"Data"``."""
    unit: str | None = None
    """Volume unit, e.g. ``"MB"``."""


@attrs.frozen(kw_only=True)
class OrganisationSummary(Model):
    """An organisation as nested in other resources (SIM owners, event organisation)."""

    id: int | None = None
    """Organisation id."""
    name: str | None = None
    """Organisation name."""
    country: Country | None = None
    """Organisation country, when included."""


@attrs.frozen(kw_only=True)
class FormFactor(Model):
    """A SIM form factor."""

    id: int | None = None
    """Form factor id."""
    name: str | None = None
    """Label, e.g. ``"2FF"``."""
    image: str | None = None
    """Image file name."""


@attrs.frozen(kw_only=True)
class Manufacturer(Model):
    """A SIM manufacturer."""

    id: int | None = None
    """Manufacturer id."""
    name: str | None = None
    """Manufacturer name."""


@attrs.frozen(kw_only=True)
class SimModel(Model):
    """The hardware model of a SIM."""

    id: int | None = None
    """Model id."""
    description: str | None = None
    """Model name, e.g. ``"Classic"``."""
    memory_size: int | None = None
    """Memory size in KB."""
    formfactor: FormFactor | None = None
    """Form factor."""
    manufacturer: Manufacturer | None = None
    """Manufacturer."""
