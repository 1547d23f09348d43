"""``kiosk --new-exhibition DIR``: a curator starts from a complete folder that works."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

from kiosk.cli import main
from kiosk.content import load_content
from kiosk.content.known_texts import text_languages
from kiosk.content.schema import TABLES
from kiosk.paths import interface_dir
from tests.helpers import BUNDLED, REPO
from tests.helpers.content import describe


def test_a_new_exhibition_has_every_file_with_examples_and_is_valid(tmp_path: Path, capsys):
    target = tmp_path / "new"
    assert main(["--new-exhibition", str(target)]) == 0
    assert f"kiosk --validate --content {target}" in capsys.readouterr().out
    for name in TABLES:
        with (target / name).open(encoding="utf-8") as stream:
            rows = list(csv.reader(stream))
        assert len(rows) >= 2, f"{name} has no example row"
    config = (target / "config.toml").read_text(encoding="utf-8")
    assert config.count("#") >= 10  # it explains itself
    content = load_content(target, interface=interface_dir())
    assert content.problems == (), describe(content.problems)
    assert content.settings.page_order[0] == "home" and len(content.settings.page_order) == 6
    assert main(["--validate", "--content", str(target)]) == 0


def test_it_is_in_its_own_neutral_words(tmp_path: Path) -> None:
    target = tmp_path / "new"
    assert main(["--new-exhibition", str(target)]) == 0
    ours = set(text_languages(load_content(target, interface=interface_dir())).exact)
    with (interface_dir() / "strings.csv").open(encoding="utf-8") as stream:
        interface = {cell for row in csv.reader(stream) for cell in row[1:]}
    bundled = set(text_languages(load_content(BUNDLED, interface=interface_dir())).exact)
    shared = (ours & bundled) - interface
    assert all(len(text) <= 12 for text in shared), shared  # a page name, never a sentence
    for key in ("app.title", "app.subtitle"):
        assert not any(text in ours for text in bundled_strings(key))


def bundled_strings(key: str) -> list[str]:
    with (BUNDLED / "strings.csv").open(encoding="utf-8") as stream:
        row = next(r for r in csv.DictReader(stream) if r["key"] == key)
    return [row["zh-Hans"], row["zh-Hant"], row["en"]]


def test_it_passes_the_layout_check(tmp_path: Path) -> None:
    target = tmp_path / "new"
    assert main(["--new-exhibition", str(target)]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "--check-layout", "--content", str(target)],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert " 0 error(s), 0 warning(s)" in result.stdout


def test_it_never_writes_over_a_folder_that_has_files(tmp_path: Path, capsys) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    assert main(["--new-exhibition", str(target)]) == 2
    assert "not a new or empty folder" in capsys.readouterr().err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--new-exhibition", str(empty)]) == 0
