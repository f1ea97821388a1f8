"""One line of tabs, each with its key: lighter than Textual's Tabs (four widgets and
an animated underline) on a screen that must open fast for a large conference."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static


class TabLine(Static):
    """``tabs`` are (id, label, key); a click or the key opens the tab."""

    DEFAULT_CSS = """
    TabLine { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, tabs: list[tuple[str, str, str]], active: str, *, id: str | None = None):
        super().__init__(id=id)
        self.tabs = tabs
        self.active = active

    def on_mount(self) -> None:
        self.show(self.active)

    def show(self, active: str) -> None:
        self.active = active
        line = Text()
        for index, (tab, label, key) in enumerate(self.tabs):
            if index:
                line.append("   ")
            chosen = tab == self.active
            style = f"bold reverse {self.app.theme_variables.get('primary', '')}" if chosen else ""
            line.append(f" {label} ({key}) ", style=style.strip())
        self.update(line)

    async def on_click(self, event: events.Click) -> None:
        """Which tab was clicked, from the x position within the line."""
        x = event.x - 1
        for tab, label, key in self.tabs:
            width = len(f" {label} ({key}) ")
            if 0 <= x < width:
                await self.screen.run_action(f"tab('{tab}')")
                return
            x -= width + 3
