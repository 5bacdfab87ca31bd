"""The emulator's lookups agree with every other place that shows the same values."""

from __future__ import annotations

from emnify_async.testing import _catalog as catalog
from emnify_async.testing._operators import COUNTRIES as OPERATOR_COUNTRIES
from emnify_async.testing._operators import OPERATORS

from .conftest import Api


async def test_countries_are_those_of_operators_and_organisations(api: Api) -> None:
    """Each country an operator or organisation names is listed, with the same codes."""
    listed = {c["id"]: c for c in (await api.call("GET", "/api/v1/country")).body}

    for operator in OPERATORS.values():
        country = OPERATOR_COUNTRIES[operator.country_id]
        entry = listed[country.id]
        assert (entry["name"], entry["country_code"], entry["mcc"], entry["iso_code"]) == (
            country.name,
            country.country_code,
            country.mcc,
            country.iso_code,
        )
    for org_country in catalog.COUNTRIES.values():
        entry = listed[org_country["id"]]
        assert entry["name"] == org_country["name"]
        assert entry["mcc"] == str(org_country["mcc"])


async def test_geographic_is_a_subset_without_duplicates(api: Api) -> None:
    """One entry per ISO code, each also in the full list."""
    every = (await api.call("GET", "/api/v1/country")).body
    geographic = (await api.call("GET", "/api/v1/country?geographic")).body
    flag_as_text = (await api.call("GET", "/api/v1/country?geographic=true")).body

    iso_codes = [c["iso_code"] for c in geographic]
    assert geographic == flag_as_text
    assert len(iso_codes) == len(set(iso_codes)) and len(geographic) < len(every)
    assert all(c in every for c in geographic)


async def test_values_a_tariff_references_are_listed(api: Api) -> None:
    """Currencies, block sizes and throttles: the tariff routes accept exactly these."""
    for path, table in (
        ("/api/v1/currency", catalog.CURRENCIES),
        ("/api/v1/data_blocksize", catalog.DATA_BLOCKSIZES),
        ("/api/v1/data_throttle", catalog.DATA_THROTTLES),
    ):
        assert [entry["id"] for entry in (await api.call("GET", path)).body] == list(table)


async def test_rat_and_esme_types_are_those_the_device_area_shows(api: Api) -> None:
    """Connectivity's RAT types and the SMS records' interface type are listed alike."""
    rats = {r["id"]: r["description"] for r in (await api.call("GET", "/api/v1/rat_type")).body}
    esme = (await api.call("GET", "/api/v1/esme_interface_type")).body

    assert (rats[1], rats[6]) == ("3G", "4G")  # the connectivity store's rat_type ids
    assert catalog.ESME_REST_API in esme


async def test_a_bad_flag_is_a_bad_request(api: Api) -> None:
    answer = await api.call("GET", "/api/v1/rat_type?limitable=maybe")

    assert (answer.status, answer.body["error_token"]) == (400, "BadRequest")
