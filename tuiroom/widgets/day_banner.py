"""One line that appears only when a fixed point is in danger, with the cut on offer."""

from __future__ import annotations

from tuiroom.day import words as livetext
from tuiroom.day.view import DayView
from tuiroom.widgets.text import Line


class DayBanner(Line):
    DEFAULT_CSS = """
    DayBanner {
        height: auto;
        padding: 0 1;
        background: $warning;
        color: $background;
        text-style: bold;
    }
    DayBanner.-empty { display: none; }
    """

    def on_mount(self) -> None:
        self.add_class("-empty")

    def show_view(self, view: DayView) -> None:
        misses = view.projection.misses
        active = bool(misses) and view.state in ("running", "paused")
        self.set_class(not active, "-empty")
        if active:
            self.show(f"{livetext.miss_line(misses[0])} {livetext.cut_line(view.cut)}")
