"""--help explains every option; --version names the app's and the content's versions."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import build_parser, main
from tests.helpers.content import read, write


def options() -> list[argparse.Action]:
    return [a for a in build_parser()._actions if a.option_strings and a.dest != "help"]


def test_help_describes_every_option(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    for action in options():
        assert action.help and len(action.help) > 20, f"{action.option_strings} has no help"
        assert action.option_strings[0] in text


def test_help_says_defaults_units_and_how_the_countdown_fits_the_reset(capsys) -> None:
    helps = {a.option_strings[0]: a.help or "" for a in options()}
    for option in ("--autoplay-after", "--reset-after"):
        assert "seconds" in helps[option] and "default" in helps[option]
    assert "countdown" in helps["--reset-after"]
    assert "pixels" in helps["--size"] and "default" in helps["--size"]
    with pytest.raises(SystemExit):
        main(["--help"])
    epilog = " ".join(capsys.readouterr().out.split())
    assert "--reset-after 20 after 10 s" in epilog
    assert "exit status" in epilog


def test_version_names_the_app_and_the_content(content_dir: Path, capsys) -> None:
    config = read(content_dir, "config.toml")
    write(content_dir, "config.toml", config.replace('version = "', 'version = "test-7 ', 1))
    assert main(["--version", "--content", str(content_dir)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"kiosk {__version__}, content test-7 ")
    assert str(content_dir) in line


def test_version_of_a_missing_folder_is_the_usual_one_line(tmp_path: Path, capsys) -> None:
    assert main(["--version", "--content", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith("kiosk: error: ")


def test_help_names_the_product_not_an_exhibition(capsys) -> None:
    """The exhibition is content: --help names none (not the bundled one either)."""
    from kiosk import PRODUCT
    from tests.helpers import BUNDLED
    from tests.helpers.content import cells

    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert text.startswith("usage:") and PRODUCT in text
    for lang in ("zh-Hans", "en"):
        assert cells(BUNDLED, "strings.csv", "app.title")[lang] not in text
