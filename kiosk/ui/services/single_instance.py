"""One kiosk window per user: a second interactive start finds the lock taken and steps aside.

The lock is a QLockFile (it holds the owner's PID, so a crashed kiosk's lock is stale and taken
over at once) in the per-user state folder: ``$KIOSK_LOCK_DIR`` if set (tests), else
``$XDG_STATE_HOME/exhibition-kiosk`` (``~/.local/state/exhibition-kiosk``), on Windows
``%LOCALAPPDATA%\\exhibition-kiosk\\state``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile

from kiosk import storage
from kiosk.paths import user_state_dir

LOCK_DIR_ENV = "KIOSK_LOCK_DIR"
LOCK_NAME = "kiosk.lock"
# Modes that open no lasting window and may run beside the kiosk.
_BESIDE = ("validate", "screenshot", "selftest", "set_pin")

_held: QLockFile | None = None


def lock_dir() -> Path:
    """``$KIOSK_LOCK_DIR``, else the per-user state folder (one kiosk per user)."""
    override = os.environ.get(LOCK_DIR_ENV)
    return Path(override) if override else user_state_dir()


def _lock_in(folder: Path) -> QLockFile | None:
    """An unlocked QLockFile in ``folder``, or None when the folder cannot hold one."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    lock = QLockFile(str(folder / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        lock.unlock()  # it works here; the caller takes it
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return lock  # held by another kiosk: the caller says so
    return None  # permissions, a full disk: not here


def claim(args: argparse.Namespace) -> bool:
    """True when this process may open the kiosk window (it now holds the lock, for life).

    False, after one line on stderr, when another kiosk of this user already runs.
    """
    global _held
    if any(getattr(args, mode, False) for mode in _BESIDE) or _held is not None:
        return True
    lock = _lock_in(lock_dir())
    if lock is None:  # the state folder cannot hold it: a runtime folder can
        fallback = storage.fallback_dir()
        storage.report(
            "lock", f"the state folder {lock_dir()} cannot be written; the lock is in {fallback}"
        )
        lock = _lock_in(fallback)
    if lock is None:
        return True  # nowhere to lock: run rather than refuse to show anything
    if lock.tryLock(0):
        _held = lock
        return True
    pid = lock.getLockInfo()[0]  # (pid, hostname, appname)
    print(f"kiosk: already running (pid {pid}); not opening a second window", file=sys.stderr)
    return False


def release() -> None:
    """Give the lock back (tests; the process exit releases it too)."""
    global _held
    if _held is not None:
        _held.unlock()
        _held = None
