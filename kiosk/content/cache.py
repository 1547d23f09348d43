"""A compiled copy of a content folder, so the kiosk starts without importing pandas.

Reading and checking the CSV files needs pandas, which alone takes about a third of a second to
import. After every full load the model is written to the per-user cache, keyed by a fingerprint
of every file in the content folder (path, size, modification time), of the loader's own code and
of the font coverage list. A start whose fingerprint matches reads the model back in a few
milliseconds; any change to the folder, or an unreadable cache, means a full load.

The cache is a pickle written by the kiosk itself into the user's own cache folder; whoever can
write there can already run code as that user, so it is trusted like the user's other files.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from kiosk import NAME
from kiosk.atomic import write_atomic
from kiosk.content.errors import Problem
from kiosk.content.models import Content

CACHE_ENV = "KIOSK_CACHE_DIR"
FORMAT = 1  # raise when the pickled model changes shape in a way the code hash would not show


def cache_dir() -> Path:
    """Where compiled content goes: ``$KIOSK_CACHE_DIR``, else the platform's user cache."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / NAME / "cache"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / NAME


def _files(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            yield Path(root) / name


def fingerprint(folder: Path, extra: Iterable[Path] = ()) -> str:
    """A digest that changes when any file of ``folder``, the loader or ``extra`` changes."""
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    code = Path(__file__).resolve().parent
    for path in [*_files(folder), *sorted(code.glob("*.py")), *extra]:
        try:
            stat = path.stat()
        except OSError:
            digest.update(f"{path}\0missing\n".encode())
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cache_file(folder: Path, clean: bool = False) -> Path:
    """The compiled copy of ``folder``: the latest, or (``clean``) the last without errors."""
    name = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return cache_dir() / f"content-{name}{'.clean' if clean else ''}.pickle"


def read_cached(folder: Path, key: str | None, clean: bool = False) -> Content | None:
    """The compiled content for ``folder`` if it was compiled from exactly these files (any
    files: ``key`` None, the last good content); ``clean``: the last that had no error."""
    try:
        with cache_file(folder, clean).open("rb") as stream:
            stored_key, content = pickle.load(stream)
    except Exception:  # missing, truncated or from another version: reload
        return None
    if (key is not None and stored_key != key) or not isinstance(content, Content):
        return None
    return content


def write_cached(folder: Path, key: str, content: Content) -> None:
    """Store the compiled content atomically, and again as the clean copy when it has no
    error (safe mode shows that one); a read-only or full disk only costs speed."""
    try:
        data = pickle.dumps((key, content), protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(cache_file(folder), data)
        if not content.errors:
            write_atomic(cache_file(folder, clean=True), data)
    except (OSError, pickle.PicklingError):
        pass


def load_content_cached(
    folder: Path,
    missing_glyphs: Callable[[str], str] | None = None,
    extra: Iterable[Path] = (),
    interface: Path | None = None,
    last_resort: Path | None = None,
) -> Content:
    """Like :func:`kiosk.content.load_content`, from the compiled copy when it is current.

    ``extra`` lists files outside the folder that the result depends on (the font coverage);
    ``interface`` is the product's interface words; ``last_resort`` a content folder to show
    when the loader itself fails and nothing was compiled from ``folder`` before.
    """
    folder = Path(folder)
    extra = list(extra) + ([Path(interface) / "strings.csv"] if interface is not None else [])
    key = fingerprint(folder, extra)
    content = read_cached(folder, key)
    if content is not None and content.folder == folder:
        return content
    from kiosk.content.loader import load_content  # imports pandas: only when files changed

    try:
        content = load_content(folder, missing_glyphs, interface)
    except Exception as exc:  # a defect in the loader must never stop the kiosk
        return _last_good(folder, last_resort, interface, missing_glyphs, exc)
    write_cached(folder, key, content)
    return content


def _last_good(
    folder: Path,
    last_resort: Path | None,
    interface: Path | None,
    missing_glyphs: Callable[[str], str] | None,
    exc: Exception,
) -> Content:
    """The content compiled before (or the last resort), with a problem saying why."""
    from kiosk.content.loader import load_content

    reason = f"the content could not be read ({type(exc).__name__}: {exc})"
    content = read_cached(folder, None)
    if content is not None:
        note = f"{reason}; showing the last good content compiled from this folder"
    elif last_resort is not None and Path(last_resort) != folder:
        content = load_content(Path(last_resort), missing_glyphs, interface)
        note = f"{reason}; showing the bundled content"
    else:
        raise exc
    problem = Problem("", None, None, note)  # the whole folder
    return replace(content, problems=(problem, *content.problems))
