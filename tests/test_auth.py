"""Authentication: lazy, single-flight, renewed on expiry and on 401, never leaking secrets."""

from __future__ import annotations

import asyncio
import hashlib
import logging

import pytest
from aiohttp import web

from emnify_async import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncEmnify,
    AuthenticationError,
    InternalServerError,
    MissingCredentialsError,
    RetryPolicy,
)
from emnify_async._auth import jwt_expiry
from emnify_async.testing import Emulator

from .conftest import FAST_RETRY
from .fakes import FakeAPI, json_response, make_jwt

STATUS_PATH = "/api/v1/sim/status"


async def _statuses(request: web.Request) -> web.Response:
    return json_response([{"id": 0, "description": "Issued"}])


class TestJwtExpiry:
    def test_reads_exp_claim(self) -> None:
        """The `exp` claim is read without checking the signature."""
        assert jwt_expiry(make_jwt(1234567890)) == 1234567890.0

    @pytest.mark.parametrize(
        "token", ["", "a.b", "not.a.jwt", "x.e30.y"], ids=["empty", "two", "garbage", "no-exp"]
    )
    def test_unreadable_gives_none(self, token: str) -> None:
        """Malformed tokens give None instead of raising."""
        assert jwt_expiry(token) is None


class TestLazyAuthentication:
    async def test_no_request_before_first_call(self, fake: FakeAPI) -> None:
        """Creating and closing a client sends nothing."""
        async with AsyncEmnify(fake.token, base_url=fake.url):
            pass

        assert fake.calls == []

    async def test_first_call_authenticates_then_sends_bearer(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """The first call authenticates once; the API call carries the bearer token."""
        fake.route("GET", STATUS_PATH, _statuses)

        await fake_client.sims.statuses(refresh=True)

        assert fake.auth_bodies == [{"application_token": fake.token}]
        _, _, _, headers, _ = fake.calls[-1]
        assert headers["Authorization"] == f"Bearer {fake.issued[0]}"

    async def test_missing_credentials_raise_at_first_request(self, fake: FakeAPI) -> None:
        """No credentials is an error at the first call, not at construction, and sends nothing."""
        client = AsyncEmnify(base_url=fake.url)
        async with client:
            with pytest.raises(MissingCredentialsError, match="EMNIFY_APPLICATION_TOKEN"):
                await client.sims.statuses(refresh=True)

        assert fake.calls == []

    async def test_token_from_environment(
        self, fake: FakeAPI, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """EMNIFY_APPLICATION_TOKEN and EMNIFY_BASE_URL are the defaults."""
        monkeypatch.setenv("EMNIFY_APPLICATION_TOKEN", fake.token)
        monkeypatch.setenv("EMNIFY_BASE_URL", fake.url)
        fake.route("GET", STATUS_PATH, _statuses)

        async with AsyncEmnify() as client:
            await client.sims.statuses(refresh=True)

        assert fake.auth_bodies == [{"application_token": fake.token}]


class TestSingleFlight:
    async def test_fifty_concurrent_calls_share_one_authenticate(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """50 concurrent first calls cause exactly one POST /authenticate."""
        fake.auth_delay = 0.05
        fake.route("GET", STATUS_PATH, _statuses)

        results = await asyncio.gather(
            *(fake_client.sims.statuses(refresh=True) for _ in range(50))
        )

        assert len(results) == 50
        assert fake.auth_calls == 1

    async def test_concurrent_401s_share_one_renewal(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """When a revoked token makes 20 calls fail with 401 at once, one renewal serves all."""
        fake.route("GET", STATUS_PATH, _statuses)
        await fake_client.sims.statuses(refresh=True)
        fake.rejected.update(fake.issued)

        await asyncio.gather(*(fake_client.sims.statuses(refresh=True) for _ in range(20)))

        assert fake.auth_calls == 2


class TestRenewal:
    async def test_renews_before_expiry(self, fake: FakeAPI) -> None:
        """A token close to its `exp` is renewed before the next call, without a 401."""
        fake.token_lifetime = 1.0
        fake.route("GET", STATUS_PATH, _statuses)
        async with AsyncEmnify(fake.token, base_url=fake.url, retry=FAST_RETRY) as client:
            await client.sims.statuses(refresh=True)
            await asyncio.sleep(1.0)
            await client.sims.statuses(refresh=True)

        assert fake.auth_calls == 2
        assert fake.calls_to("GET", STATUS_PATH) == 2

    async def test_renews_and_replays_once_on_401(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A 401 on a normal call renews the token and replays the request once."""
        fake.route("GET", STATUS_PATH, _statuses)
        await fake_client.sims.statuses(refresh=True)
        fake.rejected.add(fake.issued[0])

        statuses = await fake_client.sims.statuses(refresh=True)

        assert statuses[0].description == "Issued"
        assert fake.auth_calls == 2
        assert fake.calls_to("GET", STATUS_PATH) == 3

    async def test_second_401_raises(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """If the replay is rejected too, AuthenticationError is raised: no loop."""
        fake.route("GET", STATUS_PATH, _statuses)
        unauthorized = {
            "error_code": 1102,
            "error_token": "InvalidToken",
            "message": "Invalid token",
        }
        fake.script(
            "GET", STATUS_PATH, json_response(unauthorized, 401), json_response(unauthorized, 401)
        )

        with pytest.raises(AuthenticationError) as caught:
            await fake_client.sims.statuses(refresh=True)

        assert caught.value.status == 401
        assert caught.value.error_token == "InvalidToken"
        assert fake.calls_to("GET", STATUS_PATH) == 2
        assert fake.auth_calls == 2


class TestUserMode:
    async def test_sends_sha1_of_password_and_uses_refresh_token(self, fake: FakeAPI) -> None:
        """User mode sends the password's SHA-1 hex, then renews with the refresh token."""
        fake.route("GET", STATUS_PATH, _statuses)
        async with AsyncEmnify(
            username="ops@example.org", password="s3cret", base_url=fake.url
        ) as client:
            await client.sims.statuses(refresh=True)
            fake.rejected.update(fake.issued)
            await client.sims.statuses(refresh=True)

        sha1 = hashlib.sha1(b"s3cret").hexdigest()
        assert fake.auth_bodies == [
            {"username": "ops@example.org", "password": sha1},
            {"refresh_token": "refresh-1"},
        ]

    async def test_falls_back_to_credentials_when_refresh_fails(self, fake: FakeAPI) -> None:
        """A rejected refresh token falls back to a fresh login with the credentials."""
        fake.route("GET", STATUS_PATH, _statuses)
        async with AsyncEmnify(
            username="ops@example.org", password="s3cret", base_url=fake.url
        ) as client:
            await client.sims.statuses(refresh=True)
            fake.rejected.update(fake.issued)
            fake.script("POST", "/api/v1/authenticate", web.Response(status=401))
            await client.sims.statuses(refresh=True)

        assert [sorted(body) for body in fake.auth_bodies] == [
            ["password", "username"],
            ["password", "username"],
        ]


class TestFailedAuthentication:
    async def test_bad_token_raises_helpful_error_without_the_token(
        self, fake: FakeAPI, caplog: pytest.LogCaptureFixture
    ) -> None:
        """A rejected application token raises AuthenticationError that says what to check."""
        caplog.set_level(logging.DEBUG, logger="emnify")
        secret = "wrong-token-do-not-print"
        async with AsyncEmnify(secret, base_url=fake.url, retry=FAST_RETRY) as client:
            with pytest.raises(AuthenticationError) as caught:
                await client.sims.statuses(refresh=True)

        text = str(caught.value)
        assert "application token" in text
        assert caught.value.status == 401
        assert secret not in text
        assert secret not in repr(caught.value)
        assert secret not in repr(client)
        assert secret not in caplog.text
        assert fake.auth_calls == 1

    async def test_lockout_is_explained(self, fake: FakeAPI, fake_client: AsyncEmnify) -> None:
        """The lock after repeated failed logins is reported as such."""
        locked = {"error_code": 1105, "error_token": "TooManyRequests", "message": "Too many"}
        fake.script("POST", "/api/v1/authenticate", json_response(locked, 401))

        with pytest.raises(AuthenticationError, match="locked"):
            await fake_client.sims.statuses(refresh=True)

    def test_password_never_in_repr(self) -> None:
        """Neither the password nor its hash shows in the client's repr."""
        client = AsyncEmnify(username="u", password="hunter2", base_url="http://127.0.0.1:1")

        text = repr(client) + repr(client._credentials)
        assert "hunter2" not in text
        assert hashlib.sha1(b"hunter2").hexdigest() not in text


AUTH_PATH = "/api/v1/authenticate"


class TestLoginWithinTheCallsBudget:
    async def test_login_outage_uses_the_calls_attempts_and_is_not_an_auth_error(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A login answered 503 is an outage: one attempt per retry of the call (not retries
        of retries), reported as InternalServerError rather than "check the token"."""
        fake.script(
            "POST",
            AUTH_PATH,
            *[json_response({"message": "Service Unavailable"}, 503) for _ in range(20)],
        )

        with pytest.raises(InternalServerError) as caught:
            await fake_client.sims.statuses(refresh=True)

        assert not isinstance(caught.value, AuthenticationError)
        assert caught.value.path == AUTH_PATH
        assert fake.calls_to("POST", AUTH_PATH) == FAST_RETRY.max_retries + 1
        assert fake.calls_to("GET", STATUS_PATH) == 0

    async def test_unreachable_api_is_one_connection_attempt_per_retry(
        self, unused_tcp_port: int
    ) -> None:
        """Against an API that refuses connections, a call with 3 retries tries 4 times."""
        counted: list[str] = []
        handler = logging.Handler()
        handler.emit = lambda record: counted.append(record.getMessage())  # type: ignore[method-assign]
        logger = logging.getLogger("emnify")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        try:
            base_url = f"http://127.0.0.1:{unused_tcp_port}"
            async with AsyncEmnify("t", base_url=base_url, retry=FAST_RETRY) as client:
                with pytest.raises(APIConnectionError) as caught:
                    await client.sims.get(1)
        finally:
            logger.removeHandler(handler)
            logger.setLevel(logging.NOTSET)

        retries = [m for m in counted if m.startswith("retrying")]
        assert retries == [m for m in retries if m.startswith("retrying GET /api/v1/sim/1")]
        assert len(retries) == FAST_RETRY.max_retries
        assert caught.value.sent is False

    async def test_blank_login_answer_is_retried(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A blank 200 from /authenticate is a garbled answer, retried, not a bad token."""
        fake.route("GET", STATUS_PATH, _statuses)
        fake.script("POST", AUTH_PATH, web.Response(status=200, body=b""))

        assert len(await fake_client.sims.statuses(refresh=True)) == 1
        assert fake.calls_to("POST", AUTH_PATH) == 2

    async def test_login_answer_without_token_is_garbled_not_refused(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A 200 without an auth_token stays a validation error after the retries."""
        fake.script("POST", AUTH_PATH, *[json_response({"hello": "world"}) for _ in range(10)])

        with pytest.raises(APIResponseValidationError):
            await fake_client.sims.statuses(refresh=True)

    async def test_deadline_covers_the_login(self, fake: FakeAPI) -> None:
        """One deadline for the whole call: a slow login leaves less time for the request."""

        async def hang(request: web.Request) -> web.Response:
            await asyncio.Event().wait()
            raise AssertionError("unreachable")

        fake.route("GET", STATUS_PATH, hang)
        fake.auth_delay = 0.6
        policy = RetryPolicy(max_retries=0, deadline=1.0)
        async with AsyncEmnify(fake.token, base_url=fake.url, retry=policy) as client:
            loop = asyncio.get_running_loop()
            started = loop.time()
            with pytest.raises(APITimeoutError):
                await client.sims.statuses(refresh=True)
            elapsed = loop.time() - started

        # Without the login counted, the call took the login (0.6 s) plus a full second.
        assert elapsed < 1.4

    async def test_post_is_retried_when_only_its_login_failed(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        """A create whose login failed was never sent, so repeating it is harmless."""

        async def create(request: web.Request) -> web.Response:
            return web.Response(status=201, headers={"Location": "/api/v1/tariff/4"})

        fake.route("POST", "/api/v1/tariff", create)
        fake.script("POST", AUTH_PATH, json_response({"message": "Bad Gateway"}, 502))

        assert await fake_client.tariffs.create(name="t", currency=1) == 4
        assert fake.calls_to("POST", "/api/v1/tariff") == 1


class TestAuthenticateNow:
    """`client.authenticate()`: log in on demand, against the emulator over HTTP."""

    async def test_checks_the_credentials_up_front_and_later_calls_use_the_token(
        self, emnify_emulator: Emulator, client: AsyncEmnify
    ) -> None:
        await client.authenticate()
        await client.sims.statuses(refresh=True)
        await client.authenticate()  # a fresh login even though the token is fresh
        await client.sims.statuses(refresh=True)

        assert [(r.method, r.path) for r in emnify_emulator.requests] == [
            ("POST", AUTH_PATH),
            ("GET", STATUS_PATH),
            ("POST", AUTH_PATH),
            ("GET", STATUS_PATH),
        ]
        tokens = [
            r.headers["Authorization"] for r in emnify_emulator.requests if r.path != AUTH_PATH
        ]
        assert tokens[0] != tokens[1]

    async def test_refused_credentials_are_an_authentication_error(
        self, emnify_emulator: Emulator
    ) -> None:
        secret = "not-a-token-of-this-emulator"
        async with AsyncEmnify(secret, base_url=emnify_emulator.base_url) as client:
            with pytest.raises(AuthenticationError) as caught:
                await client.authenticate()

        assert caught.value.status == 401
        assert secret not in str(caught.value) and secret not in repr(caught.value)

    async def test_no_credentials_send_nothing(self, emnify_emulator: Emulator) -> None:
        async with AsyncEmnify(base_url=emnify_emulator.base_url) as client:
            with pytest.raises(MissingCredentialsError):
                await client.authenticate()

        assert emnify_emulator.requests == []

    async def test_an_outage_is_retried_within_the_policy(
        self, fake: FakeAPI, fake_client: AsyncEmnify
    ) -> None:
        fake.script("POST", AUTH_PATH, json_response({"message": "down"}, 503))

        await fake_client.authenticate()
        fake.script("POST", AUTH_PATH, *[json_response({}, 503) for _ in range(9)])
        with pytest.raises(InternalServerError):  # one attempt per retry, then the outage
            await fake_client.authenticate()

        assert fake.calls_to("POST", AUTH_PATH) == 2 + FAST_RETRY.max_retries + 1
