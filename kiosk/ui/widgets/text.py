"""Labels that show content as plain text, never as HTML, and always fit the room they are given.

Every label of the kiosk is a :class:`TextLabel`. A label never decides its parent's width: its
minimum width is about one letter, and a wrapping label reports the height it needs for a width
(``heightForWidth``). When its text does not fit its room, it wraps (a wrapping label, up to
``max_lines``), then shrinks towards the floor the theme sets (:func:`kiosk.ui.theme.text_floor`),
and only then cuts the text with "…" at a word boundary (or between CJK characters).
``text()`` is what is shown; ``full_text`` is what was set.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QTextLayout,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.ui.theme import TEXT_FLOOR, Theme, text_floor

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's 'no maximum' for a widget's size

ELLIPSIS = "…"
HINT_EM = 16  # a wrapping label asks for at most this many ems of width
_TRAILING = " \t,;:·-–—、，；："
_SLACK = 0.5  # pixels of rounding a line may exceed its width by


@dataclass(frozen=True)
class Fitted:
    """How a text is shown in a room: the font, the (possibly cut) text, whether it was cut."""

    font: QFont
    text: str
    elided: bool


def _wide(char: str) -> bool:
    """A CJK (wide) character: a line may break, and a text be cut, next to it."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _sized(font: QFont, pixel_size: int) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(max(1, pixel_size))
    return sized


def _pixel_size(font: QFont) -> int:
    return font.pixelSize() if font.pixelSize() > 0 else round(QFontMetricsF(font).height())


def wrapped_lines(text: str, font: QFont, width: float) -> list[tuple[int, float]]:
    """Each line's start and natural width when ``text`` is word-wrapped at ``width``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[tuple[int, float]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        line.setPosition(QPointF(0, 0))
        lines.append((line.textStart(), line.naturalTextWidth()))
    layout.endLayout()
    return lines


def elide_line(text: str, font: QFont, width: float) -> str:
    """``text`` on one line of ``width``: whole if it fits, else cut at a word boundary (or a
    character boundary next to CJK, or inside a word longer than the line) and ended with '…'."""
    text = " ".join(text.split("\n"))
    metrics = QFontMetricsF(font)
    if metrics.horizontalAdvance(text) <= width + _SLACK:
        return text
    room = width - metrics.horizontalAdvance(ELLIPSIS)
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if metrics.horizontalAdvance(text[:mid]) <= room:
            low = mid
        else:
            high = mid - 1
    cut = low
    inside_word = 0 < cut < len(text) and not (
        text[cut].isspace() or text[cut - 1].isspace() or _wide(text[cut]) or _wide(text[cut - 1])
    )
    if inside_word:
        space = text.rfind(" ", 0, cut)
        if space > 0:
            cut = space
    return text[:cut].rstrip(_TRAILING) + ELLIPSIS


ORPHAN_LETTERS = 3  # a last line of one word this short ("AI", "of") reads as left over
_SETTLE_STEPS = 16  # widths tried when moving a break back


def _orphan(line: str) -> bool:
    """A last line that reads as left over: one CJK character (with its punctuation, "起。")
    or one short word ("AI")."""
    body = line.strip()
    letters = [c for c in body if not unicodedata.category(c).startswith("P")]
    if not letters:
        return False
    if all(_wide(c) for c in letters):
        return len(letters) == 1
    return " " not in body and len(letters) <= ORPHAN_LETTERS


def settle_breaks(text: str, font: QFont, width: float, balance: bool = False) -> str:
    """``text`` with its line breaks moved to read well at ``width``, as explicit newlines (the
    same number of lines, every line within ``width``): ``balance`` gives every line about the
    same length (titles); otherwise only a last line that is left over (one CJK character, one
    short word) takes a word or character from the line above. Unchanged when nothing is better
    or the text has its own newlines. Removing the newlines gives ``text`` back."""
    if "\n" in text or width <= 0:
        return text
    lines = wrapped_lines(text, font, width)
    count = len(lines)
    if count < 2 or (not balance and not _orphan(text[lines[-1][0] :])):
        return text

    def keeps(room: float) -> list[tuple[int, float]] | None:
        found = wrapped_lines(text, font, room)
        fits = len(found) == count and all(n <= room + _SLACK for _, n in found)
        return found if fits else None

    chosen: list[tuple[int, float]] | None = None
    if balance:  # the narrowest room that keeps the count: the lines even out
        low, high = width * (count - 1) / count, width
        while high - low > 1:
            middle = (low + high) / 2
            if keeps(middle) is not None:
                high = middle
            else:
                low = middle
        chosen = keeps(high)
    if chosen is None or _orphan(text[chosen[-1][0] :]):
        chosen = None
        for step in range(1, _SETTLE_STEPS + 1):  # the widest room with no line left over
            found = keeps(width * (1 - 0.3 * step / _SETTLE_STEPS))
            if found is not None and not _orphan(text[found[-1][0] :]):
                chosen = found
                break
    if chosen is None:
        return text
    starts = [start for start, _ in chosen] + [len(text)]
    return "\n".join(text[a:b] for a, b in zip(starts, starts[1:], strict=False))


def _fits(
    text: str, font: QFont, width: float, max_lines: int, wrap: bool, height: int | None
) -> bool:
    if not wrap:
        advance = QFontMetricsF(font).horizontalAdvance
        return all(advance(line) <= width + _SLACK for line in text.split("\n"))
    lines = wrapped_lines(text, font, width)
    if len(lines) > max_lines or any(natural > width + _SLACK for _, natural in lines):
        return False
    if height is None:
        return True
    return _wrapped_height(text, font, round(width)) <= height + 2


def _wrapped_height(text: str, font: QFont, width: int) -> int:
    flags = int(Qt.TextFlag.TextWordWrap)
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width), 10**6), flags, text).height()


def fit_text(
    text: str,
    font: QFont,
    width: float,
    *,
    wrap: bool = True,
    max_lines: int = 0,
    height: int | None = None,
    sizing: list[str] | None = None,
    floor: float = TEXT_FLOOR,
    minimum: int = 0,
) -> Fitted:
    """``text`` fitted into ``width`` (and ``height``, if given): wrapped in at most
    ``max_lines`` lines (0: any), else at the largest size down to the theme's floor that fits,
    else cut with '…' at the floor. ``sizing``: the texts to choose the size for (a count-up's
    widest values), when they are not ``text`` itself; ``floor``: the theme's share of the size
    it may shrink to; ``minimum``: the pixel size it never shrinks below (the theme's reading
    minimum), whatever the share."""
    lines = max_lines if max_lines > 0 else (10**6 if wrap else 1)
    texts = sizing or [text]
    base = _pixel_size(font)

    def fits(size: int) -> bool:
        sized = _sized(font, size)
        return all(_fits(t, sized, width, lines, wrap, height) for t in texts)

    if width <= 0 or not text or fits(base):
        chosen = base
    else:
        low, high = max(text_floor(base, floor), min(minimum, base)), base - 1
        if not fits(low):
            chosen = low
        else:
            while low < high:  # the largest size that fits
                mid = (low + high + 1) // 2
                if fits(mid):
                    low = mid
                else:
                    high = mid - 1
            chosen = low
    shown_font = _sized(font, chosen) if chosen != base else QFont(font)
    if width <= 0 or not text or _fits(text, shown_font, width, lines, wrap, height):
        return Fitted(shown_font, text, False)
    return Fitted(shown_font, _cut(text, shown_font, width, lines, wrap, height), True)


def _cut(
    text: str, font: QFont, width: float, max_lines: int, wrap: bool, height: int | None
) -> str:
    if not wrap:
        return elide_line(text, font, width)
    if height is not None:  # no more lines than the height holds
        line_px = QFontMetricsF(font).lineSpacing()
        max_lines = max(1, min(max_lines, int((height + 2) / max(1.0, line_px))))
    shown = text
    for _attempt in range(4):  # a cut line may wrap again by a rounding: cut a little more
        lines = wrapped_lines(text, font, width)
        last = min(len(lines), max_lines) - 1
        for index, (_, natural) in enumerate(lines[: last + 1]):
            if natural > width + _SLACK:  # a word longer than the line: cut there
                last = index
                break
        start = lines[last][0]
        shown = text[:start] + elide_line(text[start:], font, width - 2)
        if _fits(shown, font, width, max_lines, True, height):
            return shown
        max_lines = max(1, max_lines - 1) if height is not None else max_lines
        width -= 2
    return shown


# Qt's software painter keeps pictures of glyphs up to 64 px (QT_MAX_CACHED_GLYPH_SIZE; raising
# it draws nothing at all from this font engine, checked) and fills larger ones from outlines.
CACHED_GLYPH_PX = 64


def _scaled(rect: QRect, ratio: float) -> QRect:
    """``rect`` in a picture's device pixels."""
    if ratio == 1.0:
        return rect
    return QRect(
        round(rect.x() * ratio),
        round(rect.y() * ratio),
        round(rect.width() * ratio),
        round(rect.height() * ratio),
    )


class TextLabel(QLabel):
    """A plain-text label with a style role (``dim``, ``accent``, ``warm``) that fits its room.

    ``wrap``: wraps onto at most ``max_lines`` lines (0: as many as its height allows), else one
    line. ``fill``: a wrapping label that takes the height its layout has left (asking for
    one line) and shows the lines that fit there, or nothing when not even one does (a card's
    summary whose detail view shows it all). ``set_sizing`` names texts to choose the font
    size for (a count-up's widest values) so that the size stays put while the text changes.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        role: str = "",
        wrap: bool = True,
        max_lines: int = 0,
        floor: float = TEXT_FLOOR,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        fill: bool = False,
        balance: bool = False,
    ) -> None:
        super().__init__(parent)
        self._wrap = wrap
        self._balance = balance
        self._broken = False  # newlines of settle_breaks are in what is shown
        self._fill = fill and wrap
        self.max_lines = max_lines
        self.floor = floor
        self.full_text = ""
        self.elided = False
        self._base = QFont(self.font())
        self._sizing: list[str] = []
        self._sized_font: QFont | None = None  # the font chosen for ``_sizing`` at this width
        self._laid_out = False
        self._late = False
        self._font_pending = False
        self._hfw: dict[int, int] = {}
        self._picture = (
            QPixmap()
        )  # its text drawn once, when Qt would fill outlines (see paintEvent)
        self._picture_key: tuple[object, ...] = ()
        self.cache_off = False  # draw as QLabel does, every time (a test compares the two)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setWordWrap(wrap)
        if self._fill:  # the room it fills may be taller than its lines: they start at the top
            align = (align & ~Qt.AlignmentFlag.AlignVertical_Mask) | Qt.AlignmentFlag.AlignTop
        self.setAlignment(align)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        if self._fill:
            policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        elif wrap:
            policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
            policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        if role:
            self.setProperty("role", role)

    # what is set ---------------------------------------------------------------------------

    def setText(self, text: str) -> None:
        text = str(text)
        if text == self.full_text:
            return
        self.full_text = text
        self._font_pending = False  # fitted once, for the new font and text together
        self._changed()

    def setFont(self, font: QFont) -> None:
        """The font to show the text in (before fitting). A placed label fits to it at the
        next turn of the event loop, or at once with the next :meth:`setText`: a language
        switch sets both, and fitting costs more than the rest of the switch."""
        self._base = QFont(font)
        self._sized_font = None
        if not self._laid_out:
            self._changed()
            return
        self._hfw.clear()
        self.updateGeometry()
        if not self._font_pending:
            self._font_pending = True
            QTimer.singleShot(0, self, self._apply_font)

    def _apply_font(self) -> None:
        if self._font_pending:
            self._font_pending = False
            self._changed()

    def set_sizing(self, texts: list[str]) -> None:
        """Choose the font size for ``texts`` (all must fit), not for the current text."""
        self._sizing = [t for t in texts if t]
        self._sized_font = None
        self._changed()

    def setWordWrap(self, on: bool) -> None:
        self._wrap = on
        super().setWordWrap(on)

    def _changed(self) -> None:
        self._hfw.clear()
        self._refit(to_height=False)
        self.updateGeometry()
        if self._wrap and self._laid_out and not self._late:
            # the layout first gives the new text the height it asks for; then fit to that
            self._late = True
            QTimer.singleShot(0, self, self._late_refit)

    def _late_refit(self) -> None:
        self._late = False
        if not self.elided and self.full_text:  # whole: refit only if it overflows its height
            room = self.contentsRect()
            if _wrapped_height(self.full_text, self.font(), room.width()) <= room.height() + 2:
                return
        self._refit()

    # fitting --------------------------------------------------------------------------------

    def _room(self, to_height: bool) -> tuple[int, int | None]:
        """The width the text has, and its height when it wraps (a layout that cannot give it
        the height it asks for gets a text cut to the lines that fit)."""
        rect = self.contentsRect()
        return rect.width(), (rect.height() if self._wrap and to_height else None)

    def _refit(self, to_height: bool = True) -> None:
        if not self._laid_out:  # not placed yet: no room to fit to, show it as it is
            self._show(Fitted(QFont(self._base), self.full_text, False))
            return
        width, height = self._room(to_height)
        if (
            self._fill
            and self.full_text
            and self.contentsRect().height() + 2 < self._floor_line_height()
        ):
            self._show(Fitted(QFont(self._base), "", True))  # not one line: nothing
            return
        if self._sizing and not self._wrap:
            if self._sized_font is None:
                self._sized_font = fit_text(
                    self._sizing[0],
                    self._base,
                    width,
                    wrap=False,
                    sizing=self._sizing,
                    floor=self.floor,
                    minimum=self._minimum(),
                ).font
            font = self._sized_font
            shown = elide_line(self.full_text, font, width) if width > 0 else self.full_text
            self._show(Fitted(font, shown, shown != self.full_text))
            return
        self._show(
            fit_text(
                self.full_text,
                self._base,
                width,
                wrap=self._wrap,
                max_lines=self.max_lines,
                height=height,
                sizing=self._sizing or None,
                floor=self.floor,
                minimum=self._minimum(),
            )
        )

    def text(self) -> str:
        """What is shown, as one text (the line breaks chosen for it are not part of it)."""
        shown = super().text()
        return shown.replace("\n", "") if self._broken else shown

    def _show(self, fitted: Fitted) -> None:
        self.elided = fitted.elided
        width = self.contentsRect().width()
        self._broken = False
        if self._wrap and self._laid_out and not fitted.elided and fitted.text:
            settled = settle_breaks(fitted.text, fitted.font, width, self._balance)
            if settled != fitted.text:
                self._broken = True
                fitted = Fitted(fitted.font, settled, False)
        if fitted.font != super().font():
            super().setFont(fitted.font)
        if fitted.text != super().text():
            super().setText(fitted.text)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Text larger than Qt's glyph cache (``CACHED_GLYPH_PX``) is drawn once into a picture
        and the picture is what each paint copies: Qt fills such glyphs from their outlines
        every time (11.7 ms for one line at 208 px, 0.03 ms from a picture), which made every
        frame of a moving page at 4K miss its budget. Smaller text Qt draws from its cache."""
        ratio = self.devicePixelRatioF()
        if self.cache_off or super().font().pixelSize() * ratio <= CACHED_GLYPH_PX:
            super().paintEvent(event)
            return
        margins = self.contentsMargins()
        key = (
            super().text(),
            super().font().key(),
            self.size(),
            ratio,
            self.palette().color(self.foregroundRole()).rgba(),
            int(self.alignment()),
            (margins.left(), margins.top(), margins.right(), margins.bottom()),
            self.isEnabled(),
        )
        if key != self._picture_key:
            picture = QPixmap(self.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            drawing = QPainter(picture)
            drawing.setFont(super().font())
            flags = int(self.alignment())
            if self.wordWrap():
                flags |= int(Qt.TextFlag.TextWordWrap)
            self.style().drawItemText(  # what QLabel does with plain text
                drawing,
                self.contentsRect(),
                flags,
                self.palette(),
                self.isEnabled(),
                super().text(),
                self.foregroundRole(),
            )
            drawing.end()
            self._picture, self._picture_key = picture, key
        painter = QPainter(self)
        painter.drawPixmap(event.rect(), self._picture, _scaled(event.rect(), ratio))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._laid_out = True
        if event.oldSize().width() != event.size().width():
            self._sized_font = None
        self._refit()

    # what the label asks of its layout -----------------------------------------------------

    def _margins(self) -> tuple[int, int]:
        m = self.contentsMargins()
        return m.left() + m.right(), m.top() + m.bottom()

    def _natural_width(self) -> int:
        metrics = QFontMetricsF(self._base)
        texts = self._sizing or [self.full_text]
        return round(max(metrics.horizontalAdvance(line) for t in texts for line in t.split("\n")))

    def sizeHint(self) -> QSize:
        dx, dy = self._margins()
        natural = self._natural_width() + 1
        if not self._wrap:
            lines = max(1, self.full_text.count("\n") + 1)
            return QSize(natural + dx, QFontMetrics(self._base).height() * lines + dy)
        width = min(natural, HINT_EM * _pixel_size(self._base)) + dx
        if self._fill:
            return QSize(width, QFontMetrics(self._base).height() + dy)
        return QSize(width, self.heightForWidth(width))

    def _minimum(self) -> int:
        """The theme's reading minimum for this text's size (none before it is in a window)."""
        theme = getattr(self.window(), "theme", None)
        return theme.reading_minimum(_pixel_size(self._base)) if isinstance(theme, Theme) else 0

    def _floor_line_height(self) -> int:
        """One line's height at the smallest size the text may shrink to."""
        base = _pixel_size(self._base)
        floor = max(text_floor(base, self.floor), min(self._minimum(), base))
        return QFontMetrics(_sized(self._base, floor)).height()

    def minimumSizeHint(self) -> QSize:
        """About one letter wide: a text never decides how wide its parent must be."""
        dx, dy = self._margins()
        em = _pixel_size(self._base)
        width = min(self._natural_width() + 1, em) + dx
        if not self._wrap:
            lines = max(1, self.full_text.count("\n") + 1)
            return QSize(width, QFontMetrics(self._base).height() * lines + dy)
        return QSize(width, self._floor_line_height() + dy)

    def hasHeightForWidth(self) -> bool:
        return self._wrap and not self._fill

    def heightForWidth(self, width: int) -> int:
        """The height the text needs at ``width``, as it would be fitted there."""
        if not self._wrap or self._fill:
            return -1
        cached = self._hfw.get(width)
        if cached is not None:
            return cached
        dx, dy = self._margins()
        inner = width - dx
        fitted = fit_text(
            self.full_text,
            self._base,
            inner,
            wrap=True,
            max_lines=self.max_lines,
            sizing=self._sizing or None,
            floor=self.floor,
            minimum=self._minimum(),
        )
        height = _wrapped_height(fitted.text, fitted.font, inner) if fitted.text else 0
        self._hfw[width] = height + dy
        return height + dy


class DrawnText(QWidget):
    """A text a widget draws itself (not a label): what it shows and whether it fits, for the
    layout check and the tests."""

    def text(self) -> str:
        raise NotImplementedError

    def shown_text(self) -> str:
        """The text as drawn (``text()`` cut with "…" where it is cut)."""
        return self.text()

    def overflow(self) -> str:
        """Why the drawn text does not fit the widget, or '' when it does."""
        return ""
