"""A chart on a card: title, the animated plot and a note; a tap replays the animation."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QSequentialAnimationGroup,
    Qt,
    QVariantAnimation,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Chart, Content
from kiosk.i18n import Language
from kiosk.ui.pages.figures.charts import ChartPlot, chart_plot
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import Card
from kiosk.ui.widgets.motion import play
from kiosk.ui.widgets.text import TextLabel

CHART_MS = 1300


class ChartCard(Card):
    """One chart of charts.csv; ``play`` animates it from nothing, a tap plays it again."""

    def __init__(
        self, chart: Chart, theme: Theme, parent: QWidget | None = None, compact: bool = False
    ) -> None:
        super().__init__(theme, parent)
        self.chart = chart
        self.compact = compact  # on the spread: tighter, its title one size smaller
        self.setObjectName(f"chart-{chart.id}")
        lines = 1 if compact else 0  # on the spread a long title or note is cut, never taller
        self.title = TextLabel(self, max_lines=lines)
        self.plot: ChartPlot = chart_plot(chart, theme, self)
        self.note = TextLabel(self, role="dim", max_lines=lines)
        self.hint = TextLabel(self, role="dim", wrap=False, align=Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        pad = theme.px(18 if compact else 28)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(theme.px(2 if compact else 10))
        head = QHBoxLayout()  # compact: the hint beside the title, the note a whole line
        head.setSpacing(theme.gap)
        head.addWidget(self.title, 1)
        layout.addLayout(head)
        layout.addSpacing(theme.px(0 if compact else 6))
        layout.addWidget(self.plot, 1)
        foot = QHBoxLayout()
        foot.setSpacing(theme.gap)
        foot.addWidget(self.note, 1)
        (head if compact else foot).addWidget(self.hint, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(foot)
        if not compact:
            self.setMinimumHeight(theme.px(460))
        self.plot.compact = compact
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(CHART_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.valueChanged.connect(lambda v: self.plot.set_progress(float(v)))
        self.sequence = QSequentialAnimationGroup(self)  # a pause, then the chart
        self._pause = self.sequence.addPause(0)
        self.sequence.addAnimation(self.animation)
        self.clicked.connect(self.play)
        self._on_feedback(0.0)

    def _on_feedback(self, value: float) -> None:
        super()._on_feedback(value)
        self.plot.setBackground(self.fill_color())  # the plot is opaque, in the card's colour

    def set_language(self, content: Content, lang: Language) -> None:
        title = self.theme.font("lead" if self.compact else "title", lang)
        title.setWeight(QFont.Weight.Bold)
        self.title.setFont(title)
        self.note.setFont(self.theme.font("caption", lang))
        self.hint.setFont(self.theme.font("caption", lang))
        self.title.setText(self.chart.title.get(lang))
        self.note.setText(self.chart.note.get(lang))
        self.hint.setText(content.string("chart.replay", lang))
        self.plot.set_chart(self.chart, content, lang)

    @property
    def running(self) -> bool:
        return self.sequence.state() == QAbstractAnimation.State.Running

    def play(self, delay_ms: int = 0) -> None:
        """Draw the chart from nothing (after ``delay_ms``; it is empty meanwhile)."""
        self.sequence.stop()
        self._pause.setDuration(max(0, delay_ms))
        self.plot.set_progress(0.0)
        play(self.sequence, self.theme.motion)

    def settle(self) -> None:
        """Jump to the finished chart."""
        self.sequence.stop()
        self.plot.set_progress(1.0)
