"""The staff PIN pad: big digit keys, dots for what was typed, one line saying what happened."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.input import CLAIMS_SWIPES, CLOSES_LAYER
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import PillButton

MAX_DIGITS = 12
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "ok")
CENTRE = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
KEY, KEY_GAP, HEAD = 112, 18, 270  # px at 1080: key size, gap between keys, title and dots


class PinPad(QWidget):
    """A full-window layer over the kiosk; ``submitted`` carries the digits on OK."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, session: Session, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.setObjectName("pin-pad")
        self.setProperty(CLAIMS_SWIPES, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.entered = ""
        self.locked = False  # too many wrong PINs: the keys take nothing until it ends
        self.message = ""
        self.message_role = "dim"
        self.keys: dict[str, PillButton] = {}
        for key in KEYS:
            button = PillButton(theme, self)
            button.setObjectName(f"pin-key-{key}")
            button.clicked.connect(lambda key=key: self._press(key))
            self.keys[key] = button
        self.cancel = PillButton(theme, self)
        self.cancel.setObjectName("pin-cancel")
        self.cancel.setProperty(CLOSES_LAYER, True)  # the keypad's Back key presses it
        self.cancel.clicked.connect(self.cancelled)
        session.language_changed.connect(self.retranslate)
        self.hide()

    def open(self) -> None:
        """Show the pad empty, over everything."""
        self.set_locked(False)
        self.retranslate()
        self.set_message(self.session.text("admin.pin.hint"))
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def set_locked(self, locked: bool) -> None:
        """Lock or unlock the keys (dimmed and disabled while locked); either way the digits
        typed so far go, so a stray one never spoils the PIN typed once the lock ends."""
        self.locked = locked
        self.entered = ""
        for button in self.keys.values():
            button.cancel_press()
            button.setEnabled(not locked)
        self.update()

    def set_message(self, text: str, role: str = "dim") -> None:
        self.message, self.message_role = text, role
        self.update()

    def retranslate(self, *_: object) -> None:
        lang = self.session.language
        digits = self.theme.font("figure", "en")
        digits.setPixelSize(self.theme.px(52))
        for key, button in self.keys.items():
            if key == "delete":
                button.set_text(
                    self.session.text("admin.pin.delete"), self.theme.font("button", lang)
                )
            elif key == "ok":
                button.set_text(self.session.text("admin.pin.ok"), self.theme.font("button", lang))
            else:
                button.set_text(key, digits)
        self.keys["ok"].set_selected(True)
        self.cancel.set_text(self.session.text("admin.cancel"), self.theme.font("button", lang))
        self.update()

    def _press(self, key: str) -> None:
        if self.locked:
            return
        if key == "delete":
            self.entered = self.entered[:-1]
        elif key == "ok":
            if self.entered:
                digits, self.entered = self.entered, ""
                self.update()
                self.submitted.emit(digits)
            return
        elif len(self.entered) < MAX_DIGITS:
            self.entered += key
        self.update()

    # --- geometry and painting ----------------------------------------------------------------

    def box(self) -> QRectF:
        theme = self.theme
        keys = 4 * theme.px(KEY) + 3 * theme.px(KEY_GAP)
        width = 3 * theme.px(KEY) + 2 * theme.px(KEY_GAP) + 2 * theme.px(220)
        height = theme.px(HEAD) + keys + theme.px(24) + theme.touch + theme.px(24)
        rect = QRectF(0, 0, min(width, self.width() - 2 * theme.margin), height)
        rect.moveCenter(QRectF(self.rect()).center())
        return rect

    def resizeEvent(self, event: QResizeEvent) -> None:
        theme, box = self.theme, self.box()
        key, gap = theme.px(KEY), theme.px(KEY_GAP)
        left = box.center().x() - (3 * key + 2 * gap) / 2
        top = box.top() + theme.px(HEAD)
        for index, name in enumerate(KEYS):
            row, column = divmod(index, 3)
            x = round(left + column * (key + gap))
            y = round(top + row * (key + gap))
            self.keys[name].setGeometry(x, y, key, key)
        width = max(self.cancel.sizeHint().width(), theme.px(260))
        self.cancel.setGeometry(
            round(box.center().x() - width / 2),
            round(box.bottom() - theme.touch - theme.px(24)),
            width,
            theme.touch,
        )
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette = self.theme, self.theme.palette
        lang = self.session.language
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color("ground", 0.92))
        box = self.box()
        painter.setBrush(palette.color("surface"))
        painter.setPen(palette.color("line"))
        painter.drawRoundedRect(box, theme.radius, theme.radius)
        inner = box.adjusted(theme.px(40), theme.px(28), -theme.px(40), 0)
        painter.setPen(palette.color("text"))
        painter.setFont(theme.font("title", lang))
        painter.drawText(
            QRectF(inner.left(), inner.top(), inner.width(), theme.px(64)),
            CENTRE,
            self.session.text("admin.pin.title"),
        )
        painter.setFont(theme.font("body", lang))
        painter.setPen(
            palette.color({"warm": "warm", "accent": "accent"}.get(self.message_role, "text_dim"))
        )
        message = QRectF(inner.left(), inner.top() + theme.px(72), inner.width(), theme.px(100))
        painter.drawText(message, CENTRE, self.message)
        radius, step = theme.px(13), theme.px(44)
        slots = max(4, len(self.entered))
        y = inner.top() + theme.px(205)
        x0 = box.center().x() - (slots - 1) * step / 2
        for i in range(slots):
            filled = i < len(self.entered)
            painter.setBrush(palette.color("accent") if filled else Qt.BrushStyle.NoBrush)
            painter.setPen(palette.color("accent" if filled else "line"))
            painter.drawEllipse(QPointF(x0 + i * step, y), radius, radius)
