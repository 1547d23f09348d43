"""Fuzzing the content folder (issue 17): whatever a curator types into a CSV cell, a header or
config.toml, the loader returns problems and never raises, within a time bound per case, and
every figure it accepts can be formatted in every language (validation and display agree).

Derandomized, 25 cases per kind in the suite (about 15 s); ``KIOSK_FUZZ_EXAMPLES=2000`` runs a
deeper search by hand.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import Content, load_content
from kiosk.i18n import LANGUAGES, format_growth, format_value
from tests.helpers import EXHIBIT

EXAMPLES = int(os.environ.get("KIOSK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=EXAMPLES <= 100,
    deadline=timedelta(seconds=5),  # one load of the whole folder takes ~0.2 s
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
TABLES = sorted(p.name for p in EXHIBIT.glob("*.csv"))

# What curators really type, and what breaks parsers: quotes, separators, line ends, control
# and wide characters, numbers in odd spellings, HTML, formulas.
SPICE = st.sampled_from(
    [
        '"',
        '""',
        ",",
        ";",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\x00",
        "\ufeff",
        "\u200b",
        "=SUM(A1)",
        "<b>",
        "</i>",
        "&amp;",
        "{value}",
        "{",
        "}",
        "%",
        "1e309",
        "-0",
        "１２",
        "1,2,3",
        "NaN",
        "inf",
        "9" * 40,
        "0." + "1" * 40,
        "2026-13-45",
        "../../etc/passwd",
        "images/x.svg",
        "深圳",
        "臺灣",
        "🤖",
        "\u202e",
        " ",
        "",
    ]
)
CELL = st.one_of(
    st.text(max_size=40),
    SPICE,
    st.lists(st.one_of(SPICE, st.text(max_size=8)), max_size=6).map("".join),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@pytest.fixture(scope="module")
def pristine() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-fuzz-"))
    shutil.copytree(EXHIBIT, folder / "content")
    yield folder / "content"
    shutil.rmtree(folder, ignore_errors=True)


@functools.cache
def _rows(path: Path) -> tuple[tuple[str, ...], ...]:
    text = path.read_text(encoding="utf-8-sig")
    return tuple(tuple(row) for row in csv.reader(io.StringIO(text)))


@functools.cache
def config_lines(folder: Path) -> tuple[str, ...]:
    return tuple((folder / "config.toml").read_text(encoding="utf-8").splitlines())


def rows_of(folder: Path, name: str) -> list[list[str]]:
    """The table's rows as read once (the draws must not depend on files changing meanwhile)."""
    return [list(row) for row in _rows(folder / name)]


def as_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def check(folder: Path) -> Content:
    """The contract: problems, never an exception; what is accepted can be shown."""
    content = load_content(folder)
    for problem in content.problems:
        assert problem.file is not None and problem.message
        problem.format(str(folder))
    for figure in content.figures.values():
        for lang in LANGUAGES:
            format_value(figure.unit.kind, figure.number.value, figure.number.decimals, lang)
            if figure.growth is not None:
                format_growth(figure.growth.value, figure.growth.decimals, lang)
    return content


def with_file(folder: Path, name: str, data: bytes) -> Content:
    """Load ``folder`` with ``name`` replaced by ``data``, then put the original back."""
    target = folder / name
    original = target.read_bytes()
    target.write_bytes(data)
    try:
        return check(folder)
    finally:
        target.write_bytes(original)


@FUZZ
@given(data=st.data())
def test_any_cell_gives_problems_never_an_exception(pristine: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(TABLES), label="table")
    rows = rows_of(pristine, name)
    row = data.draw(st.integers(1, len(rows) - 1), label="row")
    column = data.draw(st.integers(0, len(rows[0]) - 1), label="column")
    rows[row][column] = data.draw(CELL, label="cell")
    with_file(pristine, name, as_csv(rows).encode("utf-8", "surrogatepass"))


@FUZZ
@given(data=st.data())
def test_any_header_gives_problems_never_an_exception(pristine: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(TABLES), label="table")
    rows = rows_of(pristine, name)
    column = data.draw(st.integers(0, len(rows[0]) - 1), label="column")
    rows[0][column] = data.draw(st.one_of(CELL, st.sampled_from(rows[0])), label="header")
    if data.draw(st.booleans(), label="extra column"):
        rows[0].append(data.draw(CELL, label="extra"))
    with_file(pristine, name, as_csv(rows).encode("utf-8", "surrogatepass"))


TOML_VALUE = st.one_of(
    st.sampled_from(
        [
            "true",
            "false",
            "0",
            "-1",
            "1e309",
            "nan",
            "inf",
            "90",
            "3.5",
            '""',
            '"x"',
            '"09:00-18:00"',
            '"closed"',
            "[]",
            '["home"]',
            "[1, 2]",
            "{}",
            '{ page = "home" }',
            '[{ page = "home", dwell = 8 }]',
            "2026-12-01",
            "12:00:00",
            '"zh-Hans"',
            '"xx"',
        ]
    ),
    st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "").replace('"', "") + '"'),
    st.integers().map(str),
)
SECTIONS = ["exhibition", "pages", "timing", "autoplay", "kiosk", "hours", "other"]
KEYS = [
    "version",
    "default_language",
    "order",
    "autoplay_after",
    "reset_after",
    "countdown",
    "enabled",
    "rotate_languages",
    "playlist",
    "hide_cursor",
    "daily",
    "monday",
    "x",
]


@FUZZ
@given(data=st.data())
def test_any_config_toml_gives_problems_never_an_exception(
    pristine: Path, data: st.DataObject
) -> None:
    lines = list(config_lines(pristine))
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(lines)), label="line")
        kind = data.draw(st.sampled_from(["key", "section", "value-line", "raw"]), label="kind")
        if kind == "key":
            key = data.draw(st.sampled_from(KEYS), label="key")
            line = f"{key} = {data.draw(TOML_VALUE, label='value')}"
        elif kind == "section":
            line = f"[{data.draw(st.sampled_from(SECTIONS), label='section')}]"
        elif kind == "value-line":
            line = f"{data.draw(st.sampled_from(SECTIONS), label='as value')} = "
            line += data.draw(TOML_VALUE, label="value")
        else:
            line = data.draw(st.text(max_size=30), label="raw")
        lines.insert(at, line)
    text = "\n".join(lines) + "\n"
    with_file(pristine, "config.toml", text.encode("utf-8", "surrogatepass"))


def test_the_pristine_copy_is_clean(pristine: Path) -> None:
    """The fuzz cases start from clean content, so every problem they see is theirs."""
    assert not check(pristine).errors
