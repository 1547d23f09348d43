"""The one theme: palette, type scale, spacing and touch sizes, scaled to the screen.

Sizes are given for a 1920x1080 screen and scale with the short side, so 1080x1920 keeps the
same type and 3840x2160 doubles it; pages switch layout on ``portrait``. A visitor's
accessibility choices make a theme of their own (:meth:`Theme.with_access`): larger type, the
high-contrast palette, no motion, or the pages in the lower part of the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtGui import QColor, QFont

from kiosk.i18n import Language
from kiosk.paths import resources_dir
from kiosk.runtime.access import Access

FAMILIES: dict[Language, list[str]] = {
    "zh-Hans": ["Kiosk Sans Quotes", "Kiosk Sans SC", "Kiosk Sans TC"],
    "zh-Hant": ["Kiosk Sans Quotes", "Kiosk Sans TC", "Kiosk Sans SC"],
    "en": ["Kiosk Sans Latin", "Kiosk Sans SC", "Kiosk Sans TC"],  # proportional · “ ” ’
}


@dataclass(frozen=True)
class Palette:
    """Deep navy ground, one luminous accent (cyan), one warm highlight."""

    ground: str = "#070F24"
    ground_glow: str = "#0E2250"
    surface: str = "#0F1D40"
    surface_pressed: str = "#1A3470"
    line: str = "#23386A"
    accent: str = "#38E1FF"
    warm: str = "#FFB547"
    text: str = "#EAF2FF"
    text_dim: str = "#9FB0D0"

    def color(self, name: str, alpha: float = 1.0) -> QColor:
        color = QColor(getattr(self, name))
        color.setAlphaF(alpha)
        return color


# The high-contrast theme: at least 7:1 (WCAG AAA) for every text colour on every ground, flat
# grounds and no artwork behind text.
HIGH_CONTRAST = Palette(
    ground="#000000",
    ground_glow="#000000",
    surface="#0B1220",
    surface_pressed="#1C2C4A",
    line="#6B7A94",  # edges 4.8:1 on black; a chart track under a value keeps it 7:1
    accent="#6FF0FF",
    warm="#FFD37F",
    text="#FFFFFF",
    text_dim="#DCE4F2",
)
AAA = 7.0


def luminance(color: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def over(color: QColor, ground: QColor) -> QColor:
    """``color`` (with its alpha) drawn over the opaque ``ground``."""
    a = color.alphaF()
    return QColor.fromRgbF(
        color.redF() * a + ground.redF() * (1 - a),
        color.greenF() * a + ground.greenF() * (1 - a),
        color.blueF() * a + ground.blueF() * (1 - a),
    )


def contrast(text: QColor, ground: QColor) -> float:
    """WCAG contrast ratio of ``text`` (blended by its alpha) on the opaque ``ground``."""
    high, low = sorted((luminance(over(text, ground)), luminance(ground)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Text colours and the grounds text sits on (WCAG AA asks 4.5:1 of every pair).
TEXT_COLORS = ("text", "text_dim", "accent", "warm")
TEXT_GROUNDS = ("ground", "ground_glow", "surface", "surface_pressed")

# Type scale in pixels at 1080 px on the short side: (size, bold).
TYPE_SCALE: dict[str, tuple[int, bool]] = {
    "display": (112, True),  # the exhibition title
    "headline": (60, True),  # page titles
    "figure": (104, True),  # key numbers
    "title": (40, True),  # tile titles
    "lead": (34, False),  # subtitles
    "body": (28, False),
    "caption": (24, False),  # sources, small print
    "button": (28, True),
}

# A text that does not fit its room wraps, then shrinks, but never below this share of its
# role's size; past that floor it is cut with "…" (see kiosk/ui/widgets/text.py). A figure's
# value is cut only as a last resort ("aiming for CNY 1…" says nothing): it may shrink further.
TEXT_FLOOR = 0.8
NUMBER_FLOOR = 0.5
# Type for distance (read from 1 to 1.5 m): at 1080 px on the short side no text is smaller than
# SECONDARY_PX (sources, roles, small print), and a text set at BODY_PX or larger never shrinks
# below BODY_PX to fit: it wraps or is cut instead. Key figures are set at FIGURE_PX or larger.
SECONDARY_PX = 22
LARGE_TYPE_PX = 60  # type this large needs no larger-text step
BODY_PX = 28
FIGURE_PX = 96


def text_floor(pixel_size: int, floor: float = TEXT_FLOOR) -> int:
    """The smallest pixel size a text set at ``pixel_size`` may shrink to."""
    return max(1, round(pixel_size * floor))


@dataclass(frozen=True)
class Theme:
    """Everything about the look, for one screen size."""

    width: int = 1920
    height: int = 1080
    palette: Palette = field(default_factory=Palette)
    access: Access = field(default_factory=Access)
    unit: int = 0  # the short side that sizes type and targets; 0: this theme's own

    @property
    def scale(self) -> float:
        return (self.unit or min(self.width, self.height)) / 1080

    @property
    def motion(self) -> bool:
        """Whether things move (count-ups, slides, auto-advancing quotes), or change at once."""
        return not self.access.reduced_motion

    @property
    def plain(self) -> bool:
        """High contrast: flat grounds, and no artwork behind or beside text as decoration."""
        return self.access.high_contrast

    def with_access(self, access: Access, width: int, height: int, unit: int) -> Theme:
        """The theme for a visitor's choices over an area of ``width`` x ``height`` pixels
        whose type and targets are sized as for a screen with ``unit`` px on its short side."""
        palette = HIGH_CONTRAST if access.high_contrast else Palette()
        return replace(self, width=width, height=height, palette=palette, access=access, unit=unit)

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def reach_square(self) -> bool:
        """Reach mode on a portrait screen: the pages stand in the 1080 px square under the reach
        line, where what stands side by side in landscape goes one under the other."""
        return self.access.reach and self.width < self.height * 1.25

    def px(self, value: float) -> int:
        """A length given at 1080 px on the short side, for this screen."""
        return max(1, round(value * self.scale))

    def text_px(self, value: float) -> int:
        """A type size given at 1080 px on the short side, for this screen and text size.

        Larger text makes reading type 1.4 times larger, up to ``LARGE_TYPE_PX``; type set at
        that size or more (headlines, figures, the title) is large enough and stays put.
        """
        scale = self.access.text_scale
        return self.px(max(value, min(value * scale, LARGE_TYPE_PX)) if scale > 1 else value)

    @property
    def touch(self) -> int:
        """Smallest touch target (96 px at 1080p)."""
        return self.px(96)

    @property
    def margin(self) -> int:
        return self.px(56)

    @property
    def gap(self) -> int:
        return self.px(28)

    @property
    def page_top(self) -> int:
        """Where a page's content starts: under the header's buttons and their margins."""
        return self.touch + 2 * self.px(24)

    @property
    def page_bottom(self) -> int:
        """Room a page leaves at its foot for the page dots' touch row."""
        return self.touch

    @property
    def radius(self) -> int:
        return self.px(24)

    @property
    def tap_slop(self) -> int:
        """How far a finger may move and still tap."""
        return self.px(24)

    def reading_minimum(self, pixel_size: int) -> int:
        """The smallest size a text set at ``pixel_size`` may shrink to and stay readable from
        a step back: body size for body text and larger, else the secondary size."""
        body = self.text_px(BODY_PX)
        return min(pixel_size, body if pixel_size >= body else self.text_px(SECONDARY_PX))

    def font(self, role: str, lang: Language) -> QFont:
        size, bold = TYPE_SCALE[role]
        font = QFont()
        font.setFamilies(FAMILIES[lang])
        font.setPixelSize(self.text_px(size))
        font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def stylesheet(self) -> str:
        """The application style sheet: ``resources/styles/kiosk.qss`` filled from this theme."""
        template = (resources_dir() / "styles" / "kiosk.qss").read_text(encoding="utf-8")
        values = {f"color.{k}": v for k, v in vars(self.palette).items()}
        values |= {"radius": f"{self.radius}px", "touch": f"{self.touch}px"}
        for key, value in values.items():
            template = template.replace("{" + key + "}", str(value))
        return template
