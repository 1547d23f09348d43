"""A one-line label whose font shrinks (never grows) so the widest of its texts fits."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from kiosk.ui.theme import NUMBER_FLOOR
from kiosk.ui.widgets.text import TextLabel


class FitLabel(TextLabel):
    """One line at ``base_font``, or smaller when ``fit_texts`` would not fit (a count-up);
    a value shrinks down to the theme's ``NUMBER_FLOOR`` before it is cut."""

    def __init__(self, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent, role=role, wrap=False, floor=NUMBER_FLOOR)

    def set_fit(self, base_font: QFont, fit_texts: list[str]) -> None:
        """Texts the label will show (say, a count-up's widest); the font is sized for them."""
        self.setFont(base_font)
        self.set_sizing(fit_texts)
