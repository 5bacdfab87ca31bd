"""What emnify pushes, for testing your receiver: sample records and signed callback tokens.

The records are shaped like emnify's documented examples (an event of ``GET /api/v1/event``,
a usage record of the Data Streamer, the MO SMS of an API callback); the token is a JWT
signed with an API secret, as emnify signs callback requests (its algorithm is not
documented: HS256 by default, HS384 and HS512 on request; ``"none"`` makes the unsigned token
an attacker would send).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

__all__ = [
    "sample_event_record",
    "sample_mo_sms",
    "sample_usage_record",
    "sign_callback_token",
    "webhook_body",
]

_HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


def sample_event_record(record_id: int = 123456, *, alert: bool = True) -> dict[str, Any]:
    """An event record of an event stream (the object of ``GET /api/v1/event``)."""
    return {
        "id": record_id,
        "alert": alert,
        "description": "PDP Context deleted.",
        "timestamp": "2020-07-20T14:19:29.000+0000",
        "event_type": {"id": 5, "description": "Delete PDP Context"},
        "event_source": {"id": 0, "description": "Network"},
        "event_severity": {"id": 0, "description": "Info"},
        "organisation": {"id": 1234, "name": "Your Organisation"},
        "endpoint": {"id": 123456, "name": "device-1", "tags": None, "ip_address": "10.0.0.1"},
        "sim": {"id": 1234, "iccid": "8988303000000001234"},
        "imsi": {"id": 77, "imsi": "295050901064821"},
        "detail": {"volume": {"rx": 0.172848, "tx": 0.047085, "total": 0.219933}},
    }


def sample_usage_record(record_id: int = 333333333333333, *, sms: bool = False) -> dict[str, Any]:
    """A usage record of a usage stream: data (MB, traffic type 5) or one SMS (6)."""
    volume = (
        {"total": 1, "rx": 0, "tx": 1}
        if sms
        else {"total": 0.219933, "rx": 0.172848, "tx": 0.047085}
    )
    return {
        "id": record_id,
        "cost": 0.01 if sms else 0.00188512,
        "currency": {"id": 1, "code": "EUR", "symbol": "€"},
        "traffic_type": {"id": 6, "description": "SMS"}
        if sms
        else {"id": 5, "description": "Data"},
        "volume": volume,
        "start_timestamp": "2022-04-26T11:53:43Z",
        "end_timestamp": "2022-04-26T11:54:28.260Z",
        "imsi": "295050901064821",
        "imsi_id": 77,
        "organisation": {"id": 1234, "name": "Your Organisation"},
        "endpoint": {"id": 123456789, "name": "device-1", "ip_address": "10.0.0.1"},
        "sim": {"id": 3324192, "iccid": "8988303000000001234", "msisdn": "423663920000001"},
        "operator": {
            "id": 5,
            "name": "Telefonica O2",
            "mnc": "07",
            "country": {"id": 74, "mcc": "262", "name": "Germany"},
        },
        "tariff": {"id": 398, "name": "Europe", "ratezone": {"id": 2067, "name": "EU"}},
    }


def sample_mo_sms(sms_id: int = 123, payload: str = "This is the message text") -> dict[str, Any]:
    """The MO SMS emnify posts to an API callback URL (its documented example)."""
    return {
        "id": sms_id,
        "endpoint": {"id": 1, "name": "Your Endpoint"},
        "organisation": {"id": 4, "name": "Your Organisation Name"},
        "source_address": 432311234,
        "dest_address": 12345678,
        "payload": payload,
        "dcs": 0,
        "pid": 0,
        "submit_date": "2019-10-11T08:54:20.000Z",
    }


def webhook_body(*records: dict[str, Any]) -> bytes:
    """A webhook request body as emnify sends it: one record alone as an object (a stream of
    ``size`` 1), several as an array."""
    data: Any = records[0] if len(records) == 1 else list(records)
    return json.dumps(data).encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign_callback_token(
    secret: str | bytes,
    claims: dict[str, Any] | None = None,
    *,
    algorithm: str = "HS256",
    issued_at: float | None = None,
    expires_in: float | None = 300.0,
) -> str:
    """A JWT like the one emnify puts in a callback's ``Authorization: Bearer`` header.

    Args:
        secret: The API secret to sign with.
        claims: Claims to add (``iat`` and ``exp`` are set from `issued_at` and `expires_in`).
        algorithm: ``HS256``, ``HS384``, ``HS512``, or ``none`` for an unsigned token.
        issued_at: ``iat`` (epoch seconds); now by default.
        expires_in: Seconds from `issued_at` to ``exp``; None for no ``exp``.
    """
    now = time.time() if issued_at is None else issued_at
    payload: dict[str, Any] = {"iat": int(now)}
    if expires_in is not None:
        payload["exp"] = int(now + expires_in)
    payload.update(claims or {})
    header = {"alg": algorithm, "typ": "JWT"}
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(payload).encode())}"
    if algorithm == "none":
        return f"{signing_input}."
    digest = _HASHES[algorithm]
    key = secret.encode() if isinstance(secret, str) else secret
    signature = hmac.new(key, signing_input.encode(), digest).digest()
    return f"{signing_input}.{_b64(signature)}"
