"""The platform's lookup lists (``GET /api/v1/country``, ``/currency``, ``/rat_type``...).

Countries keep the ids and codes the rest of the emulator uses (operators, organisations);
currencies, data block sizes and throttles are the catalog's, so that whatever a lookup lists
is what a tariff may reference. Where emnify's list is not published, the values are chosen to
be plausible (see docs/emulator.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from emnify_async.testing._catalog import JsonObj


@dataclass(frozen=True)
class LookupCountry:
    id: int
    name: str
    country_code: str
    mcc: str
    iso_code: str | None
    geographic: bool = True
    """False for the duplicates of further MCCs and for non-terrestrial networks."""

    def json(self) -> JsonObj:
        out: JsonObj = {
            "id": self.id,
            "name": self.name,
            "country_code": self.country_code,
            "mcc": self.mcc,
        }
        if self.iso_code is not None:
            out["iso_code"] = self.iso_code
        return out


# Ids 3, 4, 74, 150, 195, 205 are emnify's (recorded operator countries); the others are chosen.
COUNTRY_LIST: tuple[LookupCountry, ...] = (
    LookupCountry(3, "Afghanistan", "93", "412", "af"),
    LookupCountry(4, "Albania", "355", "276", "al"),
    LookupCountry(14, "Austria", "43", "232", "at"),
    LookupCountry(21, "Belgium", "32", "206", "be"),
    LookupCountry(38, "Canada", "1", "302", "ca"),
    LookupCountry(57, "Denmark", "45", "238", "dk"),
    LookupCountry(69, "France", "33", "208", "fr"),
    LookupCountry(74, "Germany", "49", "262", "de"),
    LookupCountry(95, "India", "91", "404", "in"),
    LookupCountry(103, "Italy", "39", "222", "it"),
    LookupCountry(106, "Japan", "81", "440", "jp"),
    LookupCountry(150, "Netherlands", "31", "204", "nl"),
    LookupCountry(160, "Norway", "47", "242", "no"),
    LookupCountry(172, "Poland", "48", "260", "pl"),
    LookupCountry(176, "Portugal", "351", "268", "pt"),
    LookupCountry(189, "Spain", "34", "214", "es"),
    LookupCountry(195, "Sweden", "46", "240", "se"),
    LookupCountry(196, "Switzerland", "41", "228", "ch"),
    LookupCountry(205, "United Kingdom", "44", "234", "gb"),
    LookupCountry(206, "United States", "1", "310", "us"),
    LookupCountry(219, "NonTerrestrial 883", "883", "901", None, geographic=False),
    LookupCountry(241, "India MCC 405", "91", "405", "in", geographic=False),
    LookupCountry(242, "United States (311)", "1", "311", "us", geographic=False),
)
COUNTRY_LOOKUP: dict[int, LookupCountry] = {country.id: country for country in COUNTRY_LIST}

# The spec's example ids, names in its style; addresses from the documentation ranges.
BREAKOUT_REGIONS: tuple[JsonObj, ...] = (
    {"id": 2, "name": "eu-west", "ip_address": "192.0.2.10"},
    {"id": 5, "name": "eu-east", "ip_address": "192.0.2.50"},
    {"id": 6, "name": "us-east", "ip_address": "198.51.100.60"},
    {"id": 7, "name": "ap-southeast", "ip_address": "203.0.113.70"},
)

# As recorded: an SMS's esme_interface_type is {"id": 1, "description": "RestAPI"} (S1's
# lookup example says 1 SMPP, 2 RestApi).
ESME_INTERFACE_TYPES: dict[int, str] = {1: "RestAPI", 2: "SMPP"}

# S1's example list, plus 7 LTE-M and 9 5G (chosen); connectivity uses 1 3G and 6 4G.
RAT_TYPES: dict[int, str] = {
    0: "reserved",
    1: "3G",
    2: "2G",
    3: "WLAN",
    4: "GAN",
    5: "HSPA+",
    6: "4G",
    7: "LTE-M",
    8: "NB-IoT",
    9: "5G",
}
RAT_BLACKLISTABLE = frozenset({1, 2, 6, 7, 8, 9})
"""The cellular technologies coverage can be blacklisted for."""
RAT_LIMITABLE = frozenset({1, 2, 6, 9})
"""The technologies a PDP context definition can be limited to."""

# Service levels by the organisation that defines them (an enterprise sees its parent's).
SERVICE_LEVELS: dict[int, tuple[JsonObj, ...]] = {
    101: (
        {"id": 1, "name": "Basic"},
        {"id": 2, "name": "Silver"},
        {"id": 3, "name": "Gold"},
    ),
    105: ({"id": 21, "name": "Partner Standard"},),
}
