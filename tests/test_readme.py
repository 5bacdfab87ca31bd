"""The examples of README.md, docs/*.md and docs/guides/*.md run as written against the emulator.

Every ```python and ```bash block is a test (markers: see tests/docblocks.py). They share one
emulator of EMULATOR_SIMS SIMs, reached through EMNIFY_BASE_URL and EMNIFY_APPLICATION_TOKEN,
so ``AsyncEmnify()``, ``Emnify()`` and the ``emnify`` command need no arguments. Each block
runs in a subprocess, in a fresh directory holding an ``ids.txt`` of a few SIM ids (the CLI
examples read it). Commands that serve forever (``emnify emulator``, ``python -m
emnify_async.testing``) run on ``--port 0`` until they print their URL, then are stopped.
A python block is padded with blank lines, so its tracebacks give the lines of the doc.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from emnify_async.testing import Emulator, EmulatorConfig

from .conftest import ThreadedEmulator
from .docblocks import Block, MarkerError, extract, extract_file

ROOT = Path(__file__).resolve().parents[1]
DOCS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted((ROOT / "docs").glob("*/*.md")),
]
RUNNABLE = ("python", "bash")
BLOCKS = [block for doc in DOCS for block in extract_file(doc, ROOT) if block.lang in RUNNABLE]
RUNNER = Path(__file__).with_name("docblock_runner.py")

EMULATOR_SIMS = 2000  # the examples use SIM 1234
IDS_TXT = "1\n2\n3\n"
TIMEOUT = 120.0
SERVE_TIMEOUT = 30.0  # the emulator prints its URL within a second, even with 100k SIMs
SERVER = re.compile(r"^(emnify emulator|python -m emnify_async\.testing)\b")
SERVER_URL = re.compile(r"http://127\.0\.0\.1:\d+")
TROUBLE = re.compile(r"Traceback|Warning|Exception ignored|Unclosed")


def _param(block: Block) -> object:
    marks = [pytest.mark.skip(reason=block.reason)] if block.mode == "skip" else []
    return pytest.param(block, id=block.label[:80], marks=marks)


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    """One emulator for every example: they only read, or make changes the others tolerate."""
    with ThreadedEmulator(EmulatorConfig(seed=0, sims=EMULATOR_SIMS)) as emu:
        yield emu


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """An empty directory but for the ids.txt the CLI examples read."""
    (tmp_path / "ids.txt").write_text(IDS_TXT)
    return tmp_path


def _env(emulator: Emulator) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("EMNIFY_")}
    env.update(
        EMNIFY_BASE_URL=emulator.base_url,
        EMNIFY_APPLICATION_TOKEN=emulator.application_token,
        PYTHONWARNINGS="error",
        # `emnify` and `python` are those of this interpreter's environment.
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
    )
    return env


def _fail(where: str, command: str, code: int | None, out: str, err: str) -> None:
    pytest.fail(
        f"{where}: `{command}` exited with {code}\n"
        f"--- stdout (end)\n{out[-3000:]}\n--- stderr\n{err[-5000:]}",
        pytrace=False,
    )


def _check(where: str, command: str, result: subprocess.CompletedProcess[str]) -> None:
    if result.returncode != 0 or TROUBLE.search(result.stderr):
        _fail(where, command, result.returncode, result.stdout, result.stderr)


def _run_python(block: Block, env: dict[str, str], cwd: Path) -> None:
    name = "test_example.py" if block.mode == "pytest" else "example.py"
    (cwd / name).write_text(block.padded())
    argv = {
        "run": [sys.executable, name],
        "async-body": [sys.executable, str(RUNNER), block.mode, name],
        "emulator-body": [sys.executable, str(RUNNER), block.mode, name],
        "notebook": [sys.executable, str(RUNNER), block.mode, name],
        "module": [sys.executable, "-c", "import example"],
        "pytest": [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "error"),
            *("-o", "asyncio_mode=auto", "-o", "asyncio_default_fixture_loop_scope=function"),
            *("--rootdir", str(cwd), name),
        ],
    }[block.mode]
    result = subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    _check(block.label, block.first_line, result)


def _commands(block: Block) -> Iterator[tuple[int, str]]:
    """The block's commands with their line numbers; a trailing backslash continues a line."""
    lines = block.code.splitlines()
    index = 0
    while index < len(lines):
        number, command = block.line + 1 + index, lines[index]
        while command.endswith("\\") and index + 1 < len(lines):
            index += 1
            command = command[:-1] + lines[index]
        index += 1
        if command.strip() and not command.lstrip().startswith("#"):
            yield number, command.strip()


def _serve_until_url(where: str, command: str, env: dict[str, str], cwd: Path) -> None:
    """Start a serving command on a free port, wait for its URL, then stop it."""
    command = re.sub(r"--port[ =]\d+", "--port 0", command)
    proc = subprocess.Popen(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, stopped as a whole
    )
    stop = threading.Timer(SERVE_TIMEOUT, os.killpg, (proc.pid, signal.SIGKILL))
    stop.start()
    seen: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen.append(line)
            if SERVER_URL.search(line):
                break
    finally:
        stop.cancel()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        out, err = proc.communicate(timeout=TIMEOUT)
    if not any(SERVER_URL.search(line) for line in seen):
        err += f"\n(no URL on stdout within {SERVE_TIMEOUT:.0f} s or before it exited)"
        _fail(where, command, proc.returncode, "".join(seen) + out, err)


def _run_bash(block: Block, env: dict[str, str], cwd: Path) -> None:
    for number, command in _commands(block):
        where = f"{block.source}:{number}"
        if SERVER.match(command):
            _serve_until_url(where, command, env, cwd)
            continue
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        _check(where, command, result)


@pytest.mark.parametrize("block", [_param(block) for block in BLOCKS])
def test_example_runs(block: Block, emulator: Emulator, workdir: Path) -> None:
    """The example exits 0 with no traceback or warning on stderr."""
    run = _run_python if block.lang == "python" else _run_bash
    run(block, _env(emulator), workdir)


class TestExtract:
    """The extractor finds every block and honours the markers."""

    TEXT = (
        "# Title\n"  # 1
        "```python\n"  # 2
        "print(1)\n"
        "```\n"
        "text\n"  # 5
        "<!-- readme-test: async-body -->\n"
        "```python\n"  # 7
        "await client.sims.statuses()\n"
        "```\n"
        "<!-- readme-test: skip (serves forever) -->\n"  # 10
        "```bash\n"  # 11
        "serve\n"
        "```\n"
        "```\n"  # 14
        "a tree\n"
        "```\n"
        "````markdown\n"  # 17
        "```python\n"
        "````\n"
        "<!--readme-test:pytest-->\n"  # 20
        "~~~python\n"  # 21
        "def test_x(): ...\n"
        "~~~\n"
    )

    def test_finds_every_block_with_its_marker(self) -> None:
        """Each fence becomes one block; a marker applies to the next block only."""
        blocks = extract(self.TEXT, "x.md")

        assert [(b.line, b.lang, b.mode, b.reason, b.code) for b in blocks] == [
            (2, "python", "run", "", "print(1)\n"),
            (7, "python", "async-body", "", "await client.sims.statuses()\n"),
            (11, "bash", "skip", "serves forever", "serve\n"),
            (14, "", "run", "", "a tree\n"),
            (17, "markdown", "run", "", "```python\n"),
            (21, "python", "pytest", "", "def test_x(): ...\n"),
        ]
        assert blocks[1].label == "x.md:7 await client.sims.statuses()"
        assert blocks[0].padded().splitlines()[2] == "print(1)"  # line 3 of the file

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            pytest.param("<!-- readme-test: skp (x) -->\n```python\n```\n", "unknown", id="typo"),
            pytest.param("<!-- readme-test: skip -->\n```bash\n```\n", "reason", id="no-reason"),
            pytest.param("<!-- readme-test: pytest (x) -->\n```python\n```\n", "reason", id="arg"),
            pytest.param("<!-- readme-test: skip (x) -->\n\n```bash\n```\n", "precede", id="gap"),
            pytest.param("text\n<!-- readme-test: skip (x) -->\n", "precede", id="at-end"),
            pytest.param("```python\nprint(1)\n", "never closed", id="unclosed"),
        ],
    )
    def test_rejects_a_marker_or_fence_it_cannot_honour(self, text: str, message: str) -> None:
        """A bad marker is an error, never a block silently run another way or skipped."""
        with pytest.raises(MarkerError, match=message):
            extract(text, "x.md")

    @pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.relative_to(ROOT).as_posix())
    def test_every_fence_of_the_docs_is_a_block(self, doc: Path) -> None:
        """No fence is missed, and each is run (python, bash) or plain text (no language)."""
        fences = [line for line in doc.read_text().splitlines() if line.startswith("```")]
        blocks = extract_file(doc, ROOT)

        assert len(fences) == 2 * len(blocks)
        assert {block.lang for block in blocks} <= {*RUNNABLE, ""}

    def test_the_examples_are_found_and_skips_are_few(self) -> None:
        """The README's quickstarts and the guides' examples are run; only the CI scripts skip."""
        readme = [block for block in BLOCKS if block.source == "README.md"]
        guides = [block for block in BLOCKS if block.source.startswith("docs/guides/")]
        skipped = [block.first_line for block in BLOCKS if block.mode == "skip"]

        assert [block.lang for block in readme if block.mode == "run"] == ["python", "python"]
        assert sum(block.lang == "python" for block in guides) >= 20
        assert sum(block.lang == "bash" for block in guides) >= 3
        assert [line.split()[:2] for line in skipped] == [["bash", "scripts/demo.sh"]]

    def test_the_readme_quickstart_fits_one_screen(self) -> None:
        """Set-up and quickstart stay short; the long sections live in docs/."""
        text = (ROOT / "README.md").read_text(encoding="utf-8")
        quickstart = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]

        assert len(quickstart.splitlines()) <= 40
        assert len(text.splitlines()) <= 120
        assert "|---|" not in text  # tables belong to the docs site
