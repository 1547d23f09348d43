"""A wrapping plain-text label that shows at most a few lines, ending the last with '…'."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.text import TextLabel


def clamp_lines(text: str, font: QFont, width: int, max_lines: int) -> str:
    """``text`` cut to ``max_lines`` lines of ``width`` pixels, the last elided with '…'."""
    if width <= 0 or max_lines <= 0 or not text:
        return text
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[int] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= max_lines:
        return text
    head = text[: starts[max_lines - 1]]
    last = text[starts[max_lines - 1] :].replace("\n", " ")
    return head + QFontMetrics(font).elidedText(last, Qt.TextElideMode.ElideRight, width - 1)


class ClampedLabel(TextLabel):
    """Wraps ``full_text`` and shows at most ``max_lines`` lines of it (a card's summary)."""

    def __init__(self, parent: QWidget | None = None, *, role: str = "", max_lines: int = 3):
        super().__init__(parent, role=role)
        self.max_lines = max_lines
        self.full_text = ""

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._clamp()

    def setFont(self, font: QFont) -> None:  # noqa: N802
        super().setFont(font)
        self._clamp()

    def _clamp(self) -> None:
        width = self.contentsRect().width()
        shown = clamp_lines(self.full_text, self.font(), width, self.max_lines)
        if shown != self.text():
            self.setText(shown)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """The height of the text as clamped at ``width`` (not as clamped now)."""
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        text = clamp_lines(self.full_text, self.font(), inner, self.max_lines)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QFontMetrics(self.font()).boundingRect(QRect(0, 0, inner, 10**6), flags, text)
        return box.height() + margins.top() + margins.bottom()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._clamp()
