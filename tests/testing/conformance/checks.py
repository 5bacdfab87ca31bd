"""The findings of one exchange: every way it differs from what is known of the real API.

- ``spec_findings``: openapi-core's request and response validation, one finding per schema
  error (with its JSON path), an undocumented status, or a bad header;
- ``closed_findings``: keys of the answer that neither the spec's schema nor any recorded
  answer (or spec example) of the operation knows. The spec's schemas are open (no
  ``additionalProperties: false``), so openapi-core alone lets an invented key pass; this walks
  the answer beside the schema (``$ref``s followed, ``allOf``/``anyOf``/``oneOf`` merged)
  and the recorded shape instead of rewriting the spec;
- ``shape_findings``: the answer against the merged shape of the recorded answers: the same
  keys (none extra, none missing unless the case marks it optional), value types and nesting;
- ``header_findings``: emnify's content type on every answer with a body, on 204 and on
  empty errors;
- ``error_findings``: an error answer's body is emnify's (``error_body_problems``), or where
  the operation documents it so, ``{status_code, message}`` with the answer's status.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from openapi_core import OpenAPI
from openapi_core.templating.responses.exceptions import ResponseNotFound
from openapi_core.validation.request.exceptions import ParameterValidationError
from openapi_core.validation.response.exceptions import HeaderValidationError, MissingData
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue

from tests.testing.conformance import spec
from tests.testing.conformance.harness import Exchange, Finding, path_matches
from tests.testing.conformance.recorded import Shape, json_type

CONTENT_TYPE = "application/json; charset=UTF-8"
_REQUIRED = re.compile(r"'([^']+)' is a required property")


def decode(body: bytes) -> Any:
    return json.loads(body) if body else None


# --- the spec -----------------------------------------------------------------------------------


def _json_path(root: str, path: Iterable[Any]) -> str:
    return root + "".join("[*]" if isinstance(part, int) else f".{part}" for part in path)


def _schema_findings(check: str, root: str, exc: BaseException) -> list[Finding]:
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, InvalidSchemaValue):
        cause = cause.__cause__
    if cause is None:
        return [Finding(check, root, type(exc).__name__, str(exc))]
    findings = []
    for error in cause.schema_errors:
        where = _json_path(root, getattr(error, "absolute_path", ()))
        rule = getattr(error, "validator", type(error).__name__)
        message = getattr(error, "message", str(error))
        missing = _REQUIRED.fullmatch(message) if rule == "required" else None
        if missing:
            where = f"{where}.{missing.group(1)}"
        findings.append(Finding(check, where, str(rule), message))
    return findings


def spec_findings(openapi: OpenAPI, exchange: Exchange, check_request: bool) -> list[Finding]:
    findings: list[Finding] = []
    if check_request:
        for exc in openapi.iter_request_errors(exchange.mock_request()):
            if isinstance(exc, ParameterValidationError):
                where = f"request.{exc.location}:{exc.name}"
                findings.append(Finding("request", where, type(exc).__name__, str(exc)))
            else:
                findings.extend(_schema_findings("request", "request.body", exc))
    errors = openapi.iter_response_errors(exchange.mock_request(), exchange.mock_response())
    for exc in errors:
        if isinstance(exc, ResponseNotFound):
            rule = f"undocumented {exchange.status}"
            findings.append(Finding("response", "status", rule, str(exc)))
        elif isinstance(exc, HeaderValidationError):
            where = f"header:{exc.name}"
            findings.append(Finding("response", where, type(exc).__name__, str(exc)))
        elif isinstance(exc, MissingData):
            findings.append(Finding("response", "body", "missing", str(exc)))
        else:
            findings.extend(_schema_findings("response", "body", exc))
    return findings


# --- closed keys ------------------------------------------------------------------------------


def _declared(schemas: Iterable[Any]) -> tuple[dict[str, list[Any]], list[Any], bool]:
    """``(properties, additionalProperties schemas, open)`` of object schemas, merged."""
    properties: dict[str, list[Any]] = {}
    additional: list[Any] = []
    is_open = False
    for raw in schemas:
        schema = spec.resolve(raw)
        if not isinstance(schema, dict):
            continue
        for key, sub in (schema.get("properties") or {}).items():
            properties.setdefault(key, []).append(sub)
        if schema.get("properties") == {} and "additionalProperties" not in schema:
            # The newer docs' assembly writes `properties: {}` where a fragment lost its nested
            # schema (the official spec never does): not "no keys" but "not described".
            is_open = True
        extra = schema.get("additionalProperties")
        if extra is True:
            is_open = True
        elif isinstance(extra, dict):
            additional.append(extra)
        for composed in ("allOf", "anyOf", "oneOf"):
            sub_props, sub_extra, sub_open = _declared(schema.get(composed) or ())
            for key, subs in sub_props.items():
                properties.setdefault(key, []).extend(subs)
            additional.extend(sub_extra)
            is_open = is_open or sub_open
    return properties, additional, is_open


def _items(schemas: Iterable[Any]) -> list[Any]:
    found: list[Any] = []
    for raw in schemas:
        schema = spec.resolve(raw)
        if not isinstance(schema, dict):
            continue
        if "items" in schema:
            found.append(schema["items"])
        for composed in ("allOf", "anyOf", "oneOf"):
            found.extend(_items(schema.get(composed) or ()))
    return found


def closed_findings(
    value: Any, schemas: list[Any], shape: Shape | None, where: str
) -> list[Finding]:
    """Keys of ``value`` that neither ``schemas`` nor the recorded ``shape`` declares."""
    findings: list[Finding] = []
    kind = json_type(value)
    if kind == "object":
        properties, additional, is_open = _declared(schemas)
        for key, item in value.items():
            sub_schemas = properties.get(key) or additional
            sub_shape = shape.keys.get(key) if shape is not None else None
            if not sub_schemas and sub_shape is None:
                if not is_open:
                    findings.append(
                        Finding(
                            "closed", f"{where}.{key}", "unknown key", "neither spec nor recording"
                        )
                    )
                continue
            findings.extend(closed_findings(item, sub_schemas, sub_shape, f"{where}.{key}"))
    elif kind == "array":
        item_schemas = _items(schemas)
        item_shape = shape.items if shape is not None else None
        for item in value:
            findings.extend(closed_findings(item, item_schemas, item_shape, f"{where}[*]"))
    return list(dict.fromkeys(findings))


# --- recorded shape -----------------------------------------------------------------------------


def _optional(where: str, optional: Iterable[str]) -> bool:
    return any(path_matches(pattern, where) for pattern in optional)


def shape_findings(value: Any, shape: Shape, where: str, optional: Iterable[str]) -> list[Finding]:
    """How ``value`` differs from the recorded ``shape`` (a JSON number is one type)."""
    optional = tuple(optional)
    kind = json_type(value)
    if shape.types <= {"null"}:
        return []  # no recording tells this value's type
    if kind not in shape.types:
        if kind == "null" and _optional(where, optional):
            return []
        recorded = "/".join(sorted(shape.types - {"null"}))
        return [Finding("shape", where, "type", f"{kind} where the recording has {recorded}")]
    findings: list[Finding] = []
    if kind == "object":
        for key, item in value.items():
            sub = shape.keys.get(key)
            if sub is None:
                findings.append(Finding("shape", f"{where}.{key}", "extra key", "not recorded"))
            else:
                findings.extend(shape_findings(item, sub, f"{where}.{key}", optional))
        for key in sorted((shape.required or set()) - set(value)):
            if not _optional(f"{where}.{key}", optional):
                findings.append(Finding("shape", f"{where}.{key}", "missing key", "recorded"))
    elif kind == "array" and shape.items is not None:
        for item in value:
            findings.extend(shape_findings(item, shape.items, f"{where}[*]", optional))
    return list(dict.fromkeys(findings))


# --- headers and error bodies -------------------------------------------------------------------


def header_findings(exchange: Exchange) -> list[Finding]:
    """emnify sends ``application/json; charset=UTF-8`` with every body, on 204 and on empty
    errors (the issue's recorded headers); a bodiless 201 is not covered by a recording."""
    content_type = exchange.headers.get("Content-Type")
    needs = bool(exchange.body) or exchange.status == 204 or exchange.status >= 400
    if needs and content_type != CONTENT_TYPE:
        return [Finding("headers", "header:Content-Type", "value", repr(content_type))]
    return []


ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "error_code": {"type": "integer"},
        "error_token": {"type": "string"},
        "message": {"type": "string"},
        "errors": {"type": "array", "items": {"$ref": "#/error"}},
    },
}
"""emnify's error body (its table of error codes; the spec declares it on few operations)."""
ERROR_SCHEMA["properties"]["errors"]["items"] = ERROR_SCHEMA

ERROR_KEYS = frozenset({"error_code", "error_token", "message", "errors"})


def error_body_problems(body: Any) -> list[str]:
    """Why ``body`` (decoded) is not an error body as emnify or its gateway sends it:
    ``{"error_code": int, "error_token": str, "message": str, "errors"?: [...]}`` or the
    gateway's ``{"message": str}``."""
    if not isinstance(body, dict):
        return [f"not a JSON object: {body!r}"]
    problems = []
    if not isinstance(body.get("message"), str):
        problems.append("no message")
    if set(body) - ERROR_KEYS:
        problems.append(f"unknown keys {sorted(set(body) - ERROR_KEYS)}")
    if ("error_code" in body) != ("error_token" in body) or (
        "error_code" not in body and "errors" in body
    ):
        problems.append("error_code and error_token go together")
    if "error_code" in body and (
        not isinstance(body["error_code"], int) or not isinstance(body["error_token"], str)
    ):
        problems.append("error_code must be a number and error_token a string")
    nested = body.get("errors", [])
    if not isinstance(nested, list):
        problems.append("errors must be a list")
    else:
        for item in nested:
            problems.extend(f"errors[*]: {p}" for p in error_body_problems(item))
            if isinstance(item, dict) and "error_code" not in item:
                problems.append("errors[*]: no error_code")
    return problems


def documents_status_code(method: str, pattern: str, status: int) -> bool:
    """Whether the operation documents this error (else, any of its errors) as
    ``{status_code, message}``: the form the newer docs give the eUICC and SIM-operation
    services, instead of emnify's."""
    documented = spec.response_schema(method, pattern, status)
    schemas = [documented] if documented is not None else spec.error_schemas(method, pattern)
    for schema in schemas:
        resolved = spec.resolve(schema)
        if isinstance(resolved, dict) and "status_code" in (resolved.get("properties") or {}):
            return True
    return False


def status_error_problems(body: Any, status: int) -> list[str]:
    """Why ``body`` is not such an error: ``{"status_code": <status>, "message": str, ...}``
    (the documented schema checks any further key)."""
    if not isinstance(body, dict):
        return [f"not a JSON object: {body!r}"]
    problems = []
    if body.get("status_code") != status:
        problems.append("status_code is not the HTTP status")
    if not isinstance(body.get("message"), str):
        problems.append("no message")
    return problems


def error_findings(exchange: Exchange) -> list[Finding]:
    if exchange.status < 400:
        return []
    if not exchange.body:
        return [Finding("error", "body", "empty", "an error answer without a body")]
    try:
        body = decode(exchange.body)
    except ValueError:
        return [Finding("error", "body", "not JSON", exchange.body[:80].decode(errors="replace"))]
    if documents_status_code(exchange.method, exchange.pattern, exchange.status):
        return [
            Finding("error", "body.status_code", "value", problem)
            for problem in status_error_problems(body, exchange.status)
        ]
    return [Finding("error", "body", "form", problem) for problem in error_body_problems(body)]


def all_findings(
    openapi: OpenAPI,
    exchange: Exchange,
    *,
    check_request: bool,
    shape: Shape | None,
    optional: Mapping[str, str],
) -> list[Finding]:
    """Every finding of one exchange."""
    findings = spec_findings(openapi, exchange, check_request)
    findings += header_findings(exchange)
    findings += error_findings(exchange)
    try:
        body = decode(exchange.body)
    except ValueError:
        return findings
    if body is not None:
        schema = spec.response_schema(exchange.method, exchange.pattern, exchange.status)
        schemas = [] if schema is None else [schema]
        if exchange.status >= 400:
            # An error's keys: emnify's error body, or those of an error the operation documents.
            schemas += [ERROR_SCHEMA, *spec.error_schemas(exchange.method, exchange.pattern)]
        findings += closed_findings(body, schemas, shape, "body")
        if shape is not None:
            findings += shape_findings(body, shape, "body", optional)
    return findings
