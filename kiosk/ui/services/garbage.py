"""Python's cycle collector, run from the event loop instead of at any allocation.

With automatic collection, a collection can start inside a Qt call that holds one of Qt's
internal locks (seen: inside ``QObject::disconnect``, when PySide asked Python for an override)
and collect a wrapper whose QObject then tries to take the same lock in its destructor: the
app freezes. So automatic collection is off while the kiosk runs, and a timer on the GUI thread
runs the same generational collection whenever Python's own thresholds say it is due.
The same timer hands the heap's free memory back to the system every half minute (glibc
only; a fraction of a millisecond), so RSS does not climb in steps as the heap fragments.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from kiosk.runtime.memory import release_free_memory

INTERVAL_MS = 500
TRIM_EVERY_S = 30.0
# Python counts allocations minus deallocations: when a screen's teardown frees as much as the
# next one allocates, the count never passes its threshold and cycles would wait for ever. A
# young-generation pass (about a millisecond) runs at least this often whatever the count says.
COLLECT_EVERY_S = 5.0


class GarbageCollector(QObject):
    """Runs ``gc.collect`` at safe points: between events, on the GUI thread."""

    def __init__(self, parent: QObject, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self.trim_due = clock() + TRIM_EVERY_S
        self.collect_due = clock() + COLLECT_EVERY_S
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose allocation counts passed Python's thresholds; trim
        the heap when that is due."""
        young, middle, old = gc.get_count()
        now = self.clock()
        if young > self.threshold[0] or (young > 0 and now >= self.collect_due):
            self.collect_due = now + COLLECT_EVERY_S
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)
        if now >= self.trim_due:
            self.trim_due = now + TRIM_EVERY_S
            release_free_memory()
