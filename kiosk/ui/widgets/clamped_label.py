"""A wrapping plain-text label that shows at most a few lines, ending the last with '…'."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.text import TextLabel


class ClampedLabel(TextLabel):
    """Wraps ``full_text`` onto at most ``max_lines`` lines (a card's summary), shrinking and
    then cutting it at a word boundary as every :class:`TextLabel` does."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        role: str = "",
        max_lines: int = 3,
        fill: bool = False,
    ) -> None:
        super().__init__(parent, role=role, max_lines=max_lines, fill=fill)

    def set_full_text(self, text: str) -> None:
        self.setText(text)
