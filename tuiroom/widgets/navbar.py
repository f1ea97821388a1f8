"""The row of sections at the top of every screen, with the current one lit."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tuiroom.i18n import t
from tuiroom.widgets.room_app import RoomApp


class NavBar(Static, RoomApp):
    DEFAULT_CSS = """
    NavBar {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, current: str, title: str = "") -> None:
        super().__init__(id="navbar")
        self.current = current
        self.title = title

    def on_mount(self) -> None:
        self.update(self.render_sections())

    def render_sections(self) -> Content:
        parts = []
        for section in self.room_app.sections:
            label = f" {section.key} {t(section.label)} "
            style = "bold reverse" if section.name == self.current else ""
            action = f"app.click_section('{section.name}')"
            parts.append(Content.from_markup(f"[{style} @click={action}]$label[/]", label=label))
        if self.title:
            parts.append(Content.from_markup("  [dim]$title[/]", title=self.title))
        return Content("").join(parts)
