"""The integrations area over real HTTP against the emulator: data streams, API callbacks and
API secrets; each call, a documented error, bad input sent nowhere."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from emnify_async import (
    ApiCallback,
    ApiSecret,
    AsyncEmnify,
    ConflictError,
    DataStream,
    DataStreamFilterField,
    DataStreamStatusId,
    DataStreamTypeId,
    EventHubsDestination,
    InputError,
    KeenIODestination,
    KinesisDestination,
    NotFoundError,
    S3Destination,
    Status,
    UnprocessableEntityError,
    WebhookDestination,
)
from emnify_async.models import Secret
from emnify_async.testing import Emulator, ManualClock
from emnify_async.testing._stores.integrations import PENDING_SECONDS

from ..conftest import FAST_RETRY

START = "2026-03-14T12:00:00Z"
HOOK = WebhookDestination(url="https://example.com/emnify", size=100)


@pytest.fixture
async def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
async def emu(emnify_emulator_factory: Any, clock: ManualClock) -> Emulator:
    emulator: Emulator = await emnify_emulator_factory(sims=20, clock=clock)
    return emulator


@pytest.fixture
async def api(emu: Emulator) -> AsyncIterator[AsyncEmnify]:
    async with AsyncEmnify(
        emu.application_token, base_url=emu.base_url, retry=FAST_RETRY, rate_limits=False
    ) as client:
        yield client


def _sent(emu: Emulator) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in emu.requests if r.path != "/api/v1/authenticate"]


def _body(emu: Emulator) -> Any:
    return json.loads(emu.requests[-1].body)


class TestDataStreams:
    async def test_list_and_get(self, api: AsyncEmnify) -> None:
        """The organisation's streams, typed; a foreign one is not among them."""
        streams = await api.data_streams.list()

        assert [s.id for s in streams] == ["689d97ba", "123bc456", "a1b2c3d4"]
        kinesis = streams[0]
        assert isinstance(kinesis, DataStream)
        assert kinesis.data_stream_type == Status(id=1, description="Usage")
        assert kinesis.status == Status(id=DataStreamStatusId.RUNNING, description="Running")
        assert kinesis.destination is not None
        assert kinesis.destination.connection_type == "AwsKinesis"
        assert await api.data_streams.get("123bc456") == streams[1]

    async def test_secrets_are_masked_in_answers_and_reprs(self, api: AsyncEmnify) -> None:
        """emnify masks a webhook's headers in GET; the model's repr masks keys too."""
        hook = WebhookDestination(url="https://example.com/x", headers={"Authorization": "tok"})
        stream_id = await api.data_streams.create(
            data_stream_type=2, destination=hook, filters={"alert": True}
        )

        stream = await api.data_streams.get(stream_id)
        assert stream.destination is not None and stream.destination.credentials is not None
        assert stream.destination.credentials["headers"] == ["Authorization:********"]
        assert stream.filters[0].field == "alert" and stream.filters[0].value is True
        keen = await api.data_streams.get("a1b2c3d4")
        assert keen.destination is not None and keen.destination.credentials is not None
        assert keen.destination.credentials["write_key"] not in repr(keen)

    async def test_create_pending_then_running(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """A created stream is listed, Pending at first and Running once initialised."""
        stream_id = await api.data_streams.create(
            data_stream_type=DataStreamTypeId.EVENTS,
            destination=HOOK,
            name="Alerts",
            filters={"event_type_id": [1, 2, 3], "alert": True},
        )

        assert _body(emu) == {
            "name": "Alerts",
            "data_stream_type": {"id": 2},
            "destination": {
                "connection_type": "RestAPI",
                "format": "Json",
                "credentials": {"url": "https://example.com/emnify", "method": "POST", "size": 100},
            },
            "filters": [
                {"field": "event_type_id", "value": [1, 2, 3]},
                {"field": "alert", "value": True},
            ],
        }
        created = await api.data_streams.get(stream_id)
        assert created.status is not None and created.status.id == DataStreamStatusId.PENDING
        assert stream_id in [s.id for s in await api.data_streams.list()]
        clock.advance(PENDING_SECONDS)
        running = await api.data_streams.get(stream_id)
        assert running.status is not None and running.status.id == DataStreamStatusId.RUNNING

    @pytest.mark.parametrize(
        "destination",
        [
            KinesisDestination(region="eu-west-1", stream_name="s", role_arn="arn:aws:iam::1:r"),
            S3Destination(region="eu-west-1", bucket_name="b", role_arn="arn", flush_size=10),
            KeenIODestination(project_id="p", write_key="secret-key", collection_name="c"),
            {"connection_type": "PubSub", "credentials": {"cps_topic": "t", "cps_project": "p"}},
        ],
        ids=["kinesis", "s3", "keenio", "mapping"],
    )
    async def test_create_with_each_kind_of_destination(
        self, api: AsyncEmnify, destination: Any
    ) -> None:
        """Typed destinations and plain mappings are sent as the API's destination object."""
        stream_id = await api.data_streams.create(data_stream_type=1, destination=destination)

        stream = await api.data_streams.get(stream_id)
        assert stream.destination is not None
        kind = getattr(destination, "connection_type", "PubSub")
        assert stream.destination.connection_type == kind

    async def test_update_pause_and_resume(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """PATCH answers 202; the stream is paused, renamed, then resumed."""
        await api.data_streams.update(
            "689d97ba", status=DataStreamStatusId.PAUSED, name="Paused usage"
        )

        assert emu.requests[-1].status == 202
        assert _body(emu) == {"name": "Paused usage", "status": {"id": 2}}
        paused = await api.data_streams.get("689d97ba")
        assert paused.name == "Paused usage"
        assert paused.status is not None and paused.status.id == DataStreamStatusId.PAUSED
        with pytest.raises(ConflictError):
            await api.data_streams.restart("689d97ba")  # paused: resume it instead
        await api.data_streams.update("689d97ba", status=DataStreamStatusId.RUNNING)
        resumed = await api.data_streams.get("689d97ba")
        assert resumed.status is not None and resumed.status.id == DataStreamStatusId.RUNNING

    async def test_update_filters_cleared(self, api: AsyncEmnify, emu: Emulator) -> None:
        """`filters={}` sends an empty list: every record is streamed again."""
        await api.data_streams.update("123bc456", data_stream_type=2, filters={"alert": True})
        assert len((await api.data_streams.get("123bc456")).filters) == 1

        await api.data_streams.update("123bc456", filters={})

        assert _body(emu) == {"filters": []}
        assert (await api.data_streams.get("123bc456")).filters == []

    async def test_restart_an_errored_stream(
        self, api: AsyncEmnify, emu: Emulator, clock: ManualClock
    ) -> None:
        """A stream in Error is Pending after a restart, then Running."""
        emu.state.integrations.fail_stream("689d97ba")
        failed = await api.data_streams.get("689d97ba")
        assert failed.status is not None and failed.status.id == DataStreamStatusId.ERROR

        await api.data_streams.restart("689d97ba")

        assert emu.requests[-1].status == 202
        restarted = await api.data_streams.get("689d97ba")
        assert restarted.status is not None and restarted.status.id == DataStreamStatusId.PENDING
        clock.advance(PENDING_SECONDS)
        running = await api.data_streams.get("689d97ba")
        assert running.status is not None and running.status.id == DataStreamStatusId.RUNNING

    async def test_delete_refused_while_pending_then_done(
        self, api: AsyncEmnify, clock: ManualClock
    ) -> None:
        """409 while the new stream initialises; deleted (202) once it runs, then gone."""
        stream_id = await api.data_streams.create(data_stream_type=1, destination=HOOK)
        with pytest.raises(ConflictError) as caught:
            await api.data_streams.delete(stream_id)
        assert caught.value.error_token == "NotAllowed"

        clock.advance(PENDING_SECONDS)
        await api.data_streams.delete(stream_id)

        with pytest.raises(NotFoundError):
            await api.data_streams.get(stream_id)
        assert stream_id not in [s.id for s in await api.data_streams.list()]

    async def test_foreign_or_unknown_stream_is_not_found(self, api: AsyncEmnify) -> None:
        """Another organisation's stream is as missing as an unknown one."""
        for stream_id in ("f0e1d2c3", "deadbeef"):
            with pytest.raises(NotFoundError) as caught:
                await api.data_streams.get(stream_id)
            assert caught.value.error_code == 1201

    async def test_api_refuses_a_bad_configuration(self, api: AsyncEmnify) -> None:
        """A destination the API does not accept answers 422 with its error body."""
        with pytest.raises(UnprocessableEntityError) as caught:
            await api.data_streams.create(
                data_stream_type=1,
                destination={"connection_type": "RestAPI", "credentials": {"size": 5}},
            )
        assert "url is required" in (caught.value.message or "")

    @pytest.mark.parametrize(
        ("call", "fragment"),
        [
            (lambda a: a.data_streams.get("../status"), "data stream id"),
            (lambda a: a.data_streams.get(12), "data stream id"),
            (lambda a: a.data_streams.update("689d97ba"), "at least one"),
            (lambda a: a.data_streams.update("689d97ba", status=-1), "status"),
            (
                lambda a: a.data_streams.create(
                    data_stream_type=1, destination=HOOK, filters={"alert": True}
                ),
                "only event streams",
            ),
            (
                lambda a: a.data_streams.create(
                    data_stream_type=2, destination=HOOK, filters={"event_type_id": []}
                ),
                "event_type_id",
            ),
            (lambda a: a.data_streams.create(data_stream_type=2, destination="x"), "destination"),
            (
                lambda a: a.data_streams.create(
                    data_stream_type=2, destination={"credentials": {}}
                ),
                "connection_type",
            ),
        ],
    )
    async def test_bad_input_is_sent_nowhere(
        self, api: AsyncEmnify, emu: Emulator, call: Any, fragment: str
    ) -> None:
        with pytest.raises(InputError, match=fragment):
            await call(api)
        assert _sent(emu) == []

    @pytest.mark.parametrize(
        "build",
        [
            lambda: WebhookDestination(url="ftp://example.com"),
            lambda: WebhookDestination(url="https://example.com", size=0),
            lambda: WebhookDestination(url="https://example.com", method="GET"),
            lambda: WebhookDestination(url="https://example.com", headers=["no colon"]),
            lambda: S3Destination(region="r", bucket_name="b", role_arn="a", rotate_interval=5),
            lambda: KinesisDestination(region="", stream_name="s", role_arn="a"),
        ],
    )
    def test_destinations_check_their_settings(self, build: Any) -> None:
        with pytest.raises(InputError):
            build()

    def test_destination_reprs_mask_secrets(self) -> None:
        shown = [
            repr(WebhookDestination(url="https://e.example", headers={"Authorization": "tok-1"})),
            repr(KeenIODestination(project_id="p", write_key="tok-2", collection_name="c")),
            repr(EventHubsDestination(connection_string="Endpoint=sb://x;SharedAccessKey=tok-3")),
        ]
        assert not any(f"tok-{n}" in text for n in (1, 2, 3) for text in shown)

    async def test_lookups_are_cached_per_client_until_refreshed(
        self, api: AsyncEmnify, emu: Emulator
    ) -> None:
        """Statuses, types and filter fields are fetched once; `refresh=True` asks again."""
        for _ in range(3):
            statuses = await api.data_streams.statuses()
            types = await api.data_streams.types()
            fields = await api.data_streams.filter_fields()

        assert [s.id for s in statuses] == [1, 2, 3, 4]
        assert [t.description for t in types] == ["Usage", "Events"]
        assert fields == [
            DataStreamFilterField(
                id="event_type_id", description="Filtering Events for specific Event Type IDs"
            ),
            DataStreamFilterField(id="alert", description="Filtering Events for alerts"),
        ]
        assert len(_sent(emu)) == 3
        statuses.clear()  # the caller's copy
        assert len(await api.data_streams.statuses(refresh=True)) == 4
        assert len(_sent(emu)) == 4


class TestApiCallbacks:
    async def test_list_get(self, api: AsyncEmnify) -> None:
        callbacks = await api.api_callbacks.list()

        assert [c.id for c in callbacks] == [2, 3]
        assert isinstance(callbacks[0], ApiCallback)
        assert callbacks[0].url == "https://example.com/sms"
        assert callbacks[0].organisation_id == 101  # a string in emnify's answer
        assert callbacks[0].created is not None and callbacks[0].created.tzinfo is not None
        assert await api.api_callbacks.get(3) == callbacks[1]

    async def test_create_and_delete(self, api: AsyncEmnify, emu: Emulator) -> None:
        callback_id = await api.api_callbacks.create(
            url="https://receiver.example/sms", purpose="MO SMS"
        )

        assert _body(emu) == {"url": "https://receiver.example/sms", "purpose": "MO SMS"}
        created = await api.api_callbacks.get(callback_id)
        assert (created.url, created.purpose) == ("https://receiver.example/sms", "MO SMS")
        await api.api_callbacks.delete(callback_id)
        assert emu.requests[-1].status == 200
        with pytest.raises(NotFoundError):
            await api.api_callbacks.get(callback_id)

    async def test_foreign_or_unknown_is_not_found(self, api: AsyncEmnify) -> None:
        for callback_id in (9, 4711):
            with pytest.raises(NotFoundError):
                await api.api_callbacks.delete(callback_id)

    @pytest.mark.parametrize("url", ["example.com/sms", "ftp://example.com", "", 5])
    async def test_bad_url_is_sent_nowhere(self, api: AsyncEmnify, emu: Emulator, url: Any) -> None:
        with pytest.raises(InputError, match="http"):
            await api.api_callbacks.create(url=url)
        with pytest.raises(InputError):
            await api.api_callbacks.get(0)
        assert _sent(emu) == []


class TestApiSecrets:
    async def test_list_get_never_show_a_value(self, api: AsyncEmnify) -> None:
        secrets = await api.api_secrets.list()

        assert secrets == [
            ApiSecret(id=1, purpose="SMS Delivery Receipts", organisation_id=101),
            ApiSecret(id=2, purpose="MO-SMS", organisation_id=101),
        ]
        assert await api.api_secrets.get(2) == secrets[1]

    async def test_create_generates_a_masked_secret(self, api: AsyncEmnify, emu: Emulator) -> None:
        """Without a value, a random one is sent; it comes back masked, revealed on demand."""
        created = await api.api_secrets.create(purpose="MO SMS")

        value = created.secret.get_secret_value()
        assert len(value) == 64
        assert _body(emu) == {"secret": value, "purpose": "MO SMS"}
        assert value not in repr(created) and value not in str(created.secret)
        assert emu.state.integrations.secrets[created.id].value == value
        assert (await api.api_secrets.get(created.id)).purpose == "MO SMS"

    async def test_create_with_a_given_value(self, api: AsyncEmnify, emu: Emulator) -> None:
        mine = Secret("P9MM^Y$n83jgx5z")

        created = await api.api_secrets.create(secret=mine)

        assert created.secret == mine
        assert _body(emu) == {"secret": "P9MM^Y$n83jgx5z"}

    async def test_delete(self, api: AsyncEmnify, emu: Emulator) -> None:
        await api.api_secrets.delete(1)

        assert emu.requests[-1].status == 200
        with pytest.raises(NotFoundError) as caught:
            await api.api_secrets.get(1)
        assert caught.value.error_token == "NotFound"
        with pytest.raises(NotFoundError):
            await api.api_secrets.delete(9)  # another organisation's

    @pytest.mark.parametrize("secret", ["", " padded ", 12345])
    async def test_bad_secret_is_sent_nowhere_nor_shown(
        self, api: AsyncEmnify, emu: Emulator, secret: Any
    ) -> None:
        with pytest.raises(InputError) as caught:
            await api.api_secrets.create(secret=secret)
        assert _sent(emu) == []
        if isinstance(secret, str) and secret.strip():
            assert secret.strip() not in str(caught.value)

    def test_secret_value_is_masked_and_not_pickled(self) -> None:
        import pickle

        value = Secret("hunter2-hunter2")
        assert "hunter2" not in repr(value) + str(value) + f"{value}"
        assert value == Secret("hunter2-hunter2")
        assert value != Secret("other")
        with pytest.raises(TypeError):
            pickle.dumps(value)


def test_the_sync_facade() -> None:
    """The blocking twins: lookups, a stream's life, a secret masked the same way."""
    import emnify_sync
    from emnify_async.testing import EmulatorConfig

    from ..conftest import ThreadedEmulator

    with (
        ThreadedEmulator(EmulatorConfig(sims=10)) as emu,
        emnify_sync.Emnify(
            emu.application_token, base_url=emu.base_url, retry=FAST_RETRY
        ) as client,
    ):
        assert [t.id for t in client.data_streams.types()] == [1, 2]
        stream_id = client.data_streams.create(data_stream_type=1, destination=HOOK)
        assert client.data_streams.get(stream_id).id == stream_id
        created = client.api_secrets.create(purpose="sync")
        assert created.secret.get_secret_value() not in repr(created)
        assert [c.id for c in client.api_callbacks.list()] == [2, 3]
