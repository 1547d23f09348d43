"""Hand freed heap memory back to the system, so the kiosk's RSS is what it really holds.

The big allocations are temporary images: artwork rendered at screen size, snapshots of a page
under an opening detail, robot cards drawn while the carousel turns. glibc's mmap threshold
grows after the first large free (up to 32 MB), so later images of that size come from the
heap, and what they free stays in it: about 12 MB of RSS after every detail was shown once.
:func:`tune_allocator` fixes the threshold, so an image of 1 MB or more is mmapped and given
back when freed (smaller blocks, such as the per-frame layers of fading cards, still come from
the heap), and caps the arenas of helper threads. :func:`release_free_memory` trims what the
heaps keep (bench/memory.py reports it). Both only return False where the C library is not
glibc (musl, macOS, Windows). The same settings can be tried without code through glibc's
environment: MALLOC_MMAP_THRESHOLD_=1048576 MALLOC_TRIM_THRESHOLD_=4194304 MALLOC_ARENA_MAX=2.
"""

from __future__ import annotations

import ctypes
import logging
import platform
import sys

log = logging.getLogger(__name__)

M_TRIM_THRESHOLD = -1  # mallopt parameters, from glibc's malloc.h
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8

MMAP_THRESHOLD = 1024 * 1024  # a block this large or larger is mmapped and unmapped on free
TRIM_THRESHOLD = 4 * 1024 * 1024  # free memory at the top of the heap beyond this is returned
ARENA_MAX = 2  # heaps shared by Qt's worker threads (glibc's default: 8 per core)

_glibc: ctypes.CDLL | None = None
_looked_up = False


def glibc() -> ctypes.CDLL | None:
    """The running glibc, or None on any other C library or system."""
    global _glibc, _looked_up
    if not _looked_up:
        _looked_up = True
        if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
            try:
                libc = ctypes.CDLL("libc.so.6")
                libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
                libc.malloc_trim.argtypes = [ctypes.c_size_t]
                _glibc = libc
            except (OSError, AttributeError):
                log.info("glibc's malloc controls are not available")
    return _glibc


def tune_allocator() -> bool:
    """Make glibc return large freed blocks at once and share few arenas; call it at start."""
    libc = glibc()
    if libc is None:
        return False
    done = all(
        libc.mallopt(param, value) == 1
        for param, value in (
            (M_MMAP_THRESHOLD, MMAP_THRESHOLD),
            (M_TRIM_THRESHOLD, TRIM_THRESHOLD),
            (M_ARENA_MAX, ARENA_MAX),
        )
    )
    if not done:
        log.warning("mallopt refused a setting; RSS may stay higher than needed")
    return done


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def heap_in_use() -> int | None:
    """Bytes the program holds from malloc (in use in every arena plus mmapped blocks: Qt's and
    the libraries' native memory; Python's small objects live in arenas of their own), or None
    without glibc 2.33's mallinfo2. Unlike RSS it does not count free memory the heaps keep, so
    it tells a leak (grows) from fragmentation (RSS grows, this does not)."""
    libc = glibc()
    mallinfo2 = getattr(libc, "mallinfo2", None)
    if mallinfo2 is None:
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return int(info.uordblks + info.hblkhd)


def release_free_memory() -> bool:
    """Return the free memory every heap keeps to the system (a few ms: call it when idle)."""
    libc = glibc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
