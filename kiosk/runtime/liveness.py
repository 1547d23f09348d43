"""Telling the service manager the kiosk is alive (no Qt): systemd's notification socket when
there is one (``READY=1``, ``WATCHDOG=1``), otherwise a heartbeat file with the time in it.

The caller sends from a timer on the GUI thread, so a frozen event loop stops the heartbeat and
the service restarts the kiosk.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Mapping
from pathlib import Path

from kiosk.atomic import write_text_atomic

HEARTBEAT_FILE = "heartbeat"
HEARTBEAT_SECONDS = 10.0


def notify_socket(env: Mapping[str, str] = os.environ) -> str | None:
    path = env.get("NOTIFY_SOCKET", "")
    if not path or path[0] not in "/@":
        return None
    return "\0" + path[1:] if path[0] == "@" else path  # '@' is Linux's abstract namespace


def notify(message: str, env: Mapping[str, str] = os.environ) -> bool:
    """Send one sd_notify message; False when there is no socket or it fails."""
    address = notify_socket(env)
    if address is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError:
        return False
    return True


def heartbeat_interval(env: Mapping[str, str] = os.environ) -> float:
    """Seconds between heartbeats: half systemd's WatchdogSec when it set one for us."""
    usec = env.get("WATCHDOG_USEC", "")
    pid = env.get("WATCHDOG_PID", "")
    if usec.isdigit() and int(usec) > 0 and (not pid or pid == str(os.getpid())):
        return int(usec) / 2_000_000
    return HEARTBEAT_SECONDS


def beat(state_dir: Path, env: Mapping[str, str] = os.environ) -> bool:
    """One heartbeat: WATCHDOG=1 to systemd, or the time into the heartbeat file; False when
    the file could not be written."""
    if notify("WATCHDOG=1", env):
        return True
    try:
        write_text_atomic(state_dir / HEARTBEAT_FILE, f"{time.time():.0f}\n")
    except OSError:
        return False
    return True
