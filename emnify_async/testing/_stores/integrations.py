"""Integrations state: data streams (v2), API callback URLs and API secrets.

Streams have string ids (8 hex digits, as emnify's) and a status that moves with the clock:
a new or restarted stream is Pending for ``PENDING_SECONDS``, then Running. Secrets keep their
value (the API never returns it) so that tests can sign callback tokens with it.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._data import FOREIGN_ORG_ID

RUNNING, PAUSED, ERROR, PENDING = 1, 2, 3, 4
STATUSES = {RUNNING: "Running", PAUSED: "Paused", ERROR: "Error", PENDING: "Pending"}
TYPES = {1: "Usage", 2: "Events"}
RELATIONS = {1: "Own", 2: "Children", 3: "Both"}
FILTER_FIELDS = {
    "event_type_id": "Filtering Events for specific Event Type IDs",
    "alert": "Filtering Events for alerts",
}
PENDING_SECONDS = 5.0
"""How long a new or restarted stream stays Pending before it runs."""
_MASK = "********"


@dataclass
class Stream:
    """One data stream as stored (the destination as sent, unmasked)."""

    id: str
    owner: int
    name: str | None
    type_id: int
    destination: JsonObj
    filters: list[JsonObj]
    relation_id: int
    status_id: int
    pending_until: float = 0.0


@dataclass
class Callback:
    id: int
    owner: int
    url: str
    purpose: str | None
    created: float


@dataclass
class Secret:
    id: int
    owner: int
    purpose: str | None
    value: str = field(repr=False)


def mask_credentials(destination: JsonObj) -> JsonObj:
    """The destination as GET answers it: custom headers and Event Hub access keys masked
    (documented), everything else as sent."""
    shown = copy.deepcopy(destination)
    credentials = shown.get("credentials")
    if isinstance(credentials, dict):
        headers = credentials.get("headers")
        if isinstance(headers, list):
            credentials["headers"] = [
                f"{str(h).partition(':')[0]}:{_MASK}" if isinstance(h, str) else h for h in headers
            ]
        connection = credentials.get("connection_string")
        if isinstance(connection, str):
            credentials["connection_string"] = ";".join(
                f"{part.partition('=')[0]}={_MASK}" if part.startswith("SharedAccessKey=") else part
                for part in connection.split(";")
            )
    return shown


class Integrations:
    """Data streams by id, callbacks and secrets by id, each with its owning organisation."""

    def __init__(self, seed: int, root: int, clock: Clock, on_change: Callable[[], None]) -> None:
        self._clock = clock
        self._on_change = on_change
        self._ids = random.Random(seed * 7919 + 17)
        self.streams: dict[str, Stream] = {}
        self.callbacks: dict[int, Callback] = {}
        self.secrets: dict[int, Secret] = {}
        self._seed(root, clock())

    def _seed(self, root: int, now: float) -> None:
        # The spec's examples: the two streams of its list and the one of its details.
        self.streams = {
            s.id: s
            for s in (
                Stream(
                    "689d97ba",
                    root,
                    None,
                    1,
                    {
                        "connection_type": "AwsKinesis",
                        "credentials": {
                            "stream_name": "my-data-stream",
                            "role_arn": "arn:aws:iam::123456789012:role/my-data-stream",
                            "region": "eu-west-1",
                        },
                        "format": "Json",
                    },
                    [],
                    3,
                    RUNNING,
                ),
                Stream(
                    "123bc456",
                    root,
                    None,
                    1,
                    {
                        "connection_type": "RestAPI",
                        "credentials": {"url": "https://example.com", "size": 3000},
                        "format": "Json",
                    },
                    [],
                    1,
                    PAUSED,
                ),
                Stream(
                    "a1b2c3d4",
                    root,
                    None,
                    1,
                    {
                        "connection_type": "KeenIO",
                        "credentials": {
                            "project_id": "1234567890abcdef12345678",
                            "write_key": "0123456789abcdef" * 4,
                            "collection_name": "MyDataStream",
                            "size": 3000,
                        },
                        "format": "Json",
                    },
                    [],
                    1,
                    RUNNING,
                ),
                Stream(
                    "f0e1d2c3",
                    FOREIGN_ORG_ID,
                    None,
                    1,
                    {
                        "connection_type": "PubSub",
                        "credentials": {"cps_topic": "t", "cps_project": "p"},
                        "format": "Json",
                    },
                    [],
                    1,
                    RUNNING,
                ),
            )
        }
        year_ago = now - 365 * 86400.0
        self.callbacks = {
            2: Callback(
                2, root, "https://example.com/sms", "Testing SMS Delivery Report", year_ago
            ),
            3: Callback(3, root, "https://example.com/", "Sending Device Data", year_ago),
            9: Callback(9, FOREIGN_ORG_ID, "https://elsewhere.example/", "Not yours", year_ago),
        }
        self.secrets = {
            1: Secret(1, root, "SMS Delivery Receipts", "seeded-secret-one"),
            2: Secret(2, root, "MO-SMS", "seeded-secret-two"),
            9: Secret(9, FOREIGN_ORG_ID, "Not yours", "foreign-secret"),
        }

    # --- data streams -----------------------------------------------------------------------

    def status(self, stream: Stream) -> int:
        """The stream's status now: Pending turns Running once its time is up."""
        if stream.status_id == PENDING and self._clock() >= stream.pending_until:
            stream.status_id = RUNNING
        return stream.status_id

    def owned_stream(self, org_id: int, stream_id: str) -> Stream | None:
        stream = self.streams.get(stream_id)
        return stream if stream is not None and stream.owner == org_id else None

    def streams_of(self, org_id: int) -> list[Stream]:
        return [s for s in self.streams.values() if s.owner == org_id]

    def _new_stream_id(self) -> str:
        while True:
            ident = f"{self._ids.getrandbits(32):08x}"
            if ident not in self.streams:
                return ident

    def create_stream(self, org_id: int, fields: dict[str, Any]) -> Stream:
        stream = Stream(
            self._new_stream_id(),
            org_id,
            fields.get("name"),
            fields["type_id"],
            fields["destination"],
            fields.get("filters", []),
            fields.get("relation_id", 1),
            PENDING,
            self._clock() + PENDING_SECONDS,
        )
        self.streams[stream.id] = stream
        self._on_change()
        return stream

    def update_stream(self, stream: Stream, fields: dict[str, Any]) -> None:
        for key, value in fields.items():
            setattr(stream, key, value)
        self._on_change()

    def restart_stream(self, stream: Stream) -> None:
        stream.status_id = PENDING
        stream.pending_until = self._clock() + PENDING_SECONDS
        self._on_change()

    def fail_stream(self, stream_id: str) -> None:
        """Put a stream in Error (its destination kept refusing), e.g. to test a restart."""
        self.streams[stream_id].status_id = ERROR
        self._on_change()

    def delete_stream(self, stream_id: str) -> None:
        del self.streams[stream_id]
        self._on_change()

    def render_stream(self, stream: Stream) -> JsonObj:
        status = self.status(stream)
        body: JsonObj = {"id": stream.id}
        if stream.name is not None:
            body["name"] = stream.name
        body |= {
            "data_stream_type": {"id": stream.type_id, "description": TYPES[stream.type_id]},
            "destination": mask_credentials(stream.destination),
            "filters": copy.deepcopy(stream.filters),
            "relation_resolution": {
                "id": stream.relation_id,
                "description": RELATIONS[stream.relation_id],
            },
            "status": {"id": status, "description": STATUSES[status]},
        }
        return body

    # --- callbacks and secrets ------------------------------------------------------------

    def owned_callback(self, org_id: int, callback_id: int) -> Callback | None:
        callback = self.callbacks.get(callback_id)
        return callback if callback is not None and callback.owner == org_id else None

    def owned_secret(self, org_id: int, secret_id: int) -> Secret | None:
        secret = self.secrets.get(secret_id)
        return secret if secret is not None and secret.owner == org_id else None

    def create_callback(self, org_id: int, url: str, purpose: str | None) -> Callback:
        ident = max(self.callbacks, default=0) + 1
        callback = Callback(ident, org_id, url, purpose, self._clock())
        self.callbacks[ident] = callback
        self._on_change()
        return callback

    def create_secret(self, org_id: int, value: str, purpose: str | None) -> Secret:
        ident = max(self.secrets, default=0) + 1
        secret = Secret(ident, org_id, purpose, value)
        self.secrets[ident] = secret
        self._on_change()
        return secret

    def delete_callback(self, callback_id: int) -> None:
        del self.callbacks[callback_id]
        self._on_change()

    def delete_secret(self, secret_id: int) -> None:
        del self.secrets[secret_id]
        self._on_change()
