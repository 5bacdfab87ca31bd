"""Proxies (explicit and from the environment) and TLS, over real loopback HTTP(S)."""

from __future__ import annotations

import logging
import ssl
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest
import trustme

from emnify_async import (
    APIConnectionError,
    AsyncEmnify,
    InputError,
    RetryPolicy,
)
from emnify_async._network import Proxy, no_proxy_matches
from emnify_async.testing import Emulator, EmulatorConfig
from emnify_sync import Emnify

from .conftest import FAST_RETRY
from .proxy_server import ProxyServer

NO_RETRY = RetryPolicy(max_retries=0, deadline=10.0)
SECRET = "s3cr3t-Pa55"  # the proxy password in these tests: it must never show


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_context(ca: trustme.CA) -> ssl.SSLContext:
    cert = ca.issue_cert("127.0.0.1", "localhost", "api.emnify.test")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    return context


@pytest.fixture
def trusting(ca: trustme.CA) -> ssl.SSLContext:
    """A client context that trusts the test CA (and only what the default trusts besides)."""
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.fixture
async def tls_emulator(server_context: ssl.SSLContext) -> AsyncIterator[Emulator]:
    async with Emulator(EmulatorConfig(seed=0, sims=20, ssl_context=server_context)) as emu:
        yield emu


@pytest.fixture
async def proxy() -> AsyncIterator[ProxyServer]:
    async with ProxyServer() as server:
        yield server


def basic(user: str, password: str) -> str:
    return aiohttp.encode_basic_auth(user, password)


def client_of(emu: Emulator, **options: object) -> AsyncEmnify:
    options.setdefault("retry", FAST_RETRY)
    return AsyncEmnify(
        emu.application_token,
        base_url=options.pop("base_url", emu.base_url),  # type: ignore[arg-type]
        rate_limits=False,
        **options,  # type: ignore[arg-type]
    )


def with_host(emu: Emulator, host: str) -> str:
    """The emulator's base URL with another name for the same loopback address."""
    port = emu.base_url.rsplit(":", 1)[1]
    return f"{emu.base_url.split('://')[0]}://{host}:{port}"


# -- explicit proxy= ----------------------------------------------------------------------------


async def test_proxy_forwards_plain_http_requests(
    emnify_emulator: Emulator, proxy: ProxyServer
) -> None:
    async with client_of(emnify_emulator, proxy=proxy.url) as client:
        sim = await client.sims.get(1)
    assert sim.id == 1
    base = emnify_emulator.base_url
    assert proxy.forwarded == [
        f"POST {base}/api/v1/authenticate",
        f"GET {base}/api/v1/sim/1",
    ]
    assert not proxy.tunnels


async def test_proxy_tunnels_https_with_connect(
    tls_emulator: Emulator, proxy: ProxyServer, trusting: ssl.SSLContext
) -> None:
    async with client_of(tls_emulator, proxy=proxy.url, ssl=trusting) as client:
        assert (await client.sims.get(1)).id == 1
        assert (await client.sims.get(2)).id == 2
    host_port = tls_emulator.base_url.split("://")[1]
    # One tunnel, reused: the proxy sees neither the paths nor the bearer token.
    assert proxy.tunnels == [host_port]
    assert not proxy.forwarded
    assert all("authorization" not in headers for headers in proxy.seen_headers)
    assert [r.path for r in tls_emulator.requests] == [
        "/api/v1/authenticate",
        "/api/v1/sim/1",
        "/api/v1/sim/2",
    ]


async def test_proxy_resolves_the_api_host_for_the_client(
    tls_emulator: Emulator, trusting: ssl.SSLContext
) -> None:
    # The client never looks up api.emnify.test: the proxy does (here, to the emulator).
    port = int(tls_emulator.base_url.rsplit(":", 1)[1])
    async with ProxyServer(upstream_port=port) as proxy:
        base = f"https://api.emnify.test:{port}"
        async with client_of(tls_emulator, base_url=base, proxy=proxy.url, ssl=trusting) as c:
            assert (await c.sims.get(3)).id == 3
    assert proxy.tunnels == [f"api.emnify.test:{port}"]


@pytest.mark.parametrize("tls", [False, True], ids=["http-forward", "https-connect"])
async def test_proxy_credentials_are_sent_to_the_proxy_only(
    tls: bool,
    emnify_emulator: Emulator,
    tls_emulator: Emulator,
    trusting: ssl.SSLContext,
) -> None:
    emu = tls_emulator if tls else emnify_emulator
    async with ProxyServer(authorization=basic("alice", SECRET)) as proxy:
        url = proxy.url.replace("http://", f"http://alice:{SECRET}@")
        async with client_of(emu, proxy=url, ssl=trusting) as client:
            assert (await client.sims.get(1)).id == 1
    assert proxy.passed >= 1
    assert not proxy.refused
    # The emulator never received the proxy's credentials.
    assert emu.requests
    assert all(k.lower() != "proxy-authorization" for r in emu.requests for k in r.headers)


async def test_a_refused_connect_is_a_connection_error_without_the_password(
    tls_emulator: Emulator, trusting: ssl.SSLContext, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with ProxyServer(authorization=basic("alice", "another")) as proxy:
        url = proxy.url.replace("http://", f"http://alice:{SECRET}@")
        async with client_of(tls_emulator, proxy=url, ssl=trusting, retry=NO_RETRY) as client:
            with pytest.raises(APIConnectionError) as info:
                await client.sims.get(1)
            shown = [repr(client), repr(client._transport.network), repr(client._transport)]
    error = info.value
    assert error.sent is False  # refused by the proxy: the API never saw it
    assert "407" in str(error)
    assert "alice:********@" in str(error)
    assert proxy.refused and not tls_emulator.requests
    assert_no_secret(error, shown, caplog)


async def test_an_unreachable_proxy_is_named_masked(
    emnify_emulator: Emulator, caplog: pytest.LogCaptureFixture, unused_tcp_port: int
) -> None:
    caplog.set_level(logging.DEBUG)
    url = f"http://bob:{SECRET}@127.0.0.1:{unused_tcp_port}"
    async with client_of(emnify_emulator, proxy=url, retry=NO_RETRY) as client:
        with pytest.raises(APIConnectionError) as info:
            await client.sims.get(1)
        shown = [repr(client), repr(client._transport.network)]
    assert (
        f"the proxy http://bob:********@127.0.0.1:{unused_tcp_port} (from the proxy argument)"
        in str(info.value)
    )
    assert info.value.sent is False
    assert_no_secret(info.value, shown, caplog)


async def test_a_token_alone_as_proxy_user_is_masked_too(emnify_emulator: Emulator) -> None:
    async with ProxyServer(authorization=basic(SECRET, "")) as proxy:
        url = proxy.url.replace("http://", f"http://{SECRET}@")
        async with client_of(emnify_emulator, proxy=url) as client:
            assert (await client.sims.get(1)).id == 1
            assert SECRET not in repr(client._transport.network)
            assert "http://********@127.0.0.1" in repr(client._transport.network.proxy)


def assert_no_secret(
    error: BaseException, shown: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    texts = [str(error), repr(error), repr(error.args), *shown]
    cause: BaseException | None = error
    while cause is not None:
        texts.append(repr(cause))
        cause = cause.__cause__ or cause.__context__
    texts += [record.getMessage() for record in caplog.records]
    texts += [str(record.args) for record in caplog.records]
    assert not [text for text in texts if SECRET in text]


@pytest.mark.parametrize(
    "value",
    [
        f"https://carol:{SECRET}@proxy.example:3128",
        f"socks5://carol:{SECRET}@proxy.example:1080",
        f"http://carol:{SECRET}@proxy.example:notaport",
        f"http://carol:{SECRET}@:3128",
        "   ",
        42,
    ],
)
def test_unusable_proxy_urls_are_refused_without_the_password(value: object) -> None:
    with pytest.raises(InputError) as info:
        AsyncEmnify("token", proxy=value)  # type: ignore[arg-type]
    assert SECRET not in str(info.value)
    assert "proxy" in str(info.value)


def test_a_proxy_without_a_scheme_is_http() -> None:
    proxy = Proxy.parse("proxy.example:3128", "proxy")
    assert str(proxy.url) == "http://proxy.example:3128"
    assert proxy.authorization is None


def test_only_the_proxy_origin_is_kept_and_shown() -> None:
    proxy = Proxy.parse(f"http://gus:{SECRET}@proxy.example:3128/path?q=1", "proxy")
    assert str(proxy.url) == "http://proxy.example:3128"
    assert repr(proxy) == "Proxy('http://gus:********@proxy.example:3128', source='proxy')"
    assert proxy.authorization == basic("gus", SECRET)


# -- the environment ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
async def test_the_environment_proxy_is_used_by_default(
    name: str, monkeypatch: pytest.MonkeyPatch, emnify_emulator: Emulator, proxy: ProxyServer
) -> None:
    monkeypatch.setenv(name, proxy.url)
    async with client_of(emnify_emulator) as client:
        await client.sims.get(1)
    assert len(proxy.forwarded) == 2


async def test_https_proxy_from_the_environment_tunnels(
    monkeypatch: pytest.MonkeyPatch,
    tls_emulator: Emulator,
    proxy: ProxyServer,
    trusting: ssl.SSLContext,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # for http:// only: unused here
    async with client_of(tls_emulator, ssl=trusting) as client:
        await client.sims.get(1)
    assert proxy.tunnels == [tls_emulator.base_url.split("://")[1]]


async def test_lower_case_variables_win(
    monkeypatch: pytest.MonkeyPatch, emnify_emulator: Emulator, proxy: ProxyServer
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("http_proxy", proxy.url)
    async with client_of(emnify_emulator) as client:
        await client.sims.get(1)
    assert proxy.forwarded


async def test_trust_env_false_ignores_the_environment(
    monkeypatch: pytest.MonkeyPatch, emnify_emulator: Emulator, proxy: ProxyServer
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("ALL_PROXY", proxy.url)
    async with client_of(emnify_emulator, trust_env=False) as client:
        await client.sims.get(1)
    assert proxy.passed == 0
    assert len(emnify_emulator.requests) == 2


async def test_a_netrc_login_for_the_api_host_is_not_applied(
    monkeypatch: pytest.MonkeyPatch, emnify_emulator: Emulator, tmp_path: Path
) -> None:
    # aiohttp's own trust_env would add it as Basic auth and then refuse the bearer token.
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login someone password elsewhere\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    async with client_of(emnify_emulator) as client:
        assert (await client.sims.get(1)).id == 1


async def test_an_explicit_proxy_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, emnify_emulator: Emulator, proxy: ProxyServer
) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("NO_PROXY", "*")  # does not apply to an explicit proxy, as in requests
    async with client_of(emnify_emulator, proxy=proxy.url) as client:
        await client.sims.get(1)
    assert len(proxy.forwarded) == 2


@pytest.mark.parametrize(
    ("no_proxy", "host"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("example.org, 127.0.0.1", "127.0.0.1"),
        ("127.0.0.0/8", "127.0.0.1"),
        ("localhost", "localhost"),
        (".localhost", "localhost"),
        ("*", "127.0.0.1"),
        ("example.org,*", "localhost"),
    ],
)
async def test_no_proxy_bypasses_the_environment_proxy(
    no_proxy: str,
    host: str,
    monkeypatch: pytest.MonkeyPatch,
    emnify_emulator: Emulator,
    proxy: ProxyServer,
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    async with client_of(emnify_emulator, base_url=with_host(emnify_emulator, host)) as client:
        await client.sims.get(1)
    assert proxy.passed == 0
    assert len(emnify_emulator.requests) == 2


@pytest.mark.parametrize("no_proxy", ["example.org", "127.0.0.2", "10.0.0.0/8", "localhost"])
async def test_no_proxy_for_other_hosts_keeps_the_proxy(
    no_proxy: str,
    monkeypatch: pytest.MonkeyPatch,
    emnify_emulator: Emulator,
    proxy: ProxyServer,
) -> None:
    # Like requests, `localhost` in NO_PROXY does not cover 127.0.0.1 (a different name).
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("no_proxy", no_proxy)
    async with client_of(emnify_emulator) as client:
        await client.sims.get(1)
    assert len(proxy.forwarded) == 2


async def test_no_proxy_bypasses_for_https_too(
    monkeypatch: pytest.MonkeyPatch,
    tls_emulator: Emulator,
    proxy: ProxyServer,
    trusting: ssl.SSLContext,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "localhost")
    base = with_host(tls_emulator, "localhost")
    async with client_of(tls_emulator, base_url=base, ssl=trusting) as client:
        await client.sims.get(1)
    assert proxy.passed == 0


async def test_environment_proxy_credentials_are_masked(
    monkeypatch: pytest.MonkeyPatch,
    emnify_emulator: Emulator,
    caplog: pytest.LogCaptureFixture,
    unused_tcp_port: int,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("HTTP_PROXY", f"dave:{SECRET}@127.0.0.1:{unused_tcp_port}")
    async with client_of(emnify_emulator, retry=NO_RETRY) as client:
        with pytest.raises(APIConnectionError) as info:
            await client.sims.get(1)
        shown = [repr(client), repr(client._transport.network)]
    assert "(from the environment variable HTTP_PROXY)" in str(info.value)
    assert "dave:********@" in str(info.value)
    assert_no_secret(info.value, shown, caplog)
    assert any("dave:********@" in r.getMessage() for r in caplog.records)


def test_an_unusable_environment_proxy_is_reported_when_the_client_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"socks5://erin:{SECRET}@127.0.0.1:1080")
    with pytest.raises(InputError) as info:
        AsyncEmnify("token")
    assert "HTTPS_PROXY" in str(info.value)
    assert SECRET not in str(info.value)
    monkeypatch.setenv("NO_PROXY", "cdn.emnify.net")  # not needed for this host: fine
    AsyncEmnify("token")


@pytest.mark.parametrize(
    ("no_proxy", "host", "port", "bypass"),
    [
        ("example.org", "example.org", 443, True),
        ("example.org", "api.example.org", 443, True),
        (".example.org", "api.example.org", 443, True),
        (".example.org", "example.org", 443, True),
        ("*.example.org", "a.b.example.org", 443, True),
        ("EXAMPLE.org", "Api.Example.ORG.", 443, True),
        ("example.org", "badexample.org", 443, False),
        ("example.org", "example.org.evil", 443, False),
        ("example.org:8443", "example.org", 8443, True),
        ("example.org:8443", "example.org", 443, False),
        ("*", "anything.at.all", 443, True),
        ("a.test *", "b.test", 443, True),
        ("a.test, *", "b.test", 443, True),
        ("a.test  b.test", "b.test", 443, True),
        ("127.0.0.1", "127.0.0.1", 80, True),
        ("127.0.0.0/8", "127.1.2.3", 80, True),
        ("10.0.0.0/8", "127.0.0.1", 80, False),
        ("::1", "::1", 80, True),
        ("[::1]", "::1", 80, True),
        ("[::1]:8080", "::1", 8080, True),
        ("::1/128", "::1", 80, True),
        ("localhost", "127.0.0.1", 80, False),
        ("127.0.0.1", "localhost", 80, False),
        ("", "example.org", 443, False),
        (" , ,", "example.org", 443, False),
    ],
)
def test_no_proxy_matching(no_proxy: str, host: str, port: int, bypass: bool) -> None:
    assert no_proxy_matches(no_proxy, host, port) is bypass


# -- TLS ----------------------------------------------------------------------------------------


async def test_ssl_context_trusting_a_private_ca(
    tls_emulator: Emulator, trusting: ssl.SSLContext
) -> None:
    async with client_of(tls_emulator, ssl=trusting) as client:
        assert (await client.sims.get(1)).id == 1


@pytest.mark.parametrize("through_proxy", [False, True], ids=["direct", "connect"])
async def test_the_default_context_refuses_a_private_ca(
    through_proxy: bool,
    tls_emulator: Emulator,
    proxy: ProxyServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    options: dict[str, object] = {"retry": NO_RETRY}
    if through_proxy:
        options["proxy"] = proxy.url.replace("http://", f"http://frank:{SECRET}@")
    async with client_of(tls_emulator, **options) as client:
        with pytest.raises(APIConnectionError) as info:
            await client.sims.get(1)
    error = info.value
    assert type(error) is APIConnectionError
    assert error.sent is False
    assert "CERTIFICATE_VERIFY_FAILED" in str(error)
    assert "ssl=ssl.create_default_context(cafile=...)" in str(error)
    assert tls_emulator.application_token not in str(error)
    assert not tls_emulator.requests
    assert_no_secret(error, [], caplog)
    assert error.__cause__ is None and error.__context__ is None


@pytest.mark.parametrize(
    "value",
    [False, "/etc/ssl/ca.pem", 0, "verify=False"],
)
def test_switching_verification_off_is_refused(value: object) -> None:
    with pytest.raises(InputError, match=r"ssl\.create_default_context\(cafile="):
        AsyncEmnify("token", ssl=value)  # type: ignore[arg-type]


def test_an_unverifying_context_is_refused() -> None:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with pytest.raises(InputError, match="CERT_NONE"):
        AsyncEmnify("token", ssl=context)


def test_trust_env_must_be_a_bool() -> None:
    with pytest.raises(InputError, match="trust_env"):
        AsyncEmnify("token", trust_env="no")  # type: ignore[arg-type]


# -- the sync facade forwards them ------------------------------------------------------------


@pytest.fixture
def threaded_tls(server_context: ssl.SSLContext) -> Iterator[Emulator]:
    from .conftest import ThreadedEmulator

    with ThreadedEmulator(EmulatorConfig(seed=0, sims=5, ssl_context=server_context)) as emu:
        yield emu


def test_sync_client_takes_the_same_network_options(
    threaded_tls: Emulator, trusting: ssl.SSLContext
) -> None:
    with Emnify(
        threaded_tls.application_token,
        base_url=threaded_tls.base_url,
        ssl=trusting,
        trust_env=False,
        rate_limits=False,
    ) as client:
        assert client.sims.get(1).id == 1


def test_the_cli_emulator_ignores_proxy_variables(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, unused_tcp_port: int
) -> None:
    from emnify_async.cli import main

    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{unused_tcp_port}")  # nobody there
    out = tmp_path / "fleet.csv"
    assert main(["--emulator", "--emulator-sims", "5", "sims", "export", "-o", str(out)]) == 0
    assert len(out.read_text().splitlines()) == 6
