"""IP address space models: ``/api/v1/ip_address_space``."""

import attrs

from ._base import Model

__all__ = ["IpAddressSpace"]


@attrs.frozen(kw_only=True)
class IpAddressSpace(Model):
    """An IP address space: yours (with its counts), or one you could take (without)."""

    id: int
    """Address space id."""
    ip_address_space: str | None = None
    """The space in CIDR notation, e.g. ``"10.199.128.0/18"``."""
    ip_address_version: int | None = None
    """4 or 6."""
    used_count: int | None = None
    """Addresses endpoints have (in your own spaces)."""
    available_count: int | None = None
    """Addresses still free (in your own spaces)."""
