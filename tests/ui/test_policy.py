"""The policy timeline: kinetic scrolling by touch and mouse, cards that reveal as they come
into view, a tap that enlarges an event, and nothing left running once the page is hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.i18n import format_date
from kiosk.ui.pages.policy import PolicyPage
from kiosk.ui.pages.policy.timeline import EventCard
from tests.helpers.content import set_cell
from tests.helpers.ui import center, make_window, mouse_drag, open_page, touch_drag, touch_tap

LANGS = ["zh-Hans", "zh-Hant", "en"]


def open_policy(window, qtbot) -> PolicyPage:
    """Go to the page as a visitor would (tap its home tile) and let the first cards in."""
    return open_page(window, qtbot, "policy")


def card(page: PolicyPage, event_id: str) -> EventCard:
    found = page.strip.card(event_id)
    assert found is not None, event_id
    return found


def in_view(page: PolicyPage, c: EventCard) -> bool:
    """Enough of the card is in view to reveal it (a sliver at the edge waits)."""
    return page.strip.seen(c, page.visible_rect())


def active_timers(widget) -> list[QTimer]:
    return [t for t in widget.findChildren(QTimer) if t.isActive()]


@pytest.mark.parametrize("lang", LANGS)
def test_every_event_in_date_order_with_its_date_and_number(qtbot, lang: str) -> None:
    window = make_window(qtbot, lang=lang)
    page = open_policy(window, qtbot)
    content = window.session.content
    assert [c.event.id for c in page.strip.cards] == [e.id for e in content.events]
    for c in page.strip.cards:
        event = c.event
        assert c.date.text() == format_date(event.date, lang)
        assert c.title.text() == event.title.get(lang)
        assert c.text.full_text == event.text.get(lang)
        if event.figure is None:
            assert not c.number.isVisibleTo(c)
        else:
            assert c.number.text() == content.format_figure(event.figure, lang)
    years = [label.text() for label, _ in page.strip.years]
    assert years == ["2022", "2024", "2025", "2026"]
    output = card(page, "ai_output_2024")
    expected = {"zh-Hans": "3685亿元", "zh-Hant": "3685億元", "en": "CNY 368.5 billion"}
    assert output.number.text() == expected[lang]
    assert (
        card(page, "scenarios_527").date.text()
        == {
            "zh-Hans": "2025年3月",
            "zh-Hant": "2025年3月",
            "en": "Mar 2025",
        }[lang]
    )


def test_a_finger_drags_the_timeline_and_the_cards_it_brings_in_reveal(window, qtbot) -> None:
    page = open_policy(window, qtbot)
    bar = page.bar
    assert bar is page.scroll.horizontalScrollBar() and bar.value() == 0
    shown = [c for c in page.strip.cards if in_view(page, c)]
    hidden = [c for c in page.strip.cards if not in_view(page, c)]
    assert shown and hidden
    assert all(c.revealed and c.reveal_level == 1.0 for c in shown)
    assert all(not c.revealed and c.reveal_level == 0.0 for c in hidden)
    first = shown[-1]
    start = center(first)
    touch_drag(first, start, start - QPoint(window.theme.px(700), 0), steps=12)
    qtbot.waitUntil(lambda: bar.value() > window.theme.px(300), timeout=15000)
    assert window.current_page_id == "policy"  # the timeline's drag is no page swipe
    qtbot.waitUntil(lambda: hidden[0].reveal_level == 1.0, timeout=15000)
    assert hidden[0].revealed and in_view(page, hidden[0])
    assert not page.detail.isVisible()  # a drag over a card is not a tap on it
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    # the kinetic scroll may still glide a little after the reveal animations end
    shown_now = lambda: [c for c in page.strip.cards if in_view(page, c)]  # noqa: E731
    qtbot.waitUntil(lambda: all(c.revealed for c in shown_now()), timeout=15000)
    assert not hidden[-1].revealed  # the far end has not been seen yet


def test_the_mouse_drags_the_timeline_too(window, qtbot) -> None:
    page = open_policy(window, qtbot)
    viewport = page.scroll.viewport()
    start = center(viewport)
    mouse_drag(viewport, start, start - QPoint(window.theme.px(600), 0), steps=12)
    qtbot.waitUntil(lambda: page.bar.value() > window.theme.px(250), timeout=15000)
    assert window.current_page_id == "policy"
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    assert all(c.reveal_level == 1.0 for c in page.strip.cards if in_view(page, c))


def test_portrait_scrolls_down_and_a_sideways_swipe_still_changes_page(qtbot) -> None:
    window = make_window(qtbot, size=(1080, 1920))
    page = open_policy(window, qtbot)
    bar = page.bar
    assert bar is page.scroll.verticalScrollBar()
    viewport = page.scroll.viewport()
    start = center(viewport)
    touch_drag(viewport, start, start - QPoint(0, window.theme.px(700)), steps=12)
    qtbot.waitUntil(lambda: bar.value() > window.theme.px(300), timeout=15000)
    qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
    assert all(c.reveal_level == 1.0 for c in page.strip.cards if in_view(page, c))
    touch_drag(viewport, start, start - QPoint(window.theme.px(500), 0), steps=6)
    qtbot.waitUntil(lambda: window.current_page_id == "voices", timeout=15000)


@pytest.mark.parametrize("lang", LANGS)
def test_a_tap_enlarges_the_event_with_its_number_and_a_tap_outside_closes(qtbot, lang) -> None:
    window = make_window(qtbot, lang=lang)
    page = open_policy(window, qtbot)
    content = window.session.content
    detail = page.detail
    target = card(page, "ai_output_2024")
    touch_tap(target)
    assert detail.isVisible() and detail.animating  # it grows out of the card
    qtbot.waitUntil(lambda: detail.is_open and not detail.animating, timeout=15000)
    event = target.event
    panel = detail.panel
    assert panel.isVisible()
    assert panel.title.text() == event.title.get(lang)
    assert panel.text.text() == event.text.get(lang)  # the whole text, not the card's summary
    assert panel.date.text() == format_date(event.date, lang)
    assert panel.number.text() == content.format_figure(event.figure, lang)
    assert panel.growth.text() == content.format_growth(event.figure, lang)
    assert panel.number.font().pixelSize() > target.number.font().pixelSize()
    assert panel.back.height() >= window.theme.touch
    # a tap on the panel keeps it; a tap on the dimmed page around it closes it
    touch_tap(panel, QPoint(panel.width() // 3, panel.height() - window.theme.px(30)))
    assert detail.is_open and not detail.animating
    outside = QPoint(detail.width() // 6, detail.height() - window.theme.px(30))  # not the dots
    assert not panel.geometry().contains(outside)
    touch_tap(detail, outside)
    qtbot.waitUntil(lambda: not detail.isVisible(), timeout=15000)
    assert window.current_page_id == "policy"


def test_the_close_button_closes_and_an_event_without_a_figure_shows_no_number(window, qtbot):
    page = open_policy(window, qtbot)
    detail = page.detail
    touch_tap(card(page, "astribot_founded"))
    qtbot.waitUntil(lambda: detail.is_open and not detail.animating, timeout=15000)
    assert detail.panel.title.text() == "星尘智能在深圳成立"
    assert not detail.panel.number.isVisibleTo(detail.panel)
    assert detail.panel.back.text() == "返回"
    touch_tap(detail.panel.back)
    qtbot.waitUntil(lambda: not detail.isVisible(), timeout=15000)
    assert page.running_animations() == 0


def test_the_enlarged_event_follows_the_language(window, qtbot) -> None:
    page = open_policy(window, qtbot)
    page.show_detail("scenarios_527")
    qtbot.waitUntil(lambda: page.detail.is_open, timeout=15000)
    touch_tap(window.header.languages["en"])
    panel = page.detail.panel
    assert panel.title.text() == "AI use cases, batch by batch"
    assert panel.number.text() == "527 scenarios"
    assert panel.date.text() == "Mar 2025"
    assert panel.back.text() == "Back"


def test_details_are_the_events_and_show_detail_scrolls_to_the_card(window, qtbot) -> None:
    page = open_policy(window, qtbot)
    content = window.session.content
    assert page.details() == [e.id for e in content.events]
    last = content.events[-1]
    page.show_detail(last.id)
    page.settle()
    assert page.detail.is_open and page.detail.panel.title.text() == last.title.zh_hans
    assert in_view(page, card(page, last.id))
    page.reset()
    assert page.bar.value() == 0 and not page.detail.isVisible()


def test_entering_replays_the_reveal_and_leaving_stops_everything(window, qtbot) -> None:
    page = open_policy(window, qtbot)
    page.show_detail("ai_output_2024")
    window.go_home()
    assert page.running_animations() == 0
    assert active_timers(page) == []
    assert not page.detail.isVisible()
    assert all(c.reveal_level == 1.0 for c in page.strip.cards)
    window.go_to("policy")
    shown = [c for c in page.strip.cards if in_view(page, c)]
    assert page.running_animations() >= len(shown) > 0
    assert all(c.reveal_level < 1.0 for c in shown)
    qtbot.waitUntil(lambda: all(c.reveal_level == 1.0 for c in shown), timeout=15000)
    window.go_home()
    assert page.running_animations() == 0


class StripPaints(QObject):
    """Notes the area of every paint of the strip it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.areas: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            rect = event.region().boundingRect()
            self.areas.append(rect.width() * rect.height())
        return False


def test_a_card_ending_its_reveal_repaints_itself_not_the_whole_timeline(window, qtbot) -> None:
    """At the end of each card's reveal the whole strip in view was repainted (Qt repaints an
    effect's parent when the effect is switched off: 20-26 ms at 4K)."""
    page = open_policy(window, qtbot)
    page.settle()
    shown = [c for c in page.strip.cards if in_view(page, c)]
    target = shown[len(shown) // 2]
    target.conceal()
    qtbot.wait(50)
    watcher = StripPaints()
    page.strip.installEventFilter(watcher)
    target.reveal()
    qtbot.waitUntil(lambda: not target.running, timeout=5000)
    qtbot.wait(50)
    page.strip.removeEventFilter(watcher)
    view = page.visible_rect()
    assert watcher.areas and max(watcher.areas) < view.width() * view.height() / 2


def screen_pixel(window, widget, point: QPoint) -> int:
    """The colour the window shows at ``point`` of ``widget`` (its backing store)."""
    screen = window.backingStore().paintDevice()
    assert isinstance(screen, QImage)
    at = widget.mapTo(window, point) * screen.devicePixelRatio()
    return screen.pixel(at)


def test_a_card_is_uncovered_along_the_axis_a_band_a_frame(window, qtbot) -> None:
    """Half revealed, a card shows its leading half as itself and its trailing half not at
    all (the strip's ground), behind a line of light; no frame repaints more than a band of
    it (a fade over whole cards blended 3-4 of them every frame: 14-18 ms at 4K)."""
    page = open_policy(window, qtbot)
    page.settle()
    target = [c for c in page.strip.cards if in_view(page, c)][0]
    lead = QPoint(target.width() // 5, target.height() // 2)
    trail = QPoint(target.width() * 4 // 5, target.height() // 2)
    QApplication.processEvents()
    whole = screen_pixel(window, target, lead), screen_pixel(window, target, trail)
    target.hide()
    QApplication.processEvents()
    ground = screen_pixel(window, target, trail)
    assert ground != whole[1]
    target.show()
    target.conceal()
    QApplication.processEvents()
    watcher = StripPaints()
    page.strip.installEventFilter(watcher)
    target.reveal()
    qtbot.waitUntil(lambda: target.reveal_level >= 0.5, timeout=5000)
    target.sequence.pause()
    QApplication.processEvents()
    assert 0.5 <= target.reveal_level < 0.8
    assert screen_pixel(window, target, lead) == whole[0]
    assert screen_pixel(window, target, trail) == ground
    target.sequence.resume()
    qtbot.waitUntil(lambda: not target.running, timeout=5000)
    page.strip.removeEventFilter(watcher)
    assert watcher.areas and max(watcher.areas) < target.width() * target.height() / 2


def test_autoplay_advance_scrolls_on_until_the_end(window, qtbot) -> None:
    page = open_policy(window, qtbot)
    steps = 0
    while page.advance():
        steps += 1
        qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
        assert steps < 40
    assert steps > 3
    assert page.bar.value() == page.bar.maximum()
    assert all(c.revealed for c in page.strip.cards if in_view(page, c))


def test_event_text_is_shown_literally(content_dir: Path, qtbot) -> None:
    tag = "<b>Bold</b> <img src=x>"
    set_cell(content_dir, "events.csv", "ai_output_2024", "title_en", tag)
    set_cell(content_dir, "events.csv", "ai_output_2024", "text_en", tag)
    window = make_window(qtbot, content_dir, lang="en")
    page = open_policy(window, qtbot)
    target = card(page, "ai_output_2024")
    assert target.title.text() == tag
    assert target.text.text() == tag
    page.show_detail("ai_output_2024")
    page.settle()
    assert page.detail.panel.title.text() == tag
    assert page.detail.panel.text.text() == tag


def test_no_events_shows_a_calm_message(content_dir: Path, qtbot) -> None:
    (content_dir / "events.csv").unlink()
    window = make_window(qtbot, content_dir)
    window.go_to("policy", animate=False)
    page: PolicyPage = window.stack.page("policy")
    assert page.strip.cards == [] and page.details() == []
    assert page.empty.isVisible()
    assert page.empty.text() == window.session.content.strings["page.empty"].zh_hans
    assert page.advance() is False


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_landscape_cards_keep_their_number_whole_under_long_texts(qtbot, size) -> None:
    """A curator's long English (the stress pack): the card keeps its height, the number and
    date show whole, the title keeps at most two lines and the summary the lines left."""
    stress = Path(__file__).resolve().parents[1] / "data" / "stress"
    window = make_window(qtbot, stress, size=size, lang="en")
    page = open_policy(window, qtbot)
    numbers = [c for c in page.strip.cards if c.event.figure is not None]
    assert numbers
    for c in numbers:
        assert c.number.height() >= c.number.fontMetrics().height(), c.event.id
        assert c.number.text() == c.number.full_text  # never cut
        assert c.title.text().count("\n") == 0
        title_lines = c.title.height() // c.title.fontMetrics().lineSpacing()
        assert 1 <= title_lines <= 2, c.event.id
        for part in (c.date, c.title, c.number, c.text, c.source):
            assert c.rect().contains(part.geometry()), (c.event.id, part.geometry())
    shown = [c for c in numbers if c.text.text()]
    assert shown and all(c.text.text().endswith("…") for c in shown)
    for c in page.strip.cards:  # the summary's lines start under the title, not mid-card
        assert c.text.alignment() & Qt.AlignmentFlag.AlignTop


def test_a_language_switch_updates_cards_as_they_come_near(qtbot) -> None:
    """Landscape: a switch puts the cards in view (and a screen each side) in the new language
    at once; the rest stay hidden until a scroll brings them near, so no card is ever seen in
    the old language and the switch costs the same whatever the number of events."""
    window = make_window(qtbot, lang="zh-Hans")
    page = open_policy(window, qtbot)
    touch_tap(window.header.languages["en"])
    assert window.session.language == "en"
    shown = [c for c in page.strip.cards if c.isVisibleTo(page.strip)]
    assert shown and all(c.title.text() == c.event.title.get("en") for c in shown)
    assert len(shown) < len(page.strip.cards)  # the far ones wait (the bundled pack's 16)
    for c in page.strip.cards:
        if page.visible_rect().intersects(c.base):
            assert c in shown
    for _drag in range(100):
        if page.bar.value() >= page.bar.maximum():
            break
        start = center(page.scroll.viewport())
        touch_drag(page.scroll.viewport(), start, start - QPoint(600, 0))
        qtbot.waitUntil(lambda: page.running_animations() == 0, timeout=15000)
        for c in page.strip.cards:
            if page.visible_rect().intersects(c.base):
                assert c.isVisibleTo(page.strip) and c.title.text() == c.event.title.get("en")
    assert page.bar.value() == page.bar.maximum()
    assert all(c.lang == "en" for c in page.strip.cards)


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_a_short_gesture_hint_stays_on_one_line_beside_the_title(qtbot, size) -> None:
    window = make_window(qtbot, size=size, lang="en")
    page = open_policy(window, qtbot)
    hint = page.heading.hint
    assert hint.text() == hint.full_text
    assert hint.height() < 2 * hint.fontMetrics().lineSpacing()  # no lone word on a 2nd line


def test_the_enlarged_event_adds_the_background_its_card_does_not_show(
    content_dir: Path, qtbot
) -> None:
    set_cell(content_dir, "events.csv", "astribot_founded", "detail_zh-Hans", "")
    set_cell(content_dir, "events.csv", "astribot_founded", "detail_zh-Hant", "")
    set_cell(content_dir, "events.csv", "astribot_founded", "detail_en", "")
    window = make_window(qtbot, content_dir, lang="en")
    page = open_policy(window, qtbot)
    event = card(page, "ai_output_2024").event
    assert event.detail is not None
    touch_tap(card(page, "ai_output_2024"))
    qtbot.waitUntil(lambda: page.detail.is_open and not page.detail.animating, timeout=15000)
    panel = page.detail.panel
    assert panel.detail.isVisible() and panel.detail.text() == event.detail.en
    assert not panel.detail.elided
    assert event.detail.en not in card(page, "ai_output_2024").text.full_text
    # it stands under the card's text and above the source, inside the panel
    assert panel.text.geometry().bottom() < panel.detail.geometry().top()
    assert panel.detail.geometry().bottom() < panel.source.geometry().top()
    assert panel.source.geometry().bottom() <= panel.height()
    touch_tap(panel.back)
    qtbot.waitUntil(lambda: not page.detail.isVisible(), timeout=15000)
    page.show_detail("astribot_founded")  # an event with no detail: the text alone
    qtbot.waitUntil(lambda: page.detail.is_open and not page.detail.animating, timeout=15000)
    assert not panel.detail.isVisible()
