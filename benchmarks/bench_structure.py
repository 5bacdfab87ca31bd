"""Structuring speed: the SDK converter against a plain cattrs converter on 10,000 SIM records.

Run: ``.venv/bin/python benchmarks/bench_structure.py [--records N] [--repeat R]``

The baseline is ``cattrs.Converter(detailed_validation=False)`` with only a datetime hook, on the
same attrs classes; "reference" is the SDK's converter before the generated functions
(``_reference_converter.py``). Each side structures the records as one page, as
``structure_list`` does. Times are medians, reported with the cyclic GC on and off (the SDK
pauses the GC for the page itself, so its two columns differ only by what it cannot pause).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import cattrs

from emnify_async._coerce import _parse_datetime_compat
from emnify_async._converter import structure_list
from emnify_async.models import Sim

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _reference_converter as reference


def make_records(count: int) -> list[dict[str, Any]]:
    """Build ``count`` SIM records shaped like ``GET /api/v1/sim``; half lack an endpoint."""
    country = {"id": 74, "name": "Germany", "country_code": "49", "mcc": "262", "iso_code": "de"}
    records = []
    for i in range(count):
        record: dict[str, Any] = {
            "id": 1_000_000 + i,
            "iccid": f"89883030000{i:08d}",
            "iccid_with_luhn": f"89883030000{i:08d}5",
            "eid": None,
            "production_date": "2019-08-01T11:49:46.000+0000",
            "status": {"id": 1, "description": "Activated"},
            "customer_org": {"id": 1234, "name": "Example Organisation", "country": country},
            "issuer_org": {"id": 2, "name": "Example Issuer", "country": {"id": 219, "name": "NT"}},
            "reseller_org": {"id": 22, "name": "Reseller", "country": {"id": 205, "name": "UK"}},
            "imsi": f"2950500{i:08d}",
            "msisdn": f"4236{i:08d}",
            "model": {
                "id": 8,
                "description": "Classic",
                "memory_size": 64,
                "formfactor": {"id": 6, "name": "1/2/3FF (3in1)"},
                "manufacturer": {"id": 5, "name": "Oberthur"},
            },
            "profile_type": {"id": 1, "description": "physical"},
            "satellite_capable": False,
        }
        if i % 2 == 0:
            record["activation_date"] = "2019-08-21T18:49:46.000+0000"
            record["endpoint"] = {
                "id": 50_000 + i,
                "name": f"device {i}",
                "imei": "3548770000000001",
                "imei_lock": False,
                "created": "2019-12-11T10:37:34.000+0000",
                "last_updated": "2019-12-11T10:37:34.000+0000",
                "organisation_id": 1234,
                "service_profile_id": 12345,
                "tariff_profile_id": 12345,
                "tags": None,
                "ip_address": "10.1.1.2",
                "ip_address_space_id": 123,
            }
        records.append(record)
    return records


def baseline_converter() -> cattrs.Converter:
    """Return a plain cattrs converter with only a datetime hook."""
    conv = cattrs.Converter(detailed_validation=False)
    if sys.version_info >= (3, 11):
        conv.register_structure_hook(dt.datetime, lambda v, _: dt.datetime.fromisoformat(v))
    else:  # fromisoformat can't read "+0000" before 3.11; borrow the SDK's 3.10 parser
        conv.register_structure_hook(dt.datetime, lambda v, _: _parse_datetime_compat(v))
    return conv


def timed(
    cases: Mapping[str, Callable[[], object]], repeat: int, *, gc_on: bool
) -> dict[str, float]:
    """Run the cases interleaved and return each one's median wall time in milliseconds."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, fn in cases.items():
            gc.collect()
            if not gc_on:
                gc.disable()
            start = time.perf_counter()
            result = fn()
            elapsed = time.perf_counter() - start
            gc.enable()
            del result
            samples[name].append(elapsed * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    """Run the benchmark and print a small table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    records = make_records(args.records)
    base = baseline_converter()
    base_hook = base.get_structure_hook(Sim)

    def run_baseline() -> list[Sim]:
        return [base_hook(r, Sim) for r in records]

    def run_reference() -> list[Sim]:
        result: list[Sim] = reference.structure_list(records, Sim)
        return result

    def run_sdk() -> list[Sim]:
        return structure_list(records, Sim)

    expected = run_baseline()
    actual = run_sdk()
    assert [s.id for s in expected] == [s.id for s in actual]
    assert run_reference() == actual
    assert actual[0].endpoint is not None
    assert actual[1].endpoint is None

    cases = {
        "baseline cattrs + datetime hook": run_baseline,
        "emnify converter before (reference)": run_reference,
        "emnify converter": run_sdk,
    }
    on = timed(cases, args.repeat, gc_on=True)
    off = timed(cases, args.repeat, gc_on=False)
    print(f"{args.records} SIM records, median of {args.repeat} interleaved runs (ms)")
    print(f"{'case':<44} {'GC on':>8} {'GC off':>8}")
    for name in cases:
        print(f"{name:<44} {on[name]:8.1f} {off[name]:8.1f}")
    base_name, reference_name, sdk_name = cases
    for against, label in ((base_name, "baseline"), (reference_name, "before")):
        text = f"time ratio: emnify converter / {label}"
        print(f"{text:<44} {on[sdk_name] / on[against]:8.2f} {off[sdk_name] / off[against]:8.2f}")


if __name__ == "__main__":
    main()
