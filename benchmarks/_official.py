"""emnify's official Python SDK (``emnify-sdk`` on PyPI) as a benchmark case.

It pins ``pydantic<2``, ``requests<2.33`` and ``urllib3<1.27``, so it gets its own virtual
environment, ``benchmarks/.venv-official`` (created on first use by ``ensure_venv``). This file
is also the case script that runs inside that environment::

    benchmarks/.venv-official/bin/python benchmarks/_official.py list --base-url URL ...

It reads its base URL from ``EMNIFY_SDK_API_ENDPOINT_URL`` at import time (the API root,
``.../api``), so the variable is set before ``emnify`` is imported. ``list`` iterates
``EMnify(token).sim.get_sim_list()`` (pydantic ``SimList`` models, the server's default page
size of 2000, one page at a time); ``get`` calls ``sim.retrieve_sim(id)`` repeatedly.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv-official"
REQUIREMENT = "emnify-sdk==0.5.3"


def venv_python() -> Path:
    return VENV / "bin" / "python"


def ensure_venv() -> tuple[Path | None, str]:
    """Create the official SDK's environment if needed.

    Returns ``(python, note)``; ``python`` is None when the set-up failed and ``note`` says why.
    """
    python = venv_python()
    if python.exists():
        probe = subprocess.run(
            [
                str(python),
                "-c",
                "import emnify, emnify.version as v; print(v.EMNIFY_PACKAGE_VERSION)",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0:
            return python, f"emnify-sdk {probe.stdout.strip()}"
    steps = [
        [sys.executable, "-m", "venv", str(VENV)],
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            REQUIREMENT,
        ],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return None, f"could not set up {REQUIREMENT}: {' / '.join(tail)}"
    return python, REQUIREMENT


# -- the case, run inside .venv-official -------------------------------------------------------


def _run(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(HERE))
    from _measure import Clock, Tally, current_rss_mb, report

    os.environ["EMNIFY_SDK_API_ENDPOINT_URL"] = args.base_url.rstrip("/") + "/api"
    import emnify  # type: ignore[import-not-found]  # base URL read at import time
    import emnify.errors  # type: ignore[import-not-found]

    rss_before = current_rss_mb()
    tally = Tally()
    clock = Clock(args.cap)
    extra: dict[str, Any] = {}
    client = emnify.EMnify(args.token)
    try:
        if args.mode == "list":
            for sim in client.sim.get_sim_list():
                tally.add(sim.id, sim.iccid, sim.status.id)
                if tally.count % 2000 == 0 and clock.over():
                    break
            expected = args.expected
        else:
            for i in range(args.calls):
                sim = client.sim.retrieve_sim(1 + i % args.expected)
                tally.add(sim.id, sim.iccid, sim.status.id)
            expected = args.calls
            extra["complete"] = tally.count == args.calls
    except (emnify.errors.EMnifyBaseException, RecursionError) as exc:
        extra["error"] = f"{type(exc).__name__}: {exc}"[:300]
        expected = args.expected if args.mode == "list" else args.calls
    report(f"official_{args.mode}", tally, clock, expected, rss_before=rss_before, **extra)


def main() -> None:
    parser = argparse.ArgumentParser(description="Run emnify-sdk against the emulator.")
    parser.add_argument("mode", choices=["list", "get"])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--expected", type=int, required=True)
    parser.add_argument("--setting", default="loopback")
    parser.add_argument("--cap", type=float, default=0.0)
    parser.add_argument("--calls", type=int, default=0)
    _run(parser.parse_args())


if __name__ == "__main__":
    main()
