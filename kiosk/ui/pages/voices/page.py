"""Voices: one large quote at a time, moved on by a swipe, an arrow or, every few seconds,
by itself."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, Qt, QVariantAnimation
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.models import Voice
from kiosk.ui.input import CLAIMS_SWIPES
from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.voices.quote import HorizontalDrag, QuoteStage, fit_quote_font
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import ChevronButton
from kiosk.ui.widgets.dots import Dots
from kiosk.ui.widgets.heading import PageHeading
from kiosk.ui.widgets.text import TextLabel

QUOTE_WIDTH = 1480  # the quote's column in landscape, at 1080 px on the short side
PORTRAIT_QUOTE_SCALE = 1.25


class VoicesPage(PageView):
    """Attributed, paraphrased views from the article, one at a time."""

    page_id = "voices"
    advance_ms = 8000  # the next quote comes by itself after this long without a touch

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(session, theme, parent)
        self.voices: list[Voice] = []
        self.index = 0
        self._entered = False
        self._fitted_for: tuple[object, ...] = ()
        self.heading = PageHeading(theme, self)
        self.area = QWidget(self)  # the quote and its controls: sideways drags are its own
        self.area.setObjectName("quote-area")
        self.area.setProperty(CLAIMS_SWIPES, True)
        self.area.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.stage = QuoteStage(theme, self.area)
        self.stage.resized.connect(self._fit)
        self.previous = ChevronButton(-1, theme, self.area)
        self.previous.setObjectName("previous-quote")
        self.next = ChevronButton(1, theme, self.area)
        self.next.setObjectName("next-quote")
        self.dots = Dots(theme, self.area, counter=True)
        self.dots.setObjectName("quote-dots")
        self.dots.set_progress(0.0)
        self.dots.chosen.connect(self.show_quote)
        self.empty = TextLabel(self, role="dim")
        self.empty.setObjectName("empty")
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        nav = QHBoxLayout()
        nav.setSpacing(theme.gap)
        nav.addStretch(1)
        nav.addWidget(self.previous)
        nav.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignVCenter)
        nav.addWidget(self.next)
        nav.addStretch(1)
        area_layout = QVBoxLayout(self.area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.setSpacing(theme.px(20))
        area_layout.addWidget(self.stage, 1)
        area_layout.addLayout(nav)
        if not theme.portrait:
            self.stage.set_column(theme.px(QUOTE_WIDTH))
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, theme.page_top, m, theme.page_bottom)
        layout.setSpacing(theme.px(24))
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.area, 1)
        self.countdown = QVariantAnimation(self)  # the dots fill while the next quote is due
        self.countdown.setStartValue(0.0)
        self.countdown.setEndValue(1.0)
        self.countdown.valueChanged.connect(lambda v: self.dots.set_progress(float(v)))
        self.countdown.finished.connect(self._on_countdown_finished)
        self.drag = HorizontalDrag(
            self.area, theme.tap_slop, distance=theme.width * 0.06, flick=theme.width * 0.025
        )
        self.drag.pressed.connect(self._on_pressed)
        self.drag.dragged.connect(self.stage.drag)
        self.drag.released.connect(self._on_released)
        self.rebuild()
        self.retranslate()

    @property
    def voice(self) -> Voice | None:
        """The quote shown."""
        return self.voices[self.index] if self.voices else None

    # PageView ------------------------------------------------------------------------------

    def rebuild(self) -> None:
        self.voices = list(self.content.voices.values())
        self.index = 0
        self._fitted_for = ()
        has_voices = bool(self.voices)
        self.area.setVisible(has_voices)
        self.empty.setVisible(not has_voices)
        self.dots.set_position(0, len(self.voices))
        for control in (self.previous, self.dots, self.next):  # one quote has nowhere to go
            control.setVisible(len(self.voices) > 1)

    def retranslate(self) -> None:
        lang = self.session.language
        self.heading.set_texts(self.content, self.page_id, "voices.hint", lang)
        self.empty.setFont(self.theme.font("lead", lang))
        self.empty.setText(self.session.text("page.empty"))
        self._fit()
        self._show_current()

    def enter(self) -> None:
        self._entered = True
        if self.voice is not None:
            self.stage.appear()
        self._restart_countdown()

    def leave(self) -> None:
        self._entered = False
        self.countdown.stop()
        self.stage.settle()

    def settle(self) -> None:
        self.stage.settle()

    def reset(self) -> None:
        self.countdown.stop()
        self.dots.set_progress(0.0)
        self.index = 0
        self._entered = False
        self._show_current()

    def advance(self) -> bool:
        if self.index + 1 >= len(self.voices):
            return False
        self.step(1)
        return True

    def running_animations(self) -> int:
        running = QAbstractAnimation.State.Running
        return int(self.countdown.state() == running) + int(self.stage.running)

    # moving --------------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        """Show the next (+1) or previous (-1) quote, going round at either end."""
        if len(self.voices) < 2:
            self.stage.spring_back()
            return
        self.show_quote((self.index + direction) % len(self.voices), direction)

    def show_quote(self, index: int, direction: int = 0) -> None:
        """Slide to quote ``index`` (from the side of ``direction``, or of where it is)."""
        if not 0 <= index < len(self.voices) or index == self.index:
            self._restart_countdown()
            return
        direction = direction or (1 if index > self.index else -1)
        self.index = index
        self.dots.set_position(self.index, len(self.voices))
        self.stage.change_to(
            self.voices[self.index], self.content, self.session.language, direction
        )
        self._restart_countdown()

    def _show_current(self) -> None:
        self.dots.set_position(self.index, len(self.voices))
        if self.voice is not None:
            self.stage.show_voice(self.voice, self.content, self.session.language)

    def _restart_countdown(self) -> None:
        self.countdown.stop()
        self.dots.set_progress(0.0)
        if self._entered and len(self.voices) > 1 and self.theme.motion:  # no auto-advance
            self.countdown.setDuration(max(1, int(self.advance_ms)))
            self.countdown.start()

    def _on_countdown_finished(self) -> None:
        if self._entered:
            self.step(1)

    def _on_pressed(self) -> None:
        if self.countdown.state() == QAbstractAnimation.State.Running:
            self.countdown.pause()  # nothing moves on under a finger

    def _on_released(self, direction: int) -> None:
        if direction:
            self.step(direction)
        else:
            self.stage.spring_back()
            self._restart_countdown()

    # layout --------------------------------------------------------------------------------

    def _fit(self) -> None:
        """One quote size for this language and stage size (largest at which all fit)."""
        view = self.stage.view
        key = (self.session.language, view.size().toTuple(), id(self.content))
        if key == self._fitted_for or view.width() <= 0:
            return
        self._fitted_for = key
        lang = self.session.language
        base = QFont(self.theme.font("headline", lang))
        base.setWeight(QFont.Weight.Normal)
        if self.theme.portrait:  # a tall screen has room for larger type
            base.setPixelSize(round(base.pixelSize() * PORTRAIT_QUOTE_SCALE))
        view.set_quote_font(fit_quote_font(base, view, self.voices, self.content, lang))
