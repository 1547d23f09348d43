"""The attract loop's full-screen moments on a real window: a figure counting up, a robot's
drawing coming in, a quote; the call to action over nothing; a touch that lands on Home."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from kiosk.runtime.modes import Mode
from kiosk.ui.pages.voices.quote import WORD_JOINER
from kiosk.ui.widgets.text import TextLabel
from tests.helpers import SECOND
from tests.helpers.content import set_playlist
from tests.helpers.ui import make_window, runtime_for, touch_tap


def accent_pixels(image: QImage, rect: QRect, accent: QColor) -> int:
    """How many pixels in ``rect`` of ``image`` are near the accent colour."""
    count = 0
    for y in range(rect.top(), rect.bottom(), 3):
        for x in range(rect.left(), rect.right(), 3):
            pixel = image.pixelColor(x, y)
            near = abs(pixel.red() - accent.red()) + abs(pixel.green() - accent.green())
            count += near + abs(pixel.blue() - accent.blue()) < 60
    return count


def shown_texts(widget: QWidget) -> list[TextLabel]:
    return [t for t in widget.findChildren(TextLabel) if t.isVisible() and t.text()]


def test_a_figure_moment_counts_up_over_the_whole_screen_above_the_call_to_action(
    qtbot, clock, content_dir: Path
) -> None:
    set_playlist(content_dir, '{ figure = "ai_output_2024" }', '{ page = "figures" }')
    window = make_window(qtbot, content_dir)
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    moment, content = runtime.moment, window.session.content
    figure, lang = content.figures["ai_output_2024"], window.session.language
    assert moment.isVisible() and moment.geometry() == window.rect()
    number = moment.figure.number
    assert number.text() == content.format_figure(figure, lang, figure.number.value * 0)
    qtbot.waitUntil(lambda: not moment.figure.running, timeout=4000)
    assert number.text() == content.format_figure(figure, lang)
    assert moment.figure.label.text() == figure.label.get(lang)
    assert number.height() >= window.theme.px(200)  # read from three metres
    # the cue is drawn over the moment, in a band its words keep free
    children = window.children()
    assert children.index(runtime.cue) > children.index(moment)
    pill = runtime.cue.pill().toAlignedRect()
    for label in [*shown_texts(moment), number]:
        box = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
        assert box.bottom() < pill.top(), label.objectName()
    image = window.grab().toImage()
    assert accent_pixels(image, pill, window.theme.palette.color("accent")) > 20


def test_from_a_moment_the_loop_goes_on_to_its_page_and_a_touch_lands_on_home(
    qtbot, clock, content_dir: Path
) -> None:
    set_playlist(
        content_dir,
        '{ figure = "ai_output_2024", dwell = 5 }',
        '{ page = "figures", dwell = 6 }',
        '{ robot = "astribot_s1", dwell = 8 }',
    )
    window = make_window(qtbot, content_dir)
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    clock.now += 5.01
    runtime.player._step()
    assert not runtime.moment.isVisible() and window.current_page_id == "figures"
    clock.now += 6.01
    runtime.player._step()
    assert runtime.moment.isVisible() and runtime.moment.entry.item == "astribot_s1"
    assert not window.stack.updatesEnabled()  # the page under it paints nothing meanwhile
    window.session.set_language("en")  # as the loop's language rotation would
    assert runtime.moment.robot.name.text() == window.session.content.robots["astribot_s1"].name.en
    touch_tap(runtime.moment)
    assert runtime.mode == Mode.INTERACTIVE
    assert not runtime.moment.isVisible() and not runtime.cue.isVisible()
    assert window.current_page_id == "home" and window.session.language == "en"
    assert window.stack.updatesEnabled() and window.header.updatesEnabled()


def test_a_robot_s_drawing_comes_in_behind_a_moving_edge(qtbot, clock, content_dir: Path) -> None:
    set_playlist(content_dir, '{ robot = "astribot_s1" }')
    window = make_window(qtbot, content_dir)
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    art = runtime.moment.robot.art
    accent = window.theme.palette.color("accent")
    area = art.art_rect().toAlignedRect()
    assert art.running and art.level < 0.2
    early = accent_pixels(art.grab().toImage(), area, accent)
    qtbot.waitUntil(lambda: art.level > 0.4, timeout=3000)
    art.animation.pause()  # read half-way, however slow the machine (it ran past 0.8 once)
    assert art.level < 1.0
    middle = art.grab().toImage()
    art.animation.resume()
    qtbot.waitUntil(lambda: not art.running, timeout=3000)
    done = accent_pixels(art.grab().toImage(), area, accent)
    top = QRect(area.left(), area.top(), area.width(), area.height() // 3)
    bottom = QRect(
        area.left(), area.bottom() - area.height() // 4, area.width(), area.height() // 4
    )
    assert accent_pixels(middle, top, accent) > 0  # drawn from the top down
    assert accent_pixels(middle, bottom, accent) < accent_pixels(
        art.grab().toImage(), bottom, accent
    )
    assert early < done // 4 and done > 100


def test_a_quote_moment_sets_the_quote_once_under_the_language_s_big_mark(
    qtbot, clock, content_dir: Path
) -> None:
    set_playlist(content_dir, '{ quote = "dai_all_three" }')
    window = make_window(qtbot, content_dir, lang="zh-Hant")
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    window.session.set_language("zh-Hant")
    voice = window.session.content.voices["dai_all_three"]
    quote = runtime.moment.quote
    assert quote.quote.text().replace(WORD_JOINER, "").replace("\n", "") == voice.quote.zh_hant
    assert quote.mark.mark == "「"
    assert quote.speaker.text() == voice.speaker.zh_hant
    window.session.set_language("en")
    assert quote.mark.mark == "“"
    assert quote.quote.text().replace(WORD_JOINER, "").replace("\n", " ") == voice.quote.en


def test_another_exhibition_s_moments_show_its_own_words(qtbot, clock) -> None:
    window = make_window(qtbot, SECOND)
    runtime = runtime_for(window, clock)
    runtime.start_autoplay()
    content, lang = window.session.content, window.session.language
    entry = runtime.moment.entry
    assert entry is not None and entry.moment == "figure" and entry.item in content.figures
    assert runtime.moment.figure.label.text() == content.figures[entry.item].label.get(lang)
    assert runtime.moment.title.text() == content.string("app.title", lang)
    assert "深圳" not in "".join(t.text() for t in shown_texts(runtime.moment))


def test_a_moment_whose_item_is_gone_leaves_the_screen_as_it_was(window, qtbot, clock) -> None:
    from kiosk.content.models import PlaylistEntry

    runtime = runtime_for(window, clock)
    assert not runtime.moment.show_moment(PlaylistEntry(moment="robot", item="gone"))
    assert not runtime.moment.isVisible()
