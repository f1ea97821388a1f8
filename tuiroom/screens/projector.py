"""What the room sees on the projector: the countdown, large, with the current and next
item and the running phase, or whatever the facilitator has put on the stage."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen

from tuiroom.day import stage_pages as paging
from tuiroom.day import words as livetext
from tuiroom.day.view import DayView
from tuiroom.startup import resume_collector
from tuiroom.store.records import StageRow
from tuiroom.widgets.big_clock import BigClock
from tuiroom.widgets.cards import card_from
from tuiroom.widgets.stage_pages import StagePages
from tuiroom.widgets.text import Line

TONES = ("normal", "warning", "over")


class ProjectorScreen(Screen[None]):
    BINDINGS = [
        Binding("pagedown,right", "turn(1)", "projector.key.next_page"),
        Binding("pageup,left", "turn(-1)", "projector.key.previous_page"),
        Binding("space", "hold", "projector.key.hold"),
    ]
    DEFAULT_CSS = """
    ProjectorScreen { align: center middle; }
    ProjectorScreen #room { width: 1fr; height: 1fr; padding: 0 2; }
    ProjectorScreen .line { width: 1fr; text-align: center; }
    ProjectorScreen #headline { text-style: bold; color: $primary; margin-top: 1; }
    ProjectorScreen #subline { color: $text-muted; }
    ProjectorScreen #phase { text-style: bold; color: $secondary; margin-top: 1; }
    ProjectorScreen #turn { text-style: bold; }
    ProjectorScreen #posters { color: $text-muted; }
    ProjectorScreen #next { margin-top: 1; }
    ProjectorScreen #status { color: $text-muted; }
    ProjectorScreen #stage { height: 1fr; padding: 0 2; display: none; }
    ProjectorScreen #stage-cards { height: 1fr; }
    ProjectorScreen #stage-title { text-style: bold; color: $primary; }
    ProjectorScreen.-stage #stage { display: block; }
    ProjectorScreen.-stage BigClock { height: 5; max-height: 5; }
    ProjectorScreen.-stage #phase, ProjectorScreen.-stage #posters,
    ProjectorScreen.-stage #next { display: none; }
    ProjectorScreen.-warning BigClock { color: $warning; }
    ProjectorScreen.-over BigClock { color: $error; }
    ProjectorScreen.-paused BigClock { color: $text-muted; }
    """

    stage_stamp: object = None
    stage_content: tuple[str, dict[str, object]] | None = None
    stage_turn = 0
    classed: tuple[str, str] = ("", "")  # the tone and state its classes say
    _clock: BigClock | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="room"):
            yield Line(id="headline", classes="line", markup=False)
            yield BigClock("--:--")
            yield Line(id="subline", classes="line", markup=False)
            with Vertical(id="stage"):
                yield Line(id="stage-title", markup=False)
                yield Line(id="stage-body", markup=False)
                yield StagePages(id="stage-cards")
            yield Line(id="phase", classes="line", markup=False)
            yield Line(id="turn", classes="line", markup=False)
            yield Line(id="posters", classes="line", markup=False)
            yield Line(id="next", classes="line", markup=False)
            yield Line(id="status", classes="line", markup=False)

    def __init__(self) -> None:
        super().__init__()
        self._lines: dict[str, Line] = {}

    def on_mount(self) -> None:
        self.call_after_refresh(resume_collector)  # paused by `tuiroom projector`

    def waiting(self, message: str) -> None:
        """Nothing to follow yet: say so, and keep the clock face empty."""
        self.query_one(BigClock).update("--:--")
        for name in ("subline", "phase", "turn", "posters", "next", "status"):
            self.query_one(f"#{name}", Line).show_line("")
        self.query_one("#headline", Line).show(message)

    def show_view(self, view: DayView, stage: StageRow | None) -> None:
        """Every second: the digits, and the lines and classes that changed."""
        line = self._line
        self._big_clock().update(livetext.face(view))
        line("headline").show(livetext.headline(view))
        line("subline").show_line(livetext.subline(view))
        phase = view.phase
        line("phase").show_line(_phase_text(view))
        line("turn").show_line(livetext.phase_turn(phase) if phase else "")
        posters = "   ".join(f"{p} ← {v}" for p, v in phase.posters) if phase else ""
        line("posters").show_line(posters)
        line("next").show_line(livetext.next_line(view))
        line("status").show_line(livetext.status_line(view))
        if (view.tone, view.state) != self.classed:  # most seconds: unchanged
            self.classed = (view.tone, view.state)
            for tone in TONES:
                self.set_class(view.tone == tone, f"-{tone}")
            self.set_class(view.state == "paused", "-paused")
        self.show_stage(stage)

    def _line(self, name: str) -> Line:
        """One of the screen's lines, looked up once (the clock asks every second)."""
        found = self._lines.get(name)
        if found is None:
            found = self._lines[name] = self.query_one(f"#{name}", Line)
        return found

    def _big_clock(self) -> BigClock:
        if self._clock is None:
            self._clock = self.query_one(BigClock)
        return self._clock

    def show_stage(self, stage: StageRow | None) -> None:
        """Whatever the facilitator put on the projector; redrawn only when it changes,
        and only turned a page when the facilitator turned one."""
        shown = stage is not None and stage.kind != "clock"
        self.set_class(shown, "-stage")
        stamp = stage.updated_at if stage is not None else None
        if stage is None or not shown or stamp == self.stage_stamp:
            return
        self.stage_stamp = stamp
        content, turn = paging.turns(stage.payload)
        if (stage.kind, content) == self.stage_content:
            self.query_one(StagePages).turn(turn - self.stage_turn)
            self.stage_turn = turn
            return
        self.stage_content, self.stage_turn = (stage.kind, content), turn
        self.show_content(stage.kind, content)

    def show_content(self, kind: str, payload: dict[str, object]) -> None:
        self.query_one("#stage-title", Line).show(str(payload.get("title", "")))
        cards = payload.get("cards") if kind == "cards" else None
        people = payload.get("people") if kind == "seating" else None
        body = self.query_one("#stage-body", Line)
        pages = self.query_one(StagePages)
        body.display = not isinstance(cards, list) and not isinstance(people, list)
        pages.display = not body.display
        if isinstance(cards, list):
            pages.show_cards([card_from(c) for c in cards])
        elif isinstance(people, list):
            pages.show_people([(str(name), str(group)) for name, group in people])
        else:
            lines = payload.get("lines", [])
            body.show("\n".join(str(line) for line in lines) if isinstance(lines, list) else "")

    def pace(self, seconds: float) -> None:
        self.query_one(StagePages).pace(seconds)

    def action_turn(self, step: int) -> None:
        self.query_one(StagePages).turn(step)

    def action_hold(self) -> None:
        self.query_one(StagePages).hold()


def _phase_text(view: DayView) -> str:
    phase = view.phase
    if phase is None:
        return ""
    from tuiroom.day.clock import countdown

    return f"{phase.exercise.title}: {livetext.phase_name(phase)} · {countdown(phase.remaining)}"
