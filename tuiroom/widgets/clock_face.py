"""The big countdown with what it counts, what comes next, and how the day stands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Digits, Static

from tuiroom import livetext
from tuiroom.dayview import DayView
from tuiroom.i18n import t
from tuiroom.widgets.text import show

TONES = ("normal", "warning", "over")
STATES = ("waiting", "running", "paused", "finished")


class ClockFace(Widget):
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
    ClockFace #headline { text-style: bold; color: $primary; }
    ClockFace #status { color: $text-muted; }
    ClockFace.-warning #face { color: $warning; }
    ClockFace.-over #face { color: $error; }
    ClockFace.-paused #face { color: $text-muted; }
    ClockFace.-paused #subline { color: $warning; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Digits("--:--", id="face")
        with Vertical(id="about"):
            yield Static(id="headline", markup=False)
            yield Static(id="subline", markup=False)
            yield Static(id="next", markup=False)
            yield Static(id="status", markup=False)

    def show(self, view: DayView) -> None:
        face = self.query_one("#face", Digits)
        value = livetext.face(view)
        if face.value != value:
            face.update(value)
        show(self.query_one("#headline", Static), livetext.headline(view))
        show(self.query_one("#subline", Static), livetext.subline(view))
        hint = t("clock.start_hint") if view.state == "waiting" else ""
        show(self.query_one("#next", Static), livetext.next_line(view) or hint)
        show(self.query_one("#status", Static), livetext.status_line(view))
        for tone in TONES:
            self.set_class(view.tone == tone, f"-{tone}")
        for state in STATES:
            self.set_class(view.state == state, f"-{state}")
