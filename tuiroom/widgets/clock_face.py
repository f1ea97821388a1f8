"""The big countdown with what it counts, what comes next, and how the day stands."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tuiroom.day import words as livetext
from tuiroom.day.planned import planned_hint
from tuiroom.day.view import DayView
from tuiroom.i18n import t
from tuiroom.widgets.clock_digits import ClockDigits

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

    shown: tuple[str | bool, ...] = ()
    classed: tuple[str, str] = ("", "")  # the tone and state its classes say

    def compose(self) -> ComposeResult:
        yield ClockDigits("--:--", id="face")
        yield Static(id="about", markup=False)

    def show(self, view: DayView) -> None:
        face = self.query_one("#face", ClockDigits)
        value = livetext.face(view)
        if face.value != value:
            face.update(value)
        lines = about_lines(view)
        if lines != self.shown:  # most seconds change the digits only
            self.shown = lines
            self.query_one("#about", Static).update(about(*lines))
        self.classed = tone_classes(self, view, self.classed)


def tone_classes(widget: Widget, view: DayView, classed: tuple[str, str]) -> tuple[str, str]:
    """Classes for the view's tone and state (-warning, -paused …) on `widget`, set only
    when they differ from `classed` (most seconds they do not); returns what they say."""
    now = (view.tone, view.state)
    if now != classed:
        for tone in TONES:
            widget.set_class(view.tone == tone, f"-{tone}")
        for state in STATES:
            widget.set_class(view.state == state, f"-{state}")
    return now


def about_lines(view: DayView) -> tuple[str, str, str, str, bool]:
    """What the countdown counts, when it started, what comes next, how the day stands."""
    return (
        livetext.headline(view),
        livetext.subline(view),
        livetext.next_line(view) or start_hint(view),
        livetext.status_line(view),
        view.state == "paused",
    )


def start_hint(view: DayView) -> str:
    """How the day begins: Space, by itself in a rehearsal on autopilot, or (opened on
    another day than the samling's) a rehearsal or Space to start it now."""
    if view.planned is not None:
        return planned_hint(view.planned)
    if view.state != "waiting":
        return ""
    return t("clock.autopilot_hint") if view.autopilot else t("clock.start_hint")


def about(headline: str, subline: str, following: str, status: str, paused: bool) -> Content:
    return Content.assemble(
        (headline, "bold $primary"),
        "\n",
        (subline, "bold $warning" if paused else ""),
        "\n",
        following,
        "\n",
        (status, "$text-muted"),
    )
