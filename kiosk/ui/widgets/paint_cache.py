"""A widget's look drawn once into a picture and copied on every repaint until it changes.

The touch controls over a page (arrows, pills, the back control, the accessibility button)
are repainted with every frame that repaints the page under them: a page slide, a detail's
first and last frames, a glide beneath. Drawn afresh, their antialiased shapes took about
4 ms of each such frame at 3840x2160; copied, a few hundredths of that.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget


class PaintCache:
    """The last picture of one widget and the look it shows (``look``, size, pixel ratio)."""

    def __init__(self) -> None:
        self._key: Hashable = None
        self._picture = QPixmap()

    def paint(self, widget: QWidget, look: Hashable, draw: Callable[[QPainter], None]) -> None:
        """Paint ``widget``: its picture for ``look``, drawn by ``draw`` first if the look,
        the size or the pixel ratio changed."""
        ratio = widget.devicePixelRatioF()
        key = (look, widget.width(), widget.height(), ratio)
        if key != self._key:
            picture = QPixmap(widget.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.setFont(widget.font())
            draw(painter)
            painter.end()
            self._picture, self._key = picture, key
        QPainter(widget).drawPixmap(0, 0, self._picture)

    def forget(self) -> None:
        """Let the picture go (its widget is out of sight for a while)."""
        self._key, self._picture = None, QPixmap()
