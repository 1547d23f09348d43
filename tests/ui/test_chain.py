"""The industry-chain page: tap a layer or a part, read exactly its companies, close it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
from PySide6.QtWidgets import QWidget

from kiosk.runtime.access import Access
from kiosk.ui.pages.chain import ChainPage
from kiosk.ui.widgets.bullet import BulletRow
from kiosk.ui.widgets.scroll import shown_part
from kiosk.ui.widgets.text import TextLabel
from tests.helpers import EXHIBIT, SECOND, STRESS
from tests.helpers.content import read, set_cell, write
from tests.helpers.ui import make_window, open_page, touch_tap


def open_chain(window, qtbot) -> ChainPage:
    return open_page(window, qtbot, "chain")


def shown_companies(page: ChainPage) -> list[str]:
    return [row.name.text() for row in page.detail.rows]


def expected(window, kind: str, key: str, lang: str) -> list[str]:
    companies = window.session.content.companies.values()
    if kind == "layer":
        chosen = [c for c in companies if c.layer == key]
    else:
        chosen = [c for c in companies if key in c.parts]
    return [c.name.get(lang) for c in chosen]


@pytest.mark.parametrize("lang", ["zh-Hans", "zh-Hant", "en"])
def test_tapping_each_layer_lists_exactly_its_companies(qtbot, lang: str) -> None:
    window = make_window(qtbot, lang=lang)
    page = open_chain(window, qtbot)
    assert [b.layer.id for b in page.diagram.blocks] == list(window.session.content.layers)
    for block in page.diagram.blocks:
        touch_tap(block)
        qtbot.waitUntil(lambda: not page.detail.animating, timeout=15000)
        assert page.detail.is_open
        assert block.selected
        assert page.detail.title.text() == block.layer.name.get(lang)
        assert shown_companies(page) == expected(window, "layer", block.layer.id, lang)
        touch_tap(page.detail.back)
        qtbot.waitUntil(lambda: not page.detail.isVisible(), timeout=15000)
        assert not block.selected


def test_tapping_each_part_lists_exactly_its_companies(window, qtbot) -> None:
    page = open_chain(window, qtbot)
    figure = page.figure
    for part_id in ("brain", "cerebellum", "limbs"):
        shape = figure.spots[part_id].shape.boundingRect().center()
        point = figure.transform().map(shape)
        touch_tap(figure, QPoint(round(point.x()), round(point.y())))
        qtbot.waitUntil(lambda: page.detail.is_open and not page.detail.animating, timeout=15000)
        assert figure.selected == part_id
        assert shown_companies(page) == expected(window, "part", part_id, "zh-Hans"), part_id
        assert (
            page.detail.subtitle.text() == window.session.content.parts[part_id].stands_for.zh_hans
        )
        page.detail.dismiss(animate=False)


def test_a_part_label_is_a_large_target_too(window, qtbot) -> None:
    page = open_chain(window, qtbot)
    label = page.figure.label_rect("cerebellum")
    assert label.height() >= window.theme.touch
    touch_tap(page.figure, label.center().toPoint())
    qtbot.waitUntil(lambda: page.detail.is_open, timeout=15000)
    assert page.detail.detail_id == "part-cerebellum"


def test_a_tap_beside_the_figure_opens_nothing(window, qtbot) -> None:
    page = open_chain(window, qtbot)
    touch_tap(page.figure, QPoint(2, 2))
    assert not page.detail.isVisible()
    assert page.figure.part_at(QPointF(2, 2)) is None


def test_a_tap_on_the_dimmed_page_closes_the_detail(window, qtbot) -> None:
    page = open_chain(window, qtbot)
    touch_tap(page.diagram.blocks[0])
    qtbot.waitUntil(lambda: page.detail.is_open and not page.detail.animating, timeout=15000)
    outside = QPoint(page.detail.panel.geometry().left() // 2, page.height() // 2)
    touch_tap(page.detail, outside)
    qtbot.waitUntil(lambda: not page.detail.isVisible(), timeout=15000)
    assert window.current_page_id == "chain"


def test_the_terminal_layer_lists_the_kinds_of_device_and_the_notes(window, qtbot) -> None:
    page = open_chain(window, qtbot)
    page.show_detail("layer-terminal")
    page.detail.settle()
    body = page.detail.scroll.widget()
    shown = [label.text() for label in body.findChildren(type(page.title))]
    content = window.session.content
    for terminal in content.terminals.values():
        assert any(terminal.name.zh_hans in text for text in shown), terminal.id
    for note in content.chain_notes.values():
        if note.layer == "terminal":
            assert any(note.text.zh_hans in text for text in shown), note.id


def test_the_open_detail_follows_the_language(window, qtbot) -> None:
    page = open_chain(window, qtbot)
    page.show_detail("part-brain")
    touch_tap(window.header.languages["en"])
    assert page.detail.title.text() == "Brain"
    assert shown_companies(page) == expected(window, "part", "brain", "en")


def test_the_chain_builds_up_on_entry_and_stops_when_left(window, qtbot) -> None:
    window.go_to("chain", animate=False)
    page = window.stack.page("chain")
    blocks = sorted(page.diagram.blocks, key=lambda b: b.index)
    assert all(b.appear == 0.0 for b in blocks)  # the chain starts empty
    assert page.running_animations() == 1
    qtbot.waitUntil(lambda: blocks[0].appear > 0.5, timeout=15000)
    assert blocks[-1].appear < blocks[0].appear  # the foundation rises first
    window.go_home()
    assert page.running_animations() == 0
    assert all(b.appear == 1.0 for b in blocks)


def test_reset_closes_the_detail(window, qtbot) -> None:
    page = open_chain(window, qtbot)
    page.show_detail("layer-foundation")
    page.reset()
    assert not page.detail.isVisible()
    assert not any(b.selected for b in page.diagram.blocks)
    assert page.running_animations() == 0


def test_company_text_is_shown_literally(content_dir: Path, qtbot) -> None:
    set_cell(content_dir, "companies.csv", "dji", "products_en", "<b>Drones</b><img src=x>")
    window = make_window(qtbot, content_dir, lang="en")
    page = open_chain(window, qtbot)
    page.show_detail("layer-terminal")
    row = next(r for r in page.detail.rows if r.company.id == "dji")
    assert row.products.text() == "<b>Drones</b><img src=x>"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160)])
def test_nothing_is_clipped_at_any_size(qtbot, size) -> None:
    window = make_window(qtbot, size=size, lang="en")
    page = open_chain(window, qtbot)
    screen = page.rect()
    for block in page.diagram.blocks:
        assert block.height() >= block.heightForWidth(block.width()) - 1, block.layer.id
        assert block.height() >= window.theme.touch
        top_left = block.mapTo(page, QPoint(0, 0))
        assert screen.contains(block.rect().translated(top_left))
    for part in ("brain", "cerebellum", "limbs"):
        label = page.figure.label_rect(part)
        assert page.figure.rect().toRectF().contains(label), part
    page.show_detail("part-limbs")
    page.detail.settle()
    assert screen.contains(page.detail.panel.geometry())


def test_a_detail_opened_over_an_open_one_stands_on_the_page_s_new_choice(window, qtbot) -> None:
    """An open detail stands on a picture of its page; opening the next one over it (as the
    attract loop does) lights the new choice in that picture, not the old one."""
    page = open_chain(window, qtbot)
    first, second = page.details()[:2]
    page.show_detail(first)
    qtbot.waitUntil(lambda: page.detail.panel.isVisible() and not page.detail.animating)
    before = page.detail._backdrop.toImage()
    page.show_detail(second)
    page.settle()
    shown = page.detail._backdrop.toImage()
    assert shown != before and shown == page.detail.dimmed_page().toImage()


def test_autoplay_steps_through_the_layers_and_parts(window, qtbot) -> None:
    page = open_chain(window, qtbot)
    opened = []
    while page.advance():
        opened.append(page.detail.detail_id)
    assert opened == page.details()
    qtbot.waitUntil(lambda: not page.detail.isVisible(), timeout=15000)


def test_any_layer_lists_the_device_kinds_terminals_csv_gives_it(qtbot, content_dir) -> None:
    """No fixed id: a curator's 'devices' layer (not 'terminal') lists the kinds of device
    whose layer column names it, and the other layers list none."""
    for name in ("layers.csv", "companies.csv", "chain_notes.csv", "terminals.csv"):
        text = read(content_dir, name)
        text = text.replace("\nterminal,", "\ndevices,").replace(",terminal,", ",devices,")
        write(content_dir, name, text.replace(",terminal\n", ",devices\n"))
    set_cell(content_dir, "terminals.csv", "wearable", "layer", "application")
    window = make_window(qtbot, content_dir, lang="en")
    page = open_page(window, qtbot, "chain")
    kinds = window.session.content.terminals.values()

    def listed(layer: str) -> list[str]:
        page.show_detail(f"layer-{layer}")
        page.settle()
        assert page.detail.detail_id == f"layer-{layer}"
        body = page.detail.scroll.widget()
        return [w.text() for w in body.findChildren(TextLabel) if w.isVisibleTo(body)]

    devices = listed("devices")
    assert all(any(k.name.en in t for t in devices) for k in kinds if k.id != "wearable")
    assert not any("Wearables" in t for t in devices)
    assert any("Wearables" in t for t in listed("application"))
    assert not any(k.name.en in t for k in kinds for t in listed("foundation"))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_an_own_figure_places_its_parts_where_the_curator_put_them(qtbot, size) -> None:
    """The second exhibition draws its own vehicle: each hotspot is where parts.csv puts it on
    the picture, its label is a whole touch target beside the figure, clear of the others, and a
    tap on the hotspot opens that part's companies."""
    window = make_window(qtbot, folder=SECOND, size=size, lang="en")
    page = open_chain(window, qtbot)
    figure = page.figure
    content = window.session.content
    art = figure.transform().mapRect(QRectF(QPointF(0, 0), figure.design))
    labels = figure.label_rects()
    assert set(labels) == set(content.parts) == {"sonar", "mast", "battery", "thruster"}
    for part_id, rect in labels.items():
        assert figure.rect().toRectF().contains(rect), part_id
        assert rect.height() >= window.theme.touch
        assert not any(rect.intersects(r) for k, r in labels.items() if k != part_id), part_id
    for part_id, part in content.parts.items():
        x, y, w, h = part.hotspot
        centre = QPointF(
            art.left() + (x + w / 2) / 100 * art.width(),
            art.top() + (y + h / 2) / 100 * art.height(),
        )
        assert figure.part_at(centre) == part_id
        touch_tap(figure, centre.toPoint())
        qtbot.waitUntil(lambda: page.detail.is_open and not page.detail.animating, timeout=15000)
        assert page.detail.detail_id == f"part-{part_id}"
        assert shown_companies(page) == expected(window, "part", part_id, "en"), part_id
        page.detail.dismiss(animate=False)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_the_detail_never_hides_what_was_tapped(qtbot, size) -> None:
    """A tapped layer's block and a tapped part's figure stay in view beside the panel
    (landscape: beside the whole diagram; portrait: above or below the block)."""
    window = make_window(qtbot, size=size, lang="en")
    page = open_chain(window, qtbot)
    foundation = next(b for b in page.diagram.blocks if b.layer.id == "foundation")
    for detail, tapped in (("layer-foundation", foundation), ("part-brain", page.figure)):
        page.show_detail(detail)
        page.detail.settle()
        panel = page.detail.panel.geometry()
        where = QRect(tapped.mapTo(page, QPoint(0, 0)), tapped.size())
        assert not panel.intersects(where), (detail, panel, where)
        assert page.detail.lit_rect().contains(where)  # and the scrim barely dims it
        assert panel.width() >= window.theme.px(600) and panel.height() >= window.theme.px(480)
        assert page.rect().contains(panel)
        page.detail.dismiss(animate=False)


@pytest.mark.parametrize("folder", [EXHIBIT, STRESS])
def test_in_portrait_with_larger_text_each_layer_detail_has_room_for_its_companies(
    qtbot, folder: Path
) -> None:
    """Kept clear of the whole diagram, a layer's panel had a strip of about 20 px for its
    companies; kept clear of the block tapped, it shows a whole row, and the block stays lit.
    With no room above or below the block (the stress pack's long texts), it covers the page."""
    window = make_window(qtbot, folder, size=(1080, 1920), lang="en")
    window.set_access(Access(larger_text=True))
    page = open_chain(window, qtbot)
    detail = page.detail
    for block in page.diagram.blocks:
        if page.scroll is not None:  # where a visitor's swipe left it (test_accessibility)
            page.scroll.ensureWidgetVisible(block, 0, 0)
        touch_tap(block)
        qtbot.waitUntil(lambda: detail.is_open and not detail.animating, timeout=15000)
        panel = detail.panel.geometry()
        where = shown_part(block, page)
        over = panel.height() >= page.height() - window.theme.page_top - window.theme.px(96)
        assert over or not panel.intersects(where), block.layer.id  # over: no room beside
        assert detail.lit_rect() == where
        first = detail.rows[0]
        shown = shown_part(first, detail.scroll).height()  # whole, or a long one 360 px of it
        assert shown >= min(first.height(), window.theme.px(360)), block.layer.id
        touch_tap(detail.back)
        qtbot.waitUntil(lambda: detail.isHidden(), timeout=15000)


def test_a_long_device_kind_wraps_under_its_words_not_under_its_dot(content_dir, qtbot) -> None:
    long = "Delivery robots that carry parcels the last few hundred metres to the door"
    set_cell(content_dir, "terminals.csv", "delivery_robot", "name_en", long)
    window = make_window(qtbot, content_dir, size=(1080, 1920), lang="en")
    page = open_page(window, qtbot, "chain")
    page.show_detail("layer-terminal")
    page.settle()
    rows = page.detail.findChildren(BulletRow)
    row = next(r for r in rows if r.label.text().replace("\n", " ") == long)
    assert row.isVisible()
    indent = row.label.mapTo(row, QPoint(0, 0)).x()
    assert indent >= window.theme.px(30)  # the words stand clear of the dot, all their lines
    assert row.label.height() >= 2 * row.label.fontMetrics().height() - 2  # it did wrap
    assert not any(r.label.text().startswith("·") for r in rows)  # no dot typed in the text


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_a_long_company_list_ends_with_its_last_words_not_a_blank(qtbot, size) -> None:
    """The list's body took its layout's minimum height, the sum of each row's height at its
    own preferred width: up to 900 px of blank below the last words, scrolled through."""
    window = make_window(qtbot, size=size, lang="en")
    page = open_chain(window, qtbot)
    biggest = max(page.diagram.blocks, key=lambda b: len(page.companies_of(f"layer-{b.layer.id}")))
    page.show_detail(f"layer-{biggest.layer.id}")
    page.detail.settle()
    scroll = page.detail.scroll
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the exhibit's longest list does not fit
    bar.setValue(bar.maximum())
    body = scroll.widget()
    last = max(
        (w for w in body.findChildren(QWidget) if w.isVisible() and w.parentWidget() is body),
        key=lambda w: w.geometry().bottom(),
    )
    blank = scroll.viewport().height() - shown_part(last, scroll.viewport()).bottom()
    assert blank <= window.theme.px(80), blank


def test_a_long_back_label_puts_the_title_under_it_and_a_long_badge_is_cut(qtbot) -> None:
    """On the stress pack the back label took half the head and the title four lines beside
    it; a long badge left a company's name a column of six lines. The title goes under the
    back control where beside it would take more than two lines, and a badge keeps to a
    third of its row; on the exhibit both stay beside."""
    for pack, beside in ((STRESS, False), (EXHIBIT, True)):
        window = make_window(qtbot, pack, lang="en")
        page = open_chain(window, qtbot)
        page.show_detail("layer-foundation")
        page.detail.settle()
        detail = page.detail
        title, back = detail.title.geometry(), detail.back.geometry()
        assert (title.top() < back.bottom()) is beside, pack.name
        assert detail.title.height() <= 2 * detail.title.fontMetrics().height() + 2, pack.name
        assert detail.back.shown_text() == detail.back.text() or beside
        for row in detail.rows:
            if row.badge is not None:
                assert row.badge.width() <= row.width() // 3 + 1, row.company.id
                assert row.name.width() >= row.width() // 2, row.company.id
        window.close()
