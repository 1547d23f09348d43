"""Fault containment: a page that raises gives way to a calm stand-in and the kiosk goes on;
errors that keep coming from outside the pages end the process non-zero for the service.

The failing pages are subclasses registered in place of the real ones (PySide caches a live
class's overrides, so patching a class after its pages exist is not a fair test).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from kiosk.ui.pages.fallback import FallbackPage
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.registry import PAGE_VIEWS
from kiosk.ui.pages.robots import RobotsPage
from kiosk.ui.services.faults import FATAL_COUNT, FATAL_STATUS, FaultGuard
from tests.helpers.ui import make_window, touch_tap

pytestmark = pytest.mark.qt_no_exception_capture  # the kiosk's own hook catches them here


class Faults:
    paint = build = advance = retranslate = False


class BrokenFigures(FiguresPage):
    def __init__(self, *args: object) -> None:
        if Faults.build:
            raise RuntimeError("a bug while building a page")
        super().__init__(*args)

    def paintEvent(self, event: QPaintEvent) -> None:
        if Faults.paint:
            super().paintEvent(event)
            raise RuntimeError("a bug while painting a page")
        super().paintEvent(event)


class BrokenRobots(RobotsPage):
    def retranslate(self) -> None:
        if Faults.retranslate:
            raise RuntimeError("a bug while setting a page's texts")
        super().retranslate()

    def advance(self) -> bool:
        if Faults.advance:
            raise RuntimeError("a bug in the attract loop's step")
        return super().advance()


@pytest.fixture
def broken(qtbot, monkeypatch):
    monkeypatch.setitem(PAGE_VIEWS, "figures", f"{__name__}:BrokenFigures")
    monkeypatch.setitem(PAGE_VIEWS, "robots", f"{__name__}:BrokenRobots")
    monkeypatch.setattr(Faults, "paint", False)
    monkeypatch.setattr(Faults, "build", False)
    monkeypatch.setattr(Faults, "advance", False)
    monkeypatch.setattr(Faults, "retranslate", False)
    window = make_window(qtbot, lang="en")
    window.stack.build_all()
    exits: list[int] = []
    guard = FaultGuard(window, exit_app=exits.append)
    yield window, guard, exits
    window.stack.transition.stop()


def test_a_page_that_raises_while_painting_gives_way(broken, qtbot) -> None:
    window, guard, exits = broken
    Faults.paint = True
    touch_tap(window.stack.page("home").tiles[0])  # a visitor opens the key figures
    qtbot.waitUntil(lambda: isinstance(window.stack.current, FallbackPage), timeout=15000)
    stand_in = window.stack.current
    assert window.current_page_id == "figures" and guard.contained == ["figures"]
    title = window.session.content.pages["figures"].title.get("en")
    assert stand_in.shown_texts() == [title, "This exhibit is taking a short break"]
    assert stand_in.isVisible()
    window.step(1)  # the rest of the kiosk goes on
    assert window.current_page_id == "chain" and window.stack.current.isVisible()
    touch_tap(window.header.home)
    assert window.current_page_id == "home"
    assert exits == []


def test_a_page_that_raises_in_the_attract_loop_gives_way(broken, qtbot) -> None:
    window, guard, exits = broken
    window.go_to("robots", animate=False)
    Faults.advance = True
    QTimer.singleShot(0, window.stack.page("robots").advance)  # as the attract loop calls it
    qtbot.waitUntil(lambda: isinstance(window.stack.current, FallbackPage), timeout=15000)
    assert window.current_page_id == "robots" and exits == []


def test_a_hidden_page_that_raises_as_it_catches_up_on_a_language_gives_way(
    broken,
    qtbot,
) -> None:
    """A hidden page retranslates when it is next shown: a failure there is contained too."""
    window, guard, exits = broken
    Faults.retranslate = True
    touch_tap(window.header.languages["zh-Hans"])  # on Home: the robots page is hidden
    assert window.session.language == "zh-Hans" and guard.contained == []
    window.go_to("robots", animate=False)
    qtbot.waitUntil(lambda: isinstance(window.stack.current, FallbackPage), timeout=15000)
    assert window.current_page_id == "robots" and guard.contained == ["robots"]
    title = window.session.content.pages["robots"].title.get("zh-Hans")
    assert window.stack.current.shown_texts()[0] == title
    assert exits == []


def test_a_page_that_cannot_be_built_is_a_stand_in_from_the_start(broken) -> None:
    window, _, _ = broken
    Faults.build = True
    window.build_pages()
    window.go_to("figures", animate=False)
    assert isinstance(window.stack.current, FallbackPage)
    window.go_to("robots", animate=False)
    assert isinstance(window.stack.current, BrokenRobots)


def test_new_content_gives_a_failed_page_another_chance(broken, qtbot) -> None:
    window, _, _ = broken
    Faults.paint = True
    window.go_to("figures", animate=False)
    qtbot.waitUntil(lambda: isinstance(window.stack.current, FallbackPage), timeout=15000)
    Faults.paint = False
    window.session.set_content(window.session.content)
    window.go_to("figures", animate=False)
    assert isinstance(window.stack.current, BrokenFigures)


def test_errors_outside_pages_end_the_process_for_the_service(broken, qtbot) -> None:
    _, guard, exits = broken

    def outside() -> None:
        raise RuntimeError("a bug outside any page")

    for _ in range(FATAL_COUNT - 1):
        QTimer.singleShot(0, outside)
        qtbot.wait(1)
    QApplication.processEvents()
    assert exits == []
    QTimer.singleShot(0, outside)
    qtbot.waitUntil(lambda: exits == [FATAL_STATUS], timeout=15000)
    assert guard.contained == []
