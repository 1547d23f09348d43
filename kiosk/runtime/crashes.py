"""The crash record: how often the kiosk died lately, so it can fall back to a safe mode instead
of looping through the same crash (no Qt).

Each start marks the record "running"; a clean exit clears the mark. A start that finds the mark
still set knows the previous run crashed (or was killed by the watchdog) and counts it.

When the state folder cannot be written (full, read-only), the record goes to the runtime
folder (:func:`kiosk.storage.fallback_dir`) instead, once said in the log and the admin panel:
a crash loop on a full disk still ends in safe mode.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk import storage
from kiosk.atomic import write_text_atomic

log = logging.getLogger(__name__)

RECORD_FILE = "runs.json"
WINDOW = 30 * 60.0  # crashes older than this are forgiven
SAFE_MODE_AFTER = 3


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _fallback(path: Path, create: bool = False) -> Path | None:
    """Where the record goes when ``path`` cannot be written (made only to write there)."""
    try:
        return storage.fallback_dir(create) / path.name
    except OSError:
        return None


def _read_latest(path: Path) -> dict[str, Any]:
    """The record, or its copy in the runtime folder when that one is newer (the state folder
    could not be written at the last start or exit)."""
    data = _read(path)
    spare = _fallback(path)
    other = _read(spare) if spare is not None else {}
    newer = float(other.get("started", 0) or 0) > float(data.get("started", 0) or 0)
    return other if newer else data


def _write(path: Path, record: dict[str, Any]) -> None:
    text = json.dumps(record)
    try:
        write_text_atomic(path, text)
    except OSError as error:
        spare = _fallback(path, create=True)
        if storage.report(
            "crashes",
            f"the crash record cannot be written to {path.parent} ({error.strerror or error}); "
            f"it is kept in {spare.parent if spare else 'memory only'}",
        ):
            log.warning("crash record: %s: %s; using the runtime folder", path, error)
        if spare is not None:
            with contextlib.suppress(OSError):  # nowhere to write: the start goes on, uncounted
                write_text_atomic(spare, text)
        return
    spare = _fallback(path)
    if spare is not None and spare.exists():  # written where it belongs again
        spare.unlink(missing_ok=True)
    storage.clear("crashes")


def begin_run(path: Path, now: Callable[[], float] = time.time) -> int:
    """Record this start; return how many crashes happened within the last 30 minutes."""
    data, at = _read_latest(path), now()
    crashes = [
        float(t)
        for t in data.get("crashes", [])
        if isinstance(t, int | float) and 0 <= at - float(t) <= WINDOW
    ]
    if data.get("running"):
        crashes.append(at)
    _write(path, {"running": True, "started": at, "crashes": crashes})
    return len(crashes)


def end_run(path: Path) -> None:
    """A clean exit: the next start is not counted as a crash."""
    data = _read_latest(path)
    data["running"] = False
    _write(path, data)


def in_safe_mode(crashes: int) -> bool:
    return crashes >= SAFE_MODE_AFTER
