"""An event enlarged: a panel zooms out of its card over the dimmed page.

The motion moves pictures taken once (the finished panel, and the page under it), so no text
is laid out or drawn during it. A tap outside the panel, or on its Close button, shrinks it
back into the card.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSizeF,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.content.models import Event
from kiosk.i18n import Language, format_date
from kiosk.ui.input import CLAIMS_SWIPES, Pressable
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import PillButton
from kiosk.ui.widgets.fit_label import FitLabel
from kiosk.ui.widgets.snapshot import snapshot
from kiosk.ui.widgets.text import TextLabel

OPEN_MS = 420
CLOSE_MS = 300
SCRIM = 0.82  # how dark the page gets under an open event
PANEL_WIDTH = 1240  # landscape, at 1080 px on the short side


def _zoomed(size: QSizeF, center: QPointF, scale: float) -> QRectF:
    """A rectangle of ``size`` times ``scale`` around ``center``."""
    rect = QRectF(QPointF(), size * scale)
    rect.moveCenter(center)
    return rect


class DetailPanel(QWidget):
    """The panel's surface and texts: date, Close, title, the number large, text, source."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.date = TextLabel(self, role="accent", wrap=False)
        self.close_button = PillButton(theme, self)
        self.close_button.setObjectName("detail-close")
        self.title = TextLabel(self)
        self.number = FitLabel(self, role="accent")
        self.label = TextLabel(self, role="dim")
        self.growth = TextLabel(self, role="warm")
        self.text = TextLabel(self)
        self.source = TextLabel(self, role="dim")
        top = QHBoxLayout()
        top.setSpacing(theme.gap)
        top.addWidget(self.date, 1, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        pad = theme.px(44)
        layout.setContentsMargins(pad, theme.px(20), theme.px(20), pad)
        layout.setSpacing(theme.px(12))
        layout.addLayout(top)
        for widget in (self.title, self.number, self.label, self.growth, self.text):
            layout.addWidget(widget)
        layout.addSpacing(theme.px(10))
        layout.addWidget(self.source)
        for widget in (self.title, self.number, self.label, self.growth, self.text, self.source):
            widget.setContentsMargins(0, 0, pad - theme.px(20), 0)  # the right pad of the texts

    def set_event(self, event: Event, content: Content, lang: Language) -> None:
        font = self.theme.font
        self.date.setFont(font("button", lang))
        self.close_button.set_text(content.string("policy.close", lang), font("button", lang))
        self.title.setFont(font("headline", lang))
        self.label.setFont(font("body", lang))
        self.growth.setFont(font("body", lang))
        self.text.setFont(font("lead", lang))
        self.source.setFont(font("caption", lang))
        self.date.setText(format_date(event.date, lang))
        self.title.setText(event.title.get(lang))
        self.text.setText(event.text.get(lang))
        self.source.setText(content.format_source(event.source, lang))
        figure = event.figure
        number = content.format_figure(figure, lang) if figure else ""
        self.number.set_fit(font("figure", lang), [number])
        self.number.setText(number)
        self.label.setText(figure.label.get(lang) if figure else "")
        growth = content.format_growth(figure, lang) if figure else ""
        self.growth.setText(growth)
        self.number.setVisible(bool(number))
        self.label.setVisible(bool(number))
        self.growth.setVisible(bool(growth))

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setBrush(palette.color("surface"))
        painter.setPen(QPen(palette.color("accent", 0.6), max(1.5, self.theme.px(2))))
        painter.drawRoundedRect(rect, self.theme.radius, self.theme.radius)


class EventDetail(Pressable):
    """Covers the page: a dimmed ground and the enlarged event; a tap outside closes it."""

    closed = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("event-detail")
        self.setProperty(CLAIMS_SWIPES, True)  # it is modal: a swipe on it is no page change
        self.event: Event | None = None
        self.panel = DetailPanel(theme, self)
        self.panel.close_button.clicked.connect(self.close_detail)
        self.level = 0.0  # 0 closed .. 1 open
        self._target = 0.0  # where the running (or last) animation goes
        self._from = QRectF()
        self._panel_picture = QPixmap()
        self._backdrop = QPixmap()  # the page under it, while it moves
        self.animation = QVariantAnimation(self)
        self.animation.valueChanged.connect(self._on_level)
        self.animation.finished.connect(self._on_finished)
        self.hide()

    # state ---------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.isVisible() and self.event is not None and self._target == 1.0

    @property
    def running(self) -> bool:
        return self.animation.state() == QAbstractAnimation.State.Running

    def open_event(
        self,
        event: Event,
        content: Content,
        lang: Language,
        card: QWidget | None = None,
        animate: bool = True,
    ) -> None:
        """Show ``event`` enlarged, growing out of ``card`` when given."""
        self.animation.stop()
        self.event = event
        self.panel.set_event(event, content, lang)
        self.setGeometry(self.parentWidget().rect() if self.parentWidget() else self.rect())
        self._place_panel()
        self.raise_()
        self.show()
        if card is not None and card.isVisible():
            self._from = QRectF(
                QRect(self.mapFromGlobal(card.mapToGlobal(QPoint(0, 0))), card.size())
            )
        else:
            self._from = self._shrunk_panel()
        self._run(1.0, OPEN_MS if animate else 0, QEasingCurve.Type.OutCubic)

    def set_language(self, content: Content, lang: Language) -> None:
        if self.event is not None and self.isVisible():
            self.settle()
            self.panel.set_event(self.event, content, lang)
            self._place_panel()

    def close_detail(self, animate: bool = True) -> None:
        """Shrink back into the card (at once unless ``animate``)."""
        if not self.isVisible():
            return
        self._run(0.0, CLOSE_MS if animate else 0, QEasingCurve.Type.InOutCubic)

    def settle(self) -> None:
        """Jump to the end of the running open or close."""
        if self.running:
            self.animation.stop()
            self._on_level(self._target)
            self._on_finished()

    # motion --------------------------------------------------------------------------------

    def _run(self, target: float, duration: int, curve: QEasingCurve.Type) -> None:
        self.animation.stop()
        self._target = target
        if duration <= 0 or self.level == target:
            self._on_level(target)
            self._on_finished()
            return
        if target == 1.0 or self.panel.isVisible() or self._panel_picture.isNull():
            self._panel_picture = snapshot(self.panel)  # closing half-open keeps its picture
        self.panel.hide()
        self._take_backdrop()
        self.animation.setDuration(round(duration * abs(target - self.level)))
        self.animation.setEasingCurve(curve)
        self.animation.setStartValue(self.level)
        self.animation.setEndValue(target)
        self.animation.start()

    def _on_level(self, value: float) -> None:
        self.level = float(value)
        self.update()

    def _take_backdrop(self) -> None:
        """A picture of the page under it: while it moves it paints that picture and is
        opaque, so no frame repaints the page's cards and texts beneath it."""
        page = self.parentWidget()
        if page is None or self.running:
            return
        shown = self.isVisible()
        self.setVisible(False)
        self._backdrop = page.grab()
        self.setVisible(shown)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def _on_finished(self) -> None:
        self._backdrop = QPixmap()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        if self._target == 1.0:
            self.panel.show()
            self.update()
        else:
            self.hide()
            self.event = None
            self.closed.emit()
        self._panel_picture = QPixmap()

    # geometry ------------------------------------------------------------------------------

    def _available(self) -> QRect:
        theme = self.theme
        top = theme.page_top
        return self.rect().adjusted(theme.margin, top, -theme.margin, -theme.px(72))

    def _place_panel(self) -> None:
        area = self._available()
        width = (
            area.width() if self.theme.portrait else min(self.theme.px(PANEL_WIDTH), area.width())
        )
        height = min(area.height(), max(self.panel.heightForWidth(width), self.theme.px(200)))
        rect = QRect(0, 0, width, height)
        rect.moveCenter(area.center())
        self.panel.setGeometry(rect)

    def _shrunk_panel(self) -> QRectF:
        rect = QRectF(self.panel.geometry())
        return rect.adjusted(
            rect.width() * 0.06, rect.height() * 0.06, -rect.width() * 0.06, -rect.height() * 0.06
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_panel()

    # input ---------------------------------------------------------------------------------

    def _end(self, pos: QPointF) -> None:
        outside = not self.panel.geometry().contains(pos.toPoint()) and not (
            self.panel.geometry().contains(self._origin.toPoint())
        )
        tapped = self.is_pressed and self.rect().contains(pos.toPoint())
        super()._end(pos)
        if tapped and outside and self._target == 1.0:
            self.close_detail()

    # painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        dim = SCRIM * self.level
        if self._backdrop.isNull():
            painter.fillRect(self.rect(), self.theme.palette.color("ground", dim))
        else:  # the page dimmed: one solid fill and one blend, the cheapest way to a dim page
            painter.fillRect(self.rect(), self.theme.palette.color("ground"))
            painter.setOpacity(1.0 - dim)
            painter.drawPixmap(0, 0, self._backdrop)
            painter.setOpacity(1.0)
        if self.panel.isVisible():
            return
        # the panel zooms out of the card: from the card's width and centre to its own place
        panel = QRectF(self.panel.geometry())
        start = min(1.0, self._from.width() / panel.width())
        t = self.level
        center = self._from.center() + (panel.center() - self._from.center()) * t
        picture = _zoomed(panel.size(), center, start + (1.0 - start) * t)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setOpacity(min(1.0, t * 2.5))
        painter.drawPixmap(picture, self._panel_picture, QRectF(self._panel_picture.rect()))
