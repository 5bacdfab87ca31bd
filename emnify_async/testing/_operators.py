"""The mobile network operators of ``GET /api/v1/operator``, blacklists and event details.

Shapes follow answers recorded from emnify's production API: in ``/operator`` the country's
numbers, ``inbound_roamers_allowed`` and each code's ``operator_id`` are strings; blacklists
and event details carry a shorter form without coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

from emnify_async.testing._catalog import JsonObj


@dataclass(frozen=True)
class Country:
    id: int
    name: str
    country_code: str
    mcc: str
    iso_code: str
    latitude: str
    longitude: str


@dataclass(frozen=True)
class Operator:
    id: int
    name: str
    country_id: int
    mnc: tuple[tuple[int, str], ...]
    """``(id, mnc)`` pairs."""
    tapcode: tuple[tuple[int, str], ...]
    """``(id, tapcode)`` pairs."""
    inbound_roamers_allowed: bool = True


COUNTRIES: dict[int, Country] = {
    3: Country(3, "Afghanistan", "93", "412", "af", "33.000000", "65.000000"),
    4: Country(4, "Albania", "355", "276", "al", "41.000000", "20.000000"),
    74: Country(74, "Germany", "49", "262", "de", "51.000000", "9.000000"),
    150: Country(150, "Netherlands", "31", "204", "nl", "52.500000", "5.750000"),
    195: Country(195, "Sweden", "46", "240", "se", "62.000000", "15.000000"),
    205: Country(205, "United Kingdom", "44", "234", "gb", "54.000000", "-2.000000"),
}

_OPERATORS = (
    Operator(2, "Vodafone", 74, ((2, "02"),), ((2, "DEUD2"),)),
    Operator(3, "Telekom", 74, ((1, "01"),), ((1, "DEUD1"),)),
    Operator(4, "EPlus", 74, ((3, "03"), (4, "77")), ((3, "DEUE3"),)),
    Operator(5, "Vodafone", 205, ((5, "15"),), ((5, "GBRVF"),)),
    Operator(7, "Telia", 195, ((7, "01"),), ((7, "SWETR"),)),
    Operator(8, "KPN", 150, ((8, "08"),), ((8, "NLDPT"),)),
    Operator(24, "Vodafone", 4, ((17, "02"),), ((16, "ALBVF"),)),
    Operator(552, "Afghan Wireless (AWCC)", 3, ((14, "01"),), ((13, "AFGAW"),)),
    Operator(553, "TDCA (Roshan)", 3, ((15, "20"),), ((14, "AFGTD"),)),
    Operator(942, "MTN", 3, ((628, "40"),), ((605, "AFGAR"),), inbound_roamers_allowed=False),
)
OPERATORS: dict[int, Operator] = {
    op.id: op for op in sorted(_OPERATORS, key=lambda op: (COUNTRIES[op.country_id].name, op.id))
}
"""By id, in the order ``/operator`` lists them (by country name, then id)."""

NETWORK_OPERATORS = (3, 4, 5, 7, 8)
"""Operators the emulated devices roam on (connectivity, network events)."""


def operator_json(op: Operator) -> JsonObj:
    """An item of ``GET /api/v1/operator``, key order and string numbers as recorded."""
    country = COUNTRIES[op.country_id]
    return {
        "name": op.name,
        "inbound_roamers_allowed": "1" if op.inbound_roamers_allowed else "0",
        "country_name": country.name,
        "id": op.id,
        "country": {
            "name": country.name,
            "country_code": country.country_code,
            "mcc": country.mcc,
            "iso_code": country.iso_code,
            "latitude": country.latitude,
            "longitude": country.longitude,
            "id": country.id,
        },
        "mnc": [{"mnc": mnc, "operator_id": str(op.id), "id": ident} for ident, mnc in op.mnc],
        "tapcode": [
            {"tapcode": code, "operator_id": str(op.id), "id": ident} for ident, code in op.tapcode
        ],
        "name_and_country": f"{country.name} / {op.name}",
    }


def operator_brief(op: Operator) -> JsonObj:
    """The shorter form of blacklists and event details (as recorded)."""
    country = COUNTRIES[op.country_id]
    return {
        "id": op.id,
        "name": op.name,
        "country": {
            "id": country.id,
            "name": country.name,
            "country_code": country.country_code,
            "mcc": country.mcc,
            "iso_code": country.iso_code,
        },
        "tapcode": [{"id": ident, "tapcode": code} for ident, code in op.tapcode],
        "mnc": [{"id": ident, "mnc": mnc} for ident, mnc in op.mnc],
    }
