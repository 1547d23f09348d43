"""UI fixtures: a window over the bundled content, and a clock (5000 s at the start)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.ui.shell.main_window import KioskWindow
from tests.helpers.clock import Clock
from tests.helpers.ui import make_window


@pytest.fixture
def window(qtbot) -> Iterator[KioskWindow]:
    window = make_window(qtbot)
    yield window
    window.stack.transition.stop()
    for page in window.stack.pages.values():
        page.leave()


@pytest.fixture
def clock() -> Clock:
    return Clock(5000.0)
