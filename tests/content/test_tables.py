"""Reading curators' CSV files: numbers, encodings, blank and malformed rows, Excel addresses."""

from __future__ import annotations

import codecs
import re
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.content import Problem, Severity, load_content
from kiosk.content.errors import column_letter
from kiosk.content.tables import ROW, parse_number, read_table
from tests.helpers import EXHIBIT
from tests.helpers.content import (
    cells,
    describe,
    load,
    one,
    read,
    replace_text,
    row_of,
    set_cell,
    write,
)

# --- parse_number --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("74,032", Decimal(74032), 0),
        ("７４０３２", Decimal(74032), 0),  # full-width digits
        ("７４，０３２", Decimal(74032), 0),  # full-width digits and comma
        (" 12.58 ", Decimal("12.58"), 2),
        ("-3", Decimal(-3), 0),
        ("1,234.5", Decimal("1234.5"), 1),
        ("1,234,567", Decimal(1234567), 0),
        ("20.50", Decimal("20.50"), 2),
        ("3685", Decimal(3685), 0),
        ("+22.6", Decimal("22.6"), 1),
    ],
)
def test_parse_number(text: str, value: Decimal, decimals: int) -> None:
    number = parse_number(text)

    assert number.value == value
    assert number.decimals == decimals


@pytest.mark.parametrize("text", ["1,23", "abc", "12.3.4", "", "3,68x", "1,2345", "45.7%"])
def test_parse_number_rejects_with_the_text_quoted(text: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(f'"{text}"') + " is not a number$"):
        parse_number(text)


@pytest.mark.parametrize(
    "text", ["12345678901234567890123456789", "1000000000000000", "22.1234567", "-0.00000001"]
)
def test_numbers_beyond_what_a_screen_shows_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="more digits than a screen shows"):
        parse_number(text)


@pytest.mark.parametrize("text", ["999999999999999", "0.123456", "-12,345,678,901,234.5", "007"])
def test_the_largest_and_finest_numbers_still_pass(text: str) -> None:
    assert parse_number(text).value


@pytest.mark.parametrize(
    ("column", "text"), [("value", "12345678901234567890123456789"), ("growth", "22." + "1" * 30)]
)
def test_validation_and_display_agree_on_huge_numbers(
    content_dir: Path, column: str, text: str
) -> None:
    """Such a value used to validate, then crash the formatter and the page (issue 17)."""
    from kiosk.i18n import LANGUAGES, format_growth, format_value

    key = next(iter(load(content_dir).figures))
    set_cell(content_dir, "figures.csv", key, column, text)
    content = load(content_dir)
    problem = one(content, "figures.csv", "more digits than a screen shows")
    assert problem.is_error and problem.row == row_of(content_dir, "figures.csv", key)
    for figure in content.figures.values():  # what is shown can be formatted, in every language
        for lang in LANGUAGES:
            number = figure.number
            format_value("money_cny_100m", number.value, number.decimals, lang)
            if figure.growth is not None:
                format_growth(figure.growth.value, figure.growth.decimals, lang)


# --- Excel addresses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")]
)
def test_column_letter(index: int, letter: str) -> None:
    assert column_letter(index) == letter


def test_problem_format() -> None:
    error = Problem("figures.csv", 7, "B", '"3,68x" is not a number')
    whole_file = Problem("figures.csv", None, None, "file is missing")
    warning = Problem("pages.csv", 3, "H", "looks like HTML", Severity.WARNING)

    assert error.format("/srv/content/") == '/srv/content/figures.csv:7:B: "3,68x" is not a number'
    assert str(whole_file) == "figures.csv:-:-: file is missing"
    assert warning.format() == "pages.csv:3:H: warning: looks like HTML"
    assert error.is_error and not warning.is_error


def test_read_table_keeps_excel_rows_and_letters() -> None:
    table, problems = read_table(EXHIBIT, "figures.csv")

    assert problems == []
    assert table is not None
    assert table.letter("id") == "A"
    assert table.letter("value") == "B"
    assert table.letter("label_en") == "J"
    assert table.letter("nothing") == "-"
    first = table.frame.iloc[0]
    assert first[ROW] == 2
    assert first["id"] == read(EXHIBIT, "figures.csv").splitlines()[1].split(",")[0]
    # cells stay text as typed, never guessed as numbers
    assert all(isinstance(cell, str) for cell in table.frame["value"])
    assert all(isinstance(cell, str) for cell in table.frame["growth"])


# --- encodings ------------------------------------------------------------------------------


def test_utf8_bom_loads_without_any_problem(content_dir: Path) -> None:
    text = read(content_dir, "figures.csv")
    (content_dir / "figures.csv").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))

    content = load(content_dir)

    assert content.problems == (), describe(content.problems)
    assert content.figures == load_content(EXHIBIT).figures


@pytest.mark.parametrize("name", ["strings.csv", "figures.csv"])
def test_gb18030_loads_with_one_warning(content_dir: Path, name: str) -> None:
    text = read(content_dir, name)
    write(content_dir, name, text, encoding="gb18030")
    bundled = load_content(EXHIBIT)

    content = load(content_dir)

    assert content.errors == (), describe(content.problems)
    assert len(content.problems) == 1, describe(content.problems)
    warning = content.problems[0]
    assert warning.severity is Severity.WARNING
    assert (warning.file, warning.row, warning.column) == (name, None, None)
    assert "GB18030" in warning.message
    assert content.strings == bundled.strings
    assert content.figures == bundled.figures


def test_utf16_is_an_error_asking_for_csv_utf8(content_dir: Path) -> None:
    write(content_dir, "figures.csv", read(content_dir, "figures.csv"), encoding="utf-16")

    content = load(content_dir)

    problem = one(content, "figures.csv", "UTF-16")
    assert problem.is_error
    assert "CSV UTF-8" in problem.message
    assert content.figures == {}
    assert content.pages and content.strings


def test_bytes_neither_utf8_nor_gb18030_are_an_error(content_dir: Path) -> None:
    raw = b"id,value\n\x80\x80\x80\xff\n"
    for encoding in ("utf-8", "gb18030"):  # the test's premise
        with pytest.raises(UnicodeDecodeError):
            raw.decode(encoding)
    (content_dir / "figures.csv").write_bytes(raw)

    content = load(content_dir)

    problem = one(content, "figures.csv", "neither UTF-8 nor GB18030")
    assert problem.is_error
    assert problem.row == 2
    assert "0x80" in problem.message
    assert "CSV UTF-8" in problem.message
    assert content.figures == {}


def test_crlf_line_endings_load_cleanly(content_dir: Path) -> None:
    raw = (content_dir / "figures.csv").read_bytes()
    (content_dir / "figures.csv").write_bytes(raw.replace(b"\n", b"\r\n"))

    content = load(content_dir)

    assert content.problems == (), describe(content.problems)
    assert content.figures == load_content(EXHIBIT).figures


def test_empty_file_is_an_error_at_the_header(content_dir: Path) -> None:
    write(content_dir, "figures.csv", "")

    content = load(content_dir)

    problem = one(content, "figures.csv", "header row is missing")
    assert problem.row == 1
    assert content.figures == {}


# --- rows -----------------------------------------------------------------------------------


def test_blank_rows_are_ignored_and_keep_excel_row_numbers(content_dir: Path) -> None:
    count = len(load_content(EXHIBIT).figures)
    second = read(content_dir, "figures.csv").splitlines()[2].split(",")[0]
    # a blank line, a row of empty cells and a blank line before the second figure
    replace_text(content_dir, "figures.csv", f"\n{second},", f"\n\n,,,,,\n  , \n\n{second},")
    row = set_cell(content_dir, "figures.csv", "robot_listed_2024", "value", "3x4")
    assert row == row_of(EXHIBIT, "figures.csv", "robot_listed_2024") + 4

    content = load(content_dir)

    problem = one(content, "figures.csv", '"3x4" is not a number')
    assert (problem.row, problem.column) == (row, "B")
    assert content.errors == (problem,), describe(content.problems)
    assert len(content.figures) == count - 1
    assert "robot_listed_2024" not in content.figures


def test_multiline_cell_is_one_excel_row(content_dir: Path) -> None:
    set_cell(content_dir, "figures.csv", "ai_output_2024", "label_en", "AI industry\noutput")
    row = row_of(EXHIBIT, "figures.csv", "robot_listed_2024")
    set_cell(content_dir, "figures.csv", "robot_listed_2024", "value", "3x4")

    content = load(content_dir)

    problem = one(content, "figures.csv", '"3x4" is not a number')
    assert (problem.row, problem.column) == (row, "B")
    assert content.figures["ai_output_2024"].label.en == "AI industry\noutput"


def test_row_with_too_many_cells_is_an_error_and_others_load(content_dir: Path) -> None:
    count = len(load_content(EXHIBIT).figures)
    label = cells(content_dir, "figures.csv", "robot_unicorns_2024")["label_en"]
    assert "," not in label
    row = row_of(content_dir, "figures.csv", "robot_unicorns_2024")
    replace_text(content_dir, "figures.csv", f",{label},\n", ",Robot, unicorns,no\n")

    content = load(content_dir)

    problem = one(content, "figures.csv", "double quotes")
    assert (problem.row, problem.column) == (row, "L")  # the first cell past the header
    assert "12 cells" in problem.message and "11" in problem.message
    assert content.errors == (problem,), describe(content.problems)
    assert "robot_unicorns_2024" not in content.figures
    assert len(content.figures) == count - 1


def test_quoted_comma_stays_in_one_cell(content_dir: Path) -> None:
    set_cell(content_dir, "figures.csv", "robot_unicorns_2024", "label_en", "Robot, unicorns")

    content = load(content_dir)

    assert content.problems == (), describe(content.problems)
    assert content.figures["robot_unicorns_2024"].label.en == "Robot, unicorns"


def test_cells_are_trimmed(content_dir: Path) -> None:
    set_cell(content_dir, "figures.csv", "robot_unicorns_2024", "unit", "  companies ")
    set_cell(content_dir, "figures.csv", "robot_unicorns_2024", "label_en", " Robot unicorns  ")

    content = load(content_dir)

    assert content.problems == (), describe(content.problems)
    figure = content.figures["robot_unicorns_2024"]
    assert figure.unit.id == "companies"
    assert figure.label.en == "Robot unicorns"


@pytest.mark.parametrize("header", ["_row", "\\0row", "row"])
def test_a_header_named_like_the_loader_s_row_column_is_just_an_unused_column(
    content_dir: Path, header: str
) -> None:
    text = read(content_dir, "figures.csv")
    first, rest = text.split("\n", 1)
    body = "\n".join(f"{line}," if line else line for line in rest.split("\n"))
    write(content_dir, "figures.csv", f"{first},{header}\n{body}")
    content = load(content_dir)
    assert not content.errors, [p.format() for p in content.errors]
    unused = one(content, "figures.csv", f"column '{header}' is not used")
    assert unused.row == 1 and unused.column == column_letter(first.count(",") + 1)
    assert len(content.figures) == len(load(EXHIBIT).figures)
    # rows are still numbered as Excel shows them
    key = next(iter(content.figures))
    set_cell(content_dir, "figures.csv", key, "value", "3,68x")
    problem = one(load(content_dir), "figures.csv", "is not a number")
    assert problem.row == row_of(content_dir, "figures.csv", key)
