"""The keypad path (EZ Access style): arrows move a focus ring over what a finger can touch,
Enter presses it, Back closes the top-most layer or goes home, Help asks for help.

Targets are found in the widget tree, never listed by page: every shown, enabled
:class:`~kiosk.ui.input.Pressable` of the top-most layer that a finger could reach, each region
of a widget that offers ``keypad_regions()`` (see :class:`KeypadRegions`), and a scroll area
with nothing to press inside that can still scroll. A full-window layer over the page (a
detail, the countdown, the PIN pad, the admin panel) keeps the focus inside it. See
docs/keypad.md.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import (
    QAbstractAnimation,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QScroller, QWidget

from kiosk.ui.input import CLOSES_LAYER, Pressable, is_from_touch, press_at, release_at
from kiosk.ui.pages.base import PageView
from kiosk.ui.shell.page_stack import PageStack
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.focus_ring import FocusRing
from kiosk.ui.widgets.scroll import shown_part

if TYPE_CHECKING:
    from kiosk.ui.shell.main_window import KioskWindow

PRESS_MS = 110  # a key's press is held this long, so its press feedback shows
FOLLOW_MS = 16  # while the ring shows it follows its target every frame (scrolls, slides)
SCROLL_MS = 260  # a focused target scrolls into view this fast
SCROLL_STEP = 0.6  # of the viewport: one Up or Down in a scroll area with nothing to press
WHOLE, SCROLL = -1, -2  # Target.region: the whole widget; a scroll area to scroll


class Key(enum.Enum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"  # previous in reading order
    RIGHT = "right"  # next in reading order
    ACTIVATE = "activate"
    BACK = "back"
    HELP = "help"


K = Qt.Key
KEYS: dict[int, Key] = {
    K.Key_Up: Key.UP,
    K.Key_Down: Key.DOWN,
    K.Key_Left: Key.LEFT,
    K.Key_Right: Key.RIGHT,
    K.Key_Backtab: Key.LEFT,
    K.Key_Tab: Key.RIGHT,
    K.Key_Return: Key.ACTIVATE,
    K.Key_Enter: Key.ACTIVATE,  # the number pad's
    K.Key_Space: Key.ACTIVATE,
    K.Key_Select: Key.ACTIVATE,
    K.Key_Escape: Key.BACK,
    K.Key_Backspace: Key.BACK,
    K.Key_Back: Key.BACK,
    K.Key_F1: Key.HELP,
    K.Key_Help: Key.HELP,
    K.Key_Question: Key.HELP,
    K.Key_H: Key.HELP,
}
CHORDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def key_of(event: QKeyEvent) -> Key | None:
    """What a key press asks of the keypad path; None for any other key or chord."""
    if event.modifiers() & CHORDS:
        return None
    return KEYS.get(int(event.key()))


class KeypadRegions(Protocol):
    """A widget with several tappable regions (a figure's parts, a row of dots, a carousel's
    cards): the navigator steps through them and presses the middle of the focused one.
    ``keypad_focus`` is optional."""

    def keypad_regions(self) -> list[QRect]:
        """The regions a tap acts on, in its own coordinates, in reading order (none: it is no
        target now)."""
        ...

    def keypad_focus(self, index: int, still: bool) -> None:
        """Region ``index`` got the focus: bring it into view (``still``: at once, it is about
        to be pressed)."""
        ...


def same_row(a: QRect, b: QRect) -> bool:
    """Two rectangles share a row when they overlap vertically by half the shorter one."""
    overlap = min(a.bottom(), b.bottom()) - max(a.top(), b.top()) + 1
    return overlap > 0 and 2 * overlap >= min(a.height(), b.height())


def reading_order(rects: Sequence[QRect]) -> list[int]:
    """Indices of ``rects`` in reading order: rows top to bottom (an item joins a row when it
    shares it with one of its members, see :func:`same_row`), left to right within a row."""
    rows: list[list[int]] = []
    for index in sorted(range(len(rects)), key=lambda i: (rects[i].top(), rects[i].left())):
        if rows and any(same_row(rects[index], rects[j]) for j in rows[-1]):
            rows[-1].append(index)
        else:
            rows.append([index])
    return [i for row in rows for i in sorted(row, key=lambda i: (rects[i].left(), rects[i].top()))]


class Target:
    """One thing the ring can stand on: a widget, one of its regions, or a scroll area."""

    __slots__ = ("widget", "region")

    def __init__(self, widget: QWidget, region: int = WHOLE) -> None:
        self.widget = widget
        self.region = region

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Target)
            and other.widget is self.widget
            and other.region == self.region
        )

    def __hash__(self) -> int:
        return hash((id(self.widget), self.region))

    def __repr__(self) -> str:
        name = self.widget.objectName() if self.alive() else "<deleted>"
        return f"Target({type(self.widget).__name__} {name!r}, {self.region})"

    def alive(self) -> bool:
        return shiboken6.isValid(self.widget)

    def local_rect(self) -> QRect:
        """Where it is, in its widget's coordinates."""
        widget = self.widget
        if self.region == SCROLL and isinstance(widget, QAbstractScrollArea):
            return widget.viewport().geometry()
        if self.region >= 0:
            regions = widget.keypad_regions()  # type: ignore[attr-defined]
            return QRect(regions[self.region]) if self.region < len(regions) else QRect()
        return widget.rect()

    def rect_in(self, window: QWidget) -> QRect:
        """Where it is, in ``window``'s coordinates."""
        local = self.local_rect()
        return QRect(self.widget.mapTo(window, local.topLeft()), local.size())


def scroll_areas(widget: QWidget, stop: QWidget | None = None) -> list[QAbstractScrollArea]:
    """The scroll areas that hold ``widget``, innermost first (below ``stop``)."""
    found: list[QAbstractScrollArea] = []
    parent = widget.parentWidget()
    while parent is not None and parent is not stop:
        if isinstance(parent, QAbstractScrollArea):
            found.append(parent)
        parent = parent.parentWidget()
    return found


def can_scroll(area: QAbstractScrollArea) -> bool:
    return area.verticalScrollBar().maximum() > 0 or area.horizontalScrollBar().maximum() > 0


class KeypadNavigator(QObject):
    """Keys to the kiosk window: the focus ring, its targets and what each key does.

    Installed on the application (it sees the keys of its window's widgets only). The kiosk
    runtime's own filter sees a key first: a key that wakes the attract loop or answers the
    countdown never gets here. ``help_requested`` is emitted for the help key.
    """

    help_requested = Signal()
    # class-level defaults: while the window is torn down Qt may hand the filter an event
    # through a new wrapper of this object, one without its attributes
    active = False
    _tapping = False

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ring = FocusRing(window.theme, window)
        self.active = False  # a visitor uses keys: the ring shows (a touch ends it)
        self.current: Target | None = None
        self._root: QWidget | None = None  # the scope the current target was chosen in
        self._pending = False  # the scope changed: focus its first (or remembered) target
        self._wanted: Target | None = None  # the target to restore when the pending one settles
        self._openers: list[tuple[QWidget, Target]] = []  # (scope, target) under each layer
        self._memory: dict[str, Target] = {}  # page id: the last target focused on it
        self._pressing: tuple[QWidget, QPointF] | None = None
        self._tapping = False
        self.follow = QTimer(self)
        self.follow.setTimerType(Qt.TimerType.PreciseTimer)
        self.follow.setInterval(FOLLOW_MS)
        self.follow.timeout.connect(self.sync)
        self.release = QTimer(self)
        self.release.setSingleShot(True)
        self.release.setInterval(PRESS_MS)
        self.release.timeout.connect(self._release)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # --- what the runtime asks --------------------------------------------------------------

    def reveal(self) -> None:
        """Show the ring on the focused target (a key woke the kiosk or answered it)."""
        self.active = True
        self.sync()
        self.follow.start()

    def hide_ring(self) -> None:
        """Hide the ring until the next key (a touch came, the attract loop starts)."""
        self._release()
        self.active = False
        self.follow.stop()
        self.ring.hide()

    def restyle(self, theme: Theme) -> None:
        """The window was rebuilt in ``theme`` (accessibility choices): the ring in it, on top,
        and the focus from the first target of the new widgets (shown if keys are in use)."""
        typing = self.active
        self.forget()
        self.ring.theme = theme
        self.ring.raise_()
        if typing:
            self.reveal()

    def forget(self) -> None:
        """A new visitor: nothing remembered, focus starts again from the first target."""
        self.hide_ring()
        self.current = None
        self._root = None
        self._pending = False
        self._wanted = None
        self._openers.clear()
        self._memory.clear()

    # --- input ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the application passes here: class tests first, they are cheap
        if isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress or not self._mine(watched):
                return False
            key = key_of(event)
            if key is None:
                return False
            if event.isAutoRepeat() and key not in (Key.UP, Key.DOWN, Key.LEFT, Key.RIGHT):
                return True  # a held Enter presses once
            self.press_key(key)
            return True
        if self.active and not self._tapping and isinstance(event, (QMouseEvent, QTouchEvent)):
            kind = event.type()
            starts = kind == QEvent.Type.TouchBegin or (
                kind == QEvent.Type.MouseButtonPress and not is_from_touch(event)  # type: ignore[arg-type]
            )
            if starts and self._mine(watched):
                self.hide_ring()  # a finger or the mouse: the ring is for keys only
        return False

    def _mine(self, watched: QObject) -> bool:
        window = self.__dict__.get("window")
        return window is not None and isinstance(watched, QWidget) and watched.window() is window

    def press_key(self, key: Key) -> None:
        """Do what ``key`` asks (the keys' path; tests and integrators may call it too)."""
        self._release()
        shown = self.active and self.ring.isVisible()
        self.active = True
        self.follow.start()
        if key == Key.HELP:
            self.help_requested.emit()
        elif key == Key.BACK:
            self._back()
        self._settle_scope()
        self.sync()
        if not shown or key in (Key.HELP, Key.BACK) or self.current is None:
            return  # the first key only shows where the focus is
        if key == Key.ACTIVATE:
            self._activate(self.current)
        else:
            self._move(key)
        self.sync()

    # --- scope ------------------------------------------------------------------------------

    def _covers(self, widget: QWidget) -> bool:
        window = self.window
        if widget.isHidden() or widget.isWindow() or widget is self.ring:
            return False
        if widget.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents):
            return False
        # the whole part a visitor uses: the window, or in reach mode the part under the line
        area = window.visitor_rect()
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).contains(area)

    def scope(self) -> tuple[QWidget, bool]:
        """The top-most widget that covers the whole window (in reach mode, the part of it a
        visitor can reach), and whether it is a layer that keeps the focus inside it (anything
        but the window, the page stack and a page)."""
        root: QWidget = self.window
        while True:
            above = [c for c in root.children() if isinstance(c, QWidget) and self._covers(c)]
            if not above:
                break
            root = above[-1]  # the last child is drawn on top
        stack = self.window.stack
        if (
            isinstance(root, PageView)
            and stack.transition.state() == QAbstractAnimation.State.Running
        ):
            root = stack  # pages slide: neither is the scope until one stands still
        modal = root is not self.window and not isinstance(root, (PageView, PageStack))
        return root, modal

    def _settle_scope(self) -> None:
        """A key during a page slide or a layer's opening: finish it, so the key acts on what
        comes."""
        stack = self.window.stack
        if stack.transition.state() == QAbstractAnimation.State.Running:
            stack.transition.setCurrentTime(stack.transition.duration())
        root, modal = self.scope()
        settle = getattr(root, "settle", None)
        if modal and callable(settle):
            settle()

    def _roots(self, root: QWidget, modal: bool) -> list[QWidget]:
        """Where targets are looked for: the scope, and unless it is a layer, everything drawn
        over it (the header and the page dots over a page)."""
        roots = [root]
        if modal:
            return roots
        widget = root
        while widget is not self.window and widget.parentWidget() is not None:
            parent = widget.parentWidget()
            siblings = [c for c in parent.children() if isinstance(c, QWidget)]
            roots += siblings[siblings.index(widget) + 1 :]
            widget = parent
        return roots

    # --- targets ----------------------------------------------------------------------------

    def targets(self) -> list[Target]:
        """Every target of the current scope a finger could reach, in reading order."""
        root, modal = self.scope()
        found: list[Target] = []
        for widget in self._roots(root, modal):
            self._collect(widget, root, found)
        return self._ordered([t for t in found if self.reachable(t)], root)

    def _collect(self, widget: QWidget, root: QWidget, found: list[Target]) -> None:
        if widget.isHidden() or widget.isWindow() or widget is self.ring:
            return
        if not widget.isEnabled():
            return
        regions = getattr(widget, "keypad_regions", None)
        if callable(regions):
            found += [Target(widget, i) for i, rect in enumerate(regions()) if not rect.isEmpty()]
            return
        if isinstance(widget, Pressable) and widget is not root and not self._covers(widget):
            found.append(Target(widget))
        before = len(found)
        for child in widget.children():
            if isinstance(child, QWidget):
                self._collect(child, root, found)
        if isinstance(widget, QAbstractScrollArea) and len(found) == before and can_scroll(widget):
            found.append(Target(widget, SCROLL))  # a long text: the keys scroll it

    def reachable(self, target: Target) -> bool:
        """Whether a finger could press it: shown, enabled, not under another widget; one out of
        sight in a scroll area (or a carousel) counts, it is scrolled into view when focused."""
        if not target.alive() or not target.widget.isVisible() or not target.widget.isEnabled():
            return False
        if target.region >= 0 and target.region >= len(target.widget.keypad_regions()):  # type: ignore[attr-defined]
            return False
        clip = shown_part(target.widget, self.window)
        shown = target.rect_in(self.window) & clip
        if shown.isEmpty():
            if target.region >= 0:
                return not clip.isEmpty()  # the widget brings its region into view
            areas = scroll_areas(target.widget)
            return bool(areas) and not shown_part(areas[0].viewport(), self.window).isEmpty()
        hit = self.window.childAt(shown.center())
        return hit is not None and (hit is target.widget or target.widget.isAncestorOf(hit))

    def _ordered(self, targets: list[Target], root: QWidget) -> list[Target]:
        """Reading order; what a scroll area holds is read in place of the area, what a widget's
        regions are in the widget's own order."""
        tree: dict[int, list[object]] = {}  # id(group widget): its members (targets, groups)
        groups: dict[int, QWidget] = {}
        top: list[object] = []
        for target in targets:
            chain: list[QWidget] = list(reversed(scroll_areas(target.widget, root)))
            if target.region >= 0:
                chain.append(target.widget)
            members = top
            for group in chain:
                if id(group) not in tree:
                    tree[id(group)] = []
                    groups[id(group)] = group
                    members.append(group)
                members = tree[id(group)]
            members.append(target)

        def rect(member: object) -> QRect:
            if isinstance(member, Target):
                return member.rect_in(self.window)
            widget = member
            assert isinstance(widget, QWidget)
            if isinstance(widget, QAbstractScrollArea):
                widget = widget.viewport()
            return QRect(widget.mapTo(self.window, QPoint(0, 0)), widget.size())

        def flatten(members: list[object], keep: bool) -> list[Target]:
            order = range(len(members)) if keep else reading_order([rect(m) for m in members])
            out: list[Target] = []
            for index in order:
                member = members[index]
                if isinstance(member, Target):
                    out.append(member)
                else:
                    assert isinstance(member, QWidget)
                    regions = not isinstance(member, QAbstractScrollArea)
                    out += flatten(tree[id(member)], keep=regions)
            return out

        return flatten(top, keep=False)

    # --- following the scope and the target -------------------------------------------------

    def sync(self) -> None:
        """Follow the scope (a page changed, a layer opened or closed) and the target (it
        moved, hid or went out of use); place the ring. Every frame while it shows."""
        if not self.active:
            self.follow.stop()
            return
        if not self.window.isVisible():
            return
        root, modal = self.scope()
        if root is not self._root:
            self._enter_scope(root, modal)
        if self._pending and self._resolve():
            self._pending = False
        if not self._pending and self.current is not None and not self.reachable(self.current):
            self._relocate()
        if self._pending or self.current is None:
            self.ring.hide()
            return
        shown = self.current.rect_in(self.window) & shown_part(self.current.widget, self.window)
        if shown.isEmpty():  # on its way into view
            self.ring.hide()
        else:
            self.ring.surround(shown)

    def _enter_scope(self, root: QWidget, modal: bool) -> None:
        previous, target = self._root, self.current
        self._root = root
        self._pending = True
        self._wanted = None
        back = next((i for i, (scope, _) in enumerate(self._openers) if scope is root), None)
        if back is not None:  # a layer closed: back to what opened it
            self._wanted = self._openers[back][1]
            del self._openers[back:]
            return
        if modal and previous is not None and target is not None:
            self._openers.append((previous, target))
        elif not modal:
            self._openers.clear()
            if isinstance(root, PageView):
                self._wanted = self._memory.get(root.page_id)

    def _resolve(self) -> bool:
        """Focus the remembered target of the new scope, or its first; False while there is
        none yet (a page slides in, a layer opens)."""
        if self.window.stack.transition.state() == QAbstractAnimation.State.Running:
            return False
        root, modal = self.scope()
        if not modal and not isinstance(root, PageView):
            return False
        if self._wanted is not None and self.reachable(self._wanted):
            self._focus(self._wanted)
            return True
        targets = self.targets()
        if not targets:
            return False
        own = [t for t in targets if root is t.widget or root.isAncestorOf(t.widget)]
        self._focus((own or targets)[0])  # a page's own first, before the header
        return True

    def _relocate(self) -> None:
        """The target went out of use (a button disabled, a card gone): the nearest other."""
        last = self.ring.target.center() if self.ring.isVisible() else QPoint()
        targets = self.targets()
        if not targets:
            self.current = None
            self._pending = True
            return

        def distance(target: Target) -> int:
            return (target.rect_in(self.window).center() - last).manhattanLength()

        self._focus(min(targets, key=distance))

    # --- moving -----------------------------------------------------------------------------

    def _focus(self, target: Target, animate: bool = True) -> None:
        self.current = target
        root = self._root
        if isinstance(root, PageView) and (
            root is target.widget or root.isAncestorOf(target.widget)
        ):
            self._memory[root.page_id] = target
        if target.region >= 0:
            bring = getattr(target.widget, "keypad_focus", None)
            if callable(bring):
                bring(target.region, False)
        self._into_view(target, animate)

    def _move(self, key: Key) -> None:
        targets = self.targets()
        current = self.current
        if not targets or current is None:
            return
        if current.region == SCROLL and self._scroll(current.widget, key):
            return
        index = targets.index(current) if current in targets else None
        if index is None:
            self._focus(targets[0])
        elif key in (Key.LEFT, Key.RIGHT):
            step = 1 if key == Key.RIGHT else -1
            self._focus(self._entering(current, targets[(index + step) % len(targets)], step))
        else:
            found = self._spatial(current, targets, 1 if key == Key.DOWN else -1)
            if found is not None:
                self._focus(found)

    def _entering(self, current: Target, target: Target, step: int) -> Target:
        """Stepping into a scroll area from outside starts at its beginning (backwards: at its
        end), whatever it was scrolled to: a list that shows only what is near the view (a
        long timeline) shows its first items then."""
        inside = scroll_areas(current.widget)
        entered = [a for a in scroll_areas(target.widget) if a not in inside]
        if not entered:
            return target
        area = entered[-1]  # the outermost
        for bar in (area.horizontalScrollBar(), area.verticalScrollBar()):
            bar.setValue(bar.minimum() if step > 0 else bar.maximum())
        held = [t for t in self.targets() if area.isAncestorOf(t.widget)]
        return (held[0] if step > 0 else held[-1]) if held else target

    def _spatial(self, current: Target, targets: list[Target], down: int) -> Target | None:
        """The nearest target below (``down`` 1) or above (-1); past the last row, the nearest
        in the row at the other end."""
        here = current.rect_in(self.window)
        others = [(t, t.rect_in(self.window)) for t in targets if t != current]
        others = [(t, r) for t, r in others if not same_row(r, here)]

        def gap_x(rect: QRect) -> int:
            return max(0, rect.left() - here.right(), here.left() - rect.right())

        ahead = [(t, r) for t, r in others if (r.center().y() - here.center().y()) * down > 0]
        if ahead:

            def score(item: tuple[Target, QRect]) -> float:
                rect = item[1]
                gap_y = max(
                    0, (rect.top() - here.bottom()) * down, (here.top() - rect.bottom()) * -down
                )
                return gap_y + 2 * gap_x(rect) + 0.1 * abs(rect.center().x() - here.center().x())

            return min(ahead, key=score)[0]
        if not others:
            return None
        far = min(others, key=lambda item: item[1].center().y() * down)  # the other end's row
        row = [(t, r) for t, r in others if same_row(r, far[1])]
        return min(
            row, key=lambda item: (gap_x(item[1]), abs(item[1].center().x() - here.center().x()))
        )[0]

    def _scroll(self, area: QWidget, key: Key) -> bool:
        """Scroll a focused scroll area one step; False at its end (the focus moves on)."""
        assert isinstance(area, QAbstractScrollArea)
        vertical = key in (Key.UP, Key.DOWN)
        bar = area.verticalScrollBar() if vertical else area.horizontalScrollBar()
        if bar.maximum() <= 0:
            return False
        forward = key in (Key.DOWN, Key.RIGHT)
        if (forward and bar.value() >= bar.maximum()) or (not forward and bar.value() <= 0):
            return False
        view = area.viewport().height() if vertical else area.viewport().width()
        step = round(view * SCROLL_STEP) * (1 if forward else -1)
        value = max(0, min(bar.maximum(), bar.value() + step))
        self._scroll_to(area, value if not vertical else None, value if vertical else None, True)
        return True

    def _into_view(self, target: Target, animate: bool) -> None:
        """Scroll the scroll areas that hold ``target`` so it shows whole, with room for the
        ring."""
        margin = self.ring.margin + self.window.theme.px(8)
        for area in scroll_areas(target.widget):
            content = area.widget() if isinstance(area, QScrollArea) else None
            if content is None:
                continue
            local = target.local_rect()
            rect = QRect(target.widget.mapTo(content, local.topLeft()), local.size())
            view = area.viewport().size()
            values: list[int | None] = []
            for bar, start, length, room in (
                (area.horizontalScrollBar(), rect.left(), rect.width(), view.width()),
                (area.verticalScrollBar(), rect.top(), rect.height(), view.height()),
            ):
                value = bar.value()
                if start - margin < value or length + 2 * margin > room:
                    value = start - margin
                elif start + length + margin > value + room:
                    value = start + length + margin - room
                value = max(bar.minimum(), min(bar.maximum(), value))
                values.append(None if value == bar.value() else value)
            if values != [None, None]:
                self._scroll_to(area, values[0], values[1], animate)

    def _scroll_to(
        self, area: QAbstractScrollArea, x: int | None, y: int | None, animate: bool
    ) -> None:
        h, v = area.horizontalScrollBar(), area.verticalScrollBar()
        point = QPointF(h.value() if x is None else x, v.value() if y is None else y)
        animate = animate and self.window.theme.motion  # reduced motion: there at once
        if animate and QScroller.hasScroller(area.viewport()):
            QScroller.scroller(area.viewport()).scrollTo(point, SCROLL_MS)
            return
        if QScroller.hasScroller(area.viewport()):
            QScroller.scroller(area.viewport()).stop()
        h.setValue(round(point.x()))
        v.setValue(round(point.y()))

    # --- pressing ---------------------------------------------------------------------------

    def _activate(self, target: Target) -> None:
        """Press the target as a finger would: a press now, its release a moment later."""
        if target.region == SCROLL:
            return
        if target.region >= 0:
            bring = getattr(target.widget, "keypad_focus", None)
            if callable(bring):
                bring(target.region, True)
        self._into_view(target, animate=False)
        self._tap(target.widget, QPointF(target.local_rect().center()))

    def _tap(self, widget: QWidget, at: QPointF) -> None:
        self._release()
        self._tapping = True
        try:
            press_at(widget, at)
        finally:
            self._tapping = False
        self._pressing = (widget, at)
        self.release.start()

    def _release(self) -> None:
        """Lift the key's press (early when another key comes)."""
        self.release.stop()
        pressing, self._pressing = self._pressing, None
        if pressing is not None and shiboken6.isValid(pressing[0]):
            self._tapping = True
            try:
                release_at(*pressing)
            finally:
                self._tapping = False

    def _back(self) -> None:
        """Close the top-most layer with its own close control; else go home."""
        self._settle_scope()
        root, modal = self.scope()
        if modal:
            close = next(
                (
                    w
                    for w in root.findChildren(Pressable)
                    if w.property(CLOSES_LAYER) and w.isVisible() and w.isEnabled()
                ),
                None,
            )
            if close is not None:
                self._tap(close, QPointF(close.rect().center()))
                self._release()  # at once: the focus goes back to what opened it
            return
        order = self.window.page_order()
        if order and self.window.current_page_id != order[0]:
            self.window.go_home()
