"""Endpoints (devices): `/api/v1/endpoint` and its sub-resources."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from typing import Any

import attrs

from .._body import (
    Moment,
    Ref,
    checked,
    flag,
    lookup,
    moment,
    number,
    reference,
    reference_id,
    require_any,
    text,
)
from .._constants import ENDPOINT_BULK_CREATE_MAX, ENDPOINT_MAX_PER_PAGE, EVENT_MAX_PER_PAGE
from .._exceptions import InputError
from .._operation import Operation, Returns
from .._query import check_bool, check_lookup_id, ref_id
from .._types import NOT_GIVEN, NotGiven
from ..models import (
    Balance,
    Connectivity,
    ConnectivityInfo,
    DailyStats,
    Endpoint,
    EndpointStats,
    Event,
    Operator,
    Quota,
    Sms,
    Status,
    TrafficLimitExtension,
)
from ._params import BOOL, DATE, FILTER, SORT, date_range

__all__ = [
    "BALANCE",
    "BLACKLIST",
    "BLACKLISTED",
    "CANCEL_SMS",
    "CONNECTIVITY",
    "CONNECTIVITY_INFO",
    "CREATE",
    "CREATE_MANY",
    "DAILY_STATS",
    "DATA_QUOTA",
    "DELETE",
    "DELETE_MANY",
    "EVENTS",
    "EXTEND_TRAFFIC_LIMIT",
    "GET",
    "GET_SMS",
    "LIST",
    "LIST_SMS",
    "REMOVE_DATA_QUOTA",
    "REMOVE_SMS_QUOTA",
    "REMOVE_TRAFFIC_LIMIT_EXTENSIONS",
    "RESET_BALANCE",
    "RESET_CONNECTIVITY",
    "SEND_SMS",
    "SEND_USSD",
    "SET_DATA_QUOTA",
    "SET_SMS_QUOTA",
    "SMS_QUOTA",
    "STATS",
    "STATUSES",
    "TRAFFIC_LIMIT_EXTENSIONS",
    "UNBLACKLIST",
    "UPDATE",
    "UPDATE_BALANCE",
    "UPDATE_MANY",
    "BalanceTopUp",
    "ConnectivityReset",
    "DataQuotaSet",
    "EndpointChange",
    "EndpointCreate",
    "EndpointPatch",
    "EndpointsCreate",
    "NewEndpoint",
    "SimAssignment",
    "SmsQuotaSet",
    "SmsSend",
    "TrafficLimitExtend",
    "UssdBegin",
]

_PATH = "/api/v1/endpoint"
_ONE = f"{_PATH}/{{endpoint_id}}"
_IMEI = re.compile(r"[0-9]{15,16}")
_HEX = re.compile(r"(?:[0-9A-Fa-f]{2})+")
# GSM 03.38: the basic set is one septet, the extension table two.
_GSM7 = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENDED = "^{}\\[~]|€\f"
_PEAK_THROUGHPUTS = (64_000, 128_000, 256_000)


def _imei(value: Any, name: str) -> str:
    text_ = str(value) if type(value) is int else value
    if not isinstance(text_, str) or not _IMEI.fullmatch(text_):
        raise InputError(f"{name} must be 15 or 16 digits, got {value!r}")
    return text_


def _ip_address(value: Any, name: str) -> str:
    try:
        return str(ipaddress.ip_address(value if isinstance(value, str) else str(value)))
    except ValueError:
        raise InputError(f"{name} must be an IPv4 or IPv6 address, got {value!r}") from None


def sms_length(payload: str) -> tuple[int, int]:
    """`(units, limit)` of an SMS payload: GSM-7 septets of 160, else UCS-2 characters of 70."""
    if all(char in _GSM7 or char in _GSM7_EXTENDED for char in payload):
        return sum(2 if char in _GSM7_EXTENDED else 1 for char in payload), 160
    return len(payload.encode("utf-16-le")) // 2, 70


def _payload(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise InputError(f"{name} must be a non-empty string, got {value!r}")
    units, limit = sms_length(value)
    if units > limit:
        encoding = "GSM-7 septets" if limit == 160 else "UCS-2 characters"
        raise InputError(
            f"{name} is {units} {encoding}, more than one SMS takes ({limit}); split it into "
            "parts sent with a user data header (udh)"
        )
    return value


def _address(value: Any, name: str) -> str:
    if type(value) is int and value > 0:
        return str(value)
    if isinstance(value, str) and value.strip() and len(value) <= 20:
        return value
    raise InputError(f"{name} must be a phone number or a sender name of 1-20 characters")


def _hex(value: Any, name: str) -> str:
    if not isinstance(value, str) or not _HEX.fullmatch(value):
        raise InputError(f"{name} must be hexadecimal octets, got {value!r}")
    return value


def _byte(value: Any, name: str) -> int:
    number_ = check_lookup_id(value, name)
    if number_ > 255:
        raise InputError(f"{name} must be from 0 to 255, got {value!r}")
    return number_


def _percentage(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise InputError(f"{name} must be a percentage from 0 to 100, got {value!r}")
    return value


def _on_exhaustion(value: Any, name: str) -> QuotaActionBody:
    if isinstance(value, QuotaActionBody):
        return value
    return QuotaActionBody(id=check_lookup_id(value, name))


def _refill(value: Any, name: str) -> int:
    return int(check_bool(value, name))


@attrs.frozen(kw_only=True)
class EndpointCreate:
    """The body of POST /api/v1/endpoint."""

    name: str | NotGiven = text(non_empty=True)
    status: Ref | NotGiven = lookup()
    service_profile: Ref | NotGiven = reference()
    tariff_profile: Ref | NotGiven = reference()
    sim: Ref | NotGiven = reference()
    tags: str | NotGiven = text()
    imei: str | NotGiven = checked(_imei)
    imei_lock: bool | NotGiven = flag()
    ip_address: str | NotGiven = checked(_ip_address)
    ip_address_space: Ref | NotGiven = reference()


@attrs.frozen(kw_only=True)
class EndpointPatch:
    """The body of PATCH /api/v1/endpoint/{endpoint_id}: only the fields given are sent."""

    name: str | NotGiven = text(non_empty=True)
    status: Ref | NotGiven = lookup()
    service_profile: Ref | NotGiven = reference()
    tariff_profile: Ref | NotGiven = reference()
    sim: Ref | NotGiven = reference(nullable=True)
    tags: str | NotGiven | None = text(nullable=True)
    imei: str | NotGiven = checked(_imei)
    imei_lock: bool | NotGiven = flag()
    ip_address: str | NotGiven = checked(_ip_address)
    ip_address_space: Ref | NotGiven = reference()

    def __attrs_post_init__(self) -> None:
        require_any(self, "an endpoint update")


@attrs.frozen(kw_only=True)
class ConnectivityReset:
    """The body of PATCH .../connectivity: `null` for each part to reset."""

    location: NotGiven | None = checked(lambda value, name: None)
    pdp_context: NotGiven | None = checked(lambda value, name: None)

    def __attrs_post_init__(self) -> None:
        require_any(self, "a connectivity reset")


@attrs.frozen(kw_only=True)
class SmsSend:
    """The body of POST .../sms."""

    payload: str | NotGiven = checked(_payload)
    source_address: str | NotGiven = checked(_address)
    source_address_type: Ref | NotGiven = lookup()
    udh: str | NotGiven = checked(_hex)
    dcs: int | NotGiven = checked(_byte)


@attrs.frozen(kw_only=True)
class QuotaActionBody:
    """What happens when a quota is used up: `{"id": n, "peak_throughput": bits}`."""

    id: int
    peak_throughput: int | NotGiven = NOT_GIVEN


@attrs.frozen(kw_only=True)
class DataQuotaSet:
    """The body of POST .../quota/data."""

    status: Ref | NotGiven = lookup()
    volume: float | NotGiven = number(positive=True)
    expiry_date: Moment | NotGiven = moment()
    action_on_exhaustion: QuotaActionBody | NotGiven = checked(_on_exhaustion)
    auto_refill: int | NotGiven = checked(_refill)
    threshold_percentage: float | NotGiven = checked(_percentage)
    threshold_volume: float | NotGiven = number(positive=False)


@attrs.frozen(kw_only=True)
class SmsQuotaSet:
    """The body of POST .../quota/sms."""

    status: Ref | NotGiven = lookup()
    volume: float | NotGiven = number(positive=True)
    expiry_date: Moment | NotGiven = moment()
    action_on_exhaustion: Ref | NotGiven = lookup()
    auto_refill: bool | NotGiven = flag()
    threshold_percentage: float | NotGiven = checked(_percentage)
    threshold_volume: float | NotGiven = number(positive=False)


@attrs.frozen(kw_only=True)
class BalanceTopUp:
    """The body of POST .../balance."""

    amount: float | NotGiven = number(positive=True)
    currency: Ref | NotGiven = reference()
    expiry_date: Moment | NotGiven = moment()


@attrs.frozen(kw_only=True)
class UssdBegin:
    """The body of POST .../ussd: `{"ussd-begin": {"type": ..., "message": {...}}}`."""

    ussd_begin: dict[str, Any] | NotGiven = checked(lambda value, name: value, key="ussd-begin")


def peak_throughput(value: Any) -> int:
    """A throttled data rate the API accepts: 64000, 128000 or 256000 bit/s."""
    if isinstance(value, bool) or value not in _PEAK_THROUGHPUTS:
        raise InputError(f"peak_throughput must be 64000, 128000 or 256000 bit/s, got {value!r}")
    return int(value)


LIST = Operation(
    "GetEndpoints",
    "GET",
    _PATH,
    Returns.PAGE,
    Endpoint,
    query={"q": FILTER, "sort": SORT},
    max_per_page=ENDPOINT_MAX_PER_PAGE,
)
CREATE: Operation[None] = Operation(
    "CreateEndpoint", "POST", _PATH, Returns.CREATED_ID, body=EndpointCreate
)
STATUSES = Operation("EndpointStatusGet", "GET", f"{_PATH}/status", Returns.ARRAY, Status)
GET = Operation("EndpointByIdGet", "GET", _ONE, Returns.OBJECT, Endpoint)
UPDATE: Operation[None] = Operation(
    "EndpointByIdPatch", "PATCH", _ONE, Returns.NOTHING, body=EndpointPatch
)
DELETE: Operation[None] = Operation("EndpointByIdDelete", "DELETE", _ONE, Returns.NOTHING)
CONNECTIVITY = Operation(
    "EndpointConnectivityByIdGet", "GET", f"{_ONE}/connectivity", Returns.OBJECT, Connectivity
)
RESET_CONNECTIVITY: Operation[None] = Operation(
    "UpdateEndpointConnectivityById",
    "PATCH",
    f"{_ONE}/connectivity",
    Returns.NOTHING,
    body=ConnectivityReset,
)
CONNECTIVITY_INFO = Operation(
    "GetConnectivityInfoByEndpointId",
    "GET",
    f"{_ONE}/connectivity_info",
    Returns.OBJECT,
    ConnectivityInfo,
    query={"subscriber": BOOL, "ussd": BOOL},
)
EVENTS = Operation(
    "EndpointEventsByID",
    "GET",
    f"{_ONE}/event",
    Returns.PAGE,
    Event,
    query={"q": FILTER, "sort": SORT},
    max_per_page=EVENT_MAX_PER_PAGE,
)
STATS = Operation("EndpointStatsByIdGet", "GET", f"{_ONE}/stats", Returns.OBJECT, EndpointStats)
DAILY_STATS = Operation(
    "EndpointStatsDailyByIdGet",
    "GET",
    f"{_ONE}/stats/daily",
    Returns.ARRAY,
    DailyStats,
    query={"start_date": DATE, "end_date": DATE},
    query_check=date_range,
)
LIST_SMS = Operation("EndpointSmsByIdGet", "GET", f"{_ONE}/sms", Returns.ARRAY, Sms)
SEND_SMS: Operation[None] = Operation(
    "EndpointSmsByIdPost", "POST", f"{_ONE}/sms", Returns.CREATED_ID, body=SmsSend
)
GET_SMS = Operation(
    "EndpointSmsByEndpointIdAndSmsIdGet", "GET", f"{_ONE}/sms/{{sms_id}}", Returns.OBJECT, Sms
)
# Documented as 200; the SMS is cancelled whatever the body says.
CANCEL_SMS: Operation[None] = Operation(
    "EndpointSmsByEndpointIdAndSmsIdDelete",
    "DELETE",
    f"{_ONE}/sms/{{sms_id}}",
    Returns.NOTHING,
    success=frozenset({200, 204}),
)
BLACKLISTED = Operation(
    "EndpointOperatorBlacklistByEndpointIdGet",
    "GET",
    f"{_ONE}/operator_blacklist",
    Returns.ARRAY,
    Operator,
)
BLACKLIST: Operation[None] = Operation(
    "EndpointOperatorBlacklistByEpIdAndOperatorIdPut",
    "PUT",
    f"{_ONE}/operator_blacklist/{{operator_id}}",
    Returns.NOTHING,
)
UNBLACKLIST: Operation[None] = Operation(
    "EndpointOperatorBlacklistByEpIdAndOperatorIdDelete",
    "DELETE",
    f"{_ONE}/operator_blacklist/{{operator_id}}",
    Returns.NOTHING,
)
BALANCE = Operation(
    "EndpointBalanceByEndpointIdGet", "GET", f"{_ONE}/balance", Returns.OBJECT, Balance
)
# A top-up adds to the balance: repeating it would add twice, so it is not retried.
UPDATE_BALANCE: Operation[None] = Operation(
    "EndpointBalanceByEndpointIdPost",
    "POST",
    f"{_ONE}/balance",
    Returns.NOTHING,
    body=BalanceTopUp,
    success=frozenset({200, 201, 204}),
)
RESET_BALANCE: Operation[None] = Operation(
    "EndpointBalanceByEndpointIdDelete", "DELETE", f"{_ONE}/balance", Returns.NOTHING
)
DATA_QUOTA = Operation(
    "EndpointQuotaDataByEndpointIdGet", "GET", f"{_ONE}/quota/data", Returns.OBJECT, Quota
)
# Setting a quota replaces the previous one, so repeating it is harmless.
SET_DATA_QUOTA: Operation[None] = Operation(
    "EndpointQuotaDataByEndpointIdPost",
    "POST",
    f"{_ONE}/quota/data",
    Returns.NOTHING,
    body=DataQuotaSet,
    success=frozenset({200, 201, 204}),
    safe=True,
)
REMOVE_DATA_QUOTA: Operation[None] = Operation(
    "DeleteEndpointDataQuotaById", "DELETE", f"{_ONE}/quota/data", Returns.NOTHING
)
SMS_QUOTA = Operation(
    "EndpointQuotaSmsByEndpointIdGet", "GET", f"{_ONE}/quota/sms", Returns.OBJECT, Quota
)
SET_SMS_QUOTA: Operation[None] = Operation(
    "EndpointQuotaSmsByEndpointIdPost",
    "POST",
    f"{_ONE}/quota/sms",
    Returns.NOTHING,
    body=SmsQuotaSet,
    success=frozenset({200, 201, 204}),
    safe=True,
)
REMOVE_SMS_QUOTA: Operation[None] = Operation(
    "DeleteEndpointSmsQuotaById", "DELETE", f"{_ONE}/quota/sms", Returns.NOTHING
)
# Starts a dialog with the device: not repeated. Answers `{"session-id": "..."}`.
SEND_USSD: Operation[None] = Operation(
    "EndpointUssdByIdPost", "POST", f"{_ONE}/ussd", Returns.OBJECT, body=UssdBegin
)


# --- from the newer docs ------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class TrafficLimitExtend:
    """The body of POST .../traffic_limit_extension."""

    volume: float | NotGiven = number(positive=True)
    traffic_limit_id: int | NotGiven = reference_id(shown_as="traffic_limit")

    def __attrs_post_init__(self) -> None:
        if self.volume is NOT_GIVEN:
            raise InputError("a traffic limit extension needs a volume")


def _sim_id(value: Any) -> int | None:
    return None if value is None else ref_id(value, "sim")


def _endpoint_id(value: Any) -> int:
    return ref_id(value, "endpoint_id")


@attrs.frozen(kw_only=True)
class SimAssignment:
    """The SIM of an endpoint in a bulk call: `{"id": n, "activate"?: ..., "status"?: ...}`.

    `sim` is the SIM (an id or a model); in `EndpointChange`, `None` releases the endpoint's
    SIM. `activate` (creating only) activates it (Factory Test instead where the organisation
    uses it); `status` sets its status explicitly.
    """

    id: int | None = attrs.field(alias="sim", converter=_sim_id)
    """The SIM's id; `None` releases the endpoint's SIM (in a change)."""
    activate: bool | NotGiven = flag()
    """Activate the SIM (creating only)."""
    status: Ref | NotGiven = lookup()
    """The SIM's status to set, sent as `{"id": n}`."""


def _assignment(value: Any, name: str) -> SimAssignment:
    if isinstance(value, SimAssignment):
        return value
    return SimAssignment(sim=None if value is None else ref_id(value, name))


@attrs.frozen(kw_only=True)
class NewEndpoint:
    """One endpoint of `create_many()`: the profiles and status are the call's, for all."""

    name: str | NotGiven = text(non_empty=True)
    """The endpoint's name."""
    tags: str | NotGiven = text()
    """Comma-separated tags."""
    imei: str | NotGiven = checked(_imei)
    """The device's IMEI (15 or 16 digits); unique within the call."""
    imei_lock: bool | NotGiven = flag()
    """Lock the endpoint to `imei`."""
    sim: SimAssignment | NotGiven = checked(_assignment)
    """A SIM to assign (an id, a model, or a `SimAssignment`); unique within the call."""
    ip_address: str | NotGiven = checked(_ip_address)
    """A fixed IP address (needs the call's `ip_address_space`); unique within the call."""

    def __attrs_post_init__(self) -> None:
        if isinstance(self.sim, SimAssignment) and self.sim.id is None:
            raise InputError("a new endpoint's sim must be a SIM, not None")


def _unique(items: list[Any], key: str, what: str) -> None:
    seen: set[Any] = set()
    for item in items:
        value = getattr(item, key)
        if isinstance(value, SimAssignment):
            value = value.id
        if value is NOT_GIVEN or value is None:
            continue
        if value in seen:
            raise InputError(f"{what} {value!r} appears twice; each must be unique in one call")
        seen.add(value)


def _new_endpoints(value: Any, name: str) -> list[NewEndpoint]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be an iterable of NewEndpoint, got {value!r:.60}")
    items = list(value)
    if not all(isinstance(item, NewEndpoint) for item in items):
        raise InputError(f"{name} must hold NewEndpoint objects only")
    if not 1 <= len(items) <= ENDPOINT_BULK_CREATE_MAX:
        raise InputError(
            f"{name} takes 1 to {ENDPOINT_BULK_CREATE_MAX} endpoints, got {len(items)}"
        )
    for key, what in (("imei", "IMEI"), ("sim", "SIM"), ("ip_address", "IP address")):
        _unique(items, key, what)
    return items


@attrs.frozen(kw_only=True)
class EndpointsCreate:
    """The body of POST /api/v2/endpoint/multi."""

    service_profile: Ref | NotGiven = reference()
    tariff_profile: Ref | NotGiven = reference()
    status: Ref | NotGiven = lookup()
    organisation: Ref | NotGiven = reference()
    ip_address_space: Ref | NotGiven = reference()
    endpoints: list[NewEndpoint] | NotGiven = checked(_new_endpoints)

    def __attrs_post_init__(self) -> None:
        for key in ("service_profile", "tariff_profile", "status", "endpoints"):
            if getattr(self, key) is NOT_GIVEN:
                raise InputError(f"creating endpoints in bulk needs {key}")
        addressed = any(e.ip_address is not NOT_GIVEN for e in self.endpoints)  # type: ignore[union-attr]
        if addressed and self.ip_address_space is NOT_GIVEN:
            raise InputError("endpoints with an ip_address need the call's ip_address_space")


@attrs.frozen(kw_only=True)
class EndpointChange:
    """One endpoint's change in `update_many()`: its `endpoint_id` and the fields to set.

    Only the fields given are sent. `sim` assigns a SIM (an id, a model or a
    `SimAssignment` with a `status`); `None` releases the endpoint's SIM. An `ip_address`
    needs its `ip_address_space`.
    """

    id: int = attrs.field(alias="endpoint_id", converter=_endpoint_id)
    """The endpoint to change (`endpoint_id=` when constructing)."""
    name: str | NotGiven = text(non_empty=True)
    """The endpoint's name."""
    tags: str | NotGiven = text()
    """Comma-separated tags."""
    imei: str | NotGiven = checked(_imei)
    """The device's IMEI (15 or 16 digits)."""
    imei_lock: bool | NotGiven = flag()
    """Lock the endpoint to `imei`."""
    ip_address: str | NotGiven = checked(_ip_address)
    """A fixed IP address."""
    ip_address_space: Ref | NotGiven = reference()
    """The address space of `ip_address`."""
    service_profile: Ref | NotGiven = reference()
    """The service profile."""
    tariff_profile: Ref | NotGiven = reference()
    """The tariff profile."""
    status: Ref | NotGiven = lookup()
    """The endpoint status: 0 Enabled, 1 Disabled."""
    sim: SimAssignment | NotGiven = checked(_assignment)
    """The SIM to assign, or `None` to release it."""

    def __attrs_post_init__(self) -> None:
        fields = [f.name for f in attrs.fields(type(self)) if f.name != "id"]
        if all(getattr(self, name) is NOT_GIVEN for name in fields):
            raise InputError(f"the change of endpoint {self.id} sets nothing")
        if self.ip_address is not NOT_GIVEN and self.ip_address_space is NOT_GIVEN:
            raise InputError(f"the change of endpoint {self.id}: ip_address needs ip_address_space")
        if isinstance(self.sim, SimAssignment) and self.sim.activate is not NOT_GIVEN:
            raise InputError("activate is for creating; set the SIM's status in a change")


TRAFFIC_LIMIT_EXTENSIONS = Operation(
    "get-endpoint-traffic-limit-extensions",
    "GET",
    f"{_ONE}/traffic_limit_extension",
    Returns.ARRAY,
    TrafficLimitExtension,
    source="newer-docs",
)
# Each call adds an extension: never repeated once sent.
EXTEND_TRAFFIC_LIMIT = Operation(
    "create-endpoint-traffic-limit-extension",
    "POST",
    f"{_ONE}/traffic_limit_extension",
    Returns.OBJECT,
    TrafficLimitExtension,
    body=TrafficLimitExtend,
    success=frozenset({201}),
    source="newer-docs",
)
REMOVE_TRAFFIC_LIMIT_EXTENSIONS: Operation[None] = Operation(
    "delete-endpoint-traffic-limit-extensions",
    "DELETE",
    f"{_ONE}/traffic_limit_extension",
    Returns.NOTHING,
    source="newer-docs",
)
_MULTI = "/api/v2/endpoint/multi"
# Creates up to 2000 endpoints: a repeat would create them again, so it is never repeated once
# sent. Answers the created endpoints.
CREATE_MANY = Operation(
    "bulk-create-endpoint",
    "POST",
    _MULTI,
    Returns.ARRAY,
    Endpoint,
    body=EndpointsCreate,
    success=frozenset({201}),
    source="newer-docs",
)
# The body is a JSON array of `EndpointChange` (passed as `body=`); every change sets absolute
# values, so repeating it is harmless (the default for PATCH).
UPDATE_MANY: Operation[None] = Operation(
    "bulk-update-endpoint", "PATCH", _MULTI, Returns.NOTHING, source="newer-docs"
)
# The body is `[{"id": n}, ...]`. Repeating it after it was applied answers 404: the bulk call
# reads the endpoints back instead of trusting that answer.
DELETE_MANY: Operation[None] = Operation(
    "bulk-delete-endpoint",
    "DELETE",
    _MULTI,
    Returns.NOTHING,
    query={"delete_sims": BOOL},
    source="newer-docs",
)
