"""The generated structure functions build exactly what the converter built before them.

`benchmarks/_reference_converter.py` is the converter as it was before the speed-up, kept
verbatim. These tests structure the emulator's SIM pages and thousands of deliberately garbled
records with both, and require the same models, field for field and type for type, or the same
`ShapeError` (model, field, value and reason). `benchmarks/check_structure.py` runs the first
comparison over the emulator's 1M SIMs.
"""

from __future__ import annotations

import copy
import importlib.util
import random
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

from emnify_async import AsyncEmnify
from emnify_async import _converter as current
from emnify_async.models import (
    DailyStats,
    Event,
    Organisation,
    OrganisationStats,
    Sim,
    SimBatch,
    SimBatchRegistration,
    SimStats,
    Status,
    Tariff,
)
from emnify_async.testing import Emulator

from .test_models import DAILY_STATS, SIM_BATCH, SIM_DETAIL, SIM_EVENTS, SIM_LIST_PAGE, SIM_STATS

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


reference = _load("_reference_converter")
same: Callable[[Any, Any], None] = _load("check_structure").same

ORGANISATION: dict[str, Any] = {
    "id": 2,
    "name": "Org",
    "organisation_type_id": "4",
    "class": {"id": 1, "description": "Commercial"},
    "country_id": 74,
    "monthly_cost_limit": "100.5",
    "created": "2019-08-01T11:49:46.000+0000",
    "relation": {"id": 3, "type": {"id": 1, "description": "Customer of"}},
}
ORGANISATION_STATS: dict[str, Any] = {
    "current_month": {"data": SIM_STATS["current_month"]["data"]},
    "sim": {"total": "10", "factory_mode": 2},
    "users": 3,
    "hosting_fees": "1.5",
    "inclusive_volume": {"pooled": 1, "unpooled": "2.5"},
    "prepaid_balance": {"amount": 5, "currency": {"id": 1}, "last_updated": "2020-01-01"},
}
TARIFF: dict[str, Any] = {
    "id": 1,
    "name": "T",
    "created": "2020-03-01T12:07:09.000Z",
    "sim_activated_rate": "1.5",
    "public": "true",
    "status": 1,
    "data_blocksize": {"id": 1, "octets": "1024", "description": "exact"},
    "pdp_context_definition": [{"id": 1, "apn": "em", "default": 1}, {"apn": 5}],
}

SAMPLES: list[tuple[type[Any], dict[str, Any]]] = [
    *[(Sim, record) for record in SIM_LIST_PAGE],
    (Sim, SIM_DETAIL),
    *[(Event, record) for record in SIM_EVENTS],
    (SimStats, SIM_STATS),
    *[(DailyStats, record) for record in DAILY_STATS],
    (SimBatch, SIM_BATCH),
    (SimBatchRegistration, {"sim": [SIM_DETAIL, {"id": "2"}]}),
    (Organisation, ORGANISATION),
    (OrganisationStats, ORGANISATION_STATS),
    (Tariff, TARIFF),
]

# Models structured without a custom hook (no keys read under another name).
PLAIN = {Sim, Event, SimBatch, SimBatchRegistration, OrganisationStats, Tariff}

JUNK: list[Any] = [
    None,
    "",
    "5",
    " 7 ",
    "29.5",
    "abc",
    "true",
    "0",
    "TOTAL",
    "2019-08-01T11:49:46.000+0000",
    "2014-10-20 00:00:00",
    "2019-08-01",
    5,
    0,
    -1,
    600,
    2**70,
    5.0,
    5.5,
    float("nan"),
    True,
    False,
    [],
    [1],
    ["06:38", "0.5"],
    [{"id": 1}],
    {},
    {"id": 1},
    {"id": True},
    {"id": "1", "description": 7},
    {"x": [1, {"y": None}]},
    OrderedDict(id=2),
]


def _outcome(module: Any, obj: Any, cls: type[Any], many: bool) -> tuple[str, Any]:
    """What structuring gives: ("ok", models), ("error", (model, field, value, reason)) for a
    ShapeError (each converter has its own class), or ("crash", exception) for anything else."""
    try:
        if many:
            return ("ok", module.structure_list(obj, cls))
        return ("ok", module.structure(obj, cls))
    except Exception as exc:
        if type(exc).__name__ != "ShapeError":
            return ("crash", exc)
        error: Any = exc
        return ("error", (error.model, error.field, repr(error.value), error.reason))


def _assert_same_outcome(obj: Any, cls: type[Any], many: bool = False) -> None:
    expected = _outcome(reference, obj, cls, many)
    actual = _outcome(current, copy.deepcopy(obj), cls, many)
    if actual[0] == "ok" and type(obj) is dict and cls in PLAIN:
        # The keys the reference ignored are the ones kept in extra, with their values.
        declared = {field.name.rstrip("_") for field in attrs.fields(cls)}
        assert actual[1].extra == {k: v for k, v in obj.items() if k not in declared}
    if expected[0] == "crash" and isinstance(expected[1], OverflowError):
        # The one fix: an epoch timestamp out of range (2**70) is a ShapeError, not a crash.
        assert actual[0] == "error", (obj, actual)
        return
    assert expected[0] == actual[0], (obj, expected, actual)
    if expected[0] == "ok":
        same(expected[1], actual[1])
    else:
        assert repr(expected[1]) == repr(actual[1]), obj


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into nested dicts and lists."""
    found: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        found.append((*prefix, key))
        if isinstance(child, (dict, list)):
            found += _paths(child, (*prefix, key))
    return found


def _mutate(record: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A copy of `record` with one to three values replaced, removed or added."""
    garbled = copy.deepcopy(record)
    for _ in range(rng.randint(1, 3)):
        paths = _paths(garbled)
        if not paths:
            break
        *parents, last = rng.choice(paths)
        holder: Any = garbled
        for step in parents:
            holder = holder[step]
        action = rng.random()
        if action < 0.75:
            holder[last] = copy.deepcopy(rng.choice(JUNK))
        elif action < 0.9 and isinstance(holder, dict):
            del holder[last]
        elif isinstance(holder, dict):
            holder[f"new_{rng.randint(0, 9)}"] = copy.deepcopy(rng.choice(JUNK))
    return garbled


class TestSameAsReference:
    async def test_emulator_pages(self, emnify_emulator_factory: Any) -> None:
        """Every SIM of the emulator's pages is built identically, with no extra keys."""
        emu: Emulator = await emnify_emulator_factory(sims=10_000)
        async with AsyncEmnify(
            emu.application_token, base_url=emu.base_url, rate_limits=False
        ) as client:
            seen = 0
            async for page in client.sims.list().iter_raw_pages():
                expected = reference.structure_list(page, Sim)
                actual = current.structure_list(page, Sim)
                same(expected, actual)
                assert not any(sim.extra for sim in actual)
                seen += len(actual)
        assert seen == 10_000

    @pytest.mark.parametrize(("cls", "record"), SAMPLES, ids=lambda v: getattr(v, "__name__", ""))
    def test_samples(self, cls: type[Any], record: dict[str, Any]) -> None:
        """The recorded answers of every documented shape are built identically."""
        _assert_same_outcome(record, cls)

    @pytest.mark.parametrize("seed", range(8))
    def test_garbled_records(self, seed: int) -> None:
        """Records with values of every wrong kind give the same models or the same error."""
        rng = random.Random(seed)
        for _ in range(300):
            cls, record = rng.choice(SAMPLES)
            _assert_same_outcome(_mutate(record, rng), cls)

    @pytest.mark.parametrize("seed", range(4))
    def test_garbled_pages(self, seed: int) -> None:
        """Pages mixing sound and garbled records (nested objects shared within a page) give
        the same models or the same error, naming the same item."""
        rng = random.Random(1000 + seed)
        for _ in range(60):
            cls, record = rng.choice(SAMPLES)
            page = [
                _mutate(record, rng) if rng.random() < 0.2 else copy.deepcopy(record)
                for _ in range(rng.randint(1, 12))
            ]
            _assert_same_outcome(page, cls, many=True)

    @pytest.mark.parametrize(
        "page",
        [
            [{"id": 1, "status": {"id": 1}}, {"id": 2, "status": {"id": True}}],
            [{"id": 1, "status": {"id": 1}}, {"id": 2, "status": {"id": 1.0}}],
            [{"id": 1, "status": {"id": None}}, {"id": 2, "status": {"id": float("nan")}}],
            [
                {"id": 1, "customer_org": {"id": 5, "country": {"mcc": 262}}},
                {"id": 2, "customer_org": {"id": 5, "country": {"mcc": 262.0}}},
            ],
            [{"id": 1, "status": OrderedDict(id=1)}, {"id": 2, "status": {"id": 1}}],
        ],
        ids=["bool-for-int", "float-for-int", "nan-for-null", "float-for-str", "mapping"],
    )
    def test_sharing_tells_look_alikes_apart(self, page: list[dict[str, Any]]) -> None:
        """Nested objects are shared only when their values are the same JSON: True is not 1,
        1.0 is not 1 where text is expected, NaN is not null."""
        _assert_same_outcome(page, Sim, many=True)

    def test_status_lookup_list(self) -> None:
        """Un-paged lists (GET /api/v1/sim/status) too."""
        _assert_same_outcome([{"id": 0, "description": "Issued"}, {"id": "4"}], Status, many=True)


class TestThreads:
    def test_first_use_from_many_threads_at_once(self) -> None:
        """Threads that structure the same model for the first time at the same moment all
        get the finished function (one generates it, the others wait for it)."""
        record = SIM_LIST_PAGE[0]
        expected = reference.structure(record, Sim)
        for _ in range(10):
            compiler = current.Compiler(current.converter.get_structure_hook)
            start = threading.Barrier(6)
            results: list[Any] = []

            def work(
                compiler: Any = compiler,
                start: threading.Barrier = start,
                results: list[Any] = results,
            ) -> None:
                start.wait()
                try:
                    results.append(compiler.function(Sim)(copy.deepcopy(record), {}))
                except BaseException as exc:  # reported below
                    results.append(exc)

            threads = [threading.Thread(target=work) for _ in range(6)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

            assert len(results) == 6
            for result in results:
                same(expected, result)
