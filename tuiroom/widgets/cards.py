"""Cards for groups, large enough to read from the back of the room: one card per group
with its people or its roles. Used on the groups screen and on the projector.

All cards are drawn as one renderable, so a conference of a hundred groups costs one
widget, not a hundred; the arrow keys move a highlight from card to card and, inside
a card, from line to line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

CARD_WIDTH = 36


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


class Colours(NamedTuple):
    primary: str
    warning: str
    border: str


def card_body(card: Card, colours: Colours, line: int | None) -> Text:
    text = Text()  # a style given to Text() itself would colour every line
    text.append(card.title, style=f"bold {colours.primary}")
    for index, (label, value) in enumerate(card.lines):
        mark = " reverse" if index == line else ""
        if label:
            text.append("\n" + label, style=f"dim{mark}")
        text.append("\n" + value, style=f"bold{mark}")
    if card.note:
        text.append("\n" + card.note, style=f"italic {colours.warning}")
    return text


def grid(
    cards: Sequence[Card], columns: int, colours: Colours, selected: tuple[int, int] | None
) -> RenderableType:
    table = Table.grid(padding=(0, 1), expand=True)
    for _ in range(columns):
        table.add_column(ratio=1)
    for start in range(0, len(cards), columns):
        row = []
        for index in range(start, min(start + columns, len(cards))):
            line = selected[1] if selected is not None and selected[0] == index else None
            chosen = line is not None
            body = card_body(cards[index], colours, line)
            border = colours.primary if chosen else colours.border
            row.append(Panel(body, border_style=border, padding=(0, 1)))
        table.add_row(*row)
    return table


def theme_colours(theme: Mapping[str, str]) -> Colours:
    """The card colours of the current theme: titles, the chosen card, the frame."""
    return Colours(
        theme.get("primary", "yellow"),
        theme.get("warning", "yellow"),
        theme.get("panel", "grey30"),
    )


class CardGrid(VerticalScroll, can_focus=True):
    """The cards, as many across as fit; focusable when a card can be picked."""

    BINDINGS = [
        Binding("left", "card(-1)", "cards.previous", show=False),
        Binding("right", "card(1)", "cards.next", show=False),
        Binding("up", "line(-1)", "cards.line_up", show=False),
        Binding("down", "line(1)", "cards.line_down", show=False),
        Binding("pagedown", "page(1)", "cards_more.page_down", show=False),
        Binding("pageup", "page(-1)", "cards_more.page_up", show=False),
        Binding("home", "select(0)", "cards_more.first", show=False),
        Binding("end", "select(-1)", "cards_more.last", show=False),
    ]
    DEFAULT_CSS = """
    CardGrid { height: 1fr; }
    CardGrid > Static { width: 1fr; }
    """

    def __init__(self, *, picking: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = picking
        self.cards: tuple[Card, ...] = ()
        self.selected = (0, 0)

    def compose(self) -> ComposeResult:
        yield Static(markup=False)

    def show(self, cards: Sequence[Card]) -> None:
        self.cards = tuple(cards)
        card, line = self.selected
        self.selected = (min(card, max(0, len(self.cards) - 1)), line)
        self.draw()

    def columns(self) -> int:
        return max(1, (self.size.width or 120) // CARD_WIDTH)

    def colours(self) -> Colours:
        return theme_colours(self.app.theme_variables)

    def draw(self) -> None:
        chosen = self.selected if self.has_focus and self.cards else None
        self.query_one(Static).update(grid(self.cards, self.columns(), self.colours(), chosen))

    def on_resize(self, event: events.Resize) -> None:
        if self.cards:
            self.draw()

    def on_focus(self) -> None:
        self.draw()

    def on_blur(self) -> None:
        self.draw()

    def action_card(self, step: int) -> None:
        if self.cards:
            card = (self.selected[0] + step) % len(self.cards)
            self.selected = (card, 0)
            self.draw()
            self.scroll_to_card(card)

    def action_line(self, step: int) -> None:
        if not self.cards:
            return
        card, line = self.selected
        lines = len(self.cards[card].lines)
        if lines and 0 <= line + step < lines:
            self.selected = (card, line + step)
        else:  # past the first or last line: the card above or below
            target = card + step * self.columns()
            if 0 <= target < len(self.cards):
                self.selected = (target, 0 if step > 0 else len(self.cards[target].lines) - 1)
                self.scroll_to_card(target)
        self.draw()

    def rows_in_view(self) -> int:
        """About how many rows of cards the grid shows at once."""
        rows = max(1, -(-len(self.cards) // self.columns()))
        row_height = max(1, (self.virtual_size.height or 1) / rows)
        return max(1, int(self.size.height / row_height))

    def action_page(self, step: int) -> None:
        """A screenful of cards further on (or back), as PageDown does in a list."""
        if self.cards:
            card = self.selected[0] + step * self.rows_in_view() * self.columns()
            self.action_select(max(0, min(card, len(self.cards) - 1)))

    def action_select(self, card: int) -> None:
        """Pick card `card` (-1: the last) and bring it into view."""
        if not self.cards:
            return
        self.selected = (card % len(self.cards), 0)
        self.draw()
        self.scroll_to_card(self.selected[0])

    def scroll_to_card(self, card: int) -> None:
        """Keep the picked card in view (rows of cards are about the same height)."""
        row = card // self.columns()
        rows = max(1, -(-len(self.cards) // self.columns()))
        height = self.virtual_size.height or 1
        self.scroll_to(y=row * height / rows, animate=False)
