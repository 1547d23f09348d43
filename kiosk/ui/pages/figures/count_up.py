"""A key-figure tile whose number counts up from zero to the stored value."""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QObject,
    QSequentialAnimationGroup,
    QVariantAnimation,
)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import Content, Figure
from kiosk.i18n import Language
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import Card
from kiosk.ui.widgets.fit_label import FitLabel
from kiosk.ui.widgets.text import TextLabel

COUNT_UP_MS = 1200


class NumberText(Protocol):
    """What shows a count-up's number: a label, or the spread's drawn number."""

    def setText(self, text: str) -> None: ...


class CountUp(QObject):
    """A figure's count-up: a pause, then progress 0..1 in ``COUNT_UP_MS``, eased out; its
    ``number`` widget shows the figure's text at each value on the way (see :meth:`bind`)."""

    def __init__(self, figure: Figure, number: NumberText, parent: QObject) -> None:
        super().__init__(parent)
        self.figure = figure
        self.number = number
        self._content: Content | None = None
        self._lang: Language = "zh-Hans"
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(COUNT_UP_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.valueChanged.connect(lambda v: self.show(float(v)))
        self.sequence = QSequentialAnimationGroup(self)  # a pause, then the count-up
        self._pause = self.sequence.addPause(0)
        self.sequence.addAnimation(self.animation)

    def bind(self, content: Content, lang: Language) -> None:
        """Write the figure with ``content``'s units in ``lang``, from where it stands now."""
        self._content, self._lang = content, lang
        self.refresh()

    @property
    def running(self) -> bool:
        return self.sequence.state() == QAbstractAnimation.State.Running

    def show(self, progress: float | None) -> None:
        """Show the value at ``progress`` of the way up (None or 1: the stored value)."""
        if self._content is None:
            return
        value = None
        if progress is not None and progress < 1.0:
            value = self.figure.number.value * Decimal(str(round(progress, 4)))
        self.number.setText(self._content.format_figure(self.figure, self._lang, value))

    def refresh(self) -> None:
        """Show again where it stands (after a language change)."""
        self.show((self.animation.currentValue() or 0.0) if self.running else None)

    def play(self, delay_ms: int = 0) -> None:
        """Count up from zero (after ``delay_ms``; the number shows 0 meanwhile)."""
        self.sequence.stop()
        self._pause.setDuration(max(0, delay_ms))
        self.show(0.0)
        self.sequence.start()

    def settle(self) -> None:
        """Jump to the final value."""
        self.sequence.stop()
        self.show(None)


def widest_texts(content: Content, figure: Figure, lang: Language) -> list[str]:
    """The final text and the widest on the way up, to size a count-up's font once."""
    near_end = figure.number.value * Decimal("0.999")
    return [content.format_figure(figure, lang), content.format_figure(figure, lang, near_end)]


class CountUpTile(Card):
    """Label, a counting number, growth and source of one figure; a tap counts up again."""

    def __init__(self, figure: Figure, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.figure = figure
        self.setObjectName(f"figure-{figure.id}")
        self.label = TextLabel(self, role="dim")
        self.number = FitLabel(self, role="accent")
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
        self.number.set_fit(
            self.theme.font("figure", lang), widest_texts(content, self.figure, lang)
        )
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
        self.count.play(delay_ms)

    def settle(self) -> None:
        """Jump to the final value."""
        self.count.settle()
