"""An emulator of the emnify REST API for tests, benchmarks and demos.

>>> async with Emulator(sims=200, seed=0) as emu:  # doctest: +SKIP
...     print(emu.base_url, emu.application_token)
"""

from __future__ import annotations

from emnify_async.testing._app import create_app
from emnify_async.testing._clock import ManualClock
from emnify_async.testing._config import EmulatorConfig, Faults
from emnify_async.testing._emulator import Emulator
from emnify_async.testing._faults import ScriptedFault
from emnify_async.testing._recording import RecordedRequest
from emnify_async.testing._state import EmulatorState
from emnify_async.testing._webhooks import (
    sample_event_record,
    sample_mo_sms,
    sample_usage_record,
    sign_callback_token,
    webhook_body,
)

__all__ = [
    "Emulator",
    "EmulatorConfig",
    "EmulatorState",
    "Faults",
    "ManualClock",
    "RecordedRequest",
    "ScriptedFault",
    "create_app",
    "sample_event_record",
    "sample_mo_sms",
    "sample_usage_record",
    "sign_callback_token",
    "webhook_body",
]
