"""One quiet line at the bottom: where the data is kept."""

from __future__ import annotations

from textual.widgets import Static

from tuiroom.i18n import t


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        width: 1fr;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        path = self.app.store.path  # type: ignore[attr-defined]
        self.update(t("app.db", path=path if path else ":memory:"))
