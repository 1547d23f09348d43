"""config.toml written with a section as a plain value (issue 17): a located error and the
defaults for that section, never a traceback; and a loader defect never stops the kiosk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import loader
from kiosk.content.cache import load_content_cached
from tests.helpers import BUNDLED
from tests.helpers.content import load, read, write


def replace_section(folder: Path, section: str, line: str) -> int:
    """Swap the ``[section]`` table (if any) for ``line`` at the top; returns its line number."""
    text = "\n" + read(folder, "config.toml")
    text = re.sub(rf"\n\[{section}\]\n.*?(?=\n\[|\Z)", "\n", text, flags=re.S)
    assert not re.search(rf"^\[{section}\]", text, flags=re.M)
    write(folder, "config.toml", f"{line}\n{text}")
    return 1


@pytest.mark.parametrize(
    ("section", "line"),
    [
        ("hours", 'hours = "09:00-18:00"'),
        ("exhibition", 'exhibition = "2026"'),
        ("pages", 'pages = ["home"]'),
        ("timing", "timing = 90"),
        ("autoplay", "autoplay = false"),
        ("kiosk", "kiosk = true"),
    ],
)
def test_a_section_written_as_a_value_is_a_located_error(
    content_dir: Path, section: str, line: str, capsys
) -> None:
    row = replace_section(content_dir, section, line)
    content = load(content_dir)
    found = [p for p in content.errors if f"'{section}' must be a table" in p.message]
    assert len(found) == 1, [p.format() for p in content.problems]
    assert found[0].file == "config.toml" and found[0].row == row and found[0].column == "1"
    assert f"[{section}]" in found[0].message
    assert content.pages  # the rest of the content is still there
    assert main(["--validate", "--content", str(content_dir)]) == 1
    out = capsys.readouterr().out
    assert f"config.toml:{row}:1: '{section}' must be a table" in out


def test_a_loader_defect_shows_the_last_good_content_and_says_so(
    content_dir: Path, monkeypatch
) -> None:
    good = load_content_cached(content_dir)
    assert not good.errors
    write(content_dir, "config.toml", read(content_dir, "config.toml") + "\n# an edit\n")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a defect")

    monkeypatch.setattr("kiosk.content.loader.load_content", broken)
    shown = load_content_cached(content_dir, last_resort=BUNDLED)
    assert shown.pages.keys() == good.pages.keys()
    assert "RuntimeError: a defect" in shown.errors[0].message
    assert "last good content" in shown.errors[0].message


def test_a_loader_defect_without_a_compiled_copy_shows_the_bundled_content(
    content_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path / "empty-cache"))
    real = loader.load_content

    def broken_for_the_edit(folder: Path, *args: object) -> object:
        if Path(folder) == content_dir:
            raise KeyError("oops")
        return real(folder, *args)

    monkeypatch.setattr("kiosk.content.loader.load_content", broken_for_the_edit)
    shown = load_content_cached(content_dir, last_resort=BUNDLED)
    assert shown.folder == BUNDLED
    assert "showing the bundled content" in shown.errors[0].message


def test_validate_reports_a_loader_defect_in_one_line(content_dir: Path, monkeypatch, capsys):
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ValueError("a defect")

    monkeypatch.setattr("kiosk.content.load_content", broken)
    assert main(["--validate", "--content", str(content_dir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ValueError: a defect" in err[0]
