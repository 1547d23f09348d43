"""Whether Qt can open a screen, asked before Qt is loaded (no Qt import here).

Without a display Qt's xcb platform prints a misleading hint about libxcb-cursor0 and aborts the
process with a core dump. The kiosk asks first and says in one line what is missing: no display
at all, an X display that does not answer, or the system libraries Qt's xcb plugin cannot find
(by ``ldd``, as the installer build finds what the bundle needs).
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.atomic import write_text_atomic

TOOL_PLATFORM = "offscreen"  # --screenshot, --selftest, --check-layout render without a screen


def requested_platform() -> str:
    """The platform plugin Qt will load: QT_QPA_PLATFORM's first choice, else Qt's default."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if not sys.platform.startswith("linux"):
        return "native"
    # Qt 6 prefers Wayland in a Wayland session, X11 otherwise.
    if os.environ.get("WAYLAND_DISPLAY") and os.environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def _xcb_plugin() -> Path | None:
    """Qt's xcb platform plugin in this installation (a wheel or the frozen bundle)."""
    roots = [Path(getattr(sys, "_MEIPASS", "")) / "PySide6"] if hasattr(sys, "_MEIPASS") else []
    spec = importlib.util.find_spec("PySide6")
    if spec and spec.submodule_search_locations:
        roots += [Path(p) for p in spec.submodule_search_locations]
    for root in roots:
        plugin = root / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


LDSO_CACHE = Path("/etc/ld.so.cache")  # rewritten by ldconfig whenever libraries come or go
VERDICT_FILE = "xcb-libraries-ok"


def _verdict_key(plugin: Path) -> str:
    """What a "nothing missing" verdict depends on: the plugin and the system's library set."""
    try:
        system = LDSO_CACHE.stat().st_mtime_ns
    except OSError:
        system = 0
    return f"{plugin}\n{plugin.stat().st_mtime_ns}\n{system}\n"


def missing_xcb_libraries() -> list[str]:
    """Sonames Qt's xcb plugin links that this system cannot find (empty when unknown).

    ``ldd`` takes ~140 ms, so a clean verdict is kept in the cache folder until the plugin or
    the system's libraries change: a normal start pays two stat calls."""
    plugin = _xcb_plugin()
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    from kiosk.content.cache import cache_dir

    stamp, key = cache_dir() / VERDICT_FILE, _verdict_key(plugin)
    with contextlib.suppress(OSError):
        if stamp.read_text(encoding="utf-8") == key:
            return []
    missing = _ldd_missing(ldd, plugin)
    if not missing:
        with contextlib.suppress(OSError):  # a read-only cache only costs the next start time
            write_text_atomic(stamp, key)
    return missing


def _ldd_missing(ldd: str, plugin: Path) -> list[str]:
    folders = [plugin.parent.parent.parent / "lib", Path(getattr(sys, "_MEIPASS", plugin))]
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(map(str, folders))}
    try:
        out = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, env=env, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    missing = {line.split()[0] for line in out.splitlines() if "=> not found" in line}
    # Qt's own libraries come with it: not finding them is this lookup's fault, not the system's
    return sorted(name for name in missing if not name.startswith("libQt6"))


def _x_display_answers(name: str) -> bool:
    """True when the X server ``name`` accepts a connection from this user (libxcb)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")  # the soname: no ldconfig run to look it up
    except OSError:
        return True  # libxcb itself missing: missing_xcb_libraries() says so
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(name.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def display_problem(platform: str | None = None) -> str | None:
    """Why Qt cannot open ``platform`` (default: the one it would load) here, or None."""
    platform = platform or requested_platform()
    if platform != "xcb":
        return None  # offscreen needs no screen; Windows, macOS and Wayland report themselves
    missing = missing_xcb_libraries()
    if missing:
        return (
            f"Qt's X11 (xcb) platform needs {', '.join(missing)}, not found on this system; "
            "install them, or use QT_QPA_PLATFORM=offscreen for --screenshot/--selftest"
        )
    name = os.environ.get("DISPLAY", "")
    if not name:
        return (
            "no display: DISPLAY is not set (start the kiosk in an X session or with "
            "DISPLAY=:0; --screenshot, --selftest and --validate need no display)"
        )
    if not _x_display_answers(name):
        auth = os.environ.get("XAUTHORITY", "~/.Xauthority")
        return (
            f"cannot connect to the X display {name}: is the X server running, and may this "
            f"user use it (XAUTHORITY={auth})?"
        )
    return None
