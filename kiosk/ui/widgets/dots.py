"""The one place indicator: where the visitor is among pages, cards or quotes, in one row.

As dots (the pages): the current place is a bright pill that can stand between two dots and
can fill as a countdown runs; a tap on a dot chooses it: ``chosen(index)``, and the owner
decides what that shows. As a counter (a page's own carousel: robots, quotes), it reads
"3 / 14" with the countdown as a line under it, so a page never shows two rows of dots.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.input import Pressable
from kiosk.ui.theme import Theme

DOT_STEP = 40  # px at 1080 between dot centres: each dot's share of the touch row
DOT_RADIUS = 6.5
PILL_HALF = 18  # half the current pill's width


class Dots(Pressable):
    """``count`` dots in a row, the pill at ``position``; a ``theme.touch`` high touch row."""

    chosen = Signal(int)

    def __init__(
        self, theme: Theme, parent: QWidget | None = None, height: int = 0, counter: bool = False
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.counter = counter
        self.count = 0
        self.position = 0.0
        self.progress: float | None = None  # None: no countdown; the pill is full
        self.setFixedHeight(height or theme.touch)

    # what it shows -------------------------------------------------------------------------

    @property
    def index(self) -> int:
        """The dot nearest the pill."""
        return round(self.position)

    def set_count(self, count: int) -> None:
        self.count = count
        self.position = max(0.0, min(self.position, count - 1.0))
        self.updateGeometry()
        self.update()

    def set_position(self, position: float, count: int | None = None) -> None:
        """The pill's place (an index, or between two while a strip moves)."""
        if count is not None and count != self.count:
            self.set_count(count)
        self.position = max(0.0, min(float(position), self.count - 1.0))
        self.update()

    def set_progress(self, progress: float | None) -> None:
        """How far a countdown to the next item has run (0..1), or None for none."""
        self.progress = progress
        self.update()

    # geometry ------------------------------------------------------------------------------

    def step(self) -> float:
        return float(self.theme.px(DOT_STEP))

    def _left(self) -> float:
        """The first dot's centre."""
        return (self.width() - (self.count - 1) * self.step()) / 2

    def dot_centre(self, index: float) -> QPointF:
        return QPointF(self._left() + index * self.step(), self.height() / 2)

    def index_at(self, x: float) -> int:
        """The dot nearest ``x``."""
        return max(0, min(round((x - self._left()) / self.step()), self.count - 1))

    def keypad_regions(self) -> list[QRect]:
        """The keypad's targets: a square around each dot (none for a counter)."""
        if self.counter or self.count < 2:
            return []
        side = round(self.step())
        regions = []
        for index in range(self.count):
            region = QRect(0, 0, side, side)
            region.moveCenter(self.dot_centre(index).toPoint())
            regions.append(region)
        return regions

    def counter_text(self) -> str:
        """The counter's words: the place and the count ("3 / 14")."""
        return f"{self.index + 1} / {self.count}" if self.count else ""

    def _counter_font(self) -> QFont:
        return self.theme.font("title", "en")  # digits and a slash: the same in every language

    def sizeHint(self) -> QSize:
        if self.counter:
            widest = f"{self.count} / {self.count}"
            advance = QFontMetricsF(self._counter_font()).horizontalAdvance(widest)
            return QSize(round(advance) + 2 * self.theme.px(PILL_HALF), self.height())
        width = self.step() * max(self.count, 1) + 2 * self.theme.px(PILL_HALF)
        return QSize(round(width), self.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # input and painting --------------------------------------------------------------------

    def _end(self, pos: QPointF) -> None:
        tapped = self.is_pressed and self.rect().contains(pos.toPoint())
        super()._end(pos)
        if tapped and self.count > 1 and not self.counter:
            self.chosen.emit(self.index_at(pos.x()))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.count < 2:
            return
        palette, px = self.theme.palette, self.theme.px
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.counter:
            self._paint_counter(painter)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        radius = px(DOT_RADIUS)
        painter.setBrush(palette.color("line"))
        for i in range(self.count):
            painter.drawEllipse(self.dot_centre(i), radius, radius)
        centre = self.dot_centre(self.position)
        half = px(PILL_HALF)
        pill = QRectF(centre.x() - half, centre.y() - radius * 1.2, 2 * half, radius * 2.4)
        rounding = pill.height() / 2
        if self.progress is None:
            painter.setBrush(palette.color("accent"))
            painter.drawRoundedRect(pill, rounding, rounding)
            return
        painter.setBrush(palette.color("accent", 0.35))
        painter.drawRoundedRect(pill, rounding, rounding)
        filled = QRectF(pill)
        filled.setWidth(pill.height() + (pill.width() - pill.height()) * self.progress)
        painter.setBrush(palette.color("accent"))
        painter.drawRoundedRect(filled, rounding, rounding)

    def _paint_counter(self, painter: QPainter) -> None:
        palette, px = self.theme.palette, self.theme.px
        font = self._counter_font()
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(palette.color("text"))
        text_rect = QRectF(0, 0, self.width(), self.height() - px(10))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self.counter_text())
        if self.progress is None:
            return
        width = metrics.horizontalAdvance(self.counter_text())
        line = QRectF((self.width() - width) / 2, self.height() - px(18), width, px(4))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color("line"))
        painter.drawRoundedRect(line, line.height() / 2, line.height() / 2)
        filled = QRectF(line)
        filled.setWidth(line.width() * max(0.0, min(1.0, self.progress)))
        painter.setBrush(palette.color("accent"))
        painter.drawRoundedRect(filled, line.height() / 2, line.height() / 2)
