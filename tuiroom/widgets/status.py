"""One quiet line at the bottom: where the data is kept (in a rehearsal: that it is one,
and where its copy is), under the programme file's warnings when it has any.

A long path loses its beginning, never its end: the file name is what people look for.
The warnings stay here rather than in a notice, which would cover the agenda.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.content import Content
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
        height: auto;
        width: 1fr;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.show(self.app.size.width - self.styles.gutter.width)

    def on_resize(self, event: events.Resize) -> None:
        self.show(self.content_size.width)

    def show(self, width: int) -> None:
        path = self.room_app.store.path
        label = t("app.db_rehearsal" if self.room_app.rehearsal else "app.db", path="")
        room = max(10, width - len(label))
        where = label + shorten(str(path) if path else ":memory:", room)
        warnings = [(f"{w}\n", "bold $warning") for w in self.room_app.startup_warnings]
        self.update(Content.assemble(*warnings, where))
