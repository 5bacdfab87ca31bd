"""Check that the current converter builds the same SIMs as the reference (pre-speed-up) one.

Run: ``.venv/bin/python benchmarks/check_structure.py [--sims 1000000] [--per-page 2500]``

Starts the emulator in this process, fetches every page of ``GET /api/v1/sim`` once as decoded
JSON (``iter_raw_pages()``), structures each page with ``_reference_converter.structure_list``
(today's converter, kept verbatim) and with ``emnify_async._converter.structure_list``, and
compares the two lists field by field, recursively, including each value's exact type and each
timestamp's tzinfo. It also checks that no model got an ``extra`` key (the emulator sends only
documented keys). Exits 1 on the first difference, naming the SIM and the field.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _reference_converter as reference

from emnify_async import AsyncEmnify
from emnify_async import _converter as current
from emnify_async.models import Sim
from emnify_async.testing import Emulator, EmulatorConfig


class Mismatch(AssertionError):
    """Two structured values differ."""


def same(expected: Any, actual: Any, path: str = "$") -> None:
    """Raise `Mismatch` unless `actual` equals `expected` field by field, with the same types."""
    if type(expected) is not type(actual):
        raise Mismatch(
            f"{path}: {type(expected).__name__} {expected!r:.80} != "
            f"{type(actual).__name__} {actual!r:.80}"
        )
    if attrs.has(type(expected)):
        for field in attrs.fields(type(expected)):
            same(getattr(expected, field.name), getattr(actual, field.name), f"{path}.{field.name}")
    elif isinstance(expected, list):
        if len(expected) != len(actual):
            raise Mismatch(f"{path}: {len(expected)} items != {len(actual)}")
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            same(left, right, f"{path}[{index}]")
    elif isinstance(expected, dict):
        if list(expected) != list(actual):
            raise Mismatch(f"{path}: keys {list(expected)} != {list(actual)}")
        for key in expected:
            same(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, dt.datetime):
        if expected != actual or expected.tzinfo is not actual.tzinfo:
            raise Mismatch(f"{path}: {expected!r} != {actual!r}")
    elif expected != actual and not (expected != expected and actual != actual):  # NaN
        raise Mismatch(f"{path}: {expected!r} != {actual!r}")


def no_extra(model: Any, path: str = "$") -> None:
    """Raise `Mismatch` if `model` or a model nested in it has `extra` keys."""
    if not attrs.has(type(model)):
        return
    if model.extra:
        raise Mismatch(f"{path}: unexpected extra {dict(model.extra)!r}")
    for field in attrs.fields(type(model)):
        value = getattr(model, field.name)
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            no_extra(
                item, f"{path}.{field.name}" + (f"[{index}]" if isinstance(value, list) else "")
            )


async def check(sims: int, per_page: int) -> int:
    config = EmulatorConfig(seed=0, sims=sims, rate_limits=False)
    started = time.perf_counter()
    checked = 0
    async with (
        Emulator(config) as emu,
        AsyncEmnify(emu.application_token, base_url=emu.base_url, rate_limits=False) as client,
    ):
        pager = client.sims.list(per_page=per_page)
        async for page in pager.iter_raw_pages():
            expected = reference.structure_list(page, Sim)
            actual = current.structure_list(page, Sim)
            if len(expected) != len(actual):
                raise Mismatch(f"{len(expected)} SIMs != {len(actual)} on a page")
            for old, new in zip(expected, actual, strict=True):
                same(old, new, f"sim {old.id}")
                no_extra(new, f"sim {old.id}")
            checked += len(actual)
    print(
        f"{checked:,} SIMs structured equal, field for field, in "
        f"{time.perf_counter() - started:.0f} s"
    )
    return checked


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sims", type=int, default=1_000_000)
    parser.add_argument("--per-page", type=int, default=2500)
    args = parser.parse_args()
    try:
        checked = asyncio.run(check(args.sims, args.per_page))
    except Mismatch as exc:
        print(f"MISMATCH: {exc}")
        return 1
    return 0 if checked == args.sims else 1


if __name__ == "__main__":
    raise SystemExit(main())
