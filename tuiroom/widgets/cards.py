"""Cards for groups, large enough to read from the back of the room: one card per group
with its people or its roles. Used on the groups screen and on the projector.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Static


class Card(NamedTuple):
    title: str
    lines: tuple[tuple[str, str], ...]  # (label, value); a label may be empty
    note: str = ""

    def as_payload(self) -> dict[str, object]:
        return {
            "title": self.title,
            "lines": [list(line) for line in self.lines],
            "note": self.note,
        }


def card_from(payload: dict[str, object]) -> Card:
    lines = payload.get("lines", [])
    pairs = tuple((str(a), str(b)) for a, b in lines) if isinstance(lines, list) else ()
    return Card(str(payload.get("title", "")), pairs, str(payload.get("note", "")))


def card_content(card: Card, selected: int | None = None) -> Content:
    parts: list[str | tuple[str, str]] = [(card.title, "bold $primary")]
    for index, (label, value) in enumerate(card.lines):
        mark = "reverse " if index == selected else ""
        if label:
            parts += ["\n", (label, f"{mark}$text-muted"), "\n", (value, f"{mark}bold")]
        else:
            parts += ["\n", (value, f"{mark}bold")]
    if card.note:
        parts += ["\n", (card.note, "italic $warning")]
    return Content.assemble(*parts)


class CardView(Static, can_focus=True):
    """One card; focusable so a key can act on its group (redraw it, pick a role)."""

    DEFAULT_CSS = """
    CardView {
        height: auto;
        border: round $panel;
        padding: 0 1;
    }
    CardView:focus { border: round $primary; }
    """

    def __init__(self, card: Card, index: int) -> None:
        super().__init__(card_content(card))
        self.card = card
        self.index = index
        self.selected = 0

    def select(self, step: int) -> None:
        if self.card.lines:
            self.selected = (self.selected + step) % len(self.card.lines)
            self.update(card_content(self.card, self.selected))

    def on_focus(self) -> None:
        self.update(card_content(self.card, self.selected))

    def on_blur(self) -> None:
        self.update(card_content(self.card))


class Cards(VerticalScroll):
    """A grid of cards that fills the width: three across on a projector, two on a laptop."""

    DEFAULT_CSS = """
    Cards { height: 1fr; }
    Cards > Grid { grid-size: 3; grid-gutter: 0 1; grid-rows: auto; height: auto; }
    Cards.-narrow > Grid { grid-size: 2; }
    Cards.-wide > Grid { grid-size: 4; }
    """

    def compose(self) -> ComposeResult:
        yield Grid()

    async def show(self, cards: Sequence[Card]) -> None:
        grid = self.query_one(Grid)
        async with self.batch():
            await grid.remove_children()
            await grid.mount_all(CardView(card, n) for n, card in enumerate(cards))

    def on_resize(self) -> None:
        width = self.size.width
        self.set_class(width < 100, "-narrow")
        self.set_class(width >= 160, "-wide")

    def focused_card(self) -> CardView | None:
        focused = self.screen.focused
        return (
            focused if isinstance(focused, CardView) and focused in self.query(CardView) else None
        )
