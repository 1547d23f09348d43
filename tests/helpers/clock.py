"""One clock the tests move by hand, for everything that takes a ``clock`` callable."""

from __future__ import annotations


class Clock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
