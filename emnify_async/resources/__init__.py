"""The API areas of the client, one module each."""

from .cloud_connect import AsyncCloudConnect
from .endpoints import AsyncEndpoints
from .events import AsyncEvents
from .lookups import AsyncLookups
from .operators import AsyncOperators
from .organisations import AsyncOrganisations
from .sim_batches import AsyncSimBatches
from .sims import AsyncSims
from .tariffs import AsyncTariffs

__all__ = [
    "AsyncCloudConnect",
    "AsyncEndpoints",
    "AsyncEvents",
    "AsyncLookups",
    "AsyncOperators",
    "AsyncOrganisations",
    "AsyncSimBatches",
    "AsyncSims",
    "AsyncTariffs",
]
