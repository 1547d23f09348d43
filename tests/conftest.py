"""Shared fixtures. Qt runs offscreen: set before any QApplication exists."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(BUNDLED, target)
    return target
