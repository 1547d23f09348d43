"""``kiosk --check-layout`` (issue 15): green on the bundled content and the stress pack, and each
of its detectors catching a layout broken on purpose.

One size here (each run walks every page, detail, switch and the attract loop); CI runs the
other two: ``kiosk --check-layout [--content tests/data/stress] --size 1080x1920`` and
``--size 3840x2160``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.app import application
from kiosk.cli import build_parser, main
from kiosk.content import load_content
from kiosk.content.known_texts import KnownTexts, foreign_language, text_languages
from kiosk.i18n import Language
from kiosk.ui.input import Pressable
from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.figures.charts import BarChart
from kiosk.ui.shell.header import Header
from kiosk.ui.tools.layout_check import audit, check_layout
from kiosk.ui.widgets.text import TextLabel
from tests.helpers import EXHIBIT, STRESS

QUICK = {"pages": ["home", "figures"], "attract": False}  # enough for a detector's case


def run(folder: Path, languages: list[Language] | None = None, **kwargs: object) -> list[str]:
    """The check's lines; the last one is the summary."""
    application()
    lines: list[str] = []
    status = check_layout(load_content(folder), (1920, 1080), languages, out=lines.append, **kwargs)
    lines.append(f"status {status}")
    return lines


def errors(lines: list[str]) -> list[str]:
    return [line for line in lines[:-2] if ": warning: " not in line]


# --- green on both packs ------------------------------------------------------------------------


def test_the_bundled_content_passes_through_the_command_line(qapp, capsys) -> None:
    assert main(["--check-layout", "--size", "1920x1080"]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out.splitlines()
    summary = out[-1]
    assert summary.startswith("check-layout 1920x1080: ")
    assert " 0 error(s)" in summary and " s" in summary
    screens = int(summary.split(": ")[1].split()[0])
    assert screens > 100  # every page, detail, switch and attract-loop step was checked


def test_the_stress_pack_passes() -> None:
    lines = run(STRESS)
    assert lines[-2].startswith("check-layout 1920x1080: ")
    assert errors(lines) == []
    assert lines[-1] == "status 0"
    assert any(": warning: elided; full text " in line for line in lines)  # long texts cut


def test_the_stress_pack_is_valid_content() -> None:
    content = load_content(STRESS)
    assert content.errors == ()
    assert len(content.robots) == 1 and len(content.companies) == 30


# --- each detector on the real paths ------------------------------------------------------------


def test_a_label_wider_than_the_window_is_an_error(monkeypatch) -> None:
    heading = PageView.set_heading

    def too_wide(self: PageView, title: QLabel, caption: QLabel) -> None:
        heading(self, title, caption)
        title.setObjectName("too-wide-title")
        title.setMinimumWidth(self.theme.width + 200)

    monkeypatch.setattr(PageView, "set_heading", too_wide)
    lines = run(EXHIBIT, ["zh-Hans"], **QUICK)
    assert lines[-1] == "status 1"
    assert any(
        line.startswith("figures zh-Hans 1920x1080: too-wide-title ")
        and "outside the window" in line
        for line in errors(lines)
    ), lines


def test_a_touch_target_10_px_high_is_an_error(monkeypatch) -> None:
    build = Header.__init__

    def squat(self: Header, *args: object, **kwargs: object) -> None:
        build(self, *args, **kwargs)
        self.home.setFixedHeight(10)

    monkeypatch.setattr(Header, "__init__", squat)
    lines = run(EXHIBIT, ["en"], **QUICK)
    assert lines[-1] == "status 1"
    assert any(
        "home-button" in line and "touch target" in line and "x10 px" in line
        for line in errors(lines)
    ), lines


def test_a_label_left_in_the_old_language_after_a_switch_is_an_error(monkeypatch) -> None:
    # the pages miss the switch: the header changes language, their texts stay as they were
    monkeypatch.setattr(PageView, "_on_language_changed", lambda self, _lang: None)
    lines = run(EXHIBIT, ["zh-Hans"], **QUICK)
    assert lines[-1] == "status 1"
    found = errors(lines)
    # the fresh start is clean; after the tap on 繁體中文, Home's Simplified tile is left
    assert not any(line.startswith("home zh-Hans ") for line in found), found
    assert any(
        line.startswith("home zh-Hant ") and '"数读AI之城"' in line and "in zh-Hans" in line
        for line in found
    ), found


def test_a_chart_text_on_another_is_an_error(monkeypatch) -> None:
    relayout = BarChart.relayout

    def growth_on_label(self: BarChart) -> None:
        relayout(self)
        for label, growth in zip(self.labels, self.growths, strict=True):
            growth.setAnchor((0, 1))  # where the label starts, not at the right end
            growth.setPos(label.pos())

    monkeypatch.setattr(BarChart, "relayout", growth_on_label)
    lines = run(EXHIBIT, ["en"], pages=["figures"], attract=False)
    assert lines[-1] == "status 1"
    assert any(
        line.startswith(
            'figures/more en 1920x1080: chart-output_2024 "AI industry output": overlaps'
        )
        for line in errors(lines)
    ), lines


def test_the_checks_pass_when_nothing_is_broken() -> None:
    lines = run(EXHIBIT, ["zh-Hans"], **QUICK)
    assert lines[-1] == "status 0", lines


# --- each detector on a widget tree of its own --------------------------------------------------


@pytest.fixture
def root(qapp) -> QWidget:
    widget = QWidget()
    widget.resize(600, 400)
    yield widget
    widget.close()
    widget.deleteLater()


def problems(
    root: QWidget, known: KnownTexts | None = None, lang: Language = "en", smallest: int = 0
) -> list[str]:
    root.show()
    qapp = application()
    for _ in range(3):
        qapp.processEvents()
    return [f.line() for f in audit(root, "test", lang, known or KnownTexts({}), 96, smallest)]


def label(parent: QWidget, text: str, name: str, make: Callable = TextLabel) -> QLabel:
    widget = make(parent)
    widget.setObjectName(name)
    widget.setText(text)
    return widget


def test_overlapping_sibling_texts(root: QWidget) -> None:
    label(root, "Title", "a").setGeometry(10, 10, 300, 60)
    label(root, "Caption", "b").setGeometry(10, 40, 300, 60)
    assert any('a "Title": overlaps b "Caption"' in p for p in problems(root))


def test_a_widget_a_layout_squeezed_onto_another_is_an_error(root: QWidget) -> None:
    """A chart's note drawn over its last bar: the layout had less room than the minimum."""
    layout = QVBoxLayout(root)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # as a page's: never grows
    plot = QWidget(root)
    plot.setObjectName("plot")
    plot.setMinimumHeight(390)
    note = label(root, "A note under the plot", "note")
    layout.addWidget(plot)
    layout.addWidget(note)
    found = problems(root)
    assert any('plot "": overlaps note "A note under the plot" by' in p for p in found), found
    plot.setMinimumHeight(200)  # room for both: nothing to say
    assert not [p for p in problems(root) if "overlaps" in p]


def test_an_elided_text_is_a_warning_naming_the_full_text(root: QWidget) -> None:
    words = "A long caption that a curator wrote for the screen"
    short = TextLabel(root, wrap=False)
    short.setObjectName("short")
    short.setText(words)
    short.setGeometry(10, 10, 200, 60)
    found = problems(root)
    assert any(
        p.startswith('test en 600x400: short "') and f'warning: elided; full text "{words}"' in p
        for p in found
    ), found


def test_a_text_with_no_room_for_a_line_is_a_warning(root: QWidget) -> None:
    summary = TextLabel(root, fill=True)
    summary.setObjectName("summary")
    summary.setText("A summary the card has no room for")
    summary.setGeometry(10, 10, 300, 8)
    found = problems(root)
    assert summary.text() == "" and summary.elided
    assert any(
        'summary "": warning: no room for a line: hidden; full text "A summary' in p for p in found
    ), found


def test_a_clipped_text_is_an_error(root: QWidget) -> None:
    label(root, "A text far wider than its plain label", "plain", QLabel).setGeometry(
        10, 10, 80, 40
    )
    assert any('plain "A text far wider' in p and "clipped: needs" in p for p in problems(root))


def test_a_text_outside_its_scroll_area_s_viewport(root: QWidget) -> None:
    area = QScrollArea(root)
    area.setObjectName("scroller")
    area.setWidgetResizable(True)
    area.setGeometry(0, 0, 300, 300)
    body = QWidget()
    column = QVBoxLayout(body)
    wide = label(body, "Wide", "wide")
    wide.setMinimumWidth(500)
    column.addWidget(wide)
    area.setWidget(body)
    found = problems(root)
    assert any("scroller" in p and "scrolls sideways" in p for p in found), found
    assert any('wide "Wide"' in p and "outside the visible area of scroller" in p for p in found), (
        found
    )


def test_a_known_text_of_another_language(root: QWidget) -> None:
    label(root, "首页", "home-title").setGeometry(10, 10, 300, 60)
    known = KnownTexts({"首页": frozenset({"zh-Hans"}), "Home": frozenset({"en"})})
    assert any("in zh-Hans, not en" in p for p in problems(root, known))
    assert problems(root, known, "zh-Hans") == []


def test_a_small_touch_target(root: QWidget) -> None:
    button = Pressable(root)
    button.setObjectName("tiny")
    button.setGeometry(10, 10, 120, 40)
    assert any("tiny" in p and "touch target 120x40 px" in p for p in problems(root))


# --- the command line ---------------------------------------------------------------------------


def test_check_layout_is_an_action_of_its_own(capsys) -> None:
    args = build_parser().parse_args(["--check-layout", "--size", "1080x1920", "--lang", "en"])
    assert args.check_layout and args.size == (1080, 1920)
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["--check-layout", "--validate"])
    assert stop.value.code == 2
    assert "--check-layout" in build_parser().format_help()


def test_texts_filled_into_another_language_s_template() -> None:
    known = text_languages(load_content(EXHIBIT))
    assert foreign_language("Source: Time Weekly (2025)", "zh-Hans", known) == "en"
    assert foreign_language("来源：Time Weekly", "zh-Hans", known) is None
    assert foreign_language("來源：Time Weekly", "zh-Hans", known) == "zh-Hant"
    assert foreign_language("over CNY 800 billion", "zh-Hant", known) == "en"
    assert foreign_language("2024", "zh-Hans", known) is None  # "{text}" tells no language
    assert foreign_language("首页", "en", known) == "zh-Hans"
    assert foreign_language("English", "zh-Hans", known) is None  # a name in every language


def test_a_text_under_the_reading_minimum_is_an_error(root: QWidget) -> None:
    """Sources and roles are read from a step back: under the theme's minimum is an error."""
    small, fine = label(root, "Source: a report", "small"), label(root, "Body", "fine")
    font = small.font()
    font.setPixelSize(18)
    small.setFont(font)
    font.setPixelSize(22)
    fine.setFont(font)
    small.setGeometry(10, 10, 400, 60)
    fine.setGeometry(10, 100, 400, 60)
    found = problems(root, smallest=22)
    assert any('small "Source: a report": set at 18 px, under the 22 px' in p for p in found)
    assert not any("fine" in p for p in found), found


def test_a_touch_target_above_the_reach_line_is_an_error(root: QWidget) -> None:
    """Reach mode (--check-layout --accessibility): nothing touchable above the line."""
    high, low = Pressable(root), Pressable(root)
    high.setObjectName("high")
    low.setObjectName("low")
    high.setGeometry(10, 20, 120, 120)
    low.setGeometry(200, 150, 120, 120)
    root.show()
    application().processEvents()
    found = [f.line() for f in audit(root, "test", "en", KnownTexts({}), 96, 0, reach_top=140)]
    assert any("high" in p and "above the reach line at 140" in p for p in found), found
    assert not any(p.startswith("test en 600x400: low") for p in found), found


def test_reach_mode_walks_green_on_the_exhibit_pack() -> None:
    """Every page and detail in reach mode at 1920x1080: no target above the reach line."""
    from kiosk.app import build_window
    from kiosk.runtime.access import Access
    from kiosk.ui.tools.layout_check import LayoutCheck

    application()
    run = LayoutCheck(load_content(EXHIBIT), (1080, 1920), build_window, Access(reach=True))
    run.walk("en", None, switching=False, attract=False)
    reach = [f.line() for f in run.findings.values() if "reach line" in f.problem]
    assert run.screens > 20 and reach == []
