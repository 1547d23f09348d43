"""Any exhibition from its folder: a second exhibition with four pages in another order, and a
smaller one made from the test exhibition as a curator would, need only their own files."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from kiosk.content import load_content
from kiosk.content.schema import PAGE_TABLES, TABLES
from kiosk.paths import interface_dir
from tests.helpers import SECOND
from tests.helpers.content import cells, describe, one, set_cell, set_pages


def test_the_second_exhibition_is_valid_with_only_its_pages_files() -> None:
    content = load_content(SECOND, interface=interface_dir())
    assert content.errors == (), describe(content.problems)
    assert content.settings.page_order == ("home", "robots", "chain", "policy", "voices")
    for name in PAGE_TABLES["figures"]:
        if name not in PAGE_TABLES["policy"]:
            assert not (SECOND / name).exists()  # it shows no key figures
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


PARTS_HEADER = (
    "id,name_zh-Hans,name_zh-Hant,name_en,stands_for_zh-Hans,stands_for_zh-Hant,stands_for_en,"
    "region,x,y,width,height"
)


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_parts(folder: Path, *rows: str) -> None:
    """parts.csv with the placing columns, one line per part: id then region,x,y,width,height."""
    lines = [PARTS_HEADER]
    for row in rows:
        part_id, place = row.split(",", 1)
        lines.append(f"{part_id},名{part_id},名{part_id},N {part_id},述,述,About {part_id},{place}")
    (folder / "parts.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_second_exhibition_places_its_own_parts_on_its_own_figure() -> None:
    content = load_content(SECOND, interface=interface_dir())
    assert content.chain_figure == (SECOND / "images/chain/vehicle.svg").resolve()
    assert set(content.parts) == {"sonar", "mast", "battery", "thruster"}
    assert content.parts["sonar"].hotspot == (3, 48, 24, 30)
    assert all(p.region == "" for p in content.parts.values())


def test_a_part_of_any_id_sits_on_the_region_it_names(content_dir: Path) -> None:
    write_parts(content_dir, "mind,brain,,,,", "reflexes,cerebellum,,,,", "limbs,,,,,")
    renamed = {"brain": "mind", "cerebellum": "reflexes"}
    for key in [r["id"] for r in rows(content_dir, "companies.csv")]:
        parts = cells(content_dir, "companies.csv", key)["parts"].split()
        set_cell(
            content_dir, "companies.csv", key, "parts", " ".join(renamed.get(p, p) for p in parts)
        )
    content = load_content(content_dir, interface=interface_dir())
    assert content.errors == (), describe(content.problems)
    assert {p.id: p.region for p in content.parts.values()} == {
        "mind": "brain",
        "reflexes": "cerebellum",
        "limbs": "limbs",  # an id that is a region's name needs no region cell
    }


def test_a_part_with_no_place_on_the_figure_is_an_error_at_its_region_cell(
    content_dir: Path,
) -> None:
    write_parts(content_dir, "wings,,,,,", "mind,brain,,,,", "soul,brain,,,,")
    content = load_content(content_dir, interface=interface_dir())
    nowhere = one(content, "parts.csv", '"wings" has no place')
    assert nowhere.is_error and (nowhere.row, nowhere.column) == (2, "H")
    taken = one(content, "parts.csv", 'already holds part "mind"')
    assert taken.is_error and taken.row == 4
    assert set(content.parts) == {"mind"}  # the others could not be shown or tapped


def test_hotspots_without_an_own_figure_are_ignored_with_a_warning(content_dir: Path) -> None:
    write_parts(content_dir, "brain,,10,10,20,20")
    content = load_content(content_dir, interface=interface_dir())
    problem = one(content, "parts.csv", "built-in figure ignores them")
    assert not problem.is_error and problem.column == "I"
    assert content.parts["brain"].region == "brain"


def test_hotspots_on_an_own_figure_are_checked_cell_by_cell(content_dir: Path) -> None:
    shutil.copy(SECOND / "images/chain/vehicle.svg", content_dir / "images" / "figure.svg")
    with (content_dir / "config.toml").open("a", encoding="utf-8") as config:
        config.write('\n[chain]\nfigure = "images/figure.svg"\n')
    write_parts(
        content_dir, "nose,,0,40,20,20", "tail,,90,40,20,20", "fin,,50,10,10,", "mast,brain,,,,"
    )
    content = load_content(content_dir, interface=interface_dir())
    outside = one(content, "parts.csv", "x 90 + width 20 must stay within the image")
    assert outside.is_error and (outside.row, outside.column) == (3, "I")
    missing = one(content, "parts.csv", '"fin" needs height')
    assert missing.is_error and (missing.row, missing.column) == (4, "L")
    # on an own figure a region is no place: the part needs its hotspot
    assert one(content, "parts.csv", '"mast" needs x, y, width, height').is_error
    assert set(content.parts) == {"nose"}
    assert content.parts["nose"].hotspot == (0, 40, 20, 20)


def test_a_missing_figure_image_is_an_error_on_its_config_line(content_dir: Path) -> None:
    with (content_dir / "config.toml").open("a", encoding="utf-8") as config:
        config.write('\n[chain]\nfigure = "images/nowhere.png"\n')
    content = load_content(content_dir, interface=interface_dir())
    problem = one(content, "config.toml", "chain.figure")
    assert problem.is_error and "missing" in problem.message
    assert problem.row == len((content_dir / "config.toml").read_text().splitlines())
    assert content.chain_figure is None


def test_an_earlier_version_s_back_key_keeps_its_words(content_dir: Path) -> None:
    """chain.back, robot.back and policy.close became one detail.back: a folder that still
    sets an old key keeps its words, with a warning naming the new key."""
    from tests.helpers.content import append_rows, delete_row

    delete_row(content_dir, "strings.csv", "detail.back")
    append_rows(content_dir, "strings.csv", "policy.close,收起,收起,Done")
    content = load_content(content_dir, interface=interface_dir())
    problem = one(content, "strings.csv", "'policy.close' is now 'detail.back'")
    assert not problem.is_error and "its words are used" in problem.message
    assert content.string("detail.back", "en") == "Done"
