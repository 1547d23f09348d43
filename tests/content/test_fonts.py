"""Every character visitors may see is in the shipped fonts (no empty boxes on the kiosk)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from kiosk import paths
from kiosk.content import Severity, load_content
from kiosk.i18n import LANGUAGES, format_growth, format_money_cny_100m, format_number
from tests.helpers import BUNDLED, REPO
from tests.helpers.content import describe, one, set_cell

FONTS = REPO / "resources" / "fonts"
RARE = "\U00020000"  # 𠀀, CJK Extension B: not in GB2312 nor Big5


@cache
def font_cmap() -> frozenset[int]:
    """Code points the shipped faces cover together, read from the fonts themselves."""
    faces = sorted(FONTS.glob("*.otf"))
    assert faces, f"no fonts in {FONTS}"
    points: set[int] = set()
    for face in faces:
        font = TTFont(str(face), lazy=True)
        try:
            points |= set(font.getBestCmap())
        finally:
            font.close()
    return frozenset(points)


def lacking(text: str) -> str:
    covered = font_cmap()
    return "".join(sorted({c for c in text if c.isprintable() and ord(c) not in covered}))


def content_files() -> list[Path]:
    return sorted(p for p in BUNDLED.rglob("*") if p.suffix in {".csv", ".toml"})


def test_fonts_cover_every_character_of_the_bundled_content() -> None:
    files = content_files()
    assert {p.name for p in files} >= {"config.toml", "figures.csv", "strings.csv"}

    missing = {p.name: lacking(p.read_text(encoding="utf-8-sig")) for p in files}

    missing = {name: chars for name, chars in missing.items() if chars}
    assert missing == {}, ", ".join(
        f"{name}: " + " ".join(f"{c} U+{ord(c):04X}" for c in chars)
        for name, chars in missing.items()
    )


def test_coverage_file_matches_the_fonts() -> None:
    """``coverage.txt`` (read at run time, no font library) is what the fonts really hold."""
    assert paths.font_coverage() == font_cmap()


def test_missing_glyphs() -> None:
    assert paths.missing_glyphs("深圳") == ""
    assert paths.missing_glyphs("深圳·AI之城，從這裡出發 CNY 368.5 billion") == ""
    assert paths.missing_glyphs(f"深圳{RARE}") == RARE
    assert paths.missing_glyphs(f"{RARE}a{RARE}\n") == RARE  # once, controls ignored


def test_loading_with_a_character_the_fonts_lack_is_a_warning(content_dir: Path) -> None:
    row = set_cell(
        content_dir, "figures.csv", "robot_unicorns_2024", "label_zh-Hans", f"机器人{RARE}"
    )

    content = load_content(content_dir, paths.missing_glyphs)

    assert content.errors == (), describe(content.problems)
    problem = one(content, "figures.csv", "fonts")
    assert problem.severity is Severity.WARNING
    assert (problem.row, problem.column) == (row, "H")
    assert RARE in problem.message
    assert content.figures["robot_unicorns_2024"].label.zh_hans == f"机器人{RARE}"


def test_bundled_content_has_no_font_warnings() -> None:
    content = load_content(BUNDLED, paths.missing_glyphs)

    assert content.problems == (), describe(content.problems)


def test_formatted_figures_use_only_shipped_glyphs() -> None:
    content = load_content(BUNDLED)
    for figure in content.figures.values():
        for lang in LANGUAGES:
            for text in (
                content.format_figure(figure, lang),
                content.format_growth(figure, lang),
                content.format_source(figure.source, lang),
            ):
                assert lacking(text) == "", (figure.id, lang, text)


@pytest.mark.parametrize("percent", ["22.6", "0", "-3.5"])
def test_growth_signs_are_in_the_fonts(percent: str) -> None:
    """Growth is shown with a sign: +, ± or a minus; each must be a glyph visitors can see."""
    for lang in LANGUAGES:
        text = format_growth(Decimal(percent), 1, lang)
        assert lacking(text) == "", f"{text!r}: the fonts lack {lacking(text)!r}"


def test_number_formats_are_in_the_fonts() -> None:
    for lang in LANGUAGES:
        for value in ("3685", "12500", "-12.5"):
            assert lacking(format_money_cny_100m(Decimal(value), 1, lang)) == ""
            assert lacking(format_number(Decimal(value), 1, lang)) == ""
