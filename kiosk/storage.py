"""Trouble with the kiosk's own files (a full or read-only state folder), said once and kept for
the admin panel, and the fallback folder for what must not be lost (no Qt).

The kiosk keeps running whatever its disk does: the log goes to the console and to memory, the
single-instance lock and the heartbeat move to a runtime folder (memory-backed where there is
one), and each trouble is one warning, not a traceback per log record.
"""

from __future__ import annotations

import getpass
import os
import sys
import tempfile
import threading
from pathlib import Path

from kiosk import NAME

_lock = threading.Lock()
_problems: dict[str, str] = {}  # what failed ("log", "lock", "heartbeat") -> what to say


def report(what: str, message: str) -> bool:
    """Note a trouble; True the first time it is reported (the caller says it once)."""
    with _lock:
        first = what not in _problems
        _problems[what] = message
    return first


def clear(what: str) -> None:
    with _lock:
        _problems.pop(what, None)


def problems() -> list[str]:
    """Every current trouble, for the admin panel."""
    with _lock:
        return list(_problems.values())


def fallback_dir(create: bool = True) -> Path:
    """A folder of this user's for the lock and the heartbeat when the state folder fails:
    ``$XDG_RUNTIME_DIR``, else ``/dev/shm`` (memory: never full of logs), else the temp folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_dir():
        base = Path(runtime)
    elif sys.platform.startswith("linux") and Path("/dev/shm").is_dir():
        base = Path("/dev/shm")
    else:
        base = Path(tempfile.gettempdir())
    # on Windows the user's name, as the relauncher (build/windows/relaunch.ps1) spells it
    uid = os.getuid() if hasattr(os, "getuid") else getpass.getuser()
    folder = base / f"{NAME}-{uid}"
    if create:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder
