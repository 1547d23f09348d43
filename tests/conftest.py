"""Shared fixtures. Qt runs offscreen: set before any QApplication exists."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# compiled content goes to a private folder, never the user's cache (the CLI tests inherit it)
os.environ["KIOSK_CACHE_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-cache-")
# the single-instance lock too: a kiosk running on this machine must not turn tests away
os.environ["KIOSK_LOCK_DIR"] = tempfile.mkdtemp(prefix="kiosk-test-lock-")

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(BUNDLED, target)
    return target
