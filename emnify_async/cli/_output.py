"""Where a command's output goes: stdout, or a file that only appears once it is complete."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PARTIAL_SUFFIX = ".partial"


class OutputError(Exception):
    """Writing the command's output failed: a full disk, a closed pipe, a missing folder."""

    def __init__(self, name: str, error: OSError) -> None:
        self.closed = isinstance(error, BrokenPipeError)  # the reader went away (`| head`)
        super().__init__(f"cannot write {name}: {error.strerror or error}")


class Sink:
    """A text stream whose write failures are `OutputError`s naming the output."""

    def __init__(self, stream: IO[str], name: str) -> None:
        self._stream = stream
        self.name = name

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputError(self.name, exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(self.name, exc) from exc

    def close(self) -> None:
        try:
            self._stream.close()
        except OSError as exc:
            raise OutputError(self.name, exc) from exc


@contextlib.contextmanager
def stdout_sink() -> Iterator[Sink]:
    """Standard output, flushed at the end so a failure shows up inside the command."""
    sink = Sink(sys.stdout, "to stdout")
    yield sink
    sink.flush()


def flush_or_discard_stdout() -> None:
    """Flush stdout; if it cannot take the output, point its descriptor at the null device.

    Otherwise the interpreter's own flush at exit fails again and prints "Exception ignored".
    """
    try:
        sys.stdout.flush()
    except OSError:
        pass
    else:
        return
    with contextlib.suppress(AttributeError, OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def open_output(target: str) -> Iterator[Sink]:
    """Write `target` (`-` for stdout) so that a complete file appears only on success.

    A regular file is written to a temporary file in the same folder and renamed over the
    target at the end; on failure or interrupt the data so far is kept as `<target>.partial`
    and the target is left as it was. Other targets (`-`, /dev/null, a FIFO) are written
    directly.
    """
    if target == "-":
        with stdout_sink() as sink:
            yield sink
        return
    path = Path(target).resolve()  # a symlinked target: replace the file it points to
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(target, exc) from exc
    if mode is not None and not stat.S_ISREG(mode):
        try:
            stream = open(path, "w", newline="", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise OutputError(target, exc) from exc
        sink = Sink(stream, target)
        try:
            yield sink
            sink.flush()
        finally:
            with contextlib.suppress(OSError):
                stream.close()
        return
    if mode is not None and not os.access(path, os.W_OK):
        # A rename would replace it anyway; refuse as writing it in place would.
        denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
        raise OutputError(target, denied)
    partial = path.with_name(path.name + PARTIAL_SUFFIX)
    shown = str(partial) if os.path.islink(target) else target + PARTIAL_SUFFIX
    with _atomic(path, target, mode, partial, shown) as sink:
        yield sink


@contextlib.contextmanager
def _atomic(path: Path, name: str, mode: int | None, partial: Path, shown: str) -> Iterator[Sink]:
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        os.chmod(temp, stat.S_IMODE(mode) if mode is not None else _default_mode())
    except OSError as exc:
        raise OutputError(name, exc) from exc
    stream = open(fd, "w", newline="", encoding="utf-8")  # noqa: SIM115
    sink = Sink(stream, name)
    try:
        yield sink
        sink.flush()
        try:
            os.fsync(fd)
            stream.close()
            os.replace(temp, path)
        except OSError as exc:
            raise OutputError(name, exc) from exc
    except BaseException:
        note = _keep_partial(stream, Path(temp), partial, shown)
        if note:
            print(f"emnify: {note}; {name} was not changed", file=sys.stderr)
        raise


def _keep_partial(stream: IO[str], temp: Path, partial: Path, shown: str) -> str | None:
    """Move what was written to `partial`; say where it is (None if nothing was written)."""
    with contextlib.suppress(OSError):
        stream.close()  # may fail again on a full disk; what reached the file is kept
    try:
        if temp.stat().st_size == 0:
            temp.unlink()
            return None
        os.replace(temp, partial)
    except OSError as exc:
        return f"incomplete output left in {temp} ({exc.strerror})" if temp.exists() else None
    return f"incomplete output kept in {shown}"


def _default_mode() -> int:
    """The mode `open()` would give a new file (mkstemp makes it private to the owner)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
