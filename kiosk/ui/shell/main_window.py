"""The one main window: pages in a stack, the header over them, page dots, swipes, and the
accessibility button that re-dresses all of it for a visitor's choices."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QAbstractAnimation, QEvent, QPointF, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QCloseEvent,
    QKeyEvent,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from kiosk import PRODUCT
from kiosk.i18n import LANGUAGES
from kiosk.runtime.access import Access
from kiosk.ui.input import TOUCH_EVENTS, SwipeDetector
from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.fallback import FallbackPage
from kiosk.ui.pages.registry import PAGE_VIEWS, page_view
from kiosk.ui.session import Session
from kiosk.ui.shell.access import AccessButton, AccessPanel, ReachCap
from kiosk.ui.shell.header import Header
from kiosk.ui.shell.keypad import KeypadNavigator
from kiosk.ui.shell.page_stack import PageStack
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.dots import Dots

log = logging.getLogger(__name__)

BUILD_RETRY_MS = 50  # while the page in view moves, the next page's build looks again this often
BUILD_PATIENCE_MS = 3000  # and after this long builds anyway


class FadeBand(QWidget):
    """A band along the bottom edge that fades the content scrolling under the page dots, so
    they stay legible; it takes no input."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.theme.palette
        fade = QLinearGradient(QPointF(0, 0), QPointF(0, self.height()))
        fade.setColorAt(0.0, palette.color("ground", 0.0))
        fade.setColorAt(0.6, palette.color("ground", 0.85))
        fade.setColorAt(1.0, palette.color("ground", 0.95))
        QPainter(self).fillRect(self.rect(), QBrush(fade))


class KioskWindow(QWidget):
    """Builds the registered pages in the content's order and moves between them.

    ``screen_theme`` is the screen's own theme; ``theme`` the one the visitor's accessibility
    choices make of it (:meth:`set_access`), which every page, the header and the page dots
    are built with. In reach mode they all sit in :meth:`visitor_rect`, the lower part of the
    screen, under a band that shows the title and takes no touch.
    """

    access_changed = Signal(object)  # Access: the window was rebuilt for new choices

    def __init__(self, session: Session, theme: Theme) -> None:
        super().__init__()
        self.session = session
        self.screen_theme = theme
        self.theme = theme
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setStyleSheet(theme.stylesheet())
        self.stack = PageStack(self)
        self.stack.page_changed.connect(self._on_page_changed)
        self._build_shell()
        self.swipes = SwipeDetector(self, distance=theme.width * 0.08, flick=theme.width * 0.03)
        self.swipes.swiped.connect(self.step)
        self._build_rest = False
        self._build_waited = 0  # ms the next page's build has waited for the motion to end
        self.allow_close = True  # kiosk mode sets it False: only staff may close the kiosk
        session.content_changed.connect(self._on_content_changed)
        session.language_changed.connect(self._name_window)
        self.build_pages()
        self._name_window()
        # the keypad path: arrows, Enter, Back, Help and the focus ring (docs/keypad.md)
        self.keypad = KeypadNavigator(self)
        self.keypad.help_requested.connect(self.toggle_access)  # EZ Access: help

    def _build_shell(self) -> None:
        """The header, the page dots, the accessibility button and panel, in ``theme``."""
        theme, session = self.theme, self.session
        for old in ("header", "band", "dots", "access_button", "access_panel", "reach_cap"):
            widget = getattr(self, old, None)
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.reach_cap = ReachCap(session, theme, self)
        self.header = Header(session, theme, self)
        self.header.home_requested.connect(self.go_home)
        self.band = FadeBand(theme, self)
        self.dots = Dots(theme, self)  # a touch-high row on the bottom edge
        self.dots.setObjectName("page-dots")
        self.dots.chosen.connect(self._on_dot_chosen)
        self.access_button = AccessButton(theme, self)  # in the dots' row, lower left
        self.access_button.clicked.connect(self.open_access)
        self.access_panel = AccessPanel(session, theme, self)
        self.access_panel.toggled.connect(lambda name: self.set_access(self.access.toggled(name)))
        self.access_panel.reset_requested.connect(lambda: self.set_access(Access()))
        for widget in (self.header, self.band, self.dots, self.access_button):
            widget.show()
        self._place_shell()

    # --- accessibility ----------------------------------------------------------------------

    @property
    def access(self) -> Access:
        """The visitor's accessibility choices: the ones the theme was made for."""
        return self.theme.access

    def reach_top(self, access: Access | None = None) -> int:
        """Screen pixels above which nothing is touchable (for ``access``, else the choices
        on screen): 0 unless reach mode is on."""
        if not (access or self.access).reach:
            return 0
        settings = self.session.content.settings
        portrait = self.screen_theme.portrait
        top = settings.reach_top_portrait if portrait else settings.reach_top_landscape
        return self.screen_theme.px(top)

    def visitor_rect(self) -> QRect:
        """Where the pages and every control are: the whole window, or in reach mode the part
        below :meth:`reach_top`."""
        top = min(self.reach_top(), max(0, self.height() - self.screen_theme.touch))
        return QRect(0, top, self.width(), self.height() - top)

    def open_access(self) -> None:
        """The accessibility panel, above its button."""
        button = self.access_button.geometry()
        self.access_panel.setGeometry(self.visitor_rect())
        self.access_panel.open_from(button.translated(0, -self.visitor_rect().top()))

    def toggle_access(self) -> None:
        """The keypad's help key: the accessibility panel opens, or closes again."""
        if self.access_panel.isVisible():
            self.access_panel.hide()
        else:
            self.open_access()

    def set_access(self, access: Access) -> None:
        """Rebuild the window for the visitor's accessibility choices: a theme of their own
        (type, palette, motion), and in reach mode the lower part of the screen only. The
        visitor stays on the page they were on, and the panel stays open if it was."""
        if access == self.access:
            return
        page_id = self.current_page_id
        panel_open = self.access_panel.isVisible()
        screen = self.screen_theme
        height = screen.height - self.reach_top(access)
        # type and targets as on the screen, unless the part within reach is shorter than the
        # screen's short side (a landscape screen): then the pages keep their proportions
        unit = min(screen.width, screen.height, height)
        self.theme = screen.with_access(access, screen.width, height, unit)
        self.setStyleSheet(self.theme.stylesheet())
        self._build_shell()
        self.build_pages()
        if page_id:
            self.go_to(page_id, animate=False)
        if panel_open:
            self.open_access()
        self.keypad.restyle(self.theme)
        log.info(
            "accessibility: %s",
            ", ".join(n for n in Access.names() if getattr(access, n)) or "standard",
        )
        self.access_changed.emit(access)

    def build_pages(self) -> None:
        """Set up a view for every page in the content's order that this version has.

        The first page is built at once; the others when first shown, or one per turn of the
        event loop once the first frame is on screen (see :meth:`event`).
        """
        factories: dict[str, Callable[[], PageView]] = {}
        for page_id in self.session.content.settings.page_order:
            if page_id not in PAGE_VIEWS:
                log.warning("page '%s' has no view in this version; it is skipped", page_id)
                continue
            factories[page_id] = partial(self._make_page, page_id)
        self.stack.set_pages(factories)
        for widget in (self.header, self.band, self.dots, self.access_button, self.access_panel):
            widget.raise_()
        self._build_rest = True
        if factories:
            self.stack.show_page(next(iter(factories)), animate=False)

    def _make_page(self, page_id: str) -> PageView:
        view = page_view(page_id)
        assert view is not None
        try:
            page = view(self.session, self.theme)
        except Exception:
            log.exception("page '%s' could not be built; showing a stand-in", page_id)
            return FallbackPage(self.session, self.theme, page_id)
        page.navigate_requested.connect(self.go_to)
        return page

    def contain(self, page_id: str) -> bool:
        """Replace a page whose code raised by its calm stand-in; False if nothing to do."""
        page = self.stack.pages.get(page_id)
        if page is None or isinstance(page, FallbackPage):
            return False
        log.error("page '%s' failed; a stand-in takes its place until the content changes", page_id)
        self.stack.replace_page(page_id, FallbackPage(self.session, self.theme, page_id))
        return True

    def _build_one_more(self) -> None:
        """Build the next page not built yet, between frames.

        A page takes 50-200 ms to build, so while the page in view moves (a glide, a slide, a
        count-up) the build waits, up to ``BUILD_PATIENCE_MS``: a page whose motion never ends
        (the quotes' countdown) must not keep the others unbuilt.
        """
        page = self.stack.current
        moving = self.stack.transition.state() == QAbstractAnimation.State.Running or (
            page is not None and page.running_animations() > 0
        )
        if moving and self._build_waited < BUILD_PATIENCE_MS:
            self._build_waited += BUILD_RETRY_MS
            QTimer.singleShot(BUILD_RETRY_MS, self, self._build_one_more)
            return
        self._build_waited = 0
        if self.stack.build_next():
            QTimer.singleShot(0, self, self._build_one_more)

    def reset_visitor(self) -> None:
        """What the next visitor finds: the standard settings, home, the default language,
        every page at its start."""
        self.access_panel.hide()
        self.set_access(Access())
        for page in self.stack.pages.values():
            page.reset()
        self.session.set_language(self.session.content.settings.default_language)
        self.go_home(animate=False)

    def welcome(self) -> None:
        """A visitor woke the attract loop: home, every page at its start, in the language the
        loop was showing (it may be what drew them)."""
        for page in self.stack.pages.values():
            page.reset()
        self.go_home(animate=False)

    def close_details(self) -> None:
        """Close every page's open detail view (and the accessibility panel); the pages stay
        where they are."""
        self.access_panel.hide()
        for page in self.stack.pages.values():
            page.close_details()

    def pause(self) -> None:
        """Stop everything that moves (closed hours): the current page leaves."""
        self.stack.transition.stop()
        if self.stack.current is not None:
            self.stack.current.leave()

    def resume(self) -> None:
        """Back from a pause: home, with its entrance."""
        self.reset_visitor()
        if self.stack.current is not None:
            self.stack.current.enter()

    # --- what the controller and the attract loop ask of the window -------------------------

    def page_order(self) -> list[str]:
        """The page ids in the content's order; the first is Home."""
        return self.stack.order()

    def at_start(self) -> bool:
        """What a new visitor finds: Home, in the default language."""
        order = self.stack.order()
        settings = self.session.content.settings
        home = order[0] if order else ""
        start = self.current_page_id == home and self.session.language == settings.default_language
        return start and not self.access.active

    def advance_page(self, page_id: str) -> bool:
        """The attract loop's step inside ``page_id`` if it is the page shown; False if not."""
        if self.current_page_id != page_id:
            return False
        return self.stack.page(page_id).advance()

    def next_language(self) -> None:
        """On to the next language (the attract loop between loops)."""
        index = LANGUAGES.index(self.session.language)
        self.session.set_language(LANGUAGES[(index + 1) % len(LANGUAGES)])

    def show_dots(self, shown: bool) -> None:
        """The page dots and the accessibility button (the attract loop's cue takes their
        place)."""
        self.band.setVisible(shown)
        self.dots.setVisible(shown)
        self.access_button.setVisible(shown)

    @property
    def current_page_id(self) -> str:
        return self.stack.current.page_id if self.stack.current else ""

    @Slot(str)
    def go_to(self, page_id: str, animate: bool = True) -> None:
        if page_id in self.stack.factories:
            self.stack.show_page(page_id, animate and self.theme.motion)

    @Slot()
    def go_home(self, animate: bool = True) -> None:
        order = self.stack.order()
        if order:
            self.go_to(order[0], animate)

    @Slot(int)
    def step(self, direction: int) -> None:
        """Next (+1) or previous (-1) page; nothing beyond either end."""
        order = self.stack.order()
        if not order or not self.current_page_id:
            return
        index = order.index(self.current_page_id) + direction
        if 0 <= index < len(order):
            self.go_to(order[index])

    def _on_page_changed(self, page_id: str) -> None:
        order = self.stack.order()
        self.header.set_home_visible(bool(order) and page_id != order[0])
        self.dots.set_position(order.index(page_id), len(order))
        self._place_dots()

    def _on_dot_chosen(self, index: int) -> None:
        order = self.stack.order()
        if 0 <= index < len(order):
            self.go_to(order[index])

    def _place_dots(self) -> None:
        """The page dots centred on the bottom edge, in the fading band."""
        width = self.dots.sizeHint().width()
        height = self.dots.height()
        self.dots.setGeometry((self.width() - width) // 2, self.height() - height, width, height)

    def _place_shell(self) -> None:
        """Everything a visitor touches in :meth:`visitor_rect`; the reach band above it."""
        area = self.visitor_rect()
        self.reach_cap.setGeometry(0, 0, self.width(), area.top())
        self.reach_cap.setVisible(area.top() > 0)
        self.stack.setGeometry(area)
        self.header.setGeometry(0, area.top(), self.width(), self.header.height())
        band = self.theme.page_bottom
        self.band.setGeometry(0, self.height() - band, self.width(), band)
        self._place_dots()
        side = self.access_button.width()
        self.access_button.move(self.theme.px(24), self.height() - side)
        if self.access_panel.isVisible():
            self.open_access()
        else:
            self.access_panel.setGeometry(area)

    def _name_window(self, *_: object) -> None:
        """The window is named after the exhibition (task bars, window lists), in the
        visitor's language."""
        title = self.session.text("app.title")
        self.setWindowTitle(f"{title} · {PRODUCT}" if title else PRODUCT)

    def _on_content_changed(self, _content: object) -> None:
        self._name_window()
        stand_ins = any(isinstance(p, FallbackPage) for p in self.stack.pages.values())
        if stand_ins or list(self.session.content.settings.page_order) != self.stack.order():
            self.build_pages()  # new content: failed pages get another chance

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_shell()
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and self._build_rest:
            self._build_rest = False  # the first frame is being painted: build the rest next
            QTimer.singleShot(0, self, self._build_one_more)
        if event.type() in TOUCH_EVENTS:
            # Take every touch nothing else took, so Qt keeps sending its updates (the swipe
            # detector watches them) instead of turning it into a synthesized mouse drag.
            event.accept()
            return True
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """In kiosk mode a close request (Alt+F4, the window manager) does nothing."""
        if self.allow_close:
            super().closeEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # the keypad's keys never get here (self.keypad); stray keys do nothing
