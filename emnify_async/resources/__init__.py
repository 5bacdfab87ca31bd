"""The API areas of the client, one module each."""

from .organisations import AsyncOrganisations
from .sim_batches import AsyncSimBatches
from .sims import AsyncSims
from .tariffs import AsyncTariffs

__all__ = ["AsyncOrganisations", "AsyncSimBatches", "AsyncSims", "AsyncTariffs"]
