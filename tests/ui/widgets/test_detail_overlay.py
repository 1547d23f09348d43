"""The one detail overlay on its own: it opens and closes the same way for every detail."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.detail_overlay import DetailOverlay
from tests.helpers.ui import touch_drag, touch_tap


def overlay_on(ground) -> DetailOverlay:
    overlay = DetailOverlay(Theme(ground.width(), ground.height()), ground)
    overlay.back.set_text("Back", QFont())
    return overlay


def test_it_opens_moving_a_picture_then_shows_the_live_panel(ground, qtbot) -> None:
    card = QWidget(ground)
    card.setGeometry(10, 10, 200, 100)
    card.show()
    overlay = overlay_on(ground)
    overlay.reveal()
    assert overlay.isVisible() and overlay.is_open and overlay.animating
    assert overlay.panel.isHidden()  # while it moves it paints a picture: no live text
    assert not card.updatesEnabled()  # nor does the page's content under it
    qtbot.waitUntil(lambda: 0.3 < overlay.level < 0.7, timeout=5000)
    shown = overlay.window_rect(overlay.level)
    panel = QRectF(overlay.panel.geometry())
    assert panel.contains(shown) and shown.height() < panel.height()  # uncovered in place
    qtbot.waitUntil(lambda: not overlay.animating, timeout=5000)
    assert overlay.panel.isVisible() and overlay.level == 1.0
    assert not card.updatesEnabled()  # open, it still shows the page's picture over it
    assert overlay.panel.geometry() == overlay.panel_rect()
    assert overlay.geometry() == overlay.parentWidget().rect()
    overlay.dismiss()
    qtbot.waitUntil(lambda: overlay.isHidden(), timeout=5000)
    assert card.updatesEnabled()  # closed: the page paints itself again


def test_closed_its_dimming_rolls_up_over_the_live_page_and_can_open_again(ground, qtbot):
    """After the panel closes, the dimmed picture rolls up (the page paints again below it, a
    strip a frame); opening again meanwhile covers the page whole again."""
    card = QWidget(ground)
    card.setGeometry(10, ground.height() - 110, 200, 100)
    card.show()
    overlay = overlay_on(ground)
    overlay.reveal()
    overlay.settle()
    overlay.dismiss()
    assert not overlay.is_open
    qtbot.waitUntil(lambda: overlay.height() < ground.height(), timeout=5000)
    assert overlay.animating and overlay.isVisible() and overlay.y() == 0
    assert card.updatesEnabled()  # the page paints itself where the dimming has gone
    overlay.reveal()
    assert overlay.geometry() == ground.rect() and overlay.is_open and not card.updatesEnabled()
    overlay.settle()
    assert overlay.panel.isVisible() and overlay.level == 1.0
    overlay.dismiss()
    qtbot.waitUntil(lambda: overlay.isHidden(), timeout=5000)
    assert overlay.geometry() == ground.rect() and card.updatesEnabled()


def test_a_tap_on_the_scrim_closes_it_a_tap_on_the_panel_does_not(ground, qtbot) -> None:
    overlay = overlay_on(ground)
    closed: list[bool] = []
    overlay.closed.connect(lambda: closed.append(True))
    overlay.reveal(animate=False)
    touch_tap(overlay, overlay.panel.geometry().center())
    assert overlay.is_open and not closed
    touch_tap(overlay, QPoint(5, overlay.height() // 2))
    assert not overlay.is_open and overlay.animating  # it closes with its motion
    qtbot.waitUntil(lambda: overlay.isHidden(), timeout=5000)
    assert closed == [True]


def test_a_drag_from_the_panel_out_onto_the_scrim_is_no_tap(ground, qtbot) -> None:
    overlay = overlay_on(ground)
    overlay.reveal(animate=False)
    touch_drag(overlay, overlay.panel.geometry().center(), QPoint(5, overlay.height() // 2))
    assert overlay.is_open


def test_the_back_control_closes_it(ground, qtbot) -> None:
    overlay = overlay_on(ground)
    overlay.reveal(animate=False)
    assert overlay.back.height() >= overlay.theme.touch
    touch_tap(overlay.back)
    qtbot.waitUntil(lambda: overlay.isHidden(), timeout=5000)


def test_closing_halfway_through_opening_turns_back_and_settle_ends_it(ground, qtbot) -> None:
    overlay = overlay_on(ground)
    overlay.reveal()
    qtbot.waitUntil(lambda: overlay.level > 0.2, timeout=5000)
    overlay.dismiss()
    assert not overlay.is_open and overlay.animating
    overlay.settle()
    assert overlay.isHidden() and overlay.level == 0.0 and not overlay.animating


def test_on_a_hidden_page_it_opens_and_closes_at_once(ground, qtbot) -> None:
    overlay = overlay_on(ground)
    overlay.parentWidget().hide()
    overlay.reveal()
    assert overlay.is_open and not overlay.animating and not overlay.isHidden()
    overlay.dismiss()
    assert overlay.isHidden() and not overlay.animating


def test_it_claims_swipes_so_a_drag_on_it_never_changes_the_page(ground) -> None:
    from kiosk.ui.input import CLAIMS_SWIPES

    assert overlay_on(ground).property(CLAIMS_SWIPES) is True


def test_in_portrait_the_panel_spans_the_width_between_the_margins(tall_ground) -> None:
    overlay = overlay_on(tall_ground)
    overlay.reveal(animate=False)
    theme = overlay.theme
    assert overlay.panel.geometry().left() == theme.margin
    assert overlay.panel.geometry().right() == overlay.width() - theme.margin - 1
    assert overlay.panel.geometry().top() >= theme.page_top
