"""A hero figure of the spread: the digits large, the unit words smaller, with its context."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.content import Content, Figure
from kiosk.i18n import Language
from kiosk.ui.pages.figures.count_up import CountUp, widest_texts
from kiosk.ui.theme import FIGURE_PX, NUMBER_FLOOR, Theme
from kiosk.ui.widgets.buttons import FeedbackPressable, mix
from kiosk.ui.widgets.text import DrawnText, TextLabel, fit_text

# the number in a figure's text: digits with their separators, a sign and a percent sign
HERO_PAD = 12  # a hero's side padding (its pressed fill reaches past its words)
NUMBER = re.compile(r"[+\-−]?\d(?:[\d,.\u00a0\u202f]*\d)?(?:\s?%)?")


def split_number(text: str) -> tuple[str, str, str]:
    """``text`` as (words before, the number, words after): 'CNY 368.5 billion' is
    ('CNY ', '368.5', ' billion'), '3685亿元' is ('', '3685', '亿元'); no digits: all words."""
    match = NUMBER.search(text)
    if match is None:
        return text, "", ""
    return text[: match.start()], match.group(), text[match.end() :]


def glyph_picture(char: str, font: QFont, color: QColor, ratio: float) -> tuple[QPixmap, QPointF]:
    """One character drawn once on a transparent picture cut to its ink (plus a pixel), and
    where the picture's corner stands from the character's origin on the baseline: a frame
    of a count-up blends only the digits' ink, not the air of their line (a quarter of it)."""
    ink = QFontMetricsF(font).tightBoundingRect(char).adjusted(-2, -2, 2, 2)
    picture = QPixmap(
        max(1, math.ceil(ink.width() * ratio)), max(1, math.ceil(ink.height() * ratio))
    )
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(QPointF(-ink.left(), -ink.top()), char)
    painter.end()
    return picture, ink.topLeft()


class HeroNumber(DrawnText):
    """A figure's text drawn with its number at the figure size and its words in bold body
    type, on one baseline when they fit; else the words before stand on a line above and,
    if still too wide, the words after on a line below.

    Drawn, not three labels: the number's box is its digits' height, not the font's line
    (1.45 em of mostly air at 104 px). The number tries the figure size, then the reading
    minimum for figures (``FIGURE_PX``), then wraps; only a number wider than its column alone
    shrinks further (to ``NUMBER_FLOOR``). The size is chosen for the widest text of the
    count-up, so it never changes while counting.
    """

    def __init__(
        self, theme: Theme, parent: QWidget | None = None, *, centered: bool = False
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        # the attract loop's moment: each line centred, and the digits keep their size and wrap
        # the words before shrinking to the page's figure size
        self.centered = centered
        self._digits = QFont()
        self._words = QFont()
        self._widest: list[str] = []
        self._text = ""
        self._cache: dict[int, tuple[QFont, list[list[int]]]] = {}  # width: its layout
        self.peers: list[HeroNumber] = []
        self._glyphs: dict[tuple[object, str], tuple[QPixmap, QPointF]] = {}  # its digits' pictures
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def text(self) -> str:
        return self._text

    def shown_text(self) -> str:
        return self._text  # never cut: it wraps, then shrinks

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def set_fonts(self, digits: QFont, words: QFont, widest: list[str]) -> None:
        """Fonts for the number and the words; ``widest``: the texts it must fit (the final
        value and the widest on the way up)."""
        self._digits, self._words, self._widest = digits, words, widest
        self.setFont(digits)
        for number in (self, *self.peers):  # a neighbour's words may move its digits too
            number._cache.clear()
            number._fit_height()
            number.update()

    def _sizes(self, width: int) -> tuple[QFont, list[list[int]]]:
        """The digits' font and which parts (0 before, 1 number, 2 after) share each line."""
        if width not in self._cache:
            font, lines = self._choose(width)
            own_line = bool(lines) and lines[0] == [0]
            if not own_line and any(p._choose(width)[1][:1] == [[0]] for p in self.peers):
                lines = [[], *lines]  # a neighbour's words stand above: keep the digits level
            self._cache[width] = (font, lines)
        return self._cache[width]

    def _choose(self, width: int) -> tuple[QFont, list[list[int]]]:
        if self._digits.pixelSize() <= 0:  # no fonts yet
            return self._digits, [[0, 1, 2]]
        parts = [split_number(t) for t in (self._widest or [self._text])]
        words = QFontMetricsF(self._words)
        before = max(words.horizontalAdvance(p[0]) for p in parts)
        after = max(words.horizontalAdvance(p[2]) for p in parts)
        has_before = any(p[0].strip() for p in parts)
        has_after = any(p[2].strip() for p in parts)

        def number(font: QFont) -> float:
            return max(QFontMetricsF(font).horizontalAdvance(p[1]) for p in parts)

        smallest = QFont(self._digits)
        smallest.setPixelSize(min(self._digits.pixelSize(), self.theme.text_px(FIGURE_PX)))
        for font in (self._digits,) if self.centered else (self._digits, smallest):
            if before + number(font) + after <= width:
                return font, [[0, 1, 2]]
        lines = [[0]] if has_before else []
        bare = [p[1] for p in parts if p[1]]
        if bare and number(self._digits) + after > width:
            floor = NUMBER_FLOOR
            fitted = fit_text(max(bare, key=len), self._digits, width, wrap=False, floor=floor)
            digits = fitted.font if number(self._digits) > width else self._digits
            return digits, [*lines, [1], *([[2]] if has_after else [])]
        return self._digits, [*lines, [1, 2]]

    def _line_height(self, line: list[int], font: QFont) -> float:
        words = QFontMetricsF(self._words)
        if 1 not in line:
            return words.height()
        digits = QFontMetricsF(font)
        below = (
            words.descent() if len(line) > 1 else digits.descent() * 0.5
        )  # room for a comma's tail
        return digits.capHeight() + below + self.theme.px(10)

    def height_for(self, width: int) -> int:
        """The height its lines take at ``width``."""
        font, lines = self._sizes(max(1, width))
        return math.ceil(sum(self._line_height(line, font) for line in lines))

    def _fit_height(self) -> None:
        """Take the height its lines need at its width (the width comes from its row: a box
        layout inside another gave a height for width two pixels short)."""
        height = self.height_for(self.width() if self.width() > 1 else self.theme.px(400))
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def _line_width(self, line: list[int], font: QFont, texts: tuple[str, str, str]) -> float:
        """How wide a line of parts (0 before, 1 number, 2 after) is, the number in ``font``."""
        return sum(
            QFontMetricsF(font if part == 1 else self._words).horizontalAdvance(texts[part])
            for part in line
        )

    def overflow(self) -> str:
        """Why the text does not fit the widget, or ''."""
        font, lines = self._sizes(max(1, self.width()))
        texts = split_number(self._text)
        widest = max((self._line_width(line, font, texts) for line in lines), default=0.0)
        need = math.ceil(sum(self._line_height(line, font) for line in lines))
        if widest > self.width() + 1:
            return f"needs {widest:.0f} px in {self.width()} px"
        if need > self.height() + 2:
            return f"needs {need:.0f} px high in {self.height()} px"
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:
        font, lines = self._sizes(max(1, self.width()))
        texts = split_number(self._text)
        if len(lines) > 1:
            texts = (texts[0].strip(), texts[1], texts[2].strip())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(self.theme.palette.color("accent"))
        digits = QFontMetricsF(font)
        top = 0.0
        for line in lines:
            height = self._line_height(line, font)
            if 1 in line:
                baseline = top + self.theme.px(4) + digits.capHeight()
            else:
                baseline = top + QFontMetricsF(self._words).ascent()
            x = 0.0
            if self.centered:
                x = max(0.0, (self.width() - self._line_width(line, font, texts)) / 2)
            for part in line:
                if part == 1:
                    x = self._draw_digits(painter, QPointF(x, baseline), texts[1], font)
                    continue
                painter.setFont(self._words)
                painter.drawText(QPointF(x, baseline), texts[part])
                x += QFontMetricsF(self._words).horizontalAdvance(texts[part])
            top += height

    def _draw_digits(self, painter: QPainter, origin: QPointF, text: str, font: QFont) -> float:
        """Draw ``text`` a character at a time from pictures made once; return where it ends.

        Qt draws text this large as outlines, filled anew in every frame of a count-up (0.6 ms
        a number at 4K); a picture of each digit is drawn in 0.03 ms. The digits are tabular,
        so a character at a time sets them exactly as the whole string.
        """
        metrics = QFontMetricsF(font)
        x = origin.x()
        ratio = self.devicePixelRatioF()
        key = (font.key(), self.theme.palette.color("accent").rgba(), ratio)
        for char in text:
            glyph = self._glyphs.get((key, char))
            if glyph is None:
                glyph = glyph_picture(char, font, self.theme.palette.color("accent"), ratio)
                self._glyphs[(key, char)] = glyph
            picture, corner = glyph
            if not char.isspace():
                painter.drawPixmap(QPointF(x, origin.y()) + corner, picture)
            x += metrics.horizontalAdvance(char)
        return x


class HeroFigure(FeedbackPressable):
    """One big number of the spread: an accent rule, the number, its label and its growth (its
    source is in the spread's credits line). A tap counts it up again."""

    def __init__(self, figure: Figure, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.figure = figure
        self.setObjectName(f"hero-{figure.id}")
        self.label = TextLabel(self, max_lines=2)
        self.number = HeroNumber(theme, self)
        self.growth = TextLabel(self, role="warm", wrap=False)
        layout = QVBoxLayout(self)
        pad = theme.px(HERO_PAD)
        layout.setContentsMargins(pad, theme.px(24), pad, theme.px(4))
        layout.setSpacing(theme.px(4))
        layout.addWidget(self.number)
        layout.addWidget(self.label)
        layout.addWidget(self.growth)
        layout.addStretch(1)
        self.count = CountUp(figure, self.number, self)
        self.sequence = self.count.sequence
        self.clicked.connect(self.play)

    def set_language(self, content: Content, lang: Language) -> None:
        theme = self.theme
        self.label.setFont(theme.font("body", lang))
        words = theme.font("body", lang)
        words.setWeight(QFont.Weight.Bold)
        widest = widest_texts(content, self.figure, lang)
        self.number.set_fonts(theme.font("figure", lang), words, widest)
        self.growth.setFont(theme.font("body", lang))
        self.label.setText(self.figure.label.get(lang))
        growth = content.format_growth(self.figure, lang)
        self.growth.setText(growth)
        self.growth.setVisible(bool(growth))
        self.count.bind(content, lang)

    def play(self, delay_ms: int = 0) -> None:
        """Count up from zero (after ``delay_ms``)."""
        self.count.play(delay_ms, self.theme.motion)

    def settle(self) -> None:
        """Jump to the final value."""
        self.count.settle()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette, px = self.theme.palette, self.theme.px
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.press_level > 0:
            rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
            fill = mix(
                palette.color("surface", 0.0), palette.color("surface_pressed"), self.press_level
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, self.theme.radius, self.theme.radius)
        # the rule: a short accent bar over a hairline, the spread's one ornament
        left = self.theme.px(HERO_PAD)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color("line"))
        painter.drawRect(QRectF(left, px(8), self.width() - 2 * left, max(1.0, px(2))))
        painter.setBrush(palette.color("accent"))
        painter.drawRoundedRect(QRectF(left, px(6), px(64), px(6)), px(3), px(3))
