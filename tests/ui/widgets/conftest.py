"""Widgets tested alone: a bare shown ground at 1920x1080, no window and no content."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from tests.helpers.ui import stage


@pytest.fixture
def ground(qtbot) -> QWidget:
    return stage(qtbot)


@pytest.fixture
def tall_ground(qtbot) -> QWidget:
    return stage(qtbot, (1080, 1920))
