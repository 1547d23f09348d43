"""Hot reload: watch the content folder, wait for the writes to settle, load and validate off
the GUI thread, and hand over the new content only when it is whole and valid.

Editors save in different ways (in place, a new file renamed over the old, a whole folder
replaced at once), and a file watcher loses track of renamed or replaced files. So the folder's
signature (every file's name, size and modification time) is polled once a second as well;
the watcher only makes the poll come sooner. A change is loaded once the signature has stayed
the same for ``settle_ms``. Scans and loads run on a worker thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal

from kiosk.content import Content, Problem

log = logging.getLogger(__name__)

POLL_MS = 1000
SETTLE_MS = 1500


def is_scratch(name: str) -> bool:
    """Editors' lock, backup and temporary files, which are not content."""
    return name.startswith((".", "~")) or name.endswith(("~", ".tmp", ".swp", "#"))


Signature = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Scan:
    """One look at the folder: its signature (None when it is not there) and its subfolders."""

    signature: Signature | None
    folders: tuple[str, ...]


def scan(folder: Path) -> Scan:
    """Name, size and mtime of every content file, and every folder to watch."""
    if not folder.is_dir():
        return Scan(None, ())
    entries: list[tuple[str, int, int]] = []
    folders: list[str] = []
    for root, dirs, names in os.walk(folder):
        folders.append(root)
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
    return Scan(tuple(entries), tuple(folders))


def signature(folder: Path) -> Signature | None:
    """Name, size and mtime of every content file; None when the folder is not there."""
    return scan(folder).signature


class ContentWatcher(QObject):
    """Emits ``loaded`` with new valid content, or ``failed`` with the errors that stopped it.

    The folder is read (scanned, then loaded) on a worker thread: a content folder of many
    thousand files costs the GUI thread nothing; the GUI thread only compares signatures.
    """

    loaded = Signal(object)  # Content
    failed = Signal(list)  # list[Problem]
    _worker_done = Signal()  # from the worker thread: a scan or a load finished

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
        first = scan(self.folder)  # at start, before the event loop: what is on screen
        self.current = first.signature  # what the content on screen was loaded from
        self._seen = self.current
        self._seen_at = time.monotonic()
        self._folders: tuple[str, ...] = ()
        self._forced = False
        self._scan: Future[Scan] | None = None
        self._job: Future[Content] | None = None
        self._job_signature: Signature | None = None
        self._job_forced = False  # the job is a "reload now": it must end in a load
        # loaded, waiting for one more scan: handed over only if nothing moved meanwhile
        self._loaded: Content | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="content-load")
        self._worker_done.connect(self._advance, Qt.ConnectionType.QueuedConnection)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._soon)
        self.watcher.fileChanged.connect(self._soon)
        self._watch(first.folders)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _watch(self, folders: tuple[str, ...]) -> None:
        """(Re)watch the folder and its subfolders: replaced folders drop their watches."""
        if folders == self._folders and self.watcher.directories():
            return
        self._folders = folders
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        if folders:
            self.watcher.addPaths(list(folders))

    def _soon(self, *_: object) -> None:
        QTimer.singleShot(200, self, self.poll)

    @property
    def busy(self) -> bool:
        """A reload asked for or under way (a routine scan does not count)."""
        return self._forced or self._job is not None or self._loaded is not None

    def reload_now(self) -> None:
        """Load the folder now, changed or not (the admin panel's button)."""
        self._forced = True
        self.poll()

    def stop(self) -> None:
        self.timer.stop()
        self.watcher.removePaths(self.watcher.directories() + self.watcher.files())
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _submit(self, work: Callable[[Path], object]) -> Future:
        future = self._pool.submit(work, self.folder)
        future.add_done_callback(self._on_worker_done)
        return future

    def _on_worker_done(self, _future: Future) -> None:
        """On the worker thread: wake the GUI thread's poll (unless the watcher is gone)."""
        with contextlib.suppress(RuntimeError):  # deleted with its window meanwhile
            self._worker_done.emit()

    def poll(self) -> None:
        """Act on what the worker finished, or start a scan when it is idle."""
        if self._job is None and self._scan is None:
            self._scan = self._submit(scan)
        else:
            self._advance()

    def _advance(self) -> None:
        """Act on a scan or load the worker finished (it never starts a routine scan)."""
        if self._job is not None:
            if self._job.done():
                self._finish()
            return
        if self._scan is None or not self._scan.done():
            return
        done, self._scan = self._scan, None
        try:
            seen = done.result()
        except Exception:
            log.exception("content: scanning %s failed", self.folder)
            self._loaded = None
            return
        if self._loaded is not None:
            self._checked(seen)
        else:
            self._consider(seen)

    def _consider(self, seen: Scan) -> None:
        now = time.monotonic()
        if seen.signature != self._seen:
            self._seen, self._seen_at = seen.signature, now
            self._watch(seen.folders)
            if not self._forced:
                return  # still being written, perhaps: wait until it settles
        elif not self._forced and (
            seen.signature == self.current or now - self._seen_at < self.settle
        ):
            return
        self._job_forced, self._forced = self._forced, False
        self._job_signature = seen.signature
        log.info("content: %s changed; loading it", self.folder)
        self._job = self._submit(self.load)

    def _finish(self) -> None:
        job, self._job = self._job, None
        assert job is not None
        self.current = self._job_signature  # tried: not loaded again until it changes
        try:
            content = job.result()
        except Exception as exc:  # a loader bug must not stop the kiosk
            log.exception("content: loading %s failed", self.folder)
            self.failed.emit([Problem("-", None, None, f"could not be loaded: {exc}")])
            return
        self._loaded = content
        self._scan = self._submit(scan)

    def _checked(self, seen: Scan) -> None:
        content, self._loaded = self._loaded, None
        assert content is not None
        if seen.signature != self._job_signature:
            self.current = None  # it moved under us: load it again once it settles
            if self._job_forced:  # staff asked for a reload now (a scan was under way): again
                self._forced = True
                self._soon()
            return
        errors = list(content.errors)
        if errors:  # each was logged by the load function (kiosk.app._load)
            log.warning("content: %d error(s): the last good content stays", len(errors))
            self.failed.emit(errors)
            return
        self.loaded.emit(content)
