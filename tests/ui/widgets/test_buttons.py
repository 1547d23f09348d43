"""The shared buttons on their own: a tap is a click, a disabled arrow is no control."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import BackButton, ChevronButton, PillButton
from tests.helpers.ui import touch_drag, touch_tap


def test_a_chevron_button_clicks_on_a_tap_not_on_a_drag_nor_when_disabled(ground) -> None:
    button = ChevronButton(1, Theme(), ground)
    button.show()
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    touch_tap(button)
    assert clicks == [True]
    touch_drag(button, button.rect().center(), button.rect().center() * 3)
    assert clicks == [True]
    button.setEnabled(False)
    touch_tap(button)
    assert clicks == [True]
    assert button.width() == button.height() == button.theme.touch


def test_a_back_button_fits_its_word_beside_the_chevron(ground) -> None:
    theme = Theme()
    button = BackButton(theme, ground)
    font = QFont()
    font.setPixelSize(theme.px(30))
    button.set_text("Back", font)
    button.resize(button.sizeHint())
    assert button.shown_text() == "Back"
    button.set_text("A very long word for going back to the page", font)
    button.resize(theme.px(300), theme.touch)
    assert button.shown_text() != button.text()  # shrunk, then cut, never over the chevron


def _shown(widget) -> QImage:
    """What the widget shows, as the window would paint it."""
    return widget.grab().toImage()


def test_a_resting_control_is_drawn_once_and_again_only_when_its_look_changes(
    ground, qtbot
) -> None:
    """The controls over a page are copied from a picture on each frame that repaints the page
    (4 ms a frame at 4K drawn afresh); the picture must follow every change of what it shows."""
    theme = Theme()
    button = PillButton(theme, ground)
    font = QFont()
    font.setPixelSize(theme.px(30))
    button.set_text("English", font)
    button.resize(theme.px(300), theme.touch)
    button.show()
    draws: list[int] = []
    drawn = button.draw
    button.draw = lambda painter: (draws.append(1), drawn(painter))  # type: ignore[method-assign]
    plain = _shown(button)
    for _ in range(3):
        button.repaint()
    assert len(draws) == 1  # one look, one drawing
    button.set_text("简体中文", font)
    assert _shown(button) != plain
    button.set_text("English", font)
    assert _shown(button) == plain
    button.set_selected(True)
    selected = _shown(button)
    assert selected != plain
    button.setEnabled(False)
    assert _shown(button) not in (plain, selected)
    button.setEnabled(True)
    button.resize(theme.px(400), theme.touch)
    assert _shown(button).size() != plain.size()
    touch = len(draws)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.press_level == 1.0)
    assert len(draws) > touch + 1  # the press feedback draws each of its frames
    pressed = _shown(button)
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: button.press_level == 0.0)
    assert pressed != _shown(button)


def test_an_arrow_shows_when_it_is_disabled(ground) -> None:
    button = ChevronButton(1, Theme(), ground)
    button.show()
    usable = _shown(button)
    button.setEnabled(False)
    assert _shown(button) != usable
    assert ChevronButton(-1, Theme(), ground).grab().toImage() != usable
