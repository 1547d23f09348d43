"""The chain, robot, timeline and voices tables: what loads, and every mistake at its cell."""

from __future__ import annotations

from pathlib import Path

from kiosk.content import Severity, load_content
from tests.helpers import EXHIBIT
from tests.helpers.content import append_rows, describe, load, one, row_of, set_cell, write

BUNDLED_CONTENT = load_content(EXHIBIT)


def test_bundled_story_content_is_complete() -> None:
    content = BUNDLED_CONTENT
    assert not content.errors, describe(content.problems)
    assert list(content.layers) == ["foundation", "technology", "application", "terminal"]
    assert list(content.parts) == ["brain", "cerebellum", "limbs"]
    for company in content.companies.values():
        assert company.layer in content.layers
        assert set(company.parts) <= set(content.parts)
    by_part = {p: {c.id for c in content.companies.values() if p in c.parts} for p in content.parts}
    assert by_part["brain"] >= {"huawei", "tencent"}
    assert by_part["cerebellum"] >= {"ubtech", "engine_ai", "standard_robots", "dji", "smartmore"}
    assert by_part["limbs"] >= by_part["cerebellum"]
    assert {c.id for c in content.companies.values() if c.badge} >= {"intellifusion", "orbbec"}
    for robot in content.robots.values():
        assert 2 <= len(robot.facts) <= 4, robot.id
        assert robot.image is not None and robot.image.is_file(), robot.id
    for needed in ("astribot_s1", "patrol", "nursing", "sanitation", "ubtech", "engine_ai"):
        assert needed in content.robots
    for needed in ("standard_robots", "dji_drone", "smartmore"):
        assert needed in content.robots
    dates = [e.date for e in content.events]
    assert dates == sorted(dates)
    assert content.events[0].date.startswith("2022")
    assert any(e.figure and e.figure.id == "ai_policies_2025" for e in content.events)
    speakers = {v.speaker.en for v in content.voices.values()}
    assert len(speakers) >= 4


def test_robot_without_a_maker_has_none_in_every_language() -> None:
    assert BUNDLED_CONTENT.robots["patrol"].maker is None
    assert BUNDLED_CONTENT.robots["astribot_s1"].maker is not None


def test_company_in_an_unknown_layer_is_an_error_and_the_rest_load(content_dir: Path) -> None:
    row = set_cell(content_dir, "companies.csv", "dji", "layer", "roof")
    content = load(content_dir)
    problem = one(content, "companies.csv", 'unknown layer "roof"')
    assert (problem.row, problem.column) == (row, "E")
    assert content.errors == (problem,), describe(content.problems)
    assert "dji" not in content.companies
    assert len(content.companies) == len(BUNDLED_CONTENT.companies) - 1


def test_company_in_an_unknown_part_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, "companies.csv", "huawei", "parts", "brain heart")
    content = load(content_dir)
    problem = one(content, "companies.csv", 'unknown part "heart"')
    assert (problem.row, problem.column) == (row, "F")
    assert "huawei" not in content.companies


def test_a_company_may_stand_in_several_parts(content_dir: Path) -> None:
    set_cell(content_dir, "companies.csv", "zte", "parts", "brain; limbs")
    assert load(content_dir).companies["zte"].parts == ("brain", "limbs")


def test_duplicate_company_keeps_the_first(content_dir: Path) -> None:
    first = row_of(content_dir, "companies.csv", "dji")
    line = (content_dir / "companies.csv").read_text(encoding="utf-8").splitlines()[first - 1]
    append_rows(content_dir, "companies.csv", line.replace("DJI", "DJI again"))
    content = load(content_dir)
    problem = one(content, "companies.csv", 'id "dji" is used by an earlier row')
    assert problem.column == "A"
    assert content.companies["dji"].name.en == "DJI"


def test_missing_translation_of_a_layer_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, "layers.csv", "terminal", "covers_en", "")
    content = load(content_dir)
    problem = one(content, "layers.csv", "the en text is empty")
    assert (problem.row, problem.column) == (row, "G")
    assert "terminal" not in content.layers
    # its companies now point at a layer that failed: they are left out too, reported once
    assert all(c.layer != "terminal" for c in content.companies.values())


def test_robot_image_missing_is_an_error_and_the_card_stays(content_dir: Path) -> None:
    (content_dir / "images" / "robots" / "patrol.svg").unlink()
    content = load(content_dir)
    problem = one(content, "robots.csv", "patrol.svg")
    assert (problem.row, problem.column) == (row_of(content_dir, "robots.csv", "patrol"), "C")
    assert content.robots["patrol"].image is None  # the view shows its fallback


def test_robot_svg_that_does_not_parse_is_an_error(content_dir: Path) -> None:
    write(content_dir, "images/robots/ubtech.svg", "<svg><g></svg")
    content = load(content_dir)
    assert one(content, "robots.csv", "ubtech.svg").severity is Severity.ERROR
    assert content.robots["ubtech"].image is None


def test_a_renamed_text_file_is_not_an_image(content_dir: Path) -> None:
    write(content_dir, "images/robots/sanitation.png", "this is not a picture")
    set_cell(content_dir, "robots.csv", "sanitation", "image", "images/robots/sanitation.png")
    content = load(content_dir)
    assert one(content, "robots.csv", "sanitation.png").column == "C"
    assert content.robots["sanitation"].image is None


def test_robot_image_outside_the_content_folder_is_refused(content_dir: Path) -> None:
    set_cell(content_dir, "robots.csv", "nursing", "image", "../../etc/passwd")
    content = load(content_dir)
    assert one(content, "robots.csv", "passwd").column == "C"
    assert content.robots["nursing"].image is None


def test_maker_in_only_some_languages_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, "robots.csv", "patrol", "maker_en", "Somebody")
    content = load(content_dir)
    problems = [p for p in content.errors if p.file == "robots.csv"]
    assert {(p.row, p.column) for p in problems} == {(row, "G"), (row, "H")}, describe(problems)
    assert "patrol" not in content.robots


def test_fact_of_an_unknown_robot_is_an_error(content_dir: Path) -> None:
    append_rows(content_dir, "robot_facts.csv", "r2d2,事实,事實,A fact")
    content = load(content_dir)
    problem = one(content, "robot_facts.csv", 'unknown robot "r2d2"')
    assert problem.column == "A"
    assert content.robots.keys() == BUNDLED_CONTENT.robots.keys()


def test_robot_with_one_fact_is_a_warning(content_dir: Path) -> None:
    lines = (content_dir / "robot_facts.csv").read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [line for line in lines[1:] if not line.startswith("dji_drone,")]
    first = next(line for line in lines if line.startswith("dji_drone,"))
    write(content_dir, "robot_facts.csv", "\n".join([*kept, first]) + "\n")
    content = load(content_dir)
    problem = one(content, "robots.csv", '"dji_drone" has 1 facts')
    assert problem.severity is Severity.WARNING
    assert len(content.robots["dji_drone"].facts) == 1


def test_event_with_a_bad_date_is_an_error_and_the_rest_stay(content_dir: Path) -> None:
    row = set_cell(content_dir, "events.csv", "ai_vouchers", "date", "May 2025")
    content = load(content_dir)
    problem = one(content, "events.csv", '"May 2025" is not a date')
    assert (problem.row, problem.column) == (row, "B")
    assert [e.id for e in content.events] == [
        e.id for e in BUNDLED_CONTENT.events if e.id != "ai_vouchers"
    ]


def test_event_without_a_source_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, "events.csv", "ai_vouchers", "source", "")
    problem = one(load(content_dir), "events.csv", "'source' is empty")
    assert (problem.row, problem.column) == (row, "J")


def test_event_showing_an_unknown_figure_is_an_error(content_dir: Path) -> None:
    row = set_cell(content_dir, "events.csv", "ai_vouchers", "figure", "ai_vouchers_2099")
    problem = one(load(content_dir), "events.csv", 'unknown figure "ai_vouchers_2099"')
    assert (problem.row, problem.column) == (row, "C")


def test_quote_without_a_speaker_is_an_error(content_dir: Path) -> None:
    voice = next(iter(BUNDLED_CONTENT.voices))
    row = set_cell(content_dir, "voices.csv", voice, "speaker_zh-Hans", "")
    content = load(content_dir)
    problem = one(content, "voices.csv", "the zh-Hans text is empty")
    assert (problem.row, problem.column) == (row, "B")
    assert voice not in content.voices
    assert len(content.voices) == len(BUNDLED_CONTENT.voices) - 1


def test_html_in_a_quote_is_a_warning_and_kept(content_dir: Path) -> None:
    voice = next(iter(BUNDLED_CONTENT.voices))
    set_cell(content_dir, "voices.csv", voice, "quote_en", "<script>alert(1)</script>")
    content = load(content_dir)
    assert one(content, "voices.csv", "looks like HTML").severity is Severity.WARNING
    assert content.voices[voice].quote.en == "<script>alert(1)</script>"
