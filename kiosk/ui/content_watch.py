"""Hot reload: watch the content folder, wait for the writes to settle, load and validate off
the GUI thread, and hand over the new content only when it is whole and valid.

Editors save in different ways (in place, a new file renamed over the old, a whole folder
replaced at once), and a file watcher loses track of renamed or replaced files. So the folder's
signature (every file's name, size and modification time) is polled once a second as well;
the watcher only makes the poll come sooner. A change is loaded once the signature has stayed
the same for ``settle_ms``.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.content import Content, Problem

log = logging.getLogger(__name__)

POLL_MS = 1000
SETTLE_MS = 1500


def is_scratch(name: str) -> bool:
    """Editors' lock, backup and temporary files, which are not content."""
    return name.startswith((".", "~")) or name.endswith(("~", ".tmp", ".swp", "#"))


def signature(folder: Path) -> tuple[tuple[str, int, int], ...] | None:
    """Name, size and mtime of every content file; None when the folder is not there."""
    if not folder.is_dir():
        return None
    entries: list[tuple[str, int, int]] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not is_scratch(d))
        for name in sorted(names):
            if is_scratch(name):
                continue
            path = Path(root) / name
            try:
                stat = path.stat()
            except OSError:
                continue  # gone between the listing and the stat: the next poll sees it
            entries.append((str(path.relative_to(folder)), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


class ContentWatcher(QObject):
    """Emits ``loaded`` with new valid content, or ``failed`` with the errors that stopped it."""

    loaded = Signal(object)  # Content
    failed = Signal(list)  # list[Problem]

    def __init__(
        self,
        folder: Path,
        load: Callable[[Path], Content],
        parent: QObject | None = None,
        poll_ms: int = POLL_MS,
        settle_ms: int = SETTLE_MS,
    ) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.load = load
        self.settle = settle_ms / 1000
        self.current = signature(self.folder)  # what the content on screen was loaded from
        self._seen = self.current
        self._seen_at = time.monotonic()
        self._forced = False
        self._job: Future[Content] | None = None
        self._job_signature: tuple | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="content-load")
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._soon)
        self.watcher.fileChanged.connect(self._soon)
        self._watch()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _watch(self) -> None:
        """(Re)watch the folder and its subfolders: replaced folders drop their watches."""
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        if not self.folder.is_dir():
            return
        folders = [str(self.folder)]
        folders += [str(p) for p in self.folder.rglob("*") if p.is_dir() and not is_scratch(p.name)]
        self.watcher.addPaths(folders)

    def _soon(self, *_: object) -> None:
        QTimer.singleShot(200, self.poll)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def reload_now(self) -> None:
        """Load the folder now, changed or not (the admin panel's button)."""
        self._forced = True
        self.poll()

    def stop(self) -> None:
        self.timer.stop()
        self.watcher.removePaths(self.watcher.directories() + self.watcher.files())
        self._pool.shutdown(wait=False, cancel_futures=True)

    def poll(self) -> None:
        if self._job is not None:
            if self._job.done():
                self._finish()
            return
        now, seen = time.monotonic(), signature(self.folder)
        if seen != self._seen:
            self._seen, self._seen_at = seen, now
            self._watch()
            if not self._forced:
                return  # still being written, perhaps: wait until it settles
        elif not self._forced and (seen == self.current or now - self._seen_at < self.settle):
            return
        self._forced = False
        self._job_signature = seen
        log.info("content: %s changed; loading it", self.folder)
        self._job = self._pool.submit(self.load, self.folder)

    def _finish(self) -> None:
        job, self._job = self._job, None
        assert job is not None
        self.current = self._job_signature  # tried: not loaded again until it changes
        try:
            content = job.result()
        except Exception as exc:  # noqa: BLE001 - a loader bug must not stop the kiosk
            log.exception("content: loading %s failed", self.folder)
            self.failed.emit([Problem("-", None, None, f"could not be loaded: {exc}")])
            return
        if self.signature_changed_during_load():
            self.current = None  # it moved under us: load it again once it settles
            return
        errors = list(content.errors)
        if errors:  # each was logged by the load function (kiosk.app._load)
            log.warning("content: %d error(s): the last good content stays", len(errors))
            self.failed.emit(errors)
            return
        self.loaded.emit(content)

    def signature_changed_during_load(self) -> bool:
        return signature(self.folder) != self._job_signature
