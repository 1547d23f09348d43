"""Cards in rows that leave no hole: rows as even as can be, each as wide as the grid."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QWidget


def even_rows(count: int, most: int) -> list[int]:
    """How many cards each row holds, at most ``most``: rows as even as can be, the fuller
    first (5 in rows of 3 is 3 + 2; 7 in rows of 2 is 2 + 2 + 2 + 1)."""
    if count <= 0:
        return []
    lines = math.ceil(count / max(1, most))
    return [count // lines + (1 if row < count % lines else 0) for row in range(lines)]


def place_rows(grid: QGridLayout, groups: Sequence[tuple[Sequence[QWidget], list[int]]]) -> None:
    """Lay each group's widgets into ``grid`` in its rows, one group under the other; every
    row is as wide as the grid (a shorter row's cards are wider), so none leaves a hole beside
    its last card. The grid gets as many equal columns as every row divides."""
    rows = [count for _, counts in groups for count in counts]
    columns = math.lcm(*rows) if rows else 1
    for column in range(grid.columnCount()):
        grid.setColumnStretch(column, 0)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    row = 0
    for widgets, counts in groups:
        index = 0
        for count in counts:
            span = columns // count
            for place in range(count):
                grid.addWidget(widgets[index], row, place * span, 1, span)
                index += 1
            row += 1
