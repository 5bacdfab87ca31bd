"""The API areas of the client, one module each."""

from .application_tokens import (
    AsyncApplicationTokens,
)
from .automations import (
    AsyncAutomations,
)
from .cloud_connect import (
    AsyncCloudConnect,
)
from .dns import (
    AsyncDns,
)
from .endpoints import (
    AsyncEndpoints,
)
from .euiccs import (
    AsyncEuiccOperations,
    AsyncEuiccs,
)
from .event_configurations import (
    AsyncCustomEvents,
    AsyncSystemEvents,
)
from .events import (
    AsyncEvents,
)
from .integrations import (
    AsyncApiCallbacks,
    AsyncApiSecrets,
    AsyncDataStreams,
)
from .ip_address_spaces import (
    AsyncIpAddressSpaces,
)
from .lookups import (
    AsyncLookups,
)
from .operators import (
    AsyncOperators,
)
from .organisations import (
    AsyncOrganisations,
)
from .service_profiles import (
    AsyncServiceProfiles,
)
from .services import (
    AsyncServices,
)
from .sim_batches import (
    AsyncSimBatches,
)
from .sim_operations import (
    AsyncSimOperations,
)
from .sims import (
    AsyncSims,
)
from .tags import (
    AsyncEndpointTags,
    AsyncTags,
)
from .tariff_profiles import (
    AsyncTariffProfiles,
)
from .tariffs import (
    AsyncTariffs,
)
from .user_mfa import (
    AsyncUserMfa,
)
from .users import (
    AsyncUsers,
)
from .workspaces import (
    AsyncUserWorkspaces,
    AsyncWorkspaces,
)

__all__ = [
    "AsyncApiCallbacks",
    "AsyncApiSecrets",
    "AsyncApplicationTokens",
    "AsyncAutomations",
    "AsyncCloudConnect",
    "AsyncCustomEvents",
    "AsyncDataStreams",
    "AsyncDns",
    "AsyncEndpointTags",
    "AsyncEndpoints",
    "AsyncEuiccOperations",
    "AsyncEuiccs",
    "AsyncEvents",
    "AsyncIpAddressSpaces",
    "AsyncLookups",
    "AsyncOperators",
    "AsyncOrganisations",
    "AsyncServiceProfiles",
    "AsyncServices",
    "AsyncSimBatches",
    "AsyncSimOperations",
    "AsyncSims",
    "AsyncSystemEvents",
    "AsyncTags",
    "AsyncTariffProfiles",
    "AsyncTariffs",
    "AsyncUserMfa",
    "AsyncUserWorkspaces",
    "AsyncUsers",
    "AsyncWorkspaces",
]
