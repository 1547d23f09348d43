"""The shared buttons on their own: a tap is a click, a disabled arrow is no control."""

from __future__ import annotations

from PySide6.QtGui import QFont

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import BackButton, ChevronButton
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
