"""Progress of long command-line work: one line on a terminal, nothing in a pipe or a log."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}:{seconds:02d}"


class Progress:
    """Counts ``total`` steps; on a terminal it rewrites one stderr line with what is being
    done, the count and the time left. Elsewhere (a pipe, a log, CI) it prints nothing."""

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = max(1, total)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock
        self.started = clock()
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self._width = 0

    @property
    def elapsed(self) -> float:
        return self.clock() - self.started

    def step(self, what: str) -> None:
        """One step is about to start: ``what`` (say, "en figures--detail")."""
        if not self.live:
            return
        line = f"[{self.done + 1}/{self.total}] {what}"
        if self.done:
            left = self.elapsed / self.done * (self.total - self.done)
            line += f"  {_clock(left)} left"
        self._write(line)

    def advance(self) -> None:
        self.done += 1

    def finish(self) -> None:
        """Clear the line (the caller prints its own summary)."""
        if self.live and self._width:
            self._write("")
            self.stream.write("\r")
            self.stream.flush()

    def _write(self, line: str) -> None:
        padding = " " * max(0, self._width - len(line))
        self.stream.write(f"\r{line}{padding}")
        self.stream.flush()
        self._width = len(line)
