"""Counting what the app holds, for the soak benchmark, the leak tests and the admin panel.

Never count Qt objects with ``findChildren`` on a long-lived object: PySide makes the object it
is called on the Python parent of every wrapper it returns, so the wrappers of objects Qt made
itself (a scroll area's bars and their containers, the pause ``addPause`` creates) stay alive
under it after their C++ objects are deleted: the counting would leak by itself.
``children()`` does not do that.
"""

from __future__ import annotations

import gc
from collections import Counter

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGraphicsView
from shiboken6 import Shiboken

from kiosk.runtime.process_stats import rss_bytes


def resident_mb() -> float | None:
    """This process's resident set size in MB, or None where it cannot be read."""
    size = rss_bytes()
    return None if size is None else size / 2**20


def descendants(root: QObject) -> list[QObject]:
    """Every QObject under ``root`` (through ``children()``, not ``findChildren``)."""
    found: list[QObject] = []
    stack = [root]
    while stack:
        for child in stack.pop().children():
            found.append(child)
            stack.append(child)
    return found


def graphics_items(root: QObject) -> int:
    """Items in the scenes of every graphics view (the pyqtgraph charts) under ``root``."""
    return sum(
        len(view.scene().items())
        for view in descendants(root)
        if isinstance(view, QGraphicsView) and view.scene() is not None
    )


def python_objects() -> Counter[str]:
    """Python objects by type after a full collection; "[dead Qt wrappers]" counts wrappers
    whose C++ object was deleted while something in Python still holds them."""
    gc.collect()
    objects = gc.get_objects()
    counts = Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in objects)
    counts["[dead Qt wrappers]"] = sum(
        isinstance(o, Shiboken.Object) and not shiboken6.isValid(o) for o in objects
    )
    return counts


def dead_wrappers_under(root: QObject) -> int:
    """Dead wrappers that ``root`` or a live QObject under it still holds as Python children
    (what ``findChildren`` on a long-lived widget leaves behind)."""
    holders = [root, *descendants(root)]
    return sum(
        isinstance(held, Shiboken.Object) and not shiboken6.isValid(held)
        for holder in holders
        for held in gc.get_referents(holder)
    )
