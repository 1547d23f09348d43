"""Industry chain: the four layers and the brain / cerebellum / limbs picture, both touchable."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QEasingCurve, QVariantAnimation
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Company
from kiosk.ui.pages.base import PageView
from kiosk.ui.pages.chain.chain_detail import ChainDetail, texts
from kiosk.ui.pages.chain.chain_diagram import ChainDiagram
from kiosk.ui.pages.chain.parts_figure import PartsFigure
from kiosk.ui.session import Session
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.motion import play
from kiosk.ui.widgets.scroll import add_scrolling
from kiosk.ui.widgets.text import TextLabel

ENTRANCE_MS = 1500


class ChainPage(PageView):
    """Tap a layer or a part to see its companies and products."""

    page_id = "chain"

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(session, theme, parent)
        self.title = TextLabel(self)
        self.caption = TextLabel(self, role="dim")
        self.layers_heading = TextLabel(self, role="accent")
        self.parts_heading = TextLabel(self, role="accent")
        self.diagram = ChainDiagram(theme, self)
        self.diagram.layer_clicked.connect(lambda i: self.show_detail(f"layer-{i}"))
        self.figure = PartsFigure(theme, self)
        self.figure.part_clicked.connect(lambda i: self.show_detail(f"part-{i}"))
        left, right = QVBoxLayout(), QVBoxLayout()
        for column, heading, widget in (
            (left, self.layers_heading, self.diagram),
            (right, self.parts_heading, self.figure),
        ):
            column.setSpacing(theme.px(16))
            column.addWidget(heading)
            column.addWidget(widget, 1)
        # one under the other in portrait, and in reach mode's square, where side by side
        # leaves each column too narrow for its words
        body = QBoxLayout(
            QBoxLayout.Direction.TopToBottom
            if theme.portrait or theme.reach_square
            else QBoxLayout.Direction.LeftToRight
        )
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(theme.margin)
        body.addLayout(left, 11)
        body.addLayout(right, 9)
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, theme.page_top, m, theme.page_bottom)  # clear of the dots
        layout.setSpacing(theme.px(8))
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addSpacing(theme.px(8))  # the page dots' row takes the room at the foot
        # The layers and the figure fill the screen; in larger text, or in reach mode's shorter
        # room, they may not fit, and scroll as the key-figures spread does, rather than
        # squeeze the layers into each other.
        if theme.access.reflows:
            self.figure.natural_height = True  # beside the layers, not stretched to them
            right.setStretchFactor(self.figure, 0)
            right.addStretch(1)
        self.scroll = add_scrolling(layout, self, body, "chain", theme.access.reflows, theme)
        self.detail = ChainDetail(theme, self)
        self.detail.closed.connect(self._on_detail_closed)
        self.entrance = QVariantAnimation(self)
        self.entrance.setDuration(ENTRANCE_MS)
        self.entrance.setEasingCurve(QEasingCurve.Type.Linear)  # each element eases itself
        self.entrance.setStartValue(0.0)
        self.entrance.setEndValue(1.0)
        self.entrance.valueChanged.connect(self._on_entrance)
        self.rebuild()
        self.retranslate()

    def rebuild(self) -> None:
        self.detail.dismiss(animate=False)
        self.diagram.set_layers(list(self.content.layers.values()))

    def retranslate(self) -> None:
        lang = self.session.language
        self.set_heading(self.title, self.caption)
        for heading, key in (
            (self.layers_heading, "chain.layers"),
            (self.parts_heading, "chain.parts"),
        ):
            heading.setFont(self.theme.font("title", lang))
            heading.setText(self.session.text(key))
        self.diagram.set_language(self.content, lang)
        self.figure.set_parts(list(self.content.parts.values()), self.content, lang)
        # the open detail follows the language, also while the page is off screen (the attract
        # loop leaves one open on a page it moves on from, then rotates the language)
        if self.detail.is_open:
            self._fill_detail(self.detail.detail_id)
        elif not self.detail.isHidden():  # it was closing: gone at once, not in the old language
            self.detail.dismiss(animate=False)

    # --- details -----------------------------------------------------------------------------

    def details(self) -> list[str]:
        return [f"layer-{i}" for i in self.content.layers] + [
            f"part-{i}" for i in self.content.parts if i in self.figure.spots
        ]

    def companies_of(self, detail_id: str) -> list[Company]:
        """The companies a detail lists, in the order of companies.csv."""
        kind, _, key = detail_id.partition("-")
        companies = self.content.companies.values()
        if kind == "layer":
            return [c for c in companies if c.layer == key]
        return [c for c in companies if key in c.parts]

    def show_detail(self, detail_id: str) -> None:
        if detail_id not in self.details():
            return
        kind, _, key = detail_id.partition("-")
        self.diagram.select(key if kind == "layer" else None)  # first: the detail's picture
        self.figure.select(key if kind == "part" else None)  # of the page shows the choice
        chosen = [b for b in self.diagram.blocks if b.selected] or [self.figure]
        if self.scroll is not None:  # a scrolled page brings the choice into view
            self.scroll.ensureWidgetVisible(chosen[0], 0, 0)
        # the panel stands beside the diagram in landscape; in portrait above or below the
        # block tapped (kept clear of the whole diagram, it had a strip for one company)
        keep = self.diagram if kind == "layer" and not self.theme.portrait else chosen[0]
        self.detail.keep_clear(keep)
        self._fill_detail(detail_id)

    def _fill_detail(self, detail_id: str) -> None:
        lang = self.session.language
        content = self.content
        kind, _, key = detail_id.partition("-")
        extras: list[tuple[str, list[str]]] = []
        if kind == "layer":
            layer = content.layers[key]
            title, subtitle = layer.name.get(lang), layer.covers.get(lang)
            notes = [n.text for n in content.chain_notes.values() if n.layer == key]
            kinds = [t.name for t in content.terminals.values() if t.layer == key]
            if kinds:  # the device kinds terminals.csv lists under this layer
                extras.append((self.session.text("chain.terminals"), texts(kinds, lang)))
            extras.append((self.session.text("chain.notes"), texts(notes, lang)))
        else:
            part = content.parts[key]
            title, subtitle = part.name.get(lang), part.stands_for.get(lang)
        labels = {
            "back": self.session.text("detail.back"),
            "badge": self.session.text("chain.badge"),
            "empty": self.session.text("page.empty"),
        }
        self.detail.open(
            detail_id, title, subtitle, self.companies_of(detail_id), extras, labels, lang
        )

    def advance(self) -> bool:
        """Autoplay: open the next layer or part; after the last, close and report the end."""
        order = self.details()
        current = self.detail.detail_id if self.detail.is_open else ""
        index = order.index(current) + 1 if current in order else 0
        if index >= len(order):
            self.detail.dismiss()
            return False
        self.show_detail(order[index])
        return True

    def _on_detail_closed(self) -> None:
        self.diagram.select(None)
        self.figure.select(None)

    # --- motion ------------------------------------------------------------------------------

    def _on_entrance(self, value: float) -> None:
        progress = float(value)
        self.diagram.set_appear(min(1.0, progress / 0.75))
        self.figure.set_appear(max(0.0, (progress - 0.35) / 0.65))

    def enter(self) -> None:
        self.entrance.stop()
        self._on_entrance(0.0)
        play(self.entrance, self.theme.motion)

    def leave(self) -> None:
        self.settle()

    def settle(self) -> None:
        self.entrance.stop()
        self._on_entrance(1.0)
        self.detail.settle()

    def reset(self) -> None:
        self.detail.dismiss(animate=False)

    def close_details(self) -> None:
        self.detail.dismiss(animate=self.isVisible())

    def running_animations(self) -> int:
        running = QAbstractAnimation.State.Running
        return int(self.entrance.state() == running) + int(self.detail.animating)

    def resizeEvent(self, event) -> None:
        self.detail.setGeometry(self.rect())
        super().resizeEvent(event)
