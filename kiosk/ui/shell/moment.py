"""The attract loop's full-screen moments, made to be read from three metres: a key figure
counting up with one line of context, a robot's drawing coming in with its name, a quote.

A moment covers the whole window but its foot, where the loop's one call to action (the cue)
stands over nothing. Its motion is cheap at 4K: the number is drawn from digit pictures, the
drawing is one picture revealed behind a moving edge, the texts stay put.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
)
from PySide6.QtWidgets import QBoxLayout, QStackedLayout, QVBoxLayout, QWidget

from kiosk.content import Content, Figure
from kiosk.content.models import PlaylistEntry, Robot, Voice
from kiosk.content.playlist import moment_items
from kiosk.i18n import Language
from kiosk.ui.pages.figures.count_up import CountUp, widest_texts
from kiosk.ui.pages.figures.hero import HeroNumber
from kiosk.ui.pages.robots.robot_card import ART_RATIO, render_robot_art
from kiosk.ui.pages.robots.robot_detail import show_maker_and_scene
from kiosk.ui.pages.voices.quote import keep_terms_together, quote_text
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.cover import Cover
from kiosk.ui.widgets.opaque import OpaquePaint
from kiosk.ui.widgets.snapshot import blit
from kiosk.ui.widgets.text import TextLabel

CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
REVEAL_MS = 1600  # a robot's drawing coming in
COUNT_MS = 1800  # a figure counting up: slower than on its page, to be watched from afar
MARK_MS = 900  # a quote's opening mark growing in
OPENING_MARKS = '“「『‘"«'
NUMBER_PX = 240  # a moment's digits at 1080p (a page's key figures: 104)
WORDS_PX = 72  # the unit words beside them


def column(owner: QWidget, spacing: int, *items: QWidget | int | tuple[QWidget, int]) -> None:
    """``owner``'s items in a centred column: widgets, ``(widget, stretch)`` and gaps (ints)."""
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    layout.addStretch(1)
    for item in items:
        if isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        else:
            layout.addWidget(item)
    layout.addStretch(1)


class MomentPart(QWidget):
    """One kind of moment: set it to an item, then play its entrance (or settle it)."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_item(self, item: object, content: Content, lang: Language) -> None:
        """Show ``item`` (a figure, a robot or a voice) in ``lang``."""
        raise NotImplementedError

    def play(self) -> None:
        """The entrance, from the start."""

    def settle(self) -> None:
        """The entrance's end at once."""

    @property
    def running(self) -> bool:
        return False


class FigureMoment(MomentPart):
    """A key figure very large, counting up, with its label as the one line of context."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.number = HeroNumber(theme, self, centered=True)
        self.number.setObjectName("moment-number")
        self.label = TextLabel(self, align=CENTER, max_lines=3, balance=True)
        self.label.setObjectName("moment-label")
        self.growth = TextLabel(self, role="warm", align=CENTER, max_lines=1)
        self.source = TextLabel(self, role="dim", align=CENTER, max_lines=2)
        column(self, theme.px(28), self.number, self.label, self.growth, theme.px(12), self.source)
        self.count: CountUp | None = None

    def set_item(self, item: object, content: Content, lang: Language) -> None:
        assert isinstance(item, Figure)
        figure, theme = item, self.theme
        digits = theme.font("figure", lang)
        digits.setPixelSize(theme.px(NUMBER_PX))
        words = theme.font("headline", lang)
        words.setPixelSize(theme.px(WORDS_PX))
        if self.count is None or self.count.figure is not figure:
            if self.count is not None:
                self.count.sequence.stop()
                self.count.deleteLater()
            self.count = CountUp(figure, self.number, self)
            self.count.animation.setDuration(COUNT_MS)
        self.number.set_fonts(digits, words, widest_texts(content, figure, lang))
        label = theme.font("headline", lang)
        label.setWeight(QFont.Weight.Normal)
        self.label.setFont(label)
        self.label.setText(figure.label.get(lang))
        self.growth.setFont(theme.font("lead", lang))
        growth = content.format_growth(figure, lang)
        self.growth.setText(growth)
        self.growth.setVisible(bool(growth))
        self.source.setFont(theme.font("caption", lang))
        self.source.setText(content.format_source(figure.source, lang))
        self.count.bind(content, lang)

    def play(self) -> None:
        if self.count is not None:
            self.count.play(delay_ms=250)

    def settle(self) -> None:
        if self.count is not None:
            self.count.settle()

    @property
    def running(self) -> bool:
        return self.count is not None and self.count.running


class Entrance(QWidget):
    """A picture that comes in: its ``level`` goes from 0 (nothing) to 1 (all of it), eased."""

    def __init__(
        self, theme: Theme, duration: int, curve: QEasingCurve.Type, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.level = 1.0
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(duration)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setEasingCurve(curve)
        self.animation.valueChanged.connect(self._on_level)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def _on_level(self, value: float) -> None:
        self.level = float(value)
        self.update()

    def play(self) -> None:
        self.animation.stop()
        self.level = 0.0
        self.update()
        self.animation.start()

    def settle(self) -> None:
        self.animation.stop()
        self.level = 1.0
        self.update()

    @property
    def running(self) -> bool:
        return self.animation.state() == QAbstractAnimation.State.Running


class RevealedArt(Entrance):
    """A drawing that comes in behind a luminous edge moving down it; each frame repaints only
    the band the edge swept."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, REVEAL_MS, QEasingCurve.Type.InOutCubic, parent)
        self.robot: Robot | None = None
        self._art = QPixmap()

    def set_robot(self, robot: Robot) -> None:
        if robot is not self.robot:
            self.robot = robot
            self._art = QPixmap()
            self.update()

    def art_rect(self) -> QRectF:
        """The largest 4:3 rectangle centred in the widget."""
        area = QRectF(self.rect())
        width = min(area.width(), area.height() * ART_RATIO)
        rect = QRectF(0, 0, width, width / ART_RATIO)
        rect.moveCenter(area.center())
        return rect

    def _picture(self) -> QPixmap:
        size = self.art_rect().size().toSize()
        if self.robot is not None and (
            self._art.isNull() or self._art.deviceIndependentSize().toSize() != size
        ):
            self._art = render_robot_art(
                self.robot, QSize(size), self.devicePixelRatioF(), self.theme
            )
        return self._art

    def _edge(self, level: float) -> float:
        rect = self.art_rect()
        return rect.top() + rect.height() * level

    def _on_level(self, value: float) -> None:
        before, self.level = self.level, float(value)
        rect = self.art_rect()
        thick = self.edge_width()
        top, bottom = sorted((self._edge(before), self._edge(self.level)))
        band = QRectF(rect.left() - 1, top - thick - 1, rect.width() + 2, bottom - top + 3 * thick)
        self.update(band.toAlignedRect())

    def edge_width(self) -> float:
        return max(2.0, float(self.theme.px(3)))

    def paintEvent(self, event: QPaintEvent) -> None:
        art = self._picture()
        if art.isNull() or self.level <= 0:
            return
        rect = self.art_rect()
        edge = self._edge(self.level)
        painter = QPainter(self)
        painter.setClipRect(QRectF(rect.left(), rect.top(), rect.width(), edge - rect.top()))
        painter.drawPixmap(rect.topLeft().toPoint(), art)
        painter.setClipping(False)
        if self.level < 1.0:  # the edge that draws it, in the accent
            painter.fillRect(
                QRectF(rect.left(), edge - 1, rect.width(), self.edge_width()),
                self.theme.palette.color("accent"),
            )


class RobotMoment(MomentPart):
    """A robot's drawing large, with its name, its maker and the scene it works in."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.art = RevealedArt(theme, self)
        self.art.setObjectName("moment-art")
        self.name = TextLabel(self, max_lines=3, balance=True, floor=0.5)  # a long name: smaller
        self.name.setObjectName("moment-name")
        self.maker = TextLabel(self, role="warm", max_lines=2)
        self.scene = TextLabel(self, role="dim", max_lines=4)
        self.source = TextLabel(self, role="dim", max_lines=2)
        words = QVBoxLayout()
        words.setSpacing(theme.px(20))
        words.addStretch(1)
        for widget in (self.name, self.maker, self.scene):
            words.addWidget(widget)
        words.addSpacing(theme.px(12))
        words.addWidget(self.source)
        words.addStretch(1)
        self.layout_ = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(theme.px(64))
        self.layout_.addWidget(self.art, 11)
        self.layout_.addLayout(words, 9)

    def set_item(self, item: object, content: Content, lang: Language) -> None:
        assert isinstance(item, Robot)
        robot, theme = item, self.theme
        portrait = theme.portrait
        self.layout_.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.layout_.setStretch(0, 11 if not portrait else 10)
        self.layout_.setStretch(1, 9 if not portrait else 9)
        side = Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag.AlignLeft
        for label in (self.name, self.maker, self.scene, self.source):  # under it: centred
            label.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
        self.art.set_robot(robot)
        self.name.setFont(theme.font("display", lang))
        self.name.setText(robot.name.get(lang))
        show_maker_and_scene(self.maker, self.scene, robot, theme, lang)
        self.source.setFont(theme.font("caption", lang))
        self.source.setText(content.format_source(robot.source, lang))

    def play(self) -> None:
        self.art.play()

    def settle(self) -> None:
        self.art.settle()

    @property
    def running(self) -> bool:
        return self.art.running


class QuoteMark(Entrance):
    """A large opening quotation mark in the accent colour that grows in."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, MARK_MS, QEasingCurve.Type.OutBack, parent)
        self.mark = "“"
        self._picture = QPixmap()
        self.setFixedHeight(theme.px(160))

    def set_mark(self, mark: str, font: QFont) -> None:
        """Draw ``mark`` once, its ink centred and no taller than 80 % of the widget."""
        font = QFont(font)
        font.setPixelSize(self.theme.px(260))
        ink = QFontMetricsF(font).tightBoundingRect(mark)
        room = self.height() * 0.8
        if ink.height() > room:  # a tall mark (「): smaller, to stand in its box
            font.setPixelSize(max(1, int(font.pixelSize() * room / ink.height())))
            ink = QFontMetricsF(font).tightBoundingRect(mark)
        ratio = self.devicePixelRatioF()
        box = QRectF(0, 0, self.height(), self.height())
        picture = QPixmap(box.size().toSize() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self.theme.palette.color("accent"))
        painter.drawText(box.center() - ink.center(), mark)
        painter.end()
        self.mark, self._picture = mark, picture
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._picture.isNull() or self.level <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self._picture.deviceIndependentSize()
        painter.translate(self.width() / 2, self.height() / 2)
        painter.scale(max(0.01, self.level), max(0.01, self.level))
        painter.setOpacity(min(1.0, self.level))
        painter.drawPixmap(QPointF(-size.width() / 2, -size.height() / 2), self._picture)


class QuoteMoment(MomentPart):
    """A voice's quote large and centred, and who said it."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.mark = QuoteMark(theme, self)
        self.quote = TextLabel(self, align=CENTER, balance=True)
        self.quote.setObjectName("moment-quote")
        self.speaker = TextLabel(self, role="warm", align=CENTER, max_lines=2)
        self.role = TextLabel(self, role="dim", align=CENTER, max_lines=2)
        column(
            self, theme.px(16), self.mark, (self.quote, 1), theme.px(24), self.speaker, self.role
        )

    def set_item(self, item: object, content: Content, lang: Language) -> None:
        assert isinstance(item, Voice)
        voice, theme = item, self.theme
        font = theme.font("headline", lang)
        font.setWeight(QFont.Weight.Normal)
        self.quote.setFont(font)
        marked = quote_text(content, voice, lang)  # the language's marks: the big one opens
        self.mark.set_mark(marked[:1] if marked[:1] in OPENING_MARKS else "“", font)
        self.quote.setText(keep_terms_together(voice.quote.get(lang)))
        self.speaker.setFont(theme.font("title", lang))
        self.speaker.setText(voice.speaker.get(lang))
        self.role.setFont(theme.font("body", lang))
        self.role.setText(voice.role.get(lang))

    def play(self) -> None:
        self.mark.play()

    def settle(self) -> None:
        self.mark.settle()

    @property
    def running(self) -> bool:
        return self.mark.running


class MomentView(OpaquePaint):
    """The full-window moment; hidden between moments. Its foot is left to the cue."""

    raised = Signal()  # it came to the front: what stands over it (the cue) goes up again

    def __init__(self, session: Session, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.entry: PlaylistEntry | None = None
        self.cover = Cover(self)  # what it covers paints nothing while it shows
        self.setObjectName("moment")
        self._ground = QPixmap()
        self.title = TextLabel(self, role="dim", align=CENTER, max_lines=1)
        self.title.setObjectName("moment-title")
        self.figure = FigureMoment(theme, self)
        self.robot = RobotMoment(theme, self)
        self.quote = QuoteMoment(theme, self)
        self.parts: dict[str, MomentPart] = {
            "figure": self.figure,
            "robot": self.robot,
            "quote": self.quote,
        }
        self.stack = QStackedLayout()
        for part in self.parts.values():
            self.stack.addWidget(part)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.px(24))
        layout.addWidget(self.title)
        layout.addLayout(self.stack, 1)
        self._margins()
        session.language_changed.connect(self._relabel)
        self.hide()

    def _margins(self) -> None:
        theme = self.theme
        side = theme.px(160) if not theme.portrait else theme.margin
        self.layout().setContentsMargins(side, theme.px(48), side, theme.page_bottom + theme.px(24))

    def can_show(self, entry: PlaylistEntry) -> bool:
        """Whether the content on screen has ``entry``'s item (a reload may have removed it)."""
        return entry.item in moment_items(self.session.content).get(entry.moment, {})

    def show_moment(self, entry: PlaylistEntry, animate: bool = True) -> bool:
        """Cover the window with ``entry``'s moment and play its entrance; False if the
        content has no such item."""
        if not self.can_show(entry):
            return False
        self.entry = entry
        self.setGeometry(self.parentWidget().rect())
        self._margins()
        self._relabel()
        part = self.parts[entry.moment]
        self.stack.setCurrentWidget(part)
        self.show()
        self.raise_()
        self.raised.emit()
        self.cover.hold()
        self.layout().activate()
        if animate:
            part.play()
        else:
            part.settle()
        return True

    def end(self) -> None:
        """Leave the screen to the page under it."""
        for part in self.parts.values():
            part.settle()
        self.entry = None
        self.hide()
        self.cover.release()

    def current(self) -> MomentPart | None:
        return self.parts[self.entry.moment] if self.entry is not None else None

    def settle(self) -> None:
        part = self.current()
        if part is not None:
            part.settle()

    def _relabel(self, *_: object) -> None:
        """The moment's texts in the language on screen (the loop rotates it)."""
        entry = self.entry
        if entry is None:
            return
        content, lang = self.session.content, self.session.language
        self.title.setFont(self.theme.font("title", lang))
        self.title.setText(content.string("app.title", lang))
        item = moment_items(content)[entry.moment][entry.item]
        self.parts[entry.moment].set_item(item, content, lang)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._ground = QPixmap()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._ground.isNull() or self._ground.deviceIndependentSize().toSize() != self.size():
            self._ground = self._paint_ground()
        blit(QPainter(self), self._ground, event.rect())

    def _paint_ground(self) -> QPixmap:
        """The navy ground with a soft glow where the moment stands, drawn once per size."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        palette = self.theme.palette
        pixmap.fill(palette.color("ground"))
        painter = QPainter(pixmap)
        center = QPointF(self.width() / 2, self.height() * 0.45)
        glow = QRadialGradient(center, max(self.width(), self.height()) * 0.6)
        glow.setColorAt(0.0, palette.color("ground_glow"))
        glow.setColorAt(1.0, palette.color("ground"))
        painter.fillRect(QRectF(self.rect()), glow)
        painter.end()
        return pixmap
