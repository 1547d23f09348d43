"""The large home tile: artwork, title and one caption line, pressable as a whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import Language
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.artwork import render_artwork
from kiosk.ui.widgets.buttons import FeedbackPressable, mix
from kiosk.ui.widgets.text import QWIDGETSIZE_MAX, TextLabel


class TileArt(QWidget):
    """A tile's artwork, rendered at its size when first shown and drawn by the widget itself.

    Not a QLabel: a label shows its pixmap through a QIcon, which files a copy under the
    pixmap's own key in the application-wide QPixmapCache (10 MB by default). Every content
    reload renders new artwork, so each reload left another set of copies of pictures no longer
    shown in the cache until it was full (+4 MB over the first 20 reloads, bench/soak.py).
    """

    def __init__(self, path: Path | None, fallback: QColor, side: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.path = path
        self.fallback = fallback
        self._picture = QPixmap()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFixedSize(side, side)

    def pixmap(self) -> QPixmap:
        return self._picture

    def showEvent(self, event: QShowEvent) -> None:
        if self._picture.isNull():
            ratio = self.devicePixelRatioF()
            self._picture = render_artwork(self.path, self.size(), ratio, self.fallback)
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._picture.isNull():
            QPainter(self).drawPixmap(0, 0, self._picture)


class PageTile(FeedbackPressable):
    """A home-page tile leading to one page."""

    def __init__(
        self, page_id: str, icon: Path | None, theme: Theme, parent: QWidget | None = None
    ):
        super().__init__(theme, parent)
        self.page_id = page_id
        side = theme.px(84 if theme.access.larger_text else 120)  # larger text: room for words
        self.icon = TileArt(icon, theme.palette.color("line"), side, self)
        self.title = TextLabel(self)
        self.caption = TextLabel(self, role="dim")
        text = QVBoxLayout()
        text.setSpacing(theme.px(6))
        text.addStretch(1)
        text.addWidget(self.title)
        text.addWidget(self.caption)
        text.addStretch(1)
        row = QHBoxLayout(self)
        pad = theme.px(32)
        row.setContentsMargins(pad, pad, pad, pad)
        row.setSpacing(theme.px(20 if theme.access.larger_text else 28))
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text, 1)
        self.setMinimumHeight(max(theme.touch * 2, side + 2 * pad))
        self._least = 0  # one line of title and caption, in their language (set_texts)
        self._lines = (0, 0)  # the heights of one line of each

    def least_height(self) -> int:
        """The least height that shows one line of the title and one of the caption."""
        return max(self.minimumHeight(), self._least)

    def set_tight(self, tight: bool) -> None:
        """Short of room (larger text, long words): the caption keeps one line, cut with '…'."""
        limit = self._lines[1] if tight else QWIDGETSIZE_MAX
        if limit == self.caption.maximumHeight():
            return
        self.caption.setMaximumHeight(limit)
        self.layout().invalidate()  # the tile's new height for its width, for Home's layout now
        self.updateGeometry()

    def set_texts(self, title: str, caption: str, lang: Language) -> None:
        self.title.setFont(self.theme.font("title", lang))
        self.caption.setFont(self.theme.font("body", lang))
        self._lines = tuple(
            QFontMetrics(label.font()).height() for label in (self.title, self.caption)
        )
        self._least = 2 * self.theme.px(32) + self.theme.px(6) + sum(self._lines)
        self.title.setText(title)
        self.caption.setText(caption)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        fill = mix(palette.color("surface"), palette.color("surface_pressed"), self.press_level)
        painter.setBrush(fill)
        edge = mix(palette.color("line"), palette.color("accent"), self.press_level)
        painter.setPen(QPen(edge, max(1.5, self.theme.px(2))))
        painter.drawRoundedRect(rect, self.theme.radius, self.theme.radius)
        # a thin accent bar on the leading edge, like a glowing circuit
        bar = QRectF(
            rect.left() + self.theme.px(12),
            rect.top() + rect.height() * 0.25,
            self.theme.px(5),
            rect.height() * 0.5,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color("accent", 0.55 + 0.45 * self.press_level))
        painter.drawRoundedRect(bar, bar.width() / 2, bar.width() / 2)
