"""Lookup models: the values `client.lookups` lists (`/api/v1/country`, `/api/v1/rat_type`, ...).

Countries, currencies, data sizes, ESME interface types, RAT types and service levels use the
shared models (`Country`, `Currency`, `DataSize`, `Status`, `NamedRef`).
"""

import attrs

from ._base import Model

__all__ = ["BreakoutRegion"]


@attrs.frozen(kw_only=True)
class BreakoutRegion(Model):
    """A region where emnify breaks device traffic out to the internet."""

    id: int | None = None
    """Region id."""
    name: str | None = None
    """Region name, e.g. `"eu-west"`."""
    ip_address: str | None = None
    """The public address the region's traffic comes from."""
