"""One quiet line at the bottom: where the data is kept (in a rehearsal: that it is one,
and where its copy is).

A long path loses its beginning, never its end: the file name is what people look for.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Static

from tuiroom.i18n import t
from tuiroom.widgets.room_app import RoomApp


def shorten(path: str, width: int) -> str:
    home = str(Path.home())
    if path.startswith(home + "/"):
        path = "~" + path[len(home) :]
    return path if len(path) <= width else "…" + path[-(width - 1) :]


class StatusLine(Static, RoomApp):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        width: 1fr;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def on_resize(self, event: events.Resize) -> None:
        path = self.room_app.store.path
        label = t("app.db_rehearsal" if self.room_app.rehearsal else "app.db", path="")
        room = max(10, self.content_size.width - len(label))
        self.update(label + shorten(str(path) if path else ":memory:", room))
