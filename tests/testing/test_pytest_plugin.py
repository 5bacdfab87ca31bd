"""The testing guide's pytest example, run as a user would: its own project, strict mode."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guides" / "testing.md"
PLUGINS_LINE = 'pytest_plugins = ["emnify_async.testing.pytest_plugin"]'


def _guide_pytest_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    (example,) = [block for block in blocks if block.startswith("# 2. In pytest")]
    return str(example)


def _run_pytest(project: Path) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "PYTHONWARNINGS"))
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-c",
            str(project / "pytest.ini"),
            "--rootdir",
            str(project),
            "-q",
            str(project),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("layout", ["one file", "plugin in conftest.py"])
def test_the_guide_example_passes_in_strict_mode(tmp_path: Path, layout: str) -> None:
    """The example passes as written in a project that does not set asyncio_mode = "auto"."""
    example = _guide_pytest_example()
    assert PLUGINS_LINE in example
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # pytest-asyncio's default: strict
    if layout == "plugin in conftest.py":
        (tmp_path / "conftest.py").write_text(PLUGINS_LINE + "\n")
        example = example.replace(PLUGINS_LINE, "")
    (tmp_path / "test_example.py").write_text(example)

    result = _run_pytest(tmp_path)

    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(r"1 passed in [\d.]+s", summary), result.stdout
