"""The API areas of the client, one module each."""

from .endpoints import AsyncEndpoints
from .events import AsyncEvents
from .ip_address_spaces import AsyncIpAddressSpaces
from .operators import AsyncOperators
from .organisations import AsyncOrganisations
from .sim_batches import AsyncSimBatches
from .sims import AsyncSims
from .tariff_profiles import AsyncTariffProfiles
from .tariffs import AsyncTariffs

__all__ = [
    "AsyncEndpoints",
    "AsyncEvents",
    "AsyncIpAddressSpaces",
    "AsyncOperators",
    "AsyncOrganisations",
    "AsyncSimBatches",
    "AsyncSims",
    "AsyncTariffProfiles",
    "AsyncTariffs",
]
