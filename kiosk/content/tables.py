"""Reading curators' CSV files into pandas tables that remember each row's Excel row number.

Python's csv module tokenises the file (it reports exactly which record is which, where pandas'
tokenizer loses track once it skips a blank or malformed line); pandas then holds the cells,
all as text, for the checks.  Numbers are parsed by :func:`parse_number`, never guessed.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pandas as pd

from kiosk.content.errors import Problem, Severity, column_letter
from kiosk.content.models import Number

ROW = "\0row"  # the column of each record's Excel row number (a NUL: no header can have one)

_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")


@dataclass
class Table:
    """A CSV file's cells as text, one DataFrame row per non-empty record."""

    name: str
    frame: pd.DataFrame
    header: list[str]
    ids: frozenset[str] = frozenset()  # the 'id' cell of every row, including rejected rows

    def letter(self, column: str) -> str:
        """Excel column letter of a header name."""
        return column_letter(self.header.index(column)) if column in self.header else "-"


# Limits of a content table (docs/content.md): a kiosk page cannot show more, and a bigger
# table would only cost the visitor a frozen screen. Rows beyond the limit and over-long cells
# are errors at their row and column; the rest of the table is used.
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_CELL_CHARS = 2000
MAX_ROWS_DEFAULT = 300
MAX_ROWS = {"events.csv": 150, "figures.csv": 150, "robot_facts.csv": 1000, "strings.csv": 1000}
# Python's reader refuses cells over 128 KB and stops the whole file there; read them whole and
# report the one cell instead.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))


def read_file(folder: Path, name: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of ``folder/name``, or why a curator's file cannot be used as one."""
    path = folder / name
    if path.is_dir():
        return None, Problem(name, None, None, "is a folder, not a file")
    if not path.is_file():
        if path.is_symlink():
            return None, Problem(name, None, None, "is a link that leads nowhere (or in a loop)")
        if os.path.lexists(path):
            return None, Problem(name, None, None, "is not a regular file (a pipe or a device)")
        return None, Problem(name, None, None, "file is missing")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, Problem(
            name,
            None,
            None,
            f"is {size / 2**20:.0f} MB; a content table may be at most "
            f"{MAX_FILE_BYTES // 2**20} MB (see the row and cell limits)",
        )
    if not path.resolve().is_relative_to(folder.resolve()):
        return None, Problem(
            name, None, None, "is a link to a file outside the content folder; copy the file in"
        )
    try:
        return path.read_bytes(), None
    except OSError as exc:
        return None, Problem(name, None, None, f"cannot be read: {exc.strerror or exc}")


def not_text(raw: bytes) -> str | None:
    """Why bytes holding NUL characters cannot be a text file in any encoding we read."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "saved as UTF-16 ('Unicode Text')"
    if b"\0" not in raw:
        return None
    head = raw[:4096]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    # UTF-16 puts a NUL beside every ASCII letter, comma and line end, all on one side
    if max(odd, even) * 10 > len(head) // 2 and min(odd, even) * 4 < max(odd, even):
        return "saved as UTF-16 without a byte order mark (it holds NUL bytes between letters)"
    return "is not a text file (it holds binary data, NUL bytes)"


def decode(name: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8 (with or without BOM) first, then GB18030 with a warning."""
    binary = not_text(raw)
    if binary:
        return None, [Problem(name, None, None, f"{binary}; save it as 'CSV UTF-8'")]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            line = raw[: utf8_error.start].count(b"\n") + 1
            return None, [
                Problem(
                    name,
                    line,
                    None,
                    f"cannot be read: byte 0x{raw[utf8_error.start]:02X} is neither UTF-8 nor "
                    "GB18030; save the file as 'CSV UTF-8'",
                )
            ]
        warning = Problem(
            name,
            None,
            None,
            "not UTF-8; read as GB18030 (Excel's 'CSV' on Chinese Windows). "
            "Saving as 'CSV UTF-8' avoids surprises",
            Severity.WARNING,
        )
        return text, [warning]


def read_table(folder: Path, name: str) -> tuple[Table | None, list[Problem]]:
    """Read ``folder/name``; every problem carries the row and column a curator sees in Excel."""
    raw, unusable = read_file(folder, name)
    if raw is None:
        return None, [unusable] if unusable else []
    text, problems = decode(name, raw)
    if text is None:
        return None, problems
    records, problem = _records(name, text)
    if problem:
        problems.append(problem)
    if not records or not any(cell.strip() for cell in records[0]):
        return None, [*problems, Problem(name, 1, None, "the header row is missing")]
    header = [unicodedata.normalize("NFC", cell.strip()) for cell in records[0]]
    while header and not header[-1]:
        header.pop()
    for index, column in enumerate(header):
        if not column:
            problems.append(Problem(name, 1, column_letter(index), "header cell is empty"))
        elif header.index(column) != index:
            problems.append(
                Problem(name, 1, column_letter(index), f"column '{column}' appears twice")
            )
    rows: list[list[str]] = []
    ids: set[str] = set()
    id_index = header.index("id") if "id" in header else None
    cut_short = not text.endswith(("\n", "\r")) and problem is None
    max_rows = MAX_ROWS.get(name, MAX_ROWS_DEFAULT)
    for number, record in enumerate(records[1:], start=2):
        cells = [cell.strip() for cell in record]
        if not any(cells):
            continue  # blank rows are common in spreadsheets and mean nothing
        if len(rows) >= max_rows:
            problems.append(
                Problem(
                    name,
                    number,
                    "A",
                    f"{name} may have at most {max_rows} rows; this row and the ones after it "
                    "are left out",
                )
            )
            break
        long = next((i for i, cell in enumerate(cells) if len(cell) > MAX_CELL_CHARS), None)
        if long is not None:
            problems.append(
                Problem(
                    name,
                    number,
                    column_letter(long),
                    f"a cell of {len(cells[long]):,} characters; the limit is "
                    f"{MAX_CELL_CHARS:,}: the row is skipped",
                )
            )
            if id_index is not None and id_index < len(cells):  # known, so no follow-up errors
                ids.add(unicodedata.normalize("NFC", cells[id_index]))
            continue
        if id_index is not None and id_index < len(cells):
            ids.add(unicodedata.normalize("NFC", cells[id_index]))
        extra = [cell for cell in cells[len(header) :] if cell]
        if extra:
            problems.append(
                Problem(
                    name,
                    number,
                    column_letter(len(header)),
                    f"row has {len(cells)} cells but the header has {len(header)} "
                    "(a comma inside a text needs the text in double quotes)",
                )
            )
            continue
        if len(cells) < len(header):
            last = cut_short and number == len(records)
            problems.append(
                Problem(
                    name,
                    number,
                    column_letter(len(cells)),
                    f"the file ends in the middle of this row ({len(cells)} of "
                    f"{len(header)} cells): was it cut short? The row is skipped"
                    if last
                    else f"row has {len(cells)} cells but the header has {len(header)}; "
                    "the missing cells are read as empty",
                    Severity.ERROR if last else Severity.WARNING,
                )
            )
            if last:
                continue
        cells = (cells + [""] * len(header))[: len(header)]
        rows.append([*cells, str(number)])
    frame = pd.DataFrame(rows, columns=[*header, ROW], dtype=str)
    frame = frame.loc[:, ~frame.columns.duplicated()]  # a repeated column: the first one counts
    frame[ROW] = frame[ROW].astype(int)
    return Table(name, frame, header, frozenset(ids)), problems


def _records(name: str, text: str) -> tuple[list[list[str]], Problem | None]:
    """The file's records (row 1 first) and, if its end cannot be read, the row it stops at.

    A double quote that is never closed swallows the rest of the file into one cell (Python's
    reader is lenient): that row is dropped and reported where the quote opened.
    """
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines)
    records: list[list[str]] = []
    start = end = 0  # the lines of the last record
    try:
        for record in reader:
            records.append(record)
            start, end = end, reader.line_num
    except csv.Error as exc:
        row = len(records) + 1
        return records, Problem(name, row, None, f"is not valid CSV from this row on: {exc}")
    if not records:
        return records, None
    try:
        list(csv.reader(lines[start:], strict=True))
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            row = len(records)
            opened = column_letter(len(records[-1]) - 1)
            records.pop()
            return records, Problem(
                name,
                row,
                opened,
                "a double quote opened in this cell is never closed, so it runs to the end of "
                "the file (was the file cut short?); the row is skipped",
            )
    return records, None


# The largest number a figure may hold (below a thousand trillion) and its finest detail: the
# formatter shows every such value exactly, and --validate reports anything beyond as an error.
MAX_WHOLE_DIGITS = 15
MAX_DECIMALS = 6


def parse_number(text: str) -> Number:
    """Parse '74,032', '７４０３２', '12.58' or '-3'; raise ValueError with a curator's message."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(" ", "").replace("\u00a0", "")
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    if not _PLAIN.match(cleaned):
        raise ValueError(f'"{text}" is not a number')
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid decimals
        raise ValueError(f'"{text}" is not a number') from exc
    whole, _, fraction = cleaned.lstrip("+-").partition(".")
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS or len(fraction) > MAX_DECIMALS:
        raise ValueError(
            f'"{text}" has more digits than a screen shows: at most {MAX_WHOLE_DIGITS} before '
            f"the decimal point and {MAX_DECIMALS} after it"
        )
    return Number(value, len(fraction))


Row = dict[str, Any]  # one table row as the loader passes it on: column -> value

_LIST_SEPARATOR = re.compile(r"[\s,;，；、]+")


def split_list(cell: str) -> list[str]:
    """Ids typed in one cell, separated by spaces, commas or semicolons."""
    return [item for item in _LIST_SEPARATOR.split(cell) if item]
