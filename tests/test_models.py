"""Structuring real-looking emnify SIM API payloads into the attrs models."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from emnify_async import models
from emnify_async._converter import structure, structure_list
from emnify_async.models import (
    CloudConnectTunnel,
    Country,
    DailyStats,
    Event,
    HourlyPoint,
    Secret,
    Sim,
    SimBatch,
    SimBatchRegistration,
    SimStats,
    SimStatusId,
    Status,
)

UTC = dt.timezone.utc

# GET /api/v1/sim: the spec's example plus a record shaped like a recorded response
SIM_LIST_PAGE: list[dict[str, Any]] = [
    {
        "id": 123457,
        "iccid": "8988303000123456789",
        "production_date": "2019-08-01T11:49:46.000+0000",
        "status": {"id": 1, "description": "Activated"},
        "customer_org": {
            "id": 1234,
            "name": "Example Organisation",
            "country": {"id": 74, "name": "Germany"},
        },
        "issuer_org": {
            "id": 2,
            "name": "Example Issuer",
            "country": {"id": 219, "name": "NonTerrestrial 883"},
        },
        "endpoint": {
            "id": 12345,
            "name": "endpoint 2",
            "imei": None,
            "created": "2019-12-11T10:37:34.000+0000",
            "last_updated": "2019-12-11T10:37:34.000+0000",
            "organisation_id": 1234,
            "service_profile_id": 12345,
            "tariff_profile_id": 12345,
            "tags": None,
            "ip_address": "10.1.1.2",
            "ip_address_space_id": 123,
        },
        "imsi": "123456789123456",
        "msisdn": "12345678912",
        "model": {
            "id": 8,
            "description": "Classic",
            "memory_size": 64,
            "formfactor": {"id": 6, "name": "1/2/3FF (3in1) "},
            "manufacturer": {"id": 5, "name": "Oberthur"},
        },
    },
    {
        "id": 123458,
        "iccid": "8988303000123456790",
        "iccid_with_luhn": "89883030001234567904",
        "eid": None,
        "production_date": "2020-03-01T12:07:09.000Z",
        "status": {"id": 0, "description": "Issued"},
        "customer_org": {
            "id": 1234,
            "name": "Example Organisation",
            "country": {
                "id": 74,
                "name": "Germany",
                "country_code": "49",
                "mcc": "262",
                "iso_code": "de",
            },
        },
        "imsi": "123456789123457",
        "msisdn": "12345678913",
        "model": {"id": 8, "description": "Classic", "memory_size": "64"},
        "profile_type": {"id": 1, "description": "physical"},
        "satellite_capable": False,
    },
]

# GET /api/v1/sim/{id}: the spec's example (imsi and msisdn arrive as numbers)
SIM_DETAIL: dict[str, Any] = {
    "id": 788,
    "iccid": "736826736473229773621",
    "production_date": "2019-08-01T11:49:46.000+0000",
    "activation_date": "2019-08-21T18:49:46.000+0000",
    "status": {"id": 1, "description": "Active"},
    "customer_org": {
        "id": 42,
        "name": "another Enterprise",
        "country": {"id": 74, "name": "Germany"},
    },
    "issuer_org": {"id": 11, "name": "MNO", "country": {"id": 205, "name": "United Kingdom"}},
    "reseller_org": {
        "id": 22,
        "name": "Reseller",
        "country": {"id": 205, "name": "United Kingdom"},
    },
    "endpoint": {
        "id": 23,
        "name": "arduino02",
        "imei": None,
        "imei_lock": False,
        "created": "2019-03-29T07:26:47.000+0000",
        "last_updated": "2019-04-19T13:36:37.000+0000",
        "organisation_id": 42,
        "service_profile_id": 1,
        "tariff_profile_id": 1,
        "tags": None,
        "ip_address": "10.1.2.2",
    },
    "imsi": 123451234567811,
    "msisdn": 88563748762,
    "model": {
        "id": 1,
        "description": "Java smartcard",
        "memory_size": 64,
        "formfactor": {"id": 1, "name": "2FF", "image": "2ff.jpg"},
        "manufacturer": {"id": 1, "name": "Motorola"},
    },
}

# GET /api/v1/sim/{id}/event and GET /api/v1/event
SIM_EVENTS: list[dict[str, Any]] = [
    {
        "timestamp": "2019-07-16T12:07:09.000Z",
        "alert": True,
        "description": "PDP Context deleted.",
        "id": 69535,
        "event_type": {"description": "Delete PDP Context", "id": 4},
        "event_source": {"name": "Network", "id": 0},
        "event_severity": {"description": "INFO", "id": 0},
        "organisation": {"name": "Organisation_Name", "id": 2},
        "endpoint": {
            "name": "Monitoring201",
            "tags": "Monitoring",
            "ip_address": "10.199.6.39",
            "imei": None,
            "id": 6,
        },
        "sim": {
            "iccid": "8988317000000000100",
            "production_date": "2018-12-17T13:26:13.000Z",
            "id": 2,
        },
        "imsi": {"imsi": 901430000000114, "import_date": "2018-12-17T13:26:08.000Z", "id": 110},
    },
    {
        "id": 10582251867,
        "alert": False,
        "description": "New location received from SGSN for IMSI='123456789012345'.",
        "timestamp": "2020-07-20T11:03:08.000+0000",
        "event_type": {"id": 2, "description": "Update GPRS location"},
        "event_source": {"id": 0, "description": "Network"},
        "event_severity": {"id": 0, "description": "Info"},
        "organisation": {"id": 1234, "name": "Example Organisation"},
        "user": {"id": 200808, "username": "user@example.com", "name": "Example User"},
        "detail": {
            "id": 3,
            "name": "Vodafone",
            "country": {"id": 74, "name": "Germany", "mcc": "262", "iso_code": "de"},
            "tapcode": [{"id": 2, "tapcode": "DEUD2"}],
            "mnc": [{"id": 3, "mnc": "02"}],
        },
    },
]


def _traffic(month: str, traffic_type: int, volume: str, cost: float) -> dict[str, Any]:
    unit = {5: ("Data", "MB"), 6: ("SMS", "SMS")}[traffic_type]
    return {
        "sim_id": 908613,
        "month": month,
        "volume": volume,
        "volume_tx": "5.577229",
        "volume_rx": "23.589006",
        "traffic_type_id": traffic_type,
        "last_updated": "2019-11-30T14:56:25.000Z",
        "cost": cost,
        "currency_id": 1,
        "id": 2337591,
        "traffic_type": {"description": unit[0], "unit": unit[1], "id": traffic_type},
        "currency": {"code": "EUR", "symbol": "€", "id": 1},
    }


# GET /api/v1/sim/{id}/stats: the spec's example, trimmed
SIM_STATS: dict[str, Any] = {
    "last_month": {
        "data": _traffic("2019-11-01T00:00:00.000Z", 5, "29.166235", 6.10483935),
        "sms": _traffic("2019-11-01T00:00:00.000Z", 6, "51.000000", 3.32),
    },
    "current_month": {
        "data": _traffic("2019-12-01T00:00:00.000Z", 5, "0.848157", 0.21203925),
    },
    "last_hour": {
        "data": {
            "rx": [["06:38", 0], ["06:39", "0.5"], ["06:40", 1.25]],
            "tx": [["06:38", 0], ["06:39", 0], ["06:40", 0.75]],
        },
        "sms": {"rx": [["09:00", 5], [600, 2], [660, 10]], "tx": []},
    },
}

# GET /api/v1/sim/{id}/stats/daily: the spec's example rows, including the TOTAL row
DAILY_STATS: list[dict[str, Any]] = [
    {
        "date": "2019-03-20T00:00:00.000Z",
        "data": {
            "volume": "0.632622",
            "volume_tx": "0.184861",
            "volume_rx": "0.447761",
            "cost": "0.1265244000",
            "traffic_type": {"description": "Data", "unit": "MB", "id": 5},
            "currency": None,
        },
        "sms": {"volume": 0, "volume_tx": 0, "volume_rx": 0, "cost": None},
    },
    {
        "date": "2019-03-19",
        "data": {
            "volume": "10.745000",
            "volume_tx": "2.000000",
            "volume_rx": "8.745000",
            "traffic_type_id": "5",
            "cost": "2.149",
            "currency_id": "1",
            "currency": {"id": 1, "code": "EUR", "symbol": "€"},
        },
        "sms": None,
    },
    {
        "date": "TOTAL",
        "data": {
            "volume": "13.928082",
            "volume_tx": "2.757031",
            "volume_rx": "11.171051",
            "cost": "2.7856164000",
            "traffic_type": {"description": "Data", "unit": "MB", "id": 5},
            "currency": None,
        },
        "sms": {
            "volume": 0,
            "volume_tx": 0,
            "volume_rx": 0,
            "cost": 0,
            "traffic_type": "",
            "currency": "",
        },
    },
]

# GET /api/v1/sim_batch/bic/{bic}: the spec's example (numbers as strings)
SIM_BATCH: dict[str, Any] = {
    "sim_batch_status_id": "0",
    "bsn": "0205000000221000",
    "bic": "JV17MS68M6JPYJBM",
    "quantity": "5",
    "sim_model_id": "9",
    "issuer_org_id": "2",
    "customer_org_id": None,
    "reseller_org_id": None,
    "activated": "2020-12-16T09:25:30.000Z",
    "logistic_center_id": "1",
    "article_id": "21",
    "id": 164391,
    "status": {"description": "IN STOCK", "id": 0},
    "model": {"formfactor": {"name": "1/2/3/4FF (4in1)", "id": 8}, "id": 9},
}


class TestSimStatusId:
    def test_values(self) -> None:
        """SimStatusId carries the ids of GET /api/v1/sim/status."""
        expected = {"ISSUED": 0, "ACTIVATED": 1, "SUSPENDED": 2, "DELETED": 3, "FACTORY_TEST": 4}

        assert {member.name: member.value for member in SimStatusId} == expected

    def test_compares_with_plain_status_id(self) -> None:
        """A parsed status id compares equal to the matching SimStatusId."""
        sim = structure(SIM_LIST_PAGE[0], Sim)

        assert sim.status is not None
        assert sim.status.id == SimStatusId.ACTIVATED

    def test_status_lookup_list(self) -> None:
        """GET /api/v1/sim/status structures into a list of Status."""
        body = [{"id": 0, "description": "Issued"}, {"id": 4, "description": "Factory Test"}]

        expected = [Status(id=0, description="Issued"), Status(id=4, description="Factory Test")]
        assert structure_list(body, Status) == expected


class TestSim:
    def test_list_page(self) -> None:
        """A SIM list page structures into Sims with nested organisations, endpoint and model."""
        first, second = structure_list(SIM_LIST_PAGE, Sim)

        assert first.id == 123457
        assert dt.datetime(2019, 8, 1, 11, 49, 46, tzinfo=UTC) == first.production_date
        assert first.activation_date is None
        assert Status(id=1, description="Activated") == first.status
        assert first.customer_org is not None
        assert Country(id=74, name="Germany") == first.customer_org.country
        assert first.issuer_org is not None
        assert first.issuer_org.name == "Example Issuer"
        assert first.reseller_org is None
        assert first.endpoint is not None
        assert first.endpoint.id == 12345
        assert dt.datetime(2019, 12, 11, 10, 37, 34, tzinfo=UTC) == first.endpoint.created
        assert first.endpoint.ip_address_space_id == 123
        assert first.model is not None
        assert first.model.formfactor is not None
        assert first.model.manufacturer is not None
        assert (
            first.model.description,
            first.model.memory_size,
            first.model.formfactor.name,
            first.model.manufacturer.name,
        ) == ("Classic", 64, "1/2/3FF (3in1) ", "Oberthur")
        assert second.endpoint is None
        assert second.iccid_with_luhn == "89883030001234567904"
        assert dt.datetime(2020, 3, 1, 12, 7, 9, tzinfo=UTC) == second.production_date
        assert second.customer_org is not None
        assert second.customer_org.country is not None
        assert second.customer_org.country.mcc == "262"
        assert second.model is not None
        assert second.model.memory_size == 64
        assert Status(id=1, description="physical") == second.profile_type

    def test_detail_with_numeric_imsi(self) -> None:
        """SIM details with numeric imsi/msisdn and a reseller structure with string numbers."""
        sim = structure(SIM_DETAIL, Sim)

        assert sim.imsi == "123451234567811"
        assert sim.msisdn == "88563748762"
        assert dt.datetime(2019, 8, 21, 18, 49, 46, tzinfo=UTC) == sim.activation_date
        assert sim.reseller_org is not None
        assert sim.reseller_org.id == 22
        assert sim.endpoint is not None
        assert sim.endpoint.imei_lock is False
        assert sim.endpoint.ip_address_space_id is None
        assert sim.model is not None
        assert sim.model.formfactor is not None
        assert sim.model.formfactor.image == "2ff.jpg"

    def test_unknown_status_id(self) -> None:
        """A status id the SDK doesn't know (99) parses as a plain int."""
        sim = structure({**SIM_DETAIL, "status": {"id": 99, "description": "Quarantined"}}, Sim)

        assert Status(id=99, description="Quarantined") == sim.status

    def test_register_response(self) -> None:
        """The batch registration response holds partial Sims."""
        body = {"sim": [{"id": 1599276, "iccid": "8988303000000583545"}, {"id": 1599277}]}

        registration = structure(body, SimBatchRegistration)

        assert [sim.id for sim in registration.sim] == [1599276, 1599277]
        assert registration.sim[0].iccid == "8988303000000583545"
        assert registration.sim[1].production_date is None

    def test_frozen(self) -> None:
        """Models are frozen and slotted."""
        sim = structure(SIM_DETAIL, Sim)

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            sim.iccid = "x"  # type: ignore[misc]
        assert not hasattr(sim, "__dict__")


class TestEvent:
    def test_sim_events(self) -> None:
        """SIM events structure with type, source, severity, endpoint, sim and imsi."""
        event = structure_list(SIM_EVENTS, Event)[0]

        assert event.id == 69535
        assert dt.datetime(2019, 7, 16, 12, 7, 9, tzinfo=UTC) == event.timestamp
        assert event.alert is True
        assert Status(id=4, description="Delete PDP Context") == event.event_type
        assert event.event_source is not None
        assert event.event_source.name == "Network"
        assert event.organisation is not None
        assert event.organisation.name == "Organisation_Name"
        assert event.endpoint is not None
        assert event.endpoint.tags == "Monitoring"
        assert event.sim is not None
        assert dt.datetime(2018, 12, 17, 13, 26, 13, tzinfo=UTC) == event.sim.production_date
        assert event.imsi is not None
        assert event.imsi.imsi == "901430000000114"
        assert event.user is None
        assert event.detail is None

    def test_org_event_with_user_and_detail(self) -> None:
        """Events keep a free-form detail dict and the triggering user."""
        event = structure(SIM_EVENTS[1], Event)

        assert event.id == 10582251867
        assert event.event_source is not None
        assert event.event_source.description == "Network"
        assert event.user is not None
        assert event.user.username == "user@example.com"
        assert SIM_EVENTS[1]["detail"] == event.detail


class TestStats:
    def test_object_form(self) -> None:
        """SIM stats as the object the API sends: monthly totals and last-hour series."""
        stats = structure(SIM_STATS, SimStats)

        assert stats.last_month is not None
        assert stats.last_month.data is not None
        data = stats.last_month.data
        assert (data.volume, data.volume_tx, data.volume_rx) == (29.166235, 5.577229, 23.589006)
        assert dt.datetime(2019, 11, 1, tzinfo=UTC) == data.month
        assert data.cost == 6.10483935
        assert data.traffic_type is not None
        assert data.traffic_type.unit == "MB"
        assert data.currency is not None
        assert data.currency.symbol == "€"
        assert stats.current_month is not None
        assert stats.current_month.sms is None
        assert stats.last_hour is not None
        assert stats.last_hour.data is not None
        assert HourlyPoint(time="06:39", value=0.5) == stats.last_hour.data.rx[1]

    def test_array_form(self) -> None:
        """SIM stats as the spec's one-element array gives the same result as the object."""
        expected = structure(SIM_STATS, SimStats)

        assert structure([SIM_STATS], SimStats) == expected

    def test_empty_array(self) -> None:
        """An empty stats array gives SimStats with every part None."""
        assert SimStats() == structure([], SimStats)

    def test_hourly_int_time(self) -> None:
        """Hourly pairs with an int time count minutes after midnight (600 is 10:00)."""
        stats = structure(SIM_STATS, SimStats)

        assert stats.last_hour is not None
        assert stats.last_hour.sms is not None
        expected = [
            HourlyPoint(time="09:00", value=5.0),
            HourlyPoint(time="10:00", value=2.0),
            HourlyPoint(time="11:00", value=10.0),
        ]
        assert stats.last_hour.sms.rx == expected
        assert stats.last_hour.sms.tx == []

    def test_daily_rows(self) -> None:
        """Daily stats parse dates, string numbers and the TOTAL row."""
        day, plain_day, total = structure_list(DAILY_STATS, DailyStats)

        assert dt.date(2019, 3, 20) == day.date
        assert day.is_total is False
        assert day.data is not None
        assert day.data.cost == 0.1265244
        assert day.data.currency is None
        assert day.sms is not None
        assert day.sms.volume == 0.0
        assert dt.date(2019, 3, 19) == plain_day.date
        assert plain_day.data is not None
        assert (
            plain_day.data.volume,
            plain_day.data.traffic_type_id,
            plain_day.data.currency_id,
        ) == (10.745, 5, 1)
        assert plain_day.sms is None
        assert total.date is None
        assert total.is_total is True
        assert total.data is not None
        assert total.data.volume == 13.928082
        assert total.sms is not None
        assert total.sms.traffic_type is None
        assert total.sms.currency is None


class TestSimBatch:
    def test_string_numbers(self) -> None:
        """A SIM batch with numbers sent as strings structures into ints."""
        batch = structure(SIM_BATCH, SimBatch)

        assert batch.id == 164391
        assert (
            batch.quantity,
            batch.sim_batch_status_id,
            batch.sim_model_id,
            batch.issuer_org_id,
            batch.logistic_center_id,
            batch.article_id,
        ) == (5, 0, 9, 2, 1, 21)
        assert batch.customer_org_id is None
        assert dt.datetime(2020, 12, 16, 9, 25, 30, tzinfo=UTC) == batch.activated
        assert Status(id=0, description="IN STOCK") == batch.status
        assert batch.model is not None
        assert batch.model.formfactor is not None
        assert batch.model.formfactor.name == "1/2/3/4FF (4in1)"


class TestPackage:
    def test_all_sorted_and_exported(self) -> None:
        """models.__all__ is sorted and names every public model."""
        public = {name for name in vars(models) if not name.startswith("_")}
        exported = set(models.__all__)

        assert sorted(models.__all__) == models.__all__
        submodules = {
            "application_tokens",
            "automations",
            "cloud_connect",
            "destinations",
            "endpoints",
            "euiccs",
            "event_configurations",
            "events",
            "integrations",
            "ip_address_spaces",
            "lookups",
            "operators",
            "organisations",
            "service_profiles",
            "services",
            "sim_batches",
            "sim_migration",
            "sim_operations",
            "sims",
            "sms",
            "stats",
            "tags",
            "tariff_plans",
            "tariff_profiles",
            "tariffs",
            "users",
            "webhooks",
            "workspaces",
        }
        assert submodules == public - exported


class TestSecret:
    def test_masked_wherever_it_is_shown(self) -> None:
        """repr, str, f-strings and the models holding it show no secret."""
        secret = Secret("s3cr3t.key")
        tunnel = CloudConnectTunnel(psk=secret)

        shown = [repr(secret), str(secret), f"{secret}", repr(tunnel), str(tunnel)]

        assert all("s3cr3t" not in text for text in shown)
        assert repr(secret) == "Secret('********')"
        assert secret.get_secret_value() == "s3cr3t.key"

    def test_compares_by_value(self) -> None:
        """Equal values are equal secrets (and hash alike); a secret never equals a str."""
        assert Secret("a.key.123") == Secret("a.key.123")
        assert Secret("a.key.123") != Secret("b.key.123")
        assert Secret("a.key.123") != "a.key.123"
        assert len({Secret("a.key.123"), Secret("a.key.123")}) == 1

    def test_holds_only_text(self) -> None:
        with pytest.raises(TypeError):
            Secret(123)  # type: ignore[arg-type]

    def test_structured_from_the_answer(self) -> None:
        """A tunnel's `psk` arrives as a Secret (a number as its text)."""
        tunnel = structure({"psk": 12345678, "asn": "65000"}, CloudConnectTunnel)

        assert tunnel.psk == Secret("12345678")
        assert tunnel.asn == 65000
