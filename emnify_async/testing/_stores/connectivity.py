"""Endpoints' network state: ONLINE, ATTACHED or OFFLINE, and resets that change it.

An endpoint can be reached only when it is enabled and has an activated SIM; then a seeded
share of them is ONLINE (registered, with a data session), ATTACHED (registered) or OFFLINE.
A reset follows the emulator's clock: after ``{"location": null}`` the device is OFFLINE
for ``REATTACH_SECONDS`` and then registers again; after ``{"pdp_context": null}`` an
ONLINE device is ATTACHED for ``RECONNECT_SECONDS`` and then opens a new data session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import ACTIVATED, ENDPOINT_ENABLED, JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._operators import COUNTRIES, NETWORK_OPERATORS, OPERATORS
from emnify_async.testing._stores.endpoints import EndpointStore

ONLINE, ATTACHED, OFFLINE = "ONLINE", "ATTACHED", "OFFLINE"
REATTACH_SECONDS = 60
RECONNECT_SECONDS = 30
_RAT_TYPES = ({"rat_type_id": 1, "description": "3G"}, {"rat_type_id": 6, "description": "4G"})


@dataclass(frozen=True)
class NetworkState:
    status: str
    registered: int | None = None
    """When the device last registered (a location), if it is registered."""
    session: int | None = None
    """When its data session started, if it has one."""


class Connectivity:
    """Connectivity of endpoints, derived from the seed and the clock, changed by resets."""

    def __init__(self, seed: int, endpoints: EndpointStore, clock: Clock) -> None:
        self.seed = seed
        self.endpoints = endpoints
        self._clock = clock
        self._location_resets: dict[int, int] = {}
        self._session_resets: dict[int, int] = {}

    def forget(self, endpoint_id: int) -> None:
        self._location_resets.pop(endpoint_id, None)
        self._session_resets.pop(endpoint_id, None)

    def reachable(self, endpoint_id: int) -> int | None:
        """The endpoint's SIM if the network may serve it (enabled, SIM activated)."""
        endpoint = self.endpoints.get(endpoint_id)
        sim_id = self.endpoints.sim_of(endpoint_id)
        if endpoint is None or sim_id is None or endpoint.status_id != ENDPOINT_ENABLED:
            return None
        return sim_id if self.endpoints.sims.table.status[sim_id - 1] == ACTIVATED else None

    def state(self, endpoint_id: int) -> NetworkState:
        now = int(self._clock())
        if self.reachable(endpoint_id) is None:
            return NetworkState(OFFLINE)
        roll = d.mix(self.seed, endpoint_id, 70) % 10
        if roll >= 7:
            return NetworkState(OFFLINE)
        registered = now - 60 - d.mix(self.seed, endpoint_id, 71) % 3000
        session = registered + 5 if roll < 4 else None
        location_reset = self._location_resets.get(endpoint_id)
        if location_reset is not None:
            back = location_reset + REATTACH_SECONDS
            if now < back:
                return NetworkState(OFFLINE)
            registered = max(registered, back)
            session = None if session is None else max(session, back + 5)
        session_reset = self._session_resets.get(endpoint_id)
        if session is not None and session_reset is not None:
            back = session_reset + RECONNECT_SECONDS
            session = None if now < back else max(session, back)
        return NetworkState(ONLINE if session is not None else ATTACHED, registered, session)

    def reset(self, endpoint_id: int, location: bool, session: bool) -> None:
        """Cancel the registration and/or delete the data session; records the events."""
        now = int(self._clock())
        imsi = self._imsi(endpoint_id)
        if location:
            self._location_resets[endpoint_id] = now
            self.endpoints.record_event(
                endpoint_id, (15, 2, 0), f"Cancel location sent for IMSI='{imsi}'."
            )
        if session:
            self._session_resets[endpoint_id] = now
            self.endpoints.record_event(endpoint_id, (5, 2, 0), "Delete PDP context sent.")

    def _imsi(self, endpoint_id: int) -> str:
        sim_id = self.endpoints.sim_of(endpoint_id)
        return d.imsi(sim_id) if sim_id is not None else ""

    # --- answers ------------------------------------------------------------------------------

    def render(self, endpoint_id: int) -> JsonObj:
        """``GET /endpoint/{id}/connectivity``: ``{"status": {"description": "OFFLINE"},
        "services": []}`` as recorded, with ``location`` and ``pdp_context`` when present."""
        state = self.state(endpoint_id)
        out: JsonObj = {"status": {"description": state.status}}
        if state.registered is not None:
            out["location"] = self._location(endpoint_id, state.registered, state.session)
        if state.session is not None:
            out["pdp_context"] = self._session(endpoint_id, state.session)
        out["services"] = {ONLINE: ["GPRS"], ATTACHED: ["SMS"]}.get(state.status, [])
        return out

    def operator_id(self, endpoint_id: int) -> int:
        return NETWORK_OPERATORS[d.mix(self.seed, endpoint_id, 72) % len(NETWORK_OPERATORS)]

    def _location(self, endpoint_id: int, registered: int, session: int | None) -> JsonObj:
        sim_id = self.endpoints.sim_of(endpoint_id) or 0
        operator = OPERATORS[self.operator_id(endpoint_id)]
        country = COUNTRIES[operator.country_id]
        node = 491770940000 + endpoint_id % 10000
        return {
            "iccid": d.iccid(sim_id),
            "imsi": d.imsi(sim_id),
            "last_updated": d.format_ts(registered, zulu=True),
            "last_updated_gprs": d.format_ts(session or registered, zulu=True),
            "sgsn_number": node - 245300,
            "vlr_number": node,
            "msc": node,
            "operator": {
                "id": operator.id,
                "name": operator.name,
                "country": {"id": country.id, "name": country.name},
            },
            "country": {
                "country_id": country.id,
                "name": country.name,
                "country_code": int(country.country_code),
                "mcc": int(country.mcc),
                "iso_code": country.iso_code,
            },
            "sgsn_ip_address": f"212.23.107.{80 + endpoint_id % 16}",
        }

    def _session(self, endpoint_id: int, started: int) -> JsonObj:
        endpoint = self.endpoints.get(endpoint_id)
        assert endpoint is not None
        sim_id = self.endpoints.sim_of(endpoint_id) or 0
        operator = OPERATORS[self.operator_id(endpoint_id)]
        elapsed = max(0, int(self._clock()) - started)
        hours, rest = divmod(elapsed, 3600)
        return {
            "pdp_context_id": endpoint_id * 8 + started % 8,
            "endpoint_id": endpoint_id,
            "tariff_profile_id": endpoint.tariff_profile_id,
            "tariff_id": 54,  # the upstream tariff and its ratezone are not emulated:
            # the spec example's ids
            "ratezone_id": 70,
            "organisation_id": endpoint.org_id,
            "imsi_id": sim_id,
            "imsi": d.imsi(sim_id),
            "sim_id": sim_id,
            "teid_data_plane": 7000 + endpoint_id % 1000,
            "teid_control_plane": 7000 + endpoint_id % 1000,
            "gtp_version": 1,
            "nsapi": 5,
            "sgsn_control_plane_ip_address": f"212.23.107.{80 + endpoint_id % 16}",
            "sgsn_data_plane_ip_address": f"212.23.107.{80 + endpoint_id % 16}",
            "ggsn_control_plane_ip_address": "185.57.216.35",
            "ggsn_data_plane_ip_address": "185.57.216.35",
            "created": d.format_ts(started, zulu=True),
            "mcc": int(COUNTRIES[operator.country_id].mcc),
            "mnc": int(operator.mnc[0][1]),
            "operator_id": operator.id,
            "lac": 40000 + endpoint_id % 1000,
            "ci": None,
            "sac": 42000 + endpoint_id % 1000,
            "rac": None,
            "ue_ip_address": endpoint.ip_address,
            "imeisv": endpoint.imei,
            "rat_type": _RAT_TYPES[endpoint_id % 2],
            "duration": f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}",
        }

    def info(self, endpoint_id: int, subscriber: bool, ussd: bool) -> JsonObj:
        """``GET /endpoint/{id}/connectivity_info`` for a registered endpoint."""
        state = self.state(endpoint_id)
        operator = OPERATORS[self.operator_id(endpoint_id)]
        now = dt.datetime.fromtimestamp(self._clock(), dt.timezone.utc)
        out: JsonObj = {}
        if ussd:
            out["ussd_info"] = (
                {"success": True}
                if state.status == ONLINE
                else {"success": False, "error": "Request Timeout Error"}
            )
        if subscriber:
            out["subscriber_info"] = {
                "success": True,
                "state": "camped_on_cell" if state.status == ONLINE else "assumed_idle",
                "location": {
                    "current_location_retrieved": True,
                    "age_of_location": 0,
                    "cell_global_id": {
                        "mcc": int(COUNTRIES[operator.country_id].mcc),
                        "mnc": int(operator.mnc[0][1]),
                        "lac": 40000 + endpoint_id % 1000,
                        "cid": 20000 + d.mix(self.seed, endpoint_id, 73) % 10000,
                    },
                },
            }
        reply = now + dt.timedelta(milliseconds=200 + d.mix(self.seed, endpoint_id, 74) % 2000)
        out["request_timestamp"] = _millis(now)
        out["reply_timestamp"] = _millis(reply)
        return out


def _millis(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"
