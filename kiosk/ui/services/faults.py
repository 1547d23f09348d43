"""Fault containment: an exception in a page is logged with its traceback and the page gives way
to a calm stand-in; the rest of the kiosk carries on. Exceptions that keep coming from outside
the pages end the process with a non-zero status, so the service starts it afresh.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.fallback import FallbackPage
from kiosk.ui.shell.main_window import KioskWindow

log = logging.getLogger(__name__)

FATAL_STATUS = 70  # EX_SOFTWARE
FATAL_COUNT = 20  # errors outside any page within FATAL_WINDOW seconds: give up and restart
FATAL_WINDOW = 60.0


def page_of(tb: TracebackType | None) -> PageView | None:
    """The page whose code (or whose child widget's code) raised, from the traceback."""
    found: PageView | None = None
    while tb is not None:
        owner = tb.tb_frame.f_locals.get("self")
        widget = owner if isinstance(owner, QWidget) else getattr(owner, "parent", lambda: None)
        if callable(widget):
            with contextlib.suppress(Exception):
                widget = widget()
        while isinstance(widget, QWidget) and shiboken6.isValid(widget):
            if isinstance(widget, PageView) and not isinstance(widget, FallbackPage):
                found = widget  # the innermost page wins
                break
            widget = widget.parentWidget()
        tb = tb.tb_next
    return found


class FaultGuard(QObject):
    """Installs itself as ``sys.excepthook`` for the life of the window."""

    def __init__(
        self,
        window: KioskWindow,
        exit_app: Callable[[int], None] = QApplication.exit,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.exit_app = exit_app
        self.clock = clock
        self.errors: list[float] = []
        self.contained: list[str] = []
        self._previous = sys.excepthook
        sys.excepthook = self.handle
        self.destroyed.connect(self._restore)

    def _restore(self, *_: object) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self._previous(kind, error, tb)
            return
        page = page_of(tb)
        where = f"page '{page.page_id}'" if page is not None else "the kiosk"
        log.error("unhandled error in %s", where, exc_info=(kind, error, tb))
        if page is not None:
            page_id = page.page_id
            # not inside the failing call: it may be the page's own paint or timer
            QTimer.singleShot(0, lambda: self._contain(page_id))
            return
        now = self.clock()
        self.errors = [t for t in self.errors if now - t < FATAL_WINDOW] + [now]
        if len(self.errors) >= FATAL_COUNT:
            log.critical(
                "%d errors within %.0f s outside any page: exiting with status %d so the "
                "service restarts the kiosk",
                len(self.errors),
                FATAL_WINDOW,
                FATAL_STATUS,
            )
            self.exit_app(FATAL_STATUS)

    def _contain(self, page_id: str) -> None:
        if self.window.contain(page_id):
            self.contained.append(page_id)
