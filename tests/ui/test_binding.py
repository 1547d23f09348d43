"""Guards against a broken Qt binding: PySide6 6.12.0 loses a reference to None on every
void call, which aborts Python 3.11 after a few thousand paint calls."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_qt_calls_keep_references_to_none(qapp) -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(200):
        painter.setPen(QPen(QColor("#38E1FF"), 2))
        painter.setBrush(QColor("#0F1D40"))
        painter.drawRoundedRect(QRectF(0, 0, 32, 32), 4, 4)
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 10, f"None lost {before - after} references"


def test_cycles_are_collected_from_the_event_loop_not_mid_call(qtbot) -> None:
    """Automatic GC inside a Qt call froze the app (a deadlock in QObject::disconnect)."""
    import gc
    import weakref

    from kiosk.app import application

    application()
    assert not gc.isenabled()

    class Node:
        pass

    node = Node()
    node.self = node  # a cycle only the collector can free
    ref = weakref.ref(node)
    del node
    garbage = [[] for _ in range(2 * gc.get_threshold()[0])]  # push generation 0 past its threshold
    assert ref() is not None
    qtbot.waitUntil(lambda: ref() is None, timeout=15000)
    del garbage
