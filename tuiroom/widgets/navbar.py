"""The top line of every screen: the sections with the current one lit, and at the
right the compact clock (the time left is in sight on every screen)."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tuiroom.i18n import t
from tuiroom.widgets.header_clock import HeaderClock
from tuiroom.widgets.room_app import RoomApp


class NavBar(Static, RoomApp):
    """The sections as wide as they fit: with the programme's title, with every label,
    or (on a narrow screen, beside the clock) the current one's label and the others'
    keys. A label is never cut."""

    DEFAULT_CSS = """
    NavBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self, current: str, title: str = "") -> None:
        super().__init__(id="navbar")
        self.current = current
        self.title = title

    def on_mount(self) -> None:
        self.update(self.render_sections(self.size.width))

    def on_resize(self, event: events.Resize) -> None:
        self.update(self.render_sections(event.size.width))

    def render_sections(self, width: int = 0) -> Content:
        """The richest form of the bar that fits in `width` columns (0: the richest)."""
        labelled = self.sections(short=False)
        titled = labelled + Content.from_markup("  [dim]$title[/]", title=self.title)
        for form in (titled if self.title else labelled, labelled):
            if not width or form.cell_length <= width:
                return form
        return self.sections(short=True)

    def sections(self, short: bool) -> Content:
        parts = []
        for section in self.room_app.sections:
            current = section.name == self.current
            shown = current or not short
            label = f" {section.key} {t(section.label)} " if shown else f" {section.key} "
            style = "bold reverse" if current else ""
            action = f"app.click_section('{section.name}')"
            parts.append(Content.from_markup(f"[{style} @click={action}]$label[/]", label=label))
        return Content("").join(parts)


class TopBar(Horizontal):
    """The section bar and the clock on one line."""

    DEFAULT_CSS = """
    TopBar { height: 1; width: 1fr; background: $panel; }
    """

    def __init__(self, current: str, title: str = "") -> None:
        super().__init__(id="top-bar")
        self.current = current
        self.title = title

    def compose(self) -> ComposeResult:
        yield NavBar(self.current, self.title)
        yield HeaderClock()

    def on_resize(self, event: events.Resize) -> None:
        """The clock takes what the sections leave at their shortest."""
        shortest = self.query_one(NavBar).sections(short=True).cell_length
        self.query_one(HeaderClock).fit(event.size.width - shortest)
