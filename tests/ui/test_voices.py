"""The voices page: one quote at a time, moved by touch and mouse swipes or the arrows, and by
itself after a while; nothing moves under a finger, and nothing runs once the page is hidden."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.content.models import Voice
from kiosk.i18n import Language
from kiosk.ui.pages.voices import VoicesPage
from kiosk.ui.pages.voices.quote import WORD_JOINER, balance_lines, keep_terms_together, wrap_lines
from tests.helpers.content import set_cell
from tests.helpers.ui import (
    center,
    make_window,
    mouse_drag,
    open_page,
    touch_device,
    touch_drag,
    touch_tap,
)

MARKS = {"zh-Hans": ("“", "”"), "zh-Hant": ("「", "」"), "en": ("“", "”")}


def open_voices(window, qtbot, advance_ms: int | None = None) -> VoicesPage:
    page: VoicesPage = window.stack.page("voices")
    if advance_ms is not None:
        page.advance_ms = advance_ms
    open_page(window, qtbot, "voices", settled=False)  # its countdown runs while it is shown
    qtbot.waitUntil(lambda: not page.stage.running, timeout=15000)
    return page


def shown(page: VoicesPage) -> tuple[str, str, str]:
    view = page.stage.view
    # the joiners (invisible) keep ‘大脑’ on one line; the breaks even the lines out
    quote = view.quote.text().replace(WORD_JOINER, "").replace("\n", "")
    return view.speaker.text(), quote, view.role.text()


def expected(voice: Voice, lang: Language) -> tuple[str, str, str]:
    before, after = MARKS[lang]
    return voice.speaker.get(lang), before + voice.quote.get(lang) + after, voice.role.get(lang)


def settled(page: VoicesPage) -> bool:
    return not page.stage.running and page.stage.view.isVisible()


def swipe(page: VoicesPage, dx: int, mouse: bool = False) -> None:
    stage = page.stage
    start = center(stage)
    drag = mouse_drag if mouse else touch_drag
    drag(stage, start, start + QPoint(dx, 0), steps=10)


def active_timers(widget) -> list[QTimer]:
    return [t for t in widget.findChildren(QTimer) if t.isActive()]


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_the_first_quote_with_its_speaker_role_and_source(qtbot, lang: Language) -> None:
    window = make_window(qtbot, lang=lang)
    page = open_voices(window, qtbot)
    voices = list(window.session.content.voices.values())
    assert page.voices == voices and page.index == 0
    assert shown(page) == expected(voices[0], lang)
    source = page.stage.view.source.text()
    lead = {"zh-Hans": "观点转述自", "zh-Hant": "觀點轉述自", "en": "Paraphrased from "}[lang]
    assert source.startswith(lead)  # the texts are paraphrases, and say so
    assert voices[0].source.name.get(lang) in source
    assert page.dots.count == len(voices) and page.dots.index == 0
    quote_font = page.stage.view.quote.font().pixelSize()
    assert quote_font > page.stage.view.role.font().pixelSize()
    assert quote_font >= window.theme.px(40)
    assert min(page.previous.width(), page.previous.height()) >= window.theme.touch


@pytest.mark.parametrize("mouse", [False, True], ids=["touch", "mouse"])
def test_a_swipe_on_the_quote_moves_quotes_and_never_the_page(window, qtbot, mouse) -> None:
    page = open_voices(window, qtbot)
    voices = page.voices
    distance = window.theme.px(500)
    swipe(page, -distance, mouse)
    assert page.stage.running  # the new quote slides in
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    assert page.index == 1 and shown(page) == expected(voices[1], "zh-Hans")
    assert page.dots.index == 1
    swipe(page, distance, mouse)
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    assert page.index == 0 and shown(page) == expected(voices[0], "zh-Hans")
    swipe(page, distance, mouse)  # before the first comes the last
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    assert shown(page) == expected(voices[-1], "zh-Hans")
    assert window.current_page_id == "voices"


def test_a_short_or_upward_drag_keeps_the_quote(window, qtbot) -> None:
    page = open_voices(window, qtbot)
    swipe(page, -window.theme.px(40))
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    start = center(page.stage)
    touch_drag(page.stage, start, start - QPoint(window.theme.px(40), window.theme.px(400)))
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    assert page.index == 0 and window.current_page_id == "voices"


def test_a_swipe_on_the_heading_still_changes_the_page(window, qtbot) -> None:
    page = open_voices(window, qtbot)
    heading = page.heading
    start = center(heading)
    touch_drag(heading, start, start + QPoint(window.theme.px(500), 0), steps=6)
    qtbot.waitUntil(lambda: window.current_page_id == "policy", timeout=15000)


def test_the_arrows_step_through_the_quotes(window, qtbot) -> None:
    page = open_voices(window, qtbot)
    touch_tap(page.next)
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    assert shown(page) == expected(page.voices[1], "zh-Hans")
    touch_tap(page.next)
    touch_tap(page.previous)  # a tap during a change is never lost
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    assert page.index == 1 and shown(page) == expected(page.voices[1], "zh-Hans")


def test_the_next_quote_comes_by_itself_and_leaving_stops_it(window, qtbot) -> None:
    page = open_voices(window, qtbot, advance_ms=1200)
    assert page.running_animations() >= 1
    qtbot.waitUntil(lambda: page.index == 1, timeout=15000)
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    assert shown(page) == expected(page.voices[1], "zh-Hans")
    qtbot.waitUntil(lambda: page.dots.progress > 0.0, timeout=15000)  # the countdown runs again
    window.go_home()
    assert page.running_animations() == 0
    assert active_timers(page) == []
    index = page.index
    qtbot.wait(1600)
    assert page.index == index


def test_a_finger_on_the_quote_holds_it_and_a_manual_move_restarts_the_wait(window, qtbot):
    page = open_voices(window, qtbot, advance_ms=1200)
    stage = page.stage
    point = stage.mapTo(window, center(stage))
    QTest.touchEvent(window, touch_device()).press(0, point, window).commit()
    qtbot.wait(1600)
    assert page.index == 0  # held under the finger
    QTest.touchEvent(window, touch_device()).release(0, point, window).commit()
    assert page.dots.progress < 0.2  # the full wait starts again
    qtbot.waitUntil(lambda: page.index == 1, timeout=15000)
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    swipe(page, -window.theme.px(500))
    assert page.index == 2 and page.dots.progress < 0.2
    qtbot.waitUntil(lambda: page.index == 3, timeout=15000)


def test_advance_steps_one_quote_and_is_false_at_the_last(window, qtbot) -> None:
    page = open_voices(window, qtbot)
    for index in range(1, len(page.voices)):
        assert page.advance() is True
        assert page.index == index
    assert page.advance() is False
    page.settle()
    assert shown(page) == expected(page.voices[-1], "zh-Hans")
    page.reset()
    assert page.index == 0 and page.running_animations() == 0
    assert shown(page) == expected(page.voices[0], "zh-Hans")
    assert page.details() == []


def test_entering_again_replays_the_entrance(window, qtbot) -> None:
    page = open_voices(window, qtbot)
    window.go_home()
    assert page.running_animations() == 0
    window.go_to("voices")
    assert page.stage.running and not page.stage.view.isVisible()
    page.settle()
    assert page.stage.view.isVisible()


def test_the_quote_follows_the_language(window, qtbot) -> None:
    page = open_voices(window, qtbot)
    touch_tap(page.next)
    touch_tap(window.header.languages["zh-Hant"])
    page.settle()
    assert page.index == 1
    assert shown(page) == expected(page.voices[1], "zh-Hant")


def test_quote_text_is_shown_literally(content_dir: Path, qtbot) -> None:
    tag = "<b>Bold</b> & <img src=x>"
    set_cell(content_dir, "voices.csv", "dai_all_three", "quote_en", tag)
    set_cell(content_dir, "voices.csv", "dai_all_three", "speaker_en", "<i>Dai</i>")
    window = make_window(qtbot, content_dir, lang="en")
    page = open_voices(window, qtbot)
    assert shown(page)[:2] == ("<i>Dai</i>", f"“{tag}”")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160)])
def test_every_quote_fits_every_screen(qtbot, size) -> None:
    window = make_window(qtbot, size=size, lang="en")
    page = open_voices(window, qtbot)
    view = page.stage.view
    screen = window.rect()
    for _ in page.voices:
        page.settle()
        for label in (view.quote, view.speaker, view.role, view.source):
            box = label.geometry()
            assert box.top() >= 0 and box.bottom() <= view.height(), label.text()
            assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()
        area = page.area.geometry().translated(page.mapTo(window, QPoint(0, 0)))
        assert screen.contains(area)
        page.advance()


def test_quotes_break_into_even_lines_never_inside_a_quoted_term(window) -> None:
    text = "“综合来看，深圳强在‘小脑’和‘四肢’，硬件‘四肢’更已领跑全国。”"
    joined = keep_terms_together(text)
    assert joined.replace(WORD_JOINER, "") == text
    assert "‘" + WORD_JOINER + "小" in joined and "“" + WORD_JOINER not in joined
    terms = [range(m.start() + 1, m.end()) for m in re.finditer("‘[^’]*’", joined)]
    for lang, sample in (("zh-Hans", joined), ("en", "“" + "Shenzhen has strong firms " * 5 + "”")):
        font = window.theme.font("headline", lang)
        metrics = QFontMetricsF(font)
        for width in range(640, 1500, 37):  # a quote's column is never narrower
            broken = balance_lines(sample, font, width)
            assert broken.replace("\n", "") == sample
            lines = broken.split("\n")
            assert len(lines) == len(wrap_lines(sample, font, width)), width
            used = [metrics.horizontalAdvance(line.rstrip()) for line in lines]
            greedy = max(w for _, w in wrap_lines(sample, font, width))
            assert max(used) <= max(width, greedy) + 1  # as wide as wrapping would go, at most
            if len(lines) > 1:  # no last line holding a lone word
                assert used[-1] >= 0.45 * max(used), (width, lines)
            starts = [len("".join(lines[:i])) for i in range(1, len(lines))]
            assert sample is not joined or not any(s in t for s in starts for t in terms)


def test_a_single_quote_shows_no_controls_and_never_moves(content_dir: Path, qtbot) -> None:
    lines = (content_dir / "voices.csv").read_text(encoding="utf-8").splitlines()
    (content_dir / "voices.csv").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    window = make_window(qtbot, content_dir)
    page = open_voices(window, qtbot)
    assert len(page.voices) == 1
    assert not page.next.isVisible() and not page.previous.isVisible()
    assert page.running_animations() == 0  # no countdown to a next quote
    swipe(page, -window.theme.px(500))
    qtbot.waitUntil(lambda: settled(page), timeout=15000)
    assert shown(page) == expected(page.voices[0], "zh-Hans")
    assert page.advance() is False
    assert window.current_page_id == "voices"


def test_no_voices_shows_a_calm_message(content_dir: Path, qtbot) -> None:
    (content_dir / "voices.csv").unlink()
    window = make_window(qtbot, content_dir)
    window.go_to("voices", animate=False)
    page: VoicesPage = window.stack.page("voices")
    assert page.voices == [] and not page.area.isVisible()
    assert page.empty.isVisible()
    assert page.empty.text() == window.session.content.strings["page.empty"].zh_hans
    assert page.advance() is False and page.running_animations() == 0


def test_a_quote_change_repaints_where_the_quotes_were_and_are(window, qtbot) -> None:
    """Each frame of a change repaints only where the two pictures stood and now stand: on
    the way, the screen is what drawing the whole window shows (no trail of a quote left)."""
    page = open_voices(window, qtbot)
    touch_tap(page.next)
    for stop in (0.3, 0.6):
        qtbot.waitUntil(lambda s=stop: page.stage.animation.currentValue() >= s, timeout=5000)
        page.stage.animation.pause()
        QApplication.processEvents()  # the frame as it stands
        screen = window.backingStore().paintDevice()
        assert isinstance(screen, QImage)
        shown = screen.convertToFormat(QImage.Format.Format_RGB32)
        window.repaint()
        assert shown == screen.convertToFormat(QImage.Format.Format_RGB32), stop
        page.stage.animation.resume()
    qtbot.waitUntil(lambda: not page.stage.running, timeout=15000)
