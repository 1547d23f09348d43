"""``kiosk --check-layout``: drive the visitor's paths offscreen and check every visible text and
touch target on every screen.

Paths: a fresh start in each language; in the first, on every page and inside every detail,
a tap on the header's button of each other language in turn (the walk goes on from the last);
one attract-loop round with its steps (on a clock the check moves itself), into the next
loop's language, and the visitor waking it. On each screen: each text (labels, buttons and
the texts drawn in charts) and touch target inside the window and its page's visible area (a
scroll area's viewport, along the axes it does not scroll), no text on a sibling text, no
text clipped (one cut with "…" is a warning naming the full text), no widget of a layout on
another of the same layout (one squeezed under its minimum), touch targets at least the
theme's minimum, no known text (or filled template) of another language only, and no robot
card whose words do not fit it. Texts painted straight onto other widgets (the chain's layer
blocks, the overlays) are not seen.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLayout,
    QScrollArea,
    QStackedLayout,
    QWidget,
)

from kiosk.content import Content
from kiosk.content.known_texts import KnownTexts, foreign_language, text_languages
from kiosk.i18n import LANGUAGES, Language
from kiosk.runtime.access import Access
from kiosk.ui.input import Pressable, tap
from kiosk.ui.shell.main_window import KioskWindow
from kiosk.ui.theme import SECONDARY_PX
from kiosk.ui.tools.screenshots import settle
from kiosk.ui.widgets.buttons import PillButton
from kiosk.ui.widgets.scroll import shown_part
from kiosk.ui.widgets.text import DrawnText

ELLIPSIS = "…"
SHOWN_CHARS = 40  # of a text, in a finding's line
MIN_KEPT = 2  # characters an elided text must keep to say anything
INK_SHARE = 0.4  # of a line's box: two chart texts sharing less do not touch (measured)
TOLERANCE = 1  # pixels of rounding a rectangle may exceed its bounds by


@dataclass(frozen=True)
class Finding:
    """One problem on one screen: ``error`` fails the check, a warning does not."""

    screen: str  # page[/detail]
    lang: str
    size: tuple[int, int]
    widget: str
    text: str
    problem: str
    error: bool = True

    def line(self) -> str:
        text = " ".join(self.text.split())
        if len(text) > SHOWN_CHARS:
            text = text[:SHOWN_CHARS] + ELLIPSIS
        level = "" if self.error else "warning: "
        width, height = self.size
        where = f"{self.screen} {self.lang} {width}x{height}"
        return f'{where}: {self.widget} "{text}": {level}{self.problem}'


# --- what a widget shows and where ---------------------------------------------------------------


def widget_name(widget: QWidget) -> str:
    """Its objectName, else its class (after the nearest named ancestor's name)."""
    if widget.objectName():
        return widget.objectName()
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    prefix = f"{parent.objectName()}>" if parent is not None else ""
    return f"{prefix}{type(widget).__name__}"


def shown_text(widget: QWidget) -> tuple[str, str] | None:
    """(shown, full) text of a text widget; None for any other widget."""
    if isinstance(widget, QLabel):
        shown = widget.text()
        return shown, str(getattr(widget, "full_text", shown))
    if isinstance(widget, PillButton | DrawnText):
        return widget.shown_text(), widget.text()
    return None


def rect_in(widget: QWidget, root: QWidget) -> QRect:
    return QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return inner[0] >= outer[0] - TOLERANCE and inner[1] <= outer[1] + TOLERANCE


def _span(rect: QRect, axis: int) -> tuple[int, int]:
    return (rect.left(), rect.right()) if axis == 0 else (rect.top(), rect.bottom())


def scrolls(area: QAbstractScrollArea, axis: int) -> bool:
    """Whether ``area`` is meant to scroll along ``axis`` (0: x, 1: y): its body is larger there
    and, for a body it resizes to the viewport (``widgetResizable``), the axis is vertical."""
    body = area.widget() if isinstance(area, QScrollArea) else None
    if body is None:
        return False
    viewport = area.viewport()
    if axis == 0:
        resizable = isinstance(area, QScrollArea) and area.widgetResizable()
        return not resizable and body.width() > viewport.width()
    return body.height() > viewport.height()


def visible_area(widget: QWidget, root: QWidget) -> tuple[list[tuple[int, int]], str]:
    """Where ``widget`` must lie, per axis, in ``root``'s coordinates, and what that area is: the
    window, narrowed to each scroll area's viewport along the axes it does not scroll (along the
    others, its body)."""
    areas: list[QAbstractScrollArea] = []
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            areas.append(parent)
        parent = parent.parentWidget()
    window = root.rect()
    bounds = [_span(window, 0), _span(window, 1)]
    where = "the window"
    for area in reversed(areas):  # outermost first
        viewport = rect_in(area.viewport(), root)
        body = area.widget() if isinstance(area, QScrollArea) else None
        for axis in (0, 1):
            if scrolls(area, axis) and body is not None:
                bounds[axis] = _span(rect_in(body, root), axis)
            else:
                lo, hi = _span(viewport, axis)
                bounds[axis] = (max(lo, bounds[axis][0]), min(hi, bounds[axis][1]))
        where = f"the visible area of {widget_name(area)}"
    return bounds, where


def text_clipped(label: QWidget, shown: str) -> str:
    """Why ``shown`` does not fit ``label``, or '' when it does."""
    if isinstance(label, PillButton):
        need = QFontMetrics(label.fitted()[0]).horizontalAdvance(shown)
        return f"needs {need} px in {label.width()} px" if need > label.width() + TOLERANCE else ""
    if isinstance(label, DrawnText):
        return label.overflow()
    assert isinstance(label, QLabel)
    room = label.contentsRect()
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap)
        box = metrics.boundingRect(QRect(0, 0, max(1, room.width()), 10**6), flags, shown)
        if box.width() > room.width() + TOLERANCE or box.height() > room.height() + 2:
            return f"needs {box.width()}x{box.height()} px in {room.width()}x{room.height()} px"
        return ""
    widest = max(metrics.horizontalAdvance(line) for line in shown.split("\n"))
    lines = shown.count("\n") + 1
    if widest > room.width() + TOLERANCE:
        return f"needs {widest} px in {room.width()} px"
    if metrics.height() * lines > room.height() + 2:
        return f"needs {metrics.height() * lines} px high in {room.height()} px"
    return ""


# --- one screen ----------------------------------------------------------------------------------


def audit(
    root: QWidget,
    screen: str,
    lang: Language,
    known: KnownTexts,
    touch: int,
    smallest: int = 0,
    reach_top: int = 0,
) -> list[Finding]:
    """Every problem of the visible texts and touch targets under ``root`` (the window);
    ``smallest``: the pixel size no text may be set below (the theme's reading minimum);
    ``reach_top``: in reach mode, the line no touch target may reach above."""
    size = (root.width(), root.height())
    found: list[Finding] = []

    def add(widget: QWidget, text: str, problem: str, error: bool = True) -> None:
        found.append(Finding(screen, lang, size, widget_name(widget), text, problem, error))

    texts: list[tuple[QWidget, str]] = []
    sideways: set[int] = set()
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
            continue
        pair = shown_text(widget)
        target = (
            isinstance(widget, Pressable)
            and widget.isEnabled()
            and not widget.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        )
        if (
            isinstance(widget, QScrollArea)
            and widget.widgetResizable()
            and id(widget) not in sideways
        ):
            body = widget.widget()
            if body is not None and body.width() > widget.viewport().width() + TOLERANCE:
                sideways.add(id(widget))
                add(
                    widget,
                    "",
                    f"its body ({body.width()} px) is wider than its viewport "
                    f"({widget.viewport().width()} px): it scrolls sideways",
                )
        if pair is not None and not pair[0].strip() and pair[1].strip():
            whole = " ".join(pair[1].split())
            add(widget, "", f'no room for a line: hidden; full text "{whole}"', error=False)
        if (pair is None or not pair[0].strip()) and not target:
            continue
        shown, full = pair if pair is not None else ("", "")
        rect = rect_in(widget, root)
        bounds, where = visible_area(widget, root)
        if not (_inside(_span(rect, 0), bounds[0]) and _inside(_span(rect, 1), bounds[1])):
            x0, x1 = bounds[0]
            y0, y1 = bounds[1]
            add(
                widget,
                shown,
                f"at {rect.x()},{rect.y()} {rect.width()}x{rect.height()}, outside {where} "
                f"({x0},{y0} {x1 - x0 + 1}x{y1 - y0 + 1})",
            )
        seen = shown_part(widget, root)  # in a scroll area: the part in view, not scrolled away
        if target and reach_top and not seen.isEmpty() and seen.top() < reach_top:
            add(widget, shown, f"touchable at y={seen.top()}, above the reach line at {reach_top}")
        if target and (widget.width() < touch or widget.height() < touch):
            add(
                widget,
                shown,
                f"touch target {widget.width()}x{widget.height()} px, under the theme's "
                f"{touch}x{touch} px",
            )
        if pair is None or not shown.strip():
            continue
        texts.append((widget, shown))
        pixels = QFontInfo(widget.font()).pixelSize()
        if pixels < smallest:
            add(widget, shown, f"set at {pixels} px, under the {smallest} px a visitor reads")
        if shown != full and shown.endswith(ELLIPSIS):
            kept = len(shown.removesuffix(ELLIPSIS).strip())
            whole = " ".join(full.split())
            if kept < MIN_KEPT:  # nothing left to read
                add(widget, shown, f'cut to nothing; full text "{whole}"')
            else:
                add(widget, shown, f'elided; full text "{whole}"', error=False)
        elif shown != full:
            add(widget, shown, f'cut without "{ELLIPSIS}"; full text "{full}"')
        else:
            why = text_clipped(widget, shown)
            if why:
                add(widget, shown, f"clipped: {why}")
        other = (
            None
            if widget.objectName().startswith("language-")
            else foreign_language(full, lang, known)
        )
        if other is not None:
            add(widget, shown, f"in {other}, not {lang}: left from another language")
    found += _overlaps(texts, screen, lang, size)
    found += _laid_on_each_other(root, screen, lang, size)
    found += _chart_texts(root, screen, lang, known, size, smallest)
    found += _robot_cards(root, screen, lang, size)
    return found


def _chart_texts(
    root: QWidget,
    screen: str,
    lang: Language,
    known: KnownTexts,
    size: tuple[int, int],
    smallest: int = 0,
) -> list[Finding]:
    """A chart's texts (drawn by pyqtgraph, not widgets): inside the chart, not on one another,
    not in another language; cut ones are warnings."""

    from kiosk.ui.pages.figures.charts import ChartPlot

    found: list[Finding] = []
    for plot in root.findChildren(ChartPlot):
        if not plot.isVisible() or plot.width() <= 0:
            continue
        if not plot.updatesEnabled():  # held under an open detail, which shows a picture of
            continue  # its page: the page's own screen checks it
        name = f"chart-{plot.chart.id}" if plot.chart is not None else widget_name(plot)
        plot.grab()  # a chart text takes its place when it is drawn
        full_texts = getattr(plot, "full_texts", {})
        items = [i for i in plot.text_items() if i.isVisible()]
        placed = []
        for item in items:
            shown = item.toPlainText()
            if not shown.strip():
                continue
            full = full_texts.get(item, (shown, None))[0]
            rect = plot.mapFromScene(item.sceneBoundingRect()).boundingRect()
            margin = round(item.textItem.document().documentMargin())  # around the lines
            rect = rect.adjusted(margin, margin, -margin, -margin)
            placed.append((shown, rect))

            problems: list[tuple[str, bool]] = []
            if (
                rect.left() < -TOLERANCE
                or rect.right() > plot.width() + TOLERANCE
                or rect.top() < -TOLERANCE
                or rect.bottom() > plot.height() + TOLERANCE
            ):
                where = f"at {rect.x():.0f},{rect.y():.0f}"
                problems.append(
                    (f"{where}, outside its chart ({plot.width()}x{plot.height()})", True)
                )
            if shown != full and shown.endswith(ELLIPSIS):
                problems.append((f'elided; full text "{" ".join(full.split())}"', False))
            pixels = QFontInfo(item.textItem.font()).pixelSize()
            if pixels < smallest:
                problems.append(
                    (f"set at {pixels} px, under the {smallest} px a visitor reads", True)
                )
            other = foreign_language(full, lang, known)
            if other is not None:
                problems.append((f"in {other}, not {lang}: left from another language", True))
            found += [Finding(screen, lang, size, name, shown, p, e) for p, e in problems]
        for index, (text_a, a) in enumerate(placed):
            for text_b, b in placed[index + 1 :]:
                common = a.intersected(b)
                # line boxes share the room above and below their letters: letters collide
                # only when the boxes share a good part of a line
                line = INK_SHARE * min(a.height(), b.height())
                if common.width() > 2 * TOLERANCE and common.height() > line:
                    where = (screen, lang, size, name, text_a)
                    found.append(_overlap(where, "", text_b, "in the chart ", common))
    return found


def _robot_cards(
    root: QWidget, screen: str, lang: Language, size: tuple[int, int]
) -> list[Finding]:
    """A robot card drawn in view whose words did not fit it even in the smallest type."""
    from kiosk.ui.widgets.carousel import Carousel

    found = []
    for carousel in root.findChildren(Carousel):
        if not carousel.isVisible():
            continue
        for card in carousel.cards:
            if getattr(card, "clipped", False) and getattr(card, "lang", lang) == lang:
                robot = getattr(card, "robot", None)
                name = f"{widget_name(carousel)}>card-{robot.id if robot else '?'}"
                text = str(getattr(card, "name", ""))
                found.append(
                    Finding(screen, lang, size, name, text, "its words do not fit the card")
                )
    return found


def _overlap(
    where: tuple[str, str, tuple[int, int], str, str],
    other: str,
    other_text: str,
    place: str,
    common: QRect | QRectF,
) -> Finding:
    """The finding for a text lying on ``other_text`` (``where``: screen, lang, size, widget,
    text)."""
    short = " ".join(other_text.split())[:SHOWN_CHARS]
    size = f"{common.width():.0f}x{common.height():.0f}"
    return Finding(*where, f'overlaps {other}"{short}" {place}by {size} px')


def _on_each_other(
    groups: Iterable[list[tuple[QWidget, str]]], screen: str, lang: str, size: tuple[int, int]
) -> list[Finding]:
    """A widget (with the text it shows) on another of its group."""
    found = []
    for group in groups:
        for index, (a, text_a) in enumerate(group):
            for b, text_b in group[index + 1 :]:
                common = a.geometry().intersected(b.geometry())
                if common.width() > TOLERANCE and common.height() > TOLERANCE:
                    where = (screen, lang, size, widget_name(a), text_a)
                    found.append(_overlap(where, f"{widget_name(b)} ", text_b, "", common))
    return found


def _overlaps(
    texts: list[tuple[QWidget, str]], screen: str, lang: str, size: tuple[int, int]
) -> list[Finding]:
    """A text on a sibling text (the same parent)."""
    by_parent: dict[int, list[tuple[QWidget, str]]] = {}
    for widget, shown in texts:
        by_parent.setdefault(id(widget.parentWidget()), []).append((widget, shown))
    return _on_each_other(by_parent.values(), screen, lang, size)


def _laid_out(layout: QLayout) -> list[QWidget]:
    """The shown widgets ``layout`` and the layouts in it place (a stack shows one at a time)."""
    widgets = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget, inner = item.widget(), item.layout()
        if widget is not None and widget.isVisible() and not widget.size().isEmpty():
            widgets.append(widget)
        elif inner is not None and not isinstance(inner, QStackedLayout):
            widgets += _laid_out(inner)
    return widgets


def _laid_on_each_other(
    root: QWidget, screen: str, lang: str, size: tuple[int, int]
) -> list[Finding]:
    """A widget on another that the same layout places: the layout had less room than the
    widgets' minimum and squeezed one onto the next (a chart's note over its last bar)."""
    groups = []
    for parent in [root, *root.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or isinstance(layout, QStackedLayout) or not parent.isVisible():
            continue
        groups.append([(w, (shown_text(w) or ("", ""))[0]) for w in _laid_out(layout)])
    return _on_each_other(groups, screen, lang, size)


# --- the paths -----------------------------------------------------------------------------------


class FakeClock:
    """A monotonic clock the check moves itself (the attract loop runs in no time)."""

    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


def settled(window: KioskWindow) -> None:
    """Transitions and animations at their end, late text fits done."""
    settle(window)
    for _ in range(2):
        QApplication.processEvents()


class LayoutCheck:
    """Walks the paths over windows of one content and size and collects findings."""

    def __init__(
        self,
        content: Content,
        size: tuple[int, int],
        make_window: Callable[[Content, tuple[int, int], Language], KioskWindow],
        access: Access | None = None,
    ) -> None:
        self.content = content
        self.size = size
        self.make_window = make_window
        self.access = access or Access()  # the visitor's accessibility choices to walk in
        self.known = text_languages(content)
        # a widget's problem is told once per language, on the first screen that shows it
        self.findings: dict[tuple[str, str, str, str], Finding] = {}
        self.screens = 0

    def add(self, finding: Finding) -> None:
        key = (finding.lang, finding.widget, finding.text, finding.problem)
        self.findings.setdefault(key, finding)

    def check(self, window: KioskWindow, screen: str) -> None:
        self.screens += 1
        lang = window.session.language
        theme = window.theme
        smallest = theme.text_px(SECONDARY_PX)
        if self.access.active:
            screen = f"{screen} [{mode_names(self.access)}]"
        found = audit(window, screen, lang, self.known, theme.touch, smallest, window.reach_top())
        for finding in found:
            self.add(finding)

    def switch(self, window: KioskWindow, screen: str, lang: Language) -> None:
        """Tap the header's button of ``lang``, as a visitor does."""
        button = window.header.languages[lang]
        centre = button.mapTo(window, button.rect().center())
        on_top = window.childAt(centre)

        def problem(text: str) -> None:
            self.add(
                Finding(
                    screen,
                    window.session.language,
                    self.size,
                    widget_name(button),
                    button.text(),
                    text,
                )
            )

        if on_top is not None and on_top is not button and not button.isAncestorOf(on_top):
            problem(f"covered by {widget_name(on_top)}: a finger cannot reach it")
        tap(button)
        if window.session.language != lang:  # the button did nothing: say so, then go on
            problem(f"a tap did not switch to {lang}")
            window.session.set_language(lang)
        settled(window)

    def visit(self, window: KioskWindow, screen: str, switching: bool) -> None:
        """This screen in its language and, ``switching``, after a tap on each other language
        (the walk goes on in the last one: the next screen is reached from there)."""
        self.check(window, screen)
        if not switching:
            return
        start = LANGUAGES.index(window.session.language)
        for step in range(1, len(LANGUAGES)):
            self.switch(window, screen, LANGUAGES[(start + step) % len(LANGUAGES)])
            self.check(window, screen)

    def walk(
        self, lang: Language, pages: Iterable[str] | None, switching: bool, attract: bool
    ) -> None:
        """A fresh start in ``lang``: every page and every detail (``switching``: with the
        language switches), then the attract loop."""
        window = self.make_window(self.content, self.size, lang)
        try:
            window.show()
            window.set_access(self.access)
            settled(window)
            wanted = set(pages) if pages is not None else None
            for page_id in window.stack.order():
                if wanted is not None and page_id not in wanted:
                    continue
                window.go_to(page_id, animate=False)
                settled(window)
                page = window.stack.page(page_id)
                self.visit(window, page_id, switching)
                for detail in page.details():
                    page.show_detail(detail)
                    settled(window)
                    self.visit(window, f"{page_id}/{detail}", switching)
                    page.reset()
                    settled(window)
            if attract:
                self.attract_round(window, lang)
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()

    def attract_round(self, window: KioskWindow, lang: Language) -> None:
        """One loop of the playlist with its steps in ``lang``, the next loop's first stop in
        the next language, and the screen a visitor who wakes it finds."""
        from kiosk.runtime.modes import Timing
        from kiosk.ui.controller import KioskRuntime

        clock = FakeClock()
        runtime = KioskRuntime(window, Timing(), clock=clock, keep_hours=False)
        runtime.timer.stop()
        player = runtime.player
        try:
            window.go_home(animate=False)
            runtime.start_autoplay()  # from the default language, as on a terminal
            window.session.set_language(lang)
            settled(window)
            self.check(window, f"{window.current_page_id}/attract")
            steps = 0
            while player.loops < 1 and (due := player.next_due()) is not None:
                _, what, entry = player.plan[0]
                clock.now = max(clock.now, due)
                player.play_due()
                settled(window)
                runtime.moment.settle()
                steps = steps + 1 if what == "step" else 0
                kind = f"attract-step-{steps}" if what == "step" else "attract"
                if what == "loop":
                    kind = "attract-next-loop"
                where = window.current_page_id
                if runtime.moment.entry is not None:
                    where = f"moment-{runtime.moment.entry.moment}-{runtime.moment.entry.item}"
                self.check(window, f"{where}/{kind}")
            runtime.apply(runtime.controller.stop_autoplay())  # a visitor wakes it
            settled(window)
            self.check(window, f"{window.current_page_id}/woken")
        finally:
            player.stop()
            runtime.timer.stop()
            QApplication.instance().removeEventFilter(runtime)

    def errors(self) -> int:
        return sum(f.error for f in self.findings.values())


def mode_names(access: Access) -> str:
    """The accessibility modes on, as the findings name them: "reach+larger_text"."""
    return "+".join(name for name in Access.names() if getattr(access, name))


def check_layout(
    content: Content,
    size: tuple[int, int],
    languages: list[Language] | None = None,
    *,
    pages: Iterable[str] | None = None,
    attract: bool = True,
    make_window: Callable[[Content, tuple[int, int], Language], KioskWindow] | None = None,
    out: Callable[[str], None] = print,
    accessibility: bool = False,
) -> int:
    """Walk every path, print each finding and a summary; 1 on any error, else 0.

    ``accessibility``: walk it again in each accessibility mode that changes the layout (reach,
    larger text, and every mode at once), where the attract loop never runs."""
    if make_window is None:
        from kiosk.app import build_window

        make_window = build_window
    started = time.perf_counter()
    languages = languages or list(LANGUAGES)
    walks = [Access()]
    if accessibility:
        walks += [Access(reach=True), Access(larger_text=True), Access(True, True, True, True)]
    found: list[Finding] = []
    screens = 0
    for access in walks:
        run = LayoutCheck(content, size, make_window, access)
        for index, lang in enumerate(languages):  # the switches and the loop once, first
            loop = attract and index == 0 and not access.active
            run.walk(lang, pages, switching=index == 0, attract=loop)
        found += run.findings.values()
        screens += run.screens
    for finding in found:
        out(finding.line())
    errors = sum(f.error for f in found)
    warnings = len(found) - errors
    width, height = size
    modes = f" (standard and {len(walks) - 1} accessibility walks)" if accessibility else ""
    out(
        f"check-layout {width}x{height}{modes}: {screens} screens, {errors} error(s), "
        f"{warnings} warning(s) in {time.perf_counter() - started:.1f} s"
    )
    return 1 if errors else 0
