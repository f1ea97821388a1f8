"""A line of text that is updated only when it changed: a countdown ticks every second,
and most of what surrounds it does not change with it."""

from __future__ import annotations

from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static


class Line(Static):
    """A Static that remembers what it shows, so an unchanged value costs no repaint."""

    shown: str | Content | None = None

    def __init__(
        self,
        content: VisualType = "",
        *,
        markup: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Plain text unless asked: a line shows titles and names people wrote."""
        super().__init__(content, markup=markup, name=name, id=id, classes=classes)

    def show(self, value: str | Content) -> None:
        if self.shown != value:
            self.shown = value
            self.update(value)

    def show_line(self, value: str) -> None:
        """Show `value`, or take the line away entirely when there is nothing to say."""
        self.show(value)
        self.display = bool(value)
