"""``Emulator``: runs the emulator application on a local TCP port."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from types import TracebackType
from typing import Any

from aiohttp import web

from emnify_async.testing._app import create_app
from emnify_async.testing._clock import Clock
from emnify_async.testing._config import EmulatorConfig
from emnify_async.testing._faults import FAULTS, Action, ScriptedFault
from emnify_async.testing._keys import AUTH, REQUESTS, STATE
from emnify_async.testing._recording import RecordedRequest
from emnify_async.testing._state import EmulatorState


class Emulator:
    """An in-process emnify REST API server with seeded, in-memory state.

    ``Emulator(EmulatorConfig(seed=0, sims=200))`` or ``Emulator(sims=200, seed=0)``; use it as
    an async context manager (or call :meth:`start` and :meth:`close`).
    """

    def __init__(self, config: EmulatorConfig | None = None, **overrides: Any) -> None:
        base = config or EmulatorConfig()
        self.config = dataclasses.replace(base, **overrides) if overrides else base
        self.app = create_app(self.config)
        self._runner: web.AppRunner | None = None
        self._base_url: str | None = None

    @property
    def state(self) -> EmulatorState:
        """The in-memory state, for assertions (``emu.state.sim(5)``)."""
        return self.app[STATE]

    @property
    def clock(self) -> Clock:
        """The emulator's clock (``EmulatorConfig.clock``): epoch seconds of its "now"."""
        return self.config.clock

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, in arrival order."""
        return self.app[REQUESTS]

    @property
    def application_token(self) -> str:
        """A valid application token of the parent organisation."""
        return self.app[AUTH].application_token

    def application_token_for(self, org_id: int) -> str:
        """A valid application token of any seeded organisation, e.g. the enterprise ``102``.

        Requests authenticated with it act as that organisation (``my`` is ``org_id``), which
        is how tests reach the rules for enterprise callers and self-service.
        """
        org = self.state.organisations.get(org_id)
        if org is None:
            raise KeyError(f"no organisation {org_id} in the emulator")
        return self.app[AUTH].application_token_for(org.id, org.name)

    @property
    def username(self) -> str:
        """The user's name, to authenticate with `password`."""
        return self.app[AUTH].username

    @property
    def password(self) -> str:
        """The plain password (send its SHA-1 hex digest to authenticate)."""
        return self.app[AUTH].password

    @property
    def base_url(self) -> str:
        """``http://host:port`` (``https://`` with ``ssl_context``) once started."""
        if self._base_url is None:
            raise RuntimeError("Emulator is not started")
        return self._base_url

    async def start(self) -> Emulator:
        """Start serving; returns ``self``."""
        if self._runner is not None:
            return self
        runner = web.AppRunner(
            self.app, access_log=None, handle_signals=False, shutdown_timeout=0.5
        )
        await runner.setup()
        ssl_context = self.config.ssl_context
        site = web.TCPSite(runner, self.config.host, self.config.port, ssl_context=ssl_context)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        host, port = runner.addresses[0][:2]
        self._runner = runner
        scheme = "http" if ssl_context is None else "https"
        self._base_url = f"{scheme}://{_url_host(host)}:{port}"
        return self

    async def close(self) -> None:
        """Stop serving and release the port; idempotent."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self) -> Emulator:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    def inject(
        self,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        status: int = 503,
        times: int = 1,
        headers: Mapping[str, str] | None = None,
        body: bytes | str | dict[str, Any] | list[Any] | None = None,
        action: Action = "respond",
        delay: float = 0.0,
    ) -> ScriptedFault:
        """Queue a scripted fault for the next ``times`` requests matching ``method``/``path``.

        ``path`` is an exact path or a compiled regex (full match); ``None`` matches any.
        ``action``: ``"respond"`` (``status``/``headers``/``body``; a JSON value is
        serialized; no body gives the platform's usual body for the status), ``"reset"`` (drop
        the connection), ``"truncate"`` (real response cut in half), ``"slow"`` (real response
        trickled over ``delay`` seconds) or ``"delay"`` (wait ``delay`` seconds, then answer
        normally). Two actions serve the request first, so the server has acted when the answer
        goes wrong: ``"replace"`` (its answer is replaced by ``status``/``headers``/``body``, as
        a gateway that fails after forwarding) and ``"reset_after"`` (the connection is dropped
        instead of answering). ``delay`` also postpones the other actions. Faults fire in FIFO
        order, before authentication.
        """
        fault = ScriptedFault(
            method=method,
            path=path,
            action=action,
            status=status,
            times=times,
            headers=dict(headers or {}),
            body=body,
            delay=delay,
        )
        return self.app[FAULTS].add(fault)

    def revoke_tokens(self) -> None:
        """Make every auth_token issued so far fail with 401 InvalidToken."""
        self.app[AUTH].revoke_tokens()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
