"""Any exhibition from its folder: a second exhibition with four pages in another order, and a
smaller one made from the test exhibition as a curator would, need only their own files."""

from __future__ import annotations

from pathlib import Path

from kiosk.content import load_content
from kiosk.content.schema import PAGE_TABLES, TABLES
from kiosk.paths import interface_dir
from tests.helpers import REPO
from tests.helpers.content import describe, one, set_cell, set_pages

SECOND = REPO / "tests" / "data" / "second"


def test_the_second_exhibition_is_valid_with_only_its_pages_files() -> None:
    content = load_content(SECOND, interface=interface_dir())
    assert content.errors == (), describe(content.problems)
    assert content.settings.page_order == ("home", "robots", "policy", "voices")
    for name in (*PAGE_TABLES["chain"], "charts.csv"):
        assert not (SECOND / name).exists()  # it shows no chain and no key figures
    assert len(content.robots) == 3 and len(content.events) == 4 and len(content.voices) == 2


def test_a_page_left_out_of_the_order_needs_none_of_its_files(content_dir: Path) -> None:
    set_pages(content_dir, "home", "voices")
    shown = {"strings.csv", "sources.csv", "pages.csv", *PAGE_TABLES["voices"]}
    for name in TABLES.keys() - shown:
        (content_dir / name).unlink()
    content = load_content(content_dir, interface=interface_dir())
    assert content.errors == (), describe(content.problems)
    assert content.voices and not content.robots


def test_a_shown_page_still_needs_its_files(content_dir: Path) -> None:
    set_pages(content_dir, "home", "robots")
    (content_dir / "robot_facts.csv").unlink()
    content = load_content(content_dir, interface=interface_dir())
    assert one(content, "robot_facts.csv", "missing").is_error


def test_a_badge_needs_its_words(content_dir: Path) -> None:
    """The badge is the exhibition's own (a list its companies are on): marked companies and no
    chain.badge is an error on the first marked row's badge cell, naming the key."""
    from tests.helpers.content import delete_row

    delete_row(content_dir, "strings.csv", "chain.badge")
    row = set_cell(content_dir, "companies.csv", "orbbec", "badge", "yes")
    content = load_content(content_dir, interface=interface_dir())
    problem = one(content, "companies.csv", "chain.badge")
    assert problem.is_error and problem.column is not None
    assert problem.row is not None and problem.row <= row


def test_robot_categories_are_the_exhibition_s_own(content_dir: Path) -> None:
    second = load_content(SECOND, interface=interface_dir())
    assert {r.category for r in second.robots.values()} == set(second.categories)
    robot = second.robots["hull_cleaner"]
    assert second.category_name(robot, "zh-Hant") == "船體養護"
    # a category categories.csv does not name is an error at the robot's cell
    set_cell(content_dir, "robots.csv", "ubtech", "category", "cloud")
    content = load_content(content_dir, interface=interface_dir())
    problem = one(content, "robots.csv", '"cloud"')
    assert problem.is_error and "categories.csv" in problem.message
