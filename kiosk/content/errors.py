"""Problems found in a content folder, addressed the way a curator finds them in Excel."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """An error drops what it touches; a warning is reported and the content is still used."""

    ERROR = "error"
    WARNING = "warning"


def column_letter(index: int) -> str:
    """Excel's name for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One problem: ``file:row:column: message``; row and column are ``-`` for a whole file."""

    file: str
    row: int | None
    column: str | None
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self, folder: str | None = None) -> str:
        path = f"{folder.rstrip('/')}/{self.file}" if folder else self.file
        row = "-" if self.row is None else str(self.row)
        return f"{path}:{row}:{self.column or '-'}"

    def format(self, folder: str | None = None) -> str:
        prefix = "" if self.is_error else "warning: "
        return f"{self.location(folder)}: {prefix}{self.message}"

    def __str__(self) -> str:
        return self.format()
