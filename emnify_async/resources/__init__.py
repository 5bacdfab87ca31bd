"""The API areas of the client, one module each."""

from .application_tokens import AsyncApplicationTokens
from .dns import AsyncDns
from .endpoints import AsyncEndpoints
from .events import AsyncEvents
from .operators import AsyncOperators
from .organisations import AsyncOrganisations
from .service_profiles import AsyncServiceProfiles
from .services import AsyncServices
from .sim_batches import AsyncSimBatches
from .sims import AsyncSims
from .tariffs import AsyncTariffs
from .user_mfa import AsyncUserMfa
from .users import AsyncUsers

__all__ = [
    "AsyncApplicationTokens",
    "AsyncDns",
    "AsyncEndpoints",
    "AsyncEvents",
    "AsyncOperators",
    "AsyncOrganisations",
    "AsyncServiceProfiles",
    "AsyncServices",
    "AsyncSimBatches",
    "AsyncSims",
    "AsyncTariffs",
    "AsyncUserMfa",
    "AsyncUsers",
]
