"""The kiosk settings of config.toml: attract loop, countdown, opening hours, cursor."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.content import Severity
from kiosk.content.models import PlaylistEntry
from tests.helpers.content import config_line, describe, load, one, read, write


def set_config(folder: Path, old: str, new: str) -> None:
    text = read(folder, "config.toml")
    assert text.count(old) == 1, old
    write(folder, "config.toml", text.replace(old, new))


def test_bundled_settings(content_dir: Path) -> None:
    settings = load(content_dir).settings
    assert settings.countdown == 15
    assert settings.autoplay and settings.rotate_languages and settings.hide_cursor
    assert settings.playlist[0] == PlaylistEntry("home", 8.0, 0)
    assert settings.hours.is_open(datetime(2026, 11, 25, 3, 0))  # no [hours]: always open


def test_playlist_stop_on_an_unknown_page_is_skipped(content_dir: Path) -> None:
    set_config(content_dir, '{ page = "home", dwell = 8 },', '{ page = "garden", dwell = 8 },')
    content = load(content_dir)
    problem = one(content, "config.toml", "page 'garden' is not in pages.order")
    assert problem.row == config_line(content_dir, "playlist = [")
    assert [e.page for e in content.settings.playlist][:2] == ["figures", "chain"]


def test_absurd_dwell_is_an_error_and_gets_the_default(content_dir: Path) -> None:
    set_config(content_dir, '{ page = "home", dwell = 8 },', '{ page = "home", dwell = -5 },')
    content = load(content_dir)
    assert one(content, "config.toml", "dwell must be 3 to 600 seconds").is_error
    assert content.settings.playlist[0] == PlaylistEntry("home", 12.0, 0)


def test_negative_countdown_is_an_error(content_dir: Path) -> None:
    set_config(content_dir, "countdown = 15 ", "countdown = -1 ")
    content = load(content_dir)
    problem = one(content, "config.toml", "timing.countdown must be at least 0")
    assert problem.row == config_line(content_dir, "countdown =")
    assert content.settings.countdown == 15


def test_opening_hours_that_do_not_parse_keep_the_kiosk_open(content_dir: Path) -> None:
    text = read(content_dir, "config.toml") + '\n[hours]\ndaily = "9 to 5"\nmonday = "closed"\n'
    write(content_dir, "config.toml", text)
    content = load(content_dir)
    problem = one(content, "config.toml", '"9 to 5" is not a time span')
    assert problem.row == config_line(content_dir, 'daily = "9 to 5"')
    assert content.settings.hours.is_open(datetime(2026, 11, 23, 3, 0))


def test_opening_hours_parse(content_dir: Path) -> None:
    text = read(content_dir, "config.toml") + '\n[hours]\ndaily = "09:00-18:00"\n'
    write(content_dir, "config.toml", text)
    content = load(content_dir)
    assert not content.errors, describe(content.problems)
    assert not content.settings.hours.is_open(datetime(2026, 11, 25, 20, 0))
    assert content.settings.hours.is_open(datetime(2026, 11, 25, 10, 0))


def test_a_flag_that_is_not_true_or_false_is_an_error(content_dir: Path) -> None:
    set_config(content_dir, "hide_cursor = true ", 'hide_cursor = "yes" ')
    content = load(content_dir)
    assert one(content, "config.toml", "hide_cursor must be true or false").is_error
    assert content.settings.hide_cursor is True


def test_unknown_playlist_key_is_a_warning(content_dir: Path) -> None:
    set_config(content_dir, '{ page = "home", dwell = 8 },', '{ page = "home", dwel = 8 },')
    content = load(content_dir)
    problem = one(content, "config.toml", "unknown key dwel")
    assert problem.severity is Severity.WARNING
    assert content.settings.playlist[0] == PlaylistEntry("home", 12.0, 0)


def test_hours_that_never_open_are_a_warning(content_dir: Path) -> None:
    set_config(content_dir, "# [hours]\n", '[hours]\ndaily = "closed"\n')
    content = load(content_dir)
    problem = one(content, "config.toml", "never opens")
    assert problem.severity is Severity.WARNING
    assert problem.row == config_line(content_dir, 'daily = "closed"')
    assert not content.settings.hours.is_open(datetime(2026, 11, 25, 12, 0))


def test_accessibility_settings_are_read(content_dir: Path) -> None:
    text = read(content_dir, "config.toml")
    extra = (
        "\n[accessibility]\nreset_after = 420\nreach_top_portrait = 900\n"
        "reach_top_landscape = 120\n"
    )
    write(content_dir, "config.toml", text + extra)
    content = load(content_dir)
    settings = content.settings
    assert (settings.access_reset_after, settings.reach_top_portrait) == (420.0, 900)
    assert settings.reach_top_landscape == 120
    assert not [p for p in content.problems if p.file == "config.toml"]


def test_a_reach_line_that_leaves_the_pages_no_room_is_an_error_with_the_default(
    content_dir: Path,
) -> None:
    text = read(content_dir, "config.toml")
    extra = "\n[accessibility]\nreach_top_portrait = 1500\nreset_after = 60\n"
    write(content_dir, "config.toml", text + extra)
    content = load(content_dir)
    problem = one(content, "config.toml", "reach_top_portrait must be a whole number")
    assert problem.is_error and "0 to 1200" in problem.message
    assert problem.row == config_line(content_dir, "reach_top_portrait =")
    assert content.settings.reach_top_portrait == 840
    shorter = one(content, "config.toml", "accessibility.reset_after (60 s) is shorter")
    assert shorter.severity == Severity.WARNING
