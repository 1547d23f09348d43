"""A one-line label whose font shrinks (never grows) so the widest of its texts fits."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.text import TextLabel


class FitLabel(TextLabel):
    """Keeps ``base_font`` unless ``fit_texts`` would not fit the width, then scales it down."""

    def __init__(self, parent: QWidget | None = None, *, role: str = "") -> None:
        super().__init__(parent, role=role, wrap=False)
        self._base = QFont()
        self._fit_texts: list[str] = []

    def set_fit(self, base_font: QFont, fit_texts: list[str]) -> None:
        """Texts the label will show (say, a count-up's widest); the font is sized for them."""
        self._base = QFont(base_font)
        self._fit_texts = fit_texts
        self._refit()

    def _refit(self) -> None:
        font = QFont(self._base)
        metrics = QFontMetricsF(font)
        widest = max((metrics.horizontalAdvance(t) for t in self._fit_texts), default=0.0)
        available = self.contentsRect().width()
        if widest > available > 0:
            font.setPixelSize(max(1, int(font.pixelSize() * available / widest)))
        self.setFont(font)
        self.setMinimumHeight(round(QFontMetricsF(self._base).height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refit()
