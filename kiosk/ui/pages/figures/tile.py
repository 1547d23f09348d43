"""A figure of 'More figures': label, a counting number, growth and source; a tap counts it
up again. Its number is set like the spread's big numbers (digits large, unit words smaller)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import Content, Figure
from kiosk.i18n import Language
from kiosk.ui.pages.figures.count_up import CountUp, widest_texts
from kiosk.ui.pages.figures.hero import HeroNumber
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import Card
from kiosk.ui.widgets.text import TextLabel


class CountUpTile(Card):
    """Label, a counting number, growth and source of one figure; a tap counts up again."""

    def __init__(self, figure: Figure, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.figure = figure
        self.setObjectName(f"figure-{figure.id}")
        self.label = TextLabel(self, role="dim")
        self.number = HeroNumber(theme, self)  # digits drawn from pictures, the words smaller
        self.growth = TextLabel(self, role="warm")
        self.source = TextLabel(self, role="dim")
        layout = QVBoxLayout(self)
        pad = theme.px(28)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(theme.px(8))
        for widget in (self.label, self.number, self.growth):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.source)
        self.count = CountUp(figure, self.number, self)
        self.sequence = self.count.sequence
        self.clicked.connect(self.play)

    def set_language(self, content: Content, lang: Language) -> None:
        self.label.setFont(self.theme.font("body", lang))
        words = self.theme.font("body", lang)
        words.setWeight(QFont.Weight.Bold)
        widest = widest_texts(content, self.figure, lang)
        self.number.set_fonts(self.theme.font("figure", lang), words, widest)
        self.growth.setFont(self.theme.font("body", lang))
        self.source.setFont(self.theme.font("caption", lang))
        self.label.setText(self.figure.label.get(lang))
        growth = content.format_growth(self.figure, lang)
        self.growth.setText(growth)
        self.growth.setVisible(bool(growth))
        self.source.setText(content.format_source(self.figure.source, lang))
        self.count.bind(content, lang)

    def play(self, delay_ms: int = 0) -> None:
        """Count up from zero (after ``delay_ms``)."""
        self.count.play(delay_ms, self.theme.motion)

    def settle(self) -> None:
        """Jump to the final value."""
        self.count.settle()
