"""Nothing piles up: pages entered and left, details opened, content handed in again.

What a kiosk does thousands of times a day must leave the count of live QObjects, of chart
items (pyqtgraph issue 2672: PlotItems leaked with PySide6 >= 6.5) and of dead Qt wrappers
where it was. The soak benchmark (bench/soak.py) measures the same over 1,000 page changes.
"""

from __future__ import annotations

from dataclasses import replace

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QScrollBar, QWidget

from kiosk.ui.pages.figures.charts import ChartPlot
from kiosk.ui.services.census import (
    dead_wrappers_under,
    descendants,
    graphics_items,
    python_objects,
)
from kiosk.ui.shell.main_window import KioskWindow

CYCLES = 50
RELOADS = 12  # each rebuilds every page: about 2 s here


def flush_deletes() -> None:
    """Run the deleteLater calls made so far (as the event loop does between frames)."""
    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def census(window: KioskWindow) -> dict[str, int]:
    """Counts under ``window`` (must stay equal) and in the whole process (must not grow:
    other tests' windows may still be collected meanwhile)."""
    flush_deletes()
    objects = python_objects()
    under = descendants(window)
    return {
        "live QObjects": len(under),
        "chart items": graphics_items(window),
        "charts": sum(isinstance(o, ChartPlot) for o in under),
        "dead wrappers": dead_wrappers_under(window),
        "process: PlotItems": objects[f"{pg.PlotItem.__module__}.{pg.PlotItem.__qualname__}"],
        "process: pauses": objects["PySide6.QtCore.QPauseAnimation"],
        "process: animations": objects["PySide6.QtCore.QVariantAnimation"],
    }


def assert_flat(before: dict[str, int], after: dict[str, int]) -> None:
    for name, count in after.items():
        if name.startswith("process: "):
            assert count <= before[name], f"{name}: {before[name]} -> {count}"
        else:
            assert count == before[name], f"{name}: {before[name]} -> {count}"


def visit_everything(window: KioskWindow) -> None:
    """Every page entered, stepped through as autoplay does, every detail opened, then left."""
    for page_id in window.stack.order():
        window.go_to(page_id, animate=False)
        page = window.stack.page(page_id)
        page.advance()
        for detail in page.details()[:3]:
            page.show_detail(detail)
        page.settle()
        window.go_home(animate=False)
        page.reset()


def test_entering_and_leaving_every_page_keeps_counts_flat(window, qtbot) -> None:
    for _ in range(3):  # first visits build pages, detail panels and wrappers once
        visit_everything(window)
    before = census(window)
    assert before["charts"] == len(window.session.content.charts)
    for _ in range(CYCLES):
        visit_everything(window)
    assert_flat(before, census(window))


def test_handing_in_the_content_again_keeps_counts_flat(window, qtbot) -> None:
    """What a hot reload does: every page rebuilds its cards, charts and timeline."""
    session = window.session
    window.stack.build_all()
    for page_id in ("figures", "policy", "robots"):  # animations running while it rebuilds
        window.go_to(page_id, animate=False)
        session.set_content(replace(session.content))
    before = census(window)
    assert before["charts"] == len(session.content.charts)
    for cycle in range(RELOADS):
        window.go_to(("figures", "policy", "robots")[cycle % 3], animate=False)
        session.set_content(replace(session.content))
    assert_flat(before, census(window))  # the old charts' PlotItems went with their cards


def pictures_through_icons(window: KioskWindow) -> list[str]:
    """Widgets under ``window`` that show a picture through a QIcon (a label's pixmap, a
    button's icon): QIcon files a copy of every new pixmap it draws in the application-wide
    QPixmapCache, so artwork rendered afresh at each reload piled up there."""
    return [
        widget.objectName() or type(widget.parent()).__name__
        for widget in descendants(window)
        if (isinstance(widget, QLabel) and not widget.pixmap().isNull())
        or (isinstance(widget, QAbstractButton) and not widget.icon().isNull())
    ]


def test_reloads_file_no_artwork_in_the_pixmap_cache(window, qtbot) -> None:
    """Home's tiles render their artwork anew at each reload; shown through a QLabel, every
    set went into QPixmapCache under its own key (+4 MB over 20 reloads in bench/soak.py)."""
    session = window.session
    window.stack.build_all()
    for _ in range(RELOADS):
        session.set_content(replace(session.content))
        window.reset_visitor()
        window.grab()  # painted, as on screen
        flush_deletes()
    tiles = window.stack.page("home").tiles
    assert tiles and all(not tile.icon.pixmap().isNull() for tile in tiles)
    assert pictures_through_icons(window) == []


def test_counting_with_children_leaves_no_dead_wrappers(qtbot) -> None:
    """findChildren on a long-lived widget keeps dead wrappers of Qt-made children (a scroll
    area's bars) under it; the census walks children() instead and must not."""
    root = QWidget()
    qtbot.addWidget(root)
    before = python_objects()["[dead Qt wrappers]"]
    for _ in range(10):
        page = QWidget(root)
        QScrollArea(page)
        assert any(type(o).__name__ == "QScrollBar" for o in descendants(root))
        page.deleteLater()
        del page
        flush_deletes()
    assert python_objects()["[dead Qt wrappers]"] <= before
    assert len(descendants(root)) == 0
    assert dead_wrappers_under(root) == 0
    page = QWidget(root)
    QScrollArea(page)
    root.findChildren(QScrollBar)  # the trap the leak tests' counts would catch
    page.deleteLater()
    del page
    flush_deletes()
    assert dead_wrappers_under(root) > 0


def test_the_leftover_check_sees_a_running_timer_and_animation(qtbot) -> None:
    """The autouse check that fails a test leaving things running can itself fail."""
    from PySide6.QtCore import QTimer, QVariantAnimation
    from PySide6.QtWidgets import QApplication

    from tests.helpers.leftovers import still_running

    app = QApplication.instance()
    timer = QTimer(app)
    timer.start(60_000)
    animation = QVariantAnimation(app)
    animation.setDuration(60_000)
    animation.setStartValue(0.0)
    animation.setEndValue(1.0)
    animation.start()
    found = still_running()
    timer.stop()
    animation.stop()
    assert any(f.startswith("QTimer") for f in found)
    assert any(f.startswith("QVariantAnimation") for f in found)
    assert still_running() == []
