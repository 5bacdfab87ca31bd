"""Fixed lookup values of the emulated platform (statuses, countries, models, event types)."""

from __future__ import annotations

from typing import Any

JsonObj = dict[str, Any]

SIM_STATUSES: dict[int, str] = {
    0: "Issued",
    1: "Activated",
    2: "Suspended",
    3: "Deleted",
    4: "Factory Test",
}
ISSUED, ACTIVATED, SUSPENDED, DELETED, FACTORY_TEST = 0, 1, 2, 3, 4

# Allowed SIM status transitions, as documented for PATCH /api/v1/sim/{sim_id}.
STATUS_TRANSITIONS: frozenset[tuple[int, int]] = frozenset({(0, 1), (0, 4), (4, 1), (1, 2), (2, 1)})

ORG_TYPES: dict[int, str] = {
    1: "Mobile Network Operator",
    2: "Service Provider",
    3: "Reseller",
    4: "Enterprise",
}
MNO, SERVICE_PROVIDER, RESELLER, ENTERPRISE = 1, 2, 3, 4

COUNTRIES: dict[int, JsonObj] = {
    74: {"id": 74, "name": "Germany", "country_code": 49, "mcc": 262, "iso_code": "de"},
    205: {"id": 205, "name": "United Kingdom", "country_code": 44, "mcc": 234, "iso_code": "gb"},
    195: {"id": 195, "name": "Sweden", "country_code": 46, "mcc": 240, "iso_code": "se"},
    150: {"id": 150, "name": "Netherlands", "country_code": 31, "mcc": 204, "iso_code": "nl"},
    219: {"id": 219, "name": "NonTerrestrial 883", "country_code": 883, "mcc": 901},
}

SIM_MODELS: dict[int, JsonObj] = {
    1: {
        "id": 1,
        "description": "Java smartcard",
        "memory_size": 64,
        "formfactor": {"id": 1, "name": "2FF", "image": "2ff.jpg"},
        "manufacturer": {"id": 1, "name": "Motorola"},
    },
    8: {
        "id": 8,
        "description": "Classic",
        "memory_size": 64,
        "formfactor": {"id": 6, "name": "1/2/3FF (3in1) "},
        "manufacturer": {"id": 5, "name": "Oberthur"},
    },
    9: {
        "id": 9,
        "description": "Industrial",
        "memory_size": 128,
        "formfactor": {"id": 8, "name": "1/2/3/4FF (4in1)"},
        "manufacturer": {"id": 6, "name": "Gemalto"},
    },
    10: {
        "id": 10,
        "description": "MFF2 Industrial",
        "memory_size": 128,
        "formfactor": {"id": 9, "name": "MFF2"},
        "manufacturer": {"id": 6, "name": "Gemalto"},
    },
}

EVENT_TYPES: dict[int, str] = {
    0: "Generic",
    1: "Update location",
    2: "Update GPRS location",
    3: "Create PDP Context",
    4: "Update PDP Context",
    5: "Delete PDP Context",
    6: "User authentication failed",
    8: "SIM activation",
    9: "SIM suspension",
    10: "SIM deletion",
    12: "Purge location",
}
EVENT_SOURCES: dict[int, str] = {0: "Network", 1: "Policy Control", 2: "API"}
EVENT_SEVERITIES: dict[int, str] = {0: "INFO", 1: "WARN", 2: "CRITICAL"}

# (event type, source, severity, description) for generated network events.
NETWORK_EVENTS: tuple[tuple[int, int, int, str], ...] = (
    (1, 0, 0, "New location received from VLR for IMSI='{imsi}', now attached to VLR='{vlr}'."),
    (2, 0, 0, "New location received from SGSN for IMSI='{imsi}', now attached to SGSN='{vlr}'."),
    (3, 0, 0, "PDP Context created."),
    (5, 0, 0, "PDP Context deleted."),
    (12, 0, 1, "Location purged for IMSI='{imsi}'."),
)

TRAFFIC_TYPES: dict[int, JsonObj] = {
    5: {"description": "Data", "unit": "MB", "id": 5},
    6: {"description": "SMS", "unit": "SMS", "id": 6},
}
EUR: JsonObj = {"code": "EUR", "symbol": "€", "id": 1}

BATCH_STATUS_IN_STOCK: JsonObj = {"id": 0, "description": "IN STOCK"}

# --- organisations and billing --------------------------------------------------------------

ORG_STATUSES: dict[int, str] = {0: "Enabled", 1: "Suspended", 2: "Deleted"}
ORG_ENABLED, ORG_SUSPENDED = 0, 1
# emnify documents "Commercial" (id 0) in an example; the evaluation class id is a choice.
ORG_CLASSES: dict[int, str] = {0: "Commercial", 1: "Evaluation"}
COMMERCIAL, EVALUATION = 0, 1
ORG_RELATION_CUSTOMER: JsonObj = {"id": 0, "description": "Customer of"}

USD: JsonObj = {"code": "USD", "symbol": "$", "id": 2}
CURRENCIES: dict[int, JsonObj] = {1: EUR, 2: USD}

TARIFF_STATUSES: dict[int, str] = {1: "Active", 2: "Inactive"}
TARIFF_ACTIVE = 1
RATEZONE_STATUSES: dict[int, str] = {1: "Active", 2: "Inactive"}
RATEZONE_ACTIVE = 1
DATA_BLOCKSIZES: dict[int, JsonObj] = {
    10: {"id": 10, "octets": 1, "description": "exact"},
    11: {"id": 11, "octets": 1024, "description": "1 kB"},
    12: {"id": 12, "octets": 102400, "description": "100 kB"},
}
DATA_THROTTLES: dict[int, JsonObj] = {
    9: {"id": 9, "octets": 256000, "description": "256 kbit/s"},
    10: {"id": 10, "octets": 1000000, "description": "1 Mbit/s"},
}
