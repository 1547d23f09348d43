"""A robot's detail view: its facts on a panel over the dimmed page (a DetailOverlay)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.models import Content, Robot
from kiosk.i18n import DEFAULT_LANGUAGE, Language
from kiosk.ui.pages.robots.robot_card import fit_art, paint_stage, render_robot_art
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.bullet import BulletRow
from kiosk.ui.widgets.detail_overlay import DetailOverlay
from kiosk.ui.widgets.paint_cache import PaintCache
from kiosk.ui.widgets.scroll import add_scrolling
from kiosk.ui.widgets.text import TextLabel

TOP_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def show_maker_and_scene(
    maker: TextLabel, scene: TextLabel, robot: Robot, theme: Theme, lang: Language
) -> None:
    """A robot's maker (hidden when it has none) and its scene, in lead type."""
    maker.setFont(theme.font("lead", lang))
    maker.setText(robot.maker.get(lang) if robot.maker is not None else "")
    maker.setVisible(robot.maker is not None)
    scene.setFont(theme.font("lead", lang))
    scene.setText(robot.scene.get(lang))


class ArtStage(QWidget):
    """The artwork large, on its softly lit stage."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.art = QPixmap()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # the stage's two antialiased shapes and the art, drawn once a look: 6 ms at 4K in
        # the last frame of every opening
        self._look = PaintCache()

    def art_rect(self) -> QRectF:
        pad = self.theme.px(16)
        return fit_art(QRectF(self.rect()).adjusted(pad, pad, -pad, -pad))

    def paintEvent(self, event: QPaintEvent) -> None:
        self._look.paint(self, self.art.cacheKey(), self._draw)

    def forget(self) -> None:
        """Closed: let its picture go."""
        self._look.forget()

    def _draw(self, painter: QPainter) -> None:
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


class RobotDetail(DetailOverlay):
    """Covers the page: a scrim over the carousel and a panel with one robot in full.

    It fades in and rises (see :class:`DetailOverlay`); a tap on the scrim or the back control
    closes it.
    """

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(theme, parent)
        self.robot: Robot | None = None
        self._content: Content | None = None
        self._lang: Language = DEFAULT_LANGUAGE
        self.back.setObjectName("robot-back")
        self.stage = ArtStage(theme, self.panel)
        self.chip = Chip(theme, self.panel)
        self.name = TextLabel(self.panel)
        self.maker = TextLabel(self.panel, role="dim")
        self.scene = TextLabel(self.panel, role="warm")
        self.facts: list[BulletRow] = []
        self.source = TextLabel(self.panel, role="dim")
        self._facts_box = QVBoxLayout()
        self._facts_box.setSpacing(theme.px(14))
        self._build_layout()

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
        # larger text may not fit the panel even a size down: the words scroll, whole
        scrolls = theme.access.larger_text
        pad = theme.px(40)
        outer: QBoxLayout
        if theme.portrait:
            outer = QVBoxLayout(self.panel)
            outer.setSpacing(theme.px(24))
            outer.addWidget(self.back, 0, TOP_ALIGN)
            outer.addWidget(self.stage)
            add_scrolling(outer, self.panel, words, "robot-words", scrolls, theme, "surface")
        else:
            left = QVBoxLayout()
            left.setSpacing(theme.px(24))
            left.addWidget(self.back, 0, TOP_ALIGN)
            left.addWidget(self.stage)
            left.addStretch(1)
            outer = QHBoxLayout(self.panel)
            outer.setSpacing(theme.px(56))
            outer.addLayout(left, 0)
            add_scrolling(outer, self.panel, words, "robot-words", scrolls, theme, "surface")
        outer.setContentsMargins(pad, theme.px(24), pad, pad)

    # -- what it shows ----------------------------------------------------------------------

    def fact_texts(self) -> list[str]:
        return [row.label.text() for row in self.facts if not row.isHidden()]

    def open(self, robot: Robot, content: Content, lang: Language, animate: bool = True) -> None:
        """Show ``robot``; fade and rise in when ``animate`` and the page is on screen."""
        self.settle()
        self.robot = robot
        self.stage.art = QPixmap()
        self.set_language(content, lang)
        self.reveal(animate)

    def on_closed(self) -> None:
        self.robot = None
        self.stage.art = QPixmap()
        self.stage.forget()

    def set_language(self, content: Content, lang: Language) -> None:
        """Fill the panel for the robot in ``lang`` (also while it is open)."""
        self._content, self._lang = content, lang
        robot = self.robot
        if robot is None:
            return
        theme = self.theme
        self.back.set_text(content.string("detail.back", lang), theme.font("button", lang))
        self.chip.setFont(theme.font("caption", lang))
        self.chip.setText(content.category_name(robot, lang))
        self.name.setFont(theme.font("headline", lang))
        self.name.setText(robot.name.get(lang))
        show_maker_and_scene(self.maker, self.scene, robot, theme, lang)
        while len(self.facts) < len(robot.facts):
            row = BulletRow(theme, self.panel)
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

    # -- geometry ---------------------------------------------------------------------------

    def place_panel(self) -> None:
        rect = self.panel_rect()
        theme = self.theme
        inner_width = rect.width() - 2 * theme.px(40)
        if theme.portrait:
            art_width = inner_width
            art_height = min(round(art_width * 3 / 4), round(rect.height() * 0.38))
        else:
            usable = rect.height() - theme.px(64) - theme.touch - theme.px(24)
            # larger text in a narrow panel (reach mode's square): the words get more of it
            share = 0.3 if theme.access.larger_text and inner_width < theme.px(1200) else 0.46
            art_width = min(round(inner_width * share), round(usable * 4 / 3))
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
