"""Small helpers to break a copy of the content the way a curator would, and to find problems.

Rows are Excel rows: the header is row 1, the first data row is row 2.  The bundled CSV files
have no multi-line cells, so a row's Excel number is its line number in the file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kiosk.content import Content, Problem, load_content


def read(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> None:
    (folder / name).write_bytes(text.encode(encoding))


def replace_text(folder: Path, name: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``folder/name``."""
    text = read(folder, name)
    assert text.count(old) == 1, f"{name}: expected {old!r} exactly once"
    write(folder, name, text.replace(old, new))


def lines(folder: Path, name: str) -> list[str]:
    return read(folder, name).splitlines()


def row_of(folder: Path, name: str, key: str) -> int:
    """The Excel row of the record ``key`` (its line number, while no cell spans lines)."""
    for number, line in enumerate(lines(folder, name), start=1):
        if line.split(",", 1)[0] == key:
            return number
    raise AssertionError(f"{name}: no row starts with {key!r}")


def replace_row(folder: Path, name: str, key: str, new_line: str) -> int:
    """Replace the whole line of the record ``key`` with ``new_line``; return its Excel row."""
    all_lines = lines(folder, name)
    row = row_of(folder, name, key)
    all_lines[row - 1] = new_line
    write(folder, name, "\n".join(all_lines) + "\n")
    return row


def delete_row(folder: Path, name: str, key: str) -> None:
    all_lines = lines(folder, name)
    del all_lines[row_of(folder, name, key) - 1]
    write(folder, name, "\n".join(all_lines) + "\n")


def append_rows(folder: Path, name: str, *new_lines: str) -> None:
    text = read(folder, name)
    if not text.endswith("\n"):
        text += "\n"
    write(folder, name, text + "".join(line + "\n" for line in new_lines))


def cells(folder: Path, name: str, key: str) -> dict[str, str]:
    """The record ``key`` as {header: cell}, read with the csv module."""
    records = list(csv.reader(io.StringIO(read(folder, name), newline="")))
    header = records[0]
    for record in records[1:]:
        if record and record[0] == key:
            return dict(zip(header, record, strict=True))
    raise AssertionError(f"{name}: no row starts with {key!r}")


def set_cell(folder: Path, name: str, key: str, column: str, value: str) -> int:
    """Set one cell of the record ``key`` (quoted as Excel would); return its Excel row."""
    record = cells(folder, name, key)
    assert column in record, f"{name} has no column {column!r}"
    record[column] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(record.values())  # quotes cells with newlines
    return replace_row(folder, name, key, out.getvalue().removesuffix("\n"))


def load(folder: Path) -> Content:
    return load_content(folder)


def describe(problems: tuple[Problem, ...] | list[Problem]) -> str:
    return "\n".join(str(p) for p in problems) or "(no problems)"


def find(content: Content, file: str, fragment: str) -> list[Problem]:
    """Problems of ``file`` whose message contains ``fragment``."""
    return [p for p in content.problems if p.file == file and fragment in p.message]


def one(content: Content, file: str, fragment: str) -> Problem:
    """The single problem of ``file`` whose message contains ``fragment``."""
    found = find(content, file, fragment)
    assert len(found) == 1, (
        f"expected one problem in {file} with {fragment!r}, got:\n{describe(content.problems)}"
    )
    return found[0]


def config_line(folder: Path, fragment: str) -> int:
    """The number of the first line of ``folder``'s config.toml holding ``fragment``."""
    for number, line in enumerate(read(folder, "config.toml").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


def set_playlist(folder: Path, *stops: str) -> None:
    """Replace the attract loop's playlist in config.toml with ``stops`` (TOML inline tables)."""
    import re

    lines = "".join(f"    {stop},\n" for stop in stops)
    config, count = re.subn(
        r"playlist = \[.*?\n\]\n",
        f"playlist = [\n{lines}]\n",
        read(folder, "config.toml"),
        flags=re.S,
    )
    assert count == 1
    write(folder, "config.toml", config)


def set_pages(folder: Path, *pages: str) -> None:
    """Show only ``pages``, in this order (config.toml ``[pages] order``), as a curator making
    a smaller exhibition would; the attract loop plays them with no details."""
    import re

    order = ", ".join(f'"{page}"' for page in pages)
    config, count = re.subn(
        r"^order = \[.*?\]", f"order = [{order}]", read(folder, "config.toml"), flags=re.M
    )
    assert count == 1
    write(folder, "config.toml", config)
    set_playlist(folder, *(f'{{ page = "{page}" }}' for page in pages))
