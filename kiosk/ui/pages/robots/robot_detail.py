"""A robot's detail view: an overlay over the page with a scrim and a panel of its facts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.content.models import Content, Robot
from kiosk.i18n import DEFAULT_LANGUAGE, Language
from kiosk.ui.input import CLAIMS_SWIPES, Pressable
from kiosk.ui.pages.robots.robot_card import fit_art, paint_stage, render_robot_art
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import PillButton, mix
from kiosk.ui.widgets.text import TextLabel

OPEN_MS = 320
CLOSE_MS = 260
SCRIM_ALPHA = 0.82
PANEL_OPAQUE_AT = 0.35  # of the opening's progress
TOP_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class BackButton(PillButton):
    """The back control: a pill with a chevron and a word."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self.theme.px(36), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = self.theme.px(10)  # the visible pill is smaller than the touch target
        rect = QRectF(self.rect()).adjusted(2, inset, -2, -inset)
        base = palette.color("surface_pressed", 0.55)
        painter.setBrush(mix(base, palette.color("surface_pressed"), self.press_level))
        edge = mix(palette.color("accent", 0.6), palette.color("accent"), self.press_level)
        painter.setPen(QPen(edge, max(1.5, self.theme.px(2))))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        arm = self.theme.px(9)
        x = rect.left() + self.theme.px(30)
        mid = rect.center().y()
        pen = QPen(palette.color("text"), max(2.0, self.theme.px(4)))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolyline(
            [QPointF(x + arm * 0.8, mid - arm), QPointF(x, mid), QPointF(x + arm * 0.8, mid + arm)]
        )
        painter.setPen(palette.color("text"))
        painter.setFont(self.font())
        words = rect.adjusted(self.theme.px(30) + arm + self.theme.px(12), 0, 0, 0)
        words.setRight(rect.right() - self.theme.px(28))
        painter.drawText(words, Qt.AlignmentFlag.AlignCenter, self.text())


class ArtStage(QWidget):
    """The artwork large, on its softly lit stage."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.art = QPixmap()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def art_rect(self) -> QRectF:
        pad = self.theme.px(16)
        return fit_art(QRectF(self.rect()).adjusted(pad, pad, -pad, -pad))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_stage(painter, QRectF(self.rect()), self.theme)
        if not self.art.isNull():
            painter.drawPixmap(self.art_rect().topLeft(), self.art)


class Chip(TextLabel):
    """A category in a small accent pill."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, role="accent", wrap=False, align=Qt.AlignmentFlag.AlignCenter)
        self.theme = theme
        self.setContentsMargins(theme.px(16), theme.px(6), theme.px(16), theme.px(6))

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setBrush(palette.color("accent", 0.12))
        painter.setPen(QPen(palette.color("accent", 0.55), max(1.0, self.theme.px(1.5))))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.end()
        super().paintEvent(event)


class FactRow(QWidget):
    """One fact: an accent dot and the fact's words."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.label = TextLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addSpacing(theme.px(34))
        row.addWidget(self.label, 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.palette.color("accent"))
        line = QFontMetricsF(self.label.font()).height()
        radius = self.theme.px(6)
        painter.drawEllipse(QPointF(self.theme.px(8), line / 2), radius, radius)


class DetailPanel(QWidget):
    """The opaque rounded surface the detail's words stand on."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setBrush(palette.color("surface"))
        painter.setPen(QPen(palette.color("line"), max(1.5, self.theme.px(2))))
        painter.drawRoundedRect(rect, self.theme.radius, self.theme.radius)


class RobotDetail(Pressable):
    """Covers the page: a scrim over the carousel and a panel with one robot in full.

    Opens and closes with a fade and a slight rise (the panel is drawn from a snapshot while
    it moves, so no text is laid out per frame). A tap on the scrim or the back control closes
    it; a swipe on it is its own, so it never changes the page.
    """

    closed = Signal()  # the closing animation ended (or it closed at once)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setProperty(CLAIMS_SWIPES, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it paints the page under it
        self.robot: Robot | None = None
        self._content: Content | None = None
        self._lang: Language = DEFAULT_LANGUAGE
        self.progress = 0.0
        self._closing = False
        # paints the page under the overlay; it is taken once when it opens, not every frame
        self.paint_backdrop: Callable[[QPainter], None] | None = None
        self._backdrop = QPixmap()
        self._snapshot = QPixmap()  # the panel, drawn while it fades and rises
        self.panel = DetailPanel(theme, self)
        self.back = BackButton(theme, self.panel)
        self.back.setObjectName("robot-back")
        self.back.clicked.connect(self.dismiss)
        self.stage = ArtStage(theme, self.panel)
        self.chip = Chip(theme, self.panel)
        self.name = TextLabel(self.panel)
        self.maker = TextLabel(self.panel, role="dim")
        self.scene = TextLabel(self.panel, role="warm")
        self.facts: list[FactRow] = []
        self.source = TextLabel(self.panel, role="dim")
        self._facts_box = QVBoxLayout()
        self._facts_box.setSpacing(theme.px(14))
        self._build_layout()
        self.animation = QVariantAnimation(self)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(self._on_progress)
        self.animation.finished.connect(self._on_finished)
        self.hide()

    def _build_layout(self) -> None:
        theme = self.theme
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(theme.px(10))
        words.addWidget(self.chip, 0, TOP_ALIGN)
        words.addSpacing(theme.px(6))
        words.addWidget(self.name)
        words.addWidget(self.maker)
        words.addSpacing(theme.px(6))
        words.addWidget(self.scene)
        words.addSpacing(theme.px(22))
        words.addLayout(self._facts_box)
        words.addStretch(1)
        words.addSpacing(theme.px(16))
        words.addWidget(self.source)
        pad = theme.px(40)
        outer: QBoxLayout
        if theme.portrait:
            outer = QVBoxLayout(self.panel)
            outer.setSpacing(theme.px(24))
            outer.addWidget(self.back, 0, TOP_ALIGN)
            outer.addWidget(self.stage)
            outer.addLayout(words, 1)
        else:
            left = QVBoxLayout()
            left.setSpacing(theme.px(24))
            left.addWidget(self.back, 0, TOP_ALIGN)
            left.addWidget(self.stage)
            left.addStretch(1)
            outer = QHBoxLayout(self.panel)
            outer.setSpacing(theme.px(56))
            outer.addLayout(left, 0)
            outer.addLayout(words, 1)
        outer.setContentsMargins(pad, theme.px(24), pad, pad)

    # -- what it shows ----------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """True while it shows a robot or is opening (not while it closes)."""
        return self.robot is not None and not self._closing

    @property
    def animating(self) -> bool:
        return self.animation.state() == QAbstractAnimation.State.Running

    def fact_texts(self) -> list[str]:
        return [row.label.text() for row in self.facts if not row.isHidden()]

    def open(self, robot: Robot, content: Content, lang: Language, animate: bool = True) -> None:
        """Show ``robot``; fade and rise in when ``animate`` and the page is on screen."""
        self.robot, self._closing = robot, False
        self.stage.art = QPixmap()
        self.set_language(content, lang)
        self.setGeometry(self.parentWidget().rect())
        self._place_panel()
        self._take_backdrop()
        self.show()
        self.raise_()
        self.animation.stop()
        if not animate or not self.isVisible():
            self._snapshot = QPixmap()
            self.panel.show()
            self._on_progress(1.0)
            return
        self._snapshot = self._snap_panel()
        self.panel.hide()
        self._run(1.0, OPEN_MS)

    def dismiss(self, animate: bool = True) -> None:
        """Fade out and hide; the page under it is as it was."""
        if self.robot is None or self._closing:
            if not animate and self._closing:
                self._finish_closing()
            return
        self._closing = True
        self.cancel_press()
        if not animate or not self.isVisible():
            self.animation.stop()
            self._finish_closing()
            return
        if self.panel.isVisible():
            self._snapshot = self._snap_panel()
            self.panel.hide()
        self._run(0.0, CLOSE_MS)

    def settle(self) -> None:
        """Jump an opening or closing to its end."""
        if not self.animating:
            return
        self.animation.stop()
        if self._closing:
            self._finish_closing()
        else:
            self._on_progress(1.0)
            self._on_finished()

    def set_language(self, content: Content, lang: Language) -> None:
        """Fill the panel for the robot in ``lang`` (also while it is open)."""
        self._content, self._lang = content, lang
        robot = self.robot
        if robot is None:
            return
        theme = self.theme
        self.back.set_text(content.string("robot.back", lang), theme.font("button", lang))
        self.chip.setFont(theme.font("caption", lang))
        self.chip.setText(content.string(f"robot.category.{robot.category}", lang))
        self.name.setFont(theme.font("headline", lang))
        self.name.setText(robot.name.get(lang))
        self.maker.setFont(theme.font("lead", lang))
        self.maker.setText(robot.maker.get(lang) if robot.maker is not None else "")
        self.maker.setVisible(robot.maker is not None)
        self.scene.setFont(theme.font("lead", lang))
        self.scene.setText(robot.scene.get(lang))
        while len(self.facts) < len(robot.facts):
            row = FactRow(theme, self.panel)
            self._facts_box.addWidget(row)
            self.facts.append(row)
        for index, row in enumerate(self.facts):
            shown = index < len(robot.facts)
            row.setVisible(shown)
            row.label.setFont(theme.font("body", lang))
            row.label.setText(robot.facts[index].get(lang) if shown else "")
        source = robot.source
        self.source.setFont(theme.font("caption", lang))
        self.source.setText(content.format_source(source, lang))
        self._fit_words()
        if self.isVisible() and not self.animating:  # the page under it changed language too
            self._take_backdrop()
            self.update()

    # -- geometry ---------------------------------------------------------------------------

    def panel_rect(self) -> QRect:
        """Where the panel stands: below the header, clear of the page dots."""
        theme = self.theme
        top = theme.page_top
        side = theme.margin if theme.portrait else theme.px(80)
        return self.rect().adjusted(side, top, -side, -theme.px(76))

    def _place_panel(self) -> None:
        rect = self.panel_rect()
        theme = self.theme
        inner_width = rect.width() - 2 * theme.px(40)
        if theme.portrait:
            art_width = inner_width
            art_height = min(round(art_width * 3 / 4), round(rect.height() * 0.38))
        else:
            usable = rect.height() - theme.px(64) - theme.touch - theme.px(24)
            art_width = min(round(inner_width * 0.46), round(usable * 4 / 3))
            art_height = round(art_width * 3 / 4)
        self.stage.setFixedSize(art_width, art_height)
        self.panel.setGeometry(rect)
        layout = self.panel.layout()
        layout.invalidate()
        layout.activate()
        if self.robot is not None:
            art = self.stage.art_rect().size().toSize()
            if self.stage.art.isNull() or self.stage.art.size() != art * self.devicePixelRatioF():
                self.stage.art = render_robot_art(self.robot, art, self.devicePixelRatioF(), theme)
        self._fit_words()

    def _fit_words(self) -> None:
        """Step the name and facts down a size when the words would not fit the panel."""
        lang, theme = self._lang, self.theme
        layout = self.panel.layout()
        steps = (
            ("headline", "lead"),
            ("headline", "body"),
            ("title", "body"),
            ("title", "caption"),
        )
        for name_role, body_role in steps:
            self.name.setFont(theme.font(name_role, lang))
            for row in self.facts:
                row.label.setFont(theme.font(body_role, lang))
                row.updateGeometry()
            # nested layouts remember sizes until their (posted) layout requests run: forget now
            for nested in (*self.panel.findChildren(QLayout), layout):
                nested.invalidate()
            if layout.totalHeightForWidth(self.panel.width()) <= self.panel.height():
                break
        layout.activate()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.robot is not None and self.panel.geometry() != self.panel_rect():
            self._place_panel()
            self._take_backdrop()

    # -- painting and motion -----------------------------------------------------------------

    def _take_backdrop(self) -> None:
        ratio = self.devicePixelRatioF()
        self._backdrop = QPixmap(self.size() * ratio)
        self._backdrop.setDevicePixelRatio(ratio)
        self._backdrop.fill(self.theme.palette.color("ground"))
        if self.paint_backdrop is not None:
            painter = QPainter(self._backdrop)
            self.paint_backdrop(painter)
            painter.end()

    def _snap_panel(self) -> QPixmap:
        self.panel.show()
        self.panel.layout().activate()
        return self.panel.grab()

    def _run(self, end: float, duration: int) -> None:
        self.animation.stop()
        self.animation.setDuration(duration)
        self.animation.setStartValue(self.progress)
        self.animation.setEndValue(end)
        self.animation.start()

    def _on_progress(self, value: object) -> None:
        self.progress = float(value)  # type: ignore[arg-type]
        self.update()

    def _on_finished(self) -> None:
        if self._closing:
            self._finish_closing()
        else:
            self._snapshot = QPixmap()
            self.panel.show()
            self.update()

    def _finish_closing(self) -> None:
        self.robot = None
        self._closing = False
        self.progress = 0.0
        self._snapshot = QPixmap()
        self._backdrop = QPixmap()
        self.stage.art = QPixmap()
        self.hide()
        self.closed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if not self._backdrop.isNull():
            painter.drawPixmap(0, 0, self._backdrop)
        else:
            painter.fillRect(self.rect(), self.theme.palette.color("ground"))
        scrim = self.theme.palette.color("ground", SCRIM_ALPHA * self.progress)
        painter.fillRect(self.rect(), scrim)
        if self._snapshot.isNull() or self.progress <= 0.0:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # the panel turns opaque early, so the card under it never shows through its words
        painter.setOpacity(min(1.0, self.progress / PANEL_OPAQUE_AT))
        rect = QRectF(self.panel.geometry())
        scale = 0.95 + 0.05 * self.progress
        rise = self.theme.px(36) * (1.0 - self.progress)
        centre = rect.center() + QPointF(0, rise)
        target = QRectF(0, 0, rect.width() * scale, rect.height() * scale)
        target.moveCenter(centre)
        painter.drawPixmap(target, self._snapshot, QRectF(self._snapshot.rect()))

    # -- input: a tap on the scrim closes -------------------------------------------------

    def _end(self, pos: QPointF) -> None:
        outside = not self.panel_rect().contains(pos.toPoint())
        was_pressed = self.is_pressed
        self._set_pressed(False)
        if was_pressed and outside and self.robot is not None:
            self.dismiss()
