"""A tally as horizontal bars, label and number on each line, large and plain enough to
read off a projector. One row is highlighted: the one the facilitator merges or splits.

All rows are one renderable, like the cards: a list of forty values is one widget.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from tuiroom.answers.summaries import ChartRow, bar, fit, label_room


class BarChart(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("up", "move(-1)", "summary.key.row_up", show=False),
        Binding("down", "move(1)", "summary.key.row_down", show=False),
        Binding("home", "move(-10000)", "summary.key.first", show=False),
        Binding("end", "move(10000)", "summary.key.last", show=False),
    ]
    DEFAULT_CSS = """
    BarChart { height: 1fr; scrollbar-gutter: stable; }
    BarChart > Static { width: 1fr; }
    """

    class Moved(Message):
        """The highlight moved, so whoever shows the row's details can follow it."""

        def __init__(self, chart: BarChart, row: ChartRow | None) -> None:
            super().__init__()
            self.chart = chart
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: tuple[ChartRow, ...] = ()
        self.maximum = 1.0
        self.selected = 0

    def compose(self) -> ComposeResult:
        yield Static(markup=False)

    @property
    def current(self) -> ChartRow | None:
        return self.rows[self.selected] if self.rows else None

    def show(self, rows: Sequence[ChartRow], maximum: float, keep: str | None = None) -> None:
        """New rows; the highlight stays on `keep` (a key) if it is still there."""
        self.rows = tuple(rows)
        self.maximum = maximum
        keys = [row.key for row in self.rows]
        if keep in keys:
            self.selected = keys.index(keep)
        self.selected = min(self.selected, max(0, len(self.rows) - 1))
        self.draw()
        self.post_message(self.Moved(self, self.current))

    def gap(self) -> int:
        """A blank line between bars when they all fit with it: easier from the back row."""
        return 1 if 2 * len(self.rows) <= (self.size.height or 0) else 0

    def draw(self) -> None:
        width = max(10, self.scrollable_content_region.width or 80)
        self.query_one(Static).update(self.render_rows(width))

    def render_rows(self, width: int) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        if not self.rows:
            return text
        colour = self.app.theme_variables.get("primary", "cyan")
        number_width = max(len(row.number) for row in self.rows)
        label_width = label_room(self.rows, width - number_width - 5)
        bar_width = max(1, width - label_width - number_width - 5)
        chosen = "bold reverse" if self.has_focus else "bold underline"
        for index, row in enumerate(self.rows):
            if index:
                text.append("\n" * (1 + self.gap()))
            style = chosen if index == self.selected else "bold"
            text.append(f" {fit(row.label, label_width)} ", style=style)
            text.append(bar(row.value, self.maximum, bar_width).ljust(bar_width), style=colour)
            text.append(f" {row.number:>{number_width}} ", style=style)
        return text

    def action_move(self, step: int) -> None:
        if not self.rows:
            return
        self.selected = min(max(self.selected + step, 0), len(self.rows) - 1)
        self.draw()
        self.scroll_to_row(self.selected)
        self.post_message(self.Moved(self, self.current))

    def scroll_to_row(self, index: int) -> None:
        y = index * (1 + self.gap())
        height = self.scrollable_content_region.height or 1
        if y < self.scroll_y:
            self.scroll_to(y=y, animate=False)
        elif y >= self.scroll_y + height:
            self.scroll_to(y=y - height + 1, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.draw()

    def on_focus(self) -> None:
        self.draw()

    def on_blur(self) -> None:
        self.draw()
