"""The attract loop's playlist: pages and full-screen moments, as a curator writes them."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content import Severity
from kiosk.content.models import PlaylistEntry
from kiosk.content.playlist import default_playlist, the_playlist
from tests.helpers.content import config_line, describe, load, one, read, set_playlist, write


def test_moments_are_read_with_their_ids_and_dwell(content_dir: Path) -> None:
    content = load(content_dir)
    figure, robot, voice = (
        next(iter(t)) for t in (content.figures, content.robots, content.voices)
    )
    set_playlist(
        content_dir,
        f'{{ figure = "{figure}", dwell = 9 }}',
        '{ page = "home" }',
        f'{{ robot = "{robot}" }}',
        f'{{ quote = "{voice}", dwell = 20 }}',
    )
    content = load(content_dir)
    assert not content.problems, describe(content.problems)
    assert content.settings.playlist == (
        PlaylistEntry(dwell=9.0, moment="figure", item=figure),
        PlaylistEntry("home", 12.0, 0),
        PlaylistEntry(dwell=8.0, moment="robot", item=robot),
        PlaylistEntry(dwell=20.0, moment="quote", item=voice),
    )


def test_a_moment_naming_an_unknown_id_is_an_error_on_its_line_and_skipped(
    content_dir: Path,
) -> None:
    set_playlist(content_dir, '{ page = "home" }', '{ robot = "no_such_robot" }')
    content = load(content_dir)
    problem = one(content, "config.toml", "robot moment 'no_such_robot' has no row in robots.csv")
    assert problem.is_error
    assert problem.row == config_line(content_dir, "no_such_robot")
    assert [e.moment for e in content.settings.playlist] == [""]


def test_a_stop_that_names_two_things_is_an_error(content_dir: Path) -> None:
    set_playlist(content_dir, '{ page = "home", figure = "x" }', '{ page = "figures" }')
    content = load(content_dir)
    assert one(content, "config.toml", "needs one of page, figure, robot or quote").is_error
    assert [e.page for e in content.settings.playlist] == ["figures"]


def test_a_moment_has_no_steps(content_dir: Path) -> None:
    voice = next(iter(load(content_dir).voices))
    set_playlist(content_dir, f'{{ quote = "{voice}", steps = 2 }}')
    content = load(content_dir)
    assert one(content, "config.toml", "unknown key steps").severity is Severity.WARNING
    assert content.settings.playlist == (PlaylistEntry(dwell=8.0, moment="quote", item=voice),)


def test_without_a_playlist_each_page_comes_after_a_moment_of_its_own(content_dir: Path) -> None:
    config = re.sub(r"playlist = \[.*?\n\]\n", "", read(content_dir, "config.toml"), flags=re.S)
    write(content_dir, "config.toml", config)
    content = load(content_dir)
    assert content.settings.playlist == ()
    loop = the_playlist(content)
    assert loop == default_playlist(content)
    assert [e.page for e in loop if e.page] == list(content.settings.page_order)
    heroes = [f.id for f in content.figures.values() if f.hero]
    figures_at = next(i for i, e in enumerate(loop) if e.page == "figures")
    assert [e.item for e in loop[figures_at - 2 : figures_at]] == heroes[:2]
    robots_at = next(i for i, e in enumerate(loop) if e.page == "robots")
    assert loop[robots_at - 1] == PlaylistEntry(
        dwell=8.0, moment="robot", item=next(iter(content.robots))
    )
    for entry in loop:  # every moment names a row that exists
        assert (
            not entry.moment
            or entry.item
            in {
                "figure": content.figures,
                "robot": content.robots,
                "quote": content.voices,
            }[entry.moment]
        )
