"""The running exercise: its phases with the current one lit, time left in the phase,
and what the phase asks of the room (whose turn, when to switch, where to move)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ProgressBar

from tuiroom import fmt
from tuiroom.day import words as livetext
from tuiroom.day.clock import countdown
from tuiroom.day.view import PhaseView
from tuiroom.i18n import t
from tuiroom.widgets.text import Line


def phases_line(view: PhaseView) -> Content:
    parts: list[str | tuple[str, str]] = [(f"▸ {view.exercise.title}: ", "bold")]
    for index, phase in enumerate(view.exercise.phases):
        name = t(f"form.{phase.form}")
        label = f" {name} {fmt.minutes(phase.minutes)} min " if phase.minutes else f" {name} "
        style = (
            "bold reverse" if index == view.position else ("dim" if index < view.position else "")
        )
        parts += [(label, style), " "]
    parts += [("  " + countdown(view.remaining), "bold")]
    return Content.assemble(*parts)


class PhaseBar(Widget):
    DEFAULT_CSS = """
    PhaseBar {
        height: auto;
        padding: 0 1;
        background: $surface;
    }
    PhaseBar.-empty { display: none; }
    PhaseBar #phases { text-wrap: nowrap; text-overflow: ellipsis; }
    PhaseBar #turn { text-style: bold; color: $secondary; }
    PhaseBar ProgressBar { height: 1; width: 1fr; }
    PhaseBar ProgressBar Bar { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Line(id="phases")
        # A total from the start: without one a ProgressBar animates, even while hidden.
        yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="progress")
        yield Line(id="turn", markup=False)
        yield Line(id="posters", markup=False)

    def on_mount(self) -> None:
        self.add_class("-empty")

    def show(self, view: PhaseView | None) -> None:
        self.set_class(view is None, "-empty")
        if view is None:
            return
        self.query_one("#phases", Line).show(phases_line(view))
        bar = self.query_one(ProgressBar)
        bar.update(total=max(1.0, view.length), progress=max(0.0, view.length - view.remaining))
        self.query_one("#turn", Line).show(livetext.phase_turn(view))
        posters = " · ".join(t("phase.poster", poster=p, visitors=v) for p, v in view.posters)
        self.query_one("#posters", Line).show(posters)
