"""One large quote at a time: the quote, who said it, and the motion between quotes.

The stage moves pictures of the quotes (taken once per change), never re-laying out text
during a frame: the quote follows a dragging finger, then slides and cross-fades to the next
one or springs back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPointF,
    QRect,
    Qt,
    QTextBoundaryFinder,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import Content
from kiosk.content.models import Voice
from kiosk.i18n import Language, fill
from kiosk.ui.input import PointerWatcher
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.motion import play
from kiosk.ui.widgets.snapshot import snapshot
from kiosk.ui.widgets.text import TextLabel

TRANSITION_MS = 440
APPEAR_MS = 650
SPRING_MS = 260
CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
FOOTER_GAPS = (40, 22, 6, 12)  # above the rule, the speaker, the role and the source


def quote_text(content: Content, voice: Voice, lang: Language) -> str:
    """The quote inside the language's quotation marks (strings.csv ``voices.quote``)."""
    return fill(content.string("voices.quote", lang), text=voice.quote.get(lang))


WORD_JOINER = "\u2060"
_TERM = re.compile(r"[‘“「『][^‘“「『’”」』]{1,8}[’”」』]")  # a short quoted term: ‘大脑’


def wrap_lines(text: str, font: QFont, width: int) -> list[tuple[int, float]]:
    """Each line of ``text`` wrapped at ``width`` as QLabel wraps it: (start, width used)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append((line.textStart(), line.naturalTextWidth()))
    layout.endLayout()
    return lines


def balance_lines(text: str, font: QFont, width: int) -> str:
    """``text`` with line breaks ('\\n') where its lines come out most even, in as few lines
    as wrapping at ``width`` takes (no last line holding a lone word).

    Breaks only where the line-breaking rules allow one; spaces stay before the break.
    """
    count = len(wrap_lines(text, font, width))
    if count < 2:
        return text
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    stops = [0]
    while (stop := finder.toNextBoundary()) != -1:
        if stop > stops[-1]:
            stops.append(stop)
    metrics = QFontMetricsF(font)
    # best[k][j]: (sum of squared slack, previous stop) for text[:stops[j]] set in k lines
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, -1)}] + [{} for _ in range(count)]
    for lines in range(1, count + 1):
        for j in range(1, len(stops)):
            for i in range(j - 1, -1, -1):
                used = metrics.horizontalAdvance(text[stops[i] : stops[j]].rstrip(" "))
                if used > width and i < j - 1:
                    break  # longer lines only get longer (one unbreakable run may overflow)
                if i in best[lines - 1]:
                    cost = best[lines - 1][i][0] + (width - used) ** 2
                    if j not in best[lines] or cost < best[lines][j][0]:
                        best[lines][j] = (cost, i)
    end = len(stops) - 1
    if end not in best[count]:
        return text
    breaks, j = [], end
    for lines in range(count, 0, -1):
        j = best[lines][j][1]
        breaks.append(stops[j])
    cuts = sorted(breaks)[1:]  # the first is 0
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return "\n".join(pieces)


def keep_terms_together(text: str) -> str:
    """``text`` with word joiners inside short quoted terms (‘大脑’), so a line never breaks
    inside one. The joiners are invisible and take no space."""
    return _TERM.sub(lambda m: WORD_JOINER.join(m.group()), text)


class QuoteView(QWidget):
    """The quote large and centred; under it a short rule, the speaker, the role, the source."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        # The stage swaps this view for its picture while a finger drags the quote (it hides
        # the view). A mouse press must not land here: Qt sends the rest of a mouse drag to the
        # widget that took the press, and a hidden one gets nothing, so the release was lost and
        # every second swipe did nothing. Presses go to the stage, which stays on screen.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.voice: Voice | None = None
        self._quote = ""  # the quote with its marks, before it is broken into lines
        self.quote = TextLabel(self, align=CENTER)
        self.quote.setObjectName("quote")
        self.rule = QWidget(self)
        self.rule.setFixedSize(theme.px(72), max(2, theme.px(4)))
        self.rule.setStyleSheet(f"background: {theme.palette.accent};")
        self.speaker = TextLabel(self, role="warm", align=CENTER)
        self.speaker.setObjectName("speaker")
        self.role = TextLabel(self, role="dim", align=CENTER)
        self.source = TextLabel(self, role="dim", align=CENTER)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)  # every gap is explicit, so footer_height can add them up
        layout.addStretch(1)
        layout.addWidget(self.quote)
        for gap, widget in zip(FOOTER_GAPS, self._footer(), strict=True):
            layout.addSpacing(theme.px(gap))
            if widget is self.rule:
                layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
            else:
                layout.addWidget(widget)
        layout.addStretch(1)

    def _footer(self) -> tuple[QWidget, ...]:
        return (self.rule, self.speaker, self.role, self.source)

    def set_quote_font(self, font: QFont) -> None:
        self.quote.setFont(font)
        self._balance()

    def set_voice(self, voice: Voice, content: Content, lang: Language) -> None:
        self.voice = voice
        self.speaker.setFont(self.theme.font("title", lang))
        self.role.setFont(self.theme.font("body", lang))
        self.source.setFont(self.theme.font("caption", lang))
        self._quote = keep_terms_together(quote_text(content, voice, lang))
        self.speaker.setText(voice.speaker.get(lang))
        self.role.setText(voice.role.get(lang))
        self.source.setText(content.format_source(voice.source, lang, "voices.source"))
        self._balance()

    def _balance(self) -> None:
        """Break the quote into even lines for the view's width."""
        width = self.width() - self.theme.px(4)
        self.quote.setText(
            balance_lines(self._quote, self.quote.font(), width) if width > 0 else self._quote
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._balance()

    def footer_height(self, voice: Voice, content: Content, lang: Language, width: int) -> int:
        """Height of everything under the quote for ``voice`` at ``width``."""
        flags = int(Qt.TextFlag.TextWordWrap)
        theme = self.theme
        total = sum(theme.px(gap) for gap in FOOTER_GAPS) + self.rule.height()
        texts = (
            (theme.font("title", lang), voice.speaker.get(lang)),
            (theme.font("body", lang), voice.role.get(lang)),
            (
                theme.font("caption", lang),
                content.format_source(voice.source, lang, "voices.source"),
            ),
        )
        for font, text in texts:
            total += (
                QFontMetrics(font).boundingRect(QRect(0, 0, width, 10**6), flags, text).height()
            )
        return total


def fit_quote_font(
    base: QFont, view: QuoteView, voices: list[Voice], content: Content, lang: Language
) -> QFont:
    """``base`` at the largest size (down to 60 %) at which every quote fits ``view``.

    One size for all quotes, so the type does not jump from one quote to the next.
    """
    width, height = view.width(), view.height()
    if width <= 0 or height <= 0 or not voices:
        return QFont(base)
    flags = int(Qt.TextFlag.TextWordWrap)
    budget = height - max(view.footer_height(v, content, lang, width) for v in voices)
    font = QFont(base)
    size = base.pixelSize()
    while size > base.pixelSize() * 0.6:
        font.setPixelSize(size)
        metrics = QFontMetrics(font)
        tallest = max(
            metrics.boundingRect(
                QRect(0, 0, width, 10**6), flags, keep_terms_together(quote_text(content, v, lang))
            ).height()
            for v in voices
        )
        if tallest <= budget:
            break
        size -= max(1, round(base.pixelSize() * 0.04))
    return font


@dataclass
class _Picture:
    """A picture moving from ``start`` to ``end`` (offsets) over the whole motion, its alpha
    going ``fade[0]`` to ``fade[1]`` during the part ``span`` of it (so one quote can be
    mostly gone before the next one shows)."""

    pixmap: QPixmap
    origin: QPointF
    start: QPointF
    end: QPointF
    fade: tuple[float, float]
    span: tuple[float, float] = (0.0, 1.0)

    def at(self, level: float) -> tuple[QPointF, float]:
        offset = self.start + (self.end - self.start) * level
        first, last = self.span
        part = min(1.0, max(0.0, (level - first) / (last - first))) if last > first else 1.0
        return self.origin + offset, self.fade[0] + (self.fade[1] - self.fade[0]) * part


class QuoteStage(QWidget):
    """Shows a :class:`QuoteView`; moves pictures of it while a quote changes."""

    resized = Signal()

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.view = QuoteView(theme, self)
        self._pictures: list[_Picture] = []
        self._level = 0.0
        self._drag_picture: _Picture | None = None
        self._column = 0
        self.animation = QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.valueChanged.connect(self._on_level)
        self.animation.finished.connect(self._on_finished)

    @property
    def running(self) -> bool:
        return self.animation.state() == QAbstractAnimation.State.Running

    @property
    def travel(self) -> float:
        """How far a quote slides when it changes."""
        return self.view.width() * 0.16

    def set_column(self, width: int) -> None:
        """The quote's column: at most ``width`` wide, centred (the stage itself spans the
        whole area, so a quote sliding out is not cut at the column's edge)."""
        self._column = width
        self._place_view()

    def _place_view(self) -> None:
        width = min(self.width(), self._column) if self._column > 0 else self.width()
        self.view.setGeometry((self.width() - width) // 2, 0, width, self.height())

    def _picture(self) -> tuple[QPixmap, QPointF]:
        area = self.view.childrenRect()
        return snapshot(self.view, area), QPointF(self.view.pos() + area.topLeft())

    # changes -------------------------------------------------------------------------------

    def show_voice(self, voice: Voice, content: Content, lang: Language) -> None:
        """Show ``voice`` at once."""
        self.settle()
        self.view.set_voice(voice, content, lang)

    def drag(self, dx: float) -> None:
        """The quote follows a finger ``dx`` pixels from where it went down (damped)."""
        if self._drag_picture is None:
            self.settle()
            pixmap, origin = self._picture()
            self._drag_picture = _Picture(pixmap, origin, QPointF(), QPointF(), (1.0, 1.0))
            self._pictures = [self._drag_picture]
            self.view.hide()
        damped = dx * 0.55
        fade = 1.0 - min(0.6, abs(damped) / max(1.0, self.width() * 0.5))
        self._drag_picture.start = self._drag_picture.end = QPointF(damped, 0)
        self._drag_picture.fade = (fade, fade)
        self.update()

    def change_to(self, voice: Voice, content: Content, lang: Language, direction: int) -> None:
        """Slide and cross-fade to ``voice``; ``direction`` +1 comes from the right."""
        if self._drag_picture is not None:
            out = self._drag_picture
            start, alpha = out.at(0.0)
            start -= out.origin
        else:
            self.settle()
            pixmap, origin = self._picture()
            out = _Picture(pixmap, origin, QPointF(), QPointF(), (1.0, 1.0))
            start, alpha = QPointF(), 1.0
        self._drag_picture = None
        out.start, out.end = start, QPointF(-direction * self.travel, 0)
        out.fade, out.span = (alpha, 0.0), (0.0, 0.55)
        self.view.set_voice(voice, content, lang)
        pixmap, origin = self._picture()
        incoming = _Picture(
            pixmap, origin, QPointF(direction * self.travel, 0), QPointF(), (0.0, 1.0), (0.3, 1.0)
        )
        self._run([out, incoming], TRANSITION_MS, QEasingCurve.Type.OutCubic)

    def spring_back(self) -> None:
        """A drag that was no swipe: the quote returns."""
        picture = self._drag_picture
        self._drag_picture = None
        if picture is None:
            return
        picture.end = QPointF()
        picture.fade = (picture.fade[0], 1.0)
        self._run([picture], SPRING_MS, QEasingCurve.Type.OutCubic)

    def appear(self) -> None:
        """The entrance: the quote rises and fades in."""
        self.settle()
        pixmap, origin = self._picture()
        rise = QPointF(0, self.theme.px(56))
        self._run(
            [_Picture(pixmap, origin, rise, QPointF(), (0.0, 1.0))],
            APPEAR_MS,
            QEasingCurve.Type.OutCubic,
        )

    def settle(self) -> None:
        """Show the live quote, at once."""
        self.animation.stop()
        self._drag_picture = None
        if self._pictures:
            self._pictures = []
            self.update()
        self.view.show()

    # motion --------------------------------------------------------------------------------

    def _run(self, pictures: list[_Picture], duration: int, curve: QEasingCurve.Type) -> None:
        self.animation.stop()
        self._pictures = pictures
        self._level = 0.0
        self.view.hide()
        self.animation.setDuration(duration)
        self.animation.setEasingCurve(curve)
        play(self.animation, self.theme.motion)
        self.update()

    def _on_level(self, value: float) -> None:
        before = self._drawn()
        self._level = float(value)
        self.update(before.united(self._drawn()))  # where the pictures were and now are

    def _drawn(self) -> QRegion:
        """Where the moving pictures stand at the current level."""
        region = QRegion()
        for picture in self._pictures:
            position, _alpha = picture.at(self._level)
            size = picture.pixmap.deviceIndependentSize().toSize()
            region = region.united(QRect(position.toPoint(), size).adjusted(-1, -1, 1, 1))
        return region

    def _on_finished(self) -> None:
        self._pictures = []
        self.view.show()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.settle()
        self._place_view()
        self.resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._pictures:
            return
        painter = QPainter(self)
        for picture in self._pictures:
            position, alpha = picture.at(self._level)
            if alpha <= 0.0:
                continue
            painter.setOpacity(alpha)
            # at a whole pixel: a picture placed between pixels is resampled (Qt's slow path)
            painter.drawPixmap(position.toPoint(), picture.pixmap)


class HorizontalDrag(PointerWatcher):
    """A finger or mouse dragging sideways over ``area``.

    ``pressed`` when it goes down, ``dragged(dx)`` while it moves sideways, and on release
    ``released(direction)``: +1 for a swipe to the left (show the next), -1 to the right,
    0 for anything else (a tap, a short or vertical drag).
    """

    pressed = Signal()
    dragged = Signal(float)
    released = Signal(int)

    def __init__(self, area: QWidget, slop: float, distance: float, flick: float) -> None:
        super().__init__(area)
        self._area = area
        self._slop, self._distance, self._flick = slop, distance, flick
        self._start = QPointF()
        self._start_time = 0
        self._axis = ""  # "", "x" (a sideways drag) or "y"

    def accepts(self, watched: QWidget, pos: QPointF) -> bool:
        area = self._area
        if not area.isVisible() or watched.window() is not area.window():
            return False
        under = self.widget_at(watched, pos)
        return under is area or area.isAncestorOf(under)

    def _press(self, pos: QPointF, timestamp: int) -> None:
        self._start, self._start_time, self._axis = QPointF(pos), timestamp, ""
        self.pressed.emit()

    def _move(self, pos: QPointF, timestamp: int) -> None:
        dx, dy = pos.x() - self._start.x(), pos.y() - self._start.y()
        if not self._axis and max(abs(dx), abs(dy)) > self._slop:
            self._axis = "x" if abs(dx) > abs(dy) else "y"
        if self._axis == "x":
            self.dragged.emit(dx)

    def _release(self, pos: QPointF, timestamp: int) -> None:
        self._move(pos, timestamp)
        dx = pos.x() - self._start.x()
        quick = timestamp - self._start_time < 300
        swiped = abs(dx) >= self._distance or (quick and abs(dx) >= self._flick)
        self.released.emit((1 if dx < 0 else -1) if self._axis == "x" and swiped else 0)
        self._axis = ""

    def _cancel(self) -> None:
        self._axis = ""
        self.released.emit(0)
