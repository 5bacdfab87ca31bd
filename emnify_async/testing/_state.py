"""``EmulatorState``: the per-area stores, built from the seed and wired together."""

from __future__ import annotations

import datetime as dt
from array import array

from emnify_async.testing import _data as d
from emnify_async.testing._cache import SizedLRU
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._clock import Clock, utc_datetime
from emnify_async.testing._device_data import make_device_seed
from emnify_async.testing._render import Renderer
from emnify_async.testing._stores.application_tokens import ApplicationTokens
from emnify_async.testing._stores.automations import AutomationStore
from emnify_async.testing._stores.batches import SimBatches
from emnify_async.testing._stores.billing import Billing
from emnify_async.testing._stores.cloud_connect import CloudConnectStore
from emnify_async.testing._stores.connectivity import Connectivity
from emnify_async.testing._stores.device_profiles import DeviceProfiles
from emnify_async.testing._stores.device_settings import DeviceSettings
from emnify_async.testing._stores.dns import DnsConfigs
from emnify_async.testing._stores.endpoint_records import EndpointRecords
from emnify_async.testing._stores.endpoints import EndpointStore
from emnify_async.testing._stores.esim_operations import EsimOperations
from emnify_async.testing._stores.euiccs import EuiccStore
from emnify_async.testing._stores.events import EventFeed, EventStore
from emnify_async.testing._stores.integrations import Integrations
from emnify_async.testing._stores.links import Links, OneToOne
from emnify_async.testing._stores.organisations import Organisations
from emnify_async.testing._stores.sims import SimStore
from emnify_async.testing._stores.sms import SmsStore
from emnify_async.testing._stores.tags import TagStore
from emnify_async.testing._stores.traffic_limits import TrafficLimitExtensions
from emnify_async.testing._stores.users import UserStore
from emnify_async.testing._stores.workspaces import Workspaces
from emnify_async.testing._user_data import make_users

CachedPage = tuple[bytes, dict[str, str]]


class EmulatorState:
    """Everything the routes read and write, one store per area.

    ``organisations``, ``sims``, ``events``, ``batches``, ``billing`` and the device area's
    ``endpoints``, ``profiles`` (service and tariff profiles, IP address spaces), ``dns``,
    ``connectivity``, ``sms``, ``device_settings`` (blacklists, quotas, balances) and
    ``traffic_limits``, ``integrations`` (data streams, API callbacks and secrets),
    ``cloud_connect``, ``users``, ``application_tokens``, the eSIM area's ``euiccs`` and
    ``esim_operations``, ``tags`` (v2), ``automations`` and ``workspaces`` are the stores;
    ``links`` holds the relations between areas; ``pages`` caches serialized list pages until
    the next write of any store; ``clock`` is the emulator's time. The methods at the end are
    shortcuts for tests (``emu.state.sim(5)``).
    """

    def __init__(
        self, seed: int, sims: int, *, clock: Clock, page_cache_bytes: int = 256 * 1024 * 1024
    ) -> None:
        self.seed = seed
        self.clock = clock
        self.pages: SizedLRU[CachedPage] = SizedLRU(page_cache_bytes)
        root, orgs = d.make_organisations(seed)
        self.organisations = Organisations(root, orgs)
        children = self.organisations.children(root)
        enterprises = [org.id for org in children if org.is_enterprise]
        table = d.generate_sims(seed, sims, root, enterprises)
        seeded_batches = d.make_batches(seed, table, root, sims)  # adds the batches' SIMs
        self._feeds: dict[int, EventFeed] = {}
        self.links = Links(sim_endpoint=OneToOne(table.endpoint, self.changed))
        self.events = EventStore(after=(len(table) + 1) * 16)
        seeded_endpoints = max(table.endpoint, default=0)
        devices = make_device_seed(seed, root, seeded_endpoints + 1)
        records = EndpointRecords(seed, root, seeded_endpoints, devices.endpoints)
        link = self.links.sim_endpoint
        self.sims = SimStore(
            seed, table, self.organisations, self.events, link, records, clock, self.changed
        )
        self.batches = SimBatches(seeded_batches, self.sims)
        self.billing = Billing(d.make_billing(root, self.now().date()), self.changed)
        """Tariffs, tariff assignments and profiles, inclusive volumes (see docs/emulator.md)."""
        self.dns = DnsConfigs(devices.dns_configs, self.changed)
        """DNS configurations, which service profiles reference."""
        self.profiles = DeviceProfiles(
            devices.service_profiles,
            devices.ip_spaces,
            self.billing,
            records,
            self.dns,
            self.changed,
        )
        self.endpoints = EndpointStore(
            records, self.sims, link, self.profiles, self.events, clock, self.changed
        )
        self.connectivity = Connectivity(seed, self.endpoints, clock)
        self.sms = SmsStore(seed, self.endpoints, self.connectivity, clock, self.changed)
        self.device_settings = DeviceSettings(clock, self.changed)
        self.integrations = Integrations(seed, root, clock, self.changed)
        """Data streams, API callback URLs and API secrets."""
        self.cloud_connect = CloudConnectStore(
            seed, self.organisations, self.events, self.sims.render.event, clock, self.changed
        )
        """CloudConnect attachments (see docs/emulator.md, "CloudConnect")."""
        self.users = UserStore(
            seed, make_users(seed), self.organisations, self.events, clock, self.changed
        )
        """Users, their roles, passwords, MFA keys, trusted devices and events."""
        self.application_tokens = ApplicationTokens(self.users, clock, self.changed)
        """Every application token issued (minted by the authenticator)."""
        self.traffic_limits = TrafficLimitExtensions(clock)
        """Traffic limit extensions of endpoints (newer docs)."""
        self.endpoints.dependents += [
            self.connectivity,
            self.sms,
            self.device_settings,
            self.traffic_limits,
        ]
        self.euiccs = EuiccStore(seed, self.sims, self.endpoints, self.organisations, clock)
        """eUICCs, their profiles and the unlinked eSIM stock (newer docs)."""
        self.esim_operations = EsimOperations(seed, self.euiccs, clock)
        """eUICC and SIM operations, run by the clock (newer docs)."""
        self.tags = TagStore(seed, self.changed)
        """Tags (v2) of each organisation and their assignment to endpoints (newer docs)."""
        self.endpoints.dependents.append(self.tags)
        self.automations = AutomationStore(seed, root, self.events, clock, self.changed)
        """Custom events, automations, their action logs and e-mail recipients (newer docs)."""
        self.workspaces = Workspaces(seed, self.users, self.organisations, self.changed)
        """Users' memberships of organisations besides their default one (newer docs)."""

    def now(self) -> dt.datetime:
        """The emulator's current time in UTC."""
        return utc_datetime(self.clock)

    def changed(self) -> None:
        """Drop cached pages and indexes after a write (every store calls it)."""
        self.pages.clear()
        self._feeds.clear()
        self.sims.clear_indexes()
        self.endpoints.clear_indexes()

    def event_feed(self, org_id: int) -> EventFeed:
        """Every event of the organisation, in id order (cached until the next write)."""
        feed = self._feeds.get(org_id)
        if feed is None:
            sims = self.sims
            ids = sims.ids(org_id)
            feed = EventFeed(
                ids,
                sims.render.seeded_event_counts(ids),
                sims.history,
                self.events.of_org(org_id),
            )
            self._feeds[org_id] = feed
        return feed

    # --- shortcuts for tests --------------------------------------------------------------

    @property
    def org_id(self) -> int:
        """The parent organisation (the default tokens act as it)."""
        return self.organisations.root_id

    @property
    def table(self) -> d.SimTable:
        """The SIMs' columnar store."""
        return self.sims.table

    @property
    def render(self) -> Renderer:
        """What renders the SIMs as the API answers them."""
        return self.sims.render

    def sim(self, sim_id: int) -> JsonObj | None:
        """The SIM as the API renders it, or ``None`` if it does not exist or was deleted."""
        return self.sims.get(sim_id)

    def sim_ids(self, org_id: int | None = None) -> array[int]:
        """Ids of the organisation's live SIMs (default: the parent organisation), ascending."""
        return self.sims.ids(self.org_id if org_id is None else org_id)

    def children(self, org_id: int) -> list[d.Organisation]:
        """The direct child organisations of ``org_id``."""
        return self.organisations.children(org_id)

    def sim_counts(self, org_id: int) -> dict[int, int]:
        """Live SIMs per status where ``org_id`` is the customer or the issuer."""
        return self.sims.counts(org_id)

    def batch_is_foreign(self, batch: d.SimBatch, org_id: int) -> bool:
        """Whether the SIM batch belongs to an organisation other than `org_id`."""
        return self.batches.is_foreign(batch, org_id)

    def set_sim_endpoint(self, sim_id: int, endpoint_id: int | None) -> None:
        """Attach an endpoint id to a SIM or detach it (``None``), e.g. to set up a test."""
        self.links.sim_endpoint.link(sim_id, endpoint_id)

    def endpoint(self, endpoint_id: int) -> JsonObj | None:
        """The endpoint as ``GET /endpoint/{id}`` returns it, or ``None`` if there is none."""
        if self.endpoints.get(endpoint_id) is None:
            return None
        return self.endpoints.render(endpoint_id, details=True)

    def endpoint_ids(self, org_id: int | None = None) -> array[int]:
        """Ids of the organisation's endpoints (default: the parent organisation), ascending."""
        return self.endpoints.ids(self.org_id if org_id is None else org_id)
