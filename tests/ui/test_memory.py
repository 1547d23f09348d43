"""glibc gives large freed blocks (temporary images) back to the system once tuned."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QObject

from kiosk.runtime import memory
from kiosk.ui.services import garbage
from tests.helpers import REPO

GLIBC = memory.glibc() is not None

# Three 24 MB blocks, written (so resident) and freed one after the other, like artwork
# rendered at screen size; prints how much RSS the process kept afterwards.
PROBE = """
import sys
from kiosk.runtime import memory
from kiosk.ui.services.census import resident_mb
from tests.helpers import REPO
if sys.argv[1] == "tuned":
    assert memory.tune_allocator()
start = resident_mb()
for _ in range(3):
    block = b"x" * (24 * 2**20)
    del block
print(resident_mb() - start)
"""


def kept_mb(mode: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True, cwd=REPO
    )
    return float(out.stdout)


@pytest.mark.skipif(not GLIBC, reason="the allocator settings are glibc's")
def test_tuned_allocator_gives_large_freed_blocks_back() -> None:
    untuned, tuned = kept_mb("untuned"), kept_mb("tuned")
    assert tuned < 4
    assert untuned > tuned + 16  # glibc's default keeps the second block in its heap


@pytest.mark.skipif(not GLIBC, reason="malloc_trim is glibc's")
def test_release_free_memory_trims_on_glibc() -> None:
    assert memory.release_free_memory()  # glibc found and malloc_trim called


def test_other_c_libraries_are_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(memory, "_glibc", None)
    monkeypatch.setattr(memory, "_looked_up", False)
    monkeypatch.setattr(memory.platform, "libc_ver", lambda: ("", ""))
    assert memory.glibc() is None
    assert not memory.tune_allocator()
    assert not memory.release_free_memory()


def test_the_collector_timer_trims_the_heap_every_half_minute(qtbot, monkeypatch) -> None:
    trims: list[float] = []
    now = [1000.0]
    monkeypatch.setattr(garbage, "release_free_memory", lambda: trims.append(now[0]) or True)
    parent = QObject()
    collector = garbage.GarbageCollector(parent, clock=lambda: now[0])
    try:
        collector.check()
        assert trims == []  # not yet due
        now[0] += garbage.TRIM_EVERY_S
        collector.check()
        collector.check()
        assert trims == [1030.0]  # once, then not again until the next half minute
        now[0] += garbage.TRIM_EVERY_S
        collector.check()
        assert trims == [1030.0, 1060.0]
    finally:
        collector.timer.stop()


def test_a_cycle_is_collected_even_when_frees_balance_allocations(qtbot) -> None:
    """Python's count is allocations minus deallocations: a teardown can keep it under the
    threshold for ever; the collector still runs a young pass every few seconds."""
    import gc
    import weakref

    now = [1000.0]
    parent = QObject()
    was_enabled = gc.isenabled()
    collector = garbage.GarbageCollector(parent, clock=lambda: now[0])
    collector.timer.stop()
    try:
        gc.collect()  # the count starts from zero

        class Node:
            pass

        node = Node()
        node.self = node
        ref = weakref.ref(node)
        del node
        assert 0 < gc.get_count()[0] <= collector.threshold[0]  # under the threshold
        collector.check()
        assert ref() is not None  # not due yet, and the count alone would never say so
        now[0] += garbage.COLLECT_EVERY_S
        collector.check()
        assert ref() is None
    finally:
        if was_enabled:
            gc.enable()
