"""Checks of the CSV tables: headers, one check for each kind of column, and the templates of
units and strings; what fails is reported at ``file:row:column`` and its row left out."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd

from kiosk.content.errors import Problem, Severity
from kiosk.content.schema import REQUIRED_STRINGS, TABLES, Column
from kiosk.content.tables import ROW, Row, Table, parse_number, split_list
from kiosk.i18n import LANGUAGES, SCALE_WORDS, SHORT_WORDS, Language, fill

_ID = r"[A-Za-z0-9][A-Za-z0-9_.\-]*"
_HTML = r"<\s*/?\s*[A-Za-z][^<>]*>"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_LANG_SUFFIX = re.compile(r"^(?:(?P<name>[a-z]+)_)?(?P<code>[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$")


def language_columns(name: str) -> dict[str, str]:
    """Header names of a localized column: ``title_zh-Hans``...; bare codes when name is ''."""
    return {lang: f"{name}_{lang}" if name else lang for lang in LANGUAGES}


def columns_for(name: str) -> tuple[Column, ...]:
    columns = TABLES[name]
    if name in ("strings.csv", "units.csv"):
        columns = (*columns, Column("", "localized"))
    return columns


def check_header(table: Table, columns: tuple[Column, ...], problems: list[Problem]) -> bool:
    expected: set[str] = set()
    complete = True
    localized = {c.name for c in columns if c.kind == "localized"}
    for column in columns:
        names = (
            language_columns(column.name).values() if column.kind == "localized" else [column.name]
        )
        some = any(h in table.header for h in names)  # an optional text: all or none
        for header in names:
            expected.add(header)
            if header not in table.header and (column.required or some):
                problems.append(Problem(table.name, 1, "-", f"column '{header}' is missing"))
                complete = False
    for header in table.header:
        if header in expected or not header:
            continue
        found = _LANG_SUFFIX.match(header)
        if found and (found["name"] or "") in localized:
            problems.append(
                Problem(
                    table.name,
                    1,
                    table.letter(header),
                    f"unknown language code '{found['code']}' in column '{header}' "
                    f"(use {', '.join(LANGUAGES)})",
                )
            )
        else:
            problems.append(
                Problem(
                    table.name,
                    1,
                    table.letter(header),
                    f"column '{header}' is not used",
                    Severity.WARNING,
                )
            )
    return complete


def check_templates(name: str, table: Table, row: Row, problems: list[Problem]) -> bool:
    """Units and UI strings must keep their placeholders in every language."""
    if name == "units.csv":
        needed: tuple[str, ...] = ("{value}",)
    elif name == "strings.csv":
        needed = REQUIRED_STRINGS.get(row["key"], ())
    else:
        return True
    ok = True
    scale = row.get("scale") if name == "units.csv" else None
    if scale is not None and (scale.decimals or not 0 <= scale.value <= MAX_SCALE):
        message = (
            f"scale {scale.value} is not a whole power of ten from 0 to {MAX_SCALE} (0: figures "
            "typed in full, 4: in 万, 6: in millions, 8: in 亿, 9: in billions)"
        )
        problems.append(Problem(name, row[ROW], table.letter("scale"), message))
        ok = False
    for lang in LANGUAGES:
        text = row["text"].get(lang)
        if name == "units.csv" and "{value}" in text and not _names_a_unit(text):
            problems.append(
                Problem(
                    name,
                    row[ROW],
                    table.letter(lang),
                    f'the {lang} text "{text}" shows a bare number: write the unit around '
                    '{value}, like "{value} companies"',
                    Severity.WARNING,
                )
            )
        if name == "units.csv":
            problem = _repeated_scale(row["kind"], text, lang, row.get("style") or "words")
            if problem is not None:
                message, severity = problem
                problems.append(Problem(name, row[ROW], table.letter(lang), message, severity))
                ok = ok and severity is not Severity.ERROR
        for placeholder in needed:
            if placeholder not in text:
                problems.append(
                    Problem(
                        name,
                        row[ROW],
                        table.letter(lang),
                        f"the {lang} text must contain {placeholder}",
                    )
                )
                ok = False
    return ok


MAX_SCALE = 12  # 万亿 / trillion


def _repeated_scale(
    kind: str, template: str, lang: Language, style: str
) -> tuple[str, Severity] | None:
    """A unit template that writes a scale word (亿, million...) the number already carries:
    "{value}亿元" showed "6305亿亿元". An error for money (always scaled), a warning for a
    count (scaled when it is large and round); with every digit written, a scale word after
    them would multiply the amount again, so it is an error there too."""
    if kind not in ("money", "money_cny_100m", "count"):
        return None
    words = SCALE_WORDS[lang] + (SHORT_WORDS if style == "short" and lang == "en" else ())
    for word in words:
        ending = r"\b" if word.isascii() else ""  # "{value} m" is short for million, "metres" not
        found = re.search(r"\{value\}\s*" + re.escape(word) + ending, template)
        if found is None:
            continue
        plain = template[: found.start()] + "{value}" + template[found.end() :]
        if style == "digits":
            example = "630,500,000,000" if lang == "en" else "630500000000"
            return (
                f'the {lang} text "{template}" writes the scale word "{word}" after a number '
                f'the kiosk writes in full ({example}, style digits); write "{plain}"',
                Severity.ERROR,
            )
        if kind != "count":
            example = "630.5 billion" if lang == "en" else "6305" + SCALE_WORDS[lang][1]
            return (
                f'the {lang} text "{template}" repeats the scale word "{word}": the kiosk '
                f'writes the amount with its own ({example}); write "{plain}"',
                Severity.ERROR,
            )
        large = "100 million" if lang == "en" else "1" + SCALE_WORDS[lang][1]
        return (
            f'the {lang} text "{template}" writes "{word}" itself, but a large round count '
            f'gets its own scale word ("{fill(template, value=large)}"); give the count in '
            f'full and write "{plain}"',
            Severity.WARNING,
        )
    return None


def _names_a_unit(template: str) -> bool:
    """Whether a unit template says what its number counts: a letter, a sign like % or ¥."""
    rest = template.replace("{value}", "")
    return any(unicodedata.category(c)[0] in "LS" or c in "%‰" for c in rest)


def number_error(text: str) -> str:
    if not text:
        return ""
    try:
        parse_number(text)
    except ValueError as exc:
        return str(exc)
    return ""


def is_date(text: str) -> bool:
    found = _DATE.match(text)
    if not found:
        return False
    year, month, day = (int(g) if g else 1 for g in found.groups())
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


Message = Callable[[pd.Series], str]  # a problem's text from the row it is about


class TableChecks:
    """Every column check of one table: a method for each kind of column, each reporting its
    problems at ``file:row:column`` and marking the rows an error leaves out (:attr:`bad`)."""

    def __init__(
        self,
        table: Table,
        tables: dict[str, Table],
        known_ids: dict[str, set[Any]],
        problems: list[Problem],
        missing_glyphs: Callable[[str], str] | None,
    ) -> None:
        self.table = table
        self.frame = table.frame
        self.tables = tables
        self.known_ids = known_ids  # ids of the rows that passed in each table loaded so far
        self.problems = problems
        self.missing_glyphs = missing_glyphs
        self.bad = pd.Series(False, index=self.frame.index)

    def report(
        self,
        mask: pd.Series,
        header: str,
        message: Message | str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        """A problem for each row of ``mask``: ``message`` as it is, or made from the row."""
        for index in self.frame.index[mask]:
            row = self.frame.loc[index]
            self.problems.append(
                Problem(
                    self.table.name,
                    int(row[ROW]),
                    self.table.letter(header),
                    message if isinstance(message, str) else message(row),
                    severity,
                )
            )
        if severity is Severity.ERROR:
            self.bad = self.bad | mask

    def run(self, columns: tuple[Column, ...]) -> pd.Series:
        """Check every column; the mask of rows an error leaves out."""
        frame = self.frame
        for column in columns:
            headers = (
                language_columns(column.name) if column.kind == "localized" else {"": column.name}
            )
            # an optional text may be left out, but then in every language
            filled = pd.Series(False, index=frame.index)
            for header in headers.values():
                if header in frame.columns:
                    filled = filled | (frame[header] != "")
            for lang, header in headers.items():
                if header not in frame.columns:
                    continue
                cells = frame[header]
                empty = cells == ""
                if column.required or column.kind == "localized":
                    what = f"the {lang} text" if lang else f"'{header}'"
                    needed = empty if column.required else empty & filled
                    self.report(needed, header, f"{what} is empty")
                check = getattr(self, f"check_{column.kind}", None)
                if check is not None:
                    check(column, header, cells, ~empty)
        return self.bad

    def check_id(self, column: Column, header: str, cells: pd.Series, present: pd.Series) -> None:
        self.report(
            present & ~cells.str.fullmatch(_ID),
            header,
            lambda r: f"id \"{r[header]}\" may only use letters, digits, '.', '_' and '-'",
        )
        self._unique(header, cells, present)

    def _unique(self, header: str, cells: pd.Series, present: pd.Series) -> None:
        self.report(
            present & cells.duplicated(keep="first"),
            header,
            lambda r: f'id "{r[header]}" is used by an earlier row',
        )

    def check_choice(
        self, column: Column, header: str, cells: pd.Series, present: pd.Series
    ) -> None:
        allowed = ", ".join(c for c in column.choices if c)
        self.report(
            present & ~cells.isin(column.choices),
            header,
            lambda r: f'"{r[header]}" is not one of: {allowed}',
        )
        if column.name == "id":
            self._unique(header, cells, present)

    def _referred(self, column: Column, present: pd.Series) -> frozenset[str] | None:
        """The ids of the table ``column`` refers to; None (and its rows left out) when that
        table could not be read, which is reported where it failed."""
        assert column.ref is not None
        if column.ref not in self.tables:
            self.bad = self.bad | present
            return None
        return self.tables[column.ref].ids

    def check_ref(self, column: Column, header: str, cells: pd.Series, present: pd.Series) -> None:
        ids = self._referred(column, present)
        if ids is None:
            return
        self.report(
            present & ~cells.isin(ids),
            header,
            lambda r: f'unknown {column.name} "{r[header]}" (not an id in {column.ref})',
        )
        # An id whose own row has errors is not reported again here (that row's error says
        # why): a row that needs it is left out, an optional link is dropped.
        failed = present & cells.isin(ids) & ~cells.isin(self.known_ids[column.ref])
        if column.required:
            self.bad = self.bad | failed
        else:
            self.frame.loc[failed, header] = ""

    def check_refs(self, column: Column, header: str, cells: pd.Series, present: pd.Series) -> None:
        # ids whose own row has errors are left out quietly: that row's error says why
        known = self._referred(column, present)
        if known is None:
            return
        what = str(column.ref).removesuffix("s.csv")

        def unknown(cell: str) -> str:
            return " ".join(i for i in split_list(cell) if i not in known)

        missing = cells.map(unknown)
        self.report(
            present & (missing != ""),
            header,
            lambda r: f'unknown {what} "{unknown(r[header])}" (not a valid id in {column.ref})',
        )

    def check_number(
        self, column: Column, header: str, cells: pd.Series, present: pd.Series
    ) -> None:
        invalid = cells.map(number_error)
        self.report(present & (invalid != ""), header, lambda r: number_error(r[header]))

    def check_date(self, column: Column, header: str, cells: pd.Series, present: pd.Series) -> None:
        # map() keeps an empty column's str dtype; bool & str is deprecated in pandas
        self.report(
            present & ~cells.map(is_date).astype(bool),
            header,
            lambda r: f'"{r[header]}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)',
        )

    def check_localized(
        self, column: Column, header: str, cells: pd.Series, present: pd.Series
    ) -> None:
        self.report(
            cells.str.contains(_HTML, regex=True),
            header,
            lambda r: f'"{r[header]}" looks like HTML; it is shown exactly as typed, tags included',
            Severity.WARNING,
        )
        lacks = self.missing_glyphs
        if lacks is not None:
            self.report(
                cells.map(lacks) != "",
                header,
                lambda r: (
                    f'the shipped fonts lack "{lacks(r[header])}"; visitors would see empty boxes'
                ),
                Severity.WARNING,
            )
