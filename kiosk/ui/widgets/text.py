"""Labels that always show content as plain text, never as HTML, and cannot be selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class TextLabel(QLabel):
    """A plain-text label with a style role (``dim``, ``accent``, ``warm``)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        role: str = "",
        wrap: bool = True,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setWordWrap(wrap)
        self.setAlignment(align)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        if wrap:
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        if role:
            self.setProperty("role", role)
