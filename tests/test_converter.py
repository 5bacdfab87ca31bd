"""The lenient cattrs converter and the JSON helpers."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections import OrderedDict
from collections.abc import Callable
from types import ModuleType
from typing import Any

import attrs
import pytest

from emnify_async import _json
from emnify_async._coerce import (
    _parse_datetime_compat,
    _parse_datetime_fallback,
    _parse_datetime_fast,
)
from emnify_async._converter import (
    ShapeError,
    converter,
    parse_date,
    parse_datetime,
    structure,
    structure_list,
    unstructure,
)
from emnify_async.models import (
    Country,
    DailyUsage,
    Event,
    OrganisationSummary,
    Sim,
    SimBatchRegistration,
    SimEndpoint,
    SimStatusId,
    Status,
    TrafficStats,
)

UTC = dt.timezone.utc


@attrs.frozen(kw_only=True)
class _Postponed:
    """A model whose annotations are text (this module has ``from __future__ import annotations``),
    like a resource module's private answer models."""

    eid: str
    count: int | None = None
    status: Status | None = None


TIMESTAMPS = [
    pytest.param(
        "2019-08-01T11:49:46.000+0000", dt.datetime(2019, 8, 1, 11, 49, 46, tzinfo=UTC), id="+0000"
    ),
    pytest.param("2020-03-01T12:07:09.000Z", dt.datetime(2020, 3, 1, 12, 7, 9, tzinfo=UTC), id="Z"),
    pytest.param("2014-10-20 00:00:00", dt.datetime(2014, 10, 20, tzinfo=UTC), id="naive-space"),
    pytest.param(
        "2019-08-01T13:49:46.250+0200",
        dt.datetime(2019, 8, 1, 11, 49, 46, 250000, tzinfo=UTC),
        id="+0200",
    ),
    pytest.param(
        "2019-08-01T06:49:46-05:00", dt.datetime(2019, 8, 1, 11, 49, 46, tzinfo=UTC), id="-05:00"
    ),
    pytest.param("2019-08-01T11:49:46+00:00", dt.datetime(2019, 8, 1, 11, 49, 46, tzinfo=UTC)),
    pytest.param("2019-03-21", dt.datetime(2019, 3, 21, tzinfo=UTC), id="date-only"),
]

PARSERS: list[Any] = [
    pytest.param(parse_datetime, id="public"),
    pytest.param(_parse_datetime_fast, id="fast-3.11"),
    pytest.param(_parse_datetime_compat, id="compat-3.10"),
    pytest.param(_parse_datetime_fallback, id="regex-fallback"),
]


class TestDatetime:
    @pytest.mark.parametrize("parse", PARSERS)
    @pytest.mark.parametrize(("text", "expected"), TIMESTAMPS)
    def test_wire_forms(
        self, parse: Callable[[str], dt.datetime], text: str, expected: dt.datetime
    ) -> None:
        """Every parser path turns each wire timestamp form into the same UTC datetime."""
        actual = parse(text)

        assert actual == expected
        assert UTC is actual.tzinfo

    @pytest.mark.parametrize("parse", PARSERS)
    def test_garbage_raises(self, parse: Callable[[str], dt.datetime]) -> None:
        """A string that is no timestamp raises ValueError."""
        with pytest.raises(ValueError):
            parse("yesterday")

    def test_fallback_long_fraction(self) -> None:
        """The regex fallback truncates fractions beyond microseconds."""
        expected = dt.datetime(2019, 8, 1, 11, 49, 46, 123456, tzinfo=UTC)

        assert _parse_datetime_fallback("2019-08-01T11:49:46.1234567Z") == expected

    def test_non_string_inputs(self) -> None:
        """Aware, naive and epoch-second inputs all come back as UTC datetimes."""
        berlin = dt.timezone(dt.timedelta(hours=2))
        expected = dt.datetime(2019, 8, 1, 11, 49, 46, tzinfo=UTC)

        assert parse_datetime(dt.datetime(2019, 8, 1, 13, 49, 46, tzinfo=berlin)) == expected
        assert parse_datetime(dt.datetime(2019, 8, 1, 11, 49, 46)) == expected
        assert parse_datetime(int(expected.timestamp())) == expected
        with pytest.raises(TypeError):
            parse_datetime(["2019-08-01"])

    def test_epoch_out_of_range_is_a_shape_error(self) -> None:
        """An epoch timestamp no datetime can hold is a ShapeError naming the field."""
        with pytest.raises(ShapeError) as caught:
            structure({"id": 1, "production_date": 2**70}, Sim)

        assert caught.value.field == "production_date"

    def test_null_and_empty_optional(self) -> None:
        """A null or empty optional timestamp becomes None."""
        body = {"id": 1, "production_date": None, "activation_date": ""}

        sim = structure(body, Sim)

        assert sim.production_date is None
        assert sim.activation_date is None


class TestDate:
    @pytest.mark.parametrize(
        "value",
        ["2019-03-21", "2019-03-21T00:00:00.000Z", "2019-03-21 23:59:59", dt.date(2019, 3, 21)],
    )
    def test_forms(self, value: Any) -> None:
        """Dates parse from YYYY-MM-DD or from the date part of a timestamp."""
        assert dt.date(2019, 3, 21) == parse_date(value)

    def test_datetime_input(self) -> None:
        """A datetime input gives its date."""
        assert dt.date(2019, 3, 21) == parse_date(dt.datetime(2019, 3, 21, 8, 0))


class TestNumbers:
    @pytest.mark.parametrize(
        ("value", "expected"), [(5, 5), ("5", 5), ("44", 44), ("5.0", 5), (5.0, 5), (" 7 ", 7)]
    )
    def test_int_fields_accept_numeric_strings(self, value: Any, expected: int) -> None:
        """Integer fields accept ints, integral floats and numeric strings."""
        endpoint = structure({"id": 1, "organisation_id": value}, SimEndpoint)

        assert endpoint.organisation_id == expected

    def test_int_rejects_fraction(self) -> None:
        """A non-integral value in an int field raises ValueError rather than truncating."""
        with pytest.raises(ValueError):
            structure({"organisation_id": "29.5"}, SimEndpoint)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [("29.166235", 29.166235), ("0.1265244000", 0.1265244), (3, 3.0), (6.1048, 6.1048)],
    )
    def test_float_fields_accept_numeric_strings(self, value: Any, expected: float) -> None:
        """Float fields accept numbers and numeric strings."""
        actual = structure({"volume": value, "cost": value}, TrafficStats)

        assert (expected, expected) == (actual.volume, actual.cost)
        assert float is type(actual.volume)

    def test_empty_string_number_is_none(self) -> None:
        """An empty string in an optional number field becomes None."""
        usage = structure({"volume": "", "traffic_type_id": ""}, DailyUsage)

        assert (usage.volume, usage.traffic_type_id) == (None, None)

    def test_required_id_from_string(self) -> None:
        """A required id sent as a string is converted."""
        assert structure({"id": "788"}, Sim).id == 788

    def test_numbers_into_string_fields(self) -> None:
        """Numbers in string fields (imsi, msisdn) become their decimal text."""
        sim = structure({"id": 1, "imsi": 901430000000114, "msisdn": 4917000000000}, Sim)

        assert (sim.imsi, sim.msisdn) == ("901430000000114", "4917000000000")

    def test_int_enum_from_string(self) -> None:
        """IntEnums structure from ints and numeric strings."""
        assert SimStatusId.ACTIVATED is structure("1", SimStatusId)
        assert SimStatusId.FACTORY_TEST is structure(4, SimStatusId)


class TestBool:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (True, True),
            (False, False),
            (1, True),
            (0, False),
            ("true", True),
            ("false", False),
            ("True", True),
            ("1", True),
            ("0", False),
            (None, None),
        ],
    )
    def test_forms(self, value: Any, expected: bool | None) -> None:
        """Bool fields accept true/false, 0/1 and their string forms."""
        assert expected is structure({"imei_lock": value}, SimEndpoint).imei_lock

    @pytest.mark.parametrize("value", ["maybe", 2])
    def test_rejects_other_values(self, value: Any) -> None:
        """Values that aren't booleans raise ValueError."""
        with pytest.raises(ValueError):
            structure({"id": 1, "alert": value}, Event)


class TestShapes:
    def test_unknown_fields_kept_aside(self) -> None:
        """Fields the models don't know never fail structuring, nested ones too; they go to
        `extra` (see tests/test_extra.py), which equality does not compare."""
        body = {
            "id": 1,
            "satellite_capable": True,
            "status": {"id": 1, "description": "Activated", "color": "green"},
            "brand_new_object": {"a": [1, 2]},
        }

        sim = structure(body, Sim)

        assert Sim(id=1, status=Status(id=1, description="Activated")) == sim
        assert set(sim.extra) == {"satellite_capable", "brand_new_object"}

    def test_missing_keys_default(self) -> None:
        """Missing keys leave optional fields at None."""
        assert Sim(id=7) == structure({"id": 7}, Sim)

    def test_missing_required_id(self) -> None:
        """A missing required id is a ShapeError naming the model and the field."""
        with pytest.raises(ShapeError) as caught:
            structure({"iccid": "8988"}, Sim)

        assert (caught.value.model, caught.value.field) == ("Sim", "id")

    def test_empty_string_instead_of_object(self) -> None:
        """An empty string where an object is expected reads as no object (seen in answers)."""
        assert structure({"id": 1, "customer_org": ""}, Sim).customer_org is None

    @pytest.mark.parametrize("junk", [[], 1.5, True, "abc", [{"id": 1}]])
    def test_junk_instead_of_object_is_an_error(self, junk: Any) -> None:
        """A value of another kind where an object is expected is not guessed away as None."""
        with pytest.raises(ShapeError) as caught:
            structure({"id": 1, "customer_org": junk}, Sim)

        assert caught.value.field == "customer_org"
        assert caught.value.value == junk

    @pytest.mark.parametrize("junk", [{"value": "898"}, ["898"], True])
    def test_object_instead_of_text_is_an_error(self, junk: Any) -> None:
        """Text fields take text or numbers; an object never becomes the text of a dict."""
        with pytest.raises(ShapeError) as caught:
            structure({"id": 1, "iccid": junk}, Sim)

        assert "Sim.iccid" in str(caught.value)

    @pytest.mark.parametrize("junk", [True, {"n": 1}, [1]])
    def test_non_number_for_number_is_an_error(self, junk: Any) -> None:
        """A boolean, object or list is not a number, even where numbers come as strings."""
        with pytest.raises(ShapeError) as caught:
            structure({"id": 1, "status": {"id": junk}}, Sim)

        assert caught.value.field == "status.id"

    def test_nested_error_names_the_innermost_field(self) -> None:
        """The error points at the failing field inside nested objects and list items."""
        with pytest.raises(ShapeError) as caught:
            structure_list([{"id": 1}, {"id": 2, "customer_org": {"country": [1]}}], Sim)

        error = caught.value
        assert (error.model, error.field, error.value) == ("Sim", "[1].customer_org.country", [1])

    def test_list_field_rejects_an_object(self) -> None:
        """A list field gets a list (or null for none), never the keys of an object."""
        assert structure({"sim": None}, SimBatchRegistration).sim == []
        with pytest.raises(ShapeError):
            structure({"sim": {"id": 1}}, SimBatchRegistration)

    @pytest.mark.parametrize("ref", [5, "5"])
    def test_bare_id_instead_of_object(self, ref: Any) -> None:
        """A bare id where an object with an id is expected becomes that object."""
        sim = structure({"id": 1, "status": ref, "customer_org": ref}, Sim)

        assert Status(id=5) == sim.status
        assert OrganisationSummary(id=5) == sim.customer_org

    def test_mapping_subclass_accepted(self) -> None:
        """Nested objects decoded into a Mapping other than dict still structure."""
        body = {"id": 1, "status": OrderedDict(id=1), "detail": OrderedDict(a=1)}

        event = structure(body, Event)

        assert event.detail == {"a": 1}
        assert structure(body, Sim).status == Status(id=1)

    def test_detail_not_an_object(self) -> None:
        """A free-form detail that isn't an object is an error, not silently dropped."""
        assert structure({"id": 1, "detail": ""}, Event).detail is None
        with pytest.raises(ShapeError):
            structure({"id": 1, "detail": "n/a"}, Event)

    def test_structure_list_rejects_object(self) -> None:
        """structure_list refuses an object where a JSON array is expected."""
        with pytest.raises(ShapeError):
            structure_list({"id": 1}, Sim)  # type: ignore[arg-type]

    def test_structure_list_matches_structure(self) -> None:
        """structure_list gives the same objects as structure on each item."""
        items = [{"id": 1, "iccid": "1"}, {"id": "2", "status": {"id": "1"}}]

        assert [structure(item, Sim) for item in items] == structure_list(items, Sim)

    def test_models_with_postponed_annotations(self) -> None:
        """Annotations written as text are evaluated, then coerced like any other."""
        items = [{"eid": 89049, "count": "2", "status": 1}]

        assert structure_list(items, _Postponed) == [
            _Postponed(eid="89049", count=2, status=Status(id=1))
        ]


class TestUnstructure:
    def test_omits_unset_fields(self) -> None:
        """Only the fields the caller set end up in the request body."""
        body = unstructure(Status(id=SimStatusId.ACTIVATED))

        assert body == {"id": 1}

    def test_dates_as_iso_strings(self) -> None:
        """Datetimes and dates unstructure to ISO 8601 strings."""
        endpoint = SimEndpoint(id=3, created=dt.datetime(2019, 12, 11, 10, 37, 34, tzinfo=UTC))

        assert unstructure(endpoint) == {"id": 3, "created": "2019-12-11T10:37:34+00:00"}
        assert unstructure(dt.date(2019, 3, 21)) == "2019-03-21"

    def test_round_trip(self) -> None:
        """Structuring the unstructured form of a model gives the model back."""
        org = OrganisationSummary(id=42, name="Org", country=Country(id=74, latitude=51.0))

        assert org == structure(unstructure(org), OrganisationSummary)

    def test_converter_settings(self) -> None:
        """The shared converter is built for speed and forward compatibility."""
        assert converter.detailed_validation is False
        assert converter.forbid_extra_keys is False
        assert converter.omit_if_default is True


def _load_json_module(monkeypatch: pytest.MonkeyPatch, *, orjson: bool) -> ModuleType:
    """Import a fresh copy of emnify_async._json, with or without orjson available."""
    if not orjson:
        monkeypatch.setitem(sys.modules, "orjson", None)
    spec = importlib.util.find_spec("emnify_async._json")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestJson:
    @pytest.mark.parametrize("use_orjson", [True, False], ids=["orjson", "stdlib"])
    def test_round_trip(self, monkeypatch: pytest.MonkeyPatch, use_orjson: bool) -> None:
        """dumps gives compact UTF-8 bytes and loads reads bytes and str, with either backend."""
        if use_orjson:
            pytest.importorskip("orjson")
        module = _load_json_module(monkeypatch, orjson=use_orjson)
        obj = {"status": {"id": 1}, "symbol": "€", "tags": None}

        encoded = module.dumps(obj)

        assert encoded == b'{"status":{"id":1},"symbol":"\xe2\x82\xac","tags":null}'
        assert obj == module.loads(encoded)
        assert obj == module.loads(encoded.decode("utf-8"))

    def test_default_module(self) -> None:
        """The package's _json module decodes what it encodes."""
        assert _json.loads(_json.dumps([1, "a"])) == [1, "a"]
