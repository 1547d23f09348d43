"""The kiosk's log: a rotating file in the per-user state folder, bounded in total size, and
the most recent lines kept in memory for the admin panel (no Qt here)."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from collections import deque
from pathlib import Path

from kiosk import storage

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
FILE_BYTES = 1024 * 1024  # one file; with BACKUPS the log never takes more than 5 MB
BACKUPS = 4
RECENT = 200

log = logging.getLogger("kiosk")


class FileLog(logging.handlers.RotatingFileHandler):
    """The rotating log file; a disk that fails (full, read-only) is said once on stderr and in
    the admin panel, not with a traceback per record, and writing resumes when it can."""

    failing = False  # the last record could not be written

    def emit(self, record: logging.LogRecord) -> None:
        self.failing = False
        super().emit(record)  # a failure calls handleError, which sets ``failing``
        if not self.failing:
            storage.clear("log")

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802
        self.failing = True
        error = sys.exc_info()[1]
        reason = getattr(error, "strerror", None) or str(error)
        message = f"cannot write the log file {self.baseFilename} ({reason})"
        if storage.report("log", message):
            sys.stderr.write(f"kiosk: {message}; logging to the console and memory only\n")
        if self.stream is not None:  # reopen on the next record: the disk may have room again
            with contextlib.suppress(OSError):
                self.stream.close()
            self.stream = None  # type: ignore[assignment]


class RecentLines(logging.Handler):
    """The last log lines, formatted, for the admin panel."""

    def __init__(self, size: int = RECENT) -> None:
        super().__init__(logging.INFO)
        self.lines: deque[str] = deque(maxlen=size)
        self.setFormatter(logging.Formatter(FORMAT, "%Y-%m-%d %H:%M:%S"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a bad log call must never take the kiosk down
            text = str(record.msg)
        self.lines.extend(text.splitlines() or [""])

    def last(self, count: int) -> list[str]:
        return list(self.lines)[-count:]


def setup_logging(folder: Path | None, console: bool = True) -> RecentLines:
    """Log to ``folder/kiosk.log`` (rotating), to stderr and to memory; returns the memory.

    A folder that cannot be written costs the file, not the start: it is said on stderr.
    Calling it again replaces the handlers it installed before.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.INFO)
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = []
    recent = RecentLines()
    handlers.append(recent)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(formatter)
        handlers.append(stream)
    problem = ""
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            rotating = FileLog(
                folder / "kiosk.log", maxBytes=FILE_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        except OSError as exc:
            problem = f"cannot write the log in {folder}: {exc.strerror or exc}"
        else:
            rotating.setFormatter(formatter)
            handlers.append(rotating)
    for handler in handlers:
        handler._kiosk = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    if problem:
        log.warning("%s; logging to the console only", problem)
    return recent
