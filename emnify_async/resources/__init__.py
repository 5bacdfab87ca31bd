"""The API areas of the client, one module each."""

from .endpoints import AsyncEndpoints
from .events import AsyncEvents
from .integrations import AsyncApiCallbacks, AsyncApiSecrets, AsyncDataStreams
from .operators import AsyncOperators
from .organisations import AsyncOrganisations
from .sim_batches import AsyncSimBatches
from .sims import AsyncSims
from .tariffs import AsyncTariffs

__all__ = [
    "AsyncApiCallbacks",
    "AsyncApiSecrets",
    "AsyncDataStreams",
    "AsyncEndpoints",
    "AsyncEvents",
    "AsyncOperators",
    "AsyncOrganisations",
    "AsyncSimBatches",
    "AsyncSims",
    "AsyncTariffs",
]
