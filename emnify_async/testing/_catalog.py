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
    11: {
        "id": 11,
        "description": "eSIM",
        "memory_size": 512,
        "formfactor": {"id": 10, "name": "eSIM"},
        "manufacturer": {"id": 5, "name": "Oberthur"},
    },
}
ESIM_MODEL = 11
"""The model of eSIMs (downloadable profiles): only they have an installation code."""

# The event types of GET /api/v1/event/type, as emnify lists them.
EVENT_TYPES: dict[int, str] = {
    0: "Generic",
    1: "Update Location",
    2: "Update GPRS Location",
    3: "Create PDP Context",
    4: "Update PDP Context",
    5: "Delete PDP Context",
    6: "User authentication failed",
    7: "Application authentication failed",
    8: "SIM activation",
    9: "SIM suspension",
    10: "SIM deletion",
    11: "Endpoint blocked",
    12: "Organisation blocked",
    13: "Support",
    14: "Multi-factor Authentication",
    15: "Purge location",
    16: "Purge GPRS location",
    17: "Self-Signup",
    18: "Threshold reached",
    19: "Quota used up",
    20: "SMS quota threshold reached",
    21: "SMS quota used up",
    22: "CloudConnect TGW Resource Share created",
    23: "CloudConnect TGW available",
    24: "CloudConnect VPN breakout available",
    25: "CloudConnect TGW breakout terminated",
    26: "CloudConnect VPN breakout terminated",
    27: "CloudConnect Connection State Changed",
    28: "OpenVPN connect",
    29: "OpenVPN disconnect",
    30: "OpenVPN authentication",
    31: "Organisation updated",
    32: "Billing configuration updated",
    33: "Tariff plan updated",
    34: "Usage tariff updated",
    35: "Payment",
    36: "User invited",
    37: "Password reset requested",
    38: "Order submitted",
    39: "Order updated",
    40: "User verification requested",
    41: "User verified",
    42: "Endpoint enabled",
    43: "Endpoint disabled",
    44: "SIM issued",
    45: "SIM factory test",
    46: "User deleted",
    47: "User federation activated",
    48: "SIM registration",
    49: "Device offline",
    50: "SIM Released",
    51: "SIM Assigned",
    52: "Data quota enabled",
    53: "Data quota disabled",
    54: "SMS quota enabled",
    55: "SMS quota disabled",
    56: "Data quota assigned",
    57: "Data quota deleted",
    58: "SMS quota assigned",
    59: "SMS quota deleted",
    60: "Data quota expired",
    61: "SMS quota expired",
    62: "Default inclusive volume updated",
    63: "Monthly order limit threshold reached",
    64: "Monthly order limit reached",
    65: "Endpoint data traffic limit warning",
}
EVENT_SOURCES: dict[int, str] = {0: "Network", 1: "Policy Control", 2: "API"}
# As recorded: event_source {"id": 2, "description": "API"}, severity "Info"; the spec's
# event examples and filter docs name the others "Warn" and "Critical".
EVENT_SEVERITIES: dict[int, str] = {0: "Info", 1: "Warn", 2: "Critical"}

# (event type, source, severity, description) for generated network events.
NETWORK_EVENTS: tuple[tuple[int, int, int, str], ...] = (
    (1, 0, 0, "New location received from VLR for IMSI='{imsi}', now attached to VLR='{vlr}'."),
    (2, 0, 0, "New location received from SGSN for IMSI='{imsi}', now attached to SGSN='{vlr}'."),
    (3, 0, 0, "PDP Context created."),
    (5, 0, 0, "PDP Context deleted."),
    (15, 0, 1, "Location purged for IMSI='{imsi}'."),
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
# EUR and USD as emnify's example lists them; the others' ids are chosen.
CURRENCIES: dict[int, JsonObj] = {
    1: EUR,
    2: USD,
    3: {"code": "GBP", "symbol": "£", "id": 3},
    4: {"code": "CHF", "symbol": "CHF", "id": 4},
}

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
    7: {"id": 7, "octets": 64000, "description": "64 kbit/s"},
    8: {"id": 8, "octets": 128000, "description": "128 kbit/s"},
    9: {"id": 9, "octets": 256000, "description": "256 kbit/s"},
    10: {"id": 10, "octets": 1000000, "description": "1 Mbit/s"},
}

# --- the device area (endpoints, SMS, quotas) -------------------------------------------------

ENDPOINT_STATUSES: dict[int, str] = {0: "Enabled", 1: "Disabled", 2: "Deleted"}
ENDPOINT_ENABLED, ENDPOINT_DISABLED = 0, 1

SMS_STATUSES: dict[int, str] = {
    1: "DELIVERY ATTEMPT PENDING",
    2: "IN PROGRESS",
    3: "BUFFERED",
    4: "DELIVERED",
    5: "FAILED",
    6: "EXPIRED",
    7: "CANCELED",
}
SMS_BUFFERED, SMS_DELIVERED, SMS_EXPIRED, SMS_CANCELED = 3, 4, 6, 7
SMS_TYPES: dict[int, str] = {1: "MT", 2: "MO"}
SMS_MT, SMS_MO = 1, 2
SOURCE_ADDRESS_TYPES: dict[int, str] = {145: "International", 161: "National", 208: "Alphanumeric"}
ESME_REST_API: JsonObj = {"description": "RestAPI", "id": 1}

QUOTA_STATUSES: dict[int, str] = {1: "ACTIVE", 2: "EXHAUSTED", 3: "EXPIRED"}
QUOTA_ACTIVE, QUOTA_EXPIRED = 1, 3
QUOTA_ACTIONS: dict[int, str] = {1: "Block", 2: "Throttle"}
QUOTA_THROTTLE = 2
PEAK_THROUGHPUTS = (64000, 128000, 256000, 384000)
# (event type when assigned, when deleted, label) of an endpoint's data and SMS quotas.
QUOTA_EVENTS: dict[str, tuple[int, int, str]] = {
    "data": (56, 57, "Data"),
    "sms": (58, 59, "SMS"),
}

# --- service profiles and their lookups -------------------------------------------------------

# The services of the spec's path enum (0 USSD, 3 Voice, 6 SMS MT, 32 SMS MO, 38 Data); data
# and SMS use the statistics' traffic types, voice and USSD ids 7 and 8 (a choice). Teleservice
# codes are GSM MAP's where one exists (telephony 0x11, SMS MT 0x21, SMS MO 0x22), else 0.
VOICE_TRAFFIC: JsonObj = {"description": "Voice", "unit": "Minutes", "id": 7}
USSD_TRAFFIC: JsonObj = {"description": "USSD", "unit": "USSD", "id": 8}
SERVICES: dict[int, JsonObj] = {
    0: {
        "id": 0,
        "description": "USSD",
        "teleservice_code": 0,
        "used_with_vlr": True,
        "used_with_sgsn": False,
        "traffic_type": USSD_TRAFFIC,
    },
    3: {
        "id": 3,
        "description": "Voice",
        "teleservice_code": 17,
        "used_with_vlr": True,
        "used_with_sgsn": False,
        "traffic_type": VOICE_TRAFFIC,
    },
    6: {
        "id": 6,
        "description": "SMS MT",
        "teleservice_code": 33,
        "used_with_vlr": True,
        "used_with_sgsn": True,
        "traffic_type": TRAFFIC_TYPES[6],
    },
    32: {
        "id": 32,
        "description": "SMS MO",
        "teleservice_code": 34,
        "used_with_vlr": True,
        "used_with_sgsn": True,
        "traffic_type": TRAFFIC_TYPES[6],
    },
    38: {
        "id": 38,
        "description": "Data",
        "teleservice_code": 0,
        "used_with_vlr": False,
        "used_with_sgsn": True,
        "traffic_type": TRAFFIC_TYPES[5],
    },
}
SERVICE_DATA, SERVICE_SMS_MT, SERVICE_SMS_MO = 38, 6, 32
TRAFFIC_LIMIT_PERIODS: dict[int, JsonObj] = {
    31: {"id": 31, "time_units": 1, "unit": "Days"},
    33: {"id": 33, "time_units": 5, "unit": "Days"},  # the spec's examples
    35: {"id": 35, "time_units": 1, "unit": "Months"},
}
# limit id -> (service id, volume in the service's traffic unit, period id); 111 and 234 are the
# spec's examples, moved to the data service.
TRAFFIC_LIMITS: dict[int, tuple[int, int, int]] = {
    111: (38, 64, 33),
    234: (38, 128, 35),
    235: (38, 1024, 35),
    301: (6, 100, 31),
    311: (32, 100, 31),
    312: (32, 1000, 35),
}
# id 1 as recorded on an SMS, 3 as in the spec's service profile example, 2 the other one.
ESME_INTERFACE_TYPES: dict[int, str] = {1: "RestAPI", 2: "SMPP", 3: "Console"}
# The spec's breakout regions (the lookup's example and the service profile's).
BREAKOUT_REGIONS: dict[int, JsonObj] = {
    2: {"name": "eu-west", "ip_address": "1.2.3.4", "id": 2},
    3: {"name": "eu-west-1 (VPN)", "ip_address": "0.0.0.0", "id": 3},
    5: {"name": "eu-east", "ip_address": "4.3.2.1", "id": 5},
}
