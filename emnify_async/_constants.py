"""Every default the SDK uses, in one place."""

from __future__ import annotations

DEFAULT_BASE_URL = "https://cdn.emnify.net"

ENV_APPLICATION_TOKEN = "EMNIFY_APPLICATION_TOKEN"
ENV_BASE_URL = "EMNIFY_BASE_URL"
ENV_USERNAME = "EMNIFY_USERNAME"
ENV_PASSWORD = "EMNIFY_PASSWORD"

AUTHENTICATE_PATH = "/api/v1/authenticate"

# Timeouts, in seconds. `DEFAULT_TIMEOUT` bounds one attempt; `DEFAULT_DEADLINE` bounds a
# call across all of its retries.
DEFAULT_TIMEOUT = 60.0
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_DEADLINE = 180.0

DEFAULT_MAX_RETRIES = 3
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
RETRY_JITTER = 0.5
# A Retry-After longer than this is not waited for: the error is raised with `retry_after` set.
MAX_RETRY_AFTER = 60.0

DEFAULT_MAX_CONCURRENCY = 8
# Pages of a list call fetched ahead of the consumer, once the first page gave the total.
DEFAULT_PAGE_PREFETCH = 4
KEEPALIVE_TIMEOUT = 15.0
# The largest response body read; a flood past it is cut off with ResponseTooLargeError.
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
DNS_CACHE_TTL = 300

# Renew the auth token this many seconds before its `exp`.
TOKEN_RENEW_MARGIN = 60.0
# Lifetime assumed for a token whose `exp` cannot be read (emnify documents 240 minutes).
FALLBACK_TOKEN_LIFETIME = 240 * 60.0

SIM_MAX_PER_PAGE = 2500
ENDPOINT_MAX_PER_PAGE = 1000
EVENT_MAX_PER_PAGE = 1000
# Not documented; the emulator clamps to it, as it does endpoints (GET /api/v1/user).
USER_MAX_PER_PAGE = 1000
# Documented only by the newer docs (docs.emnify.com): eUICC lists take 1-1000 per page (100 by
# default); for SIM operations only the default (100) is documented, the same maximum assumed.
EUICC_MAX_PER_PAGE = 1000
SIM_OPERATION_MAX_PER_PAGE = 1000
# Bulk requests (newer docs): up to 2000 endpoints created per request, 500 SIMs migrated.
ENDPOINT_BULK_CREATE_MAX = 2000
SIM_MIGRATION_MAX = 500
