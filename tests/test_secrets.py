"""No secret is reachable from anything the SDK shows: logs, reprs, errors and their chains.

Every error path runs with DEBUG logging on the `emnify`, `aiohttp` and `asyncio` loggers (and
asyncio's debug mode). Then logs, `str`/`repr` of clients and models, and every exception
(`str`, `repr`, `args`, the whole cause/context chain, nested errors, formatted tracebacks)
are searched for the application token, the password, its SHA-1, every JWT issued (application
and support tokens included), the refresh token, every API callback secret sent and the callback
tokens signed with them; in the user area also for the passwords a user is activated with or
changes to (and their SHA-1), activation keys and MFA seeds.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import time
import traceback
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

import emnify_sync
from emnify_async import AsyncEmnify, EmnifyError, RetryPolicy, Secret, SimStatusId
from emnify_async.testing import Emulator, EmulatorConfig, _totp, sign_callback_token
from emnify_async.testing._faults import FAULTS
from emnify_async.testing._keys import AUTH
from emnify_async.webhooks import verify_callback_token

from .conftest import ThreadedEmulator
from .fakes import make_jwt

QUICK = RetryPolicy(max_retries=1, initial_delay=0.0, max_delay=0.0, jitter=0.0, deadline=10.0)
LOGGERS = ("emnify", "aiohttp", "asyncio")


class Capture(logging.Handler):
    """Keeps every record, formatted with its exception, of the loggers under test."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def logs() -> Iterator[Capture]:
    capture = Capture()
    previous = {}
    for name in LOGGERS:
        logger = logging.getLogger(name)
        previous[name] = logger.level
        logger.addHandler(capture)
        logger.setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        for name in LOGGERS:
            logger = logging.getLogger(name)
            logger.removeHandler(capture)
            logger.setLevel(previous[name])


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, its causes and contexts, and errors nested in its attributes."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)
        todo.extend(v for v in vars(current).values() if isinstance(v, BaseException))


def _exposed(exc: BaseException) -> str:
    parts = ["".join(traceback.format_exception(exc))]
    for link in _chain(exc):
        parts += [str(link), repr(link), repr(link.args), repr(vars(link))]
    return "\n".join(parts)


class Secrets:
    def __init__(self, emulator: Emulator | None = None) -> None:
        self.values: set[str] = set()
        self.shown: list[str] = []
        """Reprs and strs of what the scenario got back (models, clients)."""
        if emulator is not None:
            self.values |= {
                emulator.application_token,
                emulator.password,
                hashlib.sha1(emulator.password.encode()).hexdigest(),
            }
            self._record_minted(emulator)

    def _record_minted(self, emulator: Emulator) -> None:
        """Every JWT the emulator signs is a secret, also those whose answer was lost."""
        authenticator = emulator.app[AUTH]
        mint = authenticator._mint

        def recording(*args: Any, **kwargs: Any) -> str:
            token = mint(*args, **kwargs)
            self.values.add(token)
            return token

        authenticator._mint = recording  # type: ignore[method-assign]

    def password(self, plain: str) -> str:
        """`plain` and the SHA-1 the SDK sends for it are secrets."""
        self.values |= {plain, hashlib.sha1(plain.encode()).hexdigest()}
        return plain

    def show(self, *objects: object) -> None:
        self.shown += [f"{obj!r} {obj!s}" for obj in objects]

    def learn(self, client: AsyncEmnify, emulator: Emulator | None = None) -> None:
        """Add the tokens the client holds, every bearer token the emulator saw and every API
        secret sent to it (also those whose answer was lost)."""
        auth = client._transport._auth
        self.values |= {t for t in (auth._token, auth._refresh_token) if t}
        if emulator is not None:
            for request in emulator.requests:
                header = request.headers.get("Authorization", "")
                if header.startswith("Bearer "):
                    self.values.add(header.removeprefix("Bearer "))
                if request.path == "/api/v1/api_secret" and request.body:
                    self.values.add(json.loads(request.body)["secret"])

    def assert_absent(self, text: str, where: str) -> None:
        for secret in self.values:
            assert secret not in text, f"a secret ({secret[:6]}...) appears in {where}"
            # Part of a JWT would be enough to replay a token's payload.
            for segment in secret.split(".") if secret.count(".") == 2 else ():
                assert len(segment) < 16 or segment not in text, f"a JWT part is in {where}"


async def _raised(call: Awaitable[Any]) -> BaseException:
    try:
        await call
    except EmnifyError as exc:
        return exc
    raise AssertionError("the call did not fail")


def _client(emulator: Emulator, **kwargs: Any) -> AsyncEmnify:
    options: dict[str, Any] = {"base_url": emulator.base_url, "retry": QUICK, "timeout": 2.0}
    if "username" not in kwargs:
        options["application_token"] = emulator.application_token
    return AsyncEmnify(**{**options, **kwargs})


Scenario = Callable[[Emulator, Secrets], Awaitable[list[BaseException]]]


async def app_token_errors(emu: Emulator, secrets: Secrets) -> list[BaseException]:
    errors: list[BaseException] = []
    async with _client(emu) as client:
        errors.append(await _raised(client.sims.get(987_654)))  # 404
        emu.revoke_tokens()
        await client.sims.get(1)  # renewed after a 401
        emu.inject("GET", "/api/v1/sim/2", action="reset", times=5)
        errors.append(await _raised(client.sims.get(2)))
        emu.inject("GET", "/api/v1/sim/3", action="truncate", times=5)
        errors.append(await _raised(client.sims.get(3)))
        emu.inject("GET", "/api/v1/sim/4", status=503, times=5)
        errors.append(await _raised(client.sims.get(4)))
        emu.inject("GET", "/api/v1/sim/5", status=302, headers={"Location": "/x"}, times=5)
        errors.append(await _raised(client.sims.get(5)))
        emu.inject("GET", "/api/v1/sim/6", status=200, body={"id": {"a": 1}}, times=5)
        errors.append(await _raised(client.sims.get(6)))
        ids = [i for i in emu.state.sim_ids()[:20] if emu.state.sim(i)["status"]["id"] == 1]  # type: ignore[index]
        emu.inject("PATCH", f"/api/v1/sim/{ids[0]}", status=502, action="replace", times=5)
        emu.inject("GET", f"/api/v1/sim/{ids[0]}", status=503, times=5)
        result = await client.sims.bulk_update(ids[:1], status=SimStatusId.SUSPENDED)
        errors += [item.error for item in result.items if item.error is not None]
        secrets.learn(client, emu)
    async with _client(emu, timeout=0.2) as client:
        emu.inject("GET", "/api/v1/sim/7", action="delay", delay=1.0, times=5)
        errors.append(await _raised(client.sims.get(7)))
        secrets.learn(client, emu)
    return errors


def _quoting(sent: str) -> dict[str, Any]:
    """An error body repeating a value of the request."""
    return {
        "error_code": 1400,
        "error_token": "InputValidationFailed",
        "message": f"refused {sent!r}",
        "errors": [{"error_code": 1403, "error_token": "InvalidFormat", "message": sent}],
    }


async def login_errors(emu: Emulator, secrets: Secrets) -> list[BaseException]:
    errors: list[BaseException] = []
    async with _client(emu, application_token="not-the-token") as client:
        errors.append(await _raised(client.sims.get(1)))  # refused login
    async with _client(emu) as client:
        emu.inject("POST", "/api/v1/authenticate", status=200, body=b"", times=5)
        errors.append(await _raised(client.sims.get(1)))  # blank login answer
    async with _client(emu) as client:
        emu.inject("POST", "/api/v1/authenticate", action="truncate", times=5)
        errors.append(await _raised(client.sims.get(1)))  # half a JWT, then a reset
    async with _client(emu) as client:
        emu.inject("POST", "/api/v1/authenticate", status=503, times=5)
        errors.append(await _raised(client.sims.get(1)))  # login outage
    async with _client(emu) as client:
        # A refusal that quotes what was sent (no such answer is recorded; it must not matter).
        emu.inject("POST", "/api/v1/authenticate", status=401, body=_quoting(emu.application_token))
        errors.append(await _raised(client.sims.get(1)))
        secrets.learn(client, emu)
    return errors


async def user_errors(emu: Emulator, secrets: Secrets) -> list[BaseException]:
    errors: list[BaseException] = []
    async with _client(emu, username=emu.username, password=emu.password) as client:
        await client.sims.get(1)
        secrets.learn(client, emu)
        emu.revoke_tokens()
        await client.sims.get(1)  # renewed with the refresh token
        errors.append(await _raised(client.sims.get(987_654)))
        secrets.learn(client, emu)
    for _ in range(4):  # the fourth attempt meets the lockout
        async with _client(emu, username=emu.username, password="wrong") as client:
            errors.append(await _raised(client.sims.get(1)))
    return errors


async def _garbled(emu: Emulator, path: str, body: Any, call: Awaitable[Any]) -> Any:
    """The error of `call` (a POST, not repeated) when it answers 200 with `body`, which is not
    the documented shape."""
    emu.inject("POST", path, status=200, body=body, times=1)
    return await _raised(call)


async def user_area_errors(emu: Emulator, secrets: Secrets) -> list[BaseException]:
    """Application and support tokens, passwords, activation keys and MFA seeds, on the way in
    (requests) and out (answers), through refusals, outages, lost and garbled answers."""
    errors: list[BaseException] = []
    leaked = "a-secret-the-server-garbled-1234567"
    secrets.values.add(leaked)
    tokens = "/api/v1/application_token"
    async with _client(emu) as client:
        created = await client.application_tokens.create(description="ci")
        secrets.show(created, created.application_token)
        # Each fault fires once: a POST that was sent is not repeated.
        emu.inject("POST", tokens, status=503, times=1)
        errors.append(await _raised(client.application_tokens.create()))
        emu.inject("POST", tokens, status=502, action="replace", times=1)  # minted, then lost
        errors.append(await _raised(client.application_tokens.create()))
        call = client.application_tokens.create()
        errors.append(await _garbled(emu, tokens, {"application_token": {"t": leaked}}, call))
        emu.inject("POST", tokens, status=422, body={"error_code": 1403, "token": leaked}, times=1)
        errors.append(await _raised(client.application_tokens.create()))

        support = await client.users.create_support_token(4721, role=3)
        secrets.show(support)
        errors.append(await _raised(client.users.create_support_token(4713)))  # not active
        call = client.users.create_support_token(4721)
        path = "/api/v2/user/4721/support_token"
        errors.append(await _garbled(emu, path, {"support_token": [leaked]}, call))

        user_id = await client.users.create(username="secret.keeper@example.org", name="K")
        key = emu.state.users.activation_key(user_id)
        assert key is not None
        secrets.values.add(key)
        password = secrets.password("activation-password-8h3k2")
        errors.append(
            await _raised(client.users.activate(activation_key=key + "0", password=password))
        )
        errors.append(
            await _raised(client.users.activate(activation_key=key, password=[password]))  # type: ignore[arg-type]
        )
        await client.users.activate(activation_key=Secret(key), password=password)
        secrets.learn(client, emu)

    async with _client(emu, username="secret.keeper@example.org", password=password) as user:
        mfa = await user.users.mfa.create_key(password=password)
        assert mfa.secret_key is not None and mfa.id is not None
        secrets.values.add(mfa.secret_key.get_secret_value())
        secrets.show(mfa, user.users.mfa, user)
        code = _totp.code(mfa.secret_key.get_secret_value(), emu.clock())
        wrong = f"{(int(code) + 1) % 10**6:06d}"
        errors.append(await _raised(user.users.mfa.activate_key(mfa.id, code=wrong)))
        garbled = {"id": 9, "secret_key": {"seed": leaked}, "otpauth": leaked}
        mfa_call = user.users.mfa.create_key(password=password)
        errors.append(await _garbled(emu, "/api/v1/user/mfa", garbled, mfa_call))
        wrong_password = secrets.password("not-the-password-5f1d")
        errors.append(await _raised(user.users.mfa.create_key(password=wrong_password)))

        new = secrets.password("the-new-password-9c4e")
        errors.append(
            await _raised(user.users.change_password(old_password=wrong_password, new_password=new))
        )
        emu.inject("PATCH", "/api/v1/user/password", status=503, times=1)
        errors.append(
            await _raised(user.users.change_password(old_password=password, new_password=new))
        )
        await user.users.change_password(old_password=password, new_password=new)
        secrets.show(user, user._transport._auth, user._credentials)
        secrets.learn(user, emu)
    assert not emu.app[FAULTS].scripted, "a fault did not fire where it was meant to"
    return errors


async def workspace_errors(emu: Emulator, secrets: Secrets) -> list[BaseException]:
    """Workspace tokens, invitation keys and passwords (newer docs), through refusals, lost,
    garbled and echoing answers."""
    errors: list[BaseException] = []
    leaked = "a-workspace-secret-the-server-garbled-42"
    secrets.values.add(leaked)
    switch, accept = "/api/v1/authenticate/workspace", "/api/v2/user/activation"
    async with _client(emu, username=emu.username, password=emu.password) as user:
        token = await user.workspaces.authenticate(102)
        secrets.show(token, token.auth_token)
        errors.append(await _raised(user.workspaces.authenticate(999)))  # not assigned
        # Garbled on each attempt (a malformed answer of a safe call is asked again).
        garbled = {"auth_token": {"jwt": leaked}}
        emu.inject("POST", switch, status=200, body=garbled, times=2)
        errors.append(await _raised(user.workspaces.authenticate(102)))
        # Minted, then lost, on each attempt (the call is repeated: it changes nothing).
        emu.inject("POST", switch, status=502, action="replace", times=2)
        errors.append(await _raised(user.workspaces.authenticate(102)))

        invited = await user.users.invite(username="invitee@example.org", name="Ivy")
        key = emu.state.users.activation_key(invited.id)
        assert key is not None
        secrets.values.add(key)
        password = secrets.password("invited-password-7a1c")
        sent = hashlib.sha1(password.encode()).hexdigest()  # what the server gets
        echo = {"error_code": 1104, "message": f"key {key} with {sent} refused"}
        emu.inject("POST", accept, status=403, body=echo, times=1)
        errors.append(
            await _raised(user.users.accept_invitation(activation_key=key, password=password))
        )
        wrong = user.users.accept_invitation(activation_key=key + "0", password=password)
        errors.append(await _raised(wrong))
        emu.inject("POST", accept, status=503, times=1)
        errors.append(
            await _raised(user.users.accept_invitation(activation_key=key, password=password))
        )
        await user.users.accept_invitation(activation_key=Secret(key), password=password)
        secrets.learn(user, emu)
    assert not emu.app[FAULTS].scripted, "a fault did not fire where it was meant to"
    return errors


async def _serve_malformed(jwt: str) -> asyncio.Server:
    """Logs in fine, then answers every call with a header aiohttp cannot parse, so aiohttp
    raises its ClientResponseError, which holds the request headers (the bearer token)."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = (await reader.readuntil(b"\r\n\r\n")).decode()
                target = head.split(" ", 2)[1]
                found = re.search(r"(?i)content-length:\s*(\d+)", head)
                if found:
                    await reader.readexactly(int(found.group(1)))
                if target.startswith("/api/v1/authenticate"):
                    body = json.dumps({"auth_token": jwt}).encode()
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
                    )
                else:
                    writer.write(b"HTTP/1.1 200 OK\r\nBroken Header Without Colon\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


async def malformed_response(emu: Emulator, secrets: Secrets) -> list[BaseException]:
    jwt = make_jwt(time.time() + 3600, org="secret-org")
    secrets.values.add(jwt)
    server = await _serve_malformed(jwt)
    port = server.sockets[0].getsockname()[1]
    try:
        base_url = f"http://127.0.0.1:{port}"
        async with AsyncEmnify("raw-app-token", base_url=base_url, retry=QUICK) as client:
            secrets.values.add("raw-app-token")
            return [await _raised(client.sims.get(1))]
    finally:
        server.close()
        await server.wait_closed()


async def api_secret_errors(emu: Emulator, secrets: Secrets) -> list[BaseException]:
    """Creating callback secrets fails in every way; verifying callbacks with one fails too."""
    errors: list[BaseException] = []
    given = "callback-secret-" + "q" * 48
    async with _client(emu, max_retries=0) as client:  # one attempt: one fault each
        emu.inject("POST", "/api/v1/api_secret", status=503)
        errors.append(await _raised(client.api_secrets.create(secret=given)))
        emu.inject("POST", "/api/v1/api_secret", action="reset")
        errors.append(await _raised(client.api_secrets.create(purpose="generated")))
        emu.inject("POST", "/api/v1/api_secret", status=201, body=b"")  # no Location
        errors.append(await _raised(client.api_secrets.create(purpose="lost")))
        emu.inject("POST", "/api/v1/api_secret", status=422, action="replace")
        errors.append(await _raised(client.api_secrets.create(purpose="refused")))
        emu.inject("POST", "/api/v1/api_secret", status=422, body=_quoting(given))
        errors.append(await _raised(client.api_secrets.create(secret=given)))
        secrets.values.add(given)
        created = await client.api_secrets.create(purpose="kept")
        secrets.learn(client, emu)
    key = created.secret
    for token in (
        sign_callback_token("not-" + key.get_secret_value()),
        sign_callback_token(key.get_secret_value(), algorithm="none"),
        sign_callback_token(key.get_secret_value(), issued_at=1.0),  # expired long ago
        sign_callback_token(key.get_secret_value())[:-4],  # a forged signature
    ):
        secrets.values.add(token)
        try:
            verify_callback_token(f"Bearer {token}", key)
        except EmnifyError as exc:
            errors.append(exc)
    logging.getLogger("emnify").debug("created %r, %s", created, created.secret)
    return errors


SCENARIOS: list[Any] = [
    pytest.param(app_token_errors, id="app-token"),
    pytest.param(login_errors, id="login"),
    pytest.param(user_errors, id="user"),
    pytest.param(malformed_response, id="aiohttp-error-with-headers"),
    pytest.param(api_secret_errors, id="api-secrets"),
    pytest.param(user_area_errors, id="user-area"),
    pytest.param(workspace_errors, id="workspaces"),
]


@pytest.mark.parametrize("scenario", SCENARIOS)
async def test_no_secret_in_errors_logs_or_reprs(
    scenario: Scenario, logs: Capture, emnify_emulator_factory: Any
) -> None:
    """Run the error paths, then search everything a user or a log could see."""
    asyncio.get_running_loop().set_debug(True)
    emu: Emulator = await emnify_emulator_factory(sims=50, lockout_seconds=60.0)
    secrets = Secrets(emu)

    errors = await scenario(emu, secrets)

    assert errors, "the scenario raised nothing to inspect"
    assert len(secrets.values) > 3
    for error in errors:
        secrets.assert_absent(_exposed(error), f"{type(error).__name__}: {error}")
    secrets.assert_absent("\n".join(secrets.shown), "a repr")
    secrets.assert_absent("\n".join(logs.lines), "the logs")
    assert any(line.startswith("emnify DEBUG") for line in logs.lines)


async def test_no_secret_in_reprs_of_clients_and_credentials(
    emnify_emulator: Emulator,
) -> None:
    """Clients, their transport, credentials and authenticator show no secret, before and
    after logging in, in either credential mode."""
    secrets = Secrets(emnify_emulator)
    for kwargs in (
        {},
        {"username": emnify_emulator.username, "password": emnify_emulator.password},
    ):
        async with _client(emnify_emulator, **kwargs) as client:
            shown = [client, client._transport, client._credentials, client._transport._auth]
            before = "\n".join(f"{obj!r} {obj!s}" for obj in shown)
            sim = await client.sims.get(1)
            secrets.learn(client, emnify_emulator)
            after = "\n".join(f"{obj!r} {obj!s}" for obj in [*shown, sim])
        secrets.assert_absent(before + after, "a repr")


async def test_no_api_secret_in_reprs_of_created_secrets(emnify_emulator: Emulator) -> None:
    """A created API secret shows masked in its model, its value's repr and str, and the
    models of the secret the API lists."""
    secrets = Secrets(emnify_emulator)
    async with _client(emnify_emulator) as client:
        created = await client.api_secrets.create(purpose="shown")
        given = await client.api_secrets.create(secret="my-own-secret-" + "w" * 50)
        listed = await client.api_secrets.list()
        secrets.learn(client, emnify_emulator)
    shown = [created, created.secret, given, given.secret, listed]

    assert created.secret.get_secret_value() in secrets.values
    secrets.assert_absent("\n".join(f"{obj!r} {obj!s} {obj}" for obj in shown), "a repr")


def test_no_secret_in_sync_errors_and_reprs(logs: Capture) -> None:
    """The sync facade raises the same sanitised errors and shows no secret either."""
    with ThreadedEmulator(EmulatorConfig(sims=20)) as emu:
        secrets = Secrets(emu)
        client = emnify_sync.Emnify(emu.application_token, base_url=emu.base_url, retry=QUICK)
        with client:
            emu.inject("GET", "/api/v1/sim/2", action="reset", times=5)
            with pytest.raises(EmnifyError) as caught:
                client.sims.get(2)
            with pytest.raises(EmnifyError) as missing:
                client.sims.get(987_654)
            secrets.learn(client._handle.client, emu)
            shown = f"{client!r} {client!s} {client.sims.get(1)!r}"

    secrets.assert_absent(_exposed(caught.value) + _exposed(missing.value), "a sync error")
    secrets.assert_absent(shown, "a sync repr")
    secrets.assert_absent("\n".join(logs.lines), "the logs")
