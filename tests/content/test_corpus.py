"""A corpus of broken content: each case breaks a fresh copy of data/ the way a curator, Excel, a
cut-off copy or a prankster would, and checks that the loader names the right place with the right
message, raises nothing (the suite turns warnings into errors), and keeps everything else.

A case returns what it expects: every problem (``file:row:column``, a fragment of the message, the
severity) and the ids it costs in each collection; anything else reported or lost fails the case.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import random
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.content import Content, Settings, Severity, load_content
from kiosk.content.schema import TABLES
from tests.helpers import EXHIBIT
from tests.helpers.content import (
    cells,
    describe,
    read,
    replace_text,
    row_of,
    set_cell,
    write,
)

ERROR, WARNING = Severity.ERROR, Severity.WARNING
BUNDLED_CONTENT = load_content(EXHIBIT)


@dataclass(frozen=True)
class Expect:
    """One problem the case must produce, exactly once."""

    file: str
    row: int | None
    column: str | None
    fragment: str
    severity: Severity = ERROR


@dataclass
class Outcome:
    """What a case expects: its problems, the ids it costs, any further check."""

    problems: list[Expect] = field(default_factory=list)
    dropped: dict[str, set[str]] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)  # collections whose values change on purpose
    default_settings: bool = False
    check: Callable[[Content], None] | None = None


Breaker = Callable[[Path], Outcome]
CASES: dict[str, Breaker] = {}


def case(name: str) -> Callable[[Breaker], Breaker]:
    def register(breaker: Breaker) -> Breaker:
        CASES[name] = breaker
        return breaker

    return register


def inventory(content: Content) -> dict[str, dict[str, object]]:
    """Every collection as {id: what a visitor sees}, comparable across copies of the folder."""
    return {
        "strings": dict(content.strings),
        "sources": dict(content.sources),
        "units": dict(content.units),
        "pages": {i: (p.title, p.caption) for i, p in content.pages.items()},
        "figures": dict(content.figures),
        "charts": dict(content.charts),
        "layers": dict(content.layers),
        "parts": dict(content.parts),
        "companies": dict(content.companies),
        "terminals": dict(content.terminals),
        "chain_notes": dict(content.chain_notes),
        "robots": {i: (r.name, r.category, r.scene, r.facts) for i, r in content.robots.items()},
        "events": {e.id: e for e in content.events},
        "voices": dict(content.voices),
    }


BUNDLED_INVENTORY = inventory(BUNDLED_CONTENT)


def ids_from(name: str, key: str) -> set[str]:
    """Ids of the bundled rows of ``name`` from the row ``key`` to the end of the file."""
    records = list(csv.reader(io.StringIO(read(EXHIBIT, name), newline="")))[1:]
    ids = [r[0] for r in records]
    return set(ids[ids.index(key) :])


def cut_inside(folder: Path, name: str, marker: str, keep: int) -> None:
    """Cut ``folder/name`` ``keep`` characters after the start of ``marker`` (a copy cut short)."""
    text = read(folder, name)
    write(folder, name, text[: text.index(marker) + keep])


def png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + crc


# --- truncated and malformed CSV --------------------------------------------------------------


@case("cut mid-row")
def _(folder: Path) -> Outcome:
    row = row_of(folder, "events.csv", "ai_policies_23")
    cells = (folder / "events.csv").read_text(encoding="utf-8").splitlines()[0].count(",") + 1
    cut_inside(folder, "events.csv", "ai_policies_23,", len("ai_policies_23,2025-05,ai_pol"))
    return Outcome(
        [Expect("events.csv", row, "D", f"ends in the middle of this row (3 of {cells} cells)")],
        {"events": ids_from("events.csv", "ai_policies_23")},
    )


@case("cut inside a quoted cell")
def _(folder: Path) -> Outcome:
    row = row_of(folder, "events.csv", "ai_output_2024")
    cut_inside(folder, "events.csv", '"Output grew', len('"Output grew 22.6%'))
    return Outcome(
        [Expect("events.csv", row, "I", "double quote opened in this cell is never closed")],
        {"events": ids_from("events.csv", "ai_output_2024")},
    )


@case("row with too many cells")
def _(folder: Path) -> Outcome:
    quote = cells(folder, "voices.csv", "dai_limbs_lead")["quote_en"]
    assert quote.count(",") == 1
    replace_text(folder, "voices.csv", f'"{quote}"', quote)  # the quotes Excel adds, lost
    return Outcome(
        [Expect("voices.csv", row_of(folder, "voices.csv", "dai_limbs_lead"), "L", "12 cells")],
        {"voices": {"dai_limbs_lead"}},
    )


@case("row with too few cells")
def _(folder: Path) -> Outcome:
    replace_text(folder, "voices.csv", 'limbs lead China.",time_weekly\n', 'limbs lead China."\n')
    row = row_of(folder, "voices.csv", "dai_limbs_lead")
    return Outcome(
        [
            Expect("voices.csv", row, "K", "row has 10 cells but the header has 11", WARNING),
            Expect("voices.csv", row, "K", "'source' is empty"),
        ],
        {"voices": {"dai_limbs_lead"}},
    )


@case("CSV deleted")
def _(folder: Path) -> Outcome:
    (folder / "voices.csv").unlink()
    return Outcome(
        [Expect("voices.csv", None, None, "file is missing")],
        {"voices": set(BUNDLED_INVENTORY["voices"])},
    )


@case("CSV replaced by a folder")
def _(folder: Path) -> Outcome:
    (folder / "events.csv").unlink()
    (folder / "events.csv").mkdir()
    return Outcome(
        [Expect("events.csv", None, None, "is a folder, not a file")],
        {"events": set(BUNDLED_INVENTORY["events"])},
    )


@case("config.toml replaced by a folder")
def _(folder: Path) -> Outcome:
    (folder / "config.toml").unlink()
    (folder / "config.toml").mkdir()
    return Outcome(
        [Expect("config.toml", None, None, "is a folder, not a file; using default settings")],
        default_settings=True,
    )


@case("config.toml not UTF-8")
def _(folder: Path) -> Outcome:
    text = read(folder, "config.toml")
    write(folder, "config.toml", "# 展览设置\n" + text, encoding="gb18030")
    return Outcome(
        [Expect("config.toml", 1, None, "is not UTF-8; save it as UTF-8; using default settings")],
        default_settings=True,
    )


# --- images -----------------------------------------------------------------------------------


@case("PNG that is a renamed text file")
def _(folder: Path) -> Outcome:
    (folder / "images/robots/patrol.png").write_text("patrol robot, photo to follow\n")
    row = set_cell(folder, "robots.csv", "patrol", "image", "images/robots/patrol.png")

    def check(content: Content) -> None:
        assert content.robots["patrol"].image is None  # the card stays, with the neutral drawing

    return Outcome(
        [Expect("robots.csv", row, "C", '"images/robots/patrol.png" is not a readable PNG')],
        check=check,
    )


@case("SVG that is a renamed text file")
def _(folder: Path) -> Outcome:
    (folder / "images/pages/robots.svg").write_text("robots icon, to do\n")
    row = row_of(folder, "pages.csv", "robots")

    def check(content: Content) -> None:
        assert content.pages["robots"].icon is None
        assert content.pages["chain"].icon is not None

    return Outcome(
        [Expect("pages.csv", row, "B", '"images/pages/robots.svg" is not a valid SVG file')],
        check=check,
    )


@case("30000x30000 PNG header")
def _(folder: Path) -> Outcome:
    (folder / "images/robots/patrol.png").write_bytes(png_header(30000, 30000))
    row = set_cell(folder, "robots.csv", "patrol", "image", "images/robots/patrol.png")
    return Outcome(
        [Expect("robots.csv", row, "C", "is 30000x30000 pixels; the limit is 4096x4096")],
        check=lambda content: _no_image(content, "patrol"),
    )


def _no_image(content: Content, robot: str) -> None:
    assert content.robots[robot].image is None


@case("image path with ..")
def _(folder: Path) -> Outcome:
    (folder.parent / "outside.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    row = set_cell(folder, "robots.csv", "patrol", "image", "images/../../outside.svg")
    return Outcome(
        [Expect("robots.csv", row, "C", "points outside the content folder")],
        check=lambda content: _no_image(content, "patrol"),
    )


@case("absolute image path")
def _(folder: Path) -> Outcome:
    inside = (folder / "images/robots/patrol.svg").resolve()
    row = set_cell(folder, "robots.csv", "patrol", "image", str(inside))
    return Outcome(
        [Expect("robots.csv", row, "C", "must be a path inside the content folder, not absolute")],
        check=lambda content: _no_image(content, "patrol"),
    )


@case("image that is a link out of the folder")
def _(folder: Path) -> Outcome:
    outside = folder.parent / "outside.svg"
    outside.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (folder / "images/robots/patrol.svg").unlink()
    (folder / "images/robots/patrol.svg").symlink_to(outside)
    row = row_of(folder, "robots.csv", "patrol")
    return Outcome(
        [Expect("robots.csv", row, "C", "points outside the content folder")],
        check=lambda content: _no_image(content, "patrol"),
    )


@case("image link that loops")
def _(folder: Path) -> Outcome:
    robots = folder / "images/robots"
    (robots / "patrol.svg").unlink()
    (robots / "patrol.svg").symlink_to(robots / "loop.svg")
    (robots / "loop.svg").symlink_to(robots / "patrol.svg")
    row = row_of(folder, "robots.csv", "patrol")
    return Outcome(
        [Expect("robots.csv", row, "C", "is a link that leads nowhere")],
        check=lambda content: _no_image(content, "patrol"),
    )


@case("image replaced by a folder")
def _(folder: Path) -> Outcome:
    (folder / "images/robots/patrol.svg").unlink()
    (folder / "images/robots/patrol.svg").mkdir()
    row = row_of(folder, "robots.csv", "patrol")
    return Outcome(
        [Expect("robots.csv", row, "C", "is a folder, not a file")],
        check=lambda content: _no_image(content, "patrol"),
    )


# --- text -------------------------------------------------------------------------------------

HTML_CAPTION = (
    '<script>alert("hi")</script><b>Robots</b> <img src=x onerror=alert(1)> '
    '<a href="http://example.com">more</a> &amp; <br/>'
)


@case("caption full of HTML")
def _(folder: Path) -> Outcome:
    row = set_cell(folder, "pages.csv", "robots", "caption_en", HTML_CAPTION)

    def check(content: Content) -> None:
        assert content.pages["robots"].caption.en == HTML_CAPTION  # kept exactly as typed

    return Outcome(
        [Expect("pages.csv", row, "I", "looks like HTML; it is shown exactly as typed", WARNING)],
        changed={"pages"},
        check=check,
    )


@case("unit template with a bare number")
def _(folder: Path) -> Outcome:
    row = set_cell(folder, "units.csv", "policies", "en", "{value}")

    def check(content: Content) -> None:
        figure = content.figures["ai_policies_2025"]
        assert content.format_figure(figure, "en") == "23"  # still shown; the warning says why

    return Outcome(
        [Expect("units.csv", row, "F", 'the en text "{value}" shows a bare number', WARNING)],
        changed={"units", "figures", "charts", "events"},
        check=check,
    )


# --- encodings --------------------------------------------------------------------------------


@case("UTF-16 without BOM")
def _(folder: Path) -> Outcome:
    write(folder, "voices.csv", read(folder, "voices.csv"), encoding="utf-16-le")
    return Outcome(
        [Expect("voices.csv", None, None, "saved as UTF-16 without a byte order mark")],
        {"voices": set(BUNDLED_INVENTORY["voices"])},
    )


@case("UTF-16 with BOM")
def _(folder: Path) -> Outcome:
    write(folder, "voices.csv", read(folder, "voices.csv"), encoding="utf-16")
    return Outcome(
        [Expect("voices.csv", None, None, "saved as UTF-16 ('Unicode Text'); save it as 'CSV")],
        {"voices": set(BUNDLED_INVENTORY["voices"])},
    )


@case("Latin-1 bytes that are not GB18030 either")
def _(folder: Path) -> Outcome:
    text = read(folder, "voices.csv").replace("Prof. Dai Xin,", "Prof. Dai Xin café,", 1)
    raw = text.encode("utf-8").replace("é".encode(), "é".encode("latin-1"))
    for encoding in ("utf-8", "gb18030"):  # the premise: neither reads it
        with pytest.raises(UnicodeDecodeError):
            raw.decode(encoding)
    (folder / "voices.csv").write_bytes(raw)
    return Outcome(
        [Expect("voices.csv", 2, None, "byte 0xE9 is neither UTF-8 nor GB18030")],
        {"voices": set(BUNDLED_INVENTORY["voices"])},
    )


@case("random binary")
def _(folder: Path) -> Outcome:
    (folder / "voices.csv").write_bytes(random.Random(8).randbytes(4000))
    return Outcome(
        [Expect("voices.csv", None, None, "is not a text file (it holds binary data")],
        {"voices": set(BUNDLED_INVENTORY["voices"])},
    )


@case("UTF-8 BOM from Excel")
def _(folder: Path) -> Outcome:
    raw = (folder / "events.csv").read_bytes()
    (folder / "events.csv").write_bytes(codecs.BOM_UTF8 + raw)
    return Outcome()


@case("GBK from Excel on Chinese Windows")
def _(folder: Path) -> Outcome:
    write(folder, "events.csv", read(folder, "events.csv"), encoding="gbk")
    return Outcome([Expect("events.csv", None, None, "not UTF-8; read as GB18030", WARNING)])


# --- Excel quirks -----------------------------------------------------------------------------


@case("thousands separators, ASCII and full-width")
def _(folder: Path) -> Outcome:
    set_cell(folder, "figures.csv", "ai_policies_city", "value", "1,234")  # quoted by Excel
    replace_text(folder, "figures.csv", "ai_policies_district,15,", "ai_policies_district,1，234,")

    def check(content: Content) -> None:
        for fid in ("ai_policies_city", "ai_policies_district"):
            assert content.figures[fid].number.value == 1234
            assert content.figures[fid].number.decimals == 0

    return Outcome(changed={"figures", "charts", "events"}, check=check)


@case("spaces around ids and cells")
def _(folder: Path) -> Outcome:
    record = cells(folder, "figures.csv", "robot_unicorns_2024")
    for column in ("value", "unit", "period", "label_en", "id"):  # the id last: it finds the row
        set_cell(folder, "figures.csv", record["id"], column, f"  {record[column]} ")
    replace_text(folder, "events.csv", "\nai_vouchers,", "\n ai_vouchers\u3000,")
    return Outcome()


@case("blank rows and rows of only commas")
def _(folder: Path) -> Outcome:
    replace_text(
        folder, "voices.csv", "\ndai_limbs_lead,", "\n\n,,,,,,,,,,\n , ,\n\ndai_limbs_lead,"
    )
    row = set_cell(folder, "voices.csv", "dai_limbs_lead", "source", "nowhere")
    assert row == row_of(EXHIBIT, "voices.csv", "dai_limbs_lead") + 4  # Excel rows, blanks too
    return Outcome(
        [Expect("voices.csv", row, "K", 'unknown source "nowhere"')],
        {"voices": {"dai_limbs_lead"}},
    )


@case("CRLF line ends")
def _(folder: Path) -> Outcome:
    row = set_cell(folder, "voices.csv", "dai_limbs_lead", "source", "nowhere")
    raw = (folder / "voices.csv").read_bytes()
    (folder / "voices.csv").write_bytes(raw.replace(b"\n", b"\r\n"))
    return Outcome(
        [Expect("voices.csv", row, "K", 'unknown source "nowhere"')],
        {"voices": {"dai_limbs_lead"}},
    )


@case("header with trailing empty columns")
def _(folder: Path) -> Outcome:
    text = read(folder, "events.csv")
    write(folder, "events.csv", "".join(line + ",,,\n" for line in text.splitlines()))
    return Outcome()


@case("header-only events.csv")
def _(folder: Path) -> Outcome:
    write(folder, "events.csv", read(folder, "events.csv").splitlines()[0] + "\n")
    return Outcome(dropped={"events": set(BUNDLED_INVENTORY["events"])})


# --- the file system --------------------------------------------------------------------------


@case("CSV that is a link out of the folder")
def _(folder: Path) -> Outcome:
    outside = folder.parent / "voices.csv"
    outside.write_bytes((folder / "voices.csv").read_bytes())  # a valid file, but not ours
    (folder / "voices.csv").unlink()
    (folder / "voices.csv").symlink_to(outside)
    return Outcome(
        [Expect("voices.csv", None, None, "is a link to a file outside the content folder")],
        {"voices": set(BUNDLED_INVENTORY["voices"])},
    )


@case("CSV that is a link inside the folder")
def _(folder: Path) -> Outcome:
    (folder / "voices.csv").rename(folder / "voices-2026.csv")
    (folder / "voices.csv").symlink_to(folder / "voices-2026.csv")
    return Outcome()


# --- the checks -------------------------------------------------------------------------------


def _load_and_check(folder: Path, outcome: Outcome) -> Content:
    content = load_content(folder)  # no exception, and no warning (filterwarnings = error)
    report = describe(content.problems)
    for expected in outcome.problems:
        found = [
            p
            for p in content.problems
            if p.file == expected.file and expected.fragment in p.message
        ]
        assert len(found) == 1, f"expected one {expected}, got:\n{report}"
        [problem] = found
        assert (problem.row, problem.column, problem.severity) == (
            expected.row,
            expected.column,
            expected.severity,
        ), str(problem)
        assert str(problem).startswith(
            f"{expected.file}:{expected.row or '-'}:{expected.column or '-'}: "
        )
    unexpected = [
        p
        for p in content.problems
        if not any(p.file == e.file and e.fragment in p.message for e in outcome.problems)
    ]
    assert unexpected == [], f"unexpected problems:\n{describe(unexpected)}"

    shown = inventory(content)
    for name, bundled in BUNDLED_INVENTORY.items():
        kept = set(bundled) - outcome.dropped.get(name, set())
        assert set(shown[name]) == kept, name
        if name not in outcome.changed:
            for key in kept:
                assert shown[name][key] == bundled[key], (name, key)
    if outcome.default_settings:
        assert content.settings == Settings()
    else:
        assert content.settings == BUNDLED_CONTENT.settings
    if outcome.check:
        outcome.check(content)
    return content


@pytest.mark.parametrize("name", list(CASES))
def test_broken_content_is_reported_and_the_rest_loads(content_dir: Path, name: str) -> None:
    outcome = CASES[name](content_dir)

    _load_and_check(content_dir, outcome)


@pytest.mark.parametrize("table", list(TABLES))
def test_a_table_with_only_its_header_loads_without_warnings(content_dir: Path, table: str) -> None:
    """Every table emptied in Excel: no pandas warning, no exception, its rows are simply gone."""
    write(content_dir, table, read(content_dir, table).splitlines()[0] + "\n")

    content = load_content(content_dir)

    assert not any(p.file == table and p.row not in (None, 1) for p in content.problems), describe(
        content.problems
    )


# --- unreadable files -------------------------------------------------------------------------


def _deny_reading(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """chmod 000 as root still reads, so the refusal is simulated where the loader reads."""
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == denied:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


@pytest.mark.parametrize(
    ("name", "outcome"),
    [
        (
            "voices.csv",
            Outcome(
                [Expect("voices.csv", None, None, "cannot be read: Permission denied")],
                {"voices": set(BUNDLED_INVENTORY["voices"])},
            ),
        ),
        (
            "config.toml",
            Outcome(
                [Expect("config.toml", None, None, "cannot be read: Permission denied; using")],
                default_settings=True,
            ),
        ),
    ],
)
def test_unreadable_file_is_reported(
    content_dir: Path, monkeypatch: pytest.MonkeyPatch, name: str, outcome: Outcome
) -> None:
    _deny_reading(monkeypatch, content_dir / name)

    _load_and_check(content_dir, outcome)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anyway")
def test_chmod_000_file_is_reported(content_dir: Path) -> None:
    (content_dir / "voices.csv").chmod(0)
    try:
        outcome = Outcome(
            [Expect("voices.csv", None, None, "cannot be read: Permission denied")],
            {"voices": set(BUNDLED_INVENTORY["voices"])},
        )
        _load_and_check(content_dir, outcome)
    finally:
        (content_dir / "voices.csv").chmod(0o644)


def test_unreadable_image_is_reported(content_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (content_dir / "images/robots/patrol.png").write_bytes(png_header(640, 480))
    row = set_cell(content_dir, "robots.csv", "patrol", "image", "images/robots/patrol.png")
    denied = (content_dir / "images/robots/patrol.png").resolve()
    real_open = Path.open

    def open_(self: Path, *args: object, **kwargs: object):
        if self == denied:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_)

    _load_and_check(
        content_dir,
        Outcome(
            [Expect("robots.csv", row, "C", "cannot be read: Permission denied")],
            check=lambda content: _no_image(content, "patrol"),
        ),
    )
