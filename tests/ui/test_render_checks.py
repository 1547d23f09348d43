"""The self-test's proofs: an SVG renders, a pyqtgraph chart draws, Chinese has real glyphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont

from kiosk.app import application
from kiosk.ui.tools.render_checks import (
    CJK_SAMPLES,
    check_chart,
    check_cjk,
    check_svg,
    run_render_checks,
)


@pytest.fixture
def qapp(qapp):  # the kiosk's application: the shipped fonts registered
    return application()


def test_everything_renders_with_the_shipped_fonts_and_artwork(qapp) -> None:
    report, errors = run_render_checks()
    assert errors == []
    assert report["svg_pixels"] > 100 and report["svg_plugin"] and report["jpeg"]
    assert report["chart_pixels"] > 100
    assert set(report["cjk"]) == set(CJK_SAMPLES)
    for lang, (family, _) in CJK_SAMPLES.items():
        assert report["cjk"][lang]["font"] == family


def test_a_character_outside_the_font_fails(qapp) -> None:
    _, errors = check_cjk({"zh-Hans": ("Kiosk Sans SC", "深圳\U00020000")})  # CJK ext. B
    assert len(errors) == 1 and "\U00020000" in errors[0]


def test_a_font_that_is_not_loaded_fails(qapp) -> None:
    _, errors = check_cjk({"zh-Hans": ("No Such Font CJK", "深圳")})
    assert any("not loaded" in e for e in errors)


@pytest.mark.qt_log_ignore("Cannot read file")
def test_an_svg_that_cannot_render_fails(qapp, tmp_path: Path) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg xmlns='http://www.w3.org/2000/svg'", encoding="utf-8")
    report, errors = check_svg(broken)
    assert report["svg_pixels"] == 0 and not report["svg_plugin"]
    assert any("rendered nothing" in e for e in errors)


def test_the_chart_check_sees_the_bars(qapp) -> None:
    report, errors = check_chart()
    assert errors == [] and report["chart_pixels"] > 100


def test_every_theme_font_is_a_shipped_face_even_beside_a_system_noto(qapp) -> None:
    """The shipped subsets have a family of their own: a system with the full Noto Sans CJK
    (Ubuntu's desktop) must not have Qt pick its 20 MB collections for our text."""
    from PySide6.QtGui import QFontDatabase, QFontInfo

    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.theme import FAMILIES

    shipped = set(register_fonts())
    assert shipped == {"Kiosk Sans Latin", "Kiosk Sans Quotes", "Kiosk Sans SC", "Kiosk Sans TC"}
    assert not shipped & {f for f in QFontDatabase.families() if f.startswith("Noto")}
    for lang, families in FAMILIES.items():
        font = QFont()
        font.setFamilies(families)
        font.setPixelSize(40)
        assert QFontInfo(font).family() == families[0], lang


def test_english_punctuation_is_set_at_its_own_width_not_a_chinese_one(qapp) -> None:
    """The CJK faces draw · “ ” ’ full-width: in English, "Hangzhou · Digital Economy" got a
    dot as wide as a character. English text is set in the Latin face; its letters are the CJK
    face's own, so no English line is wider or taller than before."""
    from PySide6.QtGui import QFontMetricsF

    from kiosk.ui.theme import Theme

    theme = Theme()
    english, chinese = (QFontMetricsF(theme.font("title", lang)) for lang in ("en", "zh-Hans"))
    em = chinese.horizontalAdvance("中")
    for mark in ("·", "“", "”", "’", "‘"):
        assert english.horizontalAdvance(mark) < 0.6 * em, mark
    assert chinese.horizontalAdvance("·") == em  # the Chinese separator keeps its full width
    words = "Shenzhen, City of AI 2024"
    assert english.horizontalAdvance(words) == chinese.horizontalAdvance(words)
    assert english.height() == chinese.height()


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant"])
def test_nested_chinese_quotes_leave_no_hole(qapp, lang) -> None:
    """The CJK faces draw curly quotes full-width: "‘小脑’‘四肢’，" showed a whole empty
    character between the closing and the next quote, and before the comma. Chinese text takes
    its quotes from the quotes face: a pair of quotes is narrower than one character, the
    characters and the line height are the CJK face's own."""
    from PySide6.QtGui import QFontMetricsF

    from kiosk.ui.theme import Theme

    theme = Theme()
    font = theme.font("body", lang)
    metrics = QFontMetricsF(font)
    em = metrics.horizontalAdvance("中")
    assert metrics.horizontalAdvance("’‘") < em
    assert metrics.horizontalAdvance("’，") < 1.5 * em
    plain = QFont(font)
    plain.setFamilies(font.families()[1:])
    assert metrics.height() == QFontMetricsF(plain).height()
    assert metrics.horizontalAdvance("深圳大脑") == QFontMetricsF(plain).horizontalAdvance(
        "深圳大脑"
    )
