"""The API areas of the client, one module each."""

from .cloud_connect import AsyncCloudConnect
from .dns import AsyncDns
from .endpoints import AsyncEndpoints
from .events import AsyncEvents
from .integrations import AsyncApiCallbacks, AsyncApiSecrets, AsyncDataStreams
from .lookups import AsyncLookups
from .operators import AsyncOperators
from .organisations import AsyncOrganisations
from .service_profiles import AsyncServiceProfiles
from .services import AsyncServices
from .sim_batches import AsyncSimBatches
from .sims import AsyncSims
from .tariffs import AsyncTariffs

__all__ = [
    "AsyncApiCallbacks",
    "AsyncApiSecrets",
    "AsyncCloudConnect",
    "AsyncDataStreams",
    "AsyncDns",
    "AsyncEndpoints",
    "AsyncEvents",
    "AsyncLookups",
    "AsyncOperators",
    "AsyncOrganisations",
    "AsyncServiceProfiles",
    "AsyncServices",
    "AsyncSimBatches",
    "AsyncSims",
    "AsyncTariffs",
]
