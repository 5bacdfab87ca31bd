"""eUICC operations and SIM operations: scheduled now, run later by the emulator's clock.

An eUICC operation is Scheduled; the emulated eIM wakes the eUICC, which polls
``POLL_DELAY`` seconds later and runs it (Succeeded or Failed, with an ``error``), unless its
validity period ended first (Expired) or it was cancelled (Cancelled). A SIM operation is
Scheduled for a second, In progress until ``SIM_OPERATION_DURATION`` seconds after it was
triggered, then Completed, Completed with errors or Failed, target by target. Nothing runs on
a timer: :meth:`EsimOperations.settle` runs everything due, in time order, before each read.
"""

from __future__ import annotations

import functools
import heapq
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._dates import zulu as timestamp
from emnify_async.testing._esim_catalog import (
    ALL_FAILED,
    AUDIT,
    CANCELLED,
    COMPLETED,
    DELETE,
    DISABLE,
    DISABLED,
    DOWNLOAD,
    ENABLE,
    ENABLED,
    EUICC_ACTIONS,
    EUICC_OPERATION_STATUSES,
    EXPIRED,
    FAILED,
    IN_PROGRESS,
    LINK,
    PARTIAL,
    POLL_DELAY,
    SCHEDULED,
    SET_FALLBACK,
    SIM_OPERATION_ACTIONS,
    SIM_OPERATION_DURATION,
    SIM_OPERATION_START,
    SIM_OPERATION_STATUSES,
    SUCCEEDED,
    UNSET_FALLBACK,
    lookup,
)
from emnify_async.testing._stores.euiccs import (
    EuiccStore,
    Profile,
    iccid_with_luhn,
    third_party_iccid,
)

# Reason codes of a failed eUICC operation (the emulator's choice).
NO_SUCH_PROFILE = 1
WRONG_STATE = 2
ALREADY_INSTALLED = 3


class OperationFailed(Exception):
    def __init__(self, reason: int, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass
class EuiccOperation:
    id: str
    euicc_id: int
    action: int
    created: int
    expiry: int
    user: JsonObj
    iccid: str | None = None
    activation_code: str | None = None
    enable: bool = False
    status: int = SCHEDULED
    finalized: int | None = None
    error: JsonObj | None = None

    def render(self) -> JsonObj:
        out: JsonObj = {
            "id": self.id,
            "action": lookup(EUICC_ACTIONS, self.action),
            "status": lookup(EUICC_OPERATION_STATUSES, self.status),
            "creation_date": timestamp(self.created),
            "expiry_date": timestamp(self.expiry),
            "last_updated_at": timestamp(self.finalized or self.created),
            "user": self.user,
        }
        if self.finalized is not None:
            out["finalization_date"] = timestamp(self.finalized)
        if self.error is not None:
            out["error"] = self.error
        if self.iccid is not None:
            out["iccid_with_luhn"] = self.iccid
        return out


@dataclass
class SimOperation:
    id: str
    org_id: int
    action: int
    created: int
    targets: list[tuple[int, str]]
    """``(sim_id, eid)`` per target."""
    product: int | None = None
    finalized: int | None = None
    errors: list[JsonObj] = field(default_factory=list)

    def status(self, now: int) -> int:
        if self.finalized is not None:
            if not self.errors:
                return COMPLETED
            return ALL_FAILED if len(self.errors) == len(self.targets) else PARTIAL
        return IN_PROGRESS if now >= self.created + SIM_OPERATION_START else SCHEDULED

    def render(self, now: int) -> JsonObj:
        status = self.status(now)
        updated = self.finalized or (
            self.created + SIM_OPERATION_START if status == IN_PROGRESS else self.created
        )
        done = self.finalized is not None
        out: JsonObj = {
            "id": self.id,
            "action": lookup(SIM_OPERATION_ACTIONS, self.action),
            "status": lookup(SIM_OPERATION_STATUSES, status),
            "creation_date": timestamp(self.created),
            "last_updated_at": timestamp(updated),
            "finalization_date": None if self.finalized is None else timestamp(self.finalized),
            "target": [{"sim": {"id": sim_id}, "eid": eid} for sim_id, eid in self.targets],
            "total_count": len(self.targets),
            "failed_count": len(self.errors) if done else 0,
            "success_count": len(self.targets) - len(self.errors) if done else 0,
            "error": list(self.errors),
        }
        if self.product is not None:
            out["product"] = {"id": self.product}
        return out


class EsimOperations:
    """Every eUICC and SIM operation, and the queue of those still to run."""

    def __init__(self, seed: int, euiccs: EuiccStore, clock: Clock) -> None:
        self.euiccs = euiccs
        self._clock = clock
        self._ids = random.Random(f"{seed}:esim-operations")
        self._due: list[tuple[int, int, Callable[[], None]]] = []
        self._sequence = 0
        self.euicc_operations: dict[str, EuiccOperation] = {}
        self.sim_operations: dict[str, SimOperation] = {}

    def now(self) -> int:
        return int(self._clock())

    def _new_id(self) -> str:
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    def _at(self, when: int, run: Callable[[], None]) -> None:
        self._sequence += 1
        heapq.heappush(self._due, (when, self._sequence, run))

    def settle(self) -> None:
        """Run everything due by now, in time order."""
        now = self.now()
        while self._due and self._due[0][0] <= now:
            _, _, run = heapq.heappop(self._due)
            run()

    # --- eUICC operations -------------------------------------------------------------------

    def schedule(
        self, euicc_id: int, requests: list[dict[str, Any]], user: JsonObj
    ) -> list[JsonObj]:
        """Schedule checked requests (``action``, ``validity_period``...) on the eUICC."""
        now = self.now()
        created = []
        for request in requests:
            operation = EuiccOperation(
                id=self._new_id(),
                euicc_id=euicc_id,
                action=request["action"],
                created=now,
                expiry=now + request["validity_period"],
                user=user,
                iccid=request.get("iccid_with_luhn"),
                activation_code=request.get("activation_code"),
                enable=request.get("enable", False),
            )
            self.euicc_operations[operation.id] = operation
            poll = now + POLL_DELAY
            if operation.expiry < poll:
                self._at(operation.expiry, functools.partial(self._expire, operation))
            else:
                self._at(poll, functools.partial(self._run, operation, poll))
            created.append(operation)
        return [operation.render() for operation in created]

    def of_euicc(self, euicc_id: int) -> list[EuiccOperation]:
        return [op for op in self.euicc_operations.values() if op.euicc_id == euicc_id]

    def cancel(self, operation: EuiccOperation) -> bool:
        """Cancel a scheduled operation; True if it is (or already was) cancelled."""
        if operation.status == SCHEDULED:
            operation.status = CANCELLED
            operation.finalized = self.now()
        return operation.status == CANCELLED

    def _expire(self, operation: EuiccOperation) -> None:
        if operation.status == SCHEDULED:
            operation.status = EXPIRED
            operation.finalized = operation.expiry

    def _run(self, operation: EuiccOperation, at: int) -> None:
        if operation.status != SCHEDULED:
            return
        euiccs = self.euiccs
        euiccs.polled[operation.euicc_id] = max(at, euiccs.polled.get(operation.euicc_id, 0))
        operation.finalized = at
        try:
            self._apply(operation, at)
        except OperationFailed as failure:
            operation.status = FAILED
            operation.error = {"reason": failure.reason, "message": failure.message}
        else:
            operation.status = SUCCEEDED

    def _apply(self, operation: EuiccOperation, at: int) -> None:
        euiccs, euicc_id, action = self.euiccs, operation.euicc_id, operation.action
        if action == AUDIT:
            euiccs.audited[euicc_id] = at
            return
        if action == DOWNLOAD:
            self._download(operation)
            return
        if action == UNSET_FALLBACK and operation.iccid is None:
            for each in euiccs.installed(euicc_id):
                each.fallback = False
            return
        profile = euiccs.profile(euicc_id, operation.iccid or "")
        if profile is None:
            raise OperationFailed(
                NO_SUCH_PROFILE, f"Profile {operation.iccid} is not installed on the eUICC."
            )
        if action == ENABLE:
            if profile.status == ENABLED:
                raise OperationFailed(WRONG_STATE, "The profile is already enabled.")
            euiccs.enable(euicc_id, profile)
        elif action == DISABLE:
            if profile.status != ENABLED:
                raise OperationFailed(WRONG_STATE, "The profile is not enabled.")
            profile.status = DISABLED
        elif action == SET_FALLBACK:
            for other in euiccs.installed(euicc_id):
                other.fallback = other is profile
        elif action == UNSET_FALLBACK:
            profile.fallback = False
        elif action == DELETE:
            if profile.status == ENABLED or profile.fallback:
                raise OperationFailed(
                    WRONG_STATE, "An enabled or fallback profile cannot be deleted."
                )
            euiccs.remove(euicc_id, profile)

    def _download(self, operation: EuiccOperation) -> None:
        euiccs, euicc_id = self.euiccs, operation.euicc_id
        if operation.iccid is not None:
            linked = {iccid_with_luhn(sim_id): sim_id for sim_id in euiccs.pending_links(euicc_id)}
            if euiccs.profile(euicc_id, operation.iccid) is not None:
                raise OperationFailed(ALREADY_INSTALLED, "The profile is already installed.")
            if operation.iccid not in linked:
                raise OperationFailed(
                    NO_SUCH_PROFILE,
                    f"Profile {operation.iccid} is not linked to this eUICC's EID.",
                )
            installed = Profile(operation.iccid, linked[operation.iccid], DISABLED)
        else:
            code = operation.activation_code or ""
            iccid = third_party_iccid(code)
            if euiccs.profile(euicc_id, iccid) is not None:
                raise OperationFailed(ALREADY_INSTALLED, "The profile is already installed.")
            installed = Profile(iccid, None, DISABLED, activation_code=code)
            operation.iccid = iccid
        euiccs.install(euicc_id, installed, operation.enable)

    # --- SIM operations ---------------------------------------------------------------------------

    def trigger(
        self, org_id: int, action: int, targets: list[tuple[int, str]], product: int | None
    ) -> JsonObj:
        """Start a SIM operation on checked targets (stock SIMs already reserved)."""
        now = self.now()
        operation = SimOperation(self._new_id(), org_id, action, now, targets, product)
        self.sim_operations[operation.id] = operation
        self._at(now + SIM_OPERATION_DURATION, functools.partial(self._finish, operation))
        return operation.render(now)

    def of_org(self, org_id: int) -> list[SimOperation]:
        return [op for op in self.sim_operations.values() if op.org_id == org_id]

    def _finish(self, operation: SimOperation) -> None:
        euiccs = self.euiccs
        for sim_id, eid in operation.targets:
            euiccs.reserved.discard(sim_id)
            failure = (
                self._link(operation.org_id, sim_id, eid)
                if operation.action == LINK
                else self._unlink(sim_id, eid)
            )
            if failure is not None:
                operation.errors.append({"eid": eid, "message": failure})
        operation.finalized = operation.created + SIM_OPERATION_DURATION

    def _link(self, org_id: int, sim_id: int, eid: str) -> str | None:
        euiccs = self.euiccs
        if not euiccs.is_unlinked(org_id, sim_id):
            return f"SIM {sim_id} is not an unlinked eSIM of the organisation."
        if euiccs.linked_to(eid):
            return f"EID {eid} already has a linked profile."
        euiccs.linked[sim_id] = eid
        return None

    def _unlink(self, sim_id: int, eid: str) -> str | None:
        euiccs = self.euiccs
        if euiccs.linked.get(sim_id) != eid:
            return f"SIM {sim_id} is not linked to EID {eid}."
        euicc_id = euiccs.euicc_of(eid)
        if euicc_id is not None and sim_id not in euiccs.pending_links(euicc_id):
            return f"The profile of SIM {sim_id} is installed on the eUICC; delete it there."
        del euiccs.linked[sim_id]
        return None
