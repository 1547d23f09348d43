"""Keep what an opaque layer covers from painting while the layer moves.

Qt paints the siblings under an opaque widget all the same, each frame, in the region the
widget updates: at 3840x2160 that cost more than the covering layer's own frame (a moment's
count-up: 7.5 ms a frame, 3 ms with its siblings held).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid


class Cover:
    """The siblings ``layer`` covers, held from painting between :meth:`hold` and
    :meth:`release` (those that let touches through, like the loop's cue over it, keep
    painting)."""

    def __init__(self, layer: QWidget) -> None:
        self.layer = layer
        self.held: list[QWidget] = []

    def hold(self) -> None:
        parent = self.layer.parentWidget()
        if parent is None or self.held:
            return
        for widget in parent.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if widget is self.layer or widget.testAttribute(
                Qt.WidgetAttribute.WA_TransparentForMouseEvents
            ):
                continue
            if widget.updatesEnabled() and widget.isVisible():
                widget.setUpdatesEnabled(False)
                self.held.append(widget)

    def release(self) -> None:
        """They paint again (each gets one update); one its page rebuilt meanwhile is gone."""
        for widget in self.held:
            if isValid(widget):
                widget.setUpdatesEnabled(True)
        self.held = []
