"""SMS of endpoints: a seeded history and sent messages whose status follows the clock.

An MT SMS sent to a registered endpoint (ATTACHED or ONLINE) is BUFFERED for
``DELIVERY_SECONDS`` and then DELIVERED; sent to an unregistered one it stays BUFFERED, retried
every ``RETRY_SECONDS``, until its ``expiry_date`` and is then EXPIRED. A BUFFERED SMS can be
canceled (CANCELED). Records are shaped like emnify's recorded answers: most numbers are
strings and timestamps end in ``+0000``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import (
    ESME_REST_API,
    SMS_BUFFERED,
    SMS_CANCELED,
    SMS_DELIVERED,
    SMS_EXPIRED,
    SMS_MO,
    SMS_MT,
    SMS_STATUSES,
    SMS_TYPES,
    SOURCE_ADDRESS_TYPES,
    JsonObj,
)
from emnify_async.testing._clock import Clock
from emnify_async.testing._stores.connectivity import OFFLINE, Connectivity
from emnify_async.testing._stores.endpoints import EndpointStore

DELIVERY_SECONDS = 5
RETRY_SECONDS = 600
VALIDITY_SECONDS = 86400
"""How long an SMS is kept for delivery when no ``expiry_date`` is given."""
SEEDED_PER_ENDPOINT = 4  # id space per seeded endpoint: ids endpoint_id * 4 + k
# dlr_status_id per status; emnify sends "4" for an EXPIRED SMS, the others are a choice.
_DLR_STATUS = {SMS_BUFFERED: "1", SMS_DELIVERED: "2", SMS_EXPIRED: "4", SMS_CANCELED: "5"}
_MO_PAYLOADS = ("temp=21.4", "battery=87", "door=closed", "gps=52.52,13.40")


@dataclass
class Sms:
    id: int
    endpoint_id: int
    org_id: int
    sim_id: int | None
    kind: int
    """``SMS_MT`` (sent to the device) or ``SMS_MO`` (sent by it)."""
    payload: str
    source_address: str
    source_address_type: int
    submit_ts: int
    expiry_ts: int
    deliver_ts: int | None
    """When it is (or was) delivered; ``None`` if it never will be."""
    udh: str = ""
    dcs: int = 0
    canceled_ts: int | None = None


class SmsStore:
    """Per-endpoint SMS: derived history of seeded endpoints plus stored ones."""

    def __init__(
        self,
        seed: int,
        endpoints: EndpointStore,
        connectivity: Connectivity,
        clock: Clock,
        on_change: Callable[[], None],
    ) -> None:
        self.seed = seed
        self.endpoints = endpoints
        self.connectivity = connectivity
        self._clock = clock
        self._on_change = on_change
        self._sent: dict[int, list[Sms]] = {}
        self._next_id = (endpoints.records.seeded + 1) * SEEDED_PER_ENDPOINT

    # --- reads ------------------------------------------------------------------------------

    def of_endpoint(self, endpoint_id: int) -> list[Sms]:
        """The endpoint's SMS, oldest first."""
        return self._history(endpoint_id) + self._sent.get(endpoint_id, [])

    def get(self, endpoint_id: int, sms_id: int) -> Sms | None:
        return next((sms for sms in self.of_endpoint(endpoint_id) if sms.id == sms_id), None)

    def status(self, sms: Sms) -> int:
        now = self._clock()
        if sms.canceled_ts is not None:
            return SMS_CANCELED
        if sms.deliver_ts is not None and now >= sms.deliver_ts:
            return SMS_DELIVERED
        return SMS_EXPIRED if now >= sms.expiry_ts else SMS_BUFFERED

    def _history(self, endpoint_id: int) -> list[Sms]:
        records = self.endpoints.records
        if endpoint_id > records.seeded:
            return []
        endpoint = records.get(endpoint_id)
        if endpoint is None:
            return []
        sim_id = self.endpoints.sim_of(endpoint_id)
        out = []
        for k in range(d.mix(self.seed, endpoint_id, 60) % SEEDED_PER_ENDPOINT):
            submit = (
                endpoint.created_ts
                + (k + 1) * 3 * 86400
                + d.mix(self.seed, endpoint_id, 61 + k) % 86400
            )
            roll = d.mix(self.seed, endpoint_id, 65 + k) % 6
            mo = roll == 0
            delivered = None if roll == 1 else submit + 2 + roll
            out.append(
                Sms(
                    id=endpoint_id * SEEDED_PER_ENDPOINT + k,
                    endpoint_id=endpoint_id,
                    org_id=endpoint.org_id,
                    sim_id=sim_id,
                    kind=SMS_MO if mo else SMS_MT,
                    payload=_MO_PAYLOADS[k] if mo else f"config update {k + 1}",
                    source_address=d.msisdn(sim_id) if mo and sim_id else "EMnify",
                    source_address_type=145 if mo else 208,
                    submit_ts=submit,
                    expiry_ts=submit + VALIDITY_SECONDS,
                    deliver_ts=submit if mo else delivered,
                )
            )
        return out

    # --- writes -----------------------------------------------------------------------------

    def send(
        self,
        endpoint_id: int,
        payload: str,
        source: tuple[str, int],
        expiry_ts: int | None,
        udh: str = "",
        dcs: int = 0,
    ) -> Sms:
        """Submit an MT SMS; it is delivered only if the endpoint is registered now."""
        endpoint = self.endpoints.get(endpoint_id)
        assert endpoint is not None
        now = int(self._clock())
        registered = self.connectivity.state(endpoint_id).status != OFFLINE
        sms = Sms(
            id=self._next_id,
            endpoint_id=endpoint_id,
            org_id=endpoint.org_id,
            sim_id=self.endpoints.sim_of(endpoint_id),
            kind=SMS_MT,
            payload=payload,
            source_address=source[0],
            source_address_type=source[1],
            submit_ts=now,
            expiry_ts=expiry_ts if expiry_ts is not None else now + VALIDITY_SECONDS,
            deliver_ts=now + DELIVERY_SECONDS if registered else None,
            udh=udh,
            dcs=dcs,
        )
        self._next_id += 1
        self._sent.setdefault(endpoint_id, []).append(sms)
        self._on_change()
        return sms

    def cancel(self, sms: Sms) -> None:
        sms.canceled_ts = int(self._clock())
        self._on_change()

    def forget(self, endpoint_id: int) -> None:
        self._sent.pop(endpoint_id, None)

    # --- answers ------------------------------------------------------------------------------

    def render(self, sms: Sms) -> JsonObj:
        """An SMS record exactly as emnify sends it (numbers as strings, ``+0000`` times)."""
        status = self.status(sms)
        now = int(self._clock())
        final = {
            SMS_DELIVERED: sms.deliver_ts,
            SMS_EXPIRED: sms.expiry_ts,
            SMS_CANCELED: sms.canceled_ts,
        }.get(status)
        delivered = status == SMS_DELIVERED
        retries = 0 if delivered else (min(now, final or now) - sms.submit_ts) // RETRY_SECONDS
        attempt = sms.deliver_ts if delivered else sms.submit_ts + 1 + retries * RETRY_SECONDS
        sim_id = sms.sim_id
        return {
            "dlr_status_id": _DLR_STATUS[status],
            "organisation_id": str(sms.org_id),
            "submit_date": _ts(sms.submit_ts),
            "delivery_date": _ts(sms.deliver_ts if delivered else sms.submit_ts),
            "expiry_date": _ts(sms.expiry_ts),
            "final_date": _ts(final),
            "retry_date": None if delivered else _ts(sms.submit_ts + (retries + 1) * RETRY_SECONDS),
            "last_delivery_attempt": _ts(attempt),
            "retry_count": str(retries),
            "gsm_map_error": None,
            "dcs": str(sms.dcs),
            "pid": "0",
            "source_address": sms.source_address,
            "endpoint_id": str(sms.endpoint_id),
            "sim_id": None if sim_id is None else str(sim_id),
            "iccid": None if sim_id is None else d.iccid(sim_id),
            "called_party_prefix": None,
            "msisdn": None if sim_id is None else d.msisdn(sim_id),
            "imsi": d.imsi(sim_id) if delivered and sim_id is not None else "",
            "msc": f"4917709{sms.endpoint_id % 100000:05d}" if delivered else None,
            "udh": sms.udh,
            "payload": sms.payload,
            "registered_delivery": "0",
            "smpp_bind_id": None,
            "p2p_ext": 0,
            "smpp_dlr_bind_id": None,
            "id": sms.id,
            "status": {"description": SMS_STATUSES[status], "id": status},
            "sms_type": {"description": SMS_TYPES[sms.kind], "id": sms.kind},
            "source_address_type": {
                "description": SOURCE_ADDRESS_TYPES[sms.source_address_type],
                "id": sms.source_address_type,
            },
            "esme_interface_type": dict(ESME_REST_API),
        }


def _ts(ts: int | None) -> str | None:
    return None if ts is None else d.format_ts(ts)
