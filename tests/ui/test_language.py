"""Switching language updates every visible string at once, without rebuilding state."""

from __future__ import annotations

import pytest

from kiosk.i18n import LANGUAGES
from tests.helpers.ui import touch_tap


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switch_updates_every_page(window, lang) -> None:
    """The page on screen at once; every other page by the time it is shown (a switch costs
    only the page on screen)."""
    content = window.session.content
    window.go_to("figures", animate=False)
    figures = window.stack.page("figures")
    tiles_before, spread_before = list(figures.tiles), figures.spread.charts
    touch_tap(window.header.languages[lang])
    assert window.session.language == lang
    if figures.spread.charts == spread_before:
        assert figures.tiles == tiles_before  # same widgets, retranslated
    # else a chart moved between the spread and 'More figures' (English is longer): the
    # hidden panel is built again, in the new language, when the visitor opens it
    figures.show_detail("more")
    figures.settle()
    for tile in figures.tiles:
        assert tile.label.text() == tile.figure.label.get(lang)
        assert tile.number.text() == content.format_figure(tile.figure, lang)
    assert window.header.home.text() == content.strings["nav.home"].get(lang)
    assert window.current_page_id == "figures"  # the visitor stays where they were
    touch_tap(window.header.home)
    assert window.current_page_id == "home"
    home = window.stack.page("home")
    assert home.title.text() == content.strings["app.title"].get(lang)
    assert home.subtitle.text() == content.strings["app.subtitle"].get(lang)
    for tile in home.tiles:
        assert tile.title.text() == content.pages[tile.page_id].title.get(lang)


def test_a_switch_retranslates_only_the_page_on_screen(window, monkeypatch) -> None:
    window.stack.build_all()
    window.go_to("policy", animate=False)
    calls: list[str] = []
    for page in window.stack.pages.values():
        monkeypatch.setattr(page, "retranslate", lambda p=page: calls.append(p.page_id))
    touch_tap(window.header.languages["en"])
    assert calls == ["policy"]
    window.go_to("voices", animate=False)
    window.go_to("policy", animate=False)  # already in English: not again
    assert calls == ["policy", "voices"]


def test_language_buttons_name_each_language_in_itself(window) -> None:
    for lang in LANGUAGES:
        touch_tap(window.header.languages[lang])
        names = [b.text() for b in window.header.languages.values()]
        assert names == ["简体中文", "繁體中文", "English"]
        assert [b.selected for b in window.header.languages.values()] == [
            code == lang for code in LANGUAGES
        ]


def test_start_language_from_argument(qtbot) -> None:
    from tests.helpers.ui import make_window

    window = make_window(qtbot, lang="zh-Hant")
    assert window.stack.page("home").title.text() == "深圳·AI之城"
    assert window.stack.page("home").tiles[0].title.text() == "數讀AI之城"


def test_the_window_is_named_after_the_exhibition_in_the_visitor_s_language(window) -> None:
    from kiosk import PRODUCT

    content = window.session.content
    for lang in LANGUAGES:
        window.session.set_language(lang)
        assert window.windowTitle() == f"{content.string('app.title', lang)} · {PRODUCT}"
