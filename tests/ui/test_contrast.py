"""Contrast of every text colour on every ground it is set on, from the theme's colours (WCAG
2.2 AA: 4.5:1; the high-contrast theme AAA: 7:1), and of the words the kiosk dims on purpose."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from kiosk.ui.shell.overlays import CLOSED_BODY_ALPHA, CLOSED_TITLE_ALPHA
from kiosk.ui.theme import (
    AAA,
    HIGH_CONTRAST,
    TEXT_COLORS,
    TEXT_GROUNDS,
    Palette,
    contrast,
    over,
)

AA = 4.5


def test_the_ratio_is_wcag_s() -> None:
    assert contrast(QColor("#000000"), QColor("#FFFFFF")) == pytest.approx(21.0)
    assert contrast(QColor("#777777"), QColor("#FFFFFF")) == pytest.approx(4.48, abs=0.01)
    half = QColor("#FFFFFF")
    half.setAlphaF(0.5)  # blended over black: #808080
    assert contrast(half, QColor("#000000")) == pytest.approx(5.28, abs=0.02)


@pytest.mark.parametrize("ground", TEXT_GROUNDS)
@pytest.mark.parametrize("text", TEXT_COLORS)
def test_every_text_colour_reads_on_every_ground(text: str, ground: str) -> None:
    palette = Palette()
    ratio = contrast(palette.color(text), palette.color(ground))
    assert ratio >= AA, f"{text} on {ground}: {ratio:.2f}:1"


def test_the_closed_screen_s_dimmed_words_still_read() -> None:
    dim, black = Palette().color("text_dim"), QColor("#000000")
    for alpha in (CLOSED_TITLE_ALPHA, CLOSED_BODY_ALPHA):
        dim.setAlphaF(alpha)
        assert contrast(dim, black) >= AA, alpha


@pytest.mark.parametrize("ground", TEXT_GROUNDS)
@pytest.mark.parametrize("text", TEXT_COLORS)
def test_the_high_contrast_theme_reads_at_7_to_1(text: str, ground: str) -> None:
    ratio = contrast(HIGH_CONTRAST.color(text), HIGH_CONTRAST.color(ground))
    assert ratio >= AAA, f"{text} on {ground}: {ratio:.2f}:1"


def test_a_value_over_its_chart_track_reads_at_7_to_1_in_high_contrast() -> None:
    """A bar's value may stand over the faint track of its scale (``line`` at 0.45 on the
    card's ``surface``): in the high-contrast theme that must read at 7:1 too."""
    track = HIGH_CONTRAST.color("line", 0.45)
    ground = over(track, HIGH_CONTRAST.color("surface"))
    for text in ("accent", "warm"):
        assert contrast(HIGH_CONTRAST.color(text), ground) >= AAA, text
