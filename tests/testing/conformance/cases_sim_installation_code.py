"""The installation code of an eSIM (``_routes/sim_installation_code.py``)."""

from __future__ import annotations

from tests.testing.conformance.harness import Deviation, call, case
from tests.testing.conformance.seeded import esim

CODE = "/api/v1/sim/{sim_id}/installation_code"
JSON = {"Accept": "application/json"}
SVG_DEFAULT = (
    "documented: 'By default, a QR code in SVG image format will be returned'; the spec's "
    "content lists only the JSON form"
)

CASES = [
    case(
        "esim installation code 200",
        lambda emu, s, t: call(s, "GET", CODE, {"sim_id": esim(emu)}, token=t, headers=JSON),
    ),
    case(
        "esim installation code as svg 200",
        lambda emu, s, t: call(s, "GET", CODE, {"sim_id": esim(emu)}, token=t),
        Deviation("response", "body", "DataValidationError", SVG_DEFAULT),
        Deviation("headers", "header:Content-Type", "value", SVG_DEFAULT),
    ),
    case(
        "physical sim installation code 404",
        lambda emu, s, t: call(
            s, "GET", CODE, {"sim_id": esim(emu, physical=True)}, token=t, headers=JSON
        ),
    ),
    case(
        "installation code unknown media type 415",
        lambda emu, s, t: call(
            s, "GET", CODE, {"sim_id": esim(emu)}, token=t, headers={"Accept": "text/html"}
        ),
    ),
]
