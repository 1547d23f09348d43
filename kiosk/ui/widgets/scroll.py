"""The one touch scroll area: no scroll bars, no frame, the page's ground showing through, and
kinetic scrolling by finger."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QBoxLayout, QLayout, QScrollArea, QWidget

from kiosk.ui.input import KineticScroll


def shown_part(widget: QWidget, within: QWidget) -> QRect:
    """Where ``widget`` can be seen, in ``within``'s coordinates: its rectangle cut by each of
    its parents up to ``within`` (a scroll area's viewport hides what is scrolled away)."""
    shown = within.rect()
    parent: QWidget | None = widget
    while parent is not None and parent is not within:
        shown &= QRect(parent.mapTo(within, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return shown


def touch_scroll_area(
    parent: QWidget, body: QWidget | None = None
) -> tuple[QScrollArea, KineticScroll]:
    """A vertical scroll area over ``body`` (resized to its width) and the
    :class:`KineticScroll` a finger scrolls it with (a child of the area)."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.viewport().setAutoFillBackground(False)
    kinetic = KineticScroll(area)
    if body is not None:
        area.setWidget(body)
    return area, kinetic


def add_scrolling(
    box: QBoxLayout, parent: QWidget, inner: QLayout, name: str, scrolls: bool, stretch: int = 1
) -> QScrollArea | None:
    """Add ``inner`` to ``box``: as it is, or (``scrolls``) in a touch scroll area named
    ``<name>-scroll`` over a body ``<name>-body``, so that what may not fit its room (larger
    text, reach mode) scrolls in one direction rather than squeeze. The area, if any."""
    if not scrolls:
        box.addLayout(inner, stretch)
        return None
    body = QWidget()
    body.setObjectName(f"{name}-body")
    body.setLayout(inner)
    area, _ = touch_scroll_area(parent, body)
    area.setObjectName(f"{name}-scroll")
    box.addWidget(area, stretch)
    return area
