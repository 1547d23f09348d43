"""Charts come from charts.csv and are drawn from figures: their points, checks and mistakes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.content import chart_points, load_content
from tests.helpers import EXHIBIT
from tests.helpers.content import append_rows, describe, load, one, row_of, set_cell

CHARTS = "charts.csv"


def test_bundled_charts_cover_what_the_page_must_show() -> None:
    content = load_content(EXHIBIT)
    assert not content.errors, describe(content.problems)
    shown = {f.id for chart in content.charts.values() for f in chart.figures}
    for needed in (
        "ai_output_2024",
        "ai_core_output_2024",
        "ai_companies_china_2024",
        "ai_companies_sz_2024",
        "robot_cluster_companies_2024",
        "target_companies_2026",
        "target_growth_2026",
    ):
        assert needed in shown, needed
    for chart in content.charts.values():
        for lang in ("zh-Hans", "zh-Hant", "en"):
            assert chart.title.get(lang) and chart.note.get(lang)


def test_bars_are_the_figures_as_stored() -> None:
    content = load_content(EXHIBIT)
    points = chart_points(content.charts["output_2024"])
    assert [(p.figure.id, p.value, p.kind) for p in points] == [
        ("ai_output_2024", Decimal("3685"), "stated"),
        ("ai_core_output_2024", Decimal("765"), "stated"),
    ]


def test_trend_adds_the_implied_year_and_projects_at_the_target_rate() -> None:
    content = load_content(EXHIBIT)
    points = chart_points(content.charts["output_path_2026"])
    assert [(p.year, p.kind, p.qualifier) for p in points] == [
        (2023, "implied", "about"),
        (2024, "stated", ""),
        (2025, "projected", "over"),
        (2026, "projected", "over"),
    ]
    assert round(points[0].value) == 3006  # 3685 / 1.226
    assert points[2].value == Decimal("4422.0")  # 3685 * 1.2
    assert round(points[3].value, 1) == Decimal("5306.4")
    shown = [
        content.format_amount(p.figure.unit, p.value, p.figure.number.decimals, p.qualifier, "en")
        for p in points
    ]
    assert shown == [
        "about CNY 300.6 billion",
        "CNY 368.5 billion",
        "over CNY 442.2 billion",
        "over CNY 530.6 billion",
    ]


def test_changing_a_figure_changes_its_chart(content_dir: Path) -> None:
    set_cell(content_dir, "figures.csv", "ai_core_output_2024", "value", "800")
    chart = load(content_dir).charts["output_2024"]
    assert [p.value for p in chart_points(chart)] == [Decimal("3685"), Decimal("800")]


def test_figures_may_be_separated_by_commas_or_semicolons(content_dir: Path) -> None:
    set_cell(content_dir, CHARTS, "output_2024", "figures", "ai_output_2024; ai_core_output_2024")
    chart = load(content_dir).charts["output_2024"]
    assert [f.id for f in chart.figures] == ["ai_output_2024", "ai_core_output_2024"]


def test_unknown_figure_is_an_error_at_its_cell(content_dir: Path) -> None:
    row = set_cell(content_dir, CHARTS, "output_2024", "figures", "ai_output_2024 ai_ouptut")
    content = load(content_dir)
    problem = one(content, CHARTS, 'unknown figure "ai_ouptut"')
    assert (problem.row, problem.column) == (row, "C")
    assert content.errors == (problem,), describe(content.problems)
    assert "output_2024" not in content.charts
    assert "companies_2024" in content.charts


def test_a_broken_figure_leaves_its_chart_with_the_rest(content_dir: Path) -> None:
    set_cell(content_dir, "figures.csv", "ai_core_output_2024", "value", "lots")
    content = load(content_dir)
    assert [p.file for p in content.errors] == ["figures.csv"], describe(content.problems)
    assert [f.id for f in content.charts["output_2024"].figures] == ["ai_output_2024"]


@pytest.mark.parametrize(
    ("kind", "figures", "message"),
    [
        ("bars", "ai_output_2024 ai_companies_sz_2024", "must share a unit"),
        ("trend", "target_growth_2026 ai_output_2024", "starts with an amount"),
        ("trend", "target_companies_2026 ai_companies_sz_2024", "must come after 2026"),
        ("bars", "", "'figures' is empty"),
        ("pie", "ai_output_2024", '"pie" is not one of: bars, trend'),
    ],
)
def test_charts_that_cannot_be_drawn_are_errors(
    content_dir: Path, kind: str, figures: str, message: str
) -> None:
    append_rows(content_dir, CHARTS, f"broken,{kind},{figures},题,題,Title,注,註,Note")
    row = row_of(content_dir, CHARTS, "broken")
    content = load(content_dir)
    problem = one(content, CHARTS, message)
    assert problem.row == row
    assert problem.column == ("B" if kind == "pie" else "C")
    assert "broken" not in content.charts
    assert len(content.charts) == len(load_content(EXHIBIT).charts)


def test_missing_chart_translation_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, CHARTS, "companies_2024", "title_zh-Hant", "")
    content = load(content_dir)
    problem = one(content, CHARTS, "zh-Hant text is empty")
    assert (problem.row, problem.column) == (row, "E")
    assert "companies_2024" not in content.charts


def test_html_in_a_chart_title_is_a_warning_and_kept(content_dir: Path) -> None:
    set_cell(content_dir, CHARTS, "companies_2024", "title_en", "<b>Firms</b> <img src=x>")
    content = load(content_dir)
    assert one(content, CHARTS, "looks like HTML").severity.value == "warning"
    assert content.charts["companies_2024"].title.en == "<b>Firms</b> <img src=x>"


def test_a_missing_charts_file_leaves_the_figures(content_dir: Path) -> None:
    (content_dir / CHARTS).unlink()
    content = load(content_dir)
    assert one(content, CHARTS, "file is missing").row is None
    assert content.charts == {}
    assert len(content.figures) == len(load_content(EXHIBIT).figures)
