"""Reading curators' CSV files into pandas tables that remember each row's Excel row number.

Python's csv module tokenises the file (it reports exactly which record is which, where pandas'
tokenizer loses track once it skips a blank or malformed line); pandas then holds the cells,
all as text, for the checks.  Numbers are parsed by :func:`parse_number`, never guessed.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from kiosk.content.errors import Problem, Severity, column_letter
from kiosk.content.models import Number

ROW = "_row"  # the DataFrame column holding each record's Excel row number

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


def decode(name: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8 (with or without BOM) first, then GB18030 with a warning."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [
            Problem(name, None, None, "saved as UTF-16 ('Unicode Text'); save it as 'CSV UTF-8'")
        ]
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
    path = folder / name
    if not path.is_file():
        return None, [Problem(name, None, None, "file is missing")]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, None, None, f"cannot be read: {exc.strerror}")]
    text, problems = decode(name, raw)
    if text is None:
        return None, problems
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        return None, [*problems, Problem(name, None, None, f"is not valid CSV: {exc}")]
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
    for number, record in enumerate(records[1:], start=2):
        cells = [cell.strip() for cell in record]
        if not any(cells):
            continue  # blank rows are common in spreadsheets and mean nothing
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
        cells = (cells + [""] * len(header))[: len(header)]
        rows.append([*cells, str(number)])
    frame = pd.DataFrame(rows, columns=[*header, ROW], dtype=str)
    frame = frame.loc[:, ~frame.columns.duplicated()]  # a repeated column: the first one counts
    frame[ROW] = frame[ROW].astype(int)
    return Table(name, frame, header, frozenset(ids)), problems


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
    decimals = len(cleaned.partition(".")[2])
    return Number(value, decimals)
