"""Bounded content (issue 17): SVGs that would draw too much, tables with too many rows, cells
that are too long, oversized files and odd file types are located errors, the rest is used."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from kiosk.content.images import MAX_SVG_ELEMENTS
from kiosk.content.tables import MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS
from tests.helpers import EXHIBIT
from tests.helpers.content import load, one, read, row_of, set_cell, write


def nested_uses(levels: int, fan: int = 10) -> str:
    """A few KB of SVG that stands for fan**levels rectangles once <use> is expanded."""
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><rect id="a0" width="1" height="1"/>'
    ]
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#a{level - 1}"/>' for _ in range(fan))
        parts.append(f'<g id="a{level}">{uses}</g>')
    parts.append(f'</defs><use href="#a{levels}"/></svg>')
    return "".join(parts)


def test_an_svg_of_10_to_the_8_uses_is_refused_quickly(content_dir: Path) -> None:
    svg = nested_uses(8)
    assert len(svg) < 3000
    (content_dir / "images/pages/bomb.svg").write_text(svg, encoding="utf-8")
    row = set_cell(content_dir, "pages.csv", "robots", "icon", "images/pages/bomb.svg")
    started = time.perf_counter()
    content = load(content_dir)
    assert time.perf_counter() - started < 5
    problem = one(content, "pages.csv", "bomb.svg")
    assert f"more than {MAX_SVG_ELEMENTS:,} SVG elements" in problem.message
    assert problem.is_error and problem.row == row
    assert content.pages["robots"].icon is None and content.pages["robots"].title


def test_an_svg_whose_use_loops_is_refused(content_dir: Path) -> None:
    loop = '<svg xmlns="http://www.w3.org/2000/svg"><g id="x"><use href="#y"/></g><g id="y"><use href="#x"/></g></svg>'  # noqa: E501
    (content_dir / "images/pages/loop.svg").write_text(loop, encoding="utf-8")
    set_cell(content_dir, "pages.csv", "robots", "icon", "images/pages/loop.svg")
    assert "refers back to itself" in one(load(content_dir), "pages.csv", "loop.svg").message


def test_a_modest_svg_with_uses_is_accepted(content_dir: Path) -> None:
    (content_dir / "images/pages/ok.svg").write_text(nested_uses(3), encoding="utf-8")  # 1,000
    set_cell(content_dir, "pages.csv", "robots", "icon", "images/pages/ok.svg")
    content = load(content_dir)
    assert not content.errors and content.pages["robots"].icon is not None


def test_rows_beyond_a_table_s_limit_are_one_located_error(content_dir: Path) -> None:
    limit = MAX_ROWS["events.csv"]
    text = read(content_dir, "events.csv")
    header, first = text.splitlines()[:2]
    key = first.split(",", 1)[0]
    copies = [first.replace(key, f"{key}_{n}", 1) for n in range(limit + 50)]
    write(content_dir, "events.csv", "\n".join([header, *copies]) + "\n")
    started = time.perf_counter()
    content = load(content_dir)
    assert time.perf_counter() - started < 10
    errors = [p for p in content.errors if p.file == "events.csv"]
    assert len(errors) == 1 and f"at most {limit} rows" in errors[0].message
    assert errors[0].row == limit + 2 and errors[0].column == "A"
    assert len(content.events) == limit


def test_a_huge_cell_is_one_error_and_the_later_rows_stay(content_dir: Path) -> None:
    key = next(iter(load(content_dir).figures))
    row = set_cell(content_dir, "figures.csv", key, "label_en", "x" * 1_000_000)
    content = load(content_dir)
    problem = one(content, "figures.csv", "characters; the limit is")
    assert (problem.row, problem.column) == (row, "J") and f"{MAX_CELL_CHARS:,}" in problem.message
    in_figures = [p for p in content.errors if p.file == "figures.csv"]
    assert in_figures == [problem]  # one message, not one per later row
    assert len(content.figures) == len(load(EXHIBIT).figures) - 1  # only that row is left out
    assert row_of(content_dir, "figures.csv", key) == row


def test_an_oversized_table_file_is_refused_without_reading_it(content_dir: Path) -> None:
    with (content_dir / "voices.csv").open("ab") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    problem = one(load(content_dir), "voices.csv", "a content table may be at most")
    assert problem.row is None and problem.is_error


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_pipe_or_a_link_loop_is_named_as_such_not_missing(content_dir: Path) -> None:
    (content_dir / "voices.csv").unlink()
    os.mkfifo(content_dir / "voices.csv")  # reading it would block the loader for ever
    assert "not a regular file" in one(load(content_dir), "voices.csv", "").message
    (content_dir / "voices.csv").unlink()
    (content_dir / "voices.csv").symlink_to("voices.csv")
    assert "leads nowhere" in one(load(content_dir), "voices.csv", "").message


def test_the_bundled_content_is_well_inside_the_limits() -> None:
    for path in EXHIBIT.glob("*.csv"):
        assert path.stat().st_size < MAX_FILE_BYTES / 10, path
    assert sys.getrecursionlimit() > 100  # the SVG cost walk recurses once per nesting level
