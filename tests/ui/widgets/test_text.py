"""TextLabel in the kiosk's window: type for distance."""

from __future__ import annotations

from kiosk.ui.widgets.text import TextLabel


def test_body_text_in_a_window_is_cut_rather_than_shrunk_below_body_size(qtbot) -> None:
    """In the kiosk's window a body text that does not fit keeps the theme's body size (28 px
    at 1080p) and is cut with "…"; outside a window it may shrink to its share of the size."""
    from tests.helpers.ui import make_window

    window = make_window(qtbot)
    theme = window.theme
    inside = TextLabel(window, wrap=False)
    inside.setFont(theme.font("body", "en"))
    inside.setText("A sentence far too long for the narrow room it is given here")
    inside.setGeometry(10, 10, theme.px(300), theme.px(60))
    inside.show()
    qtbot.waitUntil(lambda: inside.text() != "")
    assert inside.font().pixelSize() == theme.px(28)
    assert inside.text().endswith("…") and inside.elided
    loose = TextLabel(wrap=False)
    qtbot.addWidget(loose)
    loose.setFont(theme.font("body", "en"))
    loose.setText("A sentence far too long for the narrow room it is given here")
    loose.setGeometry(10, 10, theme.px(300), theme.px(60))
    loose.show()
    qtbot.waitUntil(lambda: loose.font().pixelSize() < theme.px(28))
