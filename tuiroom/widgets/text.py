"""Updating text only when it changed: a countdown ticks every second, and most of
what surrounds it does not change with it."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def show(widget: Static, value: str | Content) -> None:
    if getattr(widget, "_tuiroom_shown", None) != value:
        widget._tuiroom_shown = value  # type: ignore[attr-defined]
        widget.update(value)


def show_line(widget: Static, value: str) -> None:
    """Show `value`, or take the line away entirely when there is nothing to say."""
    show(widget, value)
    widget.display = bool(value)
