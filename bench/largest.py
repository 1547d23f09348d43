"""The largest content that validates: every list table filled to its row limit, then timed.

Usage: python bench/largest.py [--content data] [--runs 3] [--size 1920x1080]

Builds, in a temporary folder, a copy of ``--content`` whose list tables (events, figures,
companies, robots and their facts, voices, chain notes, device kinds) are repeated up to the
row limits of :data:`kiosk.content.tables.MAX_ROWS` (each copy a new id, its references kept),
checks that it validates with no error, and prints, as medians over ``--runs`` fresh windows:
  - validate: loading and validating the folder (pandas, as ``kiosk --validate``);
  - per page: building its view (a fresh instance from the page's factory, as the kiosk builds
    each page once after the first frame), showing it (from Home), and a language switch on it.
The figures answer "the largest content that validates and its page build time" (issue 17).
Runs offscreen unless QT_QPA_PLATFORM is set.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.content.tables import MAX_ROWS, MAX_ROWS_DEFAULT  # noqa: E402

# table -> the column that names the row (repeated rows get a new value in it), or None when
# rows have no id of their own (a robot's facts: repeated as they are)
LISTS = {
    "events.csv": "id",
    "figures.csv": "id",
    "companies.csv": "id",
    "robots.csv": "id",
    "voices.csv": "id",
    "chain_notes.csv": "id",
    "terminals.csv": "id",
    "robot_facts.csv": None,
}


def fill(folder: Path, name: str, key: str | None) -> int:
    """Repeat ``name``'s rows up to its row limit; the number of rows written."""
    path = folder / name
    if not path.exists():
        return 0
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [row for row in csv.reader(f) if any(cell.strip() for cell in row)]
    header, body = rows[0], rows[1:]
    if not body:
        return 0
    limit = MAX_ROWS.get(name, MAX_ROWS_DEFAULT)
    column = header.index(key) if key else None
    out = []
    for index in range(limit):
        row = list(body[index % len(body)])
        if column is not None and index >= len(body):
            row[column] = f"{row[column]}_{index // len(body)}"
        out.append(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *out])
    return len(out)


def make_pack(source: Path, target: Path) -> dict[str, int]:
    shutil.copytree(source, target)
    return {name: fill(target, name, key) for name, key in LISTS.items()}


def time_pages(folder: Path, size: tuple[int, int]) -> dict[str, tuple[float, float, float]]:
    """Per page: seconds to build its view, to show it and for a language switch on it."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app import application, build_window
    from kiosk.content import load_content
    from kiosk.ui.tools.layout_check import settled

    application()
    content = load_content(folder)
    window = build_window(content, size, "zh-Hans")
    window.show()
    settled(window)
    window.stack.build_all()
    settled(window)
    found: dict[str, tuple[float, float, float]] = {}
    languages = ["en", "zh-Hant", "zh-Hans"]
    for index, page_id in enumerate(window.stack.order()):
        started = time.perf_counter()
        fresh = window.stack.factories[page_id]()
        build = time.perf_counter() - started
        fresh.deleteLater()
        QApplication.processEvents()
        window.go_home(animate=False)
        settled(window)
        started = time.perf_counter()
        window.go_to(page_id, animate=False)
        settled(window)
        visit = time.perf_counter() - started
        started = time.perf_counter()
        window.session.set_language(languages[index % len(languages)])
        settled(window)
        found[page_id] = (build, visit, time.perf_counter() - started)
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return found


def bundled(size: tuple[int, int], runs: int, content: Path) -> None:
    """The same figures for the content as it is, to compare with."""
    found = [time_pages(content, size) for _ in range(runs)]
    print("the content as it is, for comparison: build / show / language switch")
    for page_id in found[0]:
        build, visit, switch = (
            statistics.median(run[page_id][i] for run in found) for i in range(3)
        )
        print(f"  {page_id:10s} {build:6.2f} s  {visit:6.2f} s  {switch:6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "largest"
        rows = make_pack(args.content, folder)
        print("rows:", ", ".join(f"{name} {count}" for name, count in rows.items()))
        from kiosk.content import load_content

        validate = []
        for _ in range(args.runs):
            started = time.perf_counter()
            content = load_content(folder)
            validate.append(time.perf_counter() - started)
        errors = [p.format() for p in content.errors]
        print(f"validate: median {statistics.median(validate):.2f} s, {len(errors)} error(s)")
        for line in errors[:10]:
            print("  ", line)
        runs = [time_pages(folder, size) for _ in range(args.runs)]
        print(f"pages at {args.size} (median of {args.runs}): build / show / language switch")
        for page_id in runs[0]:
            build, visit, switch = (
                statistics.median(run[page_id][i] for run in runs) for i in range(3)
            )
            print(f"  {page_id:10s} {build:6.2f} s  {visit:6.2f} s  {switch:6.2f} s")
    bundled(size, args.runs, args.content)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
