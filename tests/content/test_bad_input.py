"""Broken content: every mistake is reported where a curator finds it, and the rest still loads."""

from __future__ import annotations

import csv
import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import Severity, load_content
from kiosk.content.images import MAX_PIXELS_PER_SIDE, check_image
from kiosk.content.tables import parse_number
from kiosk.paths import interface_dir
from tests.helpers import EXHIBIT
from tests.helpers.content import (
    append_rows,
    cells,
    delete_row,
    describe,
    find,
    lines,
    load,
    one,
    read,
    replace_text,
    row_of,
    set_cell,
    write,
)

FIGURES = "figures.csv"
BUNDLED_FIGURES = load_content(EXHIBIT).figures


def assert_only_dropped(figures: dict, *dropped: str) -> None:
    """Every bundled figure but ``dropped`` is still there, unchanged."""
    assert set(figures) == set(BUNDLED_FIGURES) - set(dropped)
    for fid, figure in figures.items():
        assert figure == BUNDLED_FIGURES[fid], fid


# --- columns --------------------------------------------------------------------------------


def test_renamed_column_is_missing_and_unknown_one_is_a_warning(content_dir: Path) -> None:
    header = read(content_dir, FIGURES).splitlines()[0]
    replace_text(content_dir, FIGURES, header, header.replace(",value,", ",valeur,"))

    content = load(content_dir)

    missing = one(content, FIGURES, "'value'")
    assert missing.is_error
    assert missing.row == 1
    assert "missing" in missing.message
    unknown = one(content, FIGURES, "'valeur'")
    assert unknown.severity is Severity.WARNING
    assert (unknown.row, unknown.column) == (1, "B")
    assert content.errors == (missing,), describe(content.problems)
    assert content.figures == {}
    assert content.pages and content.strings and content.units


def test_unused_extra_column_is_only_a_warning(content_dir: Path) -> None:
    text = read(content_dir, FIGURES).replace("\n", ",\n")
    write(content_dir, FIGURES, text.replace("hero,\n", "hero,notes\n", 1))

    content = load(content_dir)

    warning = one(content, FIGURES, "'notes'")
    assert warning.severity is Severity.WARNING
    assert (warning.row, warning.column) == (1, "L")
    assert content.errors == ()
    assert_only_dropped(content.figures)


def test_duplicated_column_is_an_error_not_an_exception(content_dir: Path) -> None:
    """A column copied twice in Excel (all required columns still present)."""
    text = read(content_dir, FIGURES)
    write(content_dir, FIGURES, "\n".join(line + ",x" for line in text.splitlines()) + "\n")
    replace_text(content_dir, FIGURES, "hero,x\n", "hero,growth\n")

    content = load(content_dir)

    problem = one(content, FIGURES, "'growth' appears twice")
    assert (problem.row, problem.column) == (1, "L")
    assert problem.is_error


# --- cells ----------------------------------------------------------------------------------


def test_non_number_value_is_an_error_at_its_cell(content_dir: Path) -> None:
    row = set_cell(content_dir, FIGURES, "robot_listed_2024", "value", "3,68x")
    assert '"3,68x"' in read(content_dir, FIGURES)

    content = load(content_dir)

    problem = one(content, FIGURES, "3,68x")
    assert problem.is_error
    assert (problem.file, problem.row, problem.column) == (FIGURES, row, "B")
    assert problem.message == '"3,68x" is not a number'
    assert content.errors == (problem,), describe(content.problems)
    assert_only_dropped(content.figures, "robot_listed_2024")


def test_non_number_growth_is_an_error_at_its_cell(content_dir: Path) -> None:
    row = set_cell(content_dir, FIGURES, "ai_core_output_2024", "growth", "45.7%")

    content = load(content_dir)

    problem = one(content, FIGURES, '"45.7%" is not a number')
    assert (problem.row, problem.column) == (row, "E")
    assert_only_dropped(content.figures, "ai_core_output_2024")


def test_duplicate_id_keeps_the_first(content_dir: Path) -> None:
    first = BUNDLED_FIGURES["ai_output_2024"]
    row = set_cell(content_dir, FIGURES, "robot_listed_2024", "id", "ai_output_2024")

    content = load(content_dir)

    problem = one(content, FIGURES, '"ai_output_2024"')
    assert problem.is_error
    assert (problem.row, problem.column) == (row, "A")
    assert "earlier row" in problem.message
    assert row > row_of(EXHIBIT, FIGURES, "ai_output_2024")
    assert content.figures["ai_output_2024"] == first
    assert_only_dropped(content.figures, "robot_listed_2024")


def test_invalid_id_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, FIGURES, "robot_listed_2024", "id", "robot listed")

    content = load(content_dir)

    problem = one(content, FIGURES, '"robot listed"')
    assert (problem.row, problem.column) == (row, "A")
    assert_only_dropped(content.figures, "robot_listed_2024")


@pytest.mark.parametrize(
    ("column", "letter", "value", "fragment"),
    [
        ("unit", "C", "bananas", 'unknown unit "bananas"'),
        ("source", "G", "nowhere", 'unknown source "nowhere"'),
        ("qualifier", "D", "maybe", '"maybe" is not one of: over, about, target'),
        ("period", "F", "2024-13", '"2024-13" is not a date'),
    ],
)
def test_bad_reference_or_choice_drops_the_figure(
    content_dir: Path, column: str, letter: str, value: str, fragment: str
) -> None:
    row = set_cell(content_dir, FIGURES, "robot_unicorns_2024", column, value)

    content = load(content_dir)

    problem = one(content, FIGURES, fragment)
    assert problem.is_error
    assert (problem.row, problem.column) == (row, letter)
    assert content.errors == (problem,), describe(content.problems)
    assert_only_dropped(content.figures, "robot_unicorns_2024")


def test_unit_without_placeholder_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, "units.csv", "scenarios", "en", "scenarios")

    content = load(content_dir)

    problem = one(content, "units.csv", "{value}")
    assert (problem.row, problem.column) == (row, "F")
    assert "en" in problem.message
    assert "scenarios" not in content.units
    dropped = [fid for fid, f in BUNDLED_FIGURES.items() if f.unit.id == "scenarios"]
    assert dropped
    assert_only_dropped(content.figures, *dropped)


@pytest.mark.parametrize(
    ("column", "letter", "lang"), [("label_en", "J", "en"), ("label_zh-Hant", "I", "zh-Hant")]
)
def test_missing_translation_is_an_error(
    content_dir: Path, column: str, letter: str, lang: str
) -> None:
    row = set_cell(content_dir, FIGURES, "robot_unicorns_2024", column, "")

    content = load(content_dir)

    problem = one(content, FIGURES, "empty")
    assert problem.is_error
    assert (problem.row, problem.column) == (row, letter)
    assert f"the {lang} text" in problem.message
    assert_only_dropped(content.figures, "robot_unicorns_2024")


def test_unknown_language_column_is_an_error(content_dir: Path) -> None:
    text = read(content_dir, FIGURES)
    write(content_dir, FIGURES, "\n".join(line + ",x" for line in text.splitlines()) + "\n")
    replace_text(content_dir, FIGURES, "hero,x\n", "hero,label_fr\n")

    content = load(content_dir)

    problem = one(content, FIGURES, "unknown language code 'fr'")
    assert problem.is_error
    assert (problem.row, problem.column) == (1, "L")
    assert "label_fr" in problem.message


def test_html_is_a_warning_and_kept_as_typed(content_dir: Path) -> None:
    label = "<b>Bold</b> robots"
    caption = 'Robots <img src=x onerror="alert(1)">'
    figure_row = set_cell(content_dir, FIGURES, "robot_unicorns_2024", "label_en", label)
    page_row = set_cell(content_dir, "pages.csv", "robots", "caption_zh-Hans", caption)

    content = load(content_dir)

    assert content.errors == (), describe(content.problems)
    on_figure = one(content, FIGURES, "HTML")
    assert on_figure.severity is Severity.WARNING
    assert (on_figure.row, on_figure.column) == (figure_row, "J")
    on_page = one(content, "pages.csv", "HTML")
    assert on_page.severity is Severity.WARNING
    assert (on_page.row, on_page.column) == (page_row, "G")
    assert content.figures["robot_unicorns_2024"].label.en == label
    assert content.pages["robots"].caption.zh_hans == caption


def test_angle_brackets_that_are_not_tags_are_no_warning(content_dir: Path) -> None:
    set_cell(content_dir, FIGURES, "robot_unicorns_2024", "label_en", "Robots < 5 years old > 3")

    content = load(content_dir)

    assert content.problems == (), describe(content.problems)


# --- images ---------------------------------------------------------------------------------


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + crc


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("images/pages/nothing.svg", 'image "images/pages/nothing.svg" is missing'),
        ("../../etc/passwd.svg", "outside"),
        ("/etc/passwd.svg", "absolute"),
        ("images/pages/robots.gif", "use SVG, PNG or JPEG"),
    ],
)
def test_bad_image_path_is_an_error_and_the_page_stays(
    content_dir: Path, path: str, fragment: str
) -> None:
    row = set_cell(content_dir, "pages.csv", "robots", "icon", path)

    content = load(content_dir)

    problem = one(content, "pages.csv", fragment)
    assert problem.is_error
    assert (problem.row, problem.column) == (row, "B")
    assert content.errors == (problem,), describe(content.problems)
    assert content.pages["robots"].icon is None
    assert content.pages["robots"].title == load_content(EXHIBIT).pages["robots"].title


def test_svg_that_does_not_parse_is_an_error(content_dir: Path) -> None:
    (content_dir / "images/pages/broken.svg").write_text("<svg><g></svg", encoding="utf-8")
    row = set_cell(content_dir, "pages.csv", "robots", "backdrop", "images/pages/broken.svg")

    content = load(content_dir)

    problem = one(content, "pages.csv", "broken.svg")
    assert "not a valid SVG" in problem.message
    assert (problem.row, problem.column) == (row, "C")
    assert content.pages["robots"].backdrop is None
    assert content.pages["robots"].icon is not None


def test_xml_that_is_not_svg_is_an_error(content_dir: Path) -> None:
    (content_dir / "images/pages/page.svg").write_text("<html></html>", encoding="utf-8")
    set_cell(content_dir, "pages.csv", "robots", "icon", "images/pages/page.svg")

    content = load(content_dir)

    assert "is not an SVG image" in one(content, "pages.csv", "page.svg").message


def test_huge_png_is_an_error_without_decoding_it(content_dir: Path) -> None:
    (content_dir / "images/pages/huge.png").write_bytes(_png_header(20000, 20000))
    row = set_cell(content_dir, "pages.csv", "robots", "icon", "images/pages/huge.png")

    tracemalloc.start()
    try:
        content = load(content_dir)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    problem = one(content, "pages.csv", "huge.png")
    assert (problem.row, problem.column) == (row, "B")
    assert "20000x20000" in problem.message
    assert "4096" in problem.message
    assert peak < 50 * 2**20  # 20000x20000 RGBA would be 1.6 GB
    assert content.pages["robots"].icon is None


def test_png_and_jpeg_within_the_limit_are_accepted(content_dir: Path) -> None:
    side = MAX_PIXELS_PER_SIDE
    (content_dir / "images/pages/ok.png").write_bytes(_png_header(side, 300))
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 200, 640, 3) + b"\0" * 6
    (content_dir / "images/pages/ok.jpg").write_bytes(b"\xff\xd8" + sof + b"\xff\xd9")

    png, png_error = check_image(content_dir, "images/pages/ok.png")
    jpg, jpg_error = check_image(content_dir, "images/pages/ok.jpg")

    assert (png_error, jpg_error) == (None, None)
    assert png == (content_dir / "images/pages/ok.png").resolve()
    assert jpg == (content_dir / "images/pages/ok.jpg").resolve()


def test_unreadable_png_is_an_error(content_dir: Path) -> None:
    (content_dir / "images/pages/bad.png").write_bytes(b"\x89PNG\r\n")

    path, error = check_image(content_dir, "images/pages/bad.png")

    assert path is None
    assert error is not None and "not a readable PNG or JPEG" in error


# --- config.toml ----------------------------------------------------------------------------


def _config_line(folder: Path, key: str) -> int:
    for number, line in enumerate(read(folder, "config.toml").splitlines(), start=1):
        if line.lstrip().startswith(f"{key} ="):
            return number
    raise AssertionError(f"config.toml has no {key}")


def test_unknown_default_language_falls_back(content_dir: Path) -> None:
    line = _config_line(content_dir, "default_language")
    replace_text(
        content_dir, "config.toml", 'default_language = "zh-Hans"', 'default_language = "fr"'
    )

    content = load(content_dir)

    problem = one(content, "config.toml", "unknown language code 'fr'")
    assert problem.is_error
    assert problem.row == line
    assert "zh-Hans" in problem.message
    assert content.settings.default_language == "zh-Hans"
    assert content.settings.page_order == load_content(EXHIBIT).settings.page_order


def test_malformed_config_uses_defaults(content_dir: Path) -> None:
    order = read(content_dir, "config.toml").splitlines()[_config_line(content_dir, "order") - 1]
    replace_text(content_dir, "config.toml", order, "order = [")

    content = load(content_dir)

    [problem] = find(content, "config.toml", "using default settings")
    assert problem.is_error
    assert isinstance(problem.row, int) and problem.row >= _config_line(content_dir, "order")
    assert content.settings.page_order == ("home",)
    assert content.settings.version == "unversioned"
    assert_only_dropped(content.figures)


def test_malformed_config_at_the_end_still_has_a_line_number(content_dir: Path) -> None:
    """A config cut short (the last line is ``order = [``): the error still points at a line."""
    write(content_dir, "config.toml", '[exhibition]\nversion = "x"\n\n[pages]\norder = [\n')

    content = load(content_dir)

    [problem] = find(content, "config.toml", "using default settings")
    assert problem.row is not None, str(problem)
    assert problem.row >= 5
    assert content.settings.page_order == ("home",)


def test_bad_timing_is_an_error_and_uses_the_default(content_dir: Path) -> None:
    line = _config_line(content_dir, "reset_after")
    replace_text(content_dir, "config.toml", "reset_after = 120", 'reset_after = "soon"')

    content = load(content_dir)

    problem = one(content, "config.toml", "timing.reset_after")
    assert problem.row == line
    assert "'soon'" in problem.message
    assert content.settings.reset_after == 120.0


def test_unknown_setting_is_a_warning(content_dir: Path) -> None:
    replace_text(
        content_dir, "config.toml", "reset_after = 120", "sleep_after = 5\nreset_after = 120"
    )

    content = load(content_dir)

    problem = one(content, "config.toml", "timing.sleep_after")
    assert problem.severity is Severity.WARNING
    assert problem.row == _config_line(content_dir, "sleep_after")
    assert content.errors == ()


def _set_order(folder: Path, order: str) -> int:
    line = _config_line(folder, "order")
    old = read(folder, "config.toml").splitlines()[line - 1]
    replace_text(folder, "config.toml", old, f"order = {order}")
    return line


def test_page_order_is_corrected_to_start_with_home(content_dir: Path) -> None:
    line = _set_order(content_dir, '["figures", "home", "robots"]')

    content = load(content_dir)

    problem = one(content, "config.toml", "must start with 'home'")
    assert problem.is_error
    assert problem.row == line
    assert content.settings.page_order == ("home", "figures", "robots")
    assert [p.id for p in content.ordered_pages()] == ["home", "figures", "robots"]


def test_page_order_without_home_gets_home_first(content_dir: Path) -> None:
    line = _set_order(content_dir, '["figures", "robots"]')

    content = load(content_dir)

    problem = one(content, "config.toml", "must start with 'home'")
    assert problem.row == line
    assert content.settings.page_order[0] == "home"


def test_unknown_and_repeated_pages_are_errors_and_skipped(content_dir: Path) -> None:
    line = _set_order(content_dir, '["home", "figures", "kitchen", "figures"]')

    content = load(content_dir)

    unknown = one(content, "config.toml", "'kitchen'")
    assert unknown.row == line
    assert "known pages" in unknown.message
    assert one(content, "config.toml", "listed twice").row == line
    assert content.settings.page_order == ("home", "figures")


def test_page_with_invalid_row_leaves_the_order(content_dir: Path) -> None:
    _set_order(content_dir, '["home", "figures", "robots"]')
    row = set_cell(content_dir, "pages.csv", "robots", "title_en", "")

    content = load(content_dir)

    assert (one(content, "pages.csv", "the en text").row) == row
    assert "no valid row" in one(content, "config.toml", "'robots'").message
    assert content.settings.page_order == ("home", "figures")


# --- strings.csv ----------------------------------------------------------------------------


def test_without_the_interface_words_a_missing_key_is_an_error_naming_it(content_dir: Path):
    delete_row(content_dir, "strings.csv", "nav.home")

    content = load(content_dir)

    problem = one(content, "strings.csv", "nav.home")
    assert problem.is_error
    assert "missing" in problem.message
    assert content.errors == (problem,), describe(content.problems)
    assert content.string("nav.home", "en") == ""  # a visitor never reads a key
    assert (
        content.string("chart.replay", "en") == cells(EXHIBIT, "strings.csv", "chart.replay")["en"]
    )


def test_template_without_its_placeholder_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, "strings.csv", "qualifier.over", "en", "over")

    content = load(content_dir)

    problem = one(content, "strings.csv", "{text}")
    assert problem.is_error
    assert (problem.row, problem.column) == (row, "D")
    assert "en" in problem.message
    assert "qualifier.over" not in content.strings


def test_parse_number_is_what_the_loader_uses() -> None:
    """Every bundled value is typed the way parse_number reads it."""
    for fid, figure in BUNDLED_FIGURES.items():
        typed = cells(EXHIBIT, FIGURES, fid)["value"]
        assert parse_number(typed) == figure.number


def test_an_exhibition_need_not_word_the_interface(content_dir: Path, capsys) -> None:
    """The product's interface words stand in for every interface key a folder leaves out:
    no problem at all, and never the bundled exhibition's words."""
    with (interface_dir() / "strings.csv").open(encoding="utf-8") as stream:
        product = {row["key"]: row for row in csv.DictReader(stream)}
    for key in ("admin.title", "nav.home", "chain.notes"):
        delete_row(content_dir, "strings.csv", key)

    content = load_content(content_dir, interface=interface_dir())

    assert content.problems == (), describe(content.problems)
    for key in ("admin.title", "nav.home", "chain.notes"):
        assert content.string(key, "en") == product[key]["en"]
    assert content.string("chain.notes", "en") == "Key points"  # not the exhibit's own heading
    assert main(["--validate", "--content", str(content_dir)]) == 0
    assert "missing" not in capsys.readouterr().out


@pytest.mark.parametrize("key", ["app.title", "app.subtitle"])
def test_the_exhibition_s_own_texts_are_required_by_name(content_dir: Path, key: str, capsys):
    delete_row(content_dir, "strings.csv", key)
    content = load_content(content_dir, interface=interface_dir())
    problem = one(content, "strings.csv", key)
    assert problem.is_error and "the exhibition's" in problem.message
    assert content.string(key, "en") == ""  # a visitor reads nothing, not another exhibition
    assert main(["--validate", "--content", str(content_dir)]) == 1
    assert f"key '{key}' is missing" in capsys.readouterr().out


def test_a_key_the_kiosk_does_not_show_is_a_warning_on_its_row(content_dir: Path) -> None:
    append_rows(content_dir, "strings.csv", "app.titel,标题,標題,Title")
    content = load_content(content_dir, interface=interface_dir())
    problem = one(content, "strings.csv", "app.titel")
    assert not problem.is_error and "typo" in problem.message
    assert problem.row == len(lines(content_dir, "strings.csv")) and problem.column == "A"
