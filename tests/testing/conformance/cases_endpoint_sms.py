"""SMS of an endpoint: list, send, details, cancel (``_routes/endpoint_sms.py``)."""

from __future__ import annotations

import aiohttp

from emnify_async.testing import Emulator
from tests.testing.conformance.harness import Deviation, Exchange, call, case
from tests.testing.conformance.recorded import Twin
from tests.testing.conformance.seeded import endpoint

ENDPOINT = "/api/v1/endpoint/{endpoint_id}"

# The recorded SMS record (recorded_examples.md, GET /api/v1/endpoint/{id}/sms) sends dcs and
# pid as strings and several fields as null, where S1 types integers and non-null strings.
SMS_RECORD_DEVIATIONS = (
    *(
        Deviation(
            "response",
            f"body*.{key}",
            "type",
            'S1 types dcs and pid as integers; emnify\'s recorded SMS sends "dcs": "0", '
            '"pid": "0" (recorded_examples.md, GET /api/v1/endpoint/{id}/sms).',
        )
        for key in ("dcs", "pid")
    ),
    *(
        Deviation(
            "response",
            f"body*.{key}",
            "type",
            "S1 types gsm_map_error and msc as non-null strings; the recorded SMS sends null",
        )
        for key in ("gsm_map_error", "msc")
    ),
    Deviation(
        "response",
        "body*.final_date",
        "type",
        "S1 types final_date as a non-null string; the emulator sends null until the SMS is "
        "final (delivered, expired or canceled: a choice, docs/emulator.md)",
    ),
)
SMS_OPTIONAL = {"body*.final_date": "null until the SMS is final (a choice, docs/emulator.md)"}
TWINS = [
    Twin(
        ("GET", ENDPOINT + "/sms", "[*]"),
        ("GET", ENDPOINT + "/sms/{sms_id}", ""),
        "the SMS of GET .../sms/{sms_id} is an item of the list (one SMS record)",
    )
]
SUPERSEDED = {
    "spec:EndpointSmsByEndpointIdAndSmsIdGet 200": "S1's example of one SMS writes dcs, pid, "
    "retry_count, sim_id and source_address as numbers and lacks half the fields of emnify's "
    "recorded SMS record (recorded_examples.md), which is the same object",
}


async def _sent_sms(emu: Emulator, s: aiohttp.ClientSession, t: str) -> tuple[int, int]:
    """An SMS just sent to an unregistered endpoint (so it stays BUFFERED)."""
    endpoint_id = endpoint(emu, status="OFFLINE", complete=False)
    body = {"source_address": "ACME", "payload": "ping"}
    path = ENDPOINT.format(endpoint_id=endpoint_id) + "/sms"
    async with s.post(path, json=body, headers={"Authorization": f"Bearer {t}"}) as resp:
        assert resp.status == 201
        return endpoint_id, int(resp.headers["Location"].rsplit("/", 1)[1])


async def _sms_exchange(emu: Emulator, s: aiohttp.ClientSession, t: str, method: str) -> Exchange:
    endpoint_id, sms_id = await _sent_sms(emu, s, t)
    params = {"endpoint_id": endpoint_id, "sms_id": sms_id}
    return await call(s, method, ENDPOINT + "/sms/{sms_id}", params, token=t)


CASES = [
    case(
        "send sms 201",
        lambda emu, s, t: call(
            s,
            "POST",
            ENDPOINT + "/sms",
            {"endpoint_id": endpoint(emu, complete=False)},
            json={"source_address": "12345689", "payload": "This is the message text"},
            token=t,
        ),
    ),
    case(
        "list sms 200",
        lambda emu, s, t: call(
            s, "GET", ENDPOINT + "/sms", {"endpoint_id": endpoint(emu, complete=False)}, token=t
        ),
        *SMS_RECORD_DEVIATIONS,
        Deviation(
            "response",
            "body[*].retry_date",
            "type",
            "S1 types retry_date as a non-null string; the emulator sends null for an SMS "
            "that is not retried (a choice, docs/emulator.md)",
        ),
        optional=SMS_OPTIONAL,
    ),
    case(
        "sms details 200",
        lambda emu, s, t: _sms_exchange(emu, s, t, "GET"),
        *SMS_RECORD_DEVIATIONS,
        optional=SMS_OPTIONAL,
    ),
    case("cancel sms 200", lambda emu, s, t: _sms_exchange(emu, s, t, "DELETE")),
]
