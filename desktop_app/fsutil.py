"""Atomic file writes: temporary file next to the target, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "wb", private: bool = False,
                 encoding: str | None = None) -> Iterator[IO]:
    """Write ``path`` atomically.

    Yields a file object on a temporary file in the same folder; on success the
    data is flushed to disk and the file renamed over ``path``. On error the
    temporary file is removed and ``path`` is untouched. ``private`` gives the
    file owner-only permissions (0600).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if private and os.name == "posix":
            os.fchmod(fd, 0o600)
        if "b" in mode:
            f = os.fdopen(fd, mode)
        else:
            f = os.fdopen(fd, mode, encoding=encoding or "utf-8", newline="")
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes, private: bool = False) -> None:
    with atomic_write(path, "wb", private=private) as f:
        f.write(data)


def atomic_write_text(path: str | os.PathLike, text: str, private: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), private=private)


def make_private(path: str | os.PathLike) -> None:
    """Owner-only permissions on a file or folder (no-op where unsupported)."""
    if os.name == "posix":
        p = Path(path)
        os.chmod(p, 0o700 if p.is_dir() else 0o600)
