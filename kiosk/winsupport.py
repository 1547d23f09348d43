"""Windows-only start-up settings for an unattended terminal (nothing elsewhere)."""

from __future__ import annotations

import sys

SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


def prepare_process() -> None:
    """No Windows error dialog may sit over the kiosk: a crash ends the process silently (the
    logon task restarts it) and a missing drive or DLL does not wait for a click."""
    if sys.platform != "win32":
        return
    import ctypes

    ctypes.windll.kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
