"""The key-figures spread as content: which figures are its big numbers, which charts stand
beside them, what goes under 'More figures', and the warnings a curator gets."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kiosk.content.charts import bar_scales, nice_ceiling
from kiosk.content.spread import MAX_HEROES, leaving_out, plan_spread
from tests.helpers import EXHIBIT
from tests.helpers.content import cells, describe, find, load, one, row_of, set_cell

MARKED_HEROES = [
    "ai_output_2024",
    "robot_chain_output_2024",
    "scenarios_2025",
    "drone_iteration_sz",
]


def test_the_marked_figures_and_charts_make_the_spread() -> None:
    content = load(EXHIBIT)
    spread = plan_spread(content.figures, content.charts)
    assert [f.id for f in spread.heroes] == MARKED_HEROES
    assert [c.id for c in spread.charts] == ["companies_2024", "robot_cluster_2024"]
    assert [c.id for c in spread.more_charts] == [
        "output_2024",
        "output_path_2026",
        "companies_2026",
        "terminal_2026",
    ]
    charted = {f.id for c in content.charts.values() for f in c.figures}
    assert spread.more_figures and not {f.id for f in spread.more_figures} & charted
    assert not {f.id for f in spread.more_figures} & set(MARKED_HEROES)


def test_a_chart_left_out_of_the_spread_waits_under_more_in_the_content_order() -> None:
    content = load(EXHIBIT)
    spread = plan_spread(content.figures, content.charts)
    assert leaving_out(spread, (), content.charts) is spread
    narrow = leaving_out(spread, {"robot_cluster_2024"}, content.charts)
    assert [c.id for c in narrow.charts] == ["companies_2024"]
    assert (
        [c.id for c in narrow.more_charts]
        == [
            "output_2024",
            "robot_cluster_2024",
            "output_path_2026",
            "companies_2026",
            "terminal_2026",
        ]
        == [c.id for c in content.charts.values() if c.id != "companies_2024"]
    )
    assert narrow.heroes == spread.heroes and narrow.more_figures == spread.more_figures
    assert narrow.has_more
    none = leaving_out(spread, {"companies_2024", "robot_cluster_2024"}, content.charts)
    assert none.charts == () and len(none.more_charts) == len(content.charts)


def test_without_marks_the_first_figures_and_charts_are_taken(content_dir: Path) -> None:
    for figure in MARKED_HEROES:
        set_cell(content_dir, "figures.csv", figure, "hero", "")
    for chart in ("companies_2024", "robot_cluster_2024"):
        set_cell(content_dir, "charts.csv", chart, "spread", "")
    content = load(content_dir)
    assert content.errors == (), describe(content.problems)
    spread = plan_spread(content.figures, content.charts)
    assert [c.id for c in spread.charts] == ["output_2024", "companies_2024"]
    drawn = {"ai_output_2024", "ai_core_output_2024", "ai_companies_china_2024"}
    drawn.add("ai_companies_sz_2024")
    assert len(spread.heroes) == 4 and not {f.id for f in spread.heroes} & drawn


def test_a_seventh_hero_is_a_warning_and_waits_under_more(content_dir: Path) -> None:
    extra = ["ai_density_rank_2024", "ai_hurun_rank_2024", "ai_companies_sz_rank"]
    for figure in extra:
        set_cell(content_dir, "figures.csv", figure, "hero", "yes")
    content = load(content_dir)
    assert content.errors == (), describe(content.problems)
    warning = one(content, "figures.csv", f"more than {MAX_HEROES} hero figures")
    assert not warning.is_error
    last = "drone_iteration_sz"  # the seventh in the table's order
    assert (warning.row, warning.column) == (row_of(content_dir, "figures.csv", last), "K")
    spread = plan_spread(content.figures, content.charts)
    assert len(spread.heroes) == MAX_HEROES
    assert content.figures[last] in spread.more_figures  # nothing is lost


def test_a_third_spread_chart_is_a_warning(content_dir: Path) -> None:
    set_cell(content_dir, "charts.csv", "terminal_2026", "spread", "yes")
    content = load(content_dir)
    warning = one(content, "charts.csv", "more than 2 charts on the spread")
    assert (warning.row, warning.column) == (
        row_of(content_dir, "charts.csv", "terminal_2026"),
        "J",
    )
    assert not warning.is_error
    spread = plan_spread(content.figures, content.charts)
    assert "terminal_2026" in [c.id for c in spread.more_charts]


def test_a_hero_a_spread_chart_draws_shows_once(content_dir: Path) -> None:
    set_cell(content_dir, "figures.csv", "robot_listed_2024", "hero", "yes")
    content = load(content_dir)
    warning = one(content, "figures.csv", "drawn in the spread's chart 'robot_cluster_2024'")
    assert warning.row == row_of(content_dir, "figures.csv", "robot_listed_2024")
    spread = plan_spread(content.figures, content.charts)
    assert "robot_listed_2024" not in [f.id for f in spread.heroes]


def test_a_wrong_mark_is_an_error_at_its_cell(content_dir: Path) -> None:
    set_cell(content_dir, "figures.csv", "scenarios_2025", "hero", "maybe")
    content = load(content_dir)
    problem = one(content, "figures.csv", "maybe")
    assert problem.is_error and problem.column == "K"
    assert cells(content_dir, "figures.csv", "scenarios_2025")["hero"] == "maybe"
    assert not find(content, "charts.csv", "spread")


def test_bars_ten_times_apart_are_on_scales_of_their_own() -> None:
    d = Decimal
    assert bar_scales([d(74032), d(34), d(9)]) == [d(74032), d(34), d(34)]
    assert bar_scales([d(13069), d(2000)]) == [d(13069), d(13069)]  # 6.5x: one scale
    assert bar_scales([d(100), d(10)]) == [d(100), d(100)]  # exactly 10x: still one
    assert bar_scales([d(1000), d(0)]) == [d(1000), d(1000)]
    assert bar_scales([]) == []
    assert [nice_ceiling(d(v)) for v in (74032, 34, 9, 3685, 100)] == [
        d(80000),
        d(40),
        d(10),
        d(4000),
        d(100),
    ]
