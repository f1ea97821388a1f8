"""The compact clock at the right of the section bar: the running item's countdown and
the phase's, so the time left is in sight on every screen, plenum too.

Coloured by the rule the agenda's big clock uses (`DayView.tone`), and redrawn only when
its text changes; a tick that leaves the width alone repaints without a new layout.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import Static

from tuiroom.day import words as livetext
from tuiroom.day.clock import countdown
from tuiroom.day.view import DayView
from tuiroom.i18n import t
from tuiroom.widgets.clock_face import tone_classes
from tuiroom.widgets.room_app import RoomApp

TITLE_WIDTH = 24  # an item's title beyond this ends in "…": the countdown is what counts
FACE = {"normal": "bold", "warning": "bold $warning", "over": "bold $error"}


def clipped(text: str, width: int = TITLE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def header_text(view: DayView, title: bool = True, phase_too: bool = True) -> Content:
    """'Psykologisk trygghet 12:58 · Gruppe 03:10': the item, then the running phase;
    on a narrow screen without the item's title, or the phase."""
    face = "bold $text-muted" if view.state == "paused" else FACE.get(view.tone, "bold")
    parts: list[str | tuple[str, str]] = []
    if view.state == "paused":
        parts += [(t("clock.paused"), "bold $warning"), " "]
    if title:
        parts += [clipped(livetext.headline(view)), " "]
    parts.append((livetext.face(view), face))
    phase = view.phase
    if phase is not None and phase_too and view.state != "finished":
        over = phase.remaining < 0
        parts += [
            (" · ", "$text-muted"),
            t(f"form.{phase.phase.form}"),
            " ",
            (countdown(phase.remaining), "bold $error" if over else "bold"),
        ]
    return Content.assemble(*parts)


class HeaderClock(Static, RoomApp):
    DEFAULT_CSS = """
    HeaderClock {
        width: auto;
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
    }
    """

    shown: tuple[str, tuple[object, ...]] = ("", ())  # the text and its styles
    classed: tuple[str, str] = ("", "")  # the tone and state its classes say
    room = 0  # columns the section bar leaves it; 0: as many as it likes

    def on_mount(self) -> None:
        self.show(self.room_app.day_view)
        self.watch(self.app, "day_view", self.show, init=False)

    def show(self, view: DayView | None) -> None:
        # Every section's screen stays mounted; only the one the room sees keeps its
        # clock going (it catches up when its screen comes back: SectionScreen).
        if view is None or not self.screen.is_current:
            return
        text = self.fitting(view)
        key = (text.plain, tuple(text.spans))  # Content compares its plain text only
        if key != self.shown:
            same_width = cell_len(key[0]) == cell_len(self.shown[0])
            self.shown = key
            self.update(text, layout=not same_width)  # most seconds: the digits only
        self.classed = tone_classes(self, view, self.classed)

    def fitting(self, view: DayView) -> Content:
        """The fullest form of the clock that fits its room (the countdown always)."""
        room = self.room - self.styles.gutter.width
        for title, phase in ((True, True), (False, True)):
            text = header_text(view, title, phase)
            if not self.room or text.cell_length <= room:
                return text
        return header_text(view, False, False)

    def fit(self, room: int) -> None:
        if room != self.room:
            self.room = room
            self.show(self.room_app.day_view)
