"""Custom events, automations, their executions' action logs and e-mail recipients (newer docs).

The templates, system events and actions are fixed (``_automation_catalog``). An automation is
triggered by one custom or system event; when the emulator records an event (``EventStore``)
whose type is that of an active automation's system event, in its organisation and for one of
its targeted endpoints (none targeted: any), the automation runs: its execution count grows and
each configured action writes an action log entry (nothing is sent anywhere). Custom events
are never raised by the emulator (it measures no usage against their templates).

E-mail recipients must verify their address: each new address of an automation gets a token
(``verification_token(email)``, what the real API e-mails), and only verified ones are e-mailed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from emnify_async.testing import _data as d
from emnify_async.testing._automation_catalog import (
    ACTIONS,
    EMAIL_ACTION,
    TARGETING,
    WEBHOOK_ACTION,
    stable_id,
    system_event_id,
    system_events,
    templates,
)
from emnify_async.testing._catalog import JsonObj
from emnify_async.testing._clock import Clock
from emnify_async.testing._stores.events import EventStore

ACTIVE = "ACTIVE"
STATUSES = frozenset({"ACTIVE", "INACTIVE"})


def _ts(clock: Clock) -> str:
    return d.format_ts(int(clock()), zulu=True)


@dataclass
class CustomEventRecord:
    id: str
    org_id: int
    template_id: int
    name: str
    properties: list[JsonObj]

    def render(self) -> JsonObj:
        return {
            "organisation": {"id": self.org_id},
            "template": {"id": self.template_id},
            "configuration_properties": [dict(p) for p in self.properties],
            "name": self.name,
            "id": self.id,
            "supportedTargetingParameters": [TARGETING],
            "supportedActions": list(ACTIONS),
        }


@dataclass
class AutomationRecord:
    id: str
    org_id: int
    name: str
    description: str
    status: str
    custom_event: str | None
    system_event: str | None
    actions: list[JsonObj]
    """``{"action": id, "properties": [...]}`` each."""
    targeting: list[JsonObj]
    created: str
    modified: str
    executions: int = 0
    last_execution: str | None = None

    def endpoints(self) -> set[str] | None:
        """The targeted endpoint ids (as text), or None for every device."""
        wanted = {v for p in self.targeting if p["property"] == TARGETING for v in p["value_array"]}
        return wanted or None


@dataclass
class AutomationStore:
    """Everything of the automation area but its fixed lists."""

    seed: int
    root_id: int
    events: EventStore
    clock: Clock
    on_change: Callable[[], None]
    custom_events: dict[str, CustomEventRecord] = field(default_factory=dict)
    automations: dict[str, AutomationRecord] = field(default_factory=dict)
    logs: list[JsonObj] = field(default_factory=list)
    verified: set[str] = field(default_factory=set)
    tokens: dict[str, str] = field(default_factory=dict)
    """Pending verification tokens -> the address they verify."""

    def __post_init__(self) -> None:
        self.templates = templates(self.root_id)
        self.system_events = system_events(self.root_id)
        self._serial = 0
        self.events.listeners.append(self.on_event)
        self.verified.add("ops@example.org")
        for org_id in (self.root_id, d.FOREIGN_ORG_ID):
            self.create_custom_event(
                org_id,
                1,
                "Data over 500 MB a day",
                [{"property": "threshold_mb", "value": "500", "value_array": []}],
            )
            self.create(
                org_id,
                name="Alert on disabled devices",
                description="E-mails the operations team when a device is disabled.",
                status=ACTIVE,
                custom_event=None,
                system_event=system_event_id(43),
                actions=[{"action": EMAIL_ACTION, "properties": [_emails(["ops@example.org"])]}],
                targeting=[],
            )

    # --- ids ------------------------------------------------------------------------------

    def new_id(self, kind: str) -> str:
        self._serial += 1
        return stable_id(f"{self.seed} {kind} {self._serial}")

    # --- custom events ---------------------------------------------------------------------

    def create_custom_event(
        self, org_id: int, template_id: int, name: str, properties: list[JsonObj]
    ) -> CustomEventRecord:
        record = CustomEventRecord(
            self.new_id("custom event"), org_id, template_id, name, properties
        )
        self.custom_events[record.id] = record
        self.on_change()
        return record

    def custom_events_of(self, org_ids: set[int]) -> list[CustomEventRecord]:
        return [e for e in self.custom_events.values() if e.org_id in org_ids]

    def automations_of_event(self, custom_event_id: str) -> list[AutomationRecord]:
        return [a for a in self.automations.values() if a.custom_event == custom_event_id]

    def delete_custom_event(self, custom_event_id: str) -> None:
        del self.custom_events[custom_event_id]
        self.on_change()

    # --- automations -----------------------------------------------------------------------

    def create(
        self,
        org_id: int,
        *,
        name: str,
        description: str,
        status: str,
        custom_event: str | None,
        system_event: str | None,
        actions: list[JsonObj],
        targeting: list[JsonObj],
    ) -> AutomationRecord:
        now = _ts(self.clock)
        record = AutomationRecord(
            self.new_id("automation"),
            org_id,
            name,
            description,
            status,
            custom_event,
            system_event,
            actions,
            targeting,
            created=now,
            modified=now,
        )
        self.automations[record.id] = record
        self._ask_verification(actions)
        self.on_change()
        return record

    def update(
        self,
        record: AutomationRecord,
        *,
        name: str,
        description: str,
        status: str,
        actions: list[JsonObj],
        targeting: list[JsonObj],
    ) -> None:
        record.name, record.description, record.status = name, description, status
        record.actions, record.targeting = actions, targeting
        record.modified = _ts(self.clock)
        self._ask_verification(actions)
        self.on_change()

    def delete(self, automation_id: str) -> None:
        del self.automations[automation_id]
        self.on_change()

    def render(self, record: AutomationRecord) -> JsonObj:
        if record.custom_event is not None:
            event = {"custom_event": self.custom_events[record.custom_event].render()}
        else:
            assert record.system_event is not None
            event = {"system_event": dict(self.system_events[record.system_event])}
        return {
            "id": record.id,
            "name": record.name,
            "description": record.description,
            "status": record.status,
            "organisation": {"id": record.org_id},
            "number_of_executions": record.executions,
            "last_execution": record.last_execution,
            "created_at": record.created,
            "modified_at": record.modified,
            "actionable_event": event,
            "configured_actions": [_configured(a) for a in record.actions],
            "targeting_properties": [dict(p) for p in record.targeting],
        }

    # --- recipients ------------------------------------------------------------------------

    def _ask_verification(self, actions: list[JsonObj]) -> None:
        pending = set(self.tokens.values())
        for address in (a for action in actions for a in _recipients(action)):
            if address not in self.verified and address not in pending:
                self.tokens[self.new_id(f"token {address}")] = address
                pending.add(address)

    def verification_token(self, email: str) -> str | None:
        """The pending token e-mailed to ``email`` (what a test reads from the inbox)."""
        return next((t for t, a in self.tokens.items() if a == email), None)

    def verify(self, token: str) -> bool:
        address = self.tokens.pop(token, None)
        if address is None:
            return False
        self.verified.add(address)
        return True

    # --- running -----------------------------------------------------------------------------

    def on_event(self, event: JsonObj) -> None:
        """Run the automations ``event`` triggers (called for every event recorded)."""
        type_id = event["event_type"]["id"]
        org_id = event["organisation"]["id"]
        endpoint = event.get("endpoint") or {}
        for record in list(self.automations.values()):
            if record.org_id != org_id or record.status != ACTIVE or not record.system_event:
                continue
            if self.system_events[record.system_event]["eventType"]["id"] != type_id:
                continue
            targets = record.endpoints()
            if targets is not None and str(endpoint.get("id")) not in targets:
                continue
            self._run(record, event, endpoint.get("id"))

    def _run(self, record: AutomationRecord, event: JsonObj, endpoint_id: object) -> None:
        record.executions += 1
        record.last_execution = now = _ts(self.clock)
        for action in record.actions:
            status, message = self._outcome(action, endpoint_id)
            self.logs.append(
                {
                    "automation": {"id": record.id},
                    "action": {"id": action["action"]},
                    "message": message,
                    "status": status,
                    "event": {"id": str(event["id"])},
                    "smart_event": {"id": record.system_event},
                    "created_at": now,
                    "automation_execution_number": record.executions,
                    "organisation": {"id": record.org_id},
                    "id": self.new_id("log"),
                }
            )

    def _outcome(self, action: JsonObj, endpoint_id: object) -> tuple[str, str]:
        if action["action"] == WEBHOOK_ACTION:
            (url,) = (p["value"] for p in action["properties"] if p["property"] == "url")
            return "SUCCESS", f"Posted endpoint {endpoint_id} to {url}"
        verified = [a for a in _recipients(action) if a in self.verified]
        if not verified:
            return "FAILED", "No verified recipient"
        return "SUCCESS", f"Email sent to {len(verified)} verified recipient(s)"

    def logs_of(self, automation_id: str, execution: int) -> list[JsonObj]:
        return [
            log
            for log in self.logs
            if log["automation"]["id"] == automation_id
            and log["automation_execution_number"] == execution
        ]


def _emails(addresses: list[str]) -> JsonObj:
    return {"property": "recipients", "value": "", "value_array": addresses}


def _recipients(action: JsonObj) -> list[str]:
    if action["action"] != EMAIL_ACTION:
        return []
    return [
        a for p in action["properties"] if p["property"] == "recipients" for a in p["value_array"]
    ]


def _configured(action: JsonObj) -> JsonObj:
    return {
        "action": {"id": action["action"]},
        "properties": [dict(p) for p in action["properties"]],
        "recipients": {"email": _recipients(action)},
    }
