"""docs/migrating-from-emnify-sdk.md maps all of emnify-sdk to calls that exist.

The guide's mapping tables (the tables whose first header cell is ``emnify-sdk``) must list
every public name of emnify-sdk (`EMNIFY_SDK`) exactly once, with its parameters. Every call
of ours that they name must exist in its package, take the keyword arguments shown, and, in the
async column, be awaited exactly where it has to be. Every ``client.<area>.<method>`` anywhere
in the guide must exist too.

The device area (`client.endpoints`, `client.operators`, `client.events`) is checked against
the API its issue fixes (`DEVICE_API`) while `emnify_async.AsyncEndpoints` does not exist.
Once it does, it is checked against the real classes, and the real classes against `DEVICE_API`.
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import emnify_async
import emnify_sync
from emnify_async import AsyncEmnify, AsyncPager
from emnify_async import _constants as constants
from emnify_sync import Emnify

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "migrating-from-emnify-sdk.md"

# emnify-sdk's public surface (emnify/emnify-sdk-python, 0.5.x), read from its source:
# name -> its parameters, or None for a property, attribute, class or environment variable.
EMNIFY_SDK: dict[str, tuple[str, ...] | None] = {
    # emnify/emnify.py: the facade and its attributes; the base URL's environment variable
    "EMnify": ("app_token",),
    "emnify.app_token": None,
    "emnify.token": None,
    "emnify.devices": None,
    "emnify.sim": None,
    "emnify.operator": None,
    "EMNIFY_SDK_API_ENDPOINT_URL": None,
    # emnify/modules/device/manager.py: DeviceManager's methods
    "emnify.devices.get_devices_list": ("filter_model", "sort_enum"),
    "emnify.devices.retrieve_device": ("device_id",),
    "emnify.devices.create_device": ("device",),
    "emnify.devices.update_device": ("device_id", "device"),
    "emnify.devices.delete_device": ("device_id",),
    "emnify.devices.change_status": ("device", "enable", "disable"),
    "emnify.devices.disable_device": ("device_id",),
    "emnify.devices.assign_sim": ("device_id", "sim_id", "enable"),
    "emnify.devices.release_sim": ("device_id",),
    "emnify.devices.get_device_events_list": ("device",),
    "emnify.devices.get_device_sms_list": ("device",),
    "emnify.devices.send_sms": ("device", "sms"),
    "emnify.devices.get_device_connectivity_status": ("device_id",),
    "emnify.devices.reset_connectivity_network": ("device_id",),
    "emnify.devices.reset_connectivity_data": ("device_id",),
    "emnify.devices.get_device_operator_blacklist": ("device_id",),
    "emnify.devices.add_device_blacklist_operator": ("device_id", "operator_id"),
    "emnify.devices.delete_device_blacklist_operator": ("device_id", "operator_id"),
    "emnify.devices.validate_device": ("device",),
    # DeviceManager's model, filter and sort properties
    "emnify.devices.device_model": None,
    "emnify.devices.device_detailed_model": None,
    "emnify.devices.device_create_model": None,
    "emnify.devices.device_update_model": None,
    "emnify.devices.status_model": None,
    "emnify.devices.service_profile_model": None,
    "emnify.devices.tariff_profile_model": None,
    "emnify.devices.sms_create_model": None,
    "emnify.devices.list_sms_model": None,
    "emnify.devices.event_model": None,
    "emnify.devices.get_device_filter_model": None,
    "emnify.devices.get_device_sort_enum": None,
    # emnify/modules/sim/manager.py: SimManager's methods and properties
    "emnify.sim.get_sim_list": ("without_device", "filter_model", "sort_enum"),
    "emnify.sim.retrieve_sim": ("sim_id",),
    "emnify.sim.update_sim": ("sim_id", "sim"),
    "emnify.sim.activate_sim": ("sim_id",),
    "emnify.sim.suspend_sim": ("sim_id",),
    "emnify.sim.register_sim": ("bic",),
    "emnify.sim.get_sim_list_model": None,
    "emnify.sim.get_sim_update_model": None,
    "emnify.sim.get_sim_filter_model": None,
    "emnify.sim.get_sim_sort_enum": None,
    # emnify/modules/operator/manager.py
    "emnify.operator.get_operators": (),
    # emnify/constants.py: the status constants users pass
    "emnify.constants.DeviceStatuses": None,
    "emnify.constants.SimStatusesID": None,
    "emnify.constants.SimStatusesDict": None,
    # emnify/errors.py
    "emnify.errors.EMnifyBaseException": None,
    "emnify.errors.UnauthorisedException": None,
    "emnify.errors.JsonDecodeException": None,
    "emnify.errors.UnexpectedArgumentException": None,
    "emnify.errors.ValidationErrorException": None,
    "emnify.errors.UnknownStatusCodeException": None,
    "emnify.errors.MinimalPythonVersionException": None,
}


class Kind(enum.Enum):
    """How a method of ours is called in async code."""

    COROUTINE = "a coroutine"
    PAGER = "a method returning an AsyncPager (iterated, or awaited for a list)"
    LIST = "a list call: a coroutine, or a method returning an AsyncPager (awaited either way)"


@dataclass(frozen=True)
class Method:
    """One method of the device area's fixed API: its kind and the keywords the issue names."""

    kind: Kind
    keywords: frozenset[str] = frozenset()


def _methods(kind: Kind, *names: str, keywords: tuple[str, ...] = ()) -> dict[str, Method]:
    return {name: Method(kind, frozenset(keywords)) for name in names}


ENDPOINT_FIELDS = (
    *("name", "status", "service_profile", "tariff_profile", "sim", "tags", "imei", "imei_lock"),
    *("ip_address", "ip_address_space"),
)
LISTING = ("q", "sort", "per_page")
C, P, L = Kind.COROUTINE, Kind.PAGER, Kind.LIST

# The device area's public API, as fixed by its issue (the same names in both packages).
DEVICE_API: dict[str, dict[str, Method]] = {
    "endpoints": {
        **_methods(P, "list", "events", keywords=LISTING),
        **_methods(C, "get", "delete", "enable", "disable", "assign_sim", "release_sim"),
        **_methods(C, "create", "update", keywords=ENDPOINT_FIELDS),
        **_methods(L, "statuses", "list_sms", "blacklisted_operators"),
        **_methods(L, "daily_stats", keywords=("start_date", "end_date")),
        **_methods(C, "stats", "connectivity", "connectivity_info"),
        **_methods(C, "reset_connectivity", keywords=("network", "data")),
        **_methods(C, "send_sms", keywords=("payload", "source_address")),
        **_methods(C, "get_sms", "cancel_sms", "send_ussd"),
        **_methods(C, "blacklist_operator", "unblacklist_operator"),
        **_methods(C, "data_quota", "set_data_quota", "remove_data_quota"),
        **_methods(C, "sms_quota", "set_sms_quota", "remove_sms_quota"),
        **_methods(C, "balance", "update_balance", "reset_balance"),
        **_methods(C, "bulk_update", "bulk_enable", "bulk_disable"),
    },
    "operators": _methods(P, "list"),
    "events": {**_methods(P, "list", keywords=LISTING), **_methods(L, "types")},
}
DEVICE_NAMES = {"Endpoint", "EndpointStatusId"}
ENDPOINT_STATUS_IDS = {"ENABLED": 0, "DISABLED": 1, "DELETED": 2}
ENV_VARS = {value for name, value in vars(constants).items() if name.startswith("ENV_")}

# A call or reference of ours: `await client.sims.get(`, `client.endpoints`, `client.request(`.
_CLIENT_REF = re.compile(r"(?P<await>await\s+)?\bclient\.(?P<area>\w+)(?:\.(?P<method>\w+))?")
_CONSTRUCTOR = re.compile(r"\b(?P<cls>AsyncEmnify|Emnify)\(")
_BARE_NAME = re.compile(r"[A-Z]\w*(?:\.[A-Z]\w*)?")
_ENV_VAR = re.compile(r"EMNIFY_[A-Z_]+")
_CODE_SPAN = re.compile(r"`([^`]+)`")
_KEYWORD = re.compile(r"(?<![\w.=!<>])([a-z_]\w*)=(?!=)")


def device_area_landed() -> bool:
    """Whether the device area exists, so that it is checked against the real classes."""
    return hasattr(emnify_async, "AsyncEndpoints")


@dataclass(frozen=True)
class Package:
    """One of our two packages, as the guide's columns name it."""

    module: ModuleType
    client: type[Any]
    is_async: bool


ASYNC = Package(emnify_async, AsyncEmnify, is_async=True)
SYNC = Package(emnify_sync, Emnify, is_async=False)


@dataclass(frozen=True)
class Row:
    """One row of a mapping table."""

    line: int
    theirs: str
    ours_async: str
    ours_sync: str


# --- reading the guide ---------------------------------------------------------------------


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def mapping_rows(text: str) -> list[Row]:
    """The rows of every table whose first header cell is `emnify-sdk`."""
    lines = text.splitlines()
    rows: list[Row] = []
    index = 0
    while index < len(lines):
        if lines[index].startswith("|") and _cells(lines[index])[0] == "emnify-sdk":
            index += 2  # the header and the |---| line
            while index < len(lines) and lines[index].startswith("|"):
                cells = _cells(lines[index])
                assert len(cells) == 4, f"line {index + 1}: a mapping row has 4 cells"
                rows.append(Row(index + 1, cells[0], cells[1], cells[2]))
                index += 1
        index += 1
    return rows


def _call_args(text: str, start: int) -> str | None:
    """The text between the parenthesis at `start` and its match, or None if not a call."""
    if start >= len(text) or text[start] != "(":
        return None
    depth = 0
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return text[start + 1 : index]
    return text[start + 1 :]


def _keywords(args: str) -> set[str]:
    return set(_KEYWORD.findall(args))


def their_name(cell: str) -> tuple[str, tuple[str, ...] | None]:
    """`emnify.sim.update_sim(sim_id, sim)` -> ("emnify.sim.update_sim", ("sim_id", "sim"))."""
    spans = _CODE_SPAN.findall(cell)
    assert spans, f"no emnify-sdk name in {cell!r}"
    name, _, rest = spans[0].partition("(")
    if not rest:
        return name, None
    params = [part.split("=")[0].strip() for part in rest.rstrip(")").split(",")]
    return name, tuple(param for param in params if param and param != "*")


# --- what exists -----------------------------------------------------------------------------


def area_class(package: Package, area: str) -> type[Any] | None:
    """The class behind `client.<area>`, or None if the client has no such area."""
    accessor = inspect.getattr_static(package.client, area, None)
    getter = getattr(accessor, "func", None) or getattr(accessor, "fget", None)
    if getter is None:
        return None
    result: type[Any] = typing.get_type_hints(getter)["return"]
    return result


def _returns_pager(method: Callable[..., Any]) -> bool:
    returned = typing.get_type_hints(method).get("return")
    return typing.get_origin(returned) is AsyncPager or returned is AsyncPager


def real_kind(method: Callable[..., Any]) -> Kind | None:
    if inspect.iscoroutinefunction(method):
        return Kind.COROUTINE
    return Kind.PAGER if _returns_pager(method) else None


@dataclass(frozen=True)
class Target:
    """A method of ours as far as it is known: from the real class, else from DEVICE_API."""

    kind: Kind | None
    keywords: frozenset[str] | None
    """Keywords it takes; None when any is accepted (`**kwargs`)."""


def _parameters(method: Callable[..., Any]) -> frozenset[str] | None:
    params = inspect.signature(method).parameters.values()
    if any(param.kind is inspect.Parameter.VAR_KEYWORD for param in params):
        return None
    return frozenset(param.name for param in params)


def resolve(package: Package, area: str, method: str | None) -> Target | str:
    """The target of `client.<area>[.<method>]`, or why it does not exist."""
    if method is None and area not in DEVICE_API:
        found = inspect.getattr_static(package.client, area, None)
        if found is None:
            return f"{package.client.__name__} has no {area!r}"
        if callable(found) and not isinstance(found, (property, functools.cached_property)):
            return Target(real_kind(found) if package.is_async else None, _parameters(found))
        return Target(None, None)
    cls = area_class(package, area)
    if cls is None:
        if area in DEVICE_API and not device_area_landed():
            if method is None:
                return Target(None, None)
            known = DEVICE_API[area].get(method)
            if known is None:
                return f"client.{area}.{method} is not in the device area's API (DEVICE_API)"
            return Target(known.kind if package.is_async else None, known.keywords)
        return f"{package.client.__name__} has no area {area!r}"
    if method is None:
        return Target(None, None)
    function = getattr(cls, method, None)
    if function is None:
        return f"{cls.__name__} has no method {method!r}"
    return Target(real_kind(function) if package.is_async else None, _parameters(function))


def has_name(package: Package, name: str) -> bool:
    """Whether `name` (`SimStatusId` or `SimStatusId.ACTIVATED`) exists in the package."""
    head, _, member = name.partition(".")
    if head in DEVICE_NAMES and not device_area_landed():
        return not member or (head == "EndpointStatusId" and member in ENDPOINT_STATUS_IDS)
    found = getattr(package.module, head, None)
    return found is not None and (not member or hasattr(found, member))


# --- checking a cell -------------------------------------------------------------------------


def check_refs(text: str, package: Package) -> tuple[list[str], set[tuple[str, str | None]]]:
    """Problems with the calls and names of ours in `text`, and the `client.` targets found."""
    problems: list[str] = []
    targets: set[tuple[str, str | None]] = set()
    for match in _CLIENT_REF.finditer(text):
        area, method = match["area"], match["method"]
        shown = match.group(0).strip()
        targets.add((area, method))
        target = resolve(package, area, method)
        if isinstance(target, str):
            problems.append(target)
            continue
        args = _call_args(text, match.end())
        if args is None:
            continue
        if target.keywords is not None:
            unknown = _keywords(args) - target.keywords
            if unknown:
                problems.append(f"{shown}(...) takes no {sorted(unknown)}")
        awaited = match["await"] is not None
        if not package.is_async and awaited:
            problems.append(f"{shown}: the sync facade is never awaited")
        elif target.kind in (Kind.COROUTINE, Kind.LIST) and not awaited:
            problems.append(f"{shown}(...) must be awaited: it is {target.kind.value}")
        elif package.is_async and target.kind is None and awaited:
            problems.append(f"{shown}(...) is not awaitable")
    for match in _CONSTRUCTOR.finditer(text):
        wanted = package.client.__name__
        if match["cls"] != wanted:
            problems.append(f"{match['cls']}(...) in the column of {wanted}")
            continue
        args = _call_args(text, match.end() - 1) or ""
        unknown = _keywords(args) - set(inspect.signature(package.client).parameters)
        if unknown:
            problems.append(f"{wanted}(...) takes no {sorted(unknown)}")
    return problems, targets


def check_names(cell: str, package: Package) -> list[str]:
    """Problems with the bare names (classes, enums, environment variables) in `cell`."""
    problems = []
    for span in _CODE_SPAN.findall(cell):
        if _ENV_VAR.fullmatch(span):
            if span not in ENV_VARS:
                problems.append(f"the SDK reads no environment variable {span}")
        elif _BARE_NAME.fullmatch(span) and not has_name(package, span):
            problems.append(f"{package.module.__name__} has no {span}")
    return problems


def check_row(row: Row) -> list[str]:
    """Problems with one mapping row: its references of ours, in both columns."""
    problems = []
    found = {}
    for package, cell in ((ASYNC, row.ours_async), (SYNC, row.ours_sync)):
        if cell.startswith("—"):
            found[package.is_async] = set()
            continue
        spans = " ".join(_CODE_SPAN.findall(cell))
        ref_problems, targets = check_refs(spans, package)
        name_problems = check_names(cell, package)
        problems += ref_problems + name_problems
        if not _CODE_SPAN.search(cell):
            problems.append(f"{package.client.__name__}: names no call (write '—' if none)")
        found[package.is_async] = targets
    if found[True] != found[False]:
        problems.append(f"the columns name different calls: {found[True] ^ found[False]}")
    return [f"line {row.line} ({their_name(row.theirs)[0]}): {problem}" for problem in problems]


def check_coverage(rows: list[Row]) -> list[str]:
    """Every emnify-sdk name listed exactly once, with its parameters, and no unknown name."""
    problems = []
    names = Counter(their_name(row.theirs)[0] for row in rows)
    problems += [f"{name} is listed {count} times" for name, count in names.items() if count > 1]
    problems += [f"{name} is not listed" for name in EMNIFY_SDK if name not in names]
    problems += [f"{name} is not in emnify-sdk" for name in names if name not in EMNIFY_SDK]
    for row in rows:
        name, params = their_name(row.theirs)
        if name in EMNIFY_SDK and params != EMNIFY_SDK[name]:
            problems.append(f"line {row.line}: {name} takes {EMNIFY_SDK[name]}, not {params}")
    return problems


def _client_refs_everywhere(text: str) -> Iterator[tuple[int, str]]:
    """Every code span (which may wrap lines) and every line of a code block, by line."""
    lines = text.splitlines()
    prose = list(lines)
    in_block = False
    for index, line in enumerate(lines):
        if line.startswith("```"):
            in_block, prose[index] = not in_block, ""
        elif in_block:
            prose[index] = ""
            yield index + 1, line
    joined = "\n".join(prose)
    for match in _CODE_SPAN.finditer(joined):
        yield joined.count("\n", 0, match.start()) + 1, match.group(1).replace("\n", " ")


# --- the tests -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return mapping_rows(GUIDE.read_text(encoding="utf-8"))


def test_every_emnify_sdk_name_is_mapped_exactly_once(rows: list[Row]) -> None:
    """The tables list emnify-sdk's whole public surface, each name once, as it is spelt."""
    assert check_coverage(rows) == []


def test_every_call_of_ours_in_the_tables_exists(rows: list[Row]) -> None:
    """Each row names calls that exist, with their keywords, awaited where they must be."""
    problems = [problem for row in rows for problem in check_row(row)]

    assert problems == []


def test_every_client_call_in_the_guide_exists() -> None:
    """Prose and examples too: each `client.<area>.<method>` exists in both packages."""
    problems = []
    for number, text in _client_refs_everywhere(GUIDE.read_text(encoding="utf-8")):
        for match in _CLIENT_REF.finditer(text):
            for package in (ASYNC, SYNC):
                target = resolve(package, match["area"], match["method"])
                if isinstance(target, str):
                    problems.append(f"line {number}: {target}")

    assert problems == []


def test_the_checks_catch_a_wrong_row() -> None:
    """A row that misnames, forgets an await, or awaits the sync facade is reported."""
    rows = mapping_rows(
        "| emnify-sdk | async | sync | notes |\n"
        "|---|---|---|---|\n"
        "| `emnify.sim.retrieve_sim(sim_id)` | `client.sims.get(sim_id)` "
        "| `await client.sims.get(sim_id)` | |\n"
        "| `emnify.sim.retrieve_sim(sim)` | `await client.sims.fetch(sim_id)` "
        "| `client.sims.fetch(1)` | |\n"
        "| `emnify.sim.update_sim(sim_id, sim)` | `await client.sims.update(1, state=2)` "
        "| `client.sims.update(1)` | |\n"
        "| `emnify.sim.activate_sim(sim_id)` | `NoSuchError`, `EMNIFY_NOPE` "
        "| `client.sims.activate(1)` | |\n"
    )
    problems = [problem for row in rows for problem in check_row(row)]

    assert any("must be awaited" in problem for problem in problems)
    assert any("never awaited" in problem for problem in problems)
    assert any("no method 'fetch'" in problem for problem in problems)
    assert any("takes no ['state']" in problem for problem in problems)
    assert any("has no NoSuchError" in problem for problem in problems)
    assert any("no environment variable EMNIFY_NOPE" in problem for problem in problems)
    assert any("different calls" in problem for problem in problems)
    coverage = check_coverage(rows)
    assert "emnify.sim.retrieve_sim is listed 2 times" in coverage
    assert "emnify.sim.suspend_sim is not listed" in coverage
    assert any("takes ('sim_id',), not ('sim',)" in problem for problem in coverage)


def device_area_problems() -> list[str]:
    """How the real device area differs from DEVICE_API, in both packages."""
    problems = []
    for package in (ASYNC, SYNC):
        for area, methods in DEVICE_API.items():
            cls = area_class(package, area)
            if cls is None:
                problems.append(f"{package.client.__name__} has no area {area!r}")
                continue
            for name, wanted in methods.items():
                method = getattr(cls, name, None)
                if method is None:
                    problems.append(f"{cls.__name__} has no method {name!r}")
                    continue
                missing = wanted.keywords - (_parameters(method) or wanted.keywords)
                if missing:
                    problems.append(f"{cls.__name__}.{name} takes no {sorted(missing)}")
                if package.is_async:
                    kind = real_kind(method)
                    if kind is None or (wanted.kind is not Kind.LIST and kind is not wanted.kind):
                        problems.append(f"{cls.__name__}.{name} is not {wanted.kind.value}")
                elif inspect.iscoroutinefunction(method):
                    problems.append(f"{cls.__name__}.{name} is a coroutine in the sync facade")
        problems += [
            f"{package.module.__name__} does not export {name}"
            for name in sorted(DEVICE_NAMES)
            if not hasattr(package.module, name)
        ]
    statuses = getattr(emnify_async, "EndpointStatusId", None)
    if statuses is not None and {s.name: s.value for s in statuses} != ENDPOINT_STATUS_IDS:
        problems.append(f"EndpointStatusId is not {ENDPOINT_STATUS_IDS}")
    return problems


@pytest.mark.skipif(not device_area_landed(), reason="emnify_async.AsyncEndpoints is not there yet")
def test_the_device_area_has_the_api_its_issue_fixed() -> None:
    """Once it lands, the device area has every method of DEVICE_API, in both packages."""
    assert device_area_problems() == []
