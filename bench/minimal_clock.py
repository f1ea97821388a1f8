"""The baseline: the least a Textual app can do to show a clock that ticks every second.

One `Digits` with the time as HH:MM:SS, updated by `set_interval(1.0)`, and a `Static`
"READY" beside it that the benchmark waits for as its first frame.
"""

from __future__ import annotations

import time

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Digits, Static

MARKER = "READY"


class MinimalClock(App[None]):
    CSS = """
    Horizontal { height: auto; }
    Static { width: auto; margin: 2 2; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Digits(time.strftime("%H:%M:%S"), id="clock")
            yield Static(MARKER, id="ready")

    def on_mount(self) -> None:
        self.set_interval(1.0, self.tick)

    def tick(self) -> None:
        self.query_one("#clock", Digits).update(time.strftime("%H:%M:%S"))


if __name__ == "__main__":
    MinimalClock().run()
