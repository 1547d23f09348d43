"""The one dots indicator on its own: where the pill stands, what a tap chooses."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.dots import Dots
from tests.helpers.ui import touch_drag, touch_tap


def dots_on(ground, count: int) -> Dots:
    dots = Dots(Theme(), ground)
    dots.set_count(count)
    dots.resize(dots.sizeHint())
    dots.show()
    return dots


def test_a_tap_on_a_dot_chooses_it(ground) -> None:
    dots = dots_on(ground, 5)
    chosen: list[int] = []
    dots.chosen.connect(chosen.append)
    for index in (3, 0, 4):
        touch_tap(dots, dots.dot_centre(index).toPoint())
    assert chosen == [3, 0, 4]
    # the row is the target: a tap between two dots or above one goes to the nearest
    between = (dots.dot_centre(1) + dots.dot_centre(2)) / 2
    touch_tap(dots, QPoint(round(between.x()) + 3, 4))
    assert chosen[-1] == 2


def test_a_drag_across_the_dots_chooses_nothing(ground) -> None:
    dots = dots_on(ground, 5)
    chosen: list[int] = []
    dots.chosen.connect(chosen.append)
    touch_drag(dots, dots.dot_centre(0).toPoint(), dots.dot_centre(4).toPoint())
    assert chosen == []


def test_one_dot_is_no_control_and_draws_nothing(ground) -> None:
    dots = dots_on(ground, 1)
    chosen: list[int] = []
    dots.chosen.connect(chosen.append)
    touch_tap(dots)
    assert chosen == []
    painted = dots.grab().toImage().pixelColor(dots.dot_centre(0).toPoint())
    assert painted not in (dots.theme.palette.color("line"), dots.theme.palette.color("accent"))


def test_the_pill_follows_the_position_even_between_dots(ground) -> None:
    dots = dots_on(ground, 4)
    accent = dots.theme.palette.color("accent")
    for position in (0.0, 1.5, 3.0, 9.0):  # past the end: held at the last dot
        dots.set_position(position)
        image = dots.grab().toImage()
        held = min(position, 3.0)
        assert image.pixelColor(dots.dot_centre(held).toPoint()) == accent
        away = dots.dot_centre(held + (1.5 if held < 1.5 else -1.5)).toPoint()
        assert image.pixelColor(away) != accent
    assert dots.index == 3


def test_a_countdown_fills_the_pill_from_its_left(ground) -> None:
    dots = dots_on(ground, 3)
    dots.set_position(1)
    accent = dots.theme.palette.color("accent")
    right = dots.dot_centre(1).toPoint() + QPoint(dots.theme.px(14), 0)
    dots.set_progress(0.0)
    assert dots.grab().toImage().pixelColor(right) != accent
    dots.set_progress(1.0)
    assert dots.grab().toImage().pixelColor(right) == accent


def test_its_row_is_a_touch_target_and_grows_with_the_count(ground) -> None:
    dots = dots_on(ground, 3)
    assert dots.height() >= dots.theme.touch
    narrow = dots.sizeHint().width()
    dots.set_count(7)
    assert dots.sizeHint().width() == narrow + 4 * dots.step()


def test_a_page_s_own_carousel_counts_instead_of_a_second_row_of_dots(ground) -> None:
    """Robots and voices showed their own dots above the page dots: two rows. Their place now
    reads as a counter, with the countdown as a line under it; a tap on it chooses nothing."""
    theme = Theme()
    counter = Dots(theme, ground, counter=True)
    counter.set_count(14)
    counter.set_position(2)
    counter.set_progress(0.5)
    counter.setGeometry(0, 0, counter.sizeHint().width(), counter.height())
    counter.show()
    assert counter.counter_text() == "3 / 14"
    chosen = []
    counter.chosen.connect(chosen.append)
    touch_tap(counter, QPoint(4, counter.height() // 2))
    assert chosen == []
    image = counter.grab().toImage()
    lit = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    assert theme.palette.accent.lower() in lit  # the countdown line
    assert theme.palette.text.lower() in lit  # the words
