"""The spread's big number: drawn a digit at a time from pictures, it looks as Qt's own text."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter

from kiosk.app import application
from kiosk.ui.pages.figures.hero import HeroNumber
from kiosk.ui.theme import Theme


def test_digits_from_pictures_match_the_text_qt_draws(qtbot) -> None:
    application()
    theme = Theme(3840, 2160)
    number = HeroNumber(theme)
    qtbot.addWidget(number)
    digits, words = theme.font("figure", "en"), theme.font("body", "en")
    number.set_fonts(digits, words, ["1,234.5"])
    number.setText("1,234.5")
    number.resize(theme.px(700), number.height_for(theme.px(700)))
    drawn = number.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    reference = QImage(drawn.size(), QImage.Format.Format_ARGB32)
    ground = drawn.pixelColor(0, 0)
    reference.fill(ground)
    painter = QPainter(reference)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(digits)
    painter.setPen(theme.palette.color("accent"))
    baseline = theme.px(4) + painter.fontMetrics().capHeight()
    painter.drawText(QPointF(0, baseline), "1,234.5")
    painter.end()
    inked = differ = 0
    for y in range(0, drawn.height(), 2):
        for x in range(0, drawn.width(), 2):
            a, b = drawn.pixelColor(x, y), reference.pixelColor(x, y)
            inked += abs(b.red() - ground.red()) > 100
            differ += abs(a.red() - b.red()) > 100
    assert inked > 2000  # the reference drew the number
    assert differ < inked * 0.02, (differ, inked)
