"""The hidden staff gesture: several quick taps in one corner of the screen (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CornerTaps:
    """Counts taps in the corner; :meth:`tap` is True on the ``taps``-th within ``within`` s.

    A tap anywhere else starts the count again, so visitors do not open it by chance.
    """

    taps: int = 5
    within: float = 3.0
    times: list[float] = field(default_factory=list)

    def tap(self, now: float, in_corner: bool) -> bool:
        if not in_corner:
            self.times.clear()
            return False
        self.times = [t for t in self.times if now - t <= self.within]
        self.times.append(now)
        if len(self.times) >= self.taps:
            self.times.clear()
            return True
        return False
