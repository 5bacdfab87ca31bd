"""Typed keys for values stored on the application and on requests."""

from __future__ import annotations

from aiohttp import web

from emnify_async.testing._auth import Authenticator, Principal
from emnify_async.testing._config import EmulatorConfig
from emnify_async.testing._ratelimit import RateLimiter
from emnify_async.testing._recording import RecordedRequest
from emnify_async.testing._state import EmulatorState

CONFIG = web.AppKey("emnify_config", EmulatorConfig)
STATE = web.AppKey("emnify_state", EmulatorState)
AUTH = web.AppKey("emnify_auth", Authenticator)
RATE_LIMITER = web.AppKey[RateLimiter | None]("emnify_rate_limiter")
REQUESTS = web.AppKey[list[RecordedRequest]]("emnify_requests")

PRINCIPAL = web.RequestKey("emnify_principal", Principal)
REQUEST_ID = web.RequestKey("emnify_request_id", str)
