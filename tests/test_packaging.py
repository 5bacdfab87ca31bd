"""What a package index shows and what `pip install emnify-async[test]` pulls in.

Building the wheel takes about three seconds (pip fetches hatchling for an isolated build).
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = "https://github.com/emnify-async/emnify-async"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[zipfile.ZipFile]:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (path,) = out.glob("emnify_async-*.whl")
    with zipfile.ZipFile(path) as archive:
        yield archive


@pytest.fixture(scope="module")
def metadata(wheel: zipfile.ZipFile) -> Message:
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(wheel.read(name).decode())


def _extra(metadata: Message, extra: str) -> set[str]:
    requirements = [Requirement(line) for line in metadata.get_all("Requires-Dist", [])]
    return {
        r.name.lower()
        for r in requirements
        if r.marker is not None and r.marker.evaluate({"extra": extra})
    }


def test_project_urls(metadata: Message) -> None:
    urls = dict(line.split(", ", 1) for line in metadata.get_all("Project-URL", []))

    assert urls["Source"] == REPOSITORY
    assert {"Homepage", "Issues", "Changelog", "Documentation"} <= set(urls)
    assert all(
        url.startswith(REPOSITORY) for name, url in urls.items() if name != "emnify API reference"
    )
    assert urls["emnify API reference"] == "https://docs.emnify.com/"


def test_license_is_declared_and_shipped(wheel: zipfile.ZipFile, metadata: Message) -> None:
    (license_path,) = [n for n in wheel.namelist() if n.endswith(".dist-info/licenses/LICENSE")]

    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert wheel.read(license_path).decode().startswith("MIT License")


def test_python_version_classifiers(metadata: Message) -> None:
    classifiers = metadata.get_all("Classifier", [])
    versions = [c.rsplit(" :: ", 1)[1] for c in classifiers if re.search(r":: 3\.\d+$", c)]

    assert versions == ["3.10", "3.11", "3.12", "3.13", "3.14"]
    assert metadata["Requires-Python"] == ">=3.10"


def test_test_extra_installs_no_linters(metadata: Message) -> None:
    test, dev = _extra(metadata, "test"), _extra(metadata, "dev")

    assert {"pytest", "pytest-asyncio", "openapi-core", "pyyaml", "aioresponses-ng"} <= test
    assert not test & {"ruff", "mypy", "types-pyyaml"}
    assert {"ruff", "mypy", "types-pyyaml"} <= dev


def test_readme_links_work_on_a_package_index() -> None:
    """The README is the index page's description: relative links would point nowhere."""
    links = re.findall(r"\]\(([^)]+)\)", (ROOT / "README.md").read_text(encoding="utf-8"))

    assert links
    assert [link for link in links if not link.startswith("https://")] == []
