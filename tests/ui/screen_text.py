"""What the room would read on the screen, as plain text lines."""

from __future__ import annotations

from textual.app import App
from textual.widget import Widget

from tuiroom.textual_private import rendered_strips


def screen_text(app: App[object], widget: Widget | None = None) -> str:
    """The visible screen (or one widget's part of it) as text, one line per row."""
    strips = rendered_strips(app.screen)
    if widget is None:
        return "\n".join(strip.text.rstrip() for strip in strips)
    region = widget.content_region
    rows = strips[region.y : region.bottom]
    return "\n".join(s.crop(region.x, region.right).text.rstrip() for s in rows)


def flat(text: str) -> str:
    """Text with wrapping undone, for asserting on sentences."""
    return " ".join(text.split())
