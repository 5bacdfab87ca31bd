"""Organisation statistics: monthly, daily, hourly, and the legacy ``/api/v1/stats/daily``.

Traffic is derived from the seed, the organisation id and the day or hour, and summed over the
organisation and its children, so a parent's totals always include its children's.
"""

from __future__ import annotations

import datetime as dt

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import (
    ACTIVATED,
    CURRENCIES,
    FACTORY_TEST,
    ISSUED,
    SUSPENDED,
    TRAFFIC_TYPES,
    JsonObj,
)
from emnify_async.testing._dates import (
    daily_range,
    day_timestamp,
    month_start,
    newest_first,
    previous_month,
)
from emnify_async.testing._errors import INVALID_REFERENCE, OUT_OF_RANGE, ApiError
from emnify_async.testing._ratelimit import Limit
from emnify_async.testing._routing import Route, caller, now, ok, org_in_scope, state, today
from emnify_async.testing._state import EmulatorState

DATA, SMS = 5, 6
DATA_RATE, SMS_RATE = 0.2, 0.065
MAX_HOURLY_DAYS = 31


def _volumes(emu: EmulatorState, orgs: list[int], salt: int, scale: int) -> tuple[float, float]:
    """``(tx, rx)`` summed over ``orgs``; data in MB with 6 decimals, SMS whole."""
    tx = sum(d.mix(emu.seed, org, salt) % scale for org in orgs)
    rx = sum(d.mix(emu.seed, org, salt + 1) % scale for org in orgs)
    return tx, rx


def _traffic(
    emu: EmulatorState, orgs: list[int], salt: int, traffic_type: int, data_scale: int
) -> tuple[float, float, float]:
    """``(tx, rx, cost)`` of one traffic type; data volumes in MB."""
    if traffic_type == DATA:
        tx, rx = _volumes(emu, orgs, salt * 2, data_scale)
        tx, rx = tx / 1000, rx / 1000
        return tx, rx, (tx + rx) * DATA_RATE
    tx, rx = _volumes(emu, orgs, salt * 2 + 7, 40)
    return tx, rx, (tx + rx) * SMS_RATE


def _month_totals(emu: EmulatorState, orgs: list[int], month: dt.date) -> JsonObj:
    out: JsonObj = {}
    for key, traffic_type in (("data", DATA), ("sms", SMS)):
        tx, rx, cost = _traffic(
            emu, orgs, month.toordinal() * 10 + traffic_type, traffic_type, 10**6
        )
        out[key] = {
            "month": day_timestamp(month),
            "volume": round(tx + rx, 6),
            "volume_tx": round(tx, 6),
            "volume_rx": round(rx, 6),
            "cost": round(cost, 4),
            "traffic_type": TRAFFIC_TYPES[traffic_type],
            "currency": CURRENCIES[1],
        }
    return out


async def monthly_stats(request: web.Request) -> web.Response:
    emu = state(request)
    org = org_in_scope(request, "org_id_or_my", INVALID_REFERENCE)
    family = emu.organisations.family(org.id)
    day = today(request)
    counts = emu.sims.counts(org.id)
    active = counts.get(ACTIVATED, 0)
    tariff_ids = emu.billing.org_tariffs(org.id)
    body: JsonObj = {
        "current_month": _month_totals(emu, family, month_start(day)),
        "last_month": _month_totals(emu, family, previous_month(day)),
        "sim": {
            "total": sum(counts.values()),
            "issued": counts.get(ISSUED, 0),
            "active": active,
            "suspended": counts.get(SUSPENDED, 0),
            "factory_test": counts.get(FACTORY_TEST, 0),
        },
        "users": 1 + org.id % 4,
        "service_profiles": emu.profiles.count(org.id),
        "tariff_profiles": sum(1 for p in emu.billing.profiles if p.org_id == org.id),
    }
    if active:
        rate = emu.billing.tariffs[tariff_ids[0]].rates["sim_activated_rate"] if tariff_ids else 1.5
        body["active_chargeable_sims"] = active
        body["hosting_fees"] = round(active * rate, 4)
    volumes = emu.billing.active_volumes(org.id, day)
    if volumes:
        body["inclusive_volume"] = {
            "pooled": round(sum(v.rate for v in volumes if v.pooled), 4),
            "unpooled": round(sum(v.rate for v in volumes if not v.pooled), 4),
        }
    if org.prepaid:
        body["prepaid_balance"] = {
            "amount": round(100 + d.mix(emu.seed, org.id, 41) % 10_000 / 100, 2),
            "currency": CURRENCIES[org.currency_id],
            "last_updated": f"{day.isoformat()}T06:00:00.000Z",
        }
    return ok(body)


def _day_usage(
    emu: EmulatorState, orgs: list[int], day: dt.date, traffic_type: int, with_cost: bool
) -> JsonObj:
    tx, rx, cost = _traffic(emu, orgs, day.toordinal() * 10 + traffic_type, traffic_type, 40_000)
    return _usage(tx, rx, cost if with_cost else None, traffic_type)


def _usage(tx: float, rx: float, cost: float | None, traffic_type: int) -> JsonObj:
    """A daily usage object; values are strings, as the real API sends them."""
    return {
        "volume": f"{tx + rx:.6f}",
        "volume_tx": f"{tx:.6f}",
        "volume_rx": f"{rx:.6f}",
        "traffic_type_id": str(traffic_type),
        "traffic_type": TRAFFIC_TYPES[traffic_type],
        "cost": None if cost is None else f"{cost:.6f}",
        "currency_id": "1",
        "currency": CURRENCIES[1],
    }


def _daily_rows(
    emu: EmulatorState, orgs: list[int], start: dt.date, end: dt.date, data_cost: bool = True
) -> list[JsonObj]:
    rows = []
    for day in newest_first(start, end):
        rows.append(
            {
                "date": day_timestamp(day),
                "data": _day_usage(emu, orgs, day, DATA, data_cost),
                "sms": _day_usage(emu, orgs, day, SMS, True),
            }
        )
    return rows


def _total_row(rows: list[JsonObj]) -> JsonObj:
    total: JsonObj = {"date": "TOTAL"}
    for key, traffic_type in (("data", DATA), ("sms", SMS)):
        tx = sum(float(row[key]["volume_tx"]) for row in rows)
        rx = sum(float(row[key]["volume_rx"]) for row in rows)
        costs = [row[key]["cost"] for row in rows if row[key]["cost"] is not None]
        total[key] = _usage(tx, rx, sum(map(float, costs)) if costs else None, traffic_type)
    return total


async def daily_stats(request: web.Request) -> web.Response:
    emu = state(request)
    org = org_in_scope(request, "org_id_or_my", INVALID_REFERENCE)
    query = request.query
    start, end = daily_range(query.get("start_date"), query.get("end_date"), today(request))
    rows = _daily_rows(emu, emu.organisations.family(org.id), start, end)
    return ok([*rows, _total_row(rows)])


async def current_month_daily_stats(request: web.Request) -> web.Response:
    """``GET /api/v1/stats/daily``: this month to today; no data cost for enterprise orgs
    with an inclusive volume."""
    emu = state(request)
    org = caller(request)
    day = today(request)
    data_cost = not (org.is_enterprise and emu.billing.active_volumes(org.id, day))
    rows = _daily_rows(emu, emu.organisations.family(org.id), month_start(day), day, data_cost)
    return ok(rows)


def _hour_range(
    start_raw: str | None, end_raw: str | None, current: dt.datetime
) -> list[dt.datetime]:
    """Hours from ``start_date`` 00:00 through ``end_date`` 23:00; default now-3h to now+1h."""
    hour = current.replace(minute=0, second=0, microsecond=0)
    if not start_raw and not end_raw:
        first, last = hour - dt.timedelta(hours=3), hour + dt.timedelta(hours=1)
    else:
        start, end = daily_range(start_raw, end_raw or hour.date().isoformat(), hour.date())
        if (end - start).days >= MAX_HOURLY_DAYS:
            raise ApiError.of(OUT_OF_RANGE, f"Date range exceeds {MAX_HOURLY_DAYS} days")
        first = dt.datetime(start.year, start.month, start.day, tzinfo=dt.timezone.utc)
        last = dt.datetime(end.year, end.month, end.day, 23, tzinfo=dt.timezone.utc)
    count = int((last - first).total_seconds()) // 3600 + 1
    return [first + dt.timedelta(hours=k) for k in range(count)]


async def hourly_stats(request: web.Request) -> web.Response:
    emu = state(request)
    org = org_in_scope(request, "org_id_or_my", INVALID_REFERENCE)
    family = emu.organisations.family(org.id)
    query = request.query
    hours = _hour_range(query.get("start_date"), query.get("end_date"), now(request))
    body: JsonObj = {}
    for key, traffic_type in (("data", DATA), ("sms", SMS)):
        series: JsonObj = {"rx": [], "tx": []}
        for hour in hours:
            salt = int(hour.timestamp()) // 3600 * 10 + traffic_type
            tx, rx, _ = _traffic(emu, family, salt, traffic_type, 4000)
            label = hour.strftime("%H:%M")
            series["rx"].append([label, round(rx, 6) if traffic_type == DATA else int(rx)])
            series["tx"].append([label, round(tx, 6) if traffic_type == DATA else int(tx)])
        body[key] = series
    return ok(body)


# emnify documents 10/s, burst 5 for ``/organisation/{id}/stats/`` and ``/stats/``; like the
# client (DOCUMENTED_LIMITS), the emulator applies it to the paths below them too.
STATS_LIMIT = Limit(10, 5)
ORG_STATS = "/api/v1/organisation/{org_id_or_my}/stats"

ROUTES = [
    Route("GET", ORG_STATS, monthly_stats, limit=STATS_LIMIT),
    Route("GET", ORG_STATS + "/daily", daily_stats, limit=STATS_LIMIT),
    Route("GET", ORG_STATS + "/hourly", hourly_stats, limit=STATS_LIMIT),
    Route("GET", "/api/v1/stats/daily", current_month_daily_stats, limit=STATS_LIMIT),
]
