"""``kiosk --screenshot DIR``: every page and detail view in every language, as PNG files."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content.playlist import MOMENTS, the_playlist
from kiosk.i18n import LANGUAGES, Language
from kiosk.progress import Progress
from kiosk.runtime.access import Access
from kiosk.ui.input import tap
from kiosk.ui.shell.main_window import KioskWindow

log = logging.getLogger(__name__)


def settle(window: KioskWindow) -> None:
    """Finish transitions and animations so the picture shows the final state."""
    QApplication.processEvents()
    stack = window.stack
    if stack.transition.duration() > 0:
        stack.transition.setCurrentTime(stack.transition.duration())
    if stack.current is not None:
        stack.current.settle()
    QApplication.processEvents()


# The accessibility modes that change what a still picture shows (reduced motion does not),
# and all of them at once: every page in each, as ``access-<mode>--<page>.png``.
ACCESS_SHOTS = {
    "reach": Access(reach=True),
    "larger-text": Access(larger_text=True),
    "high-contrast": Access(high_contrast=True),
    "all": Access(True, True, True, True),
}

RUNTIME_SCREENS = (
    "autoplay",
    "closed",
    "pin-pad",
    "admin-panel",
    *(f"moment-{k}" for k in MOMENTS),
)


class PngWriter:
    """Encodes PNGs on a worker thread while the next screen renders (QImage.save releases
    the GIL; encoding was half of --screenshot's time). A few images wait at most."""

    PENDING = 3

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="png")
        self._pending: deque[tuple[Path, Future[bool]]] = deque()
        self.failed: list[Path] = []

    def grab(self, widget: QWidget, path: Path) -> None:
        image = widget.grab().toImage()  # rendered here, on the GUI thread
        while len(self._pending) >= self.PENDING:
            self._collect()
        self._pending.append((path, self._pool.submit(QImage.save, image, str(path))))

    def _collect(self) -> None:
        path, done = self._pending.popleft()
        if not done.result():
            log.error("could not write %s", path)
            self.failed.append(path)

    def close(self) -> bool:
        """Wait for every image; True when all were written."""
        while self._pending:
            self._collect()
        self._pool.shutdown()
        return not self.failed


def write_screenshots(
    window: KioskWindow,
    folder: Path,
    languages: list[Language] | None,
    log_lines: Callable[[int], list[str]] | None = None,
) -> int:
    """Write ``folder/<lang>/<page>.png`` and ``<page>--<detail>.png``; 0 on success.

    Each language is reached the way a visitor reaches it, by a tap on its button in Home's
    header, and each page is shown from there, so a page switched into a language shows what a
    visitor would see. On a terminal a progress line on stderr says which screen, how many and
    the time left."""
    window.show()
    languages = languages or list(LANGUAGES)
    stack = window.stack
    per_language = sum(1 + len(stack.page(p).details()) for p in stack.order())
    access_shots = 1 + len(ACCESS_SHOTS) * len(stack.order())
    progress = Progress((per_language + access_shots + len(RUNTIME_SCREENS)) * len(languages))
    written = 0
    writer = PngWriter()
    for lang in languages:
        window.go_home(animate=False)
        settle(window)
        if window.session.language != lang:  # as a visitor does: a tap on Home's header
            tap(window.header.languages[lang])
        target = folder / lang
        target.mkdir(parents=True, exist_ok=True)
        for page_id in stack.order():
            page = stack.page(page_id)
            window.go_to(page_id, animate=False)
            settle(window)
            shots = [(page_id, None), *((f"{page_id}--{d}", d) for d in page.details())]
            for name, detail in shots:
                progress.step(f"{lang} {name}")
                if detail is not None:
                    page.show_detail(detail)
                    settle(window)
                writer.grab(window, target / f"{name}.png")
                written += 1
                progress.advance()
                page.reset()
        written += _access_screens(window, target, progress, writer)
        written += _runtime_screens(window, target, log_lines, progress, writer)
        if writer.failed:
            break
    window.go_home()
    ok = writer.close()
    progress.finish()
    if not ok:
        return 1
    print(f"wrote {written} screenshots to {folder} in {progress.elapsed:.1f} s")
    return 0


class Shots:
    """Grabs named screens into one language's folder, counting them on the progress line."""

    def __init__(
        self, window: KioskWindow, target: Path, progress: Progress, writer: PngWriter
    ) -> None:
        self.window, self.target, self.progress, self.writer = window, target, progress, writer
        self.count = 0

    def __call__(self, name: str) -> None:
        self.progress.step(f"{self.target.name} {name}")
        settle(self.window)
        self.writer.grab(self.window, self.target / f"{name}.png")
        self.count += 1
        self.progress.advance()


def _access_screens(
    window: KioskWindow, target: Path, progress: Progress, writer: PngWriter
) -> int:
    """The accessibility panel, then every page in each mode of ``ACCESS_SHOTS``."""
    grab = Shots(window, target, progress, writer)
    window.go_home(animate=False)
    window.open_access()
    grab("access--panel")
    window.access_panel.hide()
    for mode, access in ACCESS_SHOTS.items():
        window.set_access(access)
        for page_id in window.stack.order():
            window.go_to(page_id, animate=False)
            grab(f"access-{mode}--{page_id}")
    window.set_access(Access())
    window.go_home(animate=False)
    return grab.count


def _runtime_screens(
    window: KioskWindow,
    target: Path,
    log_lines: Callable[[int], list[str]] | None,
    progress: Progress,
    writer: PngWriter,
) -> int:
    """The screens around the pages: the attract loop's cue, closed hours, PIN pad, admin panel."""
    from kiosk.runtime.modes import Action, Timing
    from kiosk.ui.controller import KioskRuntime

    runtime = KioskRuntime(window, Timing(), log_lines=log_lines, keep_hours=False)
    runtime.timer.stop()
    grab = Shots(window, target, progress, writer)
    language = window.session.language
    runtime.start_autoplay()  # it starts from the default language: show it in this one
    window.session.set_language(language)
    runtime.moment.settle()  # the loop may open on a moment: show where its motion ends
    grab("runtime--autoplay")
    shown: set[str] = set()
    for entry in the_playlist(window.session.content):  # the first moment of each kind
        if entry.moment and entry.moment not in shown and runtime.moment.show_moment(entry):
            shown.add(entry.moment)
            runtime.moment.settle()
            grab(f"runtime--moment-{entry.moment}")
    runtime.apply(runtime.controller.stop_autoplay())
    window.session.set_language(language)
    runtime.apply([Action.CLOSE])
    grab("runtime--closed")
    runtime.apply([Action.OPEN])
    window.session.set_language(language)
    runtime.open_pin_pad()
    runtime.pin_pad.entered = "24"
    grab("runtime--pin-pad")
    runtime.pin_pad.hide()
    runtime.admin.open()
    grab("runtime--admin-panel")
    runtime.close_admin()
    runtime.timer.stop()
    runtime.deleteLater()
    return grab.count
