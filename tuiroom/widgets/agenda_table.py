"""The agenda as a table: time, minutes, item (with its note) and kind.

The item column takes whatever width is left, so long titles wrap instead of hiding.
"""

from __future__ import annotations

from rich.text import Text
from textual import events

from tuiroom import fmt
from tuiroom.i18n import t
from tuiroom.store.records import ItemRow
from tuiroom.widgets.select_table import SelectTable

TIME_WIDTH = 11
MIN_WIDTH = 4
KIND_WIDTH = 12
CHROME = 8  # cell padding of four columns


class AgendaTable(SelectTable):
    DEFAULT_CSS = """
    AgendaTable {
        height: 1fr;
    }
    """

    def __init__(self) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, id="agenda")
        self.items: list[ItemRow] = []

    def on_mount(self) -> None:
        self.add_column(t("agenda.time"), width=TIME_WIDTH, key="time")
        self.add_column(t("agenda.minutes"), width=MIN_WIDTH, key="minutes")
        self.add_column(t("agenda.item"), width=self.title_width(), key="title")
        self.add_column(t("agenda.kind"), width=KIND_WIDTH, key="kind")

    def title_width(self) -> int:
        available = self.size.width or 80
        return max(16, available - TIME_WIDTH - MIN_WIDTH - KIND_WIDTH - CHROME - 2)

    def on_resize(self, event: events.Resize) -> None:
        column = self.columns.get("title")  # type: ignore[call-overload]
        if column is not None and column.width != self.title_width():
            column.width = self.title_width()
            self.show(self.items)

    def show(self, items: list[ItemRow]) -> None:
        """Replace the rows, keeping the cursor on the same place."""
        row = self.cursor_row
        self.items = list(items)
        self.clear()
        for item in items:
            self.add_row(*self.cells(item), key=str(item.id), height=None)
        if items:
            self.move_cursor(row=min(row, len(items) - 1))

    def cells(self, item: ItemRow) -> tuple[Text, Text, Text, Text]:
        title = Text(item.title, style="bold")
        if item.note:
            title.append("\n" + item.note, style="italic")
        kind = Text(t(f"kind.{item.kind}"))
        if item.fixed:
            kind.append("\n" + t("agenda.fixed_mark"), style="bold")
        length = Text(str(item.duration) if item.duration else "", justify="right")
        return Text(fmt.span(item.start, item.end)), length, title, kind

    def current_item(self) -> ItemRow | None:
        if not self.items or self.cursor_row < 0:
            return None
        return self.items[min(self.cursor_row, len(self.items) - 1)]
