"""Full-window layers the runtime shows over the pages: the "still there?" countdown, the dark
closed screen and the attract loop's "touch to explore" cue, each painted by hand."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from kiosk.ui.shell.main_window import KioskWindow
from kiosk.ui.theme import Theme

CENTRE = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap


class Overlay(QWidget):
    """A full-window layer painted by hand: the countdown, the closed screen, the cue."""

    def __init__(self, window: KioskWindow, name: str) -> None:
        super().__init__(window)
        self.window_ = window
        self.theme = window.theme
        self.setObjectName(name)
        self.title = ""
        self.body = ""
        self.hide()

    def set_texts(self, title: str, body: str) -> None:
        self.title, self.body = title, body
        self.update()

    def show_over(self) -> None:
        self.theme = self.window_.theme  # the visitor's accessibility choices, too
        self.setGeometry(self.window_.visitor_rect())
        self.show()
        self.raise_()


def paint_pill(painter: QPainter, theme: Theme, pill: QRectF, fill: QColor) -> None:
    """A rounded pill with the accent edge: the countdown's button, the loop's cue."""
    painter.setBrush(fill)
    painter.setPen(QPen(theme.palette.color("accent"), max(1.5, theme.px(2))))
    painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)


class CountdownOverlay(Overlay):
    """'Still there? Touch to continue' with the seconds left, over a dimmed page, and a
    "more time" button (WCAG 2.2.1): a touch anywhere continues, the button also gives the
    visitor a whole reset period more (the runtime tells the two apart, :meth:`more_rect`)."""

    more = ""  # the button's words

    def box(self) -> QRectF:
        theme = self.theme
        box = QRectF(0, 0, min(self.width() - 2 * theme.margin, theme.px(1100)), theme.px(470))
        box.moveCenter(QRectF(self.rect()).center())
        return box

    def more_rect(self) -> QRectF:
        """The "more time" button: a touch-high pill at the foot of the box."""
        theme = self.theme
        font = theme.font("button", self.window_.session.language)
        box = self.box()
        width = QFontMetricsF(font).horizontalAdvance(self.more) + 2 * theme.px(48)
        pill = QRectF(
            0, 0, min(box.width() - 2 * theme.px(40), max(theme.px(320), width)), theme.touch
        )
        pill.moveCenter(QPointF(box.center().x(), box.bottom() - theme.px(40) - pill.height() / 2))
        return pill

    def keypad_regions(self) -> list[QRect]:
        """The keypad's one target here: "more time" (any other key answers the question)."""
        return [self.more_rect().toAlignedRect()] if self.more else []

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        lang = self.window_.session.language
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color("ground", 0.82))
        box = self.box()
        painter.setBrush(palette.color("surface"))
        painter.setPen(palette.color("accent"))
        painter.drawRoundedRect(box, theme.radius, theme.radius)
        painter.setPen(palette.color("text"))
        painter.setFont(theme.font("headline", lang))
        top = QRectF(
            box.left() + theme.px(40),
            box.top() + theme.px(36),
            box.width() - theme.px(80),
            theme.px(110),
        )
        painter.drawText(top, CENTRE, self.title)
        painter.setPen(palette.color("accent"))
        painter.setFont(theme.font("lead", lang))
        middle = QRectF(top.left(), top.bottom(), top.width(), theme.px(130))
        painter.drawText(middle, CENTRE, self.body)
        if self.more:
            pill = self.more_rect()
            paint_pill(painter, theme, pill, palette.color("surface_pressed"))
            painter.setPen(palette.color("text"))
            font = theme.font("button", lang)
            painter.setFont(font)
            text = QFontMetricsF(font).elidedText(
                self.more, Qt.TextElideMode.ElideRight, pill.width() - 2 * theme.px(24)
            )
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)


# The closed screen's words are dimmed on black, yet still read at 4.5:1 (tests: test_contrast).
CLOSED_TITLE_ALPHA, CLOSED_BODY_ALPHA = 0.85, 0.72


class ClosedOverlay(Overlay):
    """The dark screen outside opening hours: the exhibition's name, dimmed; nothing moves."""

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        lang = self.window_.session.language
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        painter.setPen(palette.color("text_dim", CLOSED_TITLE_ALPHA))
        painter.setFont(theme.font("headline", lang))
        middle = QRectF(self.rect()).adjusted(theme.margin, 0, -theme.margin, 0)
        painter.drawText(middle.adjusted(0, 0, 0, -theme.px(60)), CENTRE, self.title)
        painter.setFont(theme.font("lead", lang))
        painter.setPen(palette.color("text_dim", CLOSED_BODY_ALPHA))
        painter.drawText(middle.adjusted(0, theme.px(100), 0, 0), CENTRE, self.body)


class CueOverlay(Overlay):
    """The attract loop's one call to action: a pill with a touch mark and 'touch to start' at
    the foot of the screen, in the band the page dots leave (they hide) and a moment keeps
    free, so it covers nothing."""

    def cue_font(self) -> QFont:
        """Bold lead type; bold body type for a cue too long for it."""
        theme = self.theme
        lang = self.window_.session.language
        font = theme.font("lead", lang)
        font.setWeight(QFont.Weight.Bold)
        room = self.width() - 2 * theme.margin - theme.px(36 + 18) - 2 * theme.px(36)
        if QFontMetricsF(font).horizontalAdvance(self.title) > room:
            font = theme.font("button", lang)
        return font

    def pill(self, font: QFont | None = None) -> QRectF:
        """Where the pill stands (its words in ``font``, by default :meth:`cue_font`)."""
        theme = self.theme
        words = QFontMetricsF(font or self.cue_font()).horizontalAdvance(self.title)
        width = min(self.width() - 2 * theme.margin, words + theme.px(36 + 18) + 2 * theme.px(36))
        pill = QRectF(0, 0, width, theme.px(76))
        pill.moveCenter(QRectF(self.rect()).center())
        pill.moveBottom(self.height() - theme.px(10))  # in the page dots' band, over nothing
        return pill

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        font = self.cue_font()
        pill = self.pill(font)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_pill(painter, theme, pill, palette.color("surface", 0.94))
        mark = theme.px(36)  # a fingertip's touch: a dot in a ring
        center = QPointF(pill.left() + theme.px(36) + mark / 2, pill.center().y())
        painter.setBrush(palette.color("accent"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(center, mark * 0.2, mark * 0.2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(palette.color("accent"), max(1.5, theme.px(3))))
        painter.drawEllipse(center, mark / 2, mark / 2)
        words = pill.adjusted(theme.px(36) + mark + theme.px(18), 0, -theme.px(36), 0)
        painter.setFont(font)
        painter.setPen(palette.color("text"))
        text = QFontMetricsF(font).elidedText(  # a curator's very long cue: cut, never spilled
            self.title, Qt.TextElideMode.ElideRight, words.width()
        )
        painter.drawText(words, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
