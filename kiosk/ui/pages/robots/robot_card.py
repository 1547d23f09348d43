"""A robot's card in the showcase carousel, drawn once per size and language into a pixmap."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPen,
    QPixmap,
    QRadialGradient,
)

from kiosk.content.models import Content, Robot
from kiosk.i18n import DEFAULT_LANGUAGE, Language
from kiosk.paths import resources_dir
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.artwork import render_artwork
from kiosk.ui.widgets.buttons import mix
from kiosk.ui.widgets.text import elide_line

FALLBACK_ART = resources_dir() / "artwork" / "robot-fallback.svg"
ART_RATIO = 4 / 3  # the robot artwork is drawn at 640x480
# of a landscape card's width, tried in turn for the words; the last (no art: the detail shows
# it) for larger text on the smallest cards
ART_SHARES = (0.54, 0.42, 0.3, 0.0)
WRAP = int(Qt.TextFlag.TextWordWrap)


def artwork_path(robot: Robot) -> Path:
    """The artwork shown for ``robot``: its own, or the app's fallback when it has none."""
    return robot.image if robot.image is not None else FALLBACK_ART


def render_robot_art(robot: Robot, size: QSize, ratio: float, theme: Theme) -> QPixmap:
    """``robot``'s artwork at ``size``; the fallback robot when its file is missing or broken."""
    return render_artwork(
        robot.image, size, ratio, theme.palette.color("line"), fallback_svg=FALLBACK_ART
    )


def fit_art(area: QRectF) -> QRectF:
    """The largest 4:3 rectangle centred in ``area``."""
    width = min(area.width(), area.height() * ART_RATIO)
    rect = QRectF(0, 0, width, width / ART_RATIO)
    rect.moveCenter(area.center())
    return rect


def paint_stage(painter: QPainter, rect: QRectF, theme: Theme) -> None:
    """The dark, softly lit stage the artwork stands on."""
    palette = theme.palette
    radius = theme.radius * 0.75
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color("ground", 0.7))
    painter.drawRoundedRect(rect, radius, radius)
    glow = QRadialGradient(QPointF(rect.center().x(), rect.bottom()), rect.width() * 0.6)
    glow.setColorAt(0.0, palette.color("accent", 0.12))
    glow.setColorAt(1.0, palette.color("accent", 0.0))
    painter.setBrush(glow)
    painter.drawRoundedRect(rect, radius, radius)


def paint_chip(painter: QPainter, top_left: QPointF, text: str, font: QFont, theme: Theme) -> float:
    """A small accent pill with ``text`` (a category); returns its height."""
    metrics = QFontMetricsF(font)
    pad_x, pad_y = theme.px(16), theme.px(6)
    rect = QRectF(
        top_left.x(),
        top_left.y(),
        metrics.horizontalAdvance(text) + 2 * pad_x,
        metrics.height() + 2 * pad_y,
    )
    palette = theme.palette
    painter.setBrush(palette.color("accent", 0.12))
    painter.setPen(QPen(palette.color("accent", 0.55), max(1.0, theme.px(1.5))))
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(palette.color("accent"))
    painter.setFont(font)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    return rect.height()


@dataclass
class _Block:
    """A wrapped text of the card: its font, colour and measured height."""

    text: str
    font: QFont
    color: QColor
    space_after: float
    height: float = 0.0


class RobotCard:
    """The texts a robot's card shows in one language, and the card drawn at a size.

    The card pixmap (surface, artwork on its stage, category, name, maker, scene and a "tap"
    hint) is drawn when first needed and kept until the language or the size changes, so the
    carousel only moves and scales pixmaps.
    """

    def __init__(self, robot: Robot, theme: Theme) -> None:
        self.robot = robot
        self.theme = theme
        self.lang: Language = DEFAULT_LANGUAGE
        self.name = self.category = self.maker = self.scene = self.hint = ""
        self.clipped = False  # the words did not fit the card even in the smallest type
        self._pixmap: tuple[tuple[int, int, float], QPixmap] | None = None
        self.version = 0  # counts the changes of its picture (the carousel keeps copies)

    @property
    def artwork_path(self) -> Path:
        return artwork_path(self.robot)

    def set_language(self, content: Content, lang: Language) -> None:
        robot = self.robot
        self.lang = lang
        self.name = robot.name.get(lang)
        self.category = content.category_name(robot, lang)
        self.maker = robot.maker.get(lang) if robot.maker is not None else ""
        self.scene = robot.scene.get(lang)
        self.hint = content.string("robot.more", lang)
        self._pixmap = None
        self.version += 1

    def artwork(self, size: QSize, ratio: float) -> QPixmap:
        """The artwork at ``size`` (drawn into the card; not kept on its own)."""
        return render_robot_art(self.robot, size, ratio, self.theme)

    def has_pixmap(self, size: QSize, ratio: float) -> bool:
        return self._pixmap is not None and self._pixmap[0] == (size.width(), size.height(), ratio)

    def pixmap(self, size: QSize, ratio: float) -> QPixmap:
        """The whole card at ``size`` logical pixels."""
        key = (size.width(), size.height(), ratio)
        if self._pixmap is None or self._pixmap[0] != key:
            pixmap = QPixmap(size * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self._paint(painter, QRectF(0, 0, size.width(), size.height()), ratio)
            painter.end()
            self._pixmap = (key, pixmap)
        return self._pixmap[1]

    def release(self) -> None:
        """Forget the drawn card (the carousel keeps only those near the centre)."""
        self._pixmap = None

    def _paint(self, painter: QPainter, bounds: QRectF, ratio: float) -> None:
        theme, palette = self.theme, self.theme.palette
        rect = bounds.adjusted(1, 1, -1, -1)
        surface = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        surface.setColorAt(
            0.0, mix(palette.color("surface"), palette.color("surface_pressed"), 0.3)
        )
        surface.setColorAt(1.0, palette.color("surface"))
        painter.setBrush(surface)
        painter.setPen(QPen(palette.color("line"), max(1.5, theme.px(2))))
        painter.drawRoundedRect(rect, theme.radius, theme.radius)

        pad = theme.px(28)
        inner = rect.adjusted(pad, pad, -pad, -pad)
        if rect.width() >= rect.height() * 1.3:  # landscape: artwork left, words right
            stage, text = self._beside(inner)
        else:  # portrait: artwork on top
            stage = QRectF(inner.left(), inner.top(), inner.width(), 0.0)
            stage.setHeight(min(inner.width() / ART_RATIO, inner.height() * 0.55))
            text = QRectF(inner).adjusted(theme.px(10), stage.height() + theme.px(32), 0, 0)
        if not stage.isEmpty():
            paint_stage(painter, stage, theme)
        art = fit_art(stage.adjusted(theme.px(12), theme.px(12), -theme.px(12), -theme.px(12)))
        if not stage.isEmpty() and not art.isEmpty():
            painter.drawPixmap(art.topLeft(), self.artwork(art.size().toSize(), ratio))
        self._paint_words(painter, text)

    def _beside(self, inner: QRectF) -> tuple[QRectF, QRectF]:
        """The artwork's stage and the words' area side by side in ``inner``: the artwork
        takes up to 54 % of the width, less when the words need it (larger text, a narrow
        card) to keep their scene, or at least their name."""
        theme = self.theme
        choice: tuple[QRectF, QRectF] | None = None
        for share in ART_SHARES:
            width = min(inner.height() * ART_RATIO, inner.width() * share)
            stage = QRectF(inner.left(), inner.top(), width, inner.height() if width else 0)
            beside = stage.width() + theme.px(44) if width else 0.0
            text = QRectF(inner).adjusted(beside, theme.px(10), 0, 0)
            blocks, room = self._words(text)
            fits = sum(b.height + b.space_after for b in blocks) <= room
            if fits and blocks[-1].text == self.scene:  # every word on the card
                return stage, text
            if fits and choice is None:
                choice = (stage, text)
        return choice if choice is not None else (stage, text)

    def _words(self, area: QRectF) -> tuple[list[_Block], float]:
        """The blocks of words that fit ``area`` under the chip, and the height they have."""
        theme, lang = self.theme, self.lang
        chip_height = QFontMetricsF(theme.font("caption", lang)).height() + 2 * theme.px(6)
        hint_height = QFontMetricsF(theme.font("caption", lang)).height()
        room = area.height() - chip_height - theme.px(20) - hint_height - theme.px(16)
        return self._fit_blocks(area.width(), room), room

    def _paint_words(self, painter: QPainter, area: QRectF) -> None:
        theme, palette, lang = self.theme, self.theme.palette, self.lang
        chip_font = theme.font("caption", lang)
        hint_font = theme.font("caption", lang)
        blocks, room = self._words(area)
        self.clipped = sum(b.height + b.space_after for b in blocks) > room

        y = area.top()
        chip = area.width() - 2 * theme.px(16)  # the chip's words within the area
        category = elide_line(self.category, chip_font, chip)
        y += paint_chip(painter, QPointF(area.left(), y), category, chip_font, theme)
        y += theme.px(20)
        painter.save()
        painter.setClipRect(QRectF(area.left(), y, area.width(), room))
        for block in blocks:
            if block.text == "":  # the short accent rule before the scene
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.color("accent", 0.8))
                bar = QRectF(area.left(), y, theme.px(56), theme.px(4))
                painter.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2)
            else:
                painter.setFont(block.font)
                painter.setPen(block.color)
                box = QRectF(area.left(), y, area.width(), block.height)
                painter.drawText(box, WRAP | int(Qt.AlignmentFlag.AlignLeft), block.text)
            y += block.height + block.space_after
        painter.restore()

        painter.setFont(hint_font)
        painter.setPen(palette.color("accent"))
        metrics = QFontMetricsF(hint_font)
        baseline = area.bottom() - metrics.descent()
        chevron = theme.px(14) + theme.px(7)
        hint = elide_line(self.hint, hint_font, area.width() - chevron)
        painter.drawText(QPointF(area.left(), baseline), hint)
        # a small chevron after the hint: the card opens
        x = area.left() + metrics.horizontalAdvance(hint) + theme.px(14)
        mid = baseline - metrics.ascent() * 0.38
        arm = theme.px(7)
        pen = QPen(palette.color("accent"), max(1.5, theme.px(3)))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPolyline(
            [QPointF(x, mid - arm), QPointF(x + arm * 0.8, mid), QPointF(x, mid + arm)]
        )

    def _fit_blocks(self, width: float, room: float) -> list[_Block]:
        """The name, maker, rule and scene, in fonts stepped down until they fit ``room``."""
        theme, palette, lang = self.theme, self.theme.palette, self.lang
        blocks: list[_Block] = []
        for step in (1.0, 0.9, 0.8, 0.7, 0.6):
            name_font = theme.font("title", lang)
            name_font.setPixelSize(theme.text_px(50 * step))
            maker_font = theme.font("body", lang)
            maker_font.setPixelSize(theme.text_px(max(24, 28 * step)))
            scene_font = theme.font("lead", lang)
            scene_font.setPixelSize(theme.text_px(max(24, 34 * step)))
            blocks = [_Block(self.name, name_font, palette.color("text"), theme.px(8))]
            if self.maker:
                blocks.append(_Block(self.maker, maker_font, palette.color("text_dim"), 0))
            blocks[-1].space_after = theme.px(22)
            blocks.append(_Block("", scene_font, palette.color("accent"), theme.px(18)))
            blocks.append(_Block(self.scene, scene_font, palette.color("text"), 0))
            for block in blocks:
                if block.text:
                    bound = QFontMetricsF(block.font).boundingRect(
                        QRectF(0, 0, width, 1e6), WRAP, block.text
                    )
                    block.height = bound.height()
                else:
                    block.height = theme.px(4)
            if sum(b.height + b.space_after for b in blocks) <= room:
                break
        else:  # larger text on a small card: the scene, then the maker, wait for the detail
            blocks = blocks[:-2]
            blocks[-1].space_after = 0
            if sum(b.height + b.space_after for b in blocks) > room:
                blocks = blocks[:1]
                blocks[0].space_after = 0
        return blocks
