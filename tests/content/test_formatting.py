"""How figures read in each language: the model's format_* and the i18n functions behind them."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.content import Content, load_content
from kiosk.i18n import (
    date_year,
    fill,
    format_count,
    format_date,
    format_growth,
    format_money_cny_100m,
    format_number,
    format_value,
    parse_language,
)
from tests.helpers import SECOND
from tests.helpers.content import (
    append_rows,
    describe,
    find,
    load,
    one,
    read,
    replace_row,
    write,
)

# id, value cell, unit, qualifier, growth cell: appended to a copy of the bundled figures.csv
ROWS = {
    "t_output": ('"3685"', "cny_100m", "", "22.6"),
    "t_trillion": ("10000", "cny_100m", "target", ""),
    "t_core": ("765", "cny_100m", "", "45.7"),
    "t_china": ("13069", "companies", "", ""),
    "t_grouped": ('"74,032"', "companies", "", ""),
    "t_fullwidth": ("７４０３２", "companies", "", ""),
    "t_over": ("2000", "companies", "over", ""),
    "t_decimals": ("12.58", "percent", "", "12.58"),
    "t_zeros": ("20.50", "percent", "about", ""),
    "t_falling": ("3685", "cny_100m", "", "-3.5"),
    "t_hundred_million": ("100000000", "companies", "over", ""),
}


@pytest.fixture
def content(content_dir: Path) -> Content:
    append_rows(
        content_dir,
        "figures.csv",
        *(
            f"{fid},{value},{unit},{qualifier},{growth},2024,time_weekly,测试,測試,Test"
            for fid, (value, unit, qualifier, growth) in ROWS.items()
        ),
    )
    loaded = load(content_dir)
    assert loaded.errors == (), describe(loaded.problems)
    assert set(ROWS) <= set(loaded.figures)
    return loaded


@pytest.mark.parametrize(
    ("figure_id", "zh_hans", "zh_hant", "en"),
    [
        ("t_output", "3685亿元", "3685億元", "CNY 368.5 billion"),
        ("t_trillion", "力争1万亿元", "力爭1萬億元", "aiming for CNY 1 trillion"),
        ("t_core", "765亿元", "765億元", "CNY 76.5 billion"),
        ("t_china", "13069家", "13069家", "13,069 companies"),
        ("t_grouped", "74032家", "74032家", "74,032 companies"),
        ("t_fullwidth", "74032家", "74032家", "74,032 companies"),
        ("t_over", "超过2000家", "超過2000家", "over 2,000 companies"),
        ("t_decimals", "12.58%", "12.58%", "12.58%"),
        ("t_zeros", "约20.50%", "約20.50%", "about 20.50%"),
    ],
)
def test_format_figure(content: Content, figure_id: str, zh_hans: str, zh_hant: str, en: str):
    figure = content.figures[figure_id]

    assert content.format_figure(figure, "zh-Hans") == zh_hans
    assert content.format_figure(figure, "zh-Hant") == zh_hant
    assert content.format_figure(figure, "en") == en


def test_ten_thousand_yi_reads_as_one_trillion(content: Content) -> None:
    figure = content.figures["t_trillion"]

    assert content.format_figure(figure, "zh-Hans") == "力争1万亿元"
    assert content.format_figure(figure, "en") == "aiming for CNY 1 trillion"


def test_decimals_are_kept_as_typed(content: Content) -> None:
    assert content.figures["t_decimals"].number.value == Decimal("12.58")
    assert content.figures["t_decimals"].number.decimals == 2
    assert content.figures["t_zeros"].number.decimals == 2
    assert content.figures["t_output"].number.decimals == 0


def test_format_figure_with_a_value_on_the_way(content: Content) -> None:
    """The count-up animation shows intermediate values with the figure's unit and decimals."""
    figure = content.figures["t_output"]

    assert content.format_figure(figure, "zh-Hans", Decimal("1200.4")) == "1200亿元"
    assert content.format_figure(figure, "en", Decimal("1200")) == "CNY 120 billion"


def test_format_growth(content: Content) -> None:
    figure = content.figures["t_output"]

    assert "+22.6%" in content.format_growth(figure, "zh-Hans")
    assert content.format_growth(figure, "zh-Hans") == "同比增长+22.6%"
    assert content.format_growth(figure, "zh-Hant") == "同比增長+22.6%"
    assert content.format_growth(figure, "en") == "+22.6% year on year"
    assert content.format_growth(content.figures["t_decimals"], "en").startswith("+12.58%")


def test_negative_growth_has_a_minus_sign(content: Content) -> None:
    text = content.format_growth(content.figures["t_falling"], "en")

    assert text.endswith("3.5% year on year")
    assert text[0] in "-\u2212" and "+" not in text


def test_no_growth_is_empty(content: Content) -> None:
    assert content.figures["t_china"].growth is None
    assert content.format_growth(content.figures["t_china"], "en") == ""


def test_format_source(content: Content) -> None:
    figure = content.figures["t_output"]
    source = figure.source

    en = content.format_source(figure.source, "en")
    assert en.startswith("Source: ")
    assert en.endswith(f"{source.name.en} ({format_date(source.date, 'en')})")
    zh = content.format_source(figure.source, "zh-Hans")
    assert zh.startswith("来源：")
    # the date as Chinese readers write it, in full-width brackets with no space before them
    assert zh.endswith(f"{source.name.get('zh-Hans')}（{format_date(source.date, 'zh-Hans')}）")
    assert " (" not in zh and "年" in zh


def test_a_source_dated_to_the_month_reads_as_a_date(content: Content) -> None:
    source = replace(content.figures["t_output"].source, date="2025-03")
    assert content.format_source(source, "en").endswith("(Mar 2025)")
    assert content.format_source(source, "zh-Hant").endswith("（2025年3月）")


# --- kiosk.i18n directly ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [
        ("74032", 0, "en", "74,032"),
        ("74032", 0, "zh-Hans", "74032"),
        ("74032", 0, "zh-Hant", "74032"),
        ("1234567.5", 1, "en", "1,234,567.5"),
        ("12.58", 2, "en", "12.58"),
        ("20.50", 2, "zh-Hans", "20.50"),
        ("2.5", 0, "en", "3"),  # half up, not to even
        ("3.5", 0, "en", "4"),
        ("1.005", 2, "en", "1.01"),
        ("1234.5678", 2, "en", "1,234.57"),
        ("1234.5678", 2, "zh-Hans", "1234.57"),
        ("7", 2, "en", "7.00"),
        ("-1234", 0, "en", "-1,234"),
    ],
)
def test_format_number(value: str, decimals: int, lang, expected: str) -> None:
    assert format_number(Decimal(value), decimals, lang) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "zh_hans", "zh_hant", "en"),
    [
        ("3685", 0, "3685亿", "3685億", "368.5 billion"),
        ("765", 0, "765亿", "765億", "76.5 billion"),
        ("8000", 0, "8000亿", "8000億", "800 billion"),
        ("5", 0, "5亿", "5億", "0.5 billion"),
        ("2012.5", 1, "2012.5亿", "2012.5億", "201.25 billion"),
        ("3685.55", 1, "3685.6亿", "3685.6億", "368.56 billion"),  # rounding half up
        ("10000", 0, "1万亿", "1萬億", "1 trillion"),
        ("12500", 0, "1.25万亿", "1.25萬億", "1.25 trillion"),
        ("25000.5", 1, "2.50005万亿", "2.50005萬億", "2.50005 trillion"),
    ],
)
def test_format_money_cny_100m(value: str, decimals: int, zh_hans: str, zh_hant: str, en: str):
    number = Decimal(value)

    assert format_money_cny_100m(number, decimals, "zh-Hans") == zh_hans
    assert format_money_cny_100m(number, decimals, "zh-Hant") == zh_hant
    assert format_money_cny_100m(number, decimals, "en") == en


def test_format_value_dispatches_on_unit_kind() -> None:
    assert format_value("money_cny_100m", Decimal(3685), 0, "en") == "368.5 billion"
    assert format_value("count", Decimal(3685), 0, "en") == "3,685"
    assert format_value("percent", Decimal("22.6"), 1, "zh-Hans") == "22.6"
    assert format_value("rank", Decimal(1), 0, "zh-Hant") == "1"


@pytest.mark.parametrize(
    ("percent", "decimals", "lang", "expected"),
    [
        ("22.6", 1, "zh-Hans", "+22.6%"),
        ("22.6", 1, "en", "+22.6%"),
        ("12.58", 2, "zh-Hant", "+12.58%"),
        ("22.65", 1, "en", "+22.7%"),  # half up
        ("22.64", 1, "en", "+22.6%"),
        ("1234.5", 1, "en", "+1,234.5%"),
    ],
)
def test_format_growth_positive(percent: str, decimals: int, lang, expected: str) -> None:
    assert format_growth(Decimal(percent), decimals, lang) == expected


@pytest.mark.parametrize(("percent", "decimals"), [("-3.5", 1), ("-0.25", 2)])
def test_format_growth_negative(percent: str, decimals: int) -> None:
    for lang in ("zh-Hans", "zh-Hant", "en"):
        text = format_growth(Decimal(percent), decimals, lang)
        assert text[0] in "-\u2212", text
        assert text[1:] == f"{percent[1:]}%"


def test_format_growth_zero_has_no_direction() -> None:
    text = format_growth(Decimal(0), 0, "en")

    assert text.endswith("0%")
    assert text[0] not in "+-\u2212"


def test_fill_replaces_only_its_placeholders() -> None:
    assert fill("超过{text}", text="2000家") == "超过2000家"
    assert fill("{value} companies", value="13,069") == "13,069 companies"
    # no str.format pitfalls: stray braces and unknown names stay as typed
    assert fill("{value} {other} {", value="1") == "1 {other} {"
    # a curator's text that contains braces is inserted as typed, not filled again
    assert fill("来源：{text}", text="《{text}》{value}") == "来源：《{text}》{value}"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh-Hans", "zh-Hans"),
        ("zh-hans", "zh-Hans"),
        ("ZH-HANT", "zh-Hant"),
        (" en ", "en"),
        ("fr", None),
        ("zh", None),
        ("", None),
    ],
)
def test_parse_language(code: str, expected: str | None) -> None:
    assert parse_language(code) == expected


@pytest.mark.parametrize(
    ("date", "zh_hans", "zh_hant", "en"),
    [
        ("2025", "2025年", "2025年", "2025"),
        ("2025-03", "2025年3月", "2025年3月", "Mar 2025"),
        ("2024-12", "2024年12月", "2024年12月", "Dec 2024"),
        ("2025-03-08", "2025年3月8日", "2025年3月8日", "8 Mar 2025"),
        ("2024-01-31", "2024年1月31日", "2024年1月31日", "31 Jan 2024"),
        (" 2026-09 ", "2026年9月", "2026年9月", "Sep 2026"),
    ],
)
def test_format_date(date: str, zh_hans: str, zh_hant: str, en: str) -> None:
    assert format_date(date, "zh-Hans") == zh_hans
    assert format_date(date, "zh-Hant") == zh_hant
    assert format_date(date, "en") == en


@pytest.mark.parametrize("date", ["", "25", "2025-3", "2025-13", "2025-02-30", "March", "２０２５"])
def test_format_date_leaves_what_is_not_a_date_as_typed(date: str) -> None:
    for lang in ("zh-Hans", "zh-Hant", "en"):
        assert format_date(date, lang) == date


def test_date_year() -> None:
    assert [date_year(d) for d in ("2022", "2025-03", "2026-01-02")] == ["2022", "2025", "2026"]


@pytest.mark.parametrize(
    "text", ["12345678901234567890123456789", "1e40", "0.000000000000000000001"]
)
def test_the_formatter_never_fails_on_a_finite_number(text: str) -> None:
    from kiosk.i18n import LANGUAGES, format_growth, format_value

    for lang in LANGUAGES:
        assert format_value("money_cny_100m", Decimal(text), 30, lang)
        assert format_growth(Decimal(text), 30, lang).endswith("%")


@pytest.mark.parametrize(
    ("value", "zh_hans", "zh_hant", "en"),
    [
        ("74032", "74032", "74032", "74,032"),  # a count is written in full...
        ("123456789", "123456789", "123456789", "123,456,789"),  # ... when scaling loses digits
        ("250000", "25万", "25萬", "250,000"),
        ("1500000", "150万", "150萬", "1.5 million"),
        ("100000000", "1亿", "1億", "100 million"),
        ("3000000000", "30亿", "30億", "3 billion"),
        ("2000000000000", "2万亿", "2萬億", "2 trillion"),
    ],
)
def test_a_large_round_count_takes_its_scale_word(value, zh_hans, zh_hant, en) -> None:
    got = [format_count(Decimal(value), 0, lang) for lang in ("zh-Hans", "zh-Hant", "en")]
    assert got == [zh_hans, zh_hant, en]


def test_a_hundred_million_reads_as_one_yi_not_nine_digits(content: Content) -> None:
    figure = content.figures["t_hundred_million"]
    assert content.format_figure(figure, "zh-Hans") == "超过1亿家"
    assert content.format_figure(figure, "en") == "over 100 million companies"


@pytest.mark.parametrize(
    ("line", "column", "word"),
    [
        ("cny_100m,money,8,{value}亿元,{value}元,CNY {value}", "D", "亿"),
        ("cny_100m,money,8,{value}元,{value}億元,CNY {value}", "E", "億"),
        ("cny_100m,money,8,{value}元,{value}元,CNY {value} billion", "F", "billion"),
    ],
)
def test_a_money_template_that_repeats_the_scale_is_an_error(
    content_dir: Path, line: str, column: str, word: str
) -> None:
    """A template "{value}亿元" showed "6305亿亿元": the amount carries its scale word."""
    row = replace_row(content_dir, "units.csv", "cny_100m", line)
    content = load(content_dir)
    problem = one(content, "units.csv", "repeats the scale")
    assert problem.is_error and (problem.row, problem.column) == (row, column)
    assert f'"{word}"' in problem.message and "write" in problem.message


def test_a_count_template_with_its_own_scale_word_is_a_warning(content_dir: Path) -> None:
    replace_row(
        content_dir,
        "units.csv",
        "companies",
        "companies,count,,{value}万家,{value}萬家,{value} companies",
    )
    content = load(content_dir)
    problem = one(content, "units.csv", 'writes "万" itself')
    assert (
        not problem.is_error and "1亿万家" in problem.message and '"{value}家"' in problem.message
    )


def test_money_in_another_currency_and_scale_reads_in_each_language() -> None:
    """The second exhibition counts Hong Kong dollars, typed in 亿 (scale 8), in the short
    style its designer chose for English (1.25bn)."""
    from kiosk.paths import interface_dir

    second = load_content(SECOND, interface=interface_dir())
    figure = second.figures["berth_investment_2025"]
    assert figure.unit.kind == "money" and figure.unit.scale == 8
    assert figure.unit.style == "short"
    got = [second.format_figure(figure, lang) for lang in ("zh-Hans", "zh-Hant", "en")]
    assert got == ["12.5亿港元", "12.5億港元", "HKD 1.25bn"]


@pytest.mark.parametrize(
    ("value", "scale", "decimals", "zh_hans", "en"),
    [
        ("3685", 8, 0, "3685亿", "368.5 billion"),  # typed in 亿
        ("368.5", 9, 1, "3685亿", "368.5 billion"),  # typed in billions: the same amount
        ("5", 4, 0, "5万", "50,000"),
        ("1", 12, 0, "1万亿", "1 trillion"),
        ("2500", 0, 0, "2500", "2,500"),
    ],
)
def test_format_money_at_any_scale(value, scale, decimals, zh_hans, en) -> None:
    assert format_value("money", Decimal(value), decimals, "zh-Hans", scale) == zh_hans
    assert format_value("money", Decimal(value), decimals, "en", scale) == en


def test_the_first_version_s_money_kind_still_reads_the_same(content_dir: Path) -> None:
    replace_row(
        content_dir,
        "units.csv",
        "cny_100m",
        "cny_100m,money_cny_100m,,{value}元,{value}元,CNY {value}",
    )
    content = load(content_dir)
    assert content.errors == ()
    figure = content.figures["ai_output_2024"]
    assert content.format_figure(figure, "en") == "CNY 368.5 billion"


@pytest.mark.parametrize("scale", ["3.5", "13", "-1"])
def test_a_scale_that_is_no_whole_power_of_ten_up_to_12_is_an_error(content_dir, scale) -> None:
    row = replace_row(
        content_dir,
        "units.csv",
        "companies",
        f"companies,count,{scale},{{value}}家,{{value}}家,{{value}} companies",
    )
    content = load(content_dir)
    problem = one(content, "units.csv", "scale")
    assert problem.is_error and (problem.row, problem.column) == (row, "C")


def test_a_count_up_keeps_the_final_amount_s_scale_word(content: Content) -> None:
    """On its way to 3685亿元 a count-up reads 0亿元, 1200亿元..., never 0元 then 5000万元."""
    figure = content.figures["t_output"]
    on_the_way = [content.format_figure(figure, "zh-Hans", Decimal(v)) for v in ("0", "1200")]
    assert on_the_way == ["0亿元", "1200亿元"]
    assert content.format_figure(figure, "en", Decimal(0)) == "CNY 0 billion"


@pytest.mark.parametrize(
    ("kind", "value", "scale", "style", "zh_hant", "en"),
    [
        ("money", "3685", 8, "words", "3685億", "368.5 billion"),
        ("money", "3685", 8, "short", "3685億", "368.5bn"),
        ("money", "3685", 8, "digits", "368500000000", "368,500,000,000"),
        ("money", "12", 12, "short", "12萬億", "12tn"),
        ("count", "150000000", 0, "words", "1.5億", "150 million"),
        ("count", "150000000", 0, "short", "1.5億", "150m"),
        ("count", "150000000", 0, "digits", "150000000", "150,000,000"),
        ("count", "74032", 0, "short", "74032", "74,032"),  # not round: in full in any style
    ],
)
def test_a_unit_s_number_style(kind, value, scale, style, zh_hant, en) -> None:
    assert format_value(kind, Decimal(value), 0, "zh-Hant", scale, None, style) == zh_hant
    assert format_value(kind, Decimal(value), 0, "en", scale, None, style) == en


def test_a_number_style_is_checked_with_its_templates(content_dir) -> None:
    """units.csv style: a word that is not a style is an error at its cell; a template that
    writes a scale word after every digit, or the short style's own word, is an error."""
    records = list(csv.reader(io.StringIO(read(content_dir, "units.csv"))))
    assert records[0][:3] == ["id", "kind", "scale"]
    records = [[*r[:3], "style" if n == 0 else "", *r[3:]] for n, r in enumerate(records)]
    records += [
        ["in_full", "money", "8", "digits", "{value}亿元", "{value}億元", "CNY {value}"],
        ["tiny", "money", "8", "tiny", "{value}元", "{value}元", "CNY {value}"],
        ["brief", "money", "8", "short", "{value}元", "{value}元", "CNY {value}bn"],
        ["height", "count", "", "short", "{value}米", "{value}米", "{value} metres"],
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    write(content_dir, "units.csv", out.getvalue())
    content = load(content_dir)
    digits = one(content, "units.csv", '"{value}亿元" writes the scale word "亿"')
    assert digits.is_error and digits.column == "E"
    assert one(content, "units.csv", '"tiny"').is_error
    short = one(content, "units.csv", 'repeats the scale word "bn"')
    assert short.is_error and short.column == "G"
    assert not find(content, "units.csv", "metres")  # a word that only starts like "m"
    assert content.units["height"].style == "short"
