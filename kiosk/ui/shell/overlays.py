"""Full-window layers the runtime shows over the pages: the "still there?" countdown, the dark
closed screen and the attract loop's "touch to explore" cue, each painted by hand."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.shell.main_window import KioskWindow

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
        self.setGeometry(self.window_.rect())
        self.show()
        self.raise_()


class CountdownOverlay(Overlay):
    """'Still there? Touch to continue' with the seconds left, over a dimmed page."""

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        lang = self.window_.session.language
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color("ground", 0.82))
        box = QRectF(0, 0, min(self.width() - 2 * theme.margin, theme.px(1100)), theme.px(360))
        box.moveCenter(QRectF(self.rect()).center())
        painter.setBrush(palette.color("surface"))
        painter.setPen(palette.color("accent"))
        painter.drawRoundedRect(box, theme.radius, theme.radius)
        painter.setPen(palette.color("text"))
        painter.setFont(theme.font("headline", lang))
        top = box.adjusted(theme.px(40), theme.px(40), -theme.px(40), -box.height() / 2)
        painter.drawText(top, CENTRE, self.title)
        painter.setPen(palette.color("accent"))
        painter.setFont(theme.font("lead", lang))
        bottom = box.adjusted(theme.px(40), box.height() / 2, -theme.px(40), -theme.px(40))
        painter.drawText(bottom, CENTRE, self.body)


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
    """The discreet 'touch to explore' pill at the bottom during the attract loop."""

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        lang = self.window_.session.language
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = theme.font("button", lang)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(self.title) + 2 * theme.px(40)
        pill = QRectF(0, 0, width, theme.px(64))
        pill.moveCenter(QRectF(self.rect()).center())
        pill.moveBottom(self.height() - theme.px(14))  # in the page dots' band, over nothing
        painter.setBrush(palette.color("surface", 0.92))
        painter.setPen(palette.color("accent"))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(palette.color("text"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.title)
