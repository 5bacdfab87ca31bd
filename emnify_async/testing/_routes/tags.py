"""Tag routes (v2, newer docs): the organisation's tags, their colours, endpoint assignments
and the three bulk calls.

The docs give the shapes and statuses but no example, so the emulator chooses the rest (see
docs/emulator.md, "Tags (newer docs)"): a malformed body is 400 ``BadRequest``; an unknown
tag or endpoint named in a body is 422 ``1401 InvalidReference``; a taken name or an assigned
tag 409 ``1405 Duplicated`` (a rename, for which no 409 is documented, 422 ``1405``). The bulk
calls check the whole request first and then change everything or, refused, nothing.
The answers the assembly calls "Empty response body" have no body, as the official spec
documents the answers it writes that way (cancelling an SMS: 200 without content).
"""

from __future__ import annotations

import math
from typing import Any

from aiohttp import web

from emnify_async.testing._body import is_int, json_body
from emnify_async.testing._device_routing import own_endpoint
from emnify_async.testing._errors import (
    BAD_REQUEST,
    DUPLICATED,
    INVALID_REFERENCE,
    ApiError,
    not_found,
)
from emnify_async.testing._routing import Route, no_content, ok, path_id, principal, state
from emnify_async.testing._stores.tags import COLOR_IDS, StoredTag, TagStore, render_colors

TAGS = "/api/v2/tags"
TAG = TAGS + "/{tag_id}"
ENDPOINT_TAGS = "/api/v2/endpoint/{endpoint_id}/tags"
ENDPOINT_TAG = ENDPOINT_TAGS + "/{tag_id}"
BULK = "/api/v2/bulk-operations"
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_NAME = 64
TAG_FIELDS = frozenset({"name", "color"})


def _bad(message: str) -> ApiError:
    return ApiError.of(BAD_REQUEST, message)


def _tag_missing(tag_id: object) -> ApiError:
    return ApiError.of(INVALID_REFERENCE, f"Tag with Id '{tag_id}' not found.")


def _org(request: web.Request) -> int:
    return principal(request).org_id


def _store(request: web.Request) -> TagStore:
    return state(request).tags


def _query_int(request: web.Request, key: str, default: int) -> int:
    raw = request.query.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _bad(f"{key} must be a number") from None
    return value if value >= 1 else default


def _id_of(value: object, what: str) -> int:
    """``{"id": n}`` → n, or 400."""
    if isinstance(value, dict) and set(value) == {"id"} and is_int(value["id"]):
        return value["id"]
    raise _bad(f'{what} must be {{"id": n}}')


async def _object(request: web.Request) -> dict[str, Any]:
    body = await json_body(request)
    if not isinstance(body, dict):
        raise _bad("The body must be a JSON object")
    return body


# --- tags --------------------------------------------------------------------------------------


async def list_tags(request: web.Request) -> web.Response:
    """``{total, page, page_size, last_page, data}``; ``name`` matches a part, ignoring case."""
    page = _query_int(request, "page", 1)
    size = min(_query_int(request, "page_size", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE)
    name = request.query.get("name") or None
    store = _store(request)
    tags = store.of_org(_org(request), name)
    start = (page - 1) * size
    return ok(
        {
            "total": len(tags),
            "page": page,
            "page_size": size,
            "last_page": max(1, math.ceil(len(tags) / size)),
            "data": [store.render(tag) for tag in tags[start : start + size]],
        }
    )


def _tag_fields(body: dict[str, Any], *, create: bool) -> tuple[str | None, int | None]:
    """The checked ``name`` and ``color`` id of a create or update body (400 if malformed)."""
    if set(body) - TAG_FIELDS:
        raise _bad(f"Unknown fields: {', '.join(sorted(set(body) - TAG_FIELDS))}")
    if not body:
        raise _bad("name is required" if create else "name or color is required")
    name = body.get("name")
    if name is not None or create:
        if not isinstance(name, str) or not name.strip():
            raise _bad("name must be a non-empty string")
        if len(name) > MAX_NAME:
            raise _bad(f"name must be at most {MAX_NAME} characters")
    color = None if body.get("color") is None else _id_of(body["color"], "color")
    if color is not None and color not in COLOR_IDS:
        raise ApiError.of(INVALID_REFERENCE, f"Tag color with Id '{color}' not found.")
    return name, color


async def create_tag(request: web.Request) -> web.Response:
    """``name`` required; ``color {id}`` optional (else a random one) → 201 the tag."""
    name, color = _tag_fields(await _object(request), create=True)
    assert name is not None
    org_id, store = _org(request), _store(request)
    if store.named(org_id, name) is not None:
        raise ApiError.of(DUPLICATED, f"Tag with name '{name}' already exists.")
    tag = store.create(org_id, name, color)
    return ok(store.render(tag, count=False), status=201)


def _own_tag(request: web.Request) -> StoredTag:
    tag_id = path_id(request, "tag_id")
    tag = _store(request).get(_org(request), tag_id)
    if tag is None:
        raise not_found("Tag", tag_id)
    return tag


async def update_tag(request: web.Request) -> web.Response:
    """``name`` and/or ``color`` → 204; another tag's name: 422 ``1405``."""
    tag = _own_tag(request)
    name, color = _tag_fields(await _object(request), create=False)
    store = _store(request)
    if name is not None:
        other = store.named(tag.org_id, name)
        if other is not None and other.id != tag.id:
            raise ApiError.of(DUPLICATED, f"Tag with name '{name}' already exists.", status=422)
    store.update(tag, name, color)
    return no_content()


async def delete_tag(request: web.Request) -> web.Response:
    tag = _own_tag(request)
    _store(request).delete([tag.id])
    return no_content()


async def list_colors(request: web.Request) -> web.Response:
    return ok(render_colors())


# --- an endpoint's tags --------------------------------------------------------------------------


async def list_endpoint_tags(request: web.Request) -> web.Response:
    endpoint_id = own_endpoint(request)
    store = _store(request)
    return ok([store.render(tag) for tag in store.of_endpoint(endpoint_id)])


async def assign_tag(request: web.Request) -> web.Response:
    """``{"id": n}`` → 201, no body; unknown tag 422 ``1401``; assigned already 409 ``1405``."""
    endpoint_id = own_endpoint(request)
    tag_id = _id_of(await json_body(request), "The body")
    store = _store(request)
    if store.get(_org(request), tag_id) is None:
        raise _tag_missing(tag_id)
    if store.has(endpoint_id, tag_id):
        raise ApiError.of(
            DUPLICATED, f"Tag with Id '{tag_id}' is already assigned to Endpoint '{endpoint_id}'."
        )
    store.assign([(endpoint_id, tag_id)])
    return web.Response(status=201)


async def unassign_tag(request: web.Request) -> web.Response:
    """→ 200, no body; an unknown tag or one the endpoint does not have: 404 (documented)."""
    endpoint_id = own_endpoint(request)
    tag_id = path_id(request, "tag_id")
    store = _store(request)
    if store.get(_org(request), tag_id) is None or not store.has(endpoint_id, tag_id):
        raise not_found("Tag", tag_id)
    store.unassign([(endpoint_id, tag_id)])
    return web.Response(status=200)


# --- bulk ----------------------------------------------------------------------------------------


def _list_of(body: object, key: str) -> list[Any]:
    if isinstance(body, dict) and set(body) == {key}:
        items = body[key]
        if isinstance(items, list) and items:
            return items
    raise _bad(f'The body must be {{"{key}": [...]}}, not empty')


def _pairs(request: web.Request, body: object) -> list[tuple[int, int]]:
    """The ``(endpoint, tag)`` pairs of an add-tags or remove-tags body, each known (else 422
    listing every unknown one) and of the caller."""
    items = _list_of(body, "items")
    org_id, emu = _org(request), state(request)
    pairs: list[tuple[int, int]] = []
    problems: list[str] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != {"endpoint", "tags"}:
            raise _bad(f'items[{index}] must be {{"endpoint": {{"id"}}, "tags": [{{"id"}}]}}')
        endpoint_id = _id_of(item["endpoint"], f"items[{index}].endpoint")
        tags = item["tags"]
        if not isinstance(tags, list) or not tags:
            raise _bad(f"items[{index}].tags must be a non-empty list")
        if not emu.endpoints.owns(org_id, endpoint_id):
            problems.append(f"items[{index}]: Endpoint with Id '{endpoint_id}' not found.")
        for tag in tags:
            tag_id = _id_of(tag, f"items[{index}].tags[*]")
            if emu.tags.get(org_id, tag_id) is None:
                problems.append(f"items[{index}]: Tag with Id '{tag_id}' not found.")
            pairs.append((endpoint_id, tag_id))
    _refuse(problems)
    return list(dict.fromkeys(pairs))


def _refuse(problems: list[str], kind: tuple[int, int, str] = INVALID_REFERENCE) -> None:
    """One error naming every problem in its message (the docs' error body has no list)."""
    if problems:
        raise ApiError.of(kind, " ".join(problems))


async def add_tags(request: web.Request) -> web.Response:
    """All pairs or none: an endpoint that has one of its tags already refuses the request."""
    pairs = _pairs(request, await json_body(request))
    store = _store(request)
    assigned = [
        f"Tag with Id '{t}' is already assigned to Endpoint '{e}'."
        for e, t in pairs
        if store.has(e, t)
    ]
    _refuse(assigned, DUPLICATED)
    store.assign(pairs)
    return web.Response(status=200)


async def remove_tags(request: web.Request) -> web.Response:
    """Every pair's tag comes off; a tag the endpoint does not have is left as it is."""
    pairs = _pairs(request, await json_body(request))
    _store(request).unassign(pairs)
    return web.Response(status=200)


async def delete_tags(request: web.Request) -> web.Response:
    """All or none: an unknown tag refuses the request (422)."""
    org_id, store = _org(request), _store(request)
    body = await json_body(request)
    ids = list(dict.fromkeys(_id_of(tag, "tags[*]") for tag in _list_of(body, "tags")))
    _refuse([f"Tag with Id '{i}' not found." for i in ids if store.get(org_id, i) is None])
    store.delete(ids)
    return web.Response(status=200)


ROUTES = [
    Route("GET", TAGS, list_tags),
    Route("POST", TAGS, create_tag),
    Route("PATCH", TAG, update_tag),
    Route("DELETE", TAG, delete_tag),
    Route("GET", "/api/v2/tag-colors", list_colors),
    Route("GET", ENDPOINT_TAGS, list_endpoint_tags),
    Route("POST", ENDPOINT_TAGS, assign_tag),
    Route("DELETE", ENDPOINT_TAG, unassign_tag),
    Route("POST", BULK + "/endpoint/add-tags", add_tags),
    Route("POST", BULK + "/endpoint/remove-tags", remove_tags),
    Route("POST", BULK + "/tag/delete-tags", delete_tags),
]
