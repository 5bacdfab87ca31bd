"""The installation code of an eSIM: ``GET /api/v1/sim/{sim_id}/installation_code``.

Only eSIMs (SIMs of the eSIM model) have one; the code is an LPA activation code
(``LPA:1$<SM-DP+ address>$<matching id>``) derived from the seed and the SIM. The ``Accept``
header picks the form: an SVG image (the default), JSON or plain text; anything else is 415.
"""

from __future__ import annotations

import hashlib
import random

from aiohttp import web

from emnify_async.testing import _data as d
from emnify_async.testing._catalog import ESIM_MODEL
from emnify_async.testing._errors import NOT_FOUND, ApiError
from emnify_async.testing._routing import Route, ok, owned_id, state

SMDP_ADDRESS = "smdp.emulator.invalid"
"""The SM-DP+ of the emulated eSIMs (``.invalid``: no device will ever reach it)."""
SVG, JSON, TEXT = "image/svg+xml", "application/json", "application/text"
# What each media range of an Accept header asks for, in emnify's order of preference.
_MEDIA = {
    "*/*": SVG,
    "image/*": SVG,
    SVG: SVG,
    "application/*": JSON,
    JSON: JSON,
    TEXT: TEXT,
}
_MODULES = 29  # the side of the image, in modules


def activation_code(seed: int, sim_id: int) -> str:
    rng = random.Random(f"{seed}:esim:{sim_id}")
    matching = "".join(rng.choices("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", k=20))
    groups = "-".join(matching[i : i + 5] for i in range(0, 20, 5))
    return f"LPA:1${SMDP_ADDRESS}${groups}"


def _media_type(accept: str | None) -> str | None:
    """The form the ``Accept`` header asks for (by quality, then order), or ``None``."""
    if not accept:
        return SVG
    ranges: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (item.strip() for item in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranges.append((-quality, position, media.lower()))
    return next((_MEDIA[m] for _, _, m in sorted(ranges) if m in _MEDIA), None)


def _svg(code: str) -> str:
    """A square of modules drawn from the code's hash: it stands in for the QR code and is
    not scannable (the emulator has no QR encoder)."""
    bits = int.from_bytes(hashlib.sha512(code.encode()).digest() * 2, "big")
    cells = "".join(
        f'<rect x="{i % _MODULES}" y="{i // _MODULES}" width="1" height="1"/>'
        for i in range(_MODULES * _MODULES)
        if bits >> i & 1
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_MODULES} {_MODULES}">'
        "<desc>emnify emulator: a stand-in for the QR code of the installation code</desc>"
        f"{cells}</svg>"
    )


async def installation_code(request: web.Request) -> web.Response:
    emu = state(request)
    sim_id = owned_id(request, "sim_id", emu.sims.owns, "SIM")
    if emu.sims.table.model[sim_id - 1] != ESIM_MODEL:
        raise ApiError.of(NOT_FOUND, f"SIM with Id '{sim_id}' is not an eSIM.")
    media = _media_type(request.headers.get("Accept"))
    if media is None:
        raise ApiError(415, {"message": "No encoder found for the selected media type."})
    code = activation_code(emu.seed, sim_id)
    if media == JSON:
        return ok({"iccid": d.iccid(sim_id), "payload": code})
    body = code if media == TEXT else _svg(code)
    return web.Response(text=body, content_type=media, charset="utf-8")


ROUTES = [Route("GET", "/api/v1/sim/{sim_id}/installation_code", installation_code)]
