"""TextLabel in the kiosk's window: type for distance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import TextLabel


def test_body_text_in_a_window_is_cut_rather_than_shrunk_below_body_size(qtbot) -> None:
    """In the kiosk's window a body text that does not fit keeps the theme's body size (28 px
    at 1080p) and is cut with "…"; outside a window it may shrink to its share of the size."""
    from tests.helpers.ui import make_window

    window = make_window(qtbot)
    theme = window.theme
    inside = TextLabel(window, wrap=False)
    inside.setFont(theme.font("body", "en"))
    inside.setText("A sentence far too long for the narrow room it is given here")
    inside.setGeometry(10, 10, theme.px(300), theme.px(60))
    inside.show()
    qtbot.waitUntil(lambda: inside.text() != "")
    assert inside.font().pixelSize() == theme.px(28)
    assert inside.text().endswith("…") and inside.elided
    loose = TextLabel(wrap=False)
    qtbot.addWidget(loose)
    loose.setFont(theme.font("body", "en"))
    loose.setText("A sentence far too long for the narrow room it is given here")
    loose.setGeometry(10, 10, theme.px(300), theme.px(60))
    loose.show()
    qtbot.waitUntil(lambda: loose.font().pixelSize() < theme.px(28))


def test_a_title_never_leaves_one_word_alone_on_its_last_line(qtbot) -> None:
    """In portrait English "AI" sat alone on the title's second line: a balanced title splits
    into lines of about the same length, and no text ends on one CJK character."""
    from PySide6.QtGui import QFontMetricsF

    from tests.helpers.ui import make_window

    window = make_window(qtbot, size=(1080, 1920))
    theme = window.theme
    font = theme.font("headline", "en")
    words = "Shenzhen, City of AI"
    room = round(QFontMetricsF(font).horizontalAdvance("Shenzhen, City of ")) + 8
    title = TextLabel(window, balance=True)
    body = TextLabel(window)
    for label, text, lang in (
        (title, words, "en"),
        (body, "深圳正以前所未有的速度推动产业崛起", "zh-Hans"),
    ):
        label.setFont(theme.font("headline", lang))
        label.setText(text)
        label.show()
    chinese = QFontMetricsF(body.font()).horizontalAdvance("深圳正以前所未有的速度推动产业崛起")
    title.setGeometry(0, 0, room, theme.px(300))
    body.setGeometry(0, 400, round(chinese - body.font().pixelSize() / 2), theme.px(300))
    qtbot.waitUntil(lambda: "\n" in QLabel.text(title) and "\n" in QLabel.text(body))
    assert QLabel.text(title).split("\n") == ["Shenzhen, ", "City of AI"]
    assert len(QLabel.text(body).split("\n")[-1]) >= 2  # not "起" alone
    assert title.text() == words  # the chosen breaks are not part of the text
    assert body.text() == "深圳正以前所未有的速度推动产业崛起"


def test_large_text_is_drawn_once_and_copied_the_same_as_qt_draws_it(qtbot) -> None:
    """Over Qt's glyph-cache size a label paints a picture of its text (Qt would fill every
    glyph from its outlines on each paint); the picture is what QLabel draws, and a new text
    or colour draws a new one."""
    from PySide6.QtGui import QImage

    from kiosk.app import application
    from kiosk.ui.widgets.text import CACHED_GLYPH_PX

    application()
    theme = Theme(3840, 2160)

    def ink(image: QImage) -> list[tuple[int, int]]:
        return [
            (x, y)
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if image.pixelColor(x, y).green() > 100
        ]

    label = TextLabel(align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
    qtbot.addWidget(label)
    label.setStyleSheet("background: #070F24; color: #38E1FF;")
    font = theme.font("headline", "en")
    font.setPixelSize(CACHED_GLYPH_PX * 2)
    label.setFont(font)
    label.setText("Shenzhen 深圳 368.5, words that wrap onto a second line")
    label.resize(1600, 500)
    label.show()
    qtbot.waitExposed(label)
    cached = label.grab().toImage()
    first = label._picture.cacheKey()
    label.cache_off = True
    drawn = label.grab().toImage()
    label.cache_off = False
    assert len(ink(drawn)) > 5000
    assert ink(cached) == ink(drawn)
    label.grab()
    assert label._picture.cacheKey() == first  # the same picture, not drawn again
    label.setText("Another text")
    assert ink(label.grab().toImage()) != ink(cached)
    label.setStyleSheet("background: #070F24; color: #070F24;")
    assert ink(label.grab().toImage()) == []  # its colour is part of the picture
