"""A second exhibition on screen: its own words on every page and detail, in every language,
and nothing of the bundled exhibition's (whose texts live in another folder)."""

from __future__ import annotations

import csv

from PySide6.QtWidgets import QWidget

from kiosk.content import load_content
from kiosk.content.known_texts import text_languages
from kiosk.i18n import LANGUAGES
from kiosk.paths import interface_dir
from tests.helpers import BUNDLED, SECOND
from tests.helpers.ui import make_window, open_page, touch_tap


def shown_texts(window: QWidget) -> set[str]:
    """Every text a visible label or button of the window shows."""
    found = set()
    for widget in window.findChildren(QWidget):
        text = getattr(widget, "text", None)
        if widget.isVisible() and callable(text) and isinstance(text(), str) and text().strip():
            found.add(text().strip())
    return found


def the_bundled_exhibition_s_own_texts() -> set[str]:
    """What data/ says that is not one of the kiosk's interface words."""
    with (interface_dir() / "strings.csv").open(encoding="utf-8") as stream:
        interface = {cell for row in csv.reader(stream) for cell in row[1:]}
    bundled = set(text_languages(load_content(BUNDLED, interface=interface_dir())).exact)
    second = set(text_languages(load_content(SECOND, interface=interface_dir())).exact)
    return bundled - interface - second


def test_every_screen_of_the_second_exhibition_shows_only_its_own_words(qtbot) -> None:
    foreign = the_bundled_exhibition_s_own_texts()
    assert shown_texts(make_window(qtbot, BUNDLED)) & foreign  # the check finds what it seeks
    window = make_window(qtbot, SECOND)
    home = window.stack.page("home")
    assert [t.page_id for t in home.tiles] == ["robots", "chain", "policy", "voices"]
    seen: set[str] = set()
    for lang in LANGUAGES:
        window.go_home(animate=False)
        touch_tap(window.header.languages[lang])
        title = window.session.content.string("app.title", lang)
        assert title in shown_texts(window) and title in window.windowTitle()
        seen |= shown_texts(window)
        for page_id in window.page_order()[1:]:
            window.go_home(animate=False)
            page = open_page(window, qtbot, page_id, settled=False)
            page.settle()
            seen |= shown_texts(window)
            for detail in page.details():
                page.show_detail(detail)
                page.settle()
                seen |= shown_texts(window)
            page.reset()
    assert seen & foreign == set()
    assert "Lin Hai" in seen and "海港城：海洋科技" in seen  # its own words were read
    assert "Back" in seen and "返回" in seen  # and the kiosk's interface words
    assert {"Hull care", "船體養護", "Quay logistics"} <= seen  # its own robot categories
