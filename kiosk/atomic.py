"""Writes that a power cut cannot leave half done: a temporary file, fsync, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; the old file stays whole until it is done.

    Raises OSError when the folder cannot be written (the caller decides what that costs).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def write_text_atomic(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8"))


_TEMP_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def is_leftover(name: str) -> bool:
    """Whether ``name`` is one of write_atomic's temporary files (``.<name>.<8 random>``)."""
    base, _, random = name[1:].rpartition(".")
    return name.startswith(".") and bool(base) and len(random) == 8 and set(random) <= _TEMP_CHARS


def clean_leftovers(folder: Path, older_than: float = 600.0) -> int:
    """Delete temporary files a killed writer left in ``folder`` (only ones older than
    ``older_than`` seconds: a writer may be busy with a new one); returns how many."""
    removed = 0
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not is_leftover(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > older_than:
                    os.unlink(entry.path)
                    removed += 1
    return removed
