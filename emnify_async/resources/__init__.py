"""The API areas of the client, one module each."""

from .endpoints import AsyncEndpoints
from .euiccs import AsyncEuiccOperations, AsyncEuiccs
from .events import AsyncEvents
from .operators import AsyncOperators
from .organisations import AsyncOrganisations
from .sim_batches import AsyncSimBatches
from .sim_operations import AsyncSimOperations
from .sims import AsyncSims
from .tariffs import AsyncTariffs

__all__ = [
    "AsyncEndpoints",
    "AsyncEuiccOperations",
    "AsyncEuiccs",
    "AsyncEvents",
    "AsyncOperators",
    "AsyncOrganisations",
    "AsyncSimBatches",
    "AsyncSimOperations",
    "AsyncSims",
    "AsyncTariffs",
]
