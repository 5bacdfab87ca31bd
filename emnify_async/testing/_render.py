"""Builds the JSON objects the API returns (SIMs, events, statistics, batches)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import (
    ACTIVATED,
    BATCH_STATUS_IN_STOCK,
    COUNTRIES,
    EUR,
    EVENT_SEVERITIES,
    EVENT_SOURCES,
    EVENT_TYPES,
    ISSUED,
    NETWORK_EVENTS,
    SIM_MODELS,
    SIM_STATUSES,
    SUSPENDED,
    TRAFFIC_TYPES,
    JsonObj,
)
from emnify_async.testing._dates import newest_first
from emnify_async.testing._operators import NETWORK_OPERATORS, OPERATORS, operator_brief
from emnify_async.testing._stores.endpoint_records import EndpointRecords

_STATUS_OBJECTS = {sid: {"id": sid, "description": text} for sid, text in SIM_STATUSES.items()}
_NETWORK_OPERATORS = tuple(operator_brief(OPERATORS[i]) for i in NETWORK_OPERATORS)

EventKind = tuple[int, int, int, str]
"""``(event type, source, severity, description)``; the description may use ``{imsi}``."""


def status_object(status_id: int) -> JsonObj:
    return _STATUS_OBJECTS[status_id]


class Renderer:
    """Renders API objects from the seed, the organisations and the SIM table."""

    def __init__(
        self,
        seed: int,
        orgs: Mapping[int, d.Organisation],
        table: d.SimTable,
        activations: dict[int, int],
        endpoints: EndpointRecords,
    ) -> None:
        self.seed = seed
        self.orgs = orgs
        self.table = table
        self.activations = activations
        self.endpoints = endpoints
        # An organisation nested in a SIM carries its country as {id, name} only (recorded).
        self._org_objects = {
            org.id: {
                "id": org.id,
                "name": org.name,
                "country": {"id": org.country_id, "name": COUNTRIES[org.country_id]["name"]},
            }
            for org in orgs.values()
        }

    # --- SIMs -----------------------------------------------------------------------------

    def activation_ts(self, sim_id: int) -> int | None:
        """Unix time of the first activation, ``None`` if the SIM was never activated."""
        if sim_id in self.activations:
            return self.activations[sim_id]
        status = self.table.status[sim_id - 1]
        if status in (ACTIVATED, SUSPENDED) and self.table.owner[sim_id - 1] != 0:
            return d.activation_ts(sim_id, self.seed)
        return None

    def sim(self, sim_id: int) -> JsonObj:
        """The ``Sim`` object; optional keys are omitted, as the real API does."""
        table = self.table
        index = sim_id - 1
        out: JsonObj = {
            "id": sim_id,
            "iccid": d.iccid(sim_id),
            "production_date": d.format_ts(d.production_ts(sim_id, self.seed)),
        }
        activated = self.activation_ts(sim_id)
        if activated is not None:
            out["activation_date"] = d.format_ts(activated)
        out["status"] = _STATUS_OBJECTS[table.status[index]]
        # An assigned SIM always names its customer (the owner until given to a child); a
        # reseller only once a PATCH set one (no recorded SIM carries one).
        for key, org_id in (
            ("customer_org", table.customer_org[index]),
            ("issuer_org", table.issuer_org[index]),
            ("reseller_org", table.reseller_org[index]),
        ):
            if org_id:
                out[key] = self._org_objects[org_id]
        endpoint_id = table.endpoint[index]
        if endpoint_id:
            out["endpoint"] = self.endpoints.sim_view(endpoint_id)
        out["imsi"] = d.imsi(sim_id)
        out["msisdn"] = d.msisdn(sim_id)
        out["model"] = SIM_MODELS[table.model[index]]
        return out

    # --- events ---------------------------------------------------------------------------

    def event(
        self,
        event_id: int,
        sim_id: int | None,
        ts: int,
        kind: EventKind,
        *,
        endpoint_id: int | None = None,
        org_id: int | None = None,
        detail: JsonObj | None = None,
    ) -> JsonObj:
        """An event like emnify's: about a SIM (with its endpoint, by default the one it has
        now), or about an endpoint alone (``sim_id=None``)."""
        type_id, source_id, severity_id, template = kind
        if org_id is None:
            assert sim_id is not None
            org_id = self.table.owner[sim_id - 1] or self.table.issuer_org[sim_id - 1]
        org = self.orgs[org_id]
        imsi = d.imsi(sim_id) if sim_id else ""
        event: JsonObj = {
            "id": event_id,
            "timestamp": d.format_ts(ts, zulu=True),
            "alert": severity_id > 0,
            "description": template.format(imsi=imsi, vlr=f"4917{event_id % 10**8:08d}"),
            "event_type": {"id": type_id, "description": EVENT_TYPES[type_id]},
            "event_source": {"id": source_id, "description": EVENT_SOURCES[source_id]},
            "event_severity": {"id": severity_id, "description": EVENT_SEVERITIES[severity_id]},
            "organisation": {"id": org.id, "name": org.name},
        }
        if endpoint_id is None and sim_id is not None:
            endpoint_id = self.table.endpoint[sim_id - 1]
        if endpoint_id and self.endpoints.get(endpoint_id) is not None:
            event["endpoint"] = self.endpoints.event_view(endpoint_id)
        if sim_id:
            production = d.production_ts(sim_id, self.seed)
            event["sim"] = {
                "id": sim_id,
                "iccid": d.iccid(sim_id),
                "production_date": d.format_ts(production, zulu=True),
            }
            event["imsi"] = {
                "id": sim_id,
                "imsi": imsi,
                "import_date": d.format_ts(production - 5, zulu=True),
            }
        if detail is not None:
            event["detail"] = detail
        elif source_id == 0:
            operators = _NETWORK_OPERATORS
            event["detail"] = operators[d.mix(self.seed, event_id, 8) % len(operators)]
        return event

    def _has_history(self, sim_id: int) -> bool:
        """Whether the SIM was used before the emulator started: a SIM first activated by a
        write has only the events that write recorded (not an invented, future history)."""
        return sim_id not in self.activations and (
            self.activation_ts(sim_id) is not None or self.table.status[sim_id - 1] != 0
        )

    def seeded_event_count(self, sim_id: int) -> int:
        """``len(self.seeded_events(sim_id))``, without rendering them."""
        if not self._has_history(sim_id):
            return 0
        return (self.activation_ts(sim_id) is not None) + 1 + d.mix(self.seed, sim_id, 9) % 5

    def seeded_event_counts(self, sim_ids: Iterable[int]) -> Iterator[int]:
        """``seeded_event_count`` of each SIM, inlined: an event feed over a million SIMs."""
        status, owner, activations, seed = (
            self.table.status,
            self.table.owner,
            self.activations,
            self.seed,
        )
        for sim_id in sim_ids:
            current = status[sim_id - 1]
            if sim_id in activations or current == ISSUED:
                yield 0
                continue
            activated = current in (ACTIVATED, SUSPENDED) and owner[sim_id - 1] != 0
            yield activated + 1 + d.mix(seed, sim_id, 9) % 5

    def seeded_events(self, sim_id: int) -> list[JsonObj]:
        """The SIM's generated history: activation (if any) and some network events."""
        if not self._has_history(sim_id):
            return []
        seed = self.seed
        activated = self.activation_ts(sim_id)
        start = activated if activated is not None else d.production_ts(sim_id, seed)
        events: list[JsonObj] = []
        base_id = sim_id * 16
        if activated is not None:
            events.append(self.event(base_id, sim_id, activated, (8, 2, 0, "SIM activated.")))
        for k in range(1, 2 + d.mix(seed, sim_id, 9) % 5):
            ts = start + k * (600 + d.mix(seed, sim_id, 10 + k) % 86400)
            kind = NETWORK_EVENTS[d.mix(seed, sim_id, 20 + k) % len(NETWORK_EVENTS)]
            events.append(self.event(base_id + k, sim_id, ts, kind))
        return events

    # --- statistics -----------------------------------------------------------------------

    def has_traffic(self, sim_id: int | None) -> bool:
        """Whether the SIM (``None``: no SIM) has used the network."""
        if not sim_id:
            return False
        return self.activation_ts(sim_id) is not None and d.mix(self.seed, sim_id, 30) % 10 < 8

    def _month_totals(
        self, sim_id: int, month: dt.date, salt: int, subject: tuple[str, int]
    ) -> JsonObj:
        seed = self.seed
        month_ts = int(dt.datetime(month.year, month.month, 1, tzinfo=dt.timezone.utc).timestamp())
        result: JsonObj = {}
        for key, traffic_type, scale in (("data", 5, 50_000_000), ("sms", 6, 60)):
            tx_raw = d.mix(seed, sim_id, salt + traffic_type) % scale
            rx_raw = d.mix(seed, sim_id, salt + traffic_type + 50) % scale
            if traffic_type == 5:
                tx, rx = tx_raw / 1e6, rx_raw / 1e6
                cost = round((tx + rx) * 0.2093, 8)
            else:
                tx, rx = float(tx_raw), float(rx_raw)
                cost = round((tx + rx) * 0.065, 2)
            result[key] = {
                subject[0]: subject[1],
                "month": d.format_ts(month_ts, zulu=True),
                "volume": f"{tx + rx:.6f}",
                "volume_tx": f"{tx:.6f}",
                "volume_rx": f"{rx:.6f}",
                "traffic_type_id": traffic_type,
                "last_updated": d.format_ts(month_ts + 86400 * 20 + salt, zulu=True),
                "cost": cost,
                "currency_id": 1,
                "id": subject[1] * 4 + salt % 4,
                "traffic_type": TRAFFIC_TYPES[traffic_type],
                "currency": EUR,
            }
        return result

    def stats(
        self, sim_id: int | None, now: dt.datetime, subject: tuple[str, int] | None = None
    ) -> JsonObj:
        """``{last_month?, current_month?, last_hour}``; months only when there was traffic.

        ``subject`` names the owner of the totals, ``("sim_id", sim_id)`` by default; an
        endpoint's statistics are its SIM's traffic under ``("endpoint_id", endpoint_id)``.
        """
        out: JsonObj = {}
        if sim_id and self.has_traffic(sim_id):
            subject = subject or ("sim_id", sim_id)
            this_month = now.date().replace(day=1)
            previous = (this_month - dt.timedelta(days=1)).replace(day=1)
            out["last_month"] = self._month_totals(sim_id, previous, 100, subject)
            out["current_month"] = self._month_totals(sim_id, this_month, 200, subject)
        minute = now.replace(second=0, microsecond=0)
        minutes = [minute - dt.timedelta(minutes=59 - k) for k in range(60)]
        hour: JsonObj = {}
        for key, scale in (("data", 4096), ("sms", 2)):
            series: JsonObj = {}
            for direction, salt in (("rx", 300), ("tx", 400)):
                series[direction] = [
                    [m.strftime("%H:%M"), self._minute_volume(sim_id, m, salt, scale)]
                    for m in minutes
                ]
            hour[key] = series
        out["last_hour"] = hour
        return out

    def _minute_volume(self, sim_id: int | None, minute: dt.datetime, salt: int, scale: int) -> int:
        if not sim_id or not self.has_traffic(sim_id):
            return 0
        value = d.mix(self.seed, sim_id, salt + int(minute.timestamp()) // 60)
        return value % scale if value % 5 == 0 else 0

    def daily(self, sim_id: int | None, start: dt.date, end: dt.date) -> list[JsonObj]:
        """One entry per day from ``end`` back to ``start`` (newest first, like the real API)."""
        rows: list[JsonObj] = []
        traffic = self.has_traffic(sim_id)
        for day in newest_first(start, end):
            salt = day.toordinal()
            active = traffic and d.mix(self.seed, sim_id or 0, salt) % 4 == 0
            rows.append(
                {
                    "date": f"{day.isoformat()}T00:00:00.000Z",
                    "data": self._day_volume(sim_id or 0, salt, active, 5),
                    "sms": self._day_volume(sim_id or 0, salt + 1, active, 6),
                }
            )
        return rows

    def _day_volume(self, sim_id: int, salt: int, active: bool, traffic_type: int) -> JsonObj:
        if not active:
            return {"volume": 0, "volume_tx": 0, "volume_rx": 0, "cost": None}
        if traffic_type == 5:
            tx = d.mix(self.seed, sim_id, salt) % 2_000_000 / 1e6
            rx = d.mix(self.seed, sim_id, salt + 7) % 5_000_000 / 1e6
            cost = f"{(tx + rx) * 0.2:.10f}"
        else:
            tx = float(d.mix(self.seed, sim_id, salt) % 3)
            rx = float(d.mix(self.seed, sim_id, salt + 7) % 3)
            cost = f"{(tx + rx) * 0.065:.10f}"
        return {
            "volume": f"{tx + rx:.6f}",
            "volume_tx": f"{tx:.6f}",
            "volume_rx": f"{rx:.6f}",
            "cost": cost,
            "traffic_type": TRAFFIC_TYPES[traffic_type],
            "currency": None,
        }

    # --- batches --------------------------------------------------------------------------

    def batch(self, batch: d.SimBatch) -> JsonObj:
        """The validate-batch object; most numbers are strings, as the real API sends them."""
        first = batch.sim_ids[0] if batch.sim_ids else 0
        issuer = self.table.issuer_org[first - 1] if first else 0
        return {
            "sim_batch_status_id": "0",
            "bsn": batch.bsn,
            "bic": batch.bic,
            "quantity": str(len(batch.sim_ids)),
            "sim_model_id": str(batch.model_id),
            "issuer_org_id": str(issuer),
            "customer_org_id": None,
            "reseller_org_id": None,
            "activated": d.format_ts(batch.activated_ts, zulu=True),
            "logistic_center_id": "1",
            "article_id": "21",
            "id": batch.id,
            "status": BATCH_STATUS_IN_STOCK,
            # The model as the spec's example shows it: its id and form factor only.
            "model": {
                "id": batch.model_id,
                "formfactor": SIM_MODELS[batch.model_id]["formfactor"],
            },
        }


def mix_bit(seed: int, value: int, salt: int, modulus: int) -> bool:
    """True for roughly ``(modulus - 1) / modulus`` of the values."""
    return d.mix(seed, value, salt) % modulus != 0


def clone(obj: Any) -> Any:
    """A deep copy of a JSON value (rendered objects share nested dicts)."""
    if isinstance(obj, dict):
        return {key: clone(value) for key, value in obj.items()}
    if isinstance(obj, list):
        return [clone(value) for value in obj]
    return obj
