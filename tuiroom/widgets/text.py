"""A line of text that is updated only when it changed: a countdown ticks every second,
and most of what surrounds it does not change with it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class Line(Static):
    """A Static that remembers what it shows, so an unchanged value costs no repaint."""

    shown: str | Content | None = None

    def show(self, value: str | Content) -> None:
        if self.shown != value:
            self.shown = value
            self.update(value)

    def show_line(self, value: str) -> None:
        """Show `value`, or take the line away entirely when there is nothing to say."""
        self.show(value)
        self.display = bool(value)
