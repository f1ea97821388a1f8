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


def phases_line(view: PhaseView, width: int | None = None) -> Content:
    """The exercise and its phases, each by the title the file gives it (else by its
    form), shortened so the line fits in `width` cells when there is one."""
    phases = view.exercise.phases
    names = [phase.title or t(f"form.{phase.form}") for phase in phases]
    suffixes = [f" {fmt.minutes(p.minutes)} min" if p.minutes else "" for p in phases]
    title, clock = view.exercise.title, "  " + countdown(view.remaining)
    if width is not None:
        fixed = len("▸ : ") + len(clock) + sum(len(s) + 3 for s in suffixes)
        room = width - fixed - len(title)
        least = sum(min(len(name), 14) for name in names)  # the phases come first
        if room < least:
            title = fmt.shorten(title, max(8, len(title) - (least - room)))
        names = fmt.shorten_all(names, width - fixed - len(title))
    parts: list[str | tuple[str, str]] = [(f"▸ {title}: ", "bold")]
    for index, (name, suffix) in enumerate(zip(names, suffixes, strict=True)):
        style = (
            "bold reverse" if index == view.position else ("dim" if index < view.position else "")
        )
        parts += [(f" {name}{suffix} ", style), " "]
    parts += [(clock, "bold")]
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
        yield Line(id="phases", markup=False)
        # A total from the start: without one a ProgressBar animates, even while hidden.
        yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="progress")
        yield Line(id="turn", markup=False)
        yield Line(id="posters", markup=False)

    view: PhaseView | None = None

    def on_mount(self) -> None:
        self.add_class("-empty")

    def on_resize(self) -> None:
        self.show(self.view)  # the phase titles are shortened to the new width

    def show(self, view: PhaseView | None) -> None:
        self.view = view
        self.set_class(view is None, "-empty")
        if view is None:
            return
        width = self.content_region.width or None  # not laid out yet: no shortening
        self.query_one("#phases", Line).show(phases_line(view, width))
        bar = self.query_one(ProgressBar)
        bar.update(total=max(1.0, view.length), progress=max(0.0, view.length - view.remaining))
        self.query_one("#turn", Line).show(livetext.phase_turn(view))
        posters = " · ".join(t("phase.poster", poster=p, visitors=v) for p, v in view.posters)
        self.query_one("#posters", Line).show(posters)
