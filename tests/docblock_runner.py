"""Run one python fragment of the docs: ``python docblock_runner.py MODE FILE``.

``async-body`` runs FILE as the body of ``async with AsyncEmnify() as client:``, and
``emulator-body`` as that of ``async with Emulator() as emu:``, both inside ``asyncio.run``
with top-level ``await`` allowed (as in ``python -m asyncio``). ``notebook`` runs it the same
way with nothing around it, as Jupyter runs a cell. Tracebacks name FILE and its lines.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import sys
from types import CodeType
from typing import Any


async def _run(mode: str, code: CodeType) -> None:
    context: contextlib.AbstractAsyncContextManager[Any]
    if mode == "notebook":
        context, name = contextlib.nullcontext(), "_"
    elif mode == "async-body":
        from emnify_async import AsyncEmnify

        context, name = AsyncEmnify(), "client"
    else:
        from emnify_async.testing import Emulator

        context, name = Emulator(), "emu"
    async with context as value:
        namespace = {"__name__": "__main__", name: value}
        result = eval(code, namespace)  # a coroutine when the code awaits at top level
        if result is not None:
            await result


def main(mode: str, path: str) -> None:
    with open(path, encoding="utf-8") as file:
        code = compile(file.read(), path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    asyncio.run(_run(mode, code))


if __name__ == "__main__":
    main(*sys.argv[1:3])
