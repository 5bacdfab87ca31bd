"""DNS configurations (``/api/v1/dns``): nameserver pairs that service profiles reference."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._device_data import DnsConfig


class DnsConfigs:
    """DNS configurations by id; whether a service profile uses one is the profiles' to say."""

    def __init__(self, seeded: Iterable[DnsConfig], on_change: Callable[[], None]) -> None:
        self.configs = {config.id: config for config in seeded}
        self._next_id = max(self.configs, default=0) + 1
        self._on_change = on_change

    def get(self, org_id: int, dns_id: int) -> DnsConfig | None:
        """The organisation's DNS configuration, or ``None``."""
        config = self.configs.get(dns_id)
        return config if config is not None and config.org_id == org_id else None

    def owns(self, org_id: int, dns_id: int) -> bool:
        return self.get(org_id, dns_id) is not None

    def of_org(self, org_id: int) -> list[DnsConfig]:
        """The organisation's configurations, by id."""
        return [c for _, c in sorted(self.configs.items()) if c.org_id == org_id]

    def create(self, org_id: int, primary: str, secondary: str, version: int) -> DnsConfig:
        config = DnsConfig(self._next_id, org_id, primary, secondary, version)
        self._next_id += 1
        self.configs[config.id] = config
        self._on_change()
        return config

    def delete(self, dns_id: int) -> None:
        del self.configs[dns_id]
        self._on_change()

    @staticmethod
    def render(config: DnsConfig) -> JsonObj:
        """A configuration as ``GET /api/v1/dns`` lists it."""
        return {
            "id": config.id,
            "primary": config.primary,
            "secondary": config.secondary,
            "ip_address_version": config.ip_address_version,
        }
