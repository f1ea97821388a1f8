"""The big countdown with what it counts, what comes next, and how the day stands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Digits, Static

from tuiroom import livetext
from tuiroom.dayview import DayView
from tuiroom.i18n import t
from tuiroom.widgets.text import show

TONES = ("normal", "warning", "over")
STATES = ("waiting", "running", "paused", "finished")


class ClockFace(Widget):
    """Two widgets only, the digits and one block of lines: it is the first thing drawn."""

    DEFAULT_CSS = """
    ClockFace {
        height: auto;
        layout: horizontal;
        padding: 0 1;
    }
    ClockFace #face {
        width: auto;
        min-width: 16;
        margin-right: 3;
        color: $foreground;
        text-style: bold;
    }
    ClockFace #about { width: 1fr; height: auto; }
    ClockFace.-warning #face { color: $warning; }
    ClockFace.-over #face { color: $error; }
    ClockFace.-paused #face { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Digits("--:--", id="face")
        yield Static(id="about")

    def show(self, view: DayView) -> None:
        face = self.query_one("#face", Digits)
        value = livetext.face(view)
        if face.value != value:
            face.update(value)
        show(self.query_one("#about", Static), about(view))
        for tone in TONES:
            self.set_class(view.tone == tone, f"-{tone}")
        for state in STATES:
            self.set_class(view.state == state, f"-{state}")


def about(view: DayView) -> Content:
    """What the countdown counts, when it started, what comes next, how the day stands."""
    hint = t("clock.start_hint") if view.state == "waiting" else ""
    paused = view.state == "paused"
    return Content.assemble(
        (livetext.headline(view), "bold $primary"),
        "\n",
        (livetext.subline(view), "bold $warning" if paused else ""),
        "\n",
        livetext.next_line(view) or hint,
        "\n",
        (livetext.status_line(view), "$text-muted"),
    )
