"""The crash record: how often the kiosk died lately, so it can fall back to a safe mode instead
of looping through the same crash (no Qt).

Each start marks the record "running"; a clean exit clears the mark. A start that finds the mark
still set knows the previous run crashed (or was killed by the watchdog) and counts it.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.atomic import write_text_atomic

RECORD_FILE = "runs.json"
WINDOW = 30 * 60.0  # crashes older than this are forgiven
SAFE_MODE_AFTER = 3


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def begin_run(path: Path, now: Callable[[], float] = time.time) -> int:
    """Record this start; return how many crashes happened within the last 30 minutes."""
    data, at = _read(path), now()
    crashes = [
        float(t)
        for t in data.get("crashes", [])
        if isinstance(t, int | float) and 0 <= at - float(t) <= WINDOW
    ]
    if data.get("running"):
        crashes.append(at)
    record = {"running": True, "started": at, "crashes": crashes}
    with contextlib.suppress(OSError):  # a read-only disk costs the record, never the start
        write_text_atomic(path, json.dumps(record))
    return len(crashes)


def end_run(path: Path) -> None:
    """A clean exit: the next start is not counted as a crash."""
    data = _read(path)
    data["running"] = False
    with contextlib.suppress(OSError):
        write_text_atomic(path, json.dumps(data))


def in_safe_mode(crashes: int) -> bool:
    return crashes >= SAFE_MODE_AFTER
