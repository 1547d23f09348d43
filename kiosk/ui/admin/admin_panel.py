"""The admin panel staff reach with the corner gesture and the PIN: how the kiosk is doing,
and the few things they may do (reload content, start or stop the attract loop, exit)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.input import CLAIMS_SWIPES, CLOSES_LAYER
from kiosk.ui.session import Session
from kiosk.ui.theme import SECONDARY_PX, Theme
from kiosk.ui.widgets.buttons import PillButton

REFRESH_MS = 1000
EXIT_CONFIRM_MS = 3000
MAX_PROBLEMS = 6
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class AdminStatus:
    """What the panel shows, gathered by the runtime each second."""

    version: str
    content_folder: str
    content_version: str
    uptime: str
    frame_rate: float | None
    memory: str
    problems: list[str] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (text, role: warm/accent)
    log_lines: list[str] = field(default_factory=list)
    autoplay_enabled: bool = True


class AdminPanel(QWidget):
    """A full-window layer: facts on the left, problems and the log on the right, buttons below."""

    close_requested = Signal()
    reload_requested = Signal()
    autoplay_toggled = Signal()
    exit_requested = Signal()

    def __init__(
        self,
        session: Session,
        theme: Theme,
        status: Callable[[], AdminStatus],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.status_source = status
        self.status: AdminStatus | None = None
        self.setObjectName("admin-panel")
        self.setProperty(CLAIMS_SWIPES, True)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.buttons: dict[str, PillButton] = {}
        for name, signal in (
            ("close", self.close_requested),
            ("reload", self.reload_requested),
            ("autoplay", self.autoplay_toggled),
            ("exit", self._exit_pressed),
        ):
            button = PillButton(theme, self)
            button.setObjectName(f"admin-{name}")
            button.clicked.connect(signal)
            self.buttons[name] = button
        self.buttons["close"].setProperty(CLOSES_LAYER, True)  # the keypad's Back key
        self.exit_armed = QTimer(self)  # a first tap on Exit arms it; a second exits
        self.exit_armed.setSingleShot(True)
        self.exit_armed.setInterval(EXIT_CONFIRM_MS)
        self.exit_armed.timeout.connect(self.retranslate)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        session.language_changed.connect(self.retranslate)
        self.hide()

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.refresh()
        self.show()
        self.raise_()
        self.timer.start()

    def close_panel(self) -> None:
        self.timer.stop()
        self.exit_armed.stop()
        self.hide()

    def refresh(self) -> None:
        self.status = self.status_source()
        self.retranslate()

    def _exit_pressed(self) -> None:
        if self.exit_armed.isActive():
            self.exit_armed.stop()
            self.exit_requested.emit()
        else:
            self.exit_armed.start()
        self.retranslate()

    def retranslate(self, *_: object) -> None:
        lang, text = self.session.language, self.session.text
        font = self.theme.font("button", lang)
        enabled = self.status.autoplay_enabled if self.status else True
        labels = {
            "close": text("admin.close"),
            "reload": text("admin.reload"),
            "autoplay": text("admin.autoplay.stop" if enabled else "admin.autoplay.start"),
            "exit": text("admin.exit.confirm" if self.exit_armed.isActive() else "admin.exit"),
        }
        for name, label in labels.items():
            self.buttons[name].set_text(label, font)
        self.buttons["exit"].set_selected(self.exit_armed.isActive())
        self.buttons["close"].set_selected(True)
        self._place_buttons()
        self.update()

    # --- geometry and painting ----------------------------------------------------------------

    def _place_buttons(self) -> None:
        theme = self.theme
        margin, touch, gap = theme.margin, theme.touch, theme.gap
        close = self.buttons["close"]
        width = close.sizeHint().width()
        close.setGeometry(self.width() - margin - width, margin, width, touch)
        x, y = margin, self.height() - margin - touch
        for name in ("reload", "autoplay", "exit"):
            button = self.buttons[name]
            width = button.sizeHint().width()
            if x + width > self.width() - margin:  # narrow screen: a second row above
                x, y = margin, y - touch - gap
            button.setGeometry(x, y, width, touch)
            x += width + gap

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_buttons()
        super().resizeEvent(event)

    def columns(self) -> tuple[QRectF, QRectF]:
        """The facts' column and the problems-and-log column (stacked in portrait)."""
        theme = self.theme
        top = theme.margin + theme.touch + theme.gap
        bottom = min(b.geometry().top() for n, b in self.buttons.items() if n != "close")
        area = QRectF(theme.margin, top, self.width() - 2 * theme.margin, bottom - top - theme.gap)
        if theme.portrait:
            facts = QRectF(area.left(), area.top(), area.width(), theme.px(6 * 92))
            rest = QRectF(area.left(), facts.bottom() + theme.gap, area.width(), 0)
            rest.setBottom(area.bottom())
            return facts, rest
        split = area.width() * 0.42
        facts = QRectF(area.left(), area.top(), split - theme.gap, area.height())
        rest = QRectF(
            area.left() + split + theme.gap,
            area.top(),
            area.width() - split - theme.gap,
            area.height(),
        )
        return facts, rest

    def facts(self) -> list[tuple[str, str]]:
        status, text = self.status, self.session.text
        if status is None:
            return []
        rate = f"{status.frame_rate:.0f} fps" if status.frame_rate else text("admin.idle")
        return [
            (text("admin.version"), status.version),
            (text("admin.content_folder"), status.content_folder),
            (text("admin.content_version"), status.content_version),
            (text("admin.uptime"), status.uptime),
            (text("admin.frame_rate"), rate),
            (text("admin.memory"), status.memory),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        theme, palette, lang = self.theme, self.theme.palette, self.session.language
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), palette.color("ground"))
        painter.setPen(palette.color("text"))
        painter.setFont(theme.font("headline", lang))
        title = QRectF(theme.margin, theme.margin, self.width() / 2, theme.touch)
        painter.drawText(title, LEFT, self.session.text("admin.title"))
        if self.status is None:
            return
        facts, rest = self.columns()
        label_font, value_font = theme.font("caption", lang), theme.font("body", lang)
        y = facts.top()
        for label, value in self.facts():
            painter.setFont(label_font)
            painter.setPen(palette.color("text_dim"))
            painter.drawText(QRectF(facts.left(), y, facts.width(), theme.px(34)), LEFT, label)
            painter.setFont(value_font)
            painter.setPen(palette.color("text"))
            shown = QFontMetrics(value_font).elidedText(
                value, Qt.TextElideMode.ElideMiddle, round(facts.width())
            )
            painter.drawText(
                QRectF(facts.left(), y + theme.px(34), facts.width(), theme.px(44)), LEFT, shown
            )
            y += theme.px(92)
        self._paint_lists(painter, rest)

    def lines(self) -> list[tuple[str, str]]:
        """Every line of the right-hand column as (role, text): headings, notices, problems, log."""
        status, text = self.status, self.session.text
        if status is None:
            return []
        lines: list[tuple[str, str]] = [(role, notice) for notice, role in status.notices]
        lines.append(("heading", f"{text('admin.problems')} ({len(status.problems)})"))
        if not status.problems:
            lines.append(("dim", text("admin.no_problems")))
        for problem in status.problems[:MAX_PROBLEMS]:
            lines.append(("text", problem))
        if len(status.problems) > MAX_PROBLEMS:
            lines.append(("dim", f"… +{len(status.problems) - MAX_PROBLEMS}"))
        lines.append(("heading", text("admin.log")))
        lines.extend(("log", line) for line in status.log_lines)
        return lines

    def _paint_lists(self, painter: QPainter, area: QRectF) -> None:
        theme, palette, lang = self.theme, self.theme.palette, self.session.language
        log_font = theme.font("caption", lang)
        log_font.setPixelSize(theme.px(SECONDARY_PX))
        fonts = {"heading": theme.font("title", lang), "log": log_font}
        colors = {"dim": "text_dim", "log": "text_dim", "warm": "warm", "accent": "accent"}

        def height(role: str) -> float:
            metrics = QFontMetrics(fonts.get(role, theme.font("caption", lang)))
            return metrics.height() * (1.5 if role == "heading" else 1.25)

        lines = self.lines()
        fixed = sum(height(role) for role, _ in lines if role != "log")
        room = max(0, int((area.height() - fixed) // height("log")))
        logs = [i for i, (role, _) in enumerate(lines) if role == "log"]
        dropped = set(logs[: max(0, len(logs) - room)])  # the newest log lines count most
        y = area.top()
        for index, (role, line) in enumerate(lines):
            if index in dropped:
                continue
            step = height(role)
            if y + step > area.bottom() + 1:
                break
            font = fonts.get(role, theme.font("caption", lang))
            painter.setFont(font)
            painter.setPen(palette.color(colors.get(role, "text")))
            shown = QFontMetrics(font).elidedText(
                line, Qt.TextElideMode.ElideRight, round(area.width())
            )
            painter.drawText(QRectF(area.left(), y, area.width(), step), LEFT, shown)
            y += step
