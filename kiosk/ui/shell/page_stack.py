"""The pages, one shown at a time, with a slide transition that never blocks a touch."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QParallelAnimationGroup,
    QPoint,
    QPropertyAnimation,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.pages.base import PageView

TRANSITION_MS = 380


class PageStack(QWidget):
    """Holds the page views; :meth:`show_page` slides the new page in from the side."""

    page_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stack")
        self.factories: dict[str, Callable[[], PageView]] = {}  # every page, in order
        self.pages: dict[str, PageView] = {}  # the pages built so far
        self.current: PageView | None = None
        self.transition = QParallelAnimationGroup(self)
        self._slides = [QPropertyAnimation(self.transition) for _ in range(2)]  # out, in
        for slide in self._slides:
            slide.setPropertyName(b"pos")
            slide.setDuration(TRANSITION_MS)
            slide.setEasingCurve(QEasingCurve.Type.OutCubic)
            self.transition.addAnimation(slide)
        self.transition.finished.connect(self._on_transition_finished)
        self._leaving: PageView | None = None

    def set_pages(self, factories: dict[str, Callable[[], PageView]]) -> None:
        """Replace every page; each is built by its factory when first needed."""
        self.remove_pages()
        self.factories = dict(factories)

    def page(self, page_id: str) -> PageView:
        """The view of ``page_id``, built now if it was not yet."""
        page = self.pages.get(page_id)
        if page is None:
            page = self.factories[page_id]()
            page.setParent(self)
            page.setGeometry(self.rect())
            page.hide()
            self.pages[page_id] = page
        return page

    def replace_page(self, page_id: str, page: PageView) -> None:
        """Put ``page`` in the place of the built page ``page_id`` (shown if that was current)."""
        if self.transition.state() == QAbstractAnimation.State.Running:
            self.transition.setCurrentTime(self.transition.duration())
        old = self.pages.get(page_id)
        page.setParent(self)
        page.setGeometry(self.rect())
        self.pages[page_id] = page
        if old is not None and old is self.current:
            self.current = page
            page.catch_up()
            page.show()
            page.raise_()
            page.enter()
        else:
            page.hide()
        if old is not None:
            with contextlib.suppress(Exception):  # it already failed once
                old.leave()
            old.hide()
            old.deleteLater()

    def build_next(self) -> bool:
        """Build the first page not yet built; False when all are."""
        for page_id in self.factories:
            if page_id not in self.pages:
                self.page(page_id)
                return True
        return False

    def build_all(self) -> None:
        while self.build_next():
            pass

    def remove_pages(self) -> None:
        self.transition.stop()
        for slide in self._slides:
            slide.setTargetObject(None)
        for page in self.pages.values():
            page.leave()
            page.hide()  # gone from the screen now, not when the event loop deletes it
            page.deleteLater()
        self.pages.clear()
        self.factories.clear()
        self.current = self._leaving = None

    def order(self) -> list[str]:
        return list(self.factories)

    def show_page(self, page_id: str, animate: bool = True) -> None:
        """Make ``page_id`` current; slide left when it lies after the current page."""
        target = self.page(page_id)
        if target is self.current:
            return
        if self.transition.state() == QAbstractAnimation.State.Running:
            self.transition.setCurrentTime(self.transition.duration())  # finish at once
        previous = self.current
        self.current = target
        if previous is not None:
            previous.leave()
        target.setGeometry(self.rect())
        target.catch_up()
        target.show()
        target.raise_()
        target.enter()
        if previous is None or not animate or not self.isVisible():
            if previous is not None:
                previous.hide()
            self.page_changed.emit(page_id)
            return
        order = self.order()
        direction = 1 if order.index(page_id) > order.index(previous.page_id) else -1
        width = self.width()
        moves = (
            (previous, QPoint(0, 0), QPoint(-direction * width, 0)),
            (target, QPoint(direction * width, 0), QPoint(0, 0)),
        )
        for slide, (page, start, end) in zip(self._slides, moves, strict=True):
            slide.setTargetObject(page)
            slide.setStartValue(start)
            slide.setEndValue(end)
        self._leaving = previous
        target.move(direction * width, 0)
        self.transition.start()
        self.page_changed.emit(page_id)

    def _on_transition_finished(self) -> None:
        if self._leaving is not None and self._leaving is not self.current:
            self._leaving.hide()
            self._leaving.move(0, 0)
        self._leaving = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        for page in self.pages.values():
            page.setGeometry(self.rect())
        super().resizeEvent(event)
