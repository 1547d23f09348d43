"""Tiles, swipes, the home control and page transitions, driven by touch and mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.app import application, build_window
from kiosk.content import load_content
from kiosk.ui.pages.home.page import tile_rows
from kiosk.ui.shell.page_stack import TRANSITION_MS
from tests.helpers import EXHIBIT
from tests.helpers.content import set_pages
from tests.helpers.ui import center, make_window, mouse_drag, touch_drag, touch_tap


def test_home_shows_a_tile_for_every_other_page(window) -> None:
    home = window.stack.page("home")
    order = window.session.content.settings.page_order
    assert [t.page_id for t in home.tiles] == [p for p in order if p != "home"]
    for tile in home.tiles:
        assert tile.isVisible()
        assert tile.height() >= window.theme.touch
        assert tile.title.text() == window.session.content.pages[tile.page_id].title.zh_hans


def test_touch_tap_on_tile_opens_its_page(window, qtbot) -> None:
    tile = window.stack.page("home").tiles[0]
    touch_tap(tile)
    assert window.current_page_id == tile.page_id
    assert window.header.home.isVisible()


def test_mouse_click_on_tile_opens_its_page(window) -> None:
    tile = window.stack.page("home").tiles[0]
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton, pos=center(tile))
    assert window.current_page_id == tile.page_id


def test_home_control_returns_home(window, qtbot) -> None:
    window.go_to("figures", animate=False)
    touch_tap(window.header.home)
    assert window.current_page_id == "home"
    assert not window.header.home.isVisible()


def test_drag_across_a_tile_is_not_a_tap(window) -> None:
    tile = window.stack.page("home").tiles[0]
    clicks = []
    tile.clicked.connect(lambda: clicks.append(1))
    c = center(tile)
    touch_drag(tile, c, c + QPoint(0, window.theme.tap_slop * 3))
    assert clicks == []
    assert window.current_page_id == "home"


def test_touch_swipe_left_and_right_moves_between_pages(window, qtbot) -> None:
    width = window.width()
    y = window.height() // 3
    touch_drag(window, QPoint(int(width * 0.8), y), QPoint(int(width * 0.2), y))
    assert window.current_page_id == "figures"
    qtbot.wait(TRANSITION_MS + 100)
    touch_drag(window, QPoint(int(width * 0.2), y), QPoint(int(width * 0.8), y))
    assert window.current_page_id == "home"


def test_mouse_drag_swipes_too(window, qtbot) -> None:
    width = window.width()
    y = window.height() // 3
    mouse_drag(window.stack.current, QPoint(int(width * 0.8), y), QPoint(int(width * 0.3), y))
    assert window.current_page_id == "figures"


def test_swipe_past_the_last_page_stays(window, qtbot) -> None:
    last = window.stack.order()[-1]
    window.go_to(last, animate=False)
    width, y = window.width(), window.height() // 3
    touch_drag(window, QPoint(int(width * 0.8), y), QPoint(int(width * 0.2), y))
    assert window.current_page_id == last


def test_vertical_drag_is_not_a_page_swipe(window) -> None:
    x = window.width() // 2
    touch_drag(window, QPoint(x, 300), QPoint(x + 40, 900))
    assert window.current_page_id == "home"


def test_transition_slides_and_never_blocks_a_touch(window, qtbot) -> None:
    window.go_to("figures")
    figures = window.stack.page("figures")
    assert window.stack.transition.state() == window.stack.transition.State.Running
    # a tap on home mid-transition is taken at once
    touch_tap(window.header.home)
    assert window.current_page_id == "home"
    qtbot.waitUntil(lambda: not figures.isVisible(), timeout=2 * TRANSITION_MS + 500)
    assert window.stack.page("home").pos() == QPoint(0, 0)


def test_stray_keys_do_not_close_the_window(window, qtbot) -> None:
    QTest.keyClick(window, Qt.Key.Key_Escape)
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible()


def test_only_the_first_page_is_built_before_the_first_frame(qtbot) -> None:
    application()
    content = load_content(EXHIBIT)
    window = build_window(content, (1920, 1080))
    qtbot.addWidget(window)
    assert list(window.stack.pages) == ["home"]  # the others wait for the first frame
    assert window.stack.order() == list(content.settings.page_order)
    window.show()
    qtbot.waitUntil(lambda: len(window.stack.pages) == len(window.stack.order()), timeout=15000)
    assert window.current_page_id == "home"


def test_a_page_not_built_yet_is_built_when_asked_for(qtbot) -> None:
    application()
    window = build_window(load_content(EXHIBIT), (1920, 1080))
    qtbot.addWidget(window)
    window.go_to("figures", animate=False)
    assert window.current_page_id == "figures"
    assert list(window.stack.pages) == ["home", "figures"]


@pytest.mark.parametrize(("count", "portrait", "rows"), [
    (1, False, [1]), (2, False, [2]), (3, False, [3]), (4, False, [2, 2]), (5, False, [3, 2]),
    (6, False, [3, 3]), (7, False, [4, 3]), (8, False, [4, 4]), (9, False, [3, 3, 3]),
    (3, True, [2, 1]), (4, True, [2, 2]), (5, True, [2, 2, 1]), (7, True, [2, 2, 2, 1]),
])  # fmt: skip
def test_home_s_rows_are_as_even_as_can_be(count, portrait, rows) -> None:
    assert tile_rows(count, portrait) == rows


def test_home_s_grid_keeps_to_the_columns_its_width_has_room_for() -> None:
    assert tile_rows(5, portrait=False, columns=2) == [2, 2, 1]  # reach mode's 1080 px square
    assert tile_rows(5, portrait=False, columns=3) == [3, 2]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
@pytest.mark.parametrize("count", [2, 3, 4, 5])
def test_home_s_grid_has_no_hole_for_any_number_of_pages(qtbot, content_dir, size, count) -> None:
    """A curator shows two to five pages: every row of tiles reaches from the grid's left edge
    to its right (a short row has wider tiles), the tiles are opaque and none is under a
    finger's width."""
    pages = ["figures", "chain", "robots", "policy", "voices"][:count]
    set_pages(content_dir, "home", *pages)
    window = make_window(qtbot, folder=content_dir, size=size)
    home = window.stack.page("home")
    tiles = home.tiles
    assert [t.page_id for t in tiles] == pages
    rects = [t.geometry() for t in tiles]
    left, right = min(r.left() for r in rects), max(r.right() for r in rects)
    for top in {r.top() for r in rects}:
        row = sorted((r for r in rects if r.top() == top), key=lambda r: r.left())
        assert row[0].left() == left or count == 1, (top, row)
        assert row[-1].right() == right or count == 1, (top, row)
        assert all(r.width() >= window.theme.touch * 2 for r in row)
    image = tiles[0].grab().toImage()
    middle = image.pixelColor(image.width() // 2, image.height() - window.theme.px(8))
    # opaque: the tile's own colour, whatever the backdrop draws behind it
    assert middle.name() == window.theme.palette.surface.lower()


def test_the_hint_over_home_s_backdrop_has_calm_ground_around_its_words(window) -> None:
    """The skyline ran through "Touch a tile to explore": the words sit on a pool of ground."""
    from PySide6.QtGui import QColor, QFontMetricsF

    home = window.stack.page("home")
    words = home.tagline.geometry()
    width = QFontMetricsF(home.tagline.font()).horizontalAdvance(home.tagline.text())
    image = home.grab().toImage()
    glow = QColor(window.theme.palette.ground_glow)  # the page's own ground is no brighter
    left = round(words.center().x() - width / 2)
    for x in range(left - window.theme.px(40), left - window.theme.px(4), 2):
        for y in range(words.top(), words.bottom(), 3):
            pixel = image.pixelColor(x, y)
            assert pixel.lightness() <= glow.lightness() + 4, (x, y, pixel.name())
