"""Pages over real content: count-up figures, plain text, broken content, screen sizes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.pages.figures.count_up import COUNT_UP_MS
from kiosk.ui.widgets.text import TextLabel
from tests.helpers.content import set_cell
from tests.helpers.ui import make_window, touch_tap


def test_figures_count_up_and_end_on_the_exact_value(window, qtbot) -> None:
    tile = window.stack.page("home").tiles[0]
    touch_tap(tile)
    figures = window.stack.page("figures")
    first = figures.heroes[0]
    assert figures.running_animations() == len(figures.heroes) + len(figures.spread_charts)
    figures.enter()  # replay: on a loaded machine the first count may already have run
    assert first.number.text() == "0亿元"  # it counts up from zero
    qtbot.waitUntil(lambda: figures.running_animations() == 0, timeout=COUNT_UP_MS + 4000)
    for hero in figures.heroes:
        assert hero.number.text() == window.session.content.format_figure(hero.figure, "zh-Hans")
    assert first.number.text() == "3685亿元"
    assert "+22.6%" in first.growth.text()
    assert figures.sources.text().startswith("来源：时代周报")  # the spread's credits line


def test_leaving_a_page_stops_its_animations(window, qtbot) -> None:
    window.go_to("figures")
    figures = window.stack.page("figures")
    assert figures.running_animations() > 0
    window.go_home()
    assert figures.running_animations() == 0


def test_content_text_is_plain_text(content_dir: Path, qtbot) -> None:
    strings = content_dir / "strings.csv"
    text = strings.read_text(encoding="utf-8")
    text = re.sub(
        r"^app\.title,[^\n]*", "app.title,<b>深圳</b>,<b>深圳</b>,<img src=x>", text, flags=re.M
    )
    strings.write_text(text, encoding="utf-8")
    window = make_window(qtbot, content_dir)
    home = window.stack.page("home")
    assert home.title.text() == "<b>深圳</b>"
    window.session.set_language("en")
    assert home.title.text() == "<img src=x>"
    for label in window.findChildren(TextLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_broken_content_still_shows_what_is_valid(content_dir: Path, qtbot) -> None:
    (content_dir / "figures.csv").unlink()
    (content_dir / "images" / "pages" / "figures.svg").unlink()
    window = make_window(qtbot, content_dir)
    assert window.session.content.errors
    home = window.stack.page("home")
    others = [p for p in window.session.content.settings.page_order if p != "home"]
    assert [t.page_id for t in home.tiles] == others  # the figures tile stays, with a fallback
    tile = next(t for t in home.tiles if t.page_id == "figures")
    assert not tile.icon.pixmap().isNull()
    touch_tap(tile)
    figures = window.stack.page("figures")
    assert figures.tiles == [] and figures.heroes == [] and not figures.more_button.isVisible()
    assert figures.empty.isVisible()
    assert figures.empty.text() == window.session.content.strings["page.empty"].zh_hans


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160)])
def test_layout_fits_every_screen(qtbot, size) -> None:
    window = make_window(qtbot, size=size)
    theme = window.theme
    home = window.stack.page("home")
    screen = window.rect()
    for tile in home.tiles:
        geometry = tile.geometry().translated(
            tile.parentWidget().mapTo(window, tile.pos()) - tile.pos()
        )
        assert screen.contains(geometry)
        assert tile.height() >= theme.touch
        for label in (tile.title, tile.caption):  # wrapped text gets the height it needs
            assert label.height() >= label.heightForWidth(label.width()) - 1
            assert label.width() >= label.fontMetrics().boundingRect("AI City").width()
    for label in (home.title, home.subtitle):
        assert label.height() >= label.heightForWidth(label.width()) - 1
    assert home.title.font().pixelSize() >= theme.px(56)
    window.go_to("figures", animate=False)
    for button in [window.header.home, *window.header.languages.values()]:
        assert button.isVisible()
        assert button.height() >= theme.touch
        assert button.width() >= button.sizeHint().width() - 1  # label not clipped
    window.stack.page("figures").settle()
    for hero in window.stack.page("figures").heroes:
        assert hero.number.overflow() == "", hero.figure.id


def test_a_curator_s_backdrop_never_stands_behind_the_title(content_dir: Path, qtbot) -> None:
    """Home's backdrop is drawn across the width at 3:1 with its lower half under the subtitle;
    its upper half fades out, so even a solid white artwork leaves the title on the ground."""
    (content_dir / "images" / "home" / "white.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="640">'
        '<rect width="1920" height="640" fill="#ffffff"/></svg>'
    )
    set_cell(content_dir, "pages.csv", "home", "backdrop", "images/home/white.svg")
    window = make_window(qtbot, content_dir)
    home = window.stack.page("home")
    image = home.grab().toImage()
    ratio = image.devicePixelRatio()

    def brightness(x: int, y: int) -> int:
        return image.pixelColor(round(x * ratio), round(y * ratio)).lightness()

    subtitle = home.subtitle.geometry()
    beside_title = [brightness(8, y) for y in range(home.title.geometry().top(), subtitle.bottom())]
    assert max(beside_title) < 80  # the navy ground, not the white artwork
    below = subtitle.bottom() + window.theme.px(140)
    assert brightness(8, below) > 200  # the artwork is there, under the subtitle
