"""A figure's count-up: its number written from zero up to the stored value, eased out."""

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

from kiosk.content import Content, Figure
from kiosk.i18n import Language
from kiosk.ui.widgets.motion import play

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

    def play(self, delay_ms: int = 0, motion: bool = True) -> None:
        """Count up from zero (after ``delay_ms``; the number shows 0 meanwhile); without
        ``motion``, show the value at once."""
        self.sequence.stop()
        self._pause.setDuration(max(0, delay_ms))
        self.show(0.0)
        play(self.sequence, motion)

    def settle(self) -> None:
        """Jump to the final value."""
        self.sequence.stop()
        self.show(None)


def widest_texts(content: Content, figure: Figure, lang: Language) -> list[str]:
    """The final text and the widest on the way up, to size a count-up's font once."""
    near_end = figure.number.value * Decimal("0.999")
    return [content.format_figure(figure, lang), content.format_figure(figure, lang, near_end)]
